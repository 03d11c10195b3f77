// Dynamic client registration cannot be exhausted (issue 11): unused registrations expire, the endpoint is off with the
// MCP addon, IPv6 clients share a /64 rate window, and admins can list and purge registered clients.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insideOneRateMinute } from '../helpers/rate-minute';
import { startTestServer, type TestServer } from '../helpers/server';
import { makeUser } from '../helpers/users';
import { enableMcp } from './mcp.helpers';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ TRUST_PROXY: '1' });
  await enableMcp(server);
});
afterAll(async () => {
  await server?.close();
});

const register = (from = '203.0.113.50') =>
  fetch(`${server.url}/oauth/register`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': from },
    body: JSON.stringify({ client_name: 'Probe', redirect_uris: ['http://127.0.0.1:4567/cb'], token_endpoint_auth_method: 'none' }),
  });

describe('dynamic registration limits', () => {
  it('registered clients that never obtained a token expire after 24 h and free their place', async () => {
    const old = new Date(Date.now() - 25 * 3600_000);
    await server.services.db.oAuthClient.createMany({
      data: Array.from({ length: 500 }, () => ({
        clientId: `wmc_${crypto.randomBytes(8).toString('hex')}`,
        name: 'stale',
        redirectUris: ['http://127.0.0.1/cb'],
        allowedScopes: ['trips:read'],
        tokenEndpointAuthMethod: 'none',
        registeredDynamically: true,
        createdAt: old,
      })),
    });
    const res = await register('203.0.113.51');
    expect(res.status).toBe(201);
    expect(await server.services.db.oAuthClient.count({ where: { name: 'stale' } })).toBe(0);
  });

  it('IPv6 clients are rate limited per /64, not per address', async () => {
    await insideOneRateMinute();
    const statuses = [];
    for (let i = 1; i <= 11; i++) statuses.push((await register(`2001:db8:1:2::${i.toString(16)}`)).status);
    expect(statuses.slice(0, 10).every((s) => s === 201)).toBe(true);
    expect(statuses[10]).toBe(429);
    expect((await register('2001:db8:1:3::1')).status).toBe(201);
  });

  it('admins list registered clients and purge the unused ones', async () => {
    const admin = await makeUser(server, { admin: true });
    const listed = await admin.trpc.admin.listRegisteredClients.query();
    expect(listed.clients.length).toBeGreaterThan(0);
    expect(listed.clients[0]).toMatchObject({ clientId: expect.any(String), name: 'Probe', tokenCount: 0 });
    const purged = await admin.trpc.admin.purgeRegisteredClients.mutate({ unusedOnly: true });
    expect(purged.deleted).toBe(listed.clients.length);
    expect(await server.services.db.oAuthClient.count({ where: { ownerId: null } })).toBe(0);
  });

  it('/oauth/register answers like /mcp (403 mcp_disabled) while the MCP addon is off', async () => {
    await server.services.addons.set('mcp', false);
    try {
      const res = await register('203.0.113.52');
      expect(res.status).toBe(403);
      expect((await res.json()).error).toBe('mcp_disabled');
    } finally {
      await enableMcp(server);
    }
  });
});

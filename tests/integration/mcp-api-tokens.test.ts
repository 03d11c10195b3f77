// Static API tokens: create (shown once, only the hash stored), list, 10 at most, delete (ends its MCP sessions);
// the admin's view of every token; the audit log page; the CLI; the settings and admin pages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server';
import { expectTrpcError, makeUser } from '../helpers/users';
import { hashSecret } from '~/auth/tokens.server';
import { createTokenFromCli } from '../../bin/commands/token.ts';
import { CliUsageError } from '../../bin/commands/database.ts';
import { connect, createOAuthToken, enableMcp, initializeMessage, rawMcp, rawSession } from './mcp.helpers';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  await enableMcp(server);
});
afterAll(async () => {
  await server?.close();
});

describe('apiTokens procedures', () => {
  it('creates a wm_ token shown once; only its hash and a short prefix are stored; it works at /mcp', async () => {
    const { user, trpc } = await makeUser(server);
    const created = await trpc.apiTokens.createApiToken.mutate({ name: 'Laptop script' });
    expect(created.token).toMatch(/^wm_[a-z0-9]{32}$/);
    expect(created.apiToken).toMatchObject({ name: 'Laptop script', lastUsedAt: null });
    expect(created.token.startsWith(created.apiToken.prefix)).toBe(true);
    expect(created.apiToken.prefix.length).toBeLessThan(12);
    const row = await server.services.db.apiToken.findUniqueOrThrow({ where: { id: created.apiToken.id } });
    expect(row.tokenHash).toBe(hashSecret(created.token));
    expect(JSON.stringify(row)).not.toContain(created.token);
    const listed = await trpc.apiTokens.listApiTokens.query();
    expect(listed.apiTokens.map((t) => t.name)).toEqual(['Laptop script']);
    expect(JSON.stringify(listed)).not.toContain(created.token);
    expect(row.userId).toBe(user.id);

    const { client } = await connect(server, created.token);
    await client.callTool({ name: 'list_trips', arguments: {} });
    await client.close();
    const after = await trpc.apiTokens.listApiTokens.query();
    expect(after.apiTokens[0].lastUsedAt).not.toBeNull();
  });

  it('allows at most 10 tokens per user, with a message saying so', async () => {
    const { trpc } = await makeUser(server);
    for (let i = 0; i < 10; i++) await trpc.apiTokens.createApiToken.mutate({ name: `t${i}` });
    const err = await expectTrpcError(trpc.apiTokens.createApiToken.mutate({ name: 'eleventh' }));
    expect(err.code).toBe('BAD_REQUEST');
    expect(err.message).toMatch(/at most 10 API tokens/);
    expect((await trpc.apiTokens.listApiTokens.query()).apiTokens).toHaveLength(10);
  });

  it('rejects an empty or too long name', async () => {
    const { trpc } = await makeUser(server);
    expect((await expectTrpcError(trpc.apiTokens.createApiToken.mutate({ name: '  ' }))).message).toMatch(/name/);
    expect((await expectTrpcError(trpc.apiTokens.createApiToken.mutate({ name: 'x'.repeat(101) }))).message).toMatch(/100/);
  });

  it('deleting a token ends its MCP sessions and the token stops working; another user cannot delete it', async () => {
    const owner = await makeUser(server);
    const other = await makeUser(server);
    const { token, apiToken } = await owner.trpc.apiTokens.createApiToken.mutate({ name: 'doomed' });
    const sessionId = await rawSession(server, token);
    expect((await expectTrpcError(other.trpc.apiTokens.deleteApiToken.mutate({ tokenId: apiToken.id }))).code).toBe('NOT_FOUND');
    await owner.trpc.apiTokens.deleteApiToken.mutate({ tokenId: apiToken.id });
    expect(await server.services.db.apiToken.count({ where: { id: apiToken.id } })).toBe(0);
    expect((await rawMcp(server, { jsonrpc: '2.0', id: 2, method: 'ping' }, { token, sessionId })).status).toBe(401);
    expect((await rawMcp(server, initializeMessage, { token })).status).toBe(401);
  });

  it('cannot be reached with a bearer token (web session only)', async () => {
    const { user } = await makeUser(server);
    const { token } = await createOAuthToken(server, user.id, ['trips:read']);
    const res = await fetch(`${server.url}/api/trpc/apiTokens.listApiTokens`, { headers: { Authorization: `Bearer ${token}` } });
    expect(res.status).toBe(401);
  });

  it('admins list every token with its owner and can delete any; others cannot', async () => {
    const admin = await makeUser(server, { admin: true });
    const alice = await makeUser(server, { displayName: 'Alice' });
    const { apiToken } = await alice.trpc.apiTokens.createApiToken.mutate({ name: 'alice-token' });
    const all = await admin.trpc.apiTokens.listAllApiTokens.query();
    const mine = all.apiTokens.find((t) => t.id === apiToken.id)!;
    expect(mine.owner).toMatchObject({ id: alice.user.id, displayName: 'Alice' });
    expect((await expectTrpcError(alice.trpc.apiTokens.listAllApiTokens.query())).code).toBe('FORBIDDEN');
    expect((await expectTrpcError(alice.trpc.apiTokens.adminDeleteApiToken.mutate({ tokenId: apiToken.id }))).code).toBe('FORBIDDEN');
    await admin.trpc.apiTokens.adminDeleteApiToken.mutate({ tokenId: apiToken.id });
    expect(await server.services.db.apiToken.count({ where: { id: apiToken.id } })).toBe(0);
  });

  it('the audit log lists mcp.tool_call entries (user, client, tool, success) for admins, paged', async () => {
    const admin = await makeUser(server, { admin: true });
    const { user, trpc } = await makeUser(server);
    const { token } = await trpc.apiTokens.createApiToken.mutate({ name: 'audited' });
    const { client } = await connect(server, token);
    await client.callTool({ name: 'list_trips', arguments: {} });
    await client.callTool({ name: 'get_trip_summary', arguments: { tripId: 999999 } });
    await client.close();
    const page = await admin.trpc.apiTokens.listAuditLog.query({ page: 1 });
    const calls = page.entries.filter((e) => e.action === 'mcp.tool_call' && e.userId === user.id);
    expect(calls.map((c) => [c.detail?.tool, c.success])).toEqual([
      ['get_trip_summary', false],
      ['list_trips', true],
    ]);
    expect(calls[0].user?.id).toBe(user.id);
    expect(calls[0].clientId).toMatch(/^static:\d+$/);
    expect(page.pageSize).toBe(50);
    expect(page.total).toBeGreaterThanOrEqual(2);
    expect((await expectTrpcError(trpc.apiTokens.listAuditLog.query({ page: 1 }))).code).toBe('FORBIDDEN');
  });
});

describe('CLI and pages', () => {
  it('`waymark token create` creates a working token for the user', async () => {
    const { user } = await makeUser(server);
    const { token } = await createTokenFromCli(server.services, { user: user.email, name: 'cli' });
    expect(token).toMatch(/^wm_/);
    expect((await rawMcp(server, initializeMessage, { token })).status).toBe(200);
    await expect(createTokenFromCli(server.services, { user: 'nobody@example.test', name: 'x' })).rejects.toThrow(CliUsageError);
  });

  it('Settings → Integrations shows the MCP endpoint; the admin pages are for admins only', async () => {
    const { cookie } = await makeUser(server);
    const admin = await makeUser(server, { admin: true });
    const page = await fetch(`${server.url}/settings/integrations`, { headers: { Cookie: cookie } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(`${server.url}/mcp`);
    expect(html).toContain('Static API tokens');
    expect((await fetch(`${server.url}/settings/integrations`, { redirect: 'manual' })).status).toBe(302);
    expect((await fetch(`${server.url}/admin/mcp`, { headers: { Cookie: cookie } })).status).toBe(404);
    for (const path of ['/admin/mcp', '/admin/audit']) {
      const res = await fetch(`${server.url}${path}`, { headers: { Cookie: admin.cookie } });
      expect(res.status, path).toBe(200);
    }
  });
});

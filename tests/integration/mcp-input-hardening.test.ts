// JSON-RPC input on /mcp that must not get through or break things (issue 11): batches (one request must not carry more
// work than the rate limit allows) and malformed resource URIs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server';
import { makeUser } from '../helpers/users';
import { createOAuthToken, enableMcp, rawMcp, rawSession } from './mcp.helpers';

describe('JSON-RPC batches (MCP_RATE_LIMIT=30)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ MCP_RATE_LIMIT: '30' });
    await enableMcp(server);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('a batch of 100 tools/call create_trip is refused with a JSON-RPC error and creates nothing', async () => {
    const { user } = await makeUser(server);
    const { token } = await createOAuthToken(server, user.id, ['trips:write']);
    const sessionId = await rawSession(server, token);
    const batch = Array.from({ length: 100 }, (_, i) => ({
      jsonrpc: '2.0',
      id: i + 2,
      method: 'tools/call',
      params: { name: 'create_trip', arguments: { title: `Batch ${i}` } },
    }));
    const res = await rawMcp(server, batch, { token, sessionId });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe(-32600);
    expect(body.error.message).toMatch(/batch/i);
    expect(await server.services.db.trip.count({ where: { ownerId: user.id } })).toBe(0);
  });

  it('a batch of two notifications is refused as well (no message bypasses the per-request count)', async () => {
    const { user } = await makeUser(server);
    const { token } = await createOAuthToken(server, user.id, ['trips:write']);
    const sessionId = await rawSession(server, token);
    const res = await rawMcp(
      server,
      [
        { jsonrpc: '2.0', method: 'notifications/initialized' },
        { jsonrpc: '2.0', id: 5, method: 'tools/call', params: { name: 'create_trip', arguments: { title: 'x' } } },
      ],
      { token, sessionId },
    );
    expect(res.status).toBe(400);
    expect(await server.services.db.trip.count({ where: { ownerId: user.id } })).toBe(0);
  });

  it('a single message in an array of one is still answered (as an array)', async () => {
    const { user } = await makeUser(server);
    const { token } = await createOAuthToken(server, user.id, ['trips:write']);
    const sessionId = await rawSession(server, token);
    const res = await rawMcp(server, [{ jsonrpc: '2.0', id: 3, method: 'ping' }], { token, sessionId });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual([{ jsonrpc: '2.0', id: 3, result: {} }]);
  });
});

describe('resources/read with a malformed percent escape', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
    await enableMcp(server);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('is a JSON-RPC error naming the URI, not a 500', async () => {
    const { user } = await makeUser(server);
    const { token } = await createOAuthToken(server, user.id, ['trips:read']);
    const sessionId = await rawSession(server, token);
    const res = await rawMcp(server, { jsonrpc: '2.0', id: 7, method: 'resources/read', params: { uri: 'waymark://trips/%E0%A4%A' } }, { token, sessionId });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.error.code).toBe(-32602);
    expect(body.error.message).toMatch(/malformed/i);
  });
});

// MCP limits: concurrent sessions per user, requests per minute per user–client pair, idle expiry.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insideOneRateMinute } from '../helpers/rate-minute';
import { startTestServer, type TestServer } from '../helpers/server';
import { makeUser } from '../helpers/users';
import { connect, createOAuthToken, createStaticToken, enableMcp, initializeMessage, rawMcp, rawSession } from './mcp.helpers';

type Runtime = { clockOffsetMs: number };

const runtimeOf = (s: TestServer) => (s.services as unknown as Record<symbol, Runtime>)[Symbol.for('waymark.mcp.runtime')];

describe('session limit and idle expiry (defaults: 20 sessions, 60 minutes)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
    await enableMcp(server);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('the 21st concurrent session of a user is answered 429 with Retry-After and a message naming the limit', async () => {
    const { user } = await makeUser(server);
    const a = await createStaticToken(server, user.id);
    const b = await createOAuthToken(server, user.id, ['trips:read']);
    // the limit is per user, across clients
    for (let i = 0; i < 10; i++) await rawSession(server, a.token);
    for (let i = 0; i < 10; i++) await rawSession(server, b.token);
    const res = await rawMcp(server, initializeMessage, { token: a.token });
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(JSON.stringify(await res.json())).toMatch(/at most 20 concurrent MCP sessions/);
    // another user is not affected
    const other = await makeUser(server);
    const t = await createStaticToken(server, other.user.id);
    expect((await rawMcp(server, initializeMessage, { token: t.token })).status).toBe(200);
  });

  it('ending a session frees its place', async () => {
    const { user } = await makeUser(server);
    const { token } = await createStaticToken(server, user.id);
    const ids = [];
    for (let i = 0; i < 20; i++) ids.push(await rawSession(server, token));
    expect((await rawMcp(server, initializeMessage, { token })).status).toBe(429);
    expect((await rawMcp(server, null, { token, sessionId: ids[0], method: 'DELETE' })).status).toBe(200);
    expect((await rawMcp(server, initializeMessage, { token })).status).toBe(200);
  });

  it('a session idle for longer than the limit is gone (404, so the client re-initialises) and frees its place', async () => {
    const { user } = await makeUser(server);
    const { token } = await createStaticToken(server, user.id);
    const { client } = await connect(server, token);
    await client.callTool({ name: 'list_trips', arguments: {} });
    const kept = await rawSession(server, token);
    const runtime = runtimeOf(server);
    try {
      runtime.clockOffsetMs = 59 * 60_000;
      // 59 minutes later the raw session is still alive and is touched
      expect((await rawMcp(server, { jsonrpc: '2.0', id: 9, method: 'ping' }, { token, sessionId: kept })).status).toBe(200);
      runtime.clockOffsetMs = 61 * 60_000;
      // the SDK session was last seen 61 minutes ago: expired
      await expect(client.callTool({ name: 'list_trips', arguments: {} })).rejects.toThrow(/404|not found or expired/i);
      // the touched one was seen 2 minutes ago: alive
      expect((await rawMcp(server, { jsonrpc: '2.0', id: 10, method: 'ping' }, { token, sessionId: kept })).status).toBe(200);
      for (let i = 0; i < 19; i++) await rawSession(server, token);
      expect((await rawMcp(server, initializeMessage, { token })).status).toBe(429);
    } finally {
      runtime.clockOffsetMs = 0;
    }
  });
});

describe('rate limit (MCP_RATE_LIMIT=8)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ MCP_RATE_LIMIT: '8' });
    await enableMcp(server);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('answers 429 with Retry-After and a message naming the limit once a user–client pair exceeds it', async () => {
    await insideOneRateMinute(10_000);
    const { user } = await makeUser(server);
    const first = await createOAuthToken(server, user.id, ['trips:read']);
    const sessionId = await rawSession(server, first.token); // request 1
    const statuses = [];
    for (let i = 0; i < 8; i++) {
      const res = await rawMcp(server, { jsonrpc: '2.0', id: i + 2, method: 'ping' }, { token: first.token, sessionId });
      statuses.push(res.status);
      if (res.status === 429) {
        const retryAfter = Number(res.headers.get('retry-after'));
        expect(retryAfter).toBeGreaterThanOrEqual(1);
        expect(retryAfter).toBeLessThanOrEqual(60);
        expect((await res.json()).message).toMatch(/at most 8 MCP requests per minute/);
      }
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200, 429]);
    // another client of the same user has its own window
    const second = await createOAuthToken(server, user.id, ['trips:read']);
    expect((await rawMcp(server, initializeMessage, { token: second.token })).status).toBe(200);
  });

  it('the window resets after a minute', async () => {
    const { user } = await makeUser(server);
    const { token } = await createStaticToken(server, user.id);
    await insideOneRateMinute(10_000);
    for (let i = 0; i < 8; i++) expect((await rawMcp(server, initializeMessage, { token })).status).toBe(200);
    expect((await rawMcp(server, initializeMessage, { token })).status).toBe(429);
    const runtime = runtimeOf(server);
    runtime.clockOffsetMs = 60_000;
    try {
      expect((await rawMcp(server, initializeMessage, { token })).status).toBe(200);
    } finally {
      runtime.clockOffsetMs = 0;
    }
  });
});

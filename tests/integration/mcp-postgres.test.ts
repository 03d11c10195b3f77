// Two app instances on one PostgreSQL: a session opened through one continues through the other; limits and
// session closing are shared (the database-backed session store, as used whenever DATABASE_URL is set).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { createTestDatabase, startTestServer, type TestServer } from '../helpers/server';
import { makeUser } from '../helpers/users';
import { createOAuthToken, createStaticToken, enableMcp, initializeMessage, rawMcp, rawSession } from './mcp.helpers';

describe('MCP sessions shared by two instances on one PostgreSQL', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let a: TestServer;
  let b: TestServer;
  const APP_URL = 'http://waymark.test';

  beforeAll(async () => {
    database = await createTestDatabase();
    // Both instances are one deployment behind a load balancer: same APP_URL, so tokens bound to it work on both.
    a = await startTestServer({ APP_URL, MCP_RATE_LIMIT: '40' }, database);
    b = await startTestServer({ APP_URL, MCP_RATE_LIMIT: '40' }, database);
    await enableMcp(a);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await database?.drop();
  });

  it('a session initialised on one instance continues on the other (SDK client switching instances)', async () => {
    const { user } = await makeUser(a);
    const { token } = await createOAuthToken(a, user.id, ['trips:write'], { resource: `${APP_URL}/mcp` });
    let useB = false;
    const transport = new StreamableHTTPClientTransport(new URL(`${a.url}/mcp`), {
      requestInit: { headers: { Authorization: `Bearer ${token}` } },
      // every request after initialize goes to instance B
      fetch: (input, init) => {
        const url = new URL(String(input instanceof Request ? input.url : input));
        if (useB) url.port = String(b.port);
        return fetch(url, init);
      },
    });
    const client = new Client({ name: 'two-instances', version: '1' });
    await client.connect(transport);
    useB = true;
    const created = (await client.callTool({ name: 'create_trip', arguments: { title: 'Across instances' } })) as unknown as {
      isError?: boolean;
      structuredContent: { trip: { id: number } };
    };
    expect(created.isError).toBeFalsy();
    const listed = (await client.callTool({ name: 'list_trips', arguments: {} })) as unknown as { structuredContent: { trips: Array<{ title: string }> } };
    expect(listed.structuredContent.trips.map((t) => t.title)).toEqual(['Across instances']);
    const rows = await a.services.db.mcpSession.findMany({ where: { userId: user.id } });
    expect(rows).toHaveLength(1);
    await transport.terminateSession();
    expect((await a.services.db.mcpSession.findUniqueOrThrow({ where: { id: rows[0].id } })).closedAt).not.toBeNull();
    await client.close();
  });

  it('the session limit and the rate limit count across instances', async () => {
    const { user } = await makeUser(a);
    const { token } = await createStaticToken(a, user.id);
    for (let i = 0; i < 20; i++) await rawSession(i % 2 ? a : b, token);
    expect((await rawMcp(a, initializeMessage, { token })).status).toBe(429);
    expect((await rawMcp(b, initializeMessage, { token })).status).toBe(429);
    // 22 requests so far; 18 more reach the limit of 40 per minute, shared
    const statuses = [];
    for (let i = 0; i < 20; i++) statuses.push((await rawMcp(i % 2 ? a : b, { jsonrpc: '2.0', id: i, method: 'ping' }, { token })).status);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(1);
  });

  it('an idle session expires for both instances, and closing by filter reaches sessions opened elsewhere', async () => {
    const { user } = await makeUser(a);
    const { token, clientId } = await createOAuthToken(a, user.id, ['trips:read'], { resource: `${APP_URL}/mcp` });
    const idle = await rawSession(a, token);
    const closed = await rawSession(a, token);
    await a.services.db.mcpSession.update({ where: { id: idle }, data: { lastSeenAt: new Date(Date.now() - 61 * 60_000) } });
    expect((await rawMcp(b, { jsonrpc: '2.0', id: 1, method: 'ping' }, { token, sessionId: idle })).status).toBe(404);
    expect((await rawMcp(b, { jsonrpc: '2.0', id: 1, method: 'ping' }, { token, sessionId: closed })).status).toBe(200);
    // the closer works on the database rows, whichever instance opened them (the idle row is marked closed too)
    const n = await b.services.mcpSessions.close({ clientKey: `oauth:${clientId}` });
    expect(n).toBe(2);
    expect((await rawMcp(a, { jsonrpc: '2.0', id: 2, method: 'ping' }, { token, sessionId: closed })).status).toBe(404);
  });
});

// The logging capability: logging/setLevel per session, and the one notifications/message warning a session that
// authenticated with a deprecated static API token receives (once its client set a level at or below "warning").
// The official SDK client and a plain HTTP JSON-RPC client.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoggingMessageNotificationSchema, type LoggingMessageNotification } from '@modelcontextprotocol/sdk/types.js';
import { startTestServer, type TestServer } from '../helpers/server';
import { makeUser } from '../helpers/users';
import { connect, createOAuthToken, createStaticToken, enableMcp, rawMcp, rawSession } from './mcp.helpers';
import { rawExchange } from './mcp-sse.helpers';

let server: TestServer;
let anna: Awaited<ReturnType<typeof makeUser>>;

beforeAll(async () => {
  server = await startTestServer();
  await enableMcp(server);
  anna = await makeUser(server);
});
afterAll(async () => {
  await server?.close();
});

/** An SDK client on `token` that records log messages. */
async function loggingClient(token: string) {
  const { client } = await connect(server, token);
  const messages: LoggingMessageNotification['params'][] = [];
  client.setNotificationHandler(LoggingMessageNotificationSchema, (n) => {
    messages.push(n.params);
  });
  return { client, messages };
}

describe('logging with the SDK client', () => {
  it('declares the logging capability', async () => {
    const { token } = await createOAuthToken(server, anna.user.id, ['trips:read']);
    const { client } = await connect(server, token);
    expect(client.getServerCapabilities()?.logging).toEqual({});
    await client.close();
  });

  it('warns a static-token session once, after its client set a level, and never again in that session', async () => {
    const { token } = await createStaticToken(server, anna.user.id);
    const { client, messages } = await loggingClient(token);
    await client.callTool({ name: 'list_trips', arguments: {} });
    expect(messages).toEqual([]);
    await client.setLoggingLevel('info');
    await client.ping();
    expect(messages).toEqual([
      { level: 'warning', logger: 'waymark.auth', data: { code: 'deprecated_static_token', message: expect.stringMatching(/static API token.*deprecated/) } },
    ]);
    await client.callTool({ name: 'list_trips', arguments: {} });
    await client.setLoggingLevel('debug');
    await client.ping();
    expect(messages).toHaveLength(1);
    await client.close();
  });

  it('sends nothing below the level the session set', async () => {
    const { token } = await createStaticToken(server, anna.user.id);
    const { client, messages } = await loggingClient(token);
    await client.setLoggingLevel('error');
    await client.callTool({ name: 'list_trips', arguments: {} });
    await client.ping();
    expect(messages).toEqual([]);
    await client.close();
  });

  it('does not warn an OAuth session, and refuses an unknown level', async () => {
    const { token } = await createOAuthToken(server, anna.user.id, ['trips:read']);
    const { client, messages } = await loggingClient(token);
    await client.setLoggingLevel('debug');
    await client.callTool({ name: 'list_trips', arguments: {} });
    expect(messages).toEqual([]);
    await expect(client.setLoggingLevel('loud' as 'debug')).rejects.toThrow(/level must be one of debug, info/);
    await client.close();
  });
});

describe('logging over plain HTTP', () => {
  it('answers logging/setLevel with the warning on an SSE stream, then {}; later requests answer plain JSON', async () => {
    const { token } = await createStaticToken(server, anna.user.id);
    const sessionId = await rawSession(server, token);
    // before a level is set: plain JSON, no log messages
    const ping = await rawMcp(server, { jsonrpc: '2.0', id: 2, method: 'ping' }, { token, sessionId });
    expect(ping.headers.get('content-type')).toContain('application/json');
    const set = await rawExchange(server, { jsonrpc: '2.0', id: 3, method: 'logging/setLevel', params: { level: 'warning' } }, { token, sessionId });
    expect(set.contentType).toContain('text/event-stream');
    expect(set.messages).toEqual([
      { jsonrpc: '2.0', method: 'notifications/message', params: { level: 'warning', logger: 'waymark.auth', data: expect.objectContaining({ code: 'deprecated_static_token' }) } },
    ]);
    expect(set.response).toEqual({ jsonrpc: '2.0', id: 3, result: {} });
    const after = await rawExchange(server, { jsonrpc: '2.0', id: 4, method: 'tools/list' }, { token, sessionId });
    expect(after.contentType).toContain('application/json');
    const bad = await rawExchange(server, { jsonrpc: '2.0', id: 5, method: 'logging/setLevel', params: { level: 'LOUD' } }, { token, sessionId });
    expect(bad.response.error).toEqual({ code: -32602, message: expect.stringMatching(/^Invalid params: level must be one of/) });
  });

  it('a client that does not accept SSE gets plain JSON and no messages', async () => {
    const { token } = await createStaticToken(server, anna.user.id);
    const sessionId = await rawSession(server, token);
    const res = await rawMcp(server, { jsonrpc: '2.0', id: 2, method: 'logging/setLevel', params: { level: 'debug' } }, { token, sessionId, headers: { Accept: 'application/json' } });
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(await res.json()).toEqual({ jsonrpc: '2.0', id: 2, result: {} });
  });
});

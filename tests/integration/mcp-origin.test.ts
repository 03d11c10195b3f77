// /mcp against DNS rebinding (issue 11): Host and Origin must name this server (APP_URL); and DELETE ends only a
// session the calling client opened.
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server';
import { makeUser } from '../helpers/users';
import { createOAuthToken, enableMcp, initializeMessage, rawMcp, rawSession } from './mcp.helpers';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  await enableMcp(server);
});
afterAll(async () => {
  await server?.close();
});

/** fetch cannot forge Host: a raw request can. */
function postWithHost(host: string, token: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify(initializeMessage);
    const req = http.request(
      {
        host: '127.0.0.1',
        port: server.port,
        path: '/mcp',
        method: 'POST',
        headers: {
          Host: host,
          'Content-Type': 'application/json',
          Accept: 'application/json, text/event-stream',
          Authorization: `Bearer ${token}`,
          'Content-Length': Buffer.byteLength(body),
        },
      },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('/mcp Host and Origin', () => {
  it('refuses a forged Host (403) and accepts the server’s own', async () => {
    const { user } = await makeUser(server);
    const { token } = await createOAuthToken(server, user.id, ['trips:read']);
    expect(await postWithHost('evil.example', token)).toBe(403);
    expect(await postWithHost(new URL(server.config.appUrl).host, token)).toBe(200);
  });

  it('refuses a foreign Origin (403) and accepts the server’s own or none', async () => {
    const { user } = await makeUser(server);
    const { token } = await createOAuthToken(server, user.id, ['trips:read']);
    expect((await rawMcp(server, initializeMessage, { token, headers: { Origin: 'http://evil.example' } })).status).toBe(403);
    expect((await rawMcp(server, initializeMessage, { token, headers: { Origin: new URL(server.config.appUrl).origin } })).status).toBe(200);
    expect((await rawMcp(server, initializeMessage, { token })).status).toBe(200);
  });
});

describe('/mcp Host and Origin on loopback (DNS rebinding, conformance scenario dns-rebinding-protection)', () => {
  it('accepts a loopback Origin on another port (a local tool), refuses a foreign Origin even with a loopback Host', async () => {
    const { user } = await makeUser(server);
    const { token } = await createOAuthToken(server, user.id, ['trips:read']);
    for (const origin of ['http://localhost:5999', 'http://127.0.0.1:1', 'http://[::1]:8080']) {
      expect((await rawMcp(server, initializeMessage, { token, headers: { Origin: origin } })).status, origin).toBe(200);
    }
    for (const origin of ['http://localhost.evil.example', 'http://127.0.0.1.evil.example:80', 'null', 'https://evil.example']) {
      expect((await rawMcp(server, initializeMessage, { token, headers: { Origin: origin } })).status, origin).toBe(403);
    }
  });

  it('refuses a rebinding page’s own name as Host (also one that starts with localhost) and accepts a loopback Host', async () => {
    const { user } = await makeUser(server);
    const { token } = await createOAuthToken(server, user.id, ['trips:read']);
    expect(await postWithHost('evil.example.com', token)).toBe(403);
    expect(await postWithHost('localhost.evil.example.com', token)).toBe(403);
    expect(await postWithHost(`localhost:${server.port}`, token)).toBe(200);
  });
});

describe('DELETE /mcp', () => {
  it('another client of the same user cannot end the session (404) and it stays usable', async () => {
    const { user } = await makeUser(server);
    const mine = await createOAuthToken(server, user.id, ['trips:read']);
    const other = await createOAuthToken(server, user.id, ['trips:read']);
    const sessionId = await rawSession(server, mine.token);
    expect((await rawMcp(server, null, { token: other.token, sessionId, method: 'DELETE' })).status).toBe(404);
    expect((await rawMcp(server, { jsonrpc: '2.0', id: 2, method: 'ping' }, { token: mine.token, sessionId })).status).toBe(200);
    expect((await rawMcp(server, null, { token: mine.token, sessionId, method: 'DELETE' })).status).toBe(200);
  });
});

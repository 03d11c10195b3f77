// The embedded realtime WebSocket (issue 11): a page of another site cannot connect (Origin), and one address or one
// user cannot hold more than the configured number of connections.
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server';
import { makeUser } from '../helpers/users';
import { authorize, realtimeOfServer } from './realtime.helpers';

let server: TestServer;
const sockets: WebSocket[] = [];
beforeAll(async () => {
  server = await startTestServer({ REALTIME_MAX_CONNECTIONS_PER_IP: '4', REALTIME_MAX_CONNECTIONS_PER_USER: '2' });
});
afterAll(async () => {
  for (const s of sockets) s.terminate();
  await server?.close();
});

/** Opens a socket; resolves with its socket id, or with the HTTP status that refused the upgrade. */
function open(headers: Record<string, string> = {}): Promise<{ socketId?: string; status?: number }> {
  const key = realtimeOfServer(server).clientConfig.key;
  const ws = new WebSocket(`ws://127.0.0.1:${server.port}/app/${key}?protocol=7`, { headers });
  sockets.push(ws);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no answer')), 5000);
    ws.on('unexpected-response', (_req, res) => {
      clearTimeout(timer);
      resolve({ status: res.statusCode });
    });
    ws.on('message', (raw) => {
      const msg = JSON.parse(String(raw));
      if (msg.event === 'pusher:connection_established') {
        clearTimeout(timer);
        resolve({ socketId: JSON.parse(msg.data).socket_id });
      }
    });
    ws.on('error', () => {});
  });
}

describe('embedded realtime WebSocket limits', () => {
  it('refuses an upgrade whose Origin is another site, accepts its own origin', async () => {
    expect((await open({ Origin: 'http://evil.example' })).status).toBe(403);
    expect((await open({ Origin: server.url })).socketId).toBeTruthy();
  });

  it('a user gets no channel authorization beyond the per-user connection cap', async () => {
    const { cookie, user } = await makeUser(server);
    const statuses = [];
    for (let i = 0; i < 3; i++) {
      const { socketId } = await open();
      statuses.push((await authorize(server, cookie, socketId!, `private-user-${user.id}`)).status);
    }
    expect(statuses).toEqual([200, 200, 429]);
  });

  it('one address cannot open more than the per-address cap', async () => {
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await open());
    // 4 sockets are open already from the earlier cases in this file, plus these: beyond 4 the upgrade is refused
    expect(results.some((r) => r.status === 429)).toBe(true);
  });
});

// The embedded server's WebSocket protocol, spoken raw: handshake, error codes, ping/pong, idle connections, bad frames.
import http from 'node:http';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startTestServer, type TestServer } from '../helpers/server';
import { makeUser } from '../helpers/users';
import { EmbeddedPusherServer } from '~/realtime/embedded-server.server';
import { channelAuth } from '~/realtime/signatures.server';
import { authorize, realtimeOfServer, sleep, waitFor } from './realtime.helpers';

interface Frame {
  event: string;
  channel?: string;
  data: unknown;
}

class RawClient {
  frames: Frame[] = [];
  closed: { code: number; reason: string } | null = null;
  socketId = '';
  constructor(readonly ws: WebSocket) {
    ws.on('message', (raw) => {
      const frame = JSON.parse(raw.toString()) as Frame;
      if (typeof frame.data === 'string') {
        try {
          frame.data = JSON.parse(frame.data);
        } catch {
          /* keep string */
        }
      }
      if (frame.event === 'pusher:connection_established') this.socketId = (frame.data as { socket_id: string }).socket_id;
      this.frames.push(frame);
    });
    ws.on('close', (code, reason) => {
      this.closed = { code, reason: reason.toString() };
    });
  }
  static async open(url: string) {
    const ws = new WebSocket(url);
    const client = new RawClient(ws);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    return client;
  }
  send(value: unknown) {
    this.ws.send(typeof value === 'string' ? value : JSON.stringify(value));
  }
  async next(event: string, timeoutMs = 3000) {
    return waitFor(() => this.frames.find((f) => f.event === event), timeoutMs);
  }
  async waitClosed(timeoutMs = 3000): Promise<{ code: number; reason: string }> {
    return waitFor(() => this.closed ?? undefined, timeoutMs);
  }
}

let server: TestServer;
const opened: RawClient[] = [];
const wsUrl = (key: string, query = '?protocol=7&client=js&version=8.6.0') => `ws://127.0.0.1:${server.port}/app/${key}${query}`;
async function open(url?: string) {
  const c = await RawClient.open(url ?? wsUrl(realtimeOfServer(server).clientConfig.key));
  opened.push(c);
  return c;
}

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  for (const c of opened) c.ws.terminate();
  await server?.close();
});

describe('handshake', () => {
  it('sends connection_established with a socket id and an activity timeout', async () => {
    const c = await open();
    const hello = await c.next('pusher:connection_established');
    expect(hello.data).toMatchObject({ socket_id: expect.stringMatching(/^\d+\.\d+$/), activity_timeout: 120 });
  });

  it('closes with 4001 for an unknown app key and 4007/4008 for bad protocol versions', async () => {
    const unknown = await open(wsUrl('not-our-key'));
    expect((await unknown.next('pusher:error')).data).toMatchObject({ code: 4001 });
    expect((await unknown.waitClosed()).code).toBe(4001);

    const key = realtimeOfServer(server).clientConfig.key;
    const old = await open(wsUrl(key, '?protocol=3'));
    expect((await old.waitClosed()).code).toBe(4007);
    const none = await open(wsUrl(key, ''));
    expect((await none.waitClosed()).code).toBe(4008);
  });
});

describe('messages', () => {
  it('answers pusher:ping with pusher:pong', async () => {
    const c = await open();
    await c.next('pusher:connection_established');
    c.send({ event: 'pusher:ping', data: {} });
    await c.next('pusher:pong');
  });

  it('answers malformed and oversized frames with 4300 and keeps the connection', async () => {
    const c = await open();
    await c.next('pusher:connection_established');
    c.send('{not json');
    expect((await c.next('pusher:error')).data).toMatchObject({ code: 4300 });
    c.frames = [];
    c.send({ event: 'pusher:subscribe', data: { channel: 'x'.repeat(12 * 1024) } });
    expect((await c.next('pusher:error')).data).toMatchObject({ code: 4300, message: expect.stringContaining('larger') });
    c.frames = [];
    c.send({ event: 'client-typing', channel: 'private-trip-1', data: {} });
    expect((await c.next('pusher:error')).data).toMatchObject({ code: 4300 });
    c.frames = [];
    c.send({ event: 'pusher:ping', data: {} });
    await c.next('pusher:pong');
    expect(c.closed).toBeNull();
  });

  it('cuts off a frame far beyond the limit without disturbing other connections', async () => {
    const bystander = await open();
    await bystander.next('pusher:connection_established');
    const c = await open();
    await c.next('pusher:connection_established');
    c.send('x'.repeat(100 * 1024));
    expect((await c.waitClosed()).code).toBe(1009);
    bystander.send({ event: 'pusher:ping', data: {} });
    await bystander.next('pusher:pong');
  });

  it('refuses forged private and presence signatures with 4009 and accepts genuine ones', async () => {
    const owner = await makeUser(server, { displayName: 'Ada' });
    const { trip } = await owner.trpc.trips.createTrip.mutate({ title: 'Rome' });
    const c = await open();
    await c.next('pusher:connection_established');
    const channel = `private-trip-${trip.id}`;
    c.send({ event: 'pusher:subscribe', data: { channel, auth: `${realtimeOfServer(server).clientConfig.key}:${'f'.repeat(64)}` } });
    expect((await c.next('pusher:error')).data).toMatchObject({ code: 4009 });
    expect((await c.next('pusher:subscription_error')).channel).toBe(channel);

    // A signature made for another socket does not work on this one.
    const other = await (await authorize(server, owner.cookie, '1.1', channel)).json();
    c.frames = [];
    c.send({ event: 'pusher:subscribe', data: { channel, auth: other.auth } });
    expect((await c.next('pusher:error')).data).toMatchObject({ code: 4009 });

    // Presence: a genuine signature with channel_data changed afterwards (someone else's name) is refused.
    const presence = `presence-trip-${trip.id}`;
    const signed = (await (await authorize(server, owner.cookie, c.socketId, presence)).json()) as { auth: string; channel_data: string };
    c.frames = [];
    c.send({
      event: 'pusher:subscribe',
      data: { channel: presence, auth: signed.auth, channel_data: JSON.stringify({ user_id: '999', user_info: { name: 'Mallory' } }) },
    });
    expect((await c.next('pusher:error')).data).toMatchObject({ code: 4009 });

    c.frames = [];
    c.send({ event: 'pusher:subscribe', data: { channel: presence, auth: signed.auth, channel_data: signed.channel_data } });
    const ok = await c.next('pusher_internal:subscription_succeeded');
    expect(ok).toMatchObject({
      channel: presence,
      data: { presence: { ids: [String(owner.user.id)], hash: { [owner.user.id]: { name: 'Ada' } }, count: 1 } },
    });

    const own = (await (await authorize(server, owner.cookie, c.socketId, channel)).json()) as { auth: string };
    c.frames = [];
    c.send({ event: 'pusher:subscribe', data: { channel, auth: own.auth } });
    expect((await c.next('pusher_internal:subscription_succeeded')).channel).toBe(channel);

    // Unsubscribe: events stop arriving.
    c.send({ event: 'pusher:unsubscribe', data: { channel } });
    await sleep(100);
    c.frames = [];
    await owner.trpc.trips.updateTrip.mutate({ tripId: trip.id, title: 'Roma' });
    await sleep(300);
    expect(c.frames.filter((f) => f.event === 'trip.updated')).toHaveLength(0);
  });

  it('pusher:signin: a forged or altered user signature is refused with 4009; the genuine one is confirmed', async () => {
    const user = await makeUser(server, { displayName: 'Sina' });
    const c = await open();
    await c.next('pusher:connection_established');
    const key = realtimeOfServer(server).clientConfig.key;
    c.send({ event: 'pusher:signin', data: { auth: `${key}:${'f'.repeat(64)}`, user_data: JSON.stringify({ id: String(user.user.id) }) } });
    expect((await c.next('pusher:error')).data).toMatchObject({ code: 4009 });

    const signUserAuth = async (socketId: string) =>
      (await (
        await fetch(`${server.url}/api/realtime/user-auth`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: user.cookie, Origin: server.url },
          body: new URLSearchParams({ socket_id: socketId }),
        })
      ).json()) as { auth: string; user_data: string };
    // Someone else's id in a genuine signature's user_data, and a signature made for another socket: refused.
    const signed = await signUserAuth(c.socketId);
    c.frames = [];
    c.send({ event: 'pusher:signin', data: { auth: signed.auth, user_data: JSON.stringify({ id: '999999' }) } });
    expect((await c.next('pusher:error')).data).toMatchObject({ code: 4009 });
    const foreign = await signUserAuth('1.1');
    c.frames = [];
    c.send({ event: 'pusher:signin', data: foreign });
    expect((await c.next('pusher:error')).data).toMatchObject({ code: 4009 });

    c.frames = [];
    c.send({ event: 'pusher:signin', data: signed });
    expect((await c.next('pusher:signin_success')).data).toMatchObject({ user_data: signed.user_data });
    expect(JSON.parse(signed.user_data)).toMatchObject({ id: String(user.user.id), user_info: { name: 'Sina' } });
    // A signed-in socket is cut off with its user, even with no channel subscribed.
    await realtimeOfServer(server).disconnectUser?.(user.user.id);
    expect((await c.waitClosed()).code).toBe(4200);
  });

  it('delivers to public channels without auth', async () => {
    const c = await open();
    await c.next('pusher:connection_established');
    c.send({ event: 'pusher:subscribe', data: { channel: 'news' } });
    await c.next('pusher_internal:subscription_succeeded');
    expect(realtimeOfServer(server).embedded!.deliver('news', 'hello', '{"a":1}')).toBe(1);
    expect((await c.next('hello')).data).toEqual({ a: 1 });
  });
});

describe('idle connections', () => {
  const key = 'idle-key';
  let httpServer: http.Server;
  let embedded: EmbeddedPusherServer;
  let port: number;

  beforeAll(async () => {
    const app = express();
    httpServer = http.createServer(app);
    embedded = new EmbeddedPusherServer({ appId: '1', key, secret: 's3cret', activityTimeoutSeconds: 1, pongTimeoutSeconds: 1 });
    embedded.attach(app, httpServer);
    await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', () => resolve()));
    port = (httpServer.address() as { port: number }).port;
  });
  afterAll(async () => {
    await embedded.close();
    httpServer.closeAllConnections();
    await new Promise((r) => httpServer.close(r));
  });

  it('pings a silent client and closes it with 4201 when no pong comes; a client that answers stays', async () => {
    const silent = await RawClient.open(`ws://127.0.0.1:${port}/app/${key}?protocol=7`);
    const polite = await RawClient.open(`ws://127.0.0.1:${port}/app/${key}?protocol=7`);
    polite.ws.on('message', (raw) => {
      if (JSON.parse(raw.toString()).event === 'pusher:ping') polite.send({ event: 'pusher:pong', data: {} });
    });
    await silent.next('pusher:ping', 3000);
    expect((await silent.waitClosed(4000)).code).toBe(4201);
    expect(polite.closed).toBeNull();
    expect(polite.frames.some((f) => f.event === 'pusher:ping')).toBe(true);
    // Secrets never appear on the wire.
    const signed = channelAuth(key, 's3cret', '1.2', 'private-x');
    expect(signed.startsWith(`${key}:`)).toBe(true);
    expect(JSON.stringify(polite.frames)).not.toContain('s3cret');
    polite.ws.terminate();
  });
});

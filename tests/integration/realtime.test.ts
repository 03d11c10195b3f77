// Real time end to end: procedures (through tRPC and MCP) → publisher (`pusher` SDK) → embedded server → pusher-js.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type Pusher from 'pusher-js';
import { startTestServer, type TestServer } from '../helpers/server';
import { expectTrpcError, makeUser, trpcClient } from '../helpers/users';
import { connect, createStaticToken, enableMcp } from './mcp.helpers';
import { authorize, connectClient, realtimeOfServer, record, sleep, subscribe, waitFor } from './realtime.helpers';

let server: TestServer;
const clients: Pusher[] = [];

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  for (const c of clients) c.disconnect();
  await server?.close();
});

async function client(cookie?: string, options?: { forgeAuth?: boolean }) {
  const c = await connectClient(server, cookie, options);
  clients.push(c);
  return c;
}

async function tripWithMember() {
  const owner = await makeUser(server, { displayName: 'Sam Owner' });
  const member = await makeUser(server, { displayName: 'Mia Member' });
  const { trip } = await owner.trpc.trips.createTrip.mutate({ title: 'Paris', startDate: '2026-06-01', endDate: '2026-06-03' });
  await owner.trpc.members.addTripMember.mutate({ tripId: trip.id, identifier: member.user.email });
  return { owner, member, trip };
}

describe('realtime through tRPC', () => {
  it('delivers exactly one trip.updated with the trip, origin ui and the actor', async () => {
    const { owner, member, trip } = await tripWithMember();
    const listener = await client(member.cookie);
    const got = record(await subscribe(listener, `private-trip-${trip.id}`));

    await owner.trpc.trips.updateTrip.mutate({ tripId: trip.id, title: 'Paris in June' });
    await waitFor(() => got.length > 0);
    await sleep(300);
    expect(got).toHaveLength(1);
    expect(got[0].event).toBe('trip.updated');
    expect(got[0].data).toMatchObject({
      trip: { id: trip.id, title: 'Paris in June' },
      origin: 'ui',
      actor: { id: owner.user.id, name: 'Sam Owner' },
    });
  });

  it('sends member.added to the trip channel with the new member', async () => {
    const { owner, trip } = await tripWithMember();
    const third = await makeUser(server, { displayName: 'Tom Third' });
    const listener = await client(owner.cookie);
    const got = record(await subscribe(listener, `private-trip-${trip.id}`));
    await owner.trpc.members.addTripMember.mutate({ tripId: trip.id, identifier: third.user.email });
    await waitFor(() => got.length > 0);
    await sleep(200);
    expect(got.map((g) => g.event)).toEqual(['member.added']);
    expect(got[0].data).toMatchObject({ member: { id: third.user.id, displayName: 'Tom Third' } });
  });

  it('excludes the socket that made the change (x-pusher-socket-id)', async () => {
    const { owner, member, trip } = await tripWithMember();
    const mine = await client(owner.cookie);
    const theirs = await client(member.cookie);
    const gotMine = record(await subscribe(mine, `private-trip-${trip.id}`));
    const gotTheirs = record(await subscribe(theirs, `private-trip-${trip.id}`));
    const ownerFromBrowser = trpcClient(server, owner.cookie, { 'x-pusher-socket-id': mine.connection.socket_id });

    await ownerFromBrowser.trips.updateTrip.mutate({ tripId: trip.id, description: 'Museums first' });
    await waitFor(() => gotTheirs.length > 0);
    await sleep(300);
    expect(gotTheirs).toHaveLength(1);
    expect(gotMine).toHaveLength(0);
  });

  it('never publishes the events of a call that failed inside its transaction', async () => {
    const { owner, member, trip } = await tripWithMember();
    const listener = await client(member.cookie);
    const got = record(await subscribe(listener, `private-trip-${trip.id}`));
    const summary = await owner.trpc.trips.getTripSummary.query({ tripId: trip.id });
    const lastDay = summary.days[summary.days.length - 1];
    await owner.trpc.dayNotes.createDayNote.mutate({ tripId: trip.id, dayId: lastDay.id, text: 'Check out by 11' });
    await waitFor(() => got.length === 1);

    // Shortening the trip would drop a day holding a note: refused after the transaction started.
    const error = await expectTrpcError(
      owner.trpc.trips.updateTrip.mutate({ tripId: trip.id, title: 'Shorter', startDate: '2026-06-01', endDate: '2026-06-02' }),
    );
    expect(error.code).toBe('BAD_REQUEST');
    await sleep(400);
    expect(got.map((g) => g.event)).toEqual(['day_note.created']);
    const after = await owner.trpc.trips.getTrip.query({ tripId: trip.id });
    expect(after.trip.title).toBe('Paris');

    // The channel still works: the next successful call arrives.
    await owner.trpc.trips.updateTrip.mutate({ tripId: trip.id, title: 'Paris again' });
    await waitFor(() => got.length === 2);
    expect(got[1].data).toMatchObject({ trip: { title: 'Paris again' } });
  });
});

describe('realtime through MCP', () => {
  it('delivers exactly one event with origin mcp', async () => {
    const { owner, member, trip } = await tripWithMember();
    await enableMcp(server);
    const { token } = await createStaticToken(server, owner.user.id);
    const listener = await client(member.cookie);
    const got = record(await subscribe(listener, `private-trip-${trip.id}`));

    const { client: mcp } = await connect(server, token);
    try {
      const result = await mcp.callTool({ name: 'update_trip', arguments: { tripId: trip.id, title: 'Paris by AI' } });
      expect(result.isError).toBeFalsy();
    } finally {
      await mcp.close();
    }
    await waitFor(() => got.length > 0);
    await sleep(300);
    expect(got).toHaveLength(1);
    expect(got[0].event).toBe('trip.updated');
    expect(got[0].data).toMatchObject({ trip: { title: 'Paris by AI' }, origin: 'mcp', actor: { id: owner.user.id, name: 'Sam Owner' } });
  });
});

describe('channel authorization', () => {
  it('refuses a non-member, signs for members, and only their own user channel', async () => {
    const { owner, member, trip } = await tripWithMember();
    const stranger = await makeUser(server, { displayName: 'Eve Stranger' });
    const socketId = '123.456';
    expect((await authorize(server, stranger.cookie, socketId, `private-trip-${trip.id}`)).status).toBe(403);
    expect((await authorize(server, stranger.cookie, socketId, `presence-trip-${trip.id}`)).status).toBe(403);
    expect((await authorize(server, undefined, socketId, `private-trip-${trip.id}`)).status).toBe(401);
    expect((await authorize(server, member.cookie, socketId, `private-user-${owner.user.id}`)).status).toBe(403);
    expect((await authorize(server, member.cookie, 'not-a-socket', `private-trip-${trip.id}`)).status).toBe(400);
    const ok = await authorize(server, member.cookie, socketId, `presence-trip-${trip.id}`);
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as { auth: string; channel_data: string };
    expect(body.auth).toMatch(new RegExp(`^${realtimeOfServer(server).clientConfig.key}:[0-9a-f]{64}$`));
    expect(JSON.parse(body.channel_data)).toEqual({ user_id: String(member.user.id), user_info: { name: 'Mia Member' } });
    const cross = await fetch(`${server.url}/api/realtime/auth`, {
      method: 'POST',
      headers: { Cookie: member.cookie, Origin: 'https://evil.example', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ socket_id: socketId, channel_name: `private-trip-${trip.id}` }),
    });
    expect(cross.status).toBe(403);
  });

  it('a non-member cannot subscribe, a forged signature gets 4009, and other connections keep receiving', async () => {
    const { owner, member, trip } = await tripWithMember();
    const stranger = await makeUser(server);
    const good = await client(member.cookie);
    const got = record(await subscribe(good, `private-trip-${trip.id}`));

    const outsider = await client(stranger.cookie);
    await expect(subscribe(outsider, `private-trip-${trip.id}`)).rejects.toThrow('subscription refused');

    const forger = await client(stranger.cookie, { forgeAuth: true });
    const errors: Array<{ data?: { code?: number } }> = [];
    forger.connection.bind('error', (e: { data?: { code?: number } }) => errors.push(e));
    const refused = await subscribe(forger, `private-trip-${trip.id}`).catch((e: { detail: { status: number } }) => e.detail);
    expect(refused).toMatchObject({ status: 401 });
    await waitFor(() => errors.length > 0);
    expect(errors[0].data?.code).toBe(4009);
    expect(forger.connection.state).toBe('connected');

    await owner.trpc.trips.updateTrip.mutate({ tripId: trip.id, title: 'Still delivered' });
    await waitFor(() => got.length === 1);
    expect(got[0].data).toMatchObject({ trip: { title: 'Still delivered' } });
  });
});

describe('presence', () => {
  it('shows who has the trip open, with names, and who left', async () => {
    const { owner, member, trip } = await tripWithMember();
    const a = await client(owner.cookie);
    const presenceA = await subscribe(a, `presence-trip-${trip.id}`);
    const added: Array<{ id: string; info: { name: string } }> = [];
    const removed: string[] = [];
    presenceA.bind('pusher:member_added', (m: { id: string; info: { name: string } }) => added.push(m));
    presenceA.bind('pusher:member_removed', (m: { id: string }) => removed.push(m.id));

    const b = await client(member.cookie);
    const presenceB = (await subscribe(b, `presence-trip-${trip.id}`)) as unknown as {
      members: { count: number; each(fn: (m: { id: string; info: { name: string } }) => void): void };
    };
    expect(presenceB.members.count).toBe(2);
    const names: string[] = [];
    presenceB.members.each((m) => names.push(m.info.name));
    expect(names.sort()).toEqual(['Mia Member', 'Sam Owner']);
    await waitFor(() => added.length === 1);
    expect(added[0]).toMatchObject({ id: String(member.user.id), info: { name: 'Mia Member' } });

    b.disconnect();
    await waitFor(() => removed.length === 1);
    expect(removed).toEqual([String(member.user.id)]);
  });
});

describe('HTTP events API of the embedded server', () => {
  async function post(path: string, body: string, query: string) {
    return fetch(`${server.url}${path}?${query}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
  }

  it('accepts a correctly signed trigger and refuses unsigned, tampered, stale, foreign and oversized ones', async () => {
    const { member, trip } = await tripWithMember();
    const listener = await client(member.cookie);
    const got = record(await subscribe(listener, `private-trip-${trip.id}`));
    const embedded = realtimeOfServer(server).embedded!;
    const path = `/apps/${embedded.appId}/events`;
    const body = JSON.stringify({ name: 'trip.updated', channels: [`private-trip-${trip.id}`], data: JSON.stringify({ n: 1 }) });

    const unsigned = await post(path, body, '');
    expect(unsigned.status).toBe(401);

    const signed = embedded.signApiRequest('POST', path, body);
    const tamperedBody = body.replace('"n\\":1', '"n\\":2');
    expect(tamperedBody).not.toBe(body);
    expect((await post(path, tamperedBody, signed)).status).toBe(401);
    expect((await post(path, body, signed.replace(/auth_signature=[0-9a-f]+/, `auth_signature=${'a'.repeat(64)}`))).status).toBe(401);

    const stale = embedded.signApiRequest('POST', path, body, Math.floor(Date.now() / 1000) - 601);
    expect((await post(path, body, stale)).status).toBe(401);

    const otherApp = `/apps/1/events`;
    expect((await post(otherApp, body, embedded.signApiRequest('POST', otherApp, body))).status).toBe(404);

    const big = JSON.stringify({ name: 'x', channels: [`private-trip-${trip.id}`], data: 'y'.repeat(11 * 1024) });
    expect((await post(path, big, embedded.signApiRequest('POST', path, big))).status).toBe(413);
    const huge = JSON.stringify({ name: 'x', channels: ['c'], data: 'y'.repeat(200 * 1024) });
    expect((await post(path, huge, embedded.signApiRequest('POST', path, huge))).status).toBe(413);

    const malformed = '{"name":';
    expect((await post(path, malformed, embedded.signApiRequest('POST', path, malformed))).status).toBe(400);

    await sleep(200);
    expect(got).toHaveLength(0);
    const ok = await post(path, body, embedded.signApiRequest('POST', path, body));
    expect(ok.status).toBe(200);
    await waitFor(() => got.length === 1);
    expect(got[0].data).toEqual({ n: 1 });
  });

  it('trims payloads beyond 10 KB to ids with refetch: true', async () => {
    const { owner, member, trip } = await tripWithMember();
    const listener = await client(member.cookie);
    const got = record(await subscribe(listener, `private-trip-${trip.id}`));
    await owner.trpc.trips.updateTrip.mutate({ tripId: trip.id, description: 'd'.repeat(4900) });
    await owner.trpc.trips.updateTrip.mutate({ tripId: trip.id, title: 't'.repeat(150), description: 'é'.repeat(4990) });
    await waitFor(() => got.length === 2);
    expect(got[0].data).toMatchObject({ trip: { description: 'd'.repeat(4900) } });
    expect(got[0].data.refetch).toBeUndefined();
    expect(got[1].data).toMatchObject({ refetch: true, trip: { id: trip.id }, origin: 'ui' });
    expect((got[1].data.trip as Record<string, unknown>).description).toBeUndefined();
  });
});

describe('hosted mode (PUSHER_* set)', () => {
  it('publishes through the configured Pusher-compatible server with the same code path', async () => {
    const { default: express } = await import('express');
    const http = await import('node:http');
    const { EmbeddedPusherServer } = await import('~/realtime/embedded-server.server');
    // A separate Pusher-protocol server with fixed credentials stands in for Soketi / Pusher Channels.
    const app = express();
    const external = http.createServer(app);
    const soketi = new EmbeddedPusherServer({ appId: '4242', key: 'hosted-key', secret: 'hosted-secret' });
    soketi.attach(app, external);
    await new Promise<void>((resolve) => external.listen(0, '127.0.0.1', () => resolve()));
    const port = (external.address() as { port: number }).port;
    const hosted = await startTestServer({
      PUSHER_APP_ID: '4242',
      PUSHER_KEY: 'hosted-key',
      PUSHER_SECRET: 'hosted-secret',
      PUSHER_HOST: '127.0.0.1',
      PUSHER_PORT: String(port),
      PUSHER_USE_TLS: 'false',
    });
    let listener: Pusher | undefined;
    try {
      const config = realtimeOfServer(hosted).clientConfig;
      expect(config).toEqual({ mode: 'hosted', key: 'hosted-key', wsHost: '127.0.0.1', wsPort: port, forceTLS: false });
      expect(realtimeOfServer(hosted).embedded).toBeUndefined();
      // No embedded server on the app's own port in hosted mode.
      expect((await fetch(`${hosted.url}/apps/4242/events`, { method: 'POST', body: '{}' })).status).not.toBe(200);

      const owner = await makeUser(hosted, { displayName: 'Hana Hosted' });
      const { trip } = await owner.trpc.trips.createTrip.mutate({ title: 'Kyoto' });
      const { default: PusherJs } = await import('pusher-js');
      listener = new PusherJs('hosted-key', {
        cluster: 'local',
        wsHost: '127.0.0.1',
        wsPort: port,
        forceTLS: false,
        enabledTransports: ['ws'],
        disableStats: true,
        channelAuthorization: {
          endpoint: '/unused',
          transport: 'ajax',
          customHandler: ({ socketId, channelName }, callback) => {
            authorize(hosted, owner.cookie, socketId, channelName)
              .then(async (res) => callback(res.ok ? null : new Error(String(res.status)), res.ok ? await res.json() : null))
              .catch((e: Error) => callback(e, null));
          },
        },
      });
      const got = record(await subscribe(listener, `private-trip-${trip.id}`));
      await owner.trpc.trips.updateTrip.mutate({ tripId: trip.id, title: 'Kyoto in autumn' });
      await waitFor(() => got.length === 1);
      expect(got[0]).toMatchObject({ event: 'trip.updated', data: { trip: { title: 'Kyoto in autumn' }, origin: 'ui' } });
    } finally {
      listener?.disconnect();
      await hosted.close();
      await soketi.close();
      external.closeAllConnections();
      await new Promise((r) => external.close(r));
    }
  });
});

describe('publishing failures', () => {
  it('never fail the procedure: an unreachable Pusher server is logged and the call still succeeds', async () => {
    const down = await startTestServer({
      PUSHER_APP_ID: '1',
      PUSHER_KEY: 'k',
      PUSHER_SECRET: 's',
      PUSHER_HOST: '127.0.0.1',
      PUSHER_PORT: '1',
      PUSHER_USE_TLS: 'false',
      LOG_LEVEL: 'silent',
    });
    try {
      const owner = await makeUser(down);
      const { trip } = await owner.trpc.trips.createTrip.mutate({ title: 'Oslo' });
      const result = await owner.trpc.trips.updateTrip.mutate({ tripId: trip.id, title: 'Bergen' });
      expect(result.trip.title).toBe('Bergen');
      expect((await owner.trpc.trips.getTrip.query({ tripId: trip.id })).trip.title).toBe('Bergen');
    } finally {
      await down.close();
    }
  });
});

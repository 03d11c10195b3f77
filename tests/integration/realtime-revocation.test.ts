// Losing access ends live data at once (issue 11): a removed member, a deleted user, a logged-out browser and the other
// browsers of a user who changed the password stop receiving trip events and presence, without waiting for a reconnect.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type Pusher from 'pusher-js';
import { startTestServer, type TestServer } from '../helpers/server';
import { makeUser } from '../helpers/users';
import { createSession, SESSION_COOKIE } from '~/auth/session.server';
import { connectClient, realtimeOfServer, record, subscribe, waitFor } from './realtime.helpers';

let server: TestServer;
const clients: Pusher[] = [];

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  for (const c of clients) c.disconnect();
  await server?.close();
});

async function client(cookie?: string) {
  const c = await connectClient(server, cookie);
  clients.push(c);
  return c;
}

/** How many sockets hear a channel right now (the embedded server delivers synchronously and counts). */
const listeners = (channel: string) => realtimeOfServer(server).embedded!.deliver(channel, 'probe', '{}');

async function tripWithMember() {
  const owner = await makeUser(server, { displayName: 'Olga Owner' });
  const member = await makeUser(server, { displayName: 'Max Member' });
  const { trip } = await owner.trpc.trips.createTrip.mutate({ title: 'Lisbon' });
  await owner.trpc.members.addTripMember.mutate({ tripId: trip.id, identifier: member.user.email });
  return { owner, member, trip };
}

describe('revoked access ends live data', () => {
  it('a removed member stops receiving trip events and leaves presence at once', async () => {
    const { owner, member, trip } = await tripWithMember();
    const ownerSocket = await client(owner.cookie);
    const ownerTrip = record(await subscribe(ownerSocket, `private-trip-${trip.id}`));
    const ownerPresence = await subscribe(ownerSocket, `presence-trip-${trip.id}`);
    const removed: string[] = [];
    ownerPresence.bind('pusher:member_removed', (m: { id: string }) => removed.push(m.id));

    const memberSocket = await client(member.cookie);
    const memberTrip = record(await subscribe(memberSocket, `private-trip-${trip.id}`));
    await subscribe(memberSocket, `presence-trip-${trip.id}`);
    const memberOwn = record(await subscribe(memberSocket, `private-user-${member.user.id}`));
    expect(listeners(`private-trip-${trip.id}`)).toBe(2);

    await owner.trpc.members.removeTripMember.mutate({ tripId: trip.id, userId: member.user.id });
    // at once: when the mutation returns, only the owner still hears the trip
    expect(listeners(`private-trip-${trip.id}`)).toBe(1);
    expect(listeners(`presence-trip-${trip.id}`)).toBe(1);
    await waitFor(() => removed.length === 1);
    expect(removed).toEqual([String(member.user.id)]);
    // the last event the member gets is the one that takes the trip off their dashboard
    expect(memberOwn.map((e) => e.event)).toContain('trip.unshared');

    await owner.trpc.places.createPlace.mutate({ tripId: trip.id, name: 'Secret café' });
    await waitFor(() => ownerTrip.some((e) => e.event === 'place.created'));
    expect(memberTrip.some((e) => e.event === 'place.created')).toBe(false);
    // the member's client reconnects by itself, but the trip channel is refused to it now
    expect(listeners(`private-trip-${trip.id}`)).toBe(1);
  });

  it('logging out cuts the browser off its channels', async () => {
    const { owner, trip } = await tripWithMember();
    const socket = await client(owner.cookie);
    await subscribe(socket, `private-trip-${trip.id}`);
    await subscribe(socket, `private-user-${owner.user.id}`);
    const res = await fetch(`${server.url}/logout`, { method: 'POST', headers: { Cookie: owner.cookie, Origin: server.url }, redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(listeners(`private-trip-${trip.id}`)).toBe(0);
    expect(listeners(`private-user-${owner.user.id}`)).toBe(0);
  });

  it('changing the password cuts off the other browsers of that user', async () => {
    const { member, trip } = await tripWithMember();
    const { token } = await createSession(server.services.db, member.user.id);
    const otherBrowser = await client(`${SESSION_COOKIE}=${token}`);
    await subscribe(otherBrowser, `private-trip-${trip.id}`);
    expect(listeners(`private-trip-${trip.id}`)).toBe(1);
    await member.trpc.account.changePassword.mutate({ currentPassword: 'correct horse battery', newPassword: 'a brand new secret' });
    expect(listeners(`private-trip-${trip.id}`)).toBe(0);
  });

  it('a deleted user stops receiving at once', async () => {
    const { owner, member, trip } = await tripWithMember();
    const admin = await makeUser(server, { admin: true });
    const socket = await client(member.cookie);
    await subscribe(socket, `private-trip-${trip.id}`);
    await subscribe(socket, `private-user-${member.user.id}`);
    await admin.trpc.admin.deleteUser.mutate({ userId: member.user.id });
    expect(listeners(`private-trip-${trip.id}`)).toBe(0);
    expect(listeners(`private-user-${member.user.id}`)).toBe(0);
    expect(listeners(`private-trip-${trip.id}`)).toBe(0);
    void owner;
  });

  it('the embedded server answers the Pusher terminate_connections API for a user (hosted mode uses the same call)', async () => {
    const { member, trip } = await tripWithMember();
    const socket = await client(member.cookie);
    await subscribe(socket, `private-trip-${trip.id}`);
    const embedded = realtimeOfServer(server).embedded!;
    const path = `/apps/${embedded.appId}/users/${member.user.id}/terminate_connections`;
    const query = embedded.signApiRequest('POST', path, '{}');
    const res = await fetch(`${server.url}${path}?${query}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(200);
    expect(listeners(`private-trip-${trip.id}`)).toBe(0);
  });

  it('hosted mode: the browser signs in to the Pusher server, so a log-out closes its socket there too', async () => {
    const { default: express } = await import('express');
    const http = await import('node:http');
    const { default: PusherJs } = await import('pusher-js');
    const { EmbeddedPusherServer } = await import('~/realtime/embedded-server.server');
    // A separate Pusher-protocol server with fixed credentials stands in for Pusher Channels / Soketi.
    const app = express();
    const external = http.createServer(app);
    const pusherServer = new EmbeddedPusherServer({ appId: '4343', key: 'hosted-key', secret: 'hosted-secret' });
    pusherServer.attach(app, external);
    await new Promise<void>((resolve) => external.listen(0, '127.0.0.1', () => resolve()));
    const port = (external.address() as { port: number }).port;
    const hosted = await startTestServer({
      PUSHER_APP_ID: '4343',
      PUSHER_KEY: 'hosted-key',
      PUSHER_SECRET: 'hosted-secret',
      PUSHER_HOST: '127.0.0.1',
      PUSHER_PORT: String(port),
      PUSHER_USE_TLS: 'false',
    });
    let socket: Pusher | undefined;
    try {
      const member = await makeUser(hosted, { displayName: 'Hugo Hosted' });
      const post = (path: string, body: Record<string, string>) =>
        fetch(`${hosted.url}${path}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: member.cookie, Origin: hosted.url },
          body: new URLSearchParams(body),
        });
      socket = new PusherJs('hosted-key', {
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
            post('/api/realtime/auth', { socket_id: socketId, channel_name: channelName })
              .then(async (res) => callback(res.ok ? null : new Error(String(res.status)), res.ok ? await res.json() : null))
              .catch((e: Error) => callback(e, null));
          },
        },
        userAuthentication: {
          endpoint: '/unused',
          transport: 'ajax',
          customHandler: ({ socketId }, callback) => {
            post('/api/realtime/user-auth', { socket_id: socketId })
              .then(async (res) => callback(res.ok ? null : new Error(String(res.status)), res.ok ? await res.json() : null))
              .catch((e: Error) => callback(e, null));
          },
        },
      });
      socket.signin();
      await subscribe(socket, `private-user-${member.user.id}`);
      await socket.user.signinDonePromise;
      expect(socket.user.user_data).toMatchObject({ id: String(member.user.id) });
      const heard = () => pusherServer.deliver(`private-user-${member.user.id}`, 'probe', '{}');
      expect(heard()).toBe(1);

      // A malformed socket id gets no signature.
      expect((await post('/api/realtime/user-auth', { socket_id: 'not-a-socket' })).status).toBe(400);

      // Logging out ends the session; the app asks the Pusher server to terminate the user's connections.
      const loggedOut = await fetch(`${hosted.url}/logout`, { method: 'POST', redirect: 'manual', headers: { Cookie: member.cookie, Origin: hosted.url } });
      expect(loggedOut.status).toBe(302);
      await waitFor(() => heard() === 0);
    } finally {
      socket?.disconnect();
      await hosted.close();
      await pusherServer.close();
      external.closeAllConnections();
      await new Promise((r) => external.close(r));
    }
  });
});

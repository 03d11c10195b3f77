// Live resources across two Waymark instances on one PostgreSQL: an agent subscribed through instance B learns of a
// person's edit made through instance A's tRPC (notifications/resources/updated on its GET stream), with the official
// SDK client and with plain HTTP; a member removed from the trip stops getting them; an addon switched by an admin
// sends tools/list_changed and resources/list_changed; a grant that cannot read a resource cannot subscribe to it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import {
  ResourceListChangedNotificationSchema,
  ResourceUpdatedNotificationSchema,
  ToolListChangedNotificationSchema,
} from '@modelcontextprotocol/sdk/types.js';
import { createTestDatabase, startTestServer, type TestServer } from '../helpers/server';
import { makeUser } from '../helpers/users';
import { createOAuthToken, enableMcp, rawMcp, rawSession } from './mcp.helpers';

const APP_URL = 'http://waymark.test';
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let a: TestServer;
let b: TestServer;
let anna: Awaited<ReturnType<typeof makeUser>>;
let ben: Awaited<ReturnType<typeof makeUser>>;
let tripId: number;
const clients: Client[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  a = await startTestServer({ APP_URL }, database);
  b = await startTestServer({ APP_URL }, database);
  await enableMcp(a);
  anna = await makeUser(a, { displayName: 'Anna', admin: true });
  ben = await makeUser(a, { displayName: 'Ben' });
  ({
    trip: { id: tripId },
  } = await anna.trpc.trips.createTrip.mutate({ title: 'Rome in spring', startDate: '2027-04-01', endDate: '2027-04-03' }));
  await anna.trpc.members.addTripMember.mutate({ tripId, identifier: ben.user.email });
});
afterAll(async () => {
  for (const c of clients) await c.close().catch(() => {});
  await a?.close();
  await b?.close();
  await database?.drop();
});

/** An SDK client on instance B, recording every notification it receives in order. */
async function agentOnB(userId: number, scopes: string[]) {
  const { token } = await createOAuthToken(a, userId, scopes, { resource: `${APP_URL}/mcp` });
  const client = new Client({ name: 'live-agent', version: '1' });
  const seen: Array<{ method: string; uri?: string }> = [];
  const waiters: Array<{ test: (n: { method: string; uri?: string }) => boolean; resolve: () => void }> = [];
  const record = (n: { method: string; params?: Record<string, unknown> }) => {
    const entry = { method: n.method, uri: typeof n.params?.uri === 'string' ? n.params.uri : undefined };
    seen.push(entry);
    for (const w of waiters.splice(0)) (w.test(entry) ? w.resolve : () => waiters.push(w))();
  };
  client.setNotificationHandler(ResourceUpdatedNotificationSchema, (n) => record(n));
  client.setNotificationHandler(ToolListChangedNotificationSchema, (n) => record(n));
  client.setNotificationHandler(ResourceListChangedNotificationSchema, (n) => record(n));
  const transport = new StreamableHTTPClientTransport(new URL(`${b.url}/mcp`), { requestInit: { headers: { Authorization: `Bearer ${token}` } } });
  await client.connect(transport);
  clients.push(client);
  /** Resolves at the first notification (already received or still to come) that passes `test`. */
  const next = (test: (n: { method: string; uri?: string }) => boolean, from = 0) =>
    seen.slice(from).some(test) ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ test, resolve }));
  return { client, seen, next, token };
}

const updated = (uri: string) => (n: { method: string; uri?: string }) => n.method === 'notifications/resources/updated' && n.uri === uri;

describe('resources/subscribe across instances', () => {
  it('announces subscribe and listChanged in its capabilities', async () => {
    const { client } = await agentOnB(anna.user.id, ['trips:read']);
    expect(client.getServerCapabilities()?.resources).toMatchObject({ subscribe: true, listChanged: true });
    expect(client.getServerCapabilities()?.tools).toMatchObject({ listChanged: true });
  });

  it("an agent on B sees a person's edit made through A's tRPC, for the trip and a sub-resource; not after unsubscribing", async () => {
    const agent = await agentOnB(anna.user.id, ['trips:read', 'places:read', 'budget:read']);
    const tripUri = `waymark://trips/${tripId}`;
    const placesUri = `waymark://trips/${tripId}/places`;
    await agent.client.subscribeResource({ uri: tripUri });
    await agent.client.subscribeResource({ uri: placesUri });
    await ben.trpc.places.createPlace.mutate({ tripId, name: 'Pantheon', lat: 41.8986, lng: 12.4769 });
    await Promise.all([agent.next(updated(tripUri)), agent.next(updated(placesUri))]);

    await agent.client.unsubscribeResource({ uri: placesUri });
    const mark = agent.seen.length;
    await ben.trpc.trips.updateTrip.mutate({ tripId, description: 'Spring' });
    await agent.next(updated(tripUri), mark);
    expect(agent.seen.slice(mark).filter((n) => n.uri === placesUri)).toEqual([]);
  });

  it('a plain HTTP client subscribes and reads the update from its GET event stream', async () => {
    const { token } = await createOAuthToken(a, anna.user.id, ['trips:read'], { resource: `${APP_URL}/mcp` });
    const sessionId = await rawSession(b, token);
    const uri = `waymark://trips/${tripId}/days`;
    const sub = await rawMcp(b, { jsonrpc: '2.0', id: 2, method: 'resources/subscribe', params: { uri } }, { token, sessionId });
    expect(await sub.json()).toEqual({ jsonrpc: '2.0', id: 2, result: {} });
    const controller = new AbortController();
    const stream = await fetch(`${b.url}/mcp`, {
      headers: { Authorization: `Bearer ${token}`, 'Mcp-Session-Id': sessionId, Accept: 'text/event-stream' },
      signal: controller.signal,
    });
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toBe('text/event-stream');
    const reader = stream.body!.getReader();
    const decoder = new TextDecoder();
    let text = await reader.read().then((r) => decoder.decode(r.value)); // the stream is open (": stream open")
    const { days } = await anna.trpc.days.listDays.query({ tripId });
    await anna.trpc.days.updateDay.mutate({ tripId, dayId: days[0].id, title: 'Arrival' });
    while (!text.includes('notifications/resources/updated')) text += decoder.decode((await reader.read()).value);
    const data = text.split('\n').find((l) => l.startsWith('data: ') && l.includes('resources/updated'))!;
    expect(JSON.parse(data.slice(6))).toEqual({ jsonrpc: '2.0', method: 'notifications/resources/updated', params: { uri } });
    // Streams on B follow sessions, yet each instance listens to the others on one PostgreSQL connection.
    const listeners = await a.services.database.sql.query(
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN %'",
    );
    expect(listeners).toEqual([{ n: 2 }]);
    controller.abort();
  });

  it('a member removed from the trip stops getting updates (the check runs again before each notification)', async () => {
    const cem = await makeUser(a, { displayName: 'Cem' });
    await anna.trpc.members.addTripMember.mutate({ tripId, identifier: cem.user.email });
    const { trip: own } = await cem.trpc.trips.createTrip.mutate({ title: 'Cem’s own' });
    const agent = await agentOnB(cem.user.id, ['trips:read']);
    const shared = `waymark://trips/${tripId}`;
    const mine = `waymark://trips/${own.id}`;
    await agent.client.subscribeResource({ uri: shared });
    await agent.client.subscribeResource({ uri: mine });
    await anna.trpc.trips.updateTrip.mutate({ tripId, description: 'Before' });
    await agent.next(updated(shared));
    await anna.trpc.members.removeTripMember.mutate({ tripId, userId: cem.user.id });
    const mark = agent.seen.length;
    await anna.trpc.trips.updateTrip.mutate({ tripId, description: 'After' });
    // A change Cem may see, made after the one he may not: once it arrives, the other would have arrived before it.
    await cem.trpc.trips.updateTrip.mutate({ tripId: own.id, description: 'Mine' });
    await agent.next(updated(mine), mark);
    expect(agent.seen.slice(mark).filter((n) => n.uri === shared)).toEqual([]);
    // and he cannot subscribe again
    await expect(agent.client.subscribeResource({ uri: shared })).rejects.toThrow(/not found|not a member/i);
  });

  it('a grant that cannot read a resource cannot subscribe to it', async () => {
    const { token } = await createOAuthToken(a, anna.user.id, ['trips:read'], { resource: `${APP_URL}/mcp` });
    const sessionId = await rawSession(b, token);
    const res = await rawMcp(b, { jsonrpc: '2.0', id: 3, method: 'resources/subscribe', params: { uri: `waymark://trips/${tripId}/budget` } }, { token, sessionId });
    expect(res.status).toBe(403);
    expect(res.headers.get('www-authenticate')).toContain('scope="budget:read"');
    const missing = await rawMcp(b, { jsonrpc: '2.0', id: 4, method: 'resources/subscribe', params: { uri: 'waymark://nothing' } }, { token, sessionId });
    expect(((await missing.json()) as { error: { code: number } }).error.code).toBe(-32002);
  });

  it('an admin turning an addon off and on through A sends list_changed to the agent on B, and the tool list follows', async () => {
    const agent = await agentOnB(anna.user.id, ['budget:read', 'trips:read']);
    expect((await agent.client.listTools()).tools.map((t) => t.name)).toContain('list_budget_items');
    const mark = agent.seen.length;
    await anna.trpc.admin.setAddon.mutate({ id: 'budget', enabled: false });
    try {
      await agent.next((n) => n.method === 'notifications/tools/list_changed', mark);
      await agent.next((n) => n.method === 'notifications/resources/list_changed', mark);
      expect((await agent.client.listTools()).tools.map((t) => t.name)).not.toContain('list_budget_items');
    } finally {
      await anna.trpc.admin.setAddon.mutate({ id: 'budget', enabled: true });
    }
    await agent.next((n) => n.method === 'notifications/tools/list_changed', mark + 2);
    expect((await agent.client.listTools()).tools.map((t) => t.name)).toContain('list_budget_items');
  });

  it('a session whose grant comes back with other scopes (a refreshed token of the same app) gets list_changed on its stream', async () => {
    const first = await createOAuthToken(a, anna.user.id, ['trips:read'], { resource: `${APP_URL}/mcp` });
    const sessionId = await rawSession(b, first.token);
    const controller = new AbortController();
    const stream = await fetch(`${b.url}/mcp`, {
      headers: { Authorization: `Bearer ${first.token}`, 'Mcp-Session-Id': sessionId, Accept: 'text/event-stream' },
      signal: controller.signal,
    });
    const reader = stream.body!.getReader();
    const decoder = new TextDecoder();
    let text = decoder.decode((await reader.read()).value);
    // the same scopes again: nothing to announce
    expect((await rawMcp(b, { jsonrpc: '2.0', id: 5, method: 'ping' }, { token: first.token, sessionId })).status).toBe(200);
    const wider = await createOAuthToken(a, anna.user.id, ['trips:read', 'budget:read'], { resource: `${APP_URL}/mcp`, clientId: first.clientId });
    expect((await rawMcp(b, { jsonrpc: '2.0', id: 6, method: 'ping' }, { token: wider.token, sessionId })).status).toBe(200);
    while (!text.includes('resources/list_changed')) text += decoder.decode((await reader.read()).value);
    const methods = text
      .split('\n')
      .filter((l) => l.startsWith('data: '))
      .map((l) => (JSON.parse(l.slice(6)) as { method: string }).method);
    expect(methods).toEqual(['notifications/tools/list_changed', 'notifications/resources/list_changed']);
    controller.abort();
  });
});

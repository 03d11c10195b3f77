// Live resources: resources/subscribe on waymark://trips/{tripId} (and its sub-resources, and the trip list), and the
// server-to-client notifications sent on a session's GET event stream — notifications/resources/updated when anything
// in a subscribed trip changes, notifications/{tools,resources}/list_changed when an admin turns an addon on or off or
// the session's grant changes scopes.
// The changes are the realtime events that reach browsers: the publisher is observed, and with a shared PostgreSQL
// (several instances) each instance NOTIFYs the others on one channel, which every instance LISTENs to
// (docs/decisions/027-mcp-live-resources.md). Subscriptions and streams live in the instance serving the session's
// stream; before each notification the session's access is checked again (scope, addon, trip membership).
import crypto from 'node:crypto';
import pg from 'pg';
import type { Actor } from '~/auth/actor.server';
import type { Services } from '~/services/types.server';
import type { PendingEvent } from '~/services/types.server';
import { parseChannel } from '~/realtime/channels';
import { visibleTripIdsByUser } from '~/areas/trip-data.server';
import { log } from '~/utils/log.server';
import { matches, MAX_SUBSCRIPTIONS, type SessionFilter, type SessionOwner } from './store';
import { mcpRuntime, type McpRuntime } from './runtime';
import { pushedEvents } from './stream';
import { entryVisible, type ResourceEntry } from './registry';
import { json, rpcError, type McpHttpReply } from './replies';

/** The PostgreSQL NOTIFY channel instances tell each other about changes on. */
export const NOTIFY_CHANNEL = 'waymark_mcp_changes';
/** The channel on which instances say "this session's subscriptions changed" or "its stream is served elsewhere now" (./resume.ts). */
export const SESSION_CHANNEL = 'waymark_mcp_sessions';
/** The channel on which an instance passes on a client's answer to a request another instance sent (./answers.ts). */
export const ANSWER_CHANNEL = 'waymark_mcp_answers';
const KEEPALIVE_MS = 25_000;

interface Subscription {
  resource: ResourceEntry;
  /** null for resources outside one trip (the trip list) */
  tripId: number | null;
}

interface SessionState {
  owner: SessionOwner;
  actor: Actor;
  uris: Map<string, Subscription>;
  /** Writes one SSE chunk to the session's open GET stream, if any. */
  stream?: { send(chunk: string): void; end(): void };
  scopesKey: string;
}

/** A change somewhere: trips whose data changed, users whose own channel got an event, or the lists changed. */
export interface Change {
  trips?: number[];
  users?: number[];
  listChanged?: boolean;
}

class Hub {
  readonly instance = crypto.randomUUID();
  readonly sessions = new Map<string, SessionState>();
  listener: pg.Client | null = null;
  /** What this instance does with a payload on SESSION_CHANNEL (./resume.ts) or ANSWER_CHANNEL (./answers.ts). */
  readonly noticeHandlers = new Map<string, (payload: string) => void>();
  /** Resolves once this instance listens to the other instances (at once without a shared database). */
  ready: Promise<void> = Promise.resolve();
  /** Fan-outs still running (closing waits for them). */
  readonly pending = new Set<Promise<void>>();
}

function track(hub: Hub, work: Promise<void>) {
  hub.pending.add(work);
  void work.finally(() => hub.pending.delete(work));
}

const hubs = new WeakMap<McpRuntime, Hub>();

function hubOf(rt: McpRuntime) {
  let hub = hubs.get(rt);
  if (!hub) hubs.set(rt, (hub = new Hub()));
  return hub;
}

const scopesKeyOf = (actor: Actor) => (actor.scopes === null ? '*' : [...actor.scopes].sort().join(' '));

function stateOf(hub: Hub, sessionId: string, owner: SessionOwner, actor: Actor) {
  let state = hub.sessions.get(sessionId);
  if (!state) {
    state = { owner, actor, uris: new Map(), scopesKey: scopesKeyOf(actor) };
    hub.sessions.set(sessionId, state);
  }
  return state;
}

function message(method: string, params?: Record<string, unknown>) {
  return `event: message\ndata: ${JSON.stringify({ jsonrpc: '2.0', method, ...(params ? { params } : {}) })}\n\n`;
}

// ---- requests ------------------------------------------------------------------------------------------------------

export interface SubscribeCall {
  services: Services;
  actor: Actor;
  sessionId: string;
  owner: SessionOwner;
  /** Reads the resource as resources/read does (scope, addon and membership checks included). */
  read(params: Record<string, unknown>, id: unknown): Promise<Record<string, unknown>>;
  resources: readonly ResourceEntry[];
}

/** resources/subscribe: allowed when the resource can be read now; answers {} or the read's error. */
export async function subscribe(call: SubscribeCall, params: Record<string, unknown>, id: unknown) {
  const uri = typeof params.uri === 'string' ? params.uri : '';
  const resource = call.resources.find((r) => r.pattern.test(uri));
  if (!resource) return rpcError(id, -32002, `Resource not found: ${uri}`);
  const read = await call.read({ uri }, id);
  if (read.error) return read;
  const hub = hubOf(mcpRuntime(call.services));
  await hub.ready;
  const state = stateOf(hub, call.sessionId, call.owner, call.actor);
  if (!state.uris.has(uri) && state.uris.size >= MAX_SUBSCRIPTIONS) {
    return rpcError(id, -32602, `Invalid params: at most ${MAX_SUBSCRIPTIONS} subscriptions per session`);
  }
  const match = resource.pattern.exec(uri)!;
  const at = resource.params.indexOf('tripId');
  state.uris.set(uri, { resource, tripId: at >= 0 ? Number(match[at + 1]) : null });
  return { jsonrpc: '2.0', id, result: {} };
}

/** resources/unsubscribe: always {} (unsubscribing from something not subscribed changes nothing). */
export function unsubscribe(services: Services, sessionId: string, params: Record<string, unknown>, id: unknown) {
  const uri = typeof params.uri === 'string' ? params.uri : '';
  hubOf(mcpRuntime(services)).sessions.get(sessionId)?.uris.delete(uri);
  return { jsonrpc: '2.0', id, result: {} };
}

/** What a session's GET opens: the stream of server-to-client notifications (one per session; a new one replaces it). */
export function openEventStream(services: Services, sessionId: string, owner: SessionOwner, actor: Actor, accept: string | null): McpHttpReply {
  if (!(accept ?? '').includes('text/event-stream')) {
    return json(406, rpcError(null, -32000, 'Not Acceptable: the GET stream is text/event-stream'));
  }
  const hub = hubOf(mcpRuntime(services));
  return {
    status: 200,
    headers: { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache, no-transform', Connection: 'keep-alive', 'Mcp-Session-Id': sessionId },
    body: null,
    stream: pushedEvents((write, end) => {
      const state = stateOf(hub, sessionId, owner, actor);
      state.stream?.end();
      const timer = setInterval(() => write(': keepalive\n\n'), KEEPALIVE_MS);
      timer.unref();
      const stream = {
        send: write,
        end() {
          clearInterval(timer);
          if (state.stream === stream) state.stream = undefined;
          end();
        },
      };
      state.stream = stream;
      write(': stream open\n\n');
      return () => {
        clearInterval(timer);
        if (state.stream === stream) state.stream = undefined;
        // A session that subscribed to nothing keeps no state once its stream is gone.
        if (!state.stream && state.uris.size === 0) hub.sessions.delete(sessionId);
      };
    }),
  };
}

/** Called on each request of a session: a grant whose scopes changed gets list_changed on its stream. */
export function noteActor(services: Services, sessionId: string, actor: Actor) {
  const state = hubOf(mcpRuntime(services)).sessions.get(sessionId);
  if (!state) return;
  state.actor = actor;
  const key = scopesKeyOf(actor);
  if (key === state.scopesKey) return;
  state.scopesKey = key;
  state.stream?.send(message('notifications/tools/list_changed') + message('notifications/resources/list_changed'));
}

/** Forgets a session (closed by its client). */
export function dropSession(rt: McpRuntime, sessionId: string) {
  const hub = hubs.get(rt);
  hub?.sessions.get(sessionId)?.stream?.end();
  hub?.sessions.delete(sessionId);
}

/** Ends the streams of sessions the OAuth layer closed (revoked or rotated tokens). */
export function closeMatchingStreams(rt: McpRuntime, filter: SessionFilter) {
  const hub = hubs.get(rt);
  if (!hub) return;
  for (const [id, s] of hub.sessions) {
    if (matches(s.owner, filter)) dropSession(rt, id);
  }
}

// ---- fan-out -------------------------------------------------------------------------------------------------------

/** Sends this instance's sessions what the change means for them, each access checked again first. */
export async function deliver(services: Services, change: Change) {
  const hub = hubs.get(mcpRuntime(services));
  // Another instance's switch leaves this instance's cached switches stale (refreshing after a local set is harmless).
  if (change.listChanged) services.addons.refresh?.();
  if (!hub || hub.sessions.size === 0) return;
  if (change.listChanged) {
    for (const s of hub.sessions.values()) s.stream?.send(message('notifications/tools/list_changed') + message('notifications/resources/list_changed'));
  }
  const trips = new Set(change.trips ?? []);
  const users = new Set(change.users ?? []);
  if (!trips.size && !users.size) return;
  const addons = await services.addons.all();
  // What each session with a stream wants to hear about, then every (user, trip) pair's access in one query.
  const work: Array<{ state: SessionState & { stream: NonNullable<SessionState['stream']> }; wanted: Set<Subscription>; tripIds: number[] }> = [];
  for (const state of hub.sessions.values()) {
    if (!state.stream || state.uris.size === 0) continue;
    const userId = state.owner.userId;
    const wanted = new Set([...state.uris.values()].filter((s) => (s.tripId === null ? trips.size > 0 || users.has(userId) : trips.has(s.tripId))));
    if (!wanted.size) continue;
    const tripIds = new Set<number>();
    for (const s of wanted) {
      if (s.tripId !== null) tripIds.add(s.tripId);
      else for (const t of trips) tripIds.add(t);
    }
    work.push({ state: state as (typeof work)[number]['state'], wanted, tripIds: [...tripIds] });
  }
  if (!work.length) return;
  const readable = await visibleTripIdsByUser(
    services.db,
    [...new Set(work.map((w) => w.state.owner.userId))],
    [...new Set(work.flatMap((w) => w.tripIds))],
  );
  for (const { state, wanted } of work) {
    const userId = state.owner.userId;
    const mine = readable.get(userId) ?? new Set<number>();
    let out = '';
    for (const [uri, sub] of state.uris) {
      if (!wanted.has(sub)) continue;
      if (!entryVisible(sub.resource, state.actor.scopes, addons)) continue;
      if (sub.tripId !== null && !mine.has(sub.tripId)) {
        // No longer on the trip: the subscription ends.
        state.uris.delete(uri);
        continue;
      }
      if (sub.tripId === null && !users.has(userId) && ![...trips].some((t) => mine.has(t))) continue;
      out += message('notifications/resources/updated', { uri });
    }
    if (out) state.stream.send(out);
  }
}

/** What a batch of published events changed. */
export function changeOf(events: PendingEvent[]): Change {
  const trips = new Set<number>();
  const users = new Set<number>();
  for (const e of events) {
    const channel = parseChannel(e.channel);
    if (channel?.kind === 'trip' || channel?.kind === 'presence') {
      // Presence (who is online) changes no resource.
      if (channel.kind === 'trip') trips.add(channel.tripId);
    } else if (channel?.kind === 'user') users.add(channel.userId);
  }
  return { trips: [...trips], users: [...users] };
}

/** Tells this instance's sessions and (with a shared PostgreSQL) the other instances; never rejects (errors are logged). */
async function announce(services: Services, hub: Hub, change: Change) {
  const local = deliver(services, change).catch((error: Error) => log(services.config, 'error', `mcp: notifying subscribers failed (${error.message})`));
  if (services.database.kind !== 'postgres') return local;
  // Other instances learn of it through PostgreSQL (NOTIFY payloads stay far below its 8,000-byte limit: ids only).
  await Promise.all([local, notifyInstances(services, NOTIFY_CHANNEL, JSON.stringify({ from: hub.instance, ...change }).slice(0, 7900))]);
}

/** NOTIFYs the other instances on `channel` (with a shared PostgreSQL; nothing to do without one); never rejects. */
export async function notifyInstances(services: Services, channel: string, payload: string) {
  if (services.database.kind !== 'postgres') return;
  await services.database.sql
    .query('SELECT pg_notify($1, $2)', [channel, payload])
    .then(() => {})
    .catch((error: Error) => log(services.config, 'error', `mcp: NOTIFY on ${channel} failed (${error.message})`));
}

/**
 * Hands this instance's payloads on `channel` (SESSION_CHANNEL or ANSWER_CHANNEL) to `handler`, on the one LISTEN
 * connection of the instance (the first handler of a channel stays); resolves once it listens (at once without a
 * shared database).
 */
export function onInstanceNotice(services: Services, channel: typeof SESSION_CHANNEL | typeof ANSWER_CHANNEL, handler: (payload: string) => void) {
  const hub = hubOf(mcpRuntime(services));
  if (!hub.noticeHandlers.has(channel)) hub.noticeHandlers.set(channel, handler);
  return hub.ready;
}

/** Work that closing the services waits for, after the streams ended (a resumable stream storing its last notifications). */
export function closeWaitsFor(services: Services, work: Promise<void>) {
  track(hubOf(mcpRuntime(services)), work);
}

/** The URIs a session is subscribed to in this instance. */
export function subscribedUris(services: Services, sessionId: string): string[] {
  return [...(hubOf(mcpRuntime(services)).sessions.get(sessionId)?.uris.keys() ?? [])];
}

async function listen(services: Services, hub: Hub): Promise<void> {
  const client = new pg.Client({ connectionString: services.database.url });
  client.on('notification', (n) => {
    if (!n.payload) return;
    if (n.channel !== NOTIFY_CHANNEL) return hub.noticeHandlers.get(n.channel)?.(n.payload);
    try {
      const { from, ...change } = JSON.parse(n.payload) as Change & { from: string };
      if (from !== hub.instance) void deliver(services, change).catch(() => {});
    } catch {
      // not ours
    }
  });
  client.on('error', (error) => {
    log(services.config, 'error', `mcp: change listener lost its connection (${error.message}); reconnecting`);
    hub.listener = null;
    setTimeout(() => void listen(services, hub).catch(() => {}), 1000).unref();
  });
  await client.connect();
  await client.query(`LISTEN ${NOTIFY_CHANNEL}; LISTEN ${SESSION_CHANNEL}; LISTEN ${ANSWER_CHANNEL}`);
  hub.listener = client;
}

/**
 * Observes the services' realtime publisher and addon switches (part of installMcp). With a shared PostgreSQL the
 * instance also listens to the others' changes.
 */
export function installSubscriptions(services: Services) {
  const rt = mcpRuntime(services);
  const hub = hubOf(rt);
  const realtime = services.realtime;
  const publish = realtime.publish.bind(realtime);
  realtime.publish = async (events, options) => {
    await publish(events, options);
    // Not awaited: a write (a browser's too) answers once its own events are out, not after every MCP session's check.
    if (events.length) track(hub, announce(services, hub, changeOf(events)));
  };
  const addons = services.addons;
  const set = addons.set.bind(addons);
  addons.set = async (...args: Parameters<typeof set>) => {
    const result = await set(...args);
    rt.toolListCache.clear();
    await announce(services, hub, { listChanged: true });
    return result;
  };
  if (services.database.kind === 'postgres') {
    hub.ready = listen(services, hub).catch((error: Error) => log(services.config, 'error', `mcp: cannot listen for changes (${error.message})`));
  }
  const close = services.close.bind(services);
  services.close = async () => {
    // Open streams would keep the HTTP server from closing.
    for (const id of [...hub.sessions.keys()]) dropSession(rt, id);
    await Promise.all(hub.pending);
    const listener = hub.listener;
    hub.listener = null;
    await listener?.end().catch(() => {});
    await close();
  };
}

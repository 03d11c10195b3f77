// A session's GET stream made resumable and instance-independent. Each notification it carries is stored (McpEvent,
// kept MCP_EVENT_KEEP_MS, purged by the purge job) and sent with its id; a client that reconnects with Last-Event-ID,
// to this instance or another, first receives what came after that id. When the client goes away, the stream keeps
// recording for RESUME_GRACE_MS, so what happens while it reconnects is not lost either.
// The stream also subscribes the session to what it subscribed to elsewhere (McpSession.subscriptions): at open, and
// when another instance announces a change (./session-sync.ts), heard on the instance's one LISTEN connection
// (./subscriptions.ts).
import type { Actor } from '~/auth/actor.server';
import type { Services } from '~/services/types.server';
import { log } from '~/utils/log.server';
import { CallContext } from './dispatch';
import type { McpHttpReply } from './replies';
import { mcpRuntime, type LiveStream, type McpRuntime } from './runtime';
import type { SessionRecord } from './store';
import { pushedEvents } from './stream';
import { closeWaitsFor, notifyInstances, onInstanceNotice, openEventStream, SESSION_CHANNEL, subscribe, subscribedUris, unsubscribe } from './subscriptions';

/** After its client went away, a stream keeps recording this long (a reconnect within it misses nothing). */
export const RESUME_GRACE_MS = 5 * 60_000;
/** At most this many missed notifications are replayed. */
const MAX_REPLAY = 500;
/** The NOTIFY payload suffix that says "this session's stream is served elsewhere now". */
const TAKEN_OVER = ' stream';

/** The JSON of each message in an SSE chunk (one or more `event: message\ndata: …` blocks). */
function messagesOf(chunk: string) {
  return chunk
    .split('\n\n')
    .map((block) => block.split('\n').find((line) => line.startsWith('data: '))?.slice(6))
    .filter((data): data is string => !!data);
}

const frame = (id: bigint | string, data: string) => `id: ${id}\nevent: message\ndata: ${data}\n\n`;

/** Subscribes this process's stream of a session to `uris` (and drops what is no longer there). */
async function syncSubscriptions(services: Services, sessionId: string, live: LiveStream, uris: string[]) {
  const call = new CallContext(services, live.actor, sessionId, live.ip);
  const now = subscribedUris(services, sessionId);
  // (Each is checked again as for any subscribe: a resource the session may no longer read is not followed.)
  for (const uri of uris) if (!now.includes(uri)) await subscribe(call.subscriber(), { uri }, null);
  for (const uri of now) if (!uris.includes(uri)) unsubscribe(services, sessionId, { uri }, null);
}

/** What this instance does when another one names a session on SESSION_CHANNEL (its stream, if served here, follows). */
function followSessionChanges(services: Services, rt: McpRuntime) {
  return onInstanceNotice(services, SESSION_CHANNEL, (payload) => {
    const takenOver = payload.endsWith(TAKEN_OVER);
    const sessionId = takenOver ? payload.slice(0, -TAKEN_OVER.length) : payload;
    const live = rt.streams.get(sessionId);
    if (!live) return;
    if (takenOver) return live.endIfGone();
    void rt.store
      .settings(sessionId)
      .then((settings) => settings && syncSubscriptions(services, sessionId, live, settings.subscriptions))
      .catch((error: Error) => log(services.config, 'error', `mcp: following a session's subscriptions failed (${error.message})`));
  });
}

/** GET /mcp of a live session the caller owns: the resumable stream of its server-to-client notifications. */
export async function openResumableStream(
  services: Services,
  session: SessionRecord,
  actor: Actor,
  ip: string | null,
  accept: string | null,
  lastEventId: string | null,
): Promise<McpHttpReply> {
  const reply = openEventStream(services, session.id, session, actor, accept);
  if (!reply.stream) return reply;
  const inner = reply.stream;
  const rt = mcpRuntime(services);
  let gone = false;
  let grace: NodeJS.Timeout | undefined;
  const live: LiveStream = { actor, ip, endIfGone: () => gone && inner.close() };
  rt.streams.set(session.id, live);
  try {
    await followSessionChanges(services, rt);
    // (Read here, not on every request: a session without subscriptions costs the other requests nothing.)
    const settings = await rt.store.settings(session.id);
    await syncSubscriptions(services, session.id, live, settings?.subscriptions ?? []);
    // An instance still recording for a client that went away stops: this one serves the session's stream now.
    await notifyInstances(services, SESSION_CHANNEL, session.id + TAKEN_OVER);
  } catch (error) {
    log(services.config, 'error', `mcp: restoring a session's subscriptions failed (${(error as Error).message})`);
  }
  const after = lastEventId && /^\d{1,18}$/.test(lastEventId.trim()) ? BigInt(lastEventId.trim()) : null;
  const missed =
    after === null
      ? []
      : await services.db.mcpEvent.findMany({ where: { sessionId: session.id, id: { gt: after } }, orderBy: { id: 'asc' }, take: MAX_REPLAY });
  const stream = pushedEvents((write, end) => {
    const recording = (async () => {
      for (const event of missed) write(frame(event.id, event.data));
      for await (const chunk of inner.events) {
        if (chunk.startsWith(':')) {
          if (!gone) write(chunk);
          continue;
        }
        for (const data of messagesOf(chunk)) {
          const { id } = await services.db.mcpEvent.create({ data: { sessionId: session.id, data }, select: { id: true } });
          if (!gone) write(frame(id, data));
        }
      }
    })()
      .catch((error: Error) => log(services.config, 'error', `mcp: a session stream failed (${error.message})`))
      .finally(() => {
        clearTimeout(grace);
        if (rt.streams.get(session.id) === live) rt.streams.delete(session.id);
        end();
      });
    // (The database stays open until the notifications already received are stored.)
    closeWaitsFor(services, recording);
    return () => {
      // The client went away: keep recording for a while (a new stream of the session ends this one at once).
      gone = true;
      grace = setTimeout(() => inner.close(), RESUME_GRACE_MS);
      grace.unref();
    };
  });
  return { ...reply, stream };
}

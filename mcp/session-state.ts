// What a session's client declared at initialize (elicitation), the log level it set, and the server-to-client requests
// waiting for its answer. The declared and set values are kept with the session in the store (McpSession on a shared
// PostgreSQL) and adopted from it on every request, so an instance that did not open the session honours them; only
// the waiting requests (an elicitation in flight; an answer that lands elsewhere is passed on, ./answers.ts) and the
// once-per-session warnings are held by this process.
import type { SessionRecord } from './store';
import type { McpRuntime } from './runtime';

export interface SessionState {
  elicitation: boolean;
  /** index into LOG_LEVELS; undefined until logging/setLevel (then every level is sent) */
  logLevel?: number;
  /** warnings sent once per session (by key) */
  warned: Set<string>;
}

/** How the ids of the requests Waymark sends to clients begin. */
export const REQUEST_ID_PREFIX = 'waymark-';

export interface PendingAnswer {
  resolve(message: Record<string, unknown>): void;
}

/** The client's capabilities object as sent at initialize: does it offer elicitation? */
export function declaresElicitation(capabilities: unknown) {
  const caps = (capabilities && typeof capabilities === 'object' ? capabilities : {}) as Record<string, unknown>;
  return !!caps.elicitation && typeof caps.elicitation === 'object';
}

/** The session's state in this process (a fresh default one until the store's record is adopted). */
export function sessionState(rt: McpRuntime, sessionId: string): SessionState {
  const sessions = rt.clients;
  let state = sessions.get(sessionId);
  if (!state) {
    if (sessions.size > 10_000) sessions.clear();
    state = { elicitation: false, warned: new Set() };
    sessions.set(sessionId, state);
  }
  return state;
}

/** On each request of a session: what the store says its client declared and set. */
export function adoptSession(rt: McpRuntime, session: SessionRecord) {
  const state = sessionState(rt, session.id);
  state.elicitation = session.elicitation;
  state.logLevel = session.logLevel ?? undefined;
}

export function forgetClient(rt: McpRuntime, sessionId: string) {
  rt.clients.delete(sessionId);
}

/** A new id for a request the server sends; the client's answer comes back in a later POST of the same session. */
export function awaitAnswer(rt: McpRuntime, sessionId: string) {
  const id = `${REQUEST_ID_PREFIX}${rt.requestIdPrefix}-${rt.nextRequestId++}`;
  const key = `${sessionId} ${id}`;
  let cancel!: () => void;
  const answer = new Promise<Record<string, unknown> | null>((resolve) => {
    rt.pending.set(key, { resolve });
    cancel = () => {
      rt.pending.delete(key);
      resolve(null);
    };
  }).finally(() => rt.pending.delete(key));
  return { id, answer, cancel };
}

/** A client's JSON-RPC response (no method): hands it to the request waiting for it; false when none waits. */
export function deliverAnswer(rt: McpRuntime, sessionId: string, message: Record<string, unknown>) {
  const pending = rt.pending.get(`${sessionId} ${String(message.id)}`);
  if (!pending) return false;
  pending.resolve(message);
  return true;
}

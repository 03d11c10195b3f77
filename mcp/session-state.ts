// What a session's client declared at initialize (elicitation), the log level it set, and the server-to-client requests
// waiting for its answer. Kept in the process that opened the session (like the actor cache): on several instances a
// session continued elsewhere falls back to "no elicitation" and the default log level — the behaviour of today.
import type { McpRuntime } from './runtime';

export interface SessionState {
  elicitation: boolean;
  /** index into LOG_LEVELS; undefined until logging/setLevel (then every level is sent) */
  logLevel?: number;
  /** warnings sent once per session (by key) */
  warned: Set<string>;
}

interface Pending {
  resolve(message: Record<string, unknown>): void;
}

interface States {
  sessions: Map<string, SessionState>;
  /** `${sessionId} ${requestId}` → the waiting request */
  pending: Map<string, Pending>;
  nextId: number;
}

const STATES = new WeakMap<McpRuntime, States>();

function states(rt: McpRuntime): States {
  let s = STATES.get(rt);
  if (!s) {
    s = { sessions: new Map(), pending: new Map(), nextId: 1 };
    STATES.set(rt, s);
  }
  return s;
}

/** At initialize: what the client declared. */
export function rememberClient(rt: McpRuntime, sessionId: string, capabilities: unknown) {
  const sessions = states(rt).sessions;
  if (sessions.size > 10_000) sessions.clear();
  const caps = (capabilities && typeof capabilities === 'object' ? capabilities : {}) as Record<string, unknown>;
  sessions.set(sessionId, { elicitation: !!caps.elicitation && typeof caps.elicitation === 'object', warned: new Set() });
}

/** The session's state (a fresh default one when it was opened on another instance or before a restart). */
export function sessionState(rt: McpRuntime, sessionId: string): SessionState {
  const sessions = states(rt).sessions;
  let state = sessions.get(sessionId);
  if (!state) {
    state = { elicitation: false, warned: new Set() };
    sessions.set(sessionId, state);
  }
  return state;
}

export function forgetClient(rt: McpRuntime, sessionId: string) {
  states(rt).sessions.delete(sessionId);
}

/** A new id for a request the server sends; the client's answer comes back in a later POST of the same session. */
export function awaitAnswer(rt: McpRuntime, sessionId: string) {
  const s = states(rt);
  const id = `waymark-${s.nextId++}`;
  const key = `${sessionId} ${id}`;
  let cancel!: () => void;
  const answer = new Promise<Record<string, unknown> | null>((resolve) => {
    s.pending.set(key, { resolve });
    cancel = () => {
      s.pending.delete(key);
      resolve(null);
    };
  }).finally(() => s.pending.delete(key));
  return { id, answer, cancel };
}

/** A client's JSON-RPC response (no method): hands it to the request waiting for it; false when none waits. */
export function deliverAnswer(rt: McpRuntime, sessionId: string, message: Record<string, unknown>) {
  const key = `${sessionId} ${String(message.id)}`;
  const pending = states(rt).pending.get(key);
  if (!pending) return false;
  pending.resolve(message);
  return true;
}

// The MCP server's per-services state: the session store, the actor cache and the tools/list cache, kept on the
// services object (under a global symbol, so tests and a second copy of this module find the same one).
import crypto from 'node:crypto';
import type { Actor } from '~/auth/actor.server';
import type { Services } from '~/services/types.server';
import { closeMatchingStreams, dropSession } from './subscriptions';
import { createDatabaseStore, createMemoryStore, type McpStore, type SessionFilter } from './store';
import { forgetClient, type PendingAnswer, type SessionState } from './session-state';

export interface McpRuntime {
  store: McpStore;
  /** Shifts the clock (tests use it to expire sessions without waiting). */
  clockOffsetMs: number;
  now(): Date;
  /** Static-token sessions that already received the deprecation notice on a tool result. */
  noticeShown: Set<string>;
  /** tools/list results, serialised (JSON text of the tools array), by grant + enabled addons. */
  toolListCache: Map<string, string>;
  /**
   * The actor of each live session, re-read from the database at most every ACTOR_TTL_MS. Closing sessions (token
   * revocation, token deletion) drops the entries, so a revoked token is refused on its next request.
   */
  actors: Map<string, ActorEntry>;
  /** Bumped whenever sessions are closed; an actor resolved before a bump is not cached. */
  generation: number;
  /** Each session's client state in this process (./session-state.ts). */
  clients: Map<string, SessionState>;
  /** `${sessionId} ${requestId}` → a server-to-client request waiting for the client's answer */
  pending: Map<string, PendingAnswer>;
  nextRequestId: number;
  /** This process's part of the ids of the requests it sends, so an answer passed between instances finds only its asker. */
  requestIdPrefix: string;
  /** The GET streams this process serves, by session (./resume.ts): who opened each (what it subscribed to is in ./subscriptions.ts). */
  streams: Map<string, LiveStream>;
}

export interface LiveStream {
  actor: Actor;
  ip: string | null;
  /** Ends the stream if its client already went away (another instance took the session's stream over). */
  endIfGone(): void;
}

export interface ActorEntry {
  tokenHash: string;
  actor: Actor;
  expiresAt: number;
  checkedAt: number;
  generation: number;
}

export const ACTOR_TTL_MS = 15_000;

const RUNTIME = Symbol.for('waymark.mcp.runtime');

export function mcpRuntime(services: Services): McpRuntime {
  const holder = services as unknown as Record<symbol, McpRuntime | undefined>;
  let runtime = holder[RUNTIME];
  if (!runtime) {
    const rt: McpRuntime = {
      store: services.database.kind === 'embedded' ? createMemoryStore() : createDatabaseStore(services.db),
      clockOffsetMs: 0,
      now: () => new Date(Date.now() + rt.clockOffsetMs),
      noticeShown: new Set(),
      toolListCache: new Map(),
      actors: new Map(),
      generation: 0,
      clients: new Map(),
      pending: new Map(),
      nextRequestId: 1,
      requestIdPrefix: crypto.randomBytes(4).toString('hex'),
      streams: new Map(),
    };
    runtime = rt;
    Object.defineProperty(services, RUNTIME, { value: rt, enumerable: false });
  }
  return runtime;
}

/** services.mcpSessions: closes sessions when the OAuth layer revokes or rotates tokens. */
export function mcpSessionCloser(services: Services) {
  return {
    close: (filter: SessionFilter) => {
      const rt = mcpRuntime(services);
      rt.generation += 1;
      rt.actors.clear();
      closeMatchingStreams(rt, filter);
      return rt.store.closeMatching(filter, rt.now());
    },
  };
}

/** Caches a session's actor, unless sessions were closed since it was resolved. */
export function rememberActor(rt: McpRuntime, sessionId: string, entry: ActorEntry) {
  if (entry.generation !== rt.generation) return;
  if (rt.actors.size > 10_000) rt.actors.clear();
  rt.actors.set(sessionId, entry);
}

/** Forgets everything this process holds for a session closed by its client or found expired. */
export function forgetSession(rt: McpRuntime, sessionId: string) {
  rt.noticeShown.delete(sessionId);
  rt.actors.delete(sessionId);
  forgetClient(rt, sessionId);
  dropSession(rt, sessionId);
}

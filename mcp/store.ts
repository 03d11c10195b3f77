// Where MCP sessions and rate-limit windows live: in this process for the embedded database, in PostgreSQL
// (McpSession, RateWindow) when several app instances share one database, so a session continues on any instance.
import crypto from 'node:crypto';
import type { Db } from '~/db/client.server';
import {
  createMemoryRateWindows,
  databaseVerdict,
  hitDatabaseWindow,
  pruneDatabaseWindows,
  rateWindowAt,
  rateWindowUpsertSql,
  RATE_WINDOW_MS,
  type RateResult,
} from '~/utils/rate-window.server';
import { Prisma } from '~/generated/prisma/client';

export type { RateResult };

export interface SessionOwner {
  userId: number;
  /** built by ~/auth/mcp-session-keys: "oauth:<clientId>" or "static:<tokenId>" */
  clientKey: string;
  tokenFamily?: string | null;
}

/** What a session's client declared or set: kept with the session, so any instance honours it. */
export interface SessionSettings {
  /** the client declared the elicitation capability at initialize */
  elicitation: boolean;
  /** index into mcp/logging.ts LOG_LEVELS; null until logging/setLevel */
  logLevel: number | null;
  /** the resource URIs the session subscribed to */
  subscriptions: string[];
}

/** A session as every request sees it: its subscriptions are not read on each request, only by its GET stream (settings()). */
export interface SessionRecord extends SessionOwner, Omit<SessionSettings, 'subscriptions'> {
  id: string;
  lastSeenAt: Date;
}

export interface SessionFilter {
  userId?: number;
  clientKey?: string;
  tokenFamily?: string;
}

export type OpenResult = { ok: true; id: string } | { ok: false; active: number };

export interface McpStore {
  open(owner: SessionOwner, limits: { maxPerUser: number; idleMs: number }, now: Date, elicitation?: boolean): Promise<OpenResult>;
  /** Changes a live session's log level or subscriptions (the URI added, or removed). */
  update(id: string, change: { logLevel: number } | { subscribe: string } | { unsubscribe: string }): Promise<void>;
  /** A live session's settings (null when unknown or closed). */
  settings(id: string): Promise<SessionSettings | null>;
  close(id: string, now: Date): Promise<boolean>;
  closeMatching(filter: SessionFilter, now: Date): Promise<number>;
  /** Counts one request in the key's current one-minute window. */
  hit(key: string, limit: number, now: Date): Promise<RateResult>;
  /**
   * What every request needs first, in one step (one database round trip on PostgreSQL): counts it in the rate window
   * and, when it names a session, touches that session.
   */
  admit(key: string, limit: number, session: { id: string; idleMs: number } | null, now: Date): Promise<Admission>;
}

export interface Admission {
  rate: RateResult;
  /** The named session, live and now marked seen; null when none was named or it is unknown, closed or idle. */
  session: SessionRecord | null;
}

function newSessionId() {
  return crypto.randomBytes(24).toString('base64url');
}

/** True when a session's owner fits the filter (the stored sessions here, the open streams in ./subscriptions.ts). */
export function matches(s: SessionOwner, f: SessionFilter) {
  return (
    (f.userId === undefined || s.userId === f.userId) &&
    (f.clientKey === undefined || s.clientKey === f.clientKey) &&
    (f.tokenFamily === undefined || s.tokenFamily === f.tokenFamily)
  );
}

/** At most this many resource subscriptions per session: kept with the session here, enforced on subscribe in ./subscriptions.ts. */
export const MAX_SUBSCRIPTIONS = 200;

function applyChange(s: SessionSettings, change: Parameters<McpStore['update']>[1]): SessionSettings {
  if ('logLevel' in change) return { ...s, logLevel: change.logLevel };
  const without = s.subscriptions.filter((uri) => uri !== ('subscribe' in change ? change.subscribe : change.unsubscribe));
  if ('subscribe' in change && without.length < MAX_SUBSCRIPTIONS) without.push(change.subscribe);
  return { ...s, subscriptions: without };
}

export function createMemoryStore(): McpStore {
  const sessions = new Map<string, SessionRecord & SessionSettings>();
  const windows = createMemoryRateWindows();
  const prune = (idleMs: number, now: Date) => {
    for (const [id, s] of sessions) if (now.getTime() - s.lastSeenAt.getTime() > idleMs) sessions.delete(id);
  };
  /** The live session (and marks it seen), or null when unknown, closed or idle for longer than idleMs. */
  const touch = (id: string, idleMs: number, now: Date) => {
    const s = sessions.get(id);
    if (!s) return null;
    if (now.getTime() - s.lastSeenAt.getTime() > idleMs) {
      sessions.delete(id);
      return null;
    }
    s.lastSeenAt = now;
    return s;
  };
  return {
    async open(owner, { maxPerUser, idleMs }, now, elicitation = false) {
      prune(idleMs, now);
      let active = 0;
      for (const s of sessions.values()) if (s.userId === owner.userId) active += 1;
      if (active >= maxPerUser) return { ok: false, active };
      const id = newSessionId();
      sessions.set(id, { ...owner, tokenFamily: owner.tokenFamily ?? null, id, lastSeenAt: now, elicitation, logLevel: null, subscriptions: [] });
      return { ok: true, id };
    },
    async close(id) {
      return sessions.delete(id);
    },
    async update(id, change) {
      const s = sessions.get(id);
      if (s) Object.assign(s, applyChange(s, change));
    },
    async settings(id) {
      const s = sessions.get(id);
      return s ? { elicitation: s.elicitation, logLevel: s.logLevel, subscriptions: [...s.subscriptions] } : null;
    },
    async closeMatching(filter) {
      let n = 0;
      for (const [id, s] of sessions) {
        if (matches(s, filter)) {
          sessions.delete(id);
          n += 1;
        }
      }
      return n;
    },
    async hit(key, limit, now) {
      return windows.hit(key, limit, now.getTime());
    },
    async admit(key, limit, session, now) {
      return { rate: await this.hit(key, limit, now), session: session ? touch(session.id, session.idleMs, now) : null };
    },
  };
}

export function createDatabaseStore(db: Db): McpStore {
  let lastCleanup = 0;
  return {
    async open(owner, { maxPerUser, idleMs }, now, elicitation = false) {
      const cutoff = new Date(now.getTime() - idleMs);
      const active = await db.mcpSession.count({ where: { userId: owner.userId, closedAt: null, lastSeenAt: { gt: cutoff } } });
      if (active >= maxPerUser) return { ok: false, active };
      const id = newSessionId();
      await db.mcpSession.create({
        data: { id, userId: owner.userId, clientKey: owner.clientKey, tokenFamily: owner.tokenFamily ?? null, createdAt: now, lastSeenAt: now, elicitation },
      });
      if (now.getTime() - lastCleanup > RATE_WINDOW_MS) {
        lastCleanup = now.getTime();
        // Closed and long-idle sessions are kept for a day, then removed.
        await db.mcpSession.deleteMany({ where: { lastSeenAt: { lt: new Date(now.getTime() - idleMs - 86_400_000) } } });
      }
      return { ok: true, id };
    },
    async close(id, now) {
      const r = await db.mcpSession.updateMany({ where: { id, closedAt: null }, data: { closedAt: now } });
      return r.count > 0;
    },
    async update(id, change) {
      // One statement per change (array_append / array_remove), so two instances changing one session never lose a URI.
      if ('logLevel' in change) await db.mcpSession.updateMany({ where: { id, closedAt: null }, data: { logLevel: change.logLevel } });
      else if ('subscribe' in change) {
        await db.$executeRaw`UPDATE "McpSession" SET "subscriptions" = array_append(array_remove("subscriptions", ${change.subscribe}), ${change.subscribe})
          WHERE "id" = ${id} AND "closedAt" IS NULL AND cardinality("subscriptions") < ${MAX_SUBSCRIPTIONS}`;
      } else {
        await db.$executeRaw`UPDATE "McpSession" SET "subscriptions" = array_remove("subscriptions", ${change.unsubscribe}) WHERE "id" = ${id}`;
      }
    },
    async settings(id) {
      return db.mcpSession.findFirst({ where: { id, closedAt: null }, select: { elicitation: true, logLevel: true, subscriptions: true } });
    },
    async closeMatching(filter, now) {
      const r = await db.mcpSession.updateMany({
        where: {
          closedAt: null,
          ...(filter.userId !== undefined ? { userId: filter.userId } : {}),
          ...(filter.clientKey !== undefined ? { clientKey: filter.clientKey } : {}),
          ...(filter.tokenFamily !== undefined ? { tokenFamily: filter.tokenFamily } : {}),
        },
        data: { closedAt: now },
      });
      return r.count;
    },
    async hit(key, limit, now) {
      return hitDatabaseWindow(db, key, limit, now.getTime());
    },
    async admit(key, limit, session, now) {
      if (!session) return { rate: await this.hit(key, limit, now), session: null };
      const cutoff = new Date(now.getTime() - session.idleMs);
      // Both data-modifying CTEs run whatever the outer query reads; the LEFT JOIN keeps the count when no session matched.
      const rows = await db.$queryRaw<
        Array<{ count: number; id: string | null; userId: number | null; clientKey: string | null; tokenFamily: string | null; elicitation?: boolean; logLevel?: number | null }>
      >(Prisma.sql`
        WITH rate AS (${rateWindowUpsertSql(key, rateWindowAt(now.getTime()).start)}), touched AS (
          UPDATE "McpSession" SET "lastSeenAt" = ${now}
          WHERE "id" = ${session.id} AND "closedAt" IS NULL AND "lastSeenAt" > ${cutoff}
          RETURNING "id", "userId", "clientKey", "tokenFamily", "elicitation", "logLevel"
        )
        SELECT rate."count", touched."id", touched."userId", touched."clientKey", touched."tokenFamily",
          touched."elicitation", touched."logLevel"
        FROM rate LEFT JOIN touched ON true`);
      await pruneDatabaseWindows(db, now.getTime());
      const row = rows[0];
      return {
        rate: databaseVerdict(row?.count, limit, now.getTime()),
        session:
          row?.id && row.userId !== null && row.clientKey !== null
            ? {
                id: row.id,
                userId: row.userId,
                clientKey: row.clientKey,
                tokenFamily: row.tokenFamily,
                lastSeenAt: now,
                elicitation: row.elicitation ?? false,
                logLevel: row.logLevel ?? null,
              }
            : null,
      };
    },
  };
}

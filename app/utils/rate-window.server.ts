// Fixed one-minute rate windows: the one implementation behind every per-minute request limit (the OAuth endpoints and
// /mcp), counted in this process or in the RateWindow table when several instances must agree.
import type { Db } from '~/db/client.server';
import type { Services } from '~/services/types.server';
import { Prisma } from '~/generated/prisma/client';

export const RATE_WINDOW_MS = 60_000;

/** Windows kept in one process before the ones of past minutes are swept out. */
const MEMORY_SWEEP_AT = 10_000;

export interface RateResult {
  allowed: boolean;
  /** hits in the current window, this one included */
  count: number;
  /** seconds until the current window ends (at least 1): the Retry-After of a refused request */
  retryAfter: number;
}

/** The wall-clock minute `now` (ms) falls in. */
export function rateWindowAt(now: number) {
  const start = now - (now % RATE_WINDOW_MS);
  return { start, retryAfter: Math.max(1, Math.ceil((start + RATE_WINDOW_MS - now) / 1000)) };
}

function verdict(count: number, limit: number, retryAfter: number): RateResult {
  return { allowed: count <= limit, count, retryAfter };
}

export interface MemoryRateWindows {
  /** Counts one hit of `key` in the current window. */
  hit(key: string, limit: number, now?: number): RateResult;
}

/** Windows counted in this process only: no database write per request, but each instance counts its own share. */
export function createMemoryRateWindows(): MemoryRateWindows {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    hit(key, limit, now = Date.now()) {
      const { start, retryAfter } = rateWindowAt(now);
      let window = windows.get(key);
      if (!window || window.start !== start) {
        if (windows.size > MEMORY_SWEEP_AT) for (const [k, w] of windows) if (w.start < start) windows.delete(k);
        window = { start, count: 0 };
        windows.set(key, window);
      }
      window.count += 1;
      return verdict(window.count, limit, retryAfter);
    },
  };
}

/** SQL that counts one hit of `key` in the window starting at `start` and returns the new "count"; also usable as a CTE. */
export function rateWindowUpsertSql(key: string, start: number) {
  return Prisma.sql`INSERT INTO "RateWindow" ("key", "windowStart", "count") VALUES (${key}, ${new Date(start)}, 1)
    ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateWindow"."count" + 1
    RETURNING "count"`;
}

/** The verdict for a count that rateWindowUpsertSql returned (a missing row counts as the first hit). */
export function databaseVerdict(count: unknown, limit: number, now: number): RateResult {
  return verdict(Number(count ?? 1), limit, rateWindowAt(now).retryAfter);
}

/** Now and then (one call in a hundred) the windows older than the previous minute are deleted. */
export async function pruneDatabaseWindows(db: Db, now: number) {
  if (Math.random() < 0.01) {
    await db.rateWindow.deleteMany({ where: { windowStart: { lt: new Date(rateWindowAt(now).start - RATE_WINDOW_MS) } } });
  }
}

/** Counts one hit of `key` in the RateWindow table, which every instance on the database shares. */
export async function hitDatabaseWindow(db: Db, key: string, limit: number, now = Date.now()): Promise<RateResult> {
  const rows = await db.$queryRaw<Array<{ count: number }>>(rateWindowUpsertSql(key, rateWindowAt(now).start));
  await pruneDatabaseWindows(db, now);
  return databaseVerdict(rows[0]?.count, limit, now);
}

export interface RateWindows {
  /** Counts one hit of `key` in the current window. */
  hit(key: string, limit: number, now?: number): Promise<RateResult>;
}

const sharedWindows = new WeakMap<Services, RateWindows>();

/**
 * The rate windows every per-minute limit counts in: in this process with the embedded database (one instance only),
 * in the RateWindow table when instances share an external PostgreSQL (one upsert per hit), so hits spread over
 * several instances (or serverless invocations) reach the limit together.
 */
export function rateWindows(services: Pick<Services, 'database' | 'db'>): RateWindows {
  const key = services as Services;
  let windows = sharedWindows.get(key);
  if (!windows) {
    if (services.database.kind === 'embedded') {
      const memory = createMemoryRateWindows();
      windows = { hit: async (k, limit, now) => memory.hit(k, limit, now) };
    } else {
      windows = { hit: (k, limit, now) => hitDatabaseWindow(services.db, k, limit, now) };
    }
    sharedWindows.set(key, windows);
  }
  return windows;
}

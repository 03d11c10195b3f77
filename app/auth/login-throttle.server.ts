// Slows down password guessing: failed logins are counted per e-mail + IP in the LoginThrottle table (shared by every
// instance on the same database). From the fifth failure on, each further failure locks the pair out for twice as long.
// Keyed by the pair, a stranger elsewhere cannot lock the owner out; a second count per address (a larger allowance)
// stops one address from guessing across many accounts. There is deliberately no global lock: it would let anyone lock
// everyone out.
import type { Db } from '~/db/client.server';

const FREE_ATTEMPTS = 5;
/** Failures one address may make across all e-mails before it is locked out as a whole. */
export const FREE_ATTEMPTS_PER_ADDRESS = 20;
const BASE_LOCK_MS = 30_000;
const MAX_LOCK_MS = 60 * 60_000;
/** Failures older than this (with no lock running) are forgotten, so old typos do not add up. */
const FORGET_AFTER_MS = 60 * 60_000;

export function throttleKey(email: string, ip: string | null) {
  return `${email.trim().toLowerCase()}|${ip ?? 'unknown'}`;
}

/** The per-address count (no e-mail has a leading "|"). */
export function addressThrottleKey(ip: string | null) {
  return `|${ip ?? 'unknown'}`;
}

/** Seconds until the pair may try again, or 0 when it may try now. */
export async function secondsUntilAllowed(db: Db, key: string, now = Date.now()) {
  const row = await db.loginThrottle.findUnique({ where: { key } });
  if (!row?.lockedUntil) return 0;
  const ms = row.lockedUntil.getTime() - now;
  return ms > 0 ? Math.ceil(ms / 1000) : 0;
}

export function lockDurationMs(failures: number) {
  return lockAfter(failures, FREE_ATTEMPTS);
}

function lockAfter(failures: number, free: number) {
  if (failures < free) return 0;
  return Math.min(BASE_LOCK_MS * 2 ** Math.min(failures - free, 20), MAX_LOCK_MS);
}

/** Counts a failure; returns the lock-out in seconds that now applies (0 while under the free attempts). */
export async function recordLoginFailure(db: Db, key: string, now = Date.now(), free = FREE_ATTEMPTS) {
  const stale = new Date(now - FORGET_AFTER_MS);
  await db.loginThrottle.deleteMany({
    where: { updatedAt: { lt: stale }, OR: [{ lockedUntil: null }, { lockedUntil: { lt: new Date(now) } }] },
  });
  const row = await db.loginThrottle.upsert({
    where: { key },
    create: { key, failures: 1 },
    update: { failures: { increment: 1 } },
  });
  const lockMs = lockAfter(row.failures, free);
  if (lockMs === 0) return 0;
  await db.loginThrottle.update({ where: { key }, data: { lockedUntil: new Date(now + lockMs) } });
  return Math.ceil(lockMs / 1000);
}

export async function resetLoginFailures(db: Db, key: string) {
  await db.loginThrottle.deleteMany({ where: { key } });
}

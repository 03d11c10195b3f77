// Delivery of notifications to the users' channels (e-mail, webhook, ntfy), never lost silently: notify() enqueues one
// NotificationDelivery row per (notification, channel) in the same write as the inbox row, so a failed procedure
// leaves none and a succeeded one cannot lose them. deliverDue() sends what is due, in the recipient's language,
// and reschedules failures with backoff (1 min, 5 min, 30 min, 2 h, 12 h, then "failed", shown in the settings with
// the last error until the user retries). A short-period loop per instance runs it under an advisory lock (so once
// across instances), and notify() kicks it right away. See docs/decisions/032-notification-channels.md.
import { DateTime } from 'luxon';
import type { Services } from '~/services/types.server';
import type { DbLike } from '../trip-data.server';
import { tryWithAdvisoryLock } from '~/ops/db-lock.server';
import { log } from '~/utils/log.server';
import { notificationText, notificationTranslator } from './render.server';
import { ChannelError, sendToChannel, type OutgoingMessage } from './channels/send.server';
import { AGENT_SUMMARY_MINUTES } from './types';

/** Waits after the 1st, 2nd, … failed attempt; after the last one the delivery is "failed". */
export const BACKOFF_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 12 * 3_600_000];
/** How often each instance looks for due deliveries (a cheap query; the lock only when something is due). */
export const DELIVERY_POLL_MS = 10_000;
const BATCH = 200;

/** The next time the daily digest goes out: `hour`:00 in `zone`, after `now`. */
export function nextDigestAt(now: Date, hour: number, zone: string) {
  const local = DateTime.fromJSDate(now, { zone });
  let at = local.set({ hour, minute: 0, second: 0, millisecond: 0 });
  if (at <= local) at = at.plus({ days: 1 });
  return at.toJSDate();
}

export const channelWants = (channel: { allTypes: boolean; types: string[] }, type: string) => channel.allTypes || channel.types.includes(type);

/**
 * Enqueues deliveries of freshly written notifications to their recipients' enabled channels that take the type.
 * Runs on the caller's db (the procedure's transaction, if any) and kicks the delivery loop.
 */
export async function enqueueDeliveries(db: DbLike, notifications: ReadonlyArray<{ id: number; userId: number; type: string }>, now = new Date()) {
  if (notifications.length === 0) return 0;
  const userIds = [...new Set(notifications.map((n) => n.userId))];
  const channels = await db.notificationChannel.findMany({ where: { userId: { in: userIds }, enabled: true } });
  if (channels.length === 0) return 0;
  const digest = channels.some((c) => c.kind === 'email' && c.emailMode === 'digest');
  const zones = digest ? new Map((await db.notificationSettings.findMany({ where: { userId: { in: userIds } } })).map((s) => [s.userId, s.timeZone])) : new Map<number, string>();
  const data = notifications.flatMap((n) =>
    channels
      .filter((c) => c.userId === n.userId && channelWants(c, n.type))
      .map((c) => ({
        notificationId: n.id,
        channelId: c.id,
        nextAttemptAt:
          c.kind === 'email' && c.emailMode === 'digest'
            ? nextDigestAt(now, c.digestHour, zones.get(n.userId) ?? 'UTC')
            : // an agent's summary adds up for a while: it is sent once its window closed, with the final count
              n.type === 'agent_activity'
              ? new Date(now.getTime() + AGENT_SUMMARY_MINUTES * 60_000)
              : now,
      })),
  );
  if (data.length === 0) return 0;
  const { count } = await db.notificationDelivery.createMany({ data, skipDuplicates: true });
  kickDelivery();
  return count;
}

type DueRow = Awaited<ReturnType<typeof loadDue>>[number];

function loadDue(db: Services['db'], now: Date) {
  return db.notificationDelivery.findMany({
    where: { state: 'pending', nextAttemptAt: { lte: now }, channel: { enabled: true } },
    orderBy: { id: 'asc' },
    take: BATCH,
    include: {
      notification: true,
      channel: { include: { user: { select: { email: true, language: true } } } },
    },
  });
}

function absoluteLink(services: Services, link: string | null) {
  if (!link) return null;
  return new URL(link, services.config.appUrl).toString();
}

async function messageFor(services: Services, rows: DueRow[]): Promise<OutgoingMessage> {
  const user = rows[0].channel.user;
  const t = await notificationTranslator(user.language);
  const texts = rows.map((r) => notificationText(t, r.notification.type, r.notification.params));
  const first = rows[0].notification;
  const link = absoluteLink(services, first.link);
  const tripTitle = (first.params as { trip?: unknown } | null)?.trip;
  const payload = {
    type: first.type,
    text: texts[0],
    link,
    trip: first.tripId !== null ? { id: first.tripId, title: typeof tripTitle === 'string' ? tripTitle : '' } : null,
  };
  if (rows.length === 1 && !(rows[0].channel.kind === 'email' && rows[0].channel.emailMode === 'digest')) {
    return { subject: t('channels.subject', { text: texts[0] }), text: texts[0], link, payload };
  }
  const lines = rows.map((r, i) => {
    const itemLink = absoluteLink(services, r.notification.link);
    return itemLink ? `• ${texts[i]}\n  ${itemLink}` : `• ${texts[i]}`;
  });
  return { subject: t('channels.digestSubject', { count: rows.length }), text: `${t('channels.digestIntro', { count: rows.length })}\n\n${lines.join('\n\n')}`, link: null, payload };
}

async function record(services: Services, rows: DueRow[], now: Date, error: string | null) {
  const db = services.db;
  const ids = rows.map((r) => r.id);
  if (error === null) {
    await db.notificationDelivery.updateMany({ where: { id: { in: ids } }, data: { state: 'sent', sentAt: now, lastError: null } });
  } else {
    // rows of one send share their attempt count (a digest's rows are enqueued and retried together)
    for (const row of rows) {
      const attempts = row.attempts + 1;
      const wait = BACKOFF_MS[attempts - 1];
      await db.notificationDelivery.updateMany({
        where: { id: row.id },
        data: wait === undefined ? { attempts, state: 'failed', lastError: error } : { attempts, lastError: error, nextAttemptAt: new Date(now.getTime() + wait) },
      });
    }
  }
  // (updateMany: the channel may have been removed while its message was on the way)
  await db.notificationChannel.updateMany({
    where: { id: rows[0].channelId },
    data: { lastStatus: error === null ? 'sent' : 'failed', lastError: error, lastAttemptAt: now },
  });
}

/** Sends every due delivery once (the caller holds the delivery lock); returns how many sends were tried and failed. */
export async function deliverDue(services: Services, now = new Date()) {
  const rows = await loadDue(services.db, now);
  const sends: DueRow[][] = [];
  const digests = new Map<number, DueRow[]>();
  for (const row of rows) {
    if (row.channel.kind === 'email' && row.channel.emailMode === 'digest') {
      const group = digests.get(row.channelId) ?? [];
      if (group.length === 0) digests.set(row.channelId, group);
      group.push(row);
    } else sends.push([row]);
  }
  sends.push(...digests.values());
  let failed = 0;
  for (const group of sends) {
    let error: string | null = null;
    try {
      await sendToChannel(services, group[0].channel, group[0].channel.user, await messageFor(services, group), group[0].notification.createdAt);
    } catch (e) {
      error = e instanceof ChannelError ? e.message : 'the delivery failed';
      if (!(e instanceof ChannelError)) log(services.config, 'error', `notification delivery failed: ${(e as Error).message}`);
      failed += 1;
    }
    await record(services, group, now, error);
  }
  return { tried: sends.length, failed };
}

export interface DeliveryLoop {
  /** Looks for due deliveries soon (after the calling procedure committed). */
  kick(): void;
  /** One pass now, under the lock; resolves when done (tests). */
  runNow(now?: Date): Promise<void>;
  stop(): Promise<void>;
}

const loops = new Set<DeliveryLoop>();

/** notify() calls this once it enqueued something: every loop in this process looks soon. */
export function kickDelivery() {
  for (const loop of loops) loop.kick();
}

export function startDeliveryLoop(services: Services, pollMs = DELIVERY_POLL_MS): DeliveryLoop {
  let timer: NodeJS.Timeout | undefined;
  let due = Infinity;
  let stopped = false;
  let running: Promise<void> | undefined;

  const pass = async (now: Date) => {
    const any = await services.db.notificationDelivery.findFirst({
      where: { state: 'pending', nextAttemptAt: { lte: now }, channel: { enabled: true } },
      select: { id: true },
    });
    if (!any) return;
    await tryWithAdvisoryLock(services.database.url, 'notification-delivery', () => deliverDue(services, now));
  };
  const run = (now = new Date()) => {
    const previous = running ?? Promise.resolve();
    const next = previous
      .then(() => pass(now))
      .catch((error: Error) => log(services.config, 'error', `notification delivery pass failed: ${error.message}`));
    running = next;
    return next;
  };
  const arm = (ms: number) => {
    if (stopped) return;
    if (timer && Date.now() + ms >= due) return;
    clearTimeout(timer);
    due = Date.now() + ms;
    timer = setTimeout(() => {
      timer = undefined;
      due = Infinity;
      void run().finally(() => arm(pollMs));
    }, ms);
    timer.unref();
  };
  const loop: DeliveryLoop = {
    // the procedure's transaction commits right after notify(); a second look covers a slow commit
    kick: () => {
      arm(200);
      setTimeout(() => arm(200), 2_000).unref();
    },
    runNow: (now) => run(now),
    async stop() {
      stopped = true;
      clearTimeout(timer);
      loops.delete(loop);
      await running;
    },
  };
  loops.add(loop);
  arm(pollMs);
  return loop;
}

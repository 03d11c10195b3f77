// notify(): how any area tells people something happened. It writes one inbox row per recipient (leaving out the
// actor and whoever switched the type off) and buffers a realtime event on each recipient's private channel, which
// goes out with the calling procedure's other events once it succeeded. Deliveries to the recipients' channels
// (e-mail, webhook, ntfy) are enqueued in the same write and sent after it (delivery.server.ts, decision 032). See docs/decisions/018-share-links-and-notifications.md.
import type { Actor } from '~/auth/actor.server';
import type { Context } from '~/trpc/init';
import { userChannel } from '~/realtime/channels';
import { tripMemberIds, type DbLike } from '../trip-data.server';
import { notificationEvents } from './events';
import { enqueueDeliveries } from './delivery.server';
import type { NotificationType } from './types';

export interface NotifyContext {
  db: DbLike;
  actor: Pick<Actor, 'user'> | null;
  emit: Context['emit'];
  /** the trip a trip procedure already loaded: its title is not read again */
  trip?: { id: number; title: string };
}

export interface Notification {
  /** user ids, or everyone on a trip (owner and members); the actor is always left out */
  recipients: readonly number[] | { tripMembersOf: number };
  type: NotificationType;
  /** the trip it is about: its title goes into the text as {{trip}}, and deleting the trip deletes the notification */
  tripId?: number | null;
  /**
   * Values for the translated text (notifications:types.<type>.text); {{actor}} (the actor's display name) and
   * {{trip}} (the trip's title) are filled in. Kept as they are at the time: names do not change afterwards.
   */
  params?: Record<string, string | number>;
  /** an app path to the thing, e.g. /trips/12?tab=bookings */
  link?: string | null;
}

/** Users among `userIds` who switched notifications of `type` off. */
export async function optedOut(db: DbLike, userIds: readonly number[], type: NotificationType) {
  if (userIds.length === 0) return new Set<number>();
  const rows = await db.notificationPreference.findMany({ where: { userId: { in: [...userIds] }, type, enabled: false }, select: { userId: true } });
  return new Set(rows.map((r) => r.userId));
}

/**
 * Notifies the recipients; returns how many were notified. A failure is logged and swallowed: the change that
 * caused the notification has been made and must not be reported as failed.
 */
export async function notify(ctx: NotifyContext, n: Notification): Promise<number> {
  try {
    const actorId = ctx.actor?.user.id ?? null;
    const listed = Array.isArray(n.recipients) ? n.recipients : await tripMemberIds(ctx.db, (n.recipients as { tripMembersOf: number }).tripMembersOf);
    const candidates = [...new Set(listed)].filter((id) => id !== actorId);
    const off = await optedOut(ctx.db, candidates, n.type);
    const recipients = candidates.filter((id) => !off.has(id));
    if (recipients.length === 0) return 0;
    const trip = !n.tripId ? null : ctx.trip?.id === n.tripId ? ctx.trip : await ctx.db.trip.findUnique({ where: { id: n.tripId }, select: { title: true } });
    const params = { ...(ctx.actor ? { actor: ctx.actor.user.displayName } : {}), ...(trip ? { trip: trip.title } : {}), ...n.params };
    const rows = await ctx.db.notification.createManyAndReturn({
      data: recipients.map((userId) => ({ userId, type: n.type, tripId: trip ? n.tripId : null, actorId, params, link: n.link ?? null })),
      select: { id: true, userId: true, type: true },
    });
    // and on their way to the recipients' e-mail, webhook and ntfy channels, in the same write
    await enqueueDeliveries(ctx.db, rows);
    for (const userId of recipients) ctx.emit(userChannel(userId), notificationEvents.make('notification.created', { type: n.type }));
    return recipients.length;
  } catch (error) {
    console.error('[waymark] notify failed:', error);
    return 0;
  }
}

/** A booking's status changed (pending → confirmed, …): everyone on its trip but the actor hears of it. */
export function notifyStatusChange(
  ctx: NotifyContext,
  before: { status: string },
  after: { id: number; tripId: number; title: string; status: string },
) {
  if (before.status === after.status) return Promise.resolve(0);
  return notify(ctx, {
    recipients: { tripMembersOf: after.tripId },
    type: 'reservation_status',
    tripId: after.tripId,
    params: { title: after.title, status: after.status },
    link: `/trips/${after.tripId}?tab=bookings`,
  });
}

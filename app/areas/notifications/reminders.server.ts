// Reminders from the scheduled jobs: a to-do due soon (to the person it is assigned to, or everyone on the trip when
// it is unassigned) and a check-in coming up (a stay's check-in day, or a hotel booking's start; everyone on the
// trip). Each goes out the day before, from the user's reminder hour in their time zone — or on the day itself when
// the day before was missed (created late, server down). A ReminderSent row per (kind, thing, user, date) makes
// each go out once, whichever instance or run gets there first; a moved date is reminded again.
import { DateTime } from 'luxon';
import type { Services } from '~/services/types.server';
import type { PendingEvent } from '~/services/types.server';
import { tripMemberIds } from '../trip-data.server';
import { localDateOf } from '../reservations/rules';
import { notify } from './notify.server';
import type { NotificationType } from './types';

interface Reminder {
  kind: Extract<NotificationType, 'todo_due' | 'check_in'>;
  target: string;
  /** the date reminded of, yyyy-mm-dd */
  day: string;
  tripId: number;
  userIds: readonly number[];
  params: Record<string, string>;
  link: string;
}

const DEFAULT_HOUR = 9;

/** Whether a reminder of `day` is due for someone whose clock shows `local`. */
export function reminderDue(local: DateTime, day: string, hour: number) {
  const today = local.toISODate()!;
  const dayBefore = DateTime.fromISO(day, { zone: 'UTC' }).minus({ days: 1 }).toISODate()!;
  return today === day || (today === dayBefore && local.hour >= hour);
}

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

async function collect(services: Services, now: Date): Promise<Reminder[]> {
  const db = services.db;
  // every zone is within a day of UTC: the window covers "tomorrow" and "today" anywhere
  const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - 1));
  const to = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 2));
  const [todos, stays, hotels] = await Promise.all([
    db.todo.findMany({ where: { checked: false, dueDate: { gte: from, lte: to } }, select: { id: true, tripId: true, name: true, dueDate: true, assignedUserId: true } }),
    db.accommodation.findMany({
      where: { checkInDay: { date: { gte: from, lte: to } } },
      select: { id: true, tripId: true, place: { select: { name: true } }, checkInDay: { select: { date: true } } },
    }),
    db.reservation.findMany({
      where: { type: 'hotel', accommodationId: null, status: { not: 'cancelled' }, startsAt: { gte: new Date(from.getTime() - 86_400_000), lte: new Date(to.getTime() + 86_400_000) } },
      select: { id: true, tripId: true, title: true, startsAt: true, timeZone: true },
    }),
  ]);
  const members = new Map<number, number[]>();
  const membersOf = async (tripId: number) => {
    if (!members.has(tripId)) members.set(tripId, await tripMemberIds(db, tripId));
    return members.get(tripId)!;
  };
  const reminders: Reminder[] = [];
  for (const todo of todos) {
    const everyone = await membersOf(todo.tripId);
    const userIds = todo.assignedUserId !== null && everyone.includes(todo.assignedUserId) ? [todo.assignedUserId] : everyone;
    const day = isoDate(todo.dueDate!);
    reminders.push({ kind: 'todo_due', target: `todo:${todo.id}`, day, tripId: todo.tripId, userIds, params: { title: todo.name, date: day }, link: `/trips/${todo.tripId}?tab=todos` });
  }
  for (const stay of stays) {
    const day = isoDate(stay.checkInDay.date!);
    reminders.push({
      kind: 'check_in',
      target: `accommodation:${stay.id}`,
      day,
      tripId: stay.tripId,
      userIds: await membersOf(stay.tripId),
      params: { title: stay.place.name, date: day },
      link: `/trips/${stay.tripId}?tab=bookings`,
    });
  }
  for (const hotel of hotels) {
    const day = localDateOf(hotel.startsAt!, hotel.timeZone ?? 'UTC');
    reminders.push({
      kind: 'check_in',
      target: `reservation:${hotel.id}`,
      day,
      tripId: hotel.tripId,
      userIds: await membersOf(hotel.tripId),
      params: { title: hotel.title, date: day },
      link: `/trips/${hotel.tripId}?tab=bookings`,
    });
  }
  return reminders;
}

/** Sends the reminders that are due at `now` and not sent yet; returns how many notifications went out. */
export async function sendReminders(services: Services, now = new Date()) {
  const reminders = await collect(services, now);
  const userIds = [...new Set(reminders.flatMap((r) => r.userIds))];
  if (userIds.length === 0) return 0;
  const settings = new Map((await services.db.notificationSettings.findMany({ where: { userId: { in: userIds } } })).map((s) => [s.userId, s]));
  const events: PendingEvent[] = [];
  let sent = 0;
  for (const reminder of reminders) {
    for (const userId of reminder.userIds) {
      const setting = settings.get(userId);
      const local = DateTime.fromJSDate(now, { zone: setting?.timeZone ?? 'UTC' });
      if (!reminderDue(local, reminder.day, setting?.reminderHour ?? DEFAULT_HOUR)) continue;
      sent += await services.db.$transaction(async (tx) => {
        const marker = await tx.reminderSent.createMany({ data: [{ kind: reminder.kind, target: reminder.target, userId, day: reminder.day }], skipDuplicates: true });
        if (marker.count === 0) return 0;
        const emit = (channel: string, event: { name: string; payload: Record<string, unknown> }) => events.push({ channel, event: event.name, payload: { ...event.payload, origin: 'web', actor: null } });
        return notify({ db: tx, actor: null, emit }, { recipients: [userId], type: reminder.kind, tripId: reminder.tripId, params: reminder.params, link: reminder.link });
      });
    }
  }
  if (events.length) await services.realtime.publish(events, {});
  return sent;
}

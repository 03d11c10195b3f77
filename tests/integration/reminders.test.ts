// Reminders from the scheduled jobs, on two server instances sharing one database: a to-do due tomorrow reminds the
// person it is assigned to (everyone on the trip when unassigned), a stay's check-in tomorrow reminds everyone on the
// trip, from each user's reminder hour in their time zone; running the job twice, on both instances at once, sends
// each reminder once. Time is driven by passing `now`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, startTestServer, type TestServer } from '../helpers/server';
import type { TestDatabase } from '../helpers/test-database';
import { makeUser } from '../helpers/users';
import { reminderDue, sendReminders } from '~/areas/notifications/reminders.server';
import { DateTime } from 'luxon';

let database: TestDatabase;
let one: TestServer, two: TestServer;
let anna: Awaited<ReturnType<typeof makeUser>>, ben: Awaited<ReturnType<typeof makeUser>>;
beforeAll(async () => {
  database = await createTestDatabase();
  one = await startTestServer({}, database);
  two = await startTestServer({}, database);
  anna = await makeUser(one, { displayName: 'Anna' });
  ben = await makeUser(one, { displayName: 'Ben' });
});
afterAll(async () => {
  await two?.close();
  await one?.close();
  await database?.drop();
});

const inbox = (userId: number, type: string) => one.services.db.notification.findMany({ where: { userId, type } });

describe('when a reminder is due', () => {
  it('the day before from the reminder hour, or on the day itself', () => {
    const at = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/Berlin' });
    expect(reminderDue(at('2027-06-09T08:59'), '2027-06-10', 9)).toBe(false);
    expect(reminderDue(at('2027-06-09T09:00'), '2027-06-10', 9)).toBe(true);
    expect(reminderDue(at('2027-06-10T01:00'), '2027-06-10', 9)).toBe(true);
    expect(reminderDue(at('2027-06-08T23:00'), '2027-06-10', 9)).toBe(false);
    expect(reminderDue(at('2027-06-11T10:00'), '2027-06-10', 9)).toBe(false);
  });
});

describe('the reminders job', () => {
  it('to-dos and check-ins: once each, whichever instance and however often the job runs', async () => {
    const { trip } = await anna.trpc.trips.createTrip.mutate({ title: 'Lisbon', startDate: '2027-06-10', endDate: '2027-06-12' });
    await anna.trpc.members.addTripMember.mutate({ tripId: trip.id, identifier: ben.user.email });
    await anna.trpc.todos.createTodo.mutate({ tripId: trip.id, name: 'Book the ferry', dueDate: '2027-06-10', assignedUserId: ben.user.id });
    await anna.trpc.todos.createTodo.mutate({ tripId: trip.id, name: 'Exchange money', dueDate: '2027-06-10' });
    const { days } = await anna.trpc.days.listDays.query({ tripId: trip.id });
    const { place } = await anna.trpc.places.createPlace.mutate({ tripId: trip.id, name: 'Hotel Lisboa' });
    await anna.trpc.accommodations.createAccommodation.mutate({ tripId: trip.id, placeId: place.id, checkInDayId: days[0].id, checkOutDayId: days[2].id });
    // ben lives in Lisbon and wants reminders from 18:00; anna keeps the defaults (UTC, 9:00)
    await ben.trpc.notifications.setNotificationSettings.mutate({ timeZone: 'Europe/Lisbon', reminderHour: 18 });

    // the day before, 10:00 UTC: anna's hour has come, ben's (18:00 in Lisbon, UTC+1) not yet
    const morning = new Date('2027-06-09T10:00:00Z');
    await Promise.all([sendReminders(one.services, morning), sendReminders(two.services, morning)]);
    expect((await inbox(anna.user.id, 'todo_due')).map((n) => (n.params as { title: string }).title)).toEqual(['Exchange money']);
    expect(await inbox(anna.user.id, 'check_in')).toHaveLength(1);
    expect(await inbox(ben.user.id, 'todo_due')).toHaveLength(0);

    // 17:30 UTC is 18:30 in Lisbon: ben's turn; anna's are not sent again
    const evening = new Date('2027-06-09T17:30:00Z');
    const sent = await Promise.all([sendReminders(one.services, evening), sendReminders(two.services, evening), sendReminders(one.services, evening)]);
    expect(sent.reduce((a, b) => a + b, 0)).toBe(3); // ben: two to-dos and the check-in
    await sendReminders(two.services, new Date('2027-06-10T08:00:00Z'));
    expect((await inbox(ben.user.id, 'todo_due')).map((n) => (n.params as { title: string }).title).sort()).toEqual(['Book the ferry', 'Exchange money']);
    expect(await inbox(ben.user.id, 'check_in')).toHaveLength(1);
    expect(await inbox(anna.user.id, 'todo_due')).toHaveLength(1);
    expect(await inbox(anna.user.id, 'check_in')).toHaveLength(1);

    // the texts, in the reader's language
    const { notifications } = await ben.trpc.notifications.listNotifications.query({ limit: 10 });
    expect(notifications.map((n) => n.text)).toEqual(
      expect.arrayContaining(['The to-do “Book the ferry” in “Lisbon” is due on 2027-06-10', 'Check-in at “Hotel Lisboa” for “Lisbon” is on 2027-06-10']),
    );
  });

  it('respects the preference: switched off, no reminder (and none later)', async () => {
    const { trip } = await anna.trpc.trips.createTrip.mutate({ title: 'Porto' });
    await anna.trpc.todos.createTodo.mutate({ tripId: trip.id, name: 'Pack', dueDate: '2027-07-01' });
    await anna.trpc.notifications.setNotificationPreference.mutate({ type: 'todo_due', enabled: false });
    await sendReminders(one.services, new Date('2027-06-30T12:00:00Z'));
    const todos = await inbox(anna.user.id, 'todo_due');
    expect(todos.filter((n) => (n.params as { title: string }).title === 'Pack')).toHaveLength(0);
  });
});

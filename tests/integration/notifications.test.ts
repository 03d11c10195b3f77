// In-app notifications through real HTTP and a real database: being added to or removed from a trip and a booking's
// status change notify the right people (never the actor) with a readable text in their language and a link; read,
// unread and mark-all; per-type preferences; each user sees only their own; events on the recipient's channel.
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../helpers/server';
import { procedureSuite, type TestUser } from '../helpers/procedure-suite';
import { expectTrpcError } from '../helpers/users';
import { notify } from '~/areas/notifications/notify.server';
import { createContext } from '~/trpc/init';
import { NOTIFICATION_TYPES } from '~/areas/notifications/types';

const suite = procedureSuite([{ displayName: 'Anna' }, { displayName: 'Ben' }, { displayName: 'Cem' }]);
let server: TestServer;
let anna: TestUser, ben: TestUser, cem: TestUser;
beforeAll(() => {
  ({ server, users: [anna, ben, cem] } = suite);
});

async function clearInboxes() {
  await server.services.db.notification.deleteMany({ where: { userId: { in: [anna.user.id, ben.user.id, cem.user.id] } } });
  await server.services.db.notificationPreference.deleteMany({ where: { userId: { in: [anna.user.id, ben.user.id, cem.user.id] } } });
}

async function tripWithBen(title = 'Oslo') {
  await clearInboxes();
  const { trip } = await anna.trpc.trips.createTrip.mutate({ title, startDate: '2027-08-01', endDate: '2027-08-02' });
  await anna.trpc.members.addTripMember.mutate({ tripId: trip.id, identifier: ben.user.email });
  return trip.id;
}

const userEvents = (userId: number) => suite.events.filter((e) => e.channel === `private-user-${userId}`);

describe('triggers', () => {
  it('being added to a trip: the new member is told who added them, with a link; the owner is not', async () => {
    await clearInboxes();
    const { trip } = await anna.trpc.trips.createTrip.mutate({ title: 'Oslo' });
    suite.clearEvents();
    await anna.trpc.members.addTripMember.mutate({ tripId: trip.id, identifier: ben.user.email });
    const inbox = await ben.trpc.notifications.listNotifications.query();
    expect(inbox).toMatchObject({
      total: 1,
      unreadCount: 1,
      notifications: [{ type: 'trip_added', text: 'Anna added you to the trip “Oslo”', tripId: trip.id, link: `/trips/${trip.id}`, read: false }],
    });
    expect((await anna.trpc.notifications.listNotifications.query()).total).toBe(0);
    expect(userEvents(ben.user.id).map((e) => e.event)).toContain('notification.created');
    expect(await ben.trpc.notifications.getUnreadNotificationCount.query()).toEqual({ count: 1 });
  });

  it('the text is in the reader’s language', async () => {
    await server.services.db.user.update({ where: { id: ben.user.id }, data: { language: 'de' } });
    try {
      await tripWithBen('Bergen');
      const { notifications } = await ben.trpc.notifications.listNotifications.query();
      expect(notifications[0].text).toBe('Anna hat dich zur Reise „Bergen“ hinzugefügt');
    } finally {
      await server.services.db.user.update({ where: { id: ben.user.id }, data: { language: 'en' } });
    }
  });

  it('being removed by the owner notifies; leaving on one’s own does not', async () => {
    const tripId = await tripWithBen();
    await anna.trpc.members.addTripMember.mutate({ tripId, identifier: cem.user.email });
    await anna.trpc.members.removeTripMember.mutate({ tripId, userId: ben.user.id });
    const { notifications } = await ben.trpc.notifications.listNotifications.query();
    expect(notifications[0]).toMatchObject({ type: 'trip_removed', text: 'Anna removed you from the trip “Oslo”', link: null });
    await cem.trpc.members.removeTripMember.mutate({ tripId, userId: cem.user.id });
    expect((await cem.trpc.notifications.listNotifications.query()).notifications.map((n) => n.type)).toEqual(['trip_added']);
    expect((await anna.trpc.notifications.listNotifications.query()).total).toBe(0);
  });

  it('a booking’s status change tells everyone else on the trip; other edits do not', async () => {
    const tripId = await tripWithBen();
    const { reservation } = await ben.trpc.reservations.createReservation.mutate({ tripId, title: 'Fjord cruise', type: 'tour' });
    await ben.trpc.reservations.updateReservation.mutate({ tripId, reservationId: reservation.id, notes: 'bring a jacket' });
    expect((await anna.trpc.notifications.listNotifications.query()).total).toBe(0);
    await ben.trpc.reservations.updateReservation.mutate({ tripId, reservationId: reservation.id, status: 'confirmed' });
    expect((await anna.trpc.notifications.listNotifications.query()).notifications).toMatchObject([
      { type: 'reservation_status', text: 'Ben set the booking “Fjord cruise” on “Oslo” to confirmed', link: `/trips/${tripId}?tab=bookings` },
    ]);
    expect((await ben.trpc.notifications.listNotifications.query()).notifications.map((n) => n.type)).toEqual(['trip_added']);
    const { reservation: train } = await anna.trpc.reservations.createTransport.mutate({
      tripId,
      type: 'train',
      title: 'To Bergen',
      legs: [{ from: { name: 'Oslo S' }, to: { name: 'Bergen' }, departureTime: '2027-08-01T08:00', departureTimeZone: 'Europe/Oslo', arrivalTime: '2027-08-01T15:00', arrivalTimeZone: 'Europe/Oslo' }],
    });
    await anna.trpc.reservations.updateTransport.mutate({ tripId, reservationId: train.id, status: 'cancelled' });
    expect((await ben.trpc.notifications.listNotifications.query()).notifications[0]).toMatchObject({
      text: 'Anna set the booking “To Bergen” on “Oslo” to cancelled',
    });
  });

  it('chat mentions notify only the mentioned member; a new poll and its closing notify everyone else on the trip', async () => {
    const tripId = await tripWithBen('Rome');
    await anna.trpc.members.addTripMember.mutate({ tripId, identifier: cem.user.email });
    await clearInboxes();
    await anna.trpc.collab.sendCollabMessage.mutate({ tripId, text: `Dinner at 8? @${ben.user.username}` });
    const bens = await ben.trpc.notifications.listNotifications.query();
    expect(bens.notifications).toMatchObject([{ type: 'mention', text: `Anna mentioned you in “Rome”: Dinner at 8? @${ben.user.username}`, link: `/trips/${tripId}?tab=collab` }]);
    expect((await cem.trpc.notifications.listNotifications.query()).total).toBe(0);

    await clearInboxes();
    const { poll } = await ben.trpc.collab.createCollabPoll.mutate({ tripId, question: 'Pizza or pasta?', options: ['Pizza', 'Pasta'] });
    for (const reader of [anna, cem]) {
      expect((await reader.trpc.notifications.listNotifications.query()).notifications).toMatchObject([{ type: 'poll_opened', text: 'Ben opened a poll in “Rome”: Pizza or pasta?' }]);
    }
    expect((await ben.trpc.notifications.listNotifications.query()).total).toBe(0);
    await ben.trpc.collab.closeCollabPoll.mutate({ tripId, pollId: poll.id });
    expect((await cem.trpc.notifications.listNotifications.query()).notifications[0]).toMatchObject({ type: 'poll_closed', text: 'The poll “Pizza or pasta?” in “Rome” has closed' });
  });

  it('a to-do or a packing category assigned to someone tells them (assigning oneself does not)', async () => {
    const tripId = await tripWithBen('Lima');
    await clearInboxes();
    await anna.trpc.todos.createTodo.mutate({ tripId, name: 'Book the bus', assignedUserId: ben.user.id });
    await anna.trpc.todos.createTodo.mutate({ tripId, name: 'Buy a map', assignedUserId: anna.user.id });
    await anna.trpc.packing.setPackingCategoryAssignees.mutate({ tripId, categoryName: 'Toiletries', userIds: [ben.user.id, anna.user.id] });
    const texts = (await ben.trpc.notifications.listNotifications.query()).notifications.map((n) => [n.type, n.text, n.link]);
    expect(texts).toEqual([
      ['assigned', 'Anna assigned “Toiletries” to you in “Lima”', `/trips/${tripId}?tab=packing`],
      ['assigned', 'Anna assigned “Book the bus” to you in “Lima”', `/trips/${tripId}?tab=todos`],
    ]);
    expect((await anna.trpc.notifications.listNotifications.query()).total).toBe(0);
  });

  it('notify() serves the types other areas send (mention, polls, assignments), leaving out the actor', async () => {
    const tripId = await tripWithBen();
    const ctx = createContext({ services: server.services, actor: { user: ben.user, scopes: null, via: 'web' }, origin: 'ui' });
    const sent = await notify(ctx, { recipients: { tripMembersOf: tripId }, type: 'mention', tripId, params: { preview: 'Dinner at 8?' }, link: `/trips/${tripId}` });
    expect(sent).toBe(1);
    await notify(ctx, { recipients: [anna.user.id], type: 'poll_opened', tripId, params: { question: 'Which museum?' } });
    await notify(ctx, { recipients: [anna.user.id], type: 'poll_closed', tripId, params: { question: 'Which museum?' } });
    await notify(ctx, { recipients: [anna.user.id, ben.user.id], type: 'assigned', tripId, params: { item: 'Rain jacket' } });
    expect(ctx.pendingEvents.map((e) => e.channel)).toEqual(Array(4).fill(`private-user-${anna.user.id}`));
    const texts = (await anna.trpc.notifications.listNotifications.query()).notifications.map((n) => n.text);
    expect(texts).toEqual([
      'Ben assigned “Rain jacket” to you in “Oslo”',
      'The poll “Which museum?” in “Oslo” has closed',
      'Ben opened a poll in “Oslo”: Which museum?',
      'Ben mentioned you in “Oslo”: Dinner at 8?',
    ]);
  });
});

describe('the inbox', () => {
  it('mark read, unread and all read; the count follows; events go to the user’s own channel', async () => {
    await tripWithBen('A');
    await anna.trpc.trips.createTrip.mutate({ title: 'C' }).then(({ trip }) => anna.trpc.members.addTripMember.mutate({ tripId: trip.id, identifier: ben.user.email }));
    const { notifications } = await ben.trpc.notifications.listNotifications.query();
    expect(notifications).toHaveLength(2);
    const [first, second] = notifications;
    suite.clearEvents();
    expect(await ben.trpc.notifications.markNotificationRead.mutate({ notificationId: first.id })).toMatchObject({ success: true, notification: { id: first.id, read: true } });
    expect(userEvents(ben.user.id)).toMatchObject([{ event: 'notification.read', payload: { notificationId: first.id, read: true } }]);
    const unreadOnly = await ben.trpc.notifications.listNotifications.query({ unreadOnly: true });
    expect(unreadOnly.notifications.map((n) => n.id)).not.toContain(first.id);
    expect(unreadOnly.total).toBe(unreadOnly.unreadCount);
    await ben.trpc.notifications.markNotificationUnread.mutate({ notificationId: first.id });
    const all = await ben.trpc.notifications.markAllNotificationsRead.mutate();
    expect(all).toEqual({ success: true, count: notifications.length });
    expect(await ben.trpc.notifications.getUnreadNotificationCount.query()).toEqual({ count: 0 });
    expect(await ben.trpc.notifications.markAllNotificationsRead.mutate()).toEqual({ success: true, count: 0 });
    // Marking read twice is idempotent and publishes nothing the second time.
    suite.clearEvents();
    await ben.trpc.notifications.markNotificationRead.mutate({ notificationId: second.id });
    expect(suite.events).toEqual([]);
  });

  it('pages with limit and offset, and refuses bad paging', async () => {
    await tripWithBen('One');
    await anna.trpc.trips.createTrip.mutate({ title: 'Two' }).then(({ trip }) => anna.trpc.members.addTripMember.mutate({ tripId: trip.id, identifier: ben.user.email }));
    const page1 = await ben.trpc.notifications.listNotifications.query({ limit: 1 });
    const page2 = await ben.trpc.notifications.listNotifications.query({ limit: 1, offset: 1 });
    expect(page1.total).toBe(2);
    expect(page1.notifications[0].text).toContain('Two');
    expect(page2.notifications[0].text).toContain('One');
    for (const input of [{ limit: 51 }, { limit: 0 }, { offset: -1 }]) {
      expect((await expectTrpcError(ben.trpc.notifications.listNotifications.query(input))).code).toBe('BAD_REQUEST');
    }
  });

  it('someone else’s notification is NOT_FOUND and stays as it is', async () => {
    await tripWithBen();
    const [mine] = (await ben.trpc.notifications.listNotifications.query()).notifications;
    const error = await expectTrpcError(cem.trpc.notifications.markNotificationRead.mutate({ notificationId: mine.id }));
    expect(error.code).toBe('NOT_FOUND');
    expect((await ben.trpc.notifications.listNotifications.query()).notifications[0].read).toBe(false);
  });
});

describe('preferences', () => {
  it('every type is on until switched off; switched off, that type is no longer sent', async () => {
    await clearInboxes();
    const prefs = await ben.trpc.notifications.getNotificationPreferences.query();
    expect(prefs.preferences).toEqual(NOTIFICATION_TYPES.map((type) => ({ type, enabled: true })));
    await ben.trpc.notifications.setNotificationPreference.mutate({ type: 'trip_added', enabled: false });
    const { trip } = await anna.trpc.trips.createTrip.mutate({ title: 'Quiet' });
    await anna.trpc.members.addTripMember.mutate({ tripId: trip.id, identifier: ben.user.email });
    expect((await ben.trpc.notifications.listNotifications.query()).total).toBe(0);
    expect((await ben.trpc.notifications.getNotificationPreferences.query()).preferences).toContainEqual({ type: 'trip_added', enabled: false });
    await ben.trpc.notifications.setNotificationPreference.mutate({ type: 'trip_added', enabled: true });
    await anna.trpc.members.removeTripMember.mutate({ tripId: trip.id, userId: ben.user.id });
    await anna.trpc.members.addTripMember.mutate({ tripId: trip.id, identifier: ben.user.email });
    expect((await ben.trpc.notifications.listNotifications.query()).notifications.map((n) => n.type)).toEqual(['trip_added', 'trip_removed']);
  });

  it('refuses an unknown type, writing nothing', async () => {
    await clearInboxes();
    const error = await expectTrpcError(ben.trpc.notifications.setNotificationPreference.mutate({ type: 'spam' as never, enabled: false }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(await server.services.db.notificationPreference.count({ where: { userId: ben.user.id } })).toBe(0);
  });
});

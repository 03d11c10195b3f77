// Copying a trip cannot quietly leave data behind: every model that hangs off a trip (read from schema.prisma) is
// copied by some area's copy step or listed by an area as deliberately not copied, with the reason. A trip holding a
// row of every such model is copied, and each model's rows are compared between the original and the copy.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { areas } from '~/areas';
import { startTestServer, type TestServer } from '../../tests/helpers/server';
import { makeUser } from '../../tests/helpers/users';

/** model → its relation fields that hold a foreign key: [field name, parent model]. */
function foreignKeys(schema: string) {
  const models = new Map<string, [string, string][]>();
  for (const block of schema.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)) {
    const relations: [string, string][] = [];
    for (const line of block[2].split('\n')) {
      const m = /^\s*(\w+)\s+(\w+)\??\s+@relation\([^)]*fields:/.exec(line);
      if (m) relations.push([m[1], m[2]]);
    }
    models.set(block[1], relations);
  }
  return models;
}

/** The models that belong to a trip, each with the Prisma `where` that selects a trip's rows of it. */
function tripModels(schema: string) {
  const fks = foreignKeys(schema);
  const where = new Map<string, (tripId: number) => Record<string, unknown>>([['Trip', (tripId) => ({ id: tripId })]]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [model, relations] of fks) {
      if (where.has(model)) continue;
      const parent = relations.find(([, type]) => where.has(type));
      if (!parent) continue;
      const parentWhere = where.get(parent[1])!;
      where.set(model, (tripId) => ({ [parent[0]]: parentWhere(tripId) }));
      grew = true;
    }
  }
  where.delete('Trip');
  return where;
}

const schema = fs.readFileSync(path.join(import.meta.dirname, '../../prisma/schema.prisma'), 'utf8');
const owned = tripModels(schema);
const copied = new Map<string, string>();
const notCopied = new Map<string, string>();
for (const area of areas) {
  if ('copy' in area && area.copy) for (const model of area.copy.models) copied.set(model, area.id);
  if ('notCopied' in area && area.notCopied) for (const [model, reason] of Object.entries(area.notCopied)) notCopied.set(model, reason);
}

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

describe('trip copy', () => {
  it('every trip model is copied by exactly one area or left out with a reason', () => {
    expect([...owned.keys()].sort()).toEqual(
      expect.arrayContaining(['Accommodation', 'Assignment', 'AssignmentParticipant', 'Day', 'DayNote', 'Place', 'PlaceTag', 'TripMember']),
    );
    for (const model of owned.keys()) {
      expect({ model, declared: copied.has(model) !== notCopied.has(model) }).toEqual({ model, declared: true });
      if (notCopied.has(model)) expect(notCopied.get(model)!.length).toBeGreaterThan(10);
    }
    // No area declares a model that is not a trip model (a rename would otherwise go unnoticed).
    for (const model of [...copied.keys(), ...notCopied.keys()]) expect(owned.has(model)).toBe(true);
  });

  it('a trip with a row of every trip model is copied model by model', async () => {
    const anna = await makeUser(server, { displayName: 'Anna' });
    const ben = await makeUser(server, { displayName: 'Ben' });
    const { trip } = await anna.trpc.trips.createTrip.mutate({ title: 'Lisbon', startDate: '2027-05-01', endDate: '2027-05-03' });
    await anna.trpc.members.addTripMember.mutate({ tripId: trip.id, identifier: ben.user.email });
    const { tag } = await anna.trpc.tags.createTag.mutate({ name: 'food' });
    const { days } = await anna.trpc.trips.getTripSummary.query({ tripId: trip.id });
    const { place, assignment } = await anna.trpc.places.createAndAssignPlace.mutate({
      tripId: trip.id,
      dayId: days[0].id,
      name: 'Time Out Market',
      tagIds: [tag.id],
      startTime: '12:30',
    });
    await anna.trpc.assignments.setAssignmentParticipants.mutate({ tripId: trip.id, assignmentId: assignment.id, userIds: [ben.user.id] });
    await anna.trpc.dayNotes.createDayNote.mutate({ tripId: trip.id, dayId: days[1].id, text: 'Tram 28 early' });
    await anna.trpc.accommodations.createAccommodation.mutate({
      tripId: trip.id,
      placeId: place.id,
      checkInDayId: days[0].id,
      checkOutDayId: days[2].id,
    });
    const { reservation: train } = await anna.trpc.reservations.createTransport.mutate({
      tripId: trip.id,
      type: 'train',
      title: 'To Sintra',
      legs: [{ from: { name: 'Rossio' }, to: { name: 'Sintra' }, departureTime: '2027-05-02T09:00', departureTimeZone: 'Europe/Lisbon', arrivalTime: '2027-05-02T09:40', arrivalTimeZone: 'Europe/Lisbon' }],
    });
    await anna.trpc.reservations.reorderReservations.mutate({ tripId: trip.id, positions: [{ id: train.id, dayPlanPosition: 0.5 }] });
    await anna.trpc.budget.createBudgetItemWithMembers.mutate({
      tripId: trip.id,
      name: 'Dinner',
      category: 'Food',
      totalPrice: '30',
      userIds: [anna.user.id, ben.user.id],
      payers: [{ userId: anna.user.id }],
    });
    await anna.trpc.budget.setBudgetRate.mutate({ tripId: trip.id, currency: 'USD', rate: '0.92' });
    await ben.trpc.budget.recordBudgetSettlement.mutate({ tripId: trip.id, fromUserId: ben.user.id, toUserId: anna.user.id, amount: '15' });
    await anna.trpc.shareLinks.createShareLink.mutate({ tripId: trip.id });
    const { bag } = await anna.trpc.packing.createPackingBag.mutate({ tripId: trip.id, name: 'Backpack', weightLimitGrams: 10000 });
    await anna.trpc.packing.setBagMembers.mutate({ tripId: trip.id, bagId: bag.id, userIds: [ben.user.id] });
    await anna.trpc.packing.createPackingItem.mutate({ tripId: trip.id, name: 'Socks', category: 'Clothes', quantity: 3, bagId: bag.id });
    await anna.trpc.packing.setPackingCategoryAssignees.mutate({ tripId: trip.id, categoryName: 'Clothes', userIds: [ben.user.id] });
    await anna.trpc.todos.createTodo.mutate({ tripId: trip.id, name: 'Passports', category: 'Documents', dueDate: '2027-04-01' });
    await anna.trpc.todos.setTodoCategoryAssignees.mutate({ tripId: trip.id, categoryName: 'Documents', userIds: [ben.user.id] });
    await anna.trpc.collab.createCollabNote.mutate({ tripId: trip.id, title: 'Packing tips', content: '- sunscreen', pinned: true });
    const { poll } = await anna.trpc.collab.createCollabPoll.mutate({ tripId: trip.id, question: 'Where to eat?', options: ['Tasca', 'Pizzeria'] });
    await ben.trpc.collab.voteCollabPoll.mutate({ tripId: trip.id, pollId: poll.id, optionIndex: 0 });
    const { message } = await anna.trpc.collab.sendCollabMessage.mutate({ tripId: trip.id, text: 'Hello' });
    await ben.trpc.collab.reactCollabMessage.mutate({ tripId: trip.id, messageId: message.id, emoji: '👍' });
    // A journey linking the trip (its placeholder carries the trip's id), with a preference, a cover photo and a share link.
    await server.services.addons.set('journey', true);
    const { journey } = await anna.trpc.journey.createJourney.mutate({ title: 'Portugal', tripIds: [trip.id] });
    await anna.trpc.journey.updateJourneyPreferences.mutate({ journeyId: journey.id, hideSkeletons: true });
    const photo = await server.services.db.journeyPhoto.create({
      data: { journeyId: journey.id, entryId: journey.entries[0].id, storageKey: 'k', thumbKey: 't', mime: 'image/jpeg', width: 1, height: 1, bytes: 1 },
    });
    await server.services.db.journey.update({ where: { id: journey.id }, data: { coverPhotoId: photo.id } });
    await server.services.db.journeyShareLink.create({ data: { journeyId: journey.id, tokenHash: `hash-${journey.id}`, tokenHint: 'wmj_' } });
    // Ben's notification about the trip, queued for his webhook.
    const notice = await server.services.db.notification.findFirstOrThrow({ where: { tripId: trip.id } });
    const channel = await server.services.db.notificationChannel.create({ data: { userId: notice.userId, kind: 'webhook', url: 'https://203.0.113.10/hook' } });
    await server.services.db.notificationDelivery.create({ data: { notificationId: notice.id, channelId: channel.id, nextAttemptAt: new Date() } });

    const db = server.services.db as unknown as Record<string, { findMany(args: unknown): Promise<Record<string, unknown>[]> }>;
    const rowsOf = (model: string, tripId: number) =>
      db[model[0].toLowerCase() + model.slice(1)].findMany({ where: owned.get(model)!(tripId) });
    for (const model of owned.keys()) {
      expect({ model, rows: (await rowsOf(model, trip.id)).length > 0 }).toEqual({ model, rows: true });
    }

    const { trip: copy } = await anna.trpc.trips.copyTrip.mutate({ tripId: trip.id });
    // What a row says, without the ids and timestamps a copy necessarily changes.
    const content = (row: Record<string, unknown>) =>
      JSON.stringify(
        Object.fromEntries(Object.entries(row).filter(([key]) => !/(^id|Id|At)$/.test(key)).sort()),
        // money columns are BigInt, which JSON has no form for
        (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value),
      );
    for (const model of owned.keys()) {
      const original = (await rowsOf(model, trip.id)).map(content).sort();
      const copiedRows = (await rowsOf(model, copy.id)).map(content).sort();
      if (copied.has(model)) expect({ model, rows: copiedRows }).toEqual({ model, rows: original });
      else expect({ model, rows: copiedRows }).toEqual({ model, rows: [] });
    }
  });
});

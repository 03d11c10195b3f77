import { beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../../tests/helpers/server';
import { procedureSuite, type TestUser } from '../../../tests/helpers/procedure-suite';
import { expectTrpcError, notMemberMessage } from '../../../tests/helpers/users';

const suite = procedureSuite(3);
const { events } = suite;
let server: TestServer;
let anna: TestUser;
let ben: TestUser;
let carla: TestUser;
beforeAll(() => {
  ({ server, users: [anna, ben, carla] } = suite);
});


/** Anna's trip (1–4 June) with Ben as a member and a place on 4 June. */
async function setup() {
  const { trip } = await anna.trpc.trips.createTrip.mutate({ title: 'Seville', startDate: '2027-06-01', endDate: '2027-06-04' });
  await anna.trpc.members.addTripMember.mutate({ tripId: trip.id, identifier: ben.user.username });
  const { days } = await anna.trpc.days.listDays.query({ tripId: trip.id });
  const { place } = await anna.trpc.places.createAndAssignPlace.mutate({ tripId: trip.id, name: 'Alcázar', dayId: days[3].id, startTime: '10:00' });
  suite.clearEvents();
  return { trip, days, place };
}
const dates = async (tripId: number) =>
  (await server.services.db.day.findMany({ where: { tripId }, orderBy: { position: 'asc' } })).map((d) => d.date?.toISOString().slice(0, 10));

describe('trips.updateTrip dates', () => {
  it('extending the range keeps existing days (and their places) and adds new ones in date order', async () => {
    const { trip, days } = await setup();
    const { trip: updated } = await anna.trpc.trips.updateTrip.mutate({ tripId: trip.id, startDate: '2027-05-31', endDate: '2027-06-05' });
    expect([updated.startDate, updated.endDate]).toEqual(['2027-05-31', '2027-06-05']);
    expect(await dates(trip.id)).toEqual(['2027-05-31', '2027-06-01', '2027-06-02', '2027-06-03', '2027-06-04', '2027-06-05']);
    expect(await server.services.db.assignment.count({ where: { dayId: days[3].id } })).toBe(1);
    expect(events).toMatchObject([{ channel: `private-trip-${trip.id}`, event: 'trip.updated', payload: { daysChanged: true } }]);
  });

  it('asks for confirmation before dropping a day that holds places, then drops it with confirmDropDays', async () => {
    const { trip, days } = await setup();
    const error = await expectTrpcError(anna.trpc.trips.updateTrip.mutate({ tripId: trip.id, startDate: '2027-06-01', endDate: '2027-06-03' }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toContain('2027-06-04');
    expect(error.message).toContain('confirmDropDays');
    expect(await dates(trip.id)).toHaveLength(4);
    expect((await server.services.db.trip.findUniqueOrThrow({ where: { id: trip.id } })).endDate?.toISOString().slice(0, 10)).toBe('2027-06-04');
    await anna.trpc.trips.updateTrip.mutate({ tripId: trip.id, startDate: '2027-06-01', endDate: '2027-06-03', confirmDropDays: true });
    expect(await dates(trip.id)).toEqual(['2027-06-01', '2027-06-02', '2027-06-03']);
    expect(await server.services.db.day.count({ where: { id: days[3].id } })).toBe(0);
  });

  it('rejects an end before the start or a lone date, naming the field, and changes nothing', async () => {
    const { trip } = await setup();
    const before = await dates(trip.id);
    const reversed = await expectTrpcError(anna.trpc.trips.updateTrip.mutate({ tripId: trip.id, startDate: '2027-06-05', endDate: '2027-06-01' }));
    expect(reversed.message).toBe('endDate: must not be before the start date');
    const lone = await expectTrpcError(anna.trpc.trips.updateTrip.mutate({ tripId: trip.id, startDate: '2027-06-05' }));
    expect(lone.message).toContain('endDate: start and end date go together');
    expect(await dates(trip.id)).toEqual(before);
  });

  it('denies a non-member', async () => {
    const { trip } = await setup();
    const error = await expectTrpcError(carla.trpc.trips.updateTrip.mutate({ tripId: trip.id, title: 'Mine' }));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toBe(notMemberMessage(trip.id));
    expect((await server.services.db.trip.findUniqueOrThrow({ where: { id: trip.id } })).title).toBe('Seville');
  });
});

describe('trips.setTripArchived and listTrips', () => {
  it('archives a trip: hidden from the default list, shown with includeArchived, for members too', async () => {
    const { trip } = await setup();
    const { trip: archived } = await anna.trpc.trips.setTripArchived.mutate({ tripId: trip.id, archived: true });
    expect(archived.archived).toBe(true);
    expect((await ben.trpc.trips.listTrips.query()).trips.map((t) => t.id)).not.toContain(trip.id);
    const all = await ben.trpc.trips.listTrips.query({ includeArchived: true });
    expect(all.trips.find((t) => t.id === trip.id)).toMatchObject({ archived: true, role: 'member' });
    await anna.trpc.trips.setTripArchived.mutate({ tripId: trip.id, archived: false });
    expect((await anna.trpc.trips.listTrips.query()).trips.map((t) => t.id)).toContain(trip.id);
  });

  it('rejects a non-boolean archived flag and an includeArchived that is not a boolean', async () => {
    const { trip } = await setup();
    const error = await expectTrpcError(anna.trpc.trips.setTripArchived.mutate({ tripId: trip.id, archived: 'yes' as never }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toContain('archived');
    const list = await expectTrpcError(anna.trpc.trips.listTrips.query({ includeArchived: 'yes' as never }));
    expect(list.message).toContain('includeArchived');
    expect((await server.services.db.trip.findUniqueOrThrow({ where: { id: trip.id } })).archived).toBe(false);
  });

  it('denies a non-member, and a member who is not the owner', async () => {
    const { trip } = await setup();
    const stranger = await expectTrpcError(carla.trpc.trips.setTripArchived.mutate({ tripId: trip.id, archived: true }));
    expect(stranger.message).toBe(notMemberMessage(trip.id));
    const member = await expectTrpcError(ben.trpc.trips.setTripArchived.mutate({ tripId: trip.id, archived: true }));
    expect(member.code).toBe('FORBIDDEN');
    expect(member.message).toBe('Only the trip owner can archive the trip');
    expect((await carla.trpc.trips.listTrips.query({ includeArchived: true })).trips.map((t) => t.id)).not.toContain(trip.id);
    expect((await server.services.db.trip.findUniqueOrThrow({ where: { id: trip.id } })).archived).toBe(false);
  });
});

describe('trips.deleteTrip', () => {
  it('lets the owner delete the trip with everything in it and tells every member', async () => {
    const { trip } = await setup();
    expect(await anna.trpc.trips.deleteTrip.mutate({ tripId: trip.id })).toEqual({ deleted: true, tripId: trip.id });
    expect(await server.services.db.trip.count({ where: { id: trip.id } })).toBe(0);
    expect(await server.services.db.place.count({ where: { tripId: trip.id } })).toBe(0);
    expect(events.filter((e) => e.event === 'trip.deleted').map((e) => e.channel)).toEqual(
      expect.arrayContaining([`private-trip-${trip.id}`, `private-user-${anna.user.id}`, `private-user-${ben.user.id}`]),
    );
  });

  it('rejects a malformed trip id and refuses a member who is not the owner', async () => {
    const { trip } = await setup();
    const bad = await expectTrpcError(anna.trpc.trips.deleteTrip.mutate({ tripId: 'one' as never }));
    expect(bad.code).toBe('BAD_REQUEST');
    expect(bad.message).toContain('tripId');
    const member = await expectTrpcError(ben.trpc.trips.deleteTrip.mutate({ tripId: trip.id }));
    expect(member.code).toBe('FORBIDDEN');
    expect(member.message).toBe('Only the trip owner can delete the trip');
    expect(await server.services.db.trip.count({ where: { id: trip.id } })).toBe(1);
  });

  it('denies a non-member', async () => {
    const { trip } = await setup();
    const error = await expectTrpcError(carla.trpc.trips.deleteTrip.mutate({ tripId: trip.id }));
    expect(error.message).toBe(notMemberMessage(trip.id));
    expect(await server.services.db.trip.count({ where: { id: trip.id } })).toBe(1);
  });
});

describe('trips.copyTrip', () => {
  it('copies days, places, assignments, notes and accommodations into a new trip owned by the caller, without members', async () => {
    const { trip, days, place } = await setup();
    await anna.trpc.dayNotes.createDayNote.mutate({ tripId: trip.id, dayId: days[0].id, text: 'Tapas crawl', icon: 'food' });
    await anna.trpc.accommodations.createAccommodation.mutate({ tripId: trip.id, placeId: place.id, checkInDayId: days[0].id, checkOutDayId: days[2].id });
    const { trip: copy } = await ben.trpc.trips.copyTrip.mutate({ tripId: trip.id });
    expect(copy).toMatchObject({ title: 'Seville (copy)', ownerId: ben.user.id, startDate: '2027-06-01' });
    const summary = await ben.trpc.trips.getTripSummary.query({ tripId: copy.id });
    expect(summary.members).toHaveLength(1);
    expect(summary.days.map((d) => d.date)).toEqual(['2027-06-01', '2027-06-02', '2027-06-03', '2027-06-04']);
    expect(summary.days[3].assignments.map((a) => [a.place?.name, a.startTime])).toEqual([['Alcázar', '10:00']]);
    expect(summary.days[0].notes.map((n) => n.text)).toEqual(['Tapas crawl']);
    expect(summary.accommodations).toHaveLength(1);
    expect(summary.accommodations[0].checkOutDayId).toBe(summary.days[2].id);
  });

  it('rejects a too-long title and writes nothing', async () => {
    const { trip } = await setup();
    const before = await server.services.db.trip.count();
    const error = await expectTrpcError(anna.trpc.trips.copyTrip.mutate({ tripId: trip.id, title: 't'.repeat(201) }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toBe('title: must be at most 200 characters');
    expect(await server.services.db.trip.count()).toBe(before);
  });

  it('denies a non-member and writes nothing', async () => {
    const { trip } = await setup();
    const before = await server.services.db.trip.count();
    const error = await expectTrpcError(carla.trpc.trips.copyTrip.mutate({ tripId: trip.id }));
    expect(error.message).toBe(notMemberMessage(trip.id));
    expect(await server.services.db.trip.count()).toBe(before);
  });
});

describe('trips.exportTripIcs', () => {
  it('returns a VCALENDAR with the trip and its timed visits', async () => {
    const { trip } = await setup();
    const { filename, ics } = await ben.trpc.trips.exportTripIcs.query({ tripId: trip.id });
    expect(filename).toBe('Seville.ics');
    expect(ics).toMatch(/^BEGIN:VCALENDAR/);
    expect(ics).toContain('END:VCALENDAR');
    expect(ics).toContain('SUMMARY:Seville');
    expect(ics).toContain('SUMMARY:Alcázar');
    expect(ics).toContain('DTSTART:20270604T100000');
  });

  it('rejects a malformed trip id, naming the field', async () => {
    const error = await expectTrpcError(anna.trpc.trips.exportTripIcs.query({ tripId: -1 }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toContain('tripId');
  });

  it('denies a non-member', async () => {
    const { trip } = await setup();
    const error = await expectTrpcError(carla.trpc.trips.exportTripIcs.query({ tripId: trip.id }));
    expect(error.message).toBe(notMemberMessage(trip.id));
  });
});

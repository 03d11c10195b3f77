import { beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../../tests/helpers/server';
import { procedureSuite, type TestUser } from '../../../tests/helpers/procedure-suite';
import { expectTrpcError } from '../../../tests/helpers/users';

const suite = procedureSuite(2);
const { tripEvents } = suite;
let server: TestServer;
let anna: TestUser;
let ben: TestUser;
beforeAll(() => {
  ({ server, users: [anna, ben] } = suite);
});

async function newTrip() {
  const { trip } = await anna.trpc.trips.createTrip.mutate({ title: 'Porto', startDate: '2027-06-01', endDate: '2027-06-03' });
  return trip;
}
const dayCount = (tripId: number) => server.services.db.day.count({ where: { tripId } });

describe('days.listDays', () => {
  it('lists the days in order with assignments (with place) and notes', async () => {
    const trip = await newTrip();
    const { days } = await anna.trpc.days.listDays.query({ tripId: trip.id });
    const { place } = await anna.trpc.places.createPlace.mutate({ tripId: trip.id, name: 'Livraria Lello' });
    await anna.trpc.assignments.assignPlaceToDay.mutate({ tripId: trip.id, placeId: place.id, dayId: days[1].id });
    await anna.trpc.dayNotes.createDayNote.mutate({ tripId: trip.id, dayId: days[1].id, text: 'Buy tickets online' });
    const after = await anna.trpc.days.listDays.query({ tripId: trip.id });
    expect(after.days.map((d) => [d.position, d.date])).toEqual([
      [0, '2027-06-01'],
      [1, '2027-06-02'],
      [2, '2027-06-03'],
    ]);
    expect(after.days[1].assignments).toHaveLength(1);
    expect(after.days[1].assignments[0].place?.name).toBe('Livraria Lello');
    expect(after.days[1].notes.map((n) => n.text)).toEqual(['Buy tickets online']);
  });

  it('rejects a tripId that is not a number, naming the field', async () => {
    const error = await expectTrpcError(anna.trpc.days.listDays.query({ tripId: 'x' as unknown as number }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toContain('tripId');
  });

  it('denies a non-member with the not-found message', async () => {
    const trip = await newTrip();
    const error = await expectTrpcError(ben.trpc.days.listDays.query({ tripId: trip.id }));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toBe(`Trip ${trip.id} not found or you are not a member`);
  });
});

describe('days.createDay', () => {
  it('adds an undated day at the end and a dated day in date order, emitting day.created', async () => {
    const { trip } = await anna.trpc.trips.createTrip.mutate({ title: 'Gaps', startDate: '2027-06-01', endDate: '2027-06-05' });
    // Drop the middle date by hand so there is a free date inside the range.
    const middle = await server.services.db.day.findFirstOrThrow({ where: { tripId: trip.id, position: 2 } });
    await anna.trpc.days.deleteDay.mutate({ tripId: trip.id, dayId: middle.id });
    suite.clearEvents();
    const undated = await anna.trpc.days.createDay.mutate({ tripId: trip.id, title: 'Buffer day' });
    expect(undated.day).toMatchObject({ date: null, title: 'Buffer day', position: 4 });
    const dated = await anna.trpc.days.createDay.mutate({ tripId: trip.id, date: '2027-06-03' });
    expect(dated.day).toMatchObject({ date: '2027-06-03', position: 2 });
    const { days } = await anna.trpc.days.listDays.query({ tripId: trip.id });
    expect(days.map((d) => d.date)).toEqual(['2027-06-01', '2027-06-02', '2027-06-03', '2027-06-04', '2027-06-05', null]);
    expect(days.map((d) => d.position)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(tripEvents().map((e) => e.event)).toEqual(['day.created', 'day.created']);
    expect(tripEvents()[1].channel).toBe(`private-trip-${trip.id}`);
    expect(tripEvents()[1].payload.day).toMatchObject({ id: dated.day.id, date: '2027-06-03' });
  });

  it('rejects a date outside the trip or already taken, naming the field, and writes nothing', async () => {
    const trip = await newTrip();
    const before = await dayCount(trip.id);
    const outside = await expectTrpcError(anna.trpc.days.createDay.mutate({ tripId: trip.id, date: '2027-07-01' }));
    expect(outside.code).toBe('BAD_REQUEST');
    expect(outside.message).toBe('date: must be within the trip’s dates (2027-06-01 to 2027-06-03)');
    const taken = await expectTrpcError(anna.trpc.days.createDay.mutate({ tripId: trip.id, date: '2027-06-02' }));
    expect(taken.message).toBe('date: the trip already has a day for 2027-06-02');
    const malformed = await expectTrpcError(anna.trpc.days.createDay.mutate({ tripId: trip.id, date: '2027-02-30' }));
    expect(malformed.message).toContain('date: must be a real date');
    const long = await expectTrpcError(anna.trpc.days.createDay.mutate({ tripId: trip.id, title: 'x'.repeat(201) }));
    expect(long.message).toBe('title: must be at most 200 characters');
    expect(await dayCount(trip.id)).toBe(before);
    expect(tripEvents()).toEqual([]);
  });

  it('on a trip without dates, adds undated days only', async () => {
    const { trip } = await anna.trpc.trips.createTrip.mutate({ title: 'Someday' });
    const { day } = await anna.trpc.days.createDay.mutate({ tripId: trip.id });
    expect(day).toMatchObject({ position: 0, date: null, title: '' });
    const error = await expectTrpcError(anna.trpc.days.createDay.mutate({ tripId: trip.id, date: '2027-01-01' }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toBe('date: this trip has no dates; add an undated day or set the trip’s dates first');
    expect(await dayCount(trip.id)).toBe(1);
  });

  it('denies a non-member and writes nothing', async () => {
    const trip = await newTrip();
    const error = await expectTrpcError(ben.trpc.days.createDay.mutate({ tripId: trip.id, title: 'Sneaky' }));
    expect(error.message).toBe(`Trip ${trip.id} not found or you are not a member`);
    expect(await dayCount(trip.id)).toBe(3);
  });
});

describe('days.updateDay', () => {
  it('retitles a day and emits day.updated', async () => {
    const trip = await newTrip();
    const { days } = await anna.trpc.days.listDays.query({ tripId: trip.id });
    const { day } = await anna.trpc.days.updateDay.mutate({ tripId: trip.id, dayId: days[0].id, title: '  Arrival  ' });
    expect(day.title).toBe('Arrival');
    expect((await server.services.db.day.findUniqueOrThrow({ where: { id: days[0].id } })).title).toBe('Arrival');
    expect(tripEvents().map((e) => e.event)).toEqual(['day.updated']);
  });

  it('rejects a too-long title and a day from another trip, leaving the day unchanged', async () => {
    const trip = await newTrip();
    const other = await newTrip();
    const { days } = await anna.trpc.days.listDays.query({ tripId: trip.id });
    const { days: otherDays } = await anna.trpc.days.listDays.query({ tripId: other.id });
    const long = await expectTrpcError(anna.trpc.days.updateDay.mutate({ tripId: trip.id, dayId: days[0].id, title: 'y'.repeat(201) }));
    expect(long.code).toBe('BAD_REQUEST');
    expect(long.message).toBe('title: must be at most 200 characters');
    const foreign = await expectTrpcError(anna.trpc.days.updateDay.mutate({ tripId: trip.id, dayId: otherDays[0].id, title: 'Hijack' }));
    expect(foreign.code).toBe('NOT_FOUND');
    expect(foreign.message).toBe(`Day ${otherDays[0].id} not found in trip ${trip.id}`);
    expect((await server.services.db.day.findUniqueOrThrow({ where: { id: otherDays[0].id } })).title).toBe('');
    expect((await server.services.db.day.findUniqueOrThrow({ where: { id: days[0].id } })).title).toBe('');
  });

  it('denies a non-member', async () => {
    const trip = await newTrip();
    const { days } = await anna.trpc.days.listDays.query({ tripId: trip.id });
    const error = await expectTrpcError(ben.trpc.days.updateDay.mutate({ tripId: trip.id, dayId: days[0].id, title: 'Mine' }));
    expect(error.message).toBe(`Trip ${trip.id} not found or you are not a member`);
    expect((await server.services.db.day.findUniqueOrThrow({ where: { id: days[0].id } })).title).toBe('');
  });
});

describe('days.deleteDay', () => {
  it('deletes a day, keeps positions contiguous and emits day.deleted', async () => {
    const trip = await newTrip();
    const { days } = await anna.trpc.days.listDays.query({ tripId: trip.id });
    const result = await anna.trpc.days.deleteDay.mutate({ tripId: trip.id, dayId: days[0].id });
    expect(result).toEqual({ deleted: true, dayId: days[0].id });
    const rows = await server.services.db.day.findMany({ where: { tripId: trip.id }, orderBy: { position: 'asc' } });
    expect(rows.map((d) => [d.id, d.position])).toEqual([
      [days[1].id, 0],
      [days[2].id, 1],
    ]);
    expect(tripEvents()).toMatchObject([{ event: 'day.deleted', payload: { dayId: days[0].id } }]);
  });

  it('rejects a bad day id, naming the field, and deletes nothing', async () => {
    const trip = await newTrip();
    const error = await expectTrpcError(anna.trpc.days.deleteDay.mutate({ tripId: trip.id, dayId: -1 }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toContain('dayId');
    const missing = await expectTrpcError(anna.trpc.days.deleteDay.mutate({ tripId: trip.id, dayId: 987654 }));
    expect(missing.message).toBe(`Day 987654 not found in trip ${trip.id}`);
    expect(await dayCount(trip.id)).toBe(3);
  });

  it('denies a non-member and deletes nothing', async () => {
    const trip = await newTrip();
    const { days } = await anna.trpc.days.listDays.query({ tripId: trip.id });
    const error = await expectTrpcError(ben.trpc.days.deleteDay.mutate({ tripId: trip.id, dayId: days[0].id }));
    expect(error.message).toBe(`Trip ${trip.id} not found or you are not a member`);
    expect(await dayCount(trip.id)).toBe(3);
  });
});

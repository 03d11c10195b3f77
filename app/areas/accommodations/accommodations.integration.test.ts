import { beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../../tests/helpers/server';
import { procedureSuite, type TestUser } from '../../../tests/helpers/procedure-suite';
import { expectTrpcError, notMemberMessage } from '../../../tests/helpers/users';

const suite = procedureSuite(2);
const { tripEvents } = suite;
let server: TestServer;
let anna: TestUser;
let ben: TestUser;
beforeAll(() => {
  ({ server, users: [anna, ben] } = suite);
});

async function setup() {
  const { trip } = await anna.trpc.trips.createTrip.mutate({ title: 'Vienna', startDate: '2027-03-01', endDate: '2027-03-04' });
  const { days } = await anna.trpc.days.listDays.query({ tripId: trip.id });
  const { place } = await anna.trpc.places.createPlace.mutate({ tripId: trip.id, name: 'Hotel Sacher' });
  suite.clearEvents();
  return { trip, days, place };
}
const stayCount = (tripId: number) => server.services.db.accommodation.count({ where: { tripId } });

describe('accommodations.createAccommodation', () => {
  it('records a stay and emits accommodation.created', async () => {
    const { trip, days, place } = await setup();
    const { accommodation } = await anna.trpc.accommodations.createAccommodation.mutate({
      tripId: trip.id,
      placeId: place.id,
      checkInDayId: days[0].id,
      checkOutDayId: days[2].id,
      checkInTime: '15:00',
      checkOutTime: '11:00',
      confirmation: 'ABC123',
    });
    expect(accommodation).toMatchObject({ placeId: place.id, checkInDayId: days[0].id, checkOutDayId: days[2].id, confirmation: 'ABC123', place: { name: 'Hotel Sacher' } });
    expect(await stayCount(trip.id)).toBe(1);
    expect(tripEvents()).toMatchObject([{ event: 'accommodation.created', payload: { accommodation: { id: accommodation.id } } }]);
  });

  it('rejects check-out before check-in, a long confirmation and a foreign place, writing nothing', async () => {
    const { trip, days, place } = await setup();
    const other = await setup();
    const base = { tripId: trip.id, placeId: place.id, checkInDayId: days[2].id, checkOutDayId: days[2].id };
    const order = await expectTrpcError(anna.trpc.accommodations.createAccommodation.mutate({ ...base, checkOutDayId: days[1].id }));
    expect(order.code).toBe('BAD_REQUEST');
    expect(order.message).toBe('checkOutDayId: the check-out day must not be before the check-in day');
    const long = await expectTrpcError(anna.trpc.accommodations.createAccommodation.mutate({ ...base, confirmation: 'c'.repeat(201) }));
    expect(long.message).toBe('confirmation: must be at most 200 characters');
    const time = await expectTrpcError(anna.trpc.accommodations.createAccommodation.mutate({ ...base, checkInTime: '3pm' }));
    expect(time.message).toContain('checkInTime: must be a time');
    const foreign = await expectTrpcError(anna.trpc.accommodations.createAccommodation.mutate({ ...base, placeId: other.place.id }));
    expect(foreign.message).toBe(`Place ${other.place.id} not found in trip ${trip.id}`);
    expect(await stayCount(trip.id)).toBe(0);
  });

  it('denies a non-member', async () => {
    const { trip, days, place } = await setup();
    const error = await expectTrpcError(
      ben.trpc.accommodations.createAccommodation.mutate({ tripId: trip.id, placeId: place.id, checkInDayId: days[0].id, checkOutDayId: days[1].id }),
    );
    expect(error.message).toBe(notMemberMessage(trip.id));
    expect(await stayCount(trip.id)).toBe(0);
  });
});

describe('accommodations.createPlaceAccommodation', () => {
  it('creates a hotel place and the stay together, emitting place.created then accommodation.created', async () => {
    const { trip, days } = await setup();
    const { categories } = await anna.trpc.places.listCategories.query();
    const hotel = categories.find((c) => c.key === 'hotel')!;
    const result = await anna.trpc.accommodations.createPlaceAccommodation.mutate({
      tripId: trip.id,
      place: { name: 'Hotel Imperial', address: 'Kärntner Ring 16', lat: 48.2016, lng: 16.3719 },
      checkInDayId: days[1].id,
      checkOutDayId: days[3].id,
      notes: 'Late arrival',
    });
    expect(result.place).toMatchObject({ name: 'Hotel Imperial', categoryId: hotel.id, lat: 48.2016 });
    expect(result.accommodation).toMatchObject({ placeId: result.place.id, checkInDayId: days[1].id, notes: 'Late arrival' });
    expect(tripEvents().map((e) => e.event)).toEqual(['place.created', 'accommodation.created']);
  });

  it('rejects a bad place name or day order and writes neither place nor stay', async () => {
    const { trip, days } = await setup();
    const places = await server.services.db.place.count({ where: { tripId: trip.id } });
    const name = await expectTrpcError(
      anna.trpc.accommodations.createPlaceAccommodation.mutate({ tripId: trip.id, place: { name: '' }, checkInDayId: days[0].id, checkOutDayId: days[1].id }),
    );
    expect(name.message).toBe('place.name: must not be empty');
    const order = await expectTrpcError(
      anna.trpc.accommodations.createPlaceAccommodation.mutate({ tripId: trip.id, place: { name: 'Inn' }, checkInDayId: days[3].id, checkOutDayId: days[0].id }),
    );
    expect(order.message).toBe('checkOutDayId: the check-out day must not be before the check-in day');
    expect(await server.services.db.place.count({ where: { tripId: trip.id } })).toBe(places);
    expect(await stayCount(trip.id)).toBe(0);
  });

  it('denies a non-member', async () => {
    const { trip, days } = await setup();
    const error = await expectTrpcError(
      ben.trpc.accommodations.createPlaceAccommodation.mutate({ tripId: trip.id, place: { name: 'Inn' }, checkInDayId: days[0].id, checkOutDayId: days[1].id }),
    );
    expect(error.message).toBe(notMemberMessage(trip.id));
    expect(await server.services.db.place.count({ where: { tripId: trip.id } })).toBe(1);
  });
});

async function withStay() {
  const s = await setup();
  const { accommodation } = await anna.trpc.accommodations.createAccommodation.mutate({
    tripId: s.trip.id,
    placeId: s.place.id,
    checkInDayId: s.days[0].id,
    checkOutDayId: s.days[1].id,
  });
  suite.clearEvents();
  return { ...s, accommodation };
}

describe('accommodations.listAccommodations', () => {
  it('lists the stays with their places', async () => {
    const { trip, accommodation } = await withStay();
    const { accommodations } = await anna.trpc.accommodations.listAccommodations.query({ tripId: trip.id });
    expect(accommodations).toEqual([expect.objectContaining({ id: accommodation.id, place: expect.objectContaining({ name: 'Hotel Sacher' }) })]);
  });

  it('rejects a malformed trip id, naming the field', async () => {
    const error = await expectTrpcError(anna.trpc.accommodations.listAccommodations.query({ tripId: 0 }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toContain('tripId');
  });

  it('denies a non-member', async () => {
    const { trip } = await withStay();
    const error = await expectTrpcError(ben.trpc.accommodations.listAccommodations.query({ tripId: trip.id }));
    expect(error.message).toBe(notMemberMessage(trip.id));
  });
});

describe('accommodations.updateAccommodation', () => {
  it('changes only the sent fields and emits accommodation.updated', async () => {
    const { trip, days, accommodation } = await withStay();
    const { accommodation: updated } = await anna.trpc.accommodations.updateAccommodation.mutate({
      tripId: trip.id,
      accommodationId: accommodation.id,
      checkOutDayId: days[3].id,
      confirmation: 'XYZ',
    });
    expect(updated).toMatchObject({ checkInDayId: days[0].id, checkOutDayId: days[3].id, confirmation: 'XYZ' });
    expect(tripEvents()).toMatchObject([{ event: 'accommodation.updated', payload: { accommodation: { id: accommodation.id } } }]);
  });

  it('rejects a check-in after the existing check-out, leaving the stay unchanged', async () => {
    const { trip, days, accommodation } = await withStay();
    const error = await expectTrpcError(
      anna.trpc.accommodations.updateAccommodation.mutate({ tripId: trip.id, accommodationId: accommodation.id, checkInDayId: days[2].id }),
    );
    expect(error.message).toBe('checkOutDayId: the check-out day must not be before the check-in day');
    expect((await server.services.db.accommodation.findUniqueOrThrow({ where: { id: accommodation.id } })).checkInDayId).toBe(days[0].id);
  });

  it('denies a non-member', async () => {
    const { trip, accommodation } = await withStay();
    const error = await expectTrpcError(ben.trpc.accommodations.updateAccommodation.mutate({ tripId: trip.id, accommodationId: accommodation.id, notes: 'x' }));
    expect(error.message).toBe(notMemberMessage(trip.id));
    expect((await server.services.db.accommodation.findUniqueOrThrow({ where: { id: accommodation.id } })).notes).toBe('');
  });
});

describe('accommodations.deleteAccommodation', () => {
  it('deletes the stay, keeps the place and emits accommodation.deleted', async () => {
    const { trip, place, accommodation } = await withStay();
    expect(await anna.trpc.accommodations.deleteAccommodation.mutate({ tripId: trip.id, accommodationId: accommodation.id })).toEqual({
      deleted: true,
      accommodationId: accommodation.id,
    });
    expect(await stayCount(trip.id)).toBe(0);
    expect(await server.services.db.place.count({ where: { id: place.id } })).toBe(1);
    expect(tripEvents()).toMatchObject([{ event: 'accommodation.deleted', payload: { accommodationId: accommodation.id } }]);
  });

  it('rejects a stay of another trip and deletes nothing', async () => {
    const { trip } = await withStay();
    const other = await withStay();
    const error = await expectTrpcError(anna.trpc.accommodations.deleteAccommodation.mutate({ tripId: trip.id, accommodationId: other.accommodation.id }));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toBe(`Accommodation ${other.accommodation.id} not found in trip ${trip.id}`);
    expect(await stayCount(other.trip.id)).toBe(1);
  });

  it('denies a non-member', async () => {
    const { trip, accommodation } = await withStay();
    const error = await expectTrpcError(ben.trpc.accommodations.deleteAccommodation.mutate({ tripId: trip.id, accommodationId: accommodation.id }));
    expect(error.message).toBe(notMemberMessage(trip.id));
    expect(await stayCount(trip.id)).toBe(1);
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../helpers/server';
import { procedureSuite, type TestUser } from '../helpers/procedure-suite';
import { expectTrpcError } from '../helpers/users';

const suite = procedureSuite(2);
const { tripEvents } = suite;
let server: TestServer;
let anna: TestUser;
beforeAll(() => {
  ({ server, users: [anna] } = suite);
});

async function setup() {
  const { trip } = await anna.trpc.trips.createTrip.mutate({ title: 'Lisbon', startDate: '2027-05-01', endDate: '2027-05-03' });
  const { days } = await anna.trpc.days.listDays.query({ tripId: trip.id });
  const { place, assignment } = await anna.trpc.places.createAndAssignPlace.mutate({ tripId: trip.id, dayId: days[1].id, name: 'Cervejaria Ramiro' });
  suite.clearEvents();
  return { trip, days, place, assignment };
}
const bookingCount = (tripId: number) => server.services.db.reservation.count({ where: { tripId } });

describe('reservations.createReservation', () => {
  it('stores the instant of a local time in the place’s zone, finds the day from the local date, emits reservation.created', async () => {
    const { trip, days, place } = await setup();
    const { reservation } = await anna.trpc.reservations.createReservation.mutate({
      tripId: trip.id,
      title: 'Dinner at Ramiro',
      type: 'restaurant',
      reservationTime: '2027-05-02T23:30',
      timeZone: 'Europe/Lisbon',
      placeId: place.id,
      confirmationNumber: 'R-77',
      priceMinor: 8450,
      currency: 'eur',
    });
    // 23:30 in Lisbon (UTC+1 in May) is 22:30 UTC, still on the local date of day 2
    expect(reservation).toMatchObject({ startsAt: '2027-05-02T22:30:00.000Z', reservationTime: '2027-05-02T23:30', timeZone: 'Europe/Lisbon', dayId: days[1].id, dayIds: [days[1].id], status: 'pending', currency: 'EUR', priceMinor: 8450, placeName: 'Cervejaria Ramiro' });
    expect(tripEvents()).toMatchObject([{ event: 'reservation.created', payload: { reservation: { id: reservation.id } } }]);
  });

  it('refuses a time without zone, a price without currency, a day of another trip and an end before the start, writing nothing', async () => {
    const { trip } = await setup();
    const other = await setup();
    const base = { tripId: trip.id, title: 'Show', type: 'event' as const };
    const noZone = await expectTrpcError(anna.trpc.reservations.createReservation.mutate({ ...base, reservationTime: '2027-05-02T20:00' }));
    expect(noZone.data?.i18n?.key).toBe('errors.timeZoneRequired');
    const price = await expectTrpcError(anna.trpc.reservations.createReservation.mutate({ ...base, priceMinor: 100 }));
    expect(price.data?.i18n?.key).toBe('errors.priceNeedsCurrency');
    const foreign = await expectTrpcError(anna.trpc.reservations.createReservation.mutate({ ...base, dayId: other.days[0].id }));
    expect(foreign.code).toBe('NOT_FOUND');
    const foreignAssignment = await expectTrpcError(anna.trpc.reservations.createReservation.mutate({ ...base, assignmentId: other.assignment.id }));
    expect(foreignAssignment.message).toBe(`Assignment ${other.assignment.id} not found in trip ${trip.id}`);
    const backwards = await expectTrpcError(
      anna.trpc.reservations.createReservation.mutate({ ...base, reservationTime: '2027-05-02T20:00', reservationEndTime: '2027-05-02T19:00', timeZone: 'Europe/Lisbon' }),
    );
    expect(backwards.data?.i18n?.key).toBe('errors.endBeforeStart');
    const gap = await expectTrpcError(anna.trpc.reservations.createReservation.mutate({ ...base, reservationTime: '2027-03-28T01:30', timeZone: 'Europe/Lisbon' }));
    expect(gap.data?.i18n?.key).toBe('errors.nonexistentLocalTime');
    expect(await bookingCount(trip.id)).toBe(0);
    expect(tripEvents()).toEqual([]);
  });
});

describe('reservations.updateReservation', () => {
  it('null unlinks a place and an assignment (the original kept them); omitted fields stay', async () => {
    const { trip, place, assignment } = await setup();
    const { reservation } = await anna.trpc.reservations.createReservation.mutate({ tripId: trip.id, title: 'Lunch', type: 'restaurant', placeId: place.id, assignmentId: assignment.id, notes: 'Terrace' });
    const { reservation: updated } = await anna.trpc.reservations.updateReservation.mutate({ tripId: trip.id, reservationId: reservation.id, placeId: null, assignmentId: null, status: 'confirmed' });
    expect(updated).toMatchObject({ placeId: null, assignmentId: null, status: 'confirmed', notes: 'Terrace', title: 'Lunch' });
    const row = await server.services.db.reservation.findUniqueOrThrow({ where: { id: reservation.id } });
    expect(row).toMatchObject({ placeId: null, assignmentId: null });
  });

  it('refuses to change a transport (that is update_transport)', async () => {
    const { trip } = await setup();
    const { reservation } = await anna.trpc.reservations.createTransport.mutate({
      tripId: trip.id,
      type: 'bus',
      title: 'Bus',
      legs: [{ from: { name: 'A' }, to: { name: 'B' }, departureTime: '2027-05-01T10:00', departureTimeZone: 'Europe/Lisbon', arrivalTime: '2027-05-01T11:00', arrivalTimeZone: 'Europe/Lisbon' }],
    });
    const error = await expectTrpcError(anna.trpc.reservations.updateReservation.mutate({ tripId: trip.id, reservationId: reservation.id, title: 'x' }));
    expect(error.data?.i18n?.key).toBe('errors.useTransportTools');
  });
});

describe('reservations.reorderReservations', () => {
  it('places a booking between two planned places with a fraction, per day', async () => {
    const { trip, days } = await setup();
    const { reservation } = await anna.trpc.reservations.createReservation.mutate({ tripId: trip.id, title: 'Tickets', type: 'event', dayId: days[1].id });
    const { reservations } = await anna.trpc.reservations.reorderReservations.mutate({ tripId: trip.id, positions: [{ id: reservation.id, dayPlanPosition: 1.5 }] });
    expect(reservations[0].dayPositions).toEqual({ [String(days[1].id)]: 1.5 });
    const { reservations: again } = await anna.trpc.reservations.reorderReservations.mutate({ tripId: trip.id, dayId: days[1].id, positions: [{ id: reservation.id, dayPlanPosition: 0.25 }] });
    expect(again[0].dayPositions).toEqual({ [String(days[1].id)]: 0.25 });
  });
});

describe('reservations.linkHotelAccommodation and deleteReservation', () => {
  it('creates the stay with the confirmation, then updates it; deleting the booking removes its stay', async () => {
    const { trip, days, place } = await setup();
    const { reservation } = await anna.trpc.reservations.createReservation.mutate({ tripId: trip.id, title: 'Hotel', type: 'hotel', confirmationNumber: 'H-9' });
    const first = await anna.trpc.reservations.linkHotelAccommodation.mutate({ tripId: trip.id, reservationId: reservation.id, placeId: place.id, startDayId: days[0].id, endDayId: days[2].id, checkIn: '15:00' });
    expect(first.reservation).toMatchObject({ accommodationId: first.accommodationId, placeId: place.id, dayIds: days.map((d) => d.id) });
    const stay = await server.services.db.accommodation.findUniqueOrThrow({ where: { id: first.accommodationId } });
    expect(stay).toMatchObject({ confirmation: 'H-9', checkInTime: '15:00', checkInDayId: days[0].id, checkOutDayId: days[2].id });
    const second = await anna.trpc.reservations.linkHotelAccommodation.mutate({ tripId: trip.id, reservationId: reservation.id, placeId: place.id, startDayId: days[1].id, endDayId: days[2].id });
    expect(second.accommodationId).toBe(first.accommodationId);
    suite.clearEvents();
    await anna.trpc.reservations.deleteReservation.mutate({ tripId: trip.id, reservationId: reservation.id });
    expect(await server.services.db.accommodation.count({ where: { id: first.accommodationId } })).toBe(0);
    expect(tripEvents().map((e) => e.event)).toEqual(['reservation.deleted', 'accommodation.deleted']);
  });

  it('refuses a restaurant', async () => {
    const { trip, days, place } = await setup();
    const { reservation } = await anna.trpc.reservations.createReservation.mutate({ tripId: trip.id, title: 'Dinner', type: 'restaurant' });
    const error = await expectTrpcError(anna.trpc.reservations.linkHotelAccommodation.mutate({ tripId: trip.id, reservationId: reservation.id, placeId: place.id, startDayId: days[0].id, endDayId: days[1].id }));
    expect(error.data?.i18n?.key).toBe('errors.notAHotel');
  });
});

describe('trips.exportTripIcs', () => {
  it('carries a reservation at its real instant', async () => {
    const { trip } = await setup();
    await anna.trpc.reservations.createReservation.mutate({ tripId: trip.id, title: 'Fado', type: 'event', reservationTime: '2027-05-02T21:00', timeZone: 'Europe/Lisbon' });
    const { ics } = await anna.trpc.trips.exportTripIcs.query({ tripId: trip.id });
    expect(ics).toContain('SUMMARY:Fado');
    expect(ics).toContain('DTSTART:20270502T200000Z');
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../helpers/server';
import { procedureSuite, type TestUser } from '../helpers/procedure-suite';
import { expectTrpcError } from '../helpers/users';

const suite = procedureSuite(1);
const { tripEvents } = suite;
let server: TestServer;
let anna: TestUser;
beforeAll(() => {
  ({ server, users: [anna] } = suite);
});

async function setup() {
  const { trip } = await anna.trpc.trips.createTrip.mutate({ title: 'Asia', startDate: '2027-05-01', endDate: '2027-05-04' });
  const { days } = await anna.trpc.days.listDays.query({ tripId: trip.id });
  const { place } = await anna.trpc.places.createPlace.mutate({ tripId: trip.id, name: 'Marina Bay Sands', lat: 1.2834, lng: 103.8607 });
  suite.clearEvents();
  return { trip, days, place };
}
const counts = async (tripId: number) => ({
  bookings: await server.services.db.reservation.count({ where: { tripId } }),
  legs: await server.services.db.transportLeg.count({ where: { reservation: { tripId } } }),
});

const overnight = {
  type: 'flight' as const,
  title: 'To Singapore',
  legs: [
    { from: { airport: 'muc' }, to: { airport: 'FRA' }, departureTime: '2027-05-01T17:00', arrivalTime: '2027-05-01T18:10', carrier: 'Lufthansa', number: 'LH 191' },
    { from: { airport: 'FRA' }, to: { airport: 'SIN' }, departureTime: '2027-05-01T21:50', arrivalTime: '2027-05-02T16:05', carrier: 'Lufthansa', number: 'LH 778', seat: '34K' },
  ],
};

describe('reservations.createTransport', () => {
  it('writes a flight with two legs, each time in its airport’s zone, on every day it touches', async () => {
    const { trip, days } = await setup();
    const { reservation } = await anna.trpc.reservations.createTransport.mutate({ tripId: trip.id, ...overnight });
    expect(reservation.legs).toHaveLength(2);
    expect(reservation.legs[1]).toMatchObject({
      from: { code: 'FRA', timeZone: 'Europe/Berlin' },
      to: { code: 'SIN', timeZone: 'Asia/Singapore' },
      departsAt: '2027-05-01T19:50:00.000Z',
      arrivesAt: '2027-05-02T08:05:00.000Z',
      arrivalTime: '2027-05-02T16:05',
      seat: '34K',
    });
    // the original put an overnight transport on its departure day only
    expect(reservation.dayIds).toEqual([days[0].id, days[1].id]);
    expect(reservation).toMatchObject({ dayId: days[0].id, endDayId: days[1].id, isTransport: true });
    expect(await counts(trip.id)).toEqual({ bookings: 1, legs: 2 });
    expect(tripEvents()).toMatchObject([{ event: 'reservation.created' }]);
  });

  it('compares across zones: 10:30 in Munich is before 10:00 in London, so that leg is refused and nothing is written', async () => {
    const { trip } = await setup();
    const error = await expectTrpcError(
      anna.trpc.reservations.createTransport.mutate({
        tripId: trip.id,
        type: 'flight',
        title: 'Backwards',
        legs: [{ from: { airport: 'LHR' }, to: { airport: 'MUC' }, departureTime: '2027-05-01T10:00', arrivalTime: '2027-05-01T10:30' }],
      }),
    );
    expect(error.data?.i18n?.key).toBe('errors.arrivalBeforeDeparture');
    // while 10:00 London → 12:30 Munich is fine
    await anna.trpc.reservations.createTransport.mutate({
      tripId: trip.id,
      type: 'flight',
      title: 'Fine',
      legs: [{ from: { airport: 'LHR' }, to: { airport: 'MUC' }, departureTime: '2027-05-01T10:00', arrivalTime: '2027-05-01T12:30' }],
    });
    expect(await counts(trip.id)).toEqual({ bookings: 1, legs: 1 });
  });

  it('validates every leg before writing: an unknown airport in the second leg leaves no booking behind', async () => {
    const { trip } = await setup();
    const legs = [overnight.legs[0], { ...overnight.legs[1], to: { airport: 'QQQ' } }];
    const error = await expectTrpcError(anna.trpc.reservations.createTransport.mutate({ tripId: trip.id, ...overnight, legs }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toContain('legs.1.to.airport');
    const zoneless = await expectTrpcError(
      anna.trpc.reservations.createTransport.mutate({
        tripId: trip.id,
        type: 'train',
        title: 'Night train',
        legs: [{ from: { name: 'Wien Hbf' }, to: { name: 'Venezia S. Lucia' }, departureTime: '2027-05-01T21:00', arrivalTime: '2027-05-02T09:00' }],
      }),
    );
    expect(zoneless.data?.i18n?.key).toBe('errors.timeZoneRequired');
    const both = await expectTrpcError(
      anna.trpc.reservations.createTransport.mutate({ tripId: trip.id, type: 'car', title: 'Drive', legs: [{ ...overnight.legs[0], from: { airport: 'MUC', name: 'Home' } }] }),
    );
    expect(both.code).toBe('BAD_REQUEST');
    expect(await counts(trip.id)).toEqual({ bookings: 0, legs: 0 });
    expect(tripEvents()).toEqual([]);
  });

  it('a leg to a trip place takes its name and coordinates', async () => {
    const { trip, place } = await setup();
    const { reservation } = await anna.trpc.reservations.createTransport.mutate({
      tripId: trip.id,
      type: 'car',
      title: 'Taxi',
      legs: [{ from: { airport: 'SIN' }, to: { placeId: place.id }, departureTime: '2027-05-02T17:00', arrivalTime: '2027-05-02T17:30', arrivalTimeZone: 'Asia/Singapore' }],
    });
    expect(reservation.legs[0].to).toMatchObject({ name: 'Marina Bay Sands', placeId: place.id, lat: 1.2834, lng: 103.8607, timeZone: 'Asia/Singapore' });
  });

  it('a leg to a trip place follows the place when it is moved or renamed; an airport end keeps its own; a deleted place leaves its last name and spot', async () => {
    const { trip, place } = await setup();
    await anna.trpc.reservations.createTransport.mutate({
      tripId: trip.id,
      type: 'car',
      title: 'Taxi',
      legs: [{ from: { airport: 'SIN' }, to: { placeId: place.id }, departureTime: '2027-05-02T17:00', arrivalTime: '2027-05-02T17:30', arrivalTimeZone: 'Asia/Singapore' }],
    });
    const legNow = async () => (await anna.trpc.reservations.listReservations.query({ tripId: trip.id })).reservations[0].legs[0];
    const airport = (await legNow()).from;

    await anna.trpc.places.updatePlace.mutate({ tripId: trip.id, placeId: place.id, name: 'MBS Hotel', lat: 1.3521, lng: 103.8198 });
    const moved = await legNow();
    expect(moved.to).toMatchObject({ name: 'MBS Hotel', placeId: place.id, lat: 1.3521, lng: 103.8198 });
    expect(moved.from).toEqual(airport);
    // the calendar export names the place as it is called now
    expect((await anna.trpc.trips.exportTripIcs.query({ tripId: trip.id })).ics).toContain('Taxi: Singapore Changi Airport (SIN) → MBS Hotel');

    await anna.trpc.places.deletePlace.mutate({ tripId: trip.id, placeId: place.id });
    expect((await legNow()).to).toMatchObject({ name: 'MBS Hotel', placeId: null, lat: 1.3521, lng: 103.8198 });
  });
});

describe('reservations.updateTransport and deleteTransport', () => {
  it('replaces the legs when sent, keeps them when omitted; delete removes booking and legs', async () => {
    const { trip, days } = await setup();
    const { reservation } = await anna.trpc.reservations.createTransport.mutate({ tripId: trip.id, ...overnight });
    const { reservation: renamed } = await anna.trpc.reservations.updateTransport.mutate({ tripId: trip.id, reservationId: reservation.id, title: 'Home', status: 'confirmed' });
    expect(renamed.legs).toHaveLength(2);
    const { reservation: direct } = await anna.trpc.reservations.updateTransport.mutate({
      tripId: trip.id,
      reservationId: reservation.id,
      legs: [{ from: { airport: 'MUC' }, to: { airport: 'SIN' }, departureTime: '2027-05-03T12:00', arrivalTime: '2027-05-04T07:00' }],
    });
    expect(direct).toMatchObject({ title: 'Home', status: 'confirmed', dayIds: [days[2].id, days[3].id] });
    expect(await counts(trip.id)).toEqual({ bookings: 1, legs: 1 });
    await anna.trpc.reservations.deleteTransport.mutate({ tripId: trip.id, reservationId: reservation.id });
    expect(await counts(trip.id)).toEqual({ bookings: 0, legs: 0 });
  });

  it('the .ics export has each leg at its UTC instant', async () => {
    const { trip } = await setup();
    await anna.trpc.reservations.createTransport.mutate({ tripId: trip.id, ...overnight });
    const { ics } = await anna.trpc.trips.exportTripIcs.query({ tripId: trip.id });
    expect(ics).toContain('DTSTART:20270501T195000Z');
    expect(ics).toContain('DTEND:20270502T080500Z');
  });
});

describe('airports', () => {
  it('search_airports ranks an exact IATA code alone, get_airport upper-cases, an unknown code is NOT_FOUND', async () => {
    expect((await anna.trpc.reservations.searchAirports.query({ query: 'sin' })).airports.map((a) => a.iata)).toEqual(['SIN']);
    expect((await anna.trpc.reservations.getAirport.query({ iata: 'fra' })).airport).toMatchObject({ iata: 'FRA', icao: 'EDDF', tz: 'Europe/Berlin' });
    const missing = await expectTrpcError(anna.trpc.reservations.getAirport.query({ iata: 'QQQ' }));
    expect(missing.code).toBe('NOT_FOUND');
  });
});

import { describe, expect, it } from 'vitest';
import { applyEventToView } from '~/realtime/events';
import { bookingListView, type BookingList } from '../views';
import { reservationEvents } from './events';
import { placeEvents } from '../places/events';
import type { BookingJson } from './shape';

const booking = (id: number, startsAt: string | null, title = `B${id}`) => ({ id, startsAt, title }) as BookingJson;
const list: BookingList = { reservations: [booking(1, '2027-05-01T10:00:00.000Z'), booking(2, null)] };
const apply = (name: string, payload: Record<string, unknown>) =>
  applyEventToView(reservationEvents.handlers as never, bookingListView, list, name, payload, () => undefined) as BookingList;

describe('bookings list under realtime events', () => {
  it('a created booking is inserted by time, before those without a time', () => {
    expect(apply('reservation.created', { reservation: booking(3, '2027-05-01T12:00:00.000Z') }).reservations.map((r) => r.id)).toEqual([1, 3, 2]);
  });

  it('an update replaces the booking and re-sorts; a deletion removes it', () => {
    expect(apply('reservation.updated', { reservation: booking(1, '2027-06-01T00:00:00.000Z', 'Later') }).reservations.map((r) => [r.id, r.title])).toEqual([
      [1, 'Later'],
      [2, 'B2'],
    ]);
    expect(apply('reservation.deleted', { reservationId: 1, title: 'B1' }).reservations.map((r) => r.id)).toEqual([2]);
  });

  it('a changed place renames and moves the ends of legs at it and renames reservations at it, and only those', () => {
    const end = (placeId: number | null, lat: number) => ({ name: `was ${placeId}`, placeId, lat, lng: lat });
    const taxi = { ...booking(5, null), legs: [{ from: end(null, 1), to: end(7, 2) }] } as unknown as BookingJson;
    const dinner = { ...booking(3, null), placeId: 7, placeName: 'Old name', legs: [] } as unknown as BookingJson;
    const hotel = { ...booking(2, null), placeId: 8, placeName: 'Raffles', legs: [] } as unknown as BookingJson;
    const place = { id: 7, name: 'Gardens by the Bay', lat: 9, lng: 8 };
    const changed = applyEventToView(placeEvents.handlers as never, bookingListView, { reservations: [taxi, dinner, hotel] }, 'place.updated', { place }, () => undefined) as BookingList;
    expect(changed.reservations[0].legs[0]).toMatchObject({ from: { name: 'was null', placeId: null, lat: 1, lng: 1 }, to: { name: 'Gardens by the Bay', placeId: 7, lat: 9, lng: 8 } });
    expect(changed.reservations[1].placeName).toBe('Gardens by the Bay');
    expect(changed.reservations[2]).toBe(hotel);
    // a place no booking is at leaves the list as it is
    expect(applyEventToView(placeEvents.handlers as never, bookingListView, { reservations: [taxi, hotel] }, 'place.updated', { place: { ...place, id: 9 } }, () => undefined)).toBeUndefined();
  });

  it('notices use the reservations namespace', () => {
    expect(reservationEvents.handlers['reservation.created'].notice({ reservation: booking(3, null, 'Fado') } as never, () => undefined)).toEqual({
      key: 'reservations:notice.created',
      params: { name: 'Fado' },
    });
  });
});

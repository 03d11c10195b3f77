import { describe, expect, it } from 'vitest';
import { applyEventToView } from '~/realtime/events';
import { bookingListView, reservationEvents, type BookingList } from './events';
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

  it('notices use the reservations namespace', () => {
    expect(reservationEvents.handlers['reservation.created'].notice({ reservation: booking(3, null, 'Fado') } as never, () => undefined)).toEqual({
      key: 'reservations:notice.created',
      params: { name: 'Fado' },
    });
  });
});

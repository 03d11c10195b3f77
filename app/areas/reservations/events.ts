// Realtime events of the bookings area (reservations and transport): created, changed, deleted, reordered.
import { defineEvents, onView } from '~/realtime/events';
import { bookingListView, upsert, type BookingList } from '../views';
import { byTime, type BookingJson } from './shape';

const withBooking = (list: BookingList, reservation: BookingJson) => ({ ...list, reservations: upsert(list.reservations, reservation, byTime) });

export const reservationEvents = defineEvents<{
  'reservation.created': { reservation: BookingJson };
  'reservation.updated': { reservation: BookingJson };
  'reservation.deleted': { reservationId: number; title: string };
  'reservations.reordered': { reservations: BookingJson[] };
}>()({
  'reservation.created': {
    views: [onView(bookingListView, (list, p) => withBooking(list, p.reservation))],
    notice: (p) => ({ key: 'reservations:notice.created', params: { name: p.reservation.title } }),
  },
  'reservation.updated': {
    views: [onView(bookingListView, (list, p) => ({ ...list, reservations: upsert(list.reservations.filter((r) => r.id !== p.reservation.id), p.reservation, byTime) }))],
    notice: (p) => ({ key: 'reservations:notice.updated', params: { name: p.reservation.title } }),
  },
  'reservation.deleted': {
    views: [onView(bookingListView, (list, p) => ({ ...list, reservations: list.reservations.filter((r) => r.id !== p.reservationId) }))],
    notice: (p) => ({ key: 'reservations:notice.deleted', params: { name: p.title } }),
  },
  'reservations.reordered': {
    views: [onView(bookingListView, (list, p) => p.reservations.reduce(withBooking, list))],
    notice: () => ({ key: 'reservations:notice.reordered', params: {} }),
  },
});

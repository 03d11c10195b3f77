// Bookings: reservations and transports (journeys of legs), one Bookings tab, and the offline airport lookup.
import { defineArea } from '../area';
import { reservationsRouter } from './procedures.server';
import { reservationEvents } from './events';
import { BookingsTab } from './BookingsTab';

export const reservationsArea = defineArea({
  id: 'reservations',
  router: reservationsRouter,
  namespaces: ['reservations'],
  events: reservationEvents,
  plannerTab: { id: 'bookings', labelKey: 'reservations:tab', Component: BookingsTab },
  // Bookings are commitments made for particular dates with particular providers: a copied trip (a template, next
  // year's edition) would carry confirmation numbers and paid seats that do not exist for it.
  notCopied: {
    Reservation: 'bookings are made for the original trip’s dates with real providers; a copy starts without them',
    TransportLeg: 'legs belong to a transport booking, which is not copied',
    ReservationDayPosition: 'positions of bookings, which are not copied',
  },
});

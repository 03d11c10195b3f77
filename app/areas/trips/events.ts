// Realtime events of the trips area: a trip created, changed or deleted.
import { defineEvents, INVALIDATE, onView } from '~/realtime/events';
import type { tripJson } from '~/trpc/shape';
import { placeListView, tripListView, tripSummaryView } from '../views';

type TripJson = ReturnType<typeof tripJson>;

export const tripEvents = defineEvents<{
  /** On the creator's user channel. */
  'trip.created': { trip: TripJson };
  /** daysChanged: the dates changed, so days were added or dropped (the payload does not carry them). */
  'trip.updated': { trip: TripJson; daysChanged?: boolean };
  /** On the trip channel and on each former member's user channel. */
  'trip.deleted': { tripId: number };
}>()({
  'trip.created': {
    views: [onView(tripListView, () => INVALIDATE)],
    notice: () => null,
  },
  'trip.updated': {
    views: [
      onView(tripSummaryView, (summary, p) => (p.daysChanged ? INVALIDATE : { ...summary, trip: { ...summary.trip, ...p.trip } })),
      onView(placeListView, (_places, p) => (p.daysChanged ? INVALIDATE : undefined)),
      onView(tripListView, () => INVALIDATE),
    ],
    notice: () => ({ key: 'notice.tripUpdated', params: {} }),
  },
  'trip.deleted': {
    views: [
      onView(tripSummaryView, () => INVALIDATE),
      onView(placeListView, () => INVALIDATE),
      onView(tripListView, () => INVALIDATE),
    ],
    notice: () => ({ key: 'notice.tripDeleted', params: {} }),
  },
});

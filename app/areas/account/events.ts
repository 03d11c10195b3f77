// Realtime events of account deletion: a trip whose owner deleted their account now belongs to another member.
import { defineEvents, INVALIDATE, onView } from '~/realtime/events';
import { tripListView, tripSummaryView } from '../views';

export const accountEvents = defineEvents<{
  /** On the trip channel and on the new owner's user channel: the members list and the owner's rights changed. */
  'trip.ownerChanged': { tripId: number; ownerId: number; ownerName: string };
}>()({
  'trip.ownerChanged': {
    views: [onView(tripSummaryView, () => INVALIDATE), onView(tripListView, () => INVALIDATE)],
    notice: (p) => ({ key: 'notice.ownerChanged', params: { name: p.ownerName } }),
  },
});

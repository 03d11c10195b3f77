// Realtime events of the accommodations area: stays added, changed and deleted.
import { defineEvents, INVALIDATE, onView } from '~/realtime/events';
import type { accommodationJson } from '~/trpc/shape';
import { tripSummaryView, upsert, type TripSummary } from '../views';

type AccommodationJson = ReturnType<typeof accommodationJson>;

function withAccommodation(summary: TripSummary, accommodation: AccommodationJson) {
  const previous = summary.accommodations.find((a) => a.id === accommodation.id);
  const place = accommodation.place ?? previous?.place;
  if (!place) return INVALIDATE;
  return { ...summary, accommodations: upsert(summary.accommodations, { ...accommodation, place }, (a, b) => a.id - b.id) };
}

export const accommodationEvents = defineEvents<{
  'accommodation.created': { accommodation: AccommodationJson };
  'accommodation.updated': { accommodation: AccommodationJson };
  'accommodation.deleted': { accommodationId: number };
}>()({
  'accommodation.created': {
    views: [onView(tripSummaryView, (summary, p) => withAccommodation(summary, p.accommodation))],
    notice: () => ({ key: 'notice.accommodationCreated', params: {} }),
  },
  'accommodation.updated': {
    views: [onView(tripSummaryView, (summary, p) => withAccommodation(summary, p.accommodation))],
    notice: () => ({ key: 'notice.accommodationUpdated', params: {} }),
  },
  'accommodation.deleted': {
    views: [onView(tripSummaryView, (summary, p) => ({ ...summary, accommodations: summary.accommodations.filter((a) => a.id !== p.accommodationId) }))],
    notice: () => ({ key: 'notice.accommodationDeleted', params: {} }),
  },
});

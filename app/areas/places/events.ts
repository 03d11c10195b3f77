// Realtime events of the places area: places created, changed or deleted; the summary carries copies of a place in
// its assignments and stays, so those follow too, as do the bookings at a changed place (their place name, and the
// name and spot of transport legs' ends there).
import { defineEvents, onView } from '~/realtime/events';
import type { placeJson } from '~/trpc/shape';
import { bookingListView, mapDays, placeListView, placeName, tripSummaryView, upsert, type BookingList, type TripSummary } from '../views';

type PlaceJson = ReturnType<typeof placeJson>;

function withoutPlaces(summary: TripSummary, ids: Set<number>): TripSummary {
  return {
    ...mapDays(summary, (d) => ({ ...d, assignments: d.assignments.filter((a) => !ids.has(a.placeId)) })),
    accommodations: summary.accommodations.filter((a) => !ids.has(a.placeId)),
  };
}

/**
 * The bookings at the changed place: a reservation's place name, and the name and coordinates of the leg ends there
 * (decision 044); undefined when no booking is at it.
 */
function withPlaceChanged(list: BookingList, place: PlaceJson): BookingList | undefined {
  const end = <E extends { name: string; placeId: number | null; lat: number | null; lng: number | null }>(e: E): E =>
    e.placeId === place.id ? { ...e, name: place.name, lat: place.lat, lng: place.lng } : e;
  const touched = (b: BookingList['reservations'][number]) =>
    b.placeId === place.id || b.legs.some((l) => l.from.placeId === place.id || l.to.placeId === place.id);
  if (!list.reservations.some(touched)) return undefined;
  return {
    ...list,
    reservations: list.reservations.map((b) =>
      touched(b)
        ? { ...b, placeName: b.placeId === place.id ? place.name : b.placeName, legs: b.legs.map((l) => ({ ...l, from: end(l.from), to: end(l.to) })) }
        : b,
    ),
  };
}

export const placeEvents = defineEvents<{
  'place.created': { place: PlaceJson };
  'place.updated': { place: PlaceJson };
  'place.deleted': { placeId: number };
  'places.deleted': { placeIds: number[] };
}>()({
  'place.created': {
    views: [
      onView(placeListView, (list, p) => ({
        ...list,
        places: upsert(list.places, {
          ...p.place,
          assignedDayIds: p.place.assignedDayIds ?? list.places.find((x) => x.id === p.place.id)?.assignedDayIds ?? [],
        }),
      })),
    ],
    notice: (p) => ({ key: 'notice.placeCreated', params: { name: p.place.name } }),
  },
  'place.updated': {
    views: [
      onView(tripSummaryView, (summary, p) => {
        // The summary's copies of the place are the same JSON; merge the new fields into each.
        const patch = <R extends { placeId: number; place?: object }>(row: R): R =>
          row.placeId === p.place.id && row.place ? ({ ...row, place: { ...row.place, ...p.place } } as R) : row;
        return {
          ...mapDays(summary, (d) => ({ ...d, assignments: d.assignments.map(patch) })),
          accommodations: summary.accommodations.map(patch),
        };
      }),
      onView(placeListView, (list, p) => ({
        ...list,
        places: upsert(list.places, {
          ...p.place,
          assignedDayIds: p.place.assignedDayIds ?? list.places.find((x) => x.id === p.place.id)?.assignedDayIds ?? [],
        }),
      })),
      onView(bookingListView, (list, p) => withPlaceChanged(list, p.place)),
    ],
    notice: (p) => ({ key: 'notice.placeUpdated', params: { name: p.place.name } }),
  },
  'place.deleted': {
    views: [
      onView(tripSummaryView, (summary, p) => withoutPlaces(summary, new Set([p.placeId]))),
      onView(placeListView, (list, p) => ({ ...list, places: list.places.filter((x) => x.id !== p.placeId) })),
    ],
    notice: (p, before) => ({
      key: 'notice.placeDeleted',
      params: { name: placeName(before(tripSummaryView), before(placeListView), p.placeId) ?? '' },
    }),
  },
  'places.deleted': {
    views: [
      onView(tripSummaryView, (summary, p) => withoutPlaces(summary, new Set(p.placeIds))),
      onView(placeListView, (list, p) => {
        const ids = new Set(p.placeIds);
        return { ...list, places: list.places.filter((x) => !ids.has(x.id)) };
      }),
    ],
    notice: (p) => ({ key: 'notice.placesDeleted', params: { count: p.placeIds.length } }),
  },
});

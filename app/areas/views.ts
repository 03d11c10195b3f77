// The queries the browser keeps cached for the trip core, which realtime events patch in place. Their data types are
// inferred from the procedures that answer them, so a change to a procedure's output reaches every handler.
import type { inferRouterOutputs } from '@trpc/server';
import { cacheView } from '~/realtime/events';
import type { tripsRouter } from './trips/procedures.server';
import type { placesRouter } from './places/procedures.server';
import type { tagsRouter } from './tags/procedures.server';
import type { BookingJson } from './reservations/shape';

export type TripSummary = inferRouterOutputs<typeof tripsRouter>['getTripSummary'];
export type TripList = inferRouterOutputs<typeof tripsRouter>['listTrips'];
export type PlaceList = inferRouterOutputs<typeof placesRouter>['listPlaces'];
export type TagList = inferRouterOutputs<typeof tagsRouter>['listTags'];

export type SummaryDay = TripSummary['days'][number];
export type SummaryAssignment = SummaryDay['assignments'][number];
export type ListedPlace = PlaceList['places'][number];

/** trips.getTripSummary({ tripId }): the planner's trip, members, days with assignments and notes, accommodations. */
export const tripSummaryView = cacheView<TripSummary>('trips.getTripSummary', 'trip');
/** places.listPlaces({ tripId }): the planner's places list (with the days each place is on). */
export const placeListView = cacheView<PlaceList>('places.listPlaces', 'trip');
/** trips.listTrips(): the dashboard. */
export const tripListView = cacheView<TripList>('trips.listTrips', 'user');
/** tags.listTags(): the signed-in user's tags. */
export const tagListView = cacheView<TagList>('tags.listTags', 'user');

export interface BookingList {
  reservations: BookingJson[];
}
/** reservations.listReservations({ tripId }): every booking of the trip, by time (its legs' ends follow their places). */
export const bookingListView = cacheView<BookingList>('reservations.listReservations', 'trip');

/** Replaces the row with the same id (merging), or appends it; sorted when a comparison is given. */
export function upsert<T extends { id: number }>(list: T[], row: T, sort?: (a: T, b: T) => number): T[] {
  const i = list.findIndex((r) => r.id === row.id);
  const next = i >= 0 ? list.map((r, j) => (j === i ? { ...r, ...row } : r)) : [...list, row];
  return sort ? next.sort(sort) : next;
}

export const byPosition = <T extends { id: number; position: number }>(a: T, b: T) => a.position - b.position || a.id - b.id;

export function mapDays(summary: TripSummary, fn: (day: SummaryDay) => SummaryDay): TripSummary {
  return { ...summary, days: summary.days.map(fn) };
}

/** The 1-based number of a day in the summary, or '?' when it is not there. */
export function dayNumber(summary: TripSummary | undefined, dayId: unknown) {
  const index = summary?.days.findIndex((d) => d.id === dayId) ?? -1;
  return index >= 0 ? index + 1 : '?';
}

/** A place's name from the places list or, failing that, from an assignment or stay in the summary. */
export function placeName(summary: TripSummary | undefined, places: PlaceList | undefined, placeId: unknown, fallback?: string) {
  if (fallback) return fallback;
  const fromList = places?.places.find((p) => p.id === placeId)?.name;
  if (fromList) return fromList;
  for (const day of summary?.days ?? []) {
    const a = day.assignments.find((x) => x.placeId === placeId);
    if (a?.place?.name) return a.place.name;
  }
  return null;
}

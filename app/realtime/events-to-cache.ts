// The realtime handlers of every area (declared in app/areas/*/events.ts), joined, and their effect on the planner's
// two cached queries, trips.getTripSummary({tripId}) and places.listPlaces({tripId}): the new value, `undefined` for
// "nothing to change", or INVALIDATE when the query must be refetched.
import { areas } from '~/areas';
import { placeListView, tripSummaryView, type PlaceList, type TripSummary } from '~/areas/views';
import { applyEventToView, joinHandlers, type CacheReader, type CacheView } from './events';

export { INVALIDATE, type CacheChange } from './events';
export type SummaryData = TripSummary;
export type PlacesData = PlaceList;

export const eventHandlers = joinHandlers(areas.flatMap((area) => ('events' in area && area.events ? [area.events] : [])));

function readerOf(summary: TripSummary | undefined, places: PlaceList | undefined): CacheReader {
  return <T,>(view: CacheView<T>) =>
    (view.path === tripSummaryView.path ? summary : view.path === placeListView.path ? places : undefined) as T | undefined;
}

type Payload = Record<string, unknown>;

export const applyToSummary = (summary: TripSummary | undefined, event: string, data: Payload) =>
  applyEventToView(eventHandlers, tripSummaryView, summary, event, data, readerOf(summary, undefined));

/** `summaryBefore` is the trip summary as it was before the event (which days still hold a place after a move). */
export const applyToPlaces = (places: PlaceList | undefined, event: string, data: Payload, summaryBefore?: TripSummary) =>
  applyEventToView(eventHandlers, placeListView, places, event, data, readerOf(summaryBefore, places));

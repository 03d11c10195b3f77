// The planner's data: the trip summary and places queries (the same keys the realtime client patches), categories,
// and a helper that refreshes both after one of our own changes.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '~/trpc/root';
import { useTRPC } from '~/utils/trpc';
import { utcDate } from '~/areas/trips/format';

type Outputs = inferRouterOutputs<AppRouter>;
export type TripSummary = Outputs['trips']['getTripSummary'];
export type PlannerDay = TripSummary['days'][number];
export type PlannerAssignment = PlannerDay['assignments'][number];
export type PlannerNote = PlannerDay['notes'][number];
export type PlannerAccommodation = TripSummary['accommodations'][number];
export type PlannerPlace = Outputs['places']['listPlaces']['places'][number];
export type PlannerCategory = Outputs['places']['listCategories']['categories'][number];

export function usePlannerQueries(tripId: number) {
  const trpc = useTRPC();
  const summary = useQuery(trpc.trips.getTripSummary.queryOptions({ tripId }));
  const places = useQuery(trpc.places.listPlaces.queryOptions({ tripId }));
  const categories = useQuery(trpc.places.listCategories.queryOptions(undefined, { staleTime: 60 * 60_000 }));
  return { summary, places, categories };
}

/** Refetches what the planner shows; our own changes are not echoed back by the realtime server. */
export function useRefreshPlanner(tripId: number) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.trips.getTripSummary.queryKey({ tripId }) }),
      queryClient.invalidateQueries({ queryKey: trpc.places.listPlaces.queryKey({ tripId }) }),
    ]);
}

/** Changes the cached summary right away (drag and drop feels instant); the refetch afterwards confirms it. */
export function usePatchSummary(tripId: number) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return (fn: (summary: TripSummary) => TripSummary) =>
    queryClient.setQueryData(trpc.trips.getTripSummary.queryKey({ tripId }), (old) => (old ? fn(old) : old));
}

/** "Day 2" / "Day 2 · Sat, 5 Sep" — the label a day goes by. */
export function dayLabel(
  day: Pick<PlannerDay, 'date' | 'title'>,
  index: number,
  t: (k: string, o?: Record<string, unknown>) => string,
  language: string
) {
  const base = t('day.number', { n: index + 1 });
  return day.date ? `${base} · ${formatDate(day.date, language)}` : base;
}

export function formatDate(
  iso: string,
  language: string,
  options: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short' }
) {
  return new Intl.DateTimeFormat(language, { ...options, timeZone: 'UTC' }).format(utcDate(iso));
}

/** A category's name in the user's language (the seeded ones are translated; others keep their own name). */
export function categoryName(category: PlannerCategory, t: (k: string, o?: Record<string, unknown>) => string) {
  return t(`category.${category.key}`, { defaultValue: category.name });
}

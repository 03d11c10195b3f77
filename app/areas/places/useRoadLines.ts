// The day lines along roads when the server has a router (OSRM_URL): each day's straight line is replaced by the
// route the server answers; while it loads, without a router or when routing fails, the straight line stays.
import { useQueries, useQuery } from '@tanstack/react-query';
import { useTRPC } from '~/utils/trpc';
import type { MapLine } from './TripMapInner.client';

export function useRoadLines(tripId: number, dayLines: MapLine[]): MapLine[] {
  const trpc = useTRPC();
  // Without a router every answer would be null: nothing is asked (the map's settings query is shared and cached).
  const routing = useQuery(trpc.geo.mapSettings.queryOptions(undefined, { staleTime: Infinity })).data?.routing === true;
  const results = useQueries({
    queries: dayLines.map((line) => {
      const options = trpc.places.getDayRoute.queryOptions(
        { tripId, dayId: Number(line.id.replace('day-', '')) },
        { staleTime: 10 * 60_000, retry: false, enabled: routing },
      );
      // the stops are part of the key, so a reordered or moved place asks again
      return { ...options, queryKey: [...options.queryKey, line.positions.flat().join(',')] as unknown as typeof options.queryKey };
    }),
  });
  return dayLines.map((line, i) => {
    const route = results[i]?.data?.route;
    return route ? { ...line, positions: route.positions } : line;
  });
}

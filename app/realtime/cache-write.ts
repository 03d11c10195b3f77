// Writing one event's change into the browser's query cache (app/realtime/client.tsx applies events through this).
import type { QueryClient, QueryKey } from '@tanstack/react-query';
import { INVALIDATE, type CacheChange } from './events';

/**
 * Writes one event's change to a cached query: a patch is shown at once, INVALIDATE refetches. A query that is being
 * fetched at that moment (the refetch after a reconnect, or after an invalidation) was asked before the event's change
 * was made, and its answer would overwrite the patch when it lands: it is fetched again (the stale fetch is cancelled),
 * so the change stays.
 */
export function writeViewChange(queryClient: QueryClient, key: QueryKey, change: CacheChange<unknown>) {
  if (change === undefined) return;
  if (change === INVALIDATE) {
    void queryClient.invalidateQueries({ queryKey: key, exact: true });
    return;
  }
  queryClient.setQueryData(key, change);
  if (queryClient.getQueryState(key)?.fetchStatus === 'fetching') void queryClient.invalidateQueries({ queryKey: key, exact: true });
}

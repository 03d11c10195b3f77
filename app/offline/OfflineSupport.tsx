// Everything offline the root route mounts once around the page: the service worker's registration (and the warming
// of the trip shown), the offline edits queue (its store, overlay and replay) and, at the bottom of the screen, the
// conflicts and the offline banner.
import type { ReactNode } from 'react';
import { useMatches } from '@remix-run/react';
import { useServiceWorker, useWarmTrip } from './service-worker';
import { useNetworkStatus, type NetworkStatus } from './network-status';
import { OfflineBanner } from './OfflineBanner';
import { ConflictList } from './ConflictList';
import { OfflineStoreProvider, useApplyMine, useOfflineQueue, useOfflineState, useOfflineStore } from './ticks';

const TRIP_ROUTE = 'routes/trips.$tripId';

export function OfflineSupport({ userId, locale, children }: { userId: number | null; locale: string; children: ReactNode }) {
  const status = useNetworkStatus();
  const trip = useMatches().find((match) => match.id === TRIP_ROUTE)?.data as { tripId?: number } | undefined;
  // in this order: the worker learns who is signed in before it is asked to save anything
  useServiceWorker(userId, locale);
  useWarmTrip(userId, trip?.tripId, status === 'online');
  return (
    <OfflineStoreProvider userId={userId}>
      {children}
      <OfflineStatus status={status} />
    </OfflineStoreProvider>
  );
}

function OfflineStatus({ status }: { status: NetworkStatus }) {
  useOfflineQueue(status === 'online');
  const store = useOfflineStore();
  const { queue, conflicts } = useOfflineState();
  const applyMine = useApplyMine();
  return (
    <div className="pointer-events-none fixed inset-x-0 bottom-0 z-50 flex flex-col gap-2 px-3 pb-3">
      <ConflictList conflicts={conflicts} onDismiss={(id) => store?.dismiss(id)} onApplyMine={applyMine} />
      <OfflineBanner status={status} queued={queue.length} />
    </div>
  );
}


// Everything offline the root route mounts once around the page: the service worker's registration, the offline
// edits queue (its store, overlay and replay) and, at the bottom of the screen, the conflicts and the offline banner.
import type { ReactNode } from 'react';
import { useServiceWorker } from './service-worker';
import { useNetworkStatus } from './network-status';
import { OfflineBanner } from './OfflineBanner';
import { ConflictList } from './ConflictList';
import { OfflineStoreProvider, useOfflineQueue, useOfflineState, useOfflineStore } from './ticks';

export function OfflineSupport({ userId, locale, children }: { userId: number | null; locale: string; children: ReactNode }) {
  useServiceWorker(userId, locale);
  return (
    <OfflineStoreProvider userId={userId}>
      {children}
      <OfflineStatus />
    </OfflineStoreProvider>
  );
}

function OfflineStatus() {
  const status = useNetworkStatus();
  useOfflineQueue(status === 'online');
  const store = useOfflineStore();
  const { queue, conflicts } = useOfflineState();
  return (
    <div className="pointer-events-none fixed inset-x-0 bottom-0 z-50 flex flex-col gap-2 px-3 pb-3">
      <ConflictList conflicts={conflicts} onDismiss={(id) => store?.dismiss(id)} />
      <OfflineBanner status={status} queued={queue.length} />
    </div>
  );
}

// Everything offline the root route mounts once: the service worker's registration and the offline banner.
import { useServiceWorker } from './service-worker';
import { useNetworkStatus } from './network-status';
import { OfflineBanner } from './OfflineBanner';

export function OfflineSupport({ userId, locale }: { userId: number | null; locale: string }) {
  useServiceWorker(userId, locale);
  const status = useNetworkStatus();
  return <OfflineBanner status={status} queued={0} />;
}

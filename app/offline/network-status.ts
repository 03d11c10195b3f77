// Whether the app can reach its server, as the offline banner shows it: the browser's online flag, and the service
// worker's word when its requests fail although the browser thinks it is online (server down, captive portal).
import { useEffect, useState } from 'react';

export type NetworkStatus = 'online' | 'offline' | 'unreachable';

export function useNetworkStatus(): NetworkStatus {
  const [browserOnline, setBrowserOnline] = useState(true);
  const [serverReached, setServerReached] = useState(true);
  useEffect(() => {
    const update = () => setBrowserOnline(navigator.onLine);
    update();
    const onMessage = (event: MessageEvent) => {
      const data = event.data as { type?: string; ok?: boolean } | null;
      if (data?.type === 'waymark:network' && typeof data.ok === 'boolean') setServerReached(data.ok);
    };
    const online = () => {
      update();
      setServerReached(true); // the next failing request says otherwise
    };
    window.addEventListener('online', online);
    window.addEventListener('offline', update);
    navigator.serviceWorker?.addEventListener('message', onMessage);
    return () => {
      window.removeEventListener('online', online);
      window.removeEventListener('offline', update);
      navigator.serviceWorker?.removeEventListener('message', onMessage);
    };
  }, []);
  if (!browserOnline) return 'offline';
  return serverReached ? 'online' : 'unreachable';
}

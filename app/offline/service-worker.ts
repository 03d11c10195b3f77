// Registers the service worker (public/sw.js, built from app/sw/) and tells it who is signed in, so that saved pages
// and data of one user are deleted before another user's are saved (decision 034).
import { useEffect } from 'react';

export function useServiceWorker(userId: number | null, locale: string) {
  useEffect(() => {
    if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
    let cancelled = false;
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => {
      // No worker (a development build without public/sw.js, a browser that refuses it): the app works online as before.
    });
    void navigator.serviceWorker.ready.then((registration) => {
      if (!cancelled) registration.active?.postMessage({ type: 'waymark:user', userId, locale });
    });
    return () => {
      cancelled = true;
    };
  }, [userId, locale]);
}

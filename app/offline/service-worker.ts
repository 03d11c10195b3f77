// Registers the service worker (public/sw.js, built from app/sw/) and tells it who is signed in, so that saved pages
// and data of one user are deleted before another user's are saved (decision 034). While a trip is shown and the
// server can be reached, it also asks the worker to save what that trip's tabs need offline (see warm.ts).
import { useEffect } from 'react';
import { tripWarmUrls } from './warm';

function postToWorker(message: unknown, isCancelled: () => boolean) {
  void navigator.serviceWorker.ready.then((registration) => {
    if (!isCancelled()) registration.active?.postMessage(message);
  });
}

const usable = () => typeof navigator !== 'undefined' && 'serviceWorker' in navigator && window.isSecureContext;

export function useServiceWorker(userId: number | null, locale: string) {
  useEffect(() => {
    if (!usable()) return;
    let cancelled = false;
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => {
      // No worker (a development build without public/sw.js, a browser that refuses it): the app works online as before.
    });
    postToWorker({ type: 'waymark:user', userId, locale }, () => cancelled);
    return () => {
      cancelled = true;
    };
  }, [userId, locale]);
}

/** Saves the shown trip's tabs for offline reading: once per trip opened, and again on each reconnect. */
export function useWarmTrip(userId: number | null, tripId: number | undefined, online: boolean) {
  useEffect(() => {
    if (!usable() || userId === null || !tripId || !online) return;
    let cancelled = false;
    const version = (window as { __remixManifest?: { version?: string } }).__remixManifest?.version;
    postToWorker({ type: 'waymark:warm', urls: tripWarmUrls(window.location.origin, tripId, version) }, () => cancelled);
    return () => {
      cancelled = true;
    };
  }, [userId, tripId, online]);
}

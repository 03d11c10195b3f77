// The Content-Security-Policy of every page. Scripts run only from this origin or with the page's nonce (Remix's
// inline hydration scripts carry it), so an injected <script> or inline handler does not run; nothing may frame the
// app or change its base URL; plugins are off. Images may come from anywhere (map tiles and place photos come from
// servers an administrator chooses); live updates connect to this origin or to the configured Pusher host.
import { createContext, useContext } from 'react';
import type { RealtimeClientConfig } from '~/realtime/types';

/** The page's script nonce: set around the server render, empty in the browser (which hides nonces anyway). */
export const NonceContext = createContext<string | undefined>(undefined);
export const useNonce = () => useContext(NonceContext);

export function contentSecurityPolicy(nonce: string, realtime: RealtimeClientConfig | null) {
  const connect = ["'self'", ...realtimeSources(realtime)];
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    // React style attributes (bars, colours) and Leaflet's positioning are inline styles.
    "style-src 'self' 'unsafe-inline'",
    'img-src * data: blob:',
    "font-src 'self' data:",
    `connect-src ${connect.join(' ')}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
    // No form-action: the OAuth consent form's answer redirects to the client's own redirect URI, which Chromium would
    // check against form-action.
  ].join('; ');
}

function realtimeSources(realtime: RealtimeClientConfig | null): string[] {
  if (!realtime || realtime.mode === 'embedded') return []; // same origin: 'self' covers ws(s) to this host
  const scheme = realtime.forceTLS ? 'wss' : 'ws';
  if (realtime.wsHost) return [`${scheme}://${realtime.wsHost}${realtime.wsPort ? `:${realtime.wsPort}` : ''}`];
  return [`${scheme}://ws-${realtime.cluster ?? 'mt1'}.pusher.com`];
}

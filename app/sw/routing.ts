// Which caching strategy the service worker applies to a request (decision 034). Pure, so the unit tests can walk it.
// Nothing that changes data is ever cached: only GETs, and never sign-in, OAuth, MCP, realtime or the ops endpoints.

export type RouteKind =
  /** Remix build output (/build/…, content-hashed names): cache first, precached at install. */
  | 'asset'
  /** Unhashed static files (icons, manifest, favicon): network first, cached copy offline. */
  | 'static'
  /** A page load: network first, then this URL's saved page, then the "not available offline" page. */
  | 'page'
  /** Remix's loader data (`*.data`) and route manifest (`/__manifest`): network first, saved copy offline. */
  | 'data'
  /** tRPC queries (GET /api/trpc/…): network first, each query of a batch saved on its own (see trpc-batch.ts). */
  | 'trpc'
  /** Map tiles from the configured tile server: cache first, a bounded number kept. */
  | 'tile'
  /** Left to the browser. */
  | 'bypass';

/** Paths that are never cached, whatever the method: sign-in and account flows, agents' doors, live updates, ops. */
const NEVER = /^\/(?:login|logout|register|invite\/|oauth\/|mcp(?:$|\/)|api\/realtime|\.well-known\/|healthz|readyz|metrics|sw\.js$|apps\/)/;
/** z/x/y at the end of a tile URL path (`/12/2143/1423.png`, `/12/2143/1423@2x.webp`, `/12/2143/1423`). */
const TILE_PATH = /\/\d{1,2}\/\d+\/\d+(?:@\dx)?(?:\.(?:png|jpe?g|webp|pbf|mvt))?$/;
const STATIC = /^\/(?:icons\/[\w.-]+|manifest\.webmanifest|favicon\.svg|locales\/.+\.json)$/;

export interface RoutableRequest {
  url: string;
  method: string;
  mode: string;
  destination: string;
}

export function routeOf(request: RoutableRequest, ownOrigin: string): RouteKind {
  if (request.method !== 'GET') return 'bypass';
  const url = new URL(request.url);
  if (url.origin !== ownOrigin) return request.destination === 'image' && TILE_PATH.test(url.pathname) ? 'tile' : 'bypass';
  const path = url.pathname;
  if (NEVER.test(path)) return 'bypass';
  if (path.startsWith('/build/')) return 'asset';
  if (STATIC.test(path)) return 'static';
  if (path.startsWith('/api/trpc/')) return 'trpc';
  if (path.startsWith('/api/')) return 'bypass'; // files, photos, exports: large and not needed to read a trip
  if (request.mode === 'navigate') return 'page';
  if (path.endsWith('.data') || path === '/__manifest') return 'data';
  return 'bypass';
}

/** A sign-out, as a form navigation (POST /logout) or through Remix's fetch (POST /logout.data): the user's saved data goes. */
export function isSignOut(request: Pick<RoutableRequest, 'url' | 'method'>, ownOrigin: string) {
  const url = new URL(request.url);
  return request.method === 'POST' && url.origin === ownOrigin && (url.pathname === '/logout' || url.pathname === '/logout.data');
}

/** At most this many URLs are saved per "warm" message from a page. */
export const MAX_WARM_URLS = 4;

/**
 * The URLs a page may ask the worker to fetch and save ahead (an opened trip's route manifest, loader data and tRPC
 * reads): this origin's, and only what the worker would save anyway as data or tRPC reads; anything else is dropped.
 */
export function warmable(urls: unknown, ownOrigin: string): { url: string; kind: 'data' | 'trpc' }[] {
  if (!Array.isArray(urls)) return [];
  return urls.slice(0, MAX_WARM_URLS).flatMap((url) => {
    if (typeof url !== 'string') return [];
    let kind: RouteKind;
    try {
      kind = routeOf({ url, method: 'GET', mode: 'cors', destination: '' }, ownOrigin);
    } catch {
      return [];
    }
    return kind === 'data' || kind === 'trpc' ? [{ url, kind }] : [];
  });
}

// Waymark's service worker (decision 034), built to public/sw.js by scripts/build-sw.js. It keeps the app's build
// files, the pages and data of trips the user opened and the map tiles already seen, so an opened trip stays
// readable offline. The saved pages and data belong to one user: they are deleted when that user signs out or
// another user (or nobody) is signed in on this device.
import { isSignOut, routeOf, warmable } from './routing';
import { assembleAnswers, parseTrpcGet, splitAnswers } from './trpc-batch';
import { offlinePageHtml, type OfflinePageTexts } from './offline-page';

/** Filled in by the build: the build's version, its files, and the "not available offline" texts per language. */
declare const __WAYMARK_SW__: { version: string; precache: string[]; texts: Record<string, OfflinePageTexts> };

// The DOM library the project type-checks with has no worker types; these are the few parts used here.
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  request: Request;
  respondWith(response: Promise<Response>): void;
}
interface MessageEventWithData extends ExtendableEvent {
  data: unknown;
}
interface WorkerClient {
  postMessage(message: unknown): void;
}
interface WorkerScope {
  location: Location;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void>; matchAll(options?: { type?: string }): Promise<WorkerClient[]> };
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  addEventListener(type: 'message', listener: (event: MessageEventWithData) => void): void;
}

const worker = self as unknown as WorkerScope;
const { version, precache, texts } = __WAYMARK_SW__;
const ORIGIN = worker.location.origin;

const ASSETS = `waymark-assets-${version}`;
const STATIC = 'waymark-static';
/** Pages, loader data and tRPC answers: the signed-in user's. */
const DATA = 'waymark-data';
/** Map tiles: not secret, but they show where the user's trips go, so they leave with the user too. */
const TILES = 'waymark-tiles';
/** Who the saved data belongs to, and the language of the offline page (survives the worker being stopped). */
const META = 'waymark-meta';
const META_KEY = `${ORIGIN}/__waymark-sw/owner`;
const USER_CACHES = [DATA, TILES];
const MAX_TILES = 300;

worker.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(ASSETS);
      await cache.addAll(precache);
      await worker.skipWaiting();
    })(),
  );
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name.startsWith('waymark-assets-') && name !== ASSETS) await caches.delete(name);
      await worker.clients.claim();
    })(),
  );
});

interface Owner {
  userId: number | null;
  locale: string;
}

async function readOwner(): Promise<Owner | undefined> {
  const saved = await (await caches.open(META)).match(META_KEY);
  return saved ? ((await saved.json()) as Owner) : undefined;
}

async function writeOwner(owner: Owner) {
  await (await caches.open(META)).put(META_KEY, new Response(JSON.stringify(owner), { headers: { 'Content-Type': 'application/json' } }));
}

async function forgetUserData() {
  for (const name of USER_CACHES) await caches.delete(name);
}

/**
 * Sign-out: nobody is recorded first, so a save still in flight (a page's fetch, a warming) is refused at its save
 * step, and only then is the saved data deleted.
 */
async function signedOut() {
  await writeOwner({ userId: null, locale: (await readOwner())?.locale ?? 'en' });
  await forgetUserData();
}

// Every page tells the worker who is signed in (`null` on the sign-in page). Another user than the saved data's
// owner, or nobody, and that data is deleted before anything else is saved. A page showing a trip asks the worker to
// save what the trip's tabs read (app/offline/warm.ts). Messages are handled one after the other, in order, so a
// warming never runs before the owner it saves for is recorded.
let handling: Promise<unknown> = Promise.resolve();
worker.addEventListener('message', (event) => {
  const data = event.data as { type?: string; userId?: number | null; locale?: string; urls?: unknown } | null;
  const task =
    data?.type === 'waymark:user'
      ? async () => {
          const owner = await readOwner();
          const userId = typeof data.userId === 'number' ? data.userId : null;
          if (userId === null || owner?.userId !== userId) await forgetUserData();
          await writeOwner({ userId, locale: typeof data.locale === 'string' ? data.locale : 'en' });
        }
      : data?.type === 'waymark:warm'
        ? () => warm(warmable(data.urls, ORIGIN))
        : null;
  if (!task) return;
  handling = handling.then(task).catch(() => {});
  event.waitUntil(handling);
});

/** Fetches and saves, as the page itself would (network first, per-user cache); a failure just leaves nothing saved. */
async function warm(requests: { url: string; kind: 'data' | 'trpc' }[]) {
  if (!(await mayKeepUserData())) return;
  for (const { url, kind } of requests) {
    const request = new Request(url, { credentials: 'same-origin' });
    await (kind === 'trpc' ? trpcQuery(request) : networkFirst(request, DATA, { ignoreSearch: false })).catch(() => {});
  }
}

worker.addEventListener('fetch', (event) => {
  const { request } = event;
  if (isSignOut(request, ORIGIN)) {
    event.waitUntil(signedOut());
    return;
  }
  const kind = routeOf(request, ORIGIN);
  if (kind === 'bypass') return;
  if (kind === 'asset') return event.respondWith(cacheFirst(request, ASSETS));
  if (kind === 'tile') return event.respondWith(tile(request));
  if (kind === 'static') return event.respondWith(networkFirst(request, STATIC, { ignoreSearch: false }));
  if (kind === 'trpc') return event.respondWith(trpcQuery(request));
  if (kind === 'data') return event.respondWith(data(request));
  return event.respondWith(page(request));
});

let lastReported: boolean | undefined;
/** Tells the open pages whether the server answers, for the offline banner (only when it changes). */
async function reportNetwork(ok: boolean) {
  if (lastReported === ok) return;
  lastReported = ok;
  for (const client of await worker.clients.matchAll({ type: 'window' })) client.postMessage({ type: 'waymark:network', ok });
}

async function cacheFirst(request: Request, cacheName: string) {
  const cached = await caches.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await (await caches.open(cacheName)).put(request, response.clone());
  return response;
}

/** Saves a copy only while the signed-in user is known: never for someone whose data would not be cleared. */
async function mayKeepUserData() {
  return typeof (await readOwner())?.userId === 'number';
}

async function networkFirst(request: Request, cacheName: string, { ignoreSearch }: { ignoreSearch: boolean }) {
  try {
    const response = await fetch(request);
    void reportNetwork(true);
    if (response.ok && response.type === 'basic' && (cacheName !== DATA || (await mayKeepUserData()))) {
      await (await caches.open(cacheName)).put(request, response.clone());
    }
    return response;
  } catch (error) {
    void reportNetwork(false);
    const cache = await caches.open(cacheName);
    const saved = (await cache.match(request)) ?? (ignoreSearch ? await cache.match(request, { ignoreSearch: true }) : undefined);
    if (saved) return saved;
    throw error;
  }
}

/**
 * Loader data and route discovery. Offline, a `.data` answer for the same path with other search parameters will do
 * (the trip loader ignores `?tab=`), and a route discovery never saved answers "nothing new" (`{}`): the routes of a
 * page already open are known, so a tab switch needs no patch.
 */
async function data(request: Request) {
  const { pathname } = new URL(request.url);
  try {
    return await networkFirst(request, DATA, { ignoreSearch: pathname.endsWith('.data') });
  } catch (error) {
    if (pathname === '/__manifest') return Response.json({}, { headers: { 'Cache-Control': 'no-store' } });
    throw error;
  }
}

async function page(request: Request) {
  try {
    return await networkFirst(request, DATA, { ignoreSearch: false });
  } catch {
    const owner = await readOwner();
    const locale = owner?.locale && texts[owner.locale] ? owner.locale : 'en';
    return new Response(offlinePageHtml(locale, texts[locale]), {
      status: 503,
      headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' },
    });
  }
}

async function trpcQuery(request: Request) {
  const get = parseTrpcGet(request.url);
  if (!get) return fetch(request);
  try {
    const response = await fetch(request);
    void reportNetwork(true);
    if ((response.status === 200 || response.status === 207) && (await mayKeepUserData())) {
      const answers = splitAnswers(get, await response.clone().json().catch(() => null));
      const cache = await caches.open(DATA);
      for (const [key, answer] of answers) await cache.put(key, Response.json(answer));
    }
    return response;
  } catch (error) {
    void reportNetwork(false);
    const cache = await caches.open(DATA);
    const saved = await Promise.all(get.queries.map(async ({ key }) => (await cache.match(key))?.json()));
    const assembled = assembleAnswers(get, saved);
    if (!assembled) throw error;
    return Response.json(assembled.body, { status: assembled.complete ? 200 : 207 });
  }
}

async function tile(request: Request) {
  const cache = await caches.open(TILES);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if ((response.ok || response.type === 'opaque') && (await mayKeepUserData())) {
    await cache.put(request, response.clone()).catch(() => {}); // over the storage quota: shown, not kept
    const keys = await cache.keys();
    for (const old of keys.slice(0, Math.max(0, keys.length - MAX_TILES))) await cache.delete(old);
  }
  return response;
}

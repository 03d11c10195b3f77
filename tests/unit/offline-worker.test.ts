// The service worker's pure parts: which requests it may keep (never writes, sign-in, OAuth, MCP, realtime), how a
// tRPC batch is saved query by query and rebuilt offline whatever the grouping, and the offline page's HTML.
import { describe, expect, it } from 'vitest';
import { isSignOut, MAX_WARM_URLS, routeOf, warmable, type RoutableRequest } from '~/sw/routing';
import { manifestUrl, TAB_READS, tripWarmUrls } from '~/offline/warm';
import { assembleAnswers, parseTrpcGet, queryKey, splitAnswers } from '~/sw/trpc-batch';
import { offlinePageHtml } from '~/sw/offline-page';

const ORIGIN = 'https://trips.example.org';
const req = (path: string, init: Partial<RoutableRequest> = {}): RoutableRequest => ({
  url: path.startsWith('http') ? path : `${ORIGIN}${path}`,
  method: 'GET',
  mode: 'cors',
  destination: '',
  ...init,
});

describe('routeOf', () => {
  it('keeps the build cache-first, pages and data network-first, tRPC queries and tiles', () => {
    expect(routeOf(req('/build/_shared/chunk-ABC.js', { destination: 'script' }), ORIGIN)).toBe('asset');
    expect(routeOf(req('/icons/icon-192.png'), ORIGIN)).toBe('static');
    expect(routeOf(req('/manifest.webmanifest'), ORIGIN)).toBe('static');
    expect(routeOf(req('/trips/4?tab=packing', { mode: 'navigate', destination: 'document' }), ORIGIN)).toBe('page');
    expect(routeOf(req('/trips/4.data?_routes=routes%2Ftrips.%24tripId'), ORIGIN)).toBe('data');
    expect(routeOf(req('/__manifest?p=%2Ftrips%2F4&version=abc'), ORIGIN)).toBe('data');
    expect(routeOf(req('/api/trpc/packing.listPackingItems?input=%7B%7D'), ORIGIN)).toBe('trpc');
    expect(routeOf(req('https://tile.openstreetmap.org/12/2143/1423.png', { destination: 'image' }), ORIGIN)).toBe('tile');
    expect(routeOf(req('https://tiles.example.net/styles/12/2143/1423@2x.webp?key=k', { destination: 'image' }), ORIGIN)).toBe('tile');
  });

  it('never touches writes, sign-in, OAuth, MCP, realtime, ops, files or other sites', () => {
    const bypassed = [
      req('/api/trpc/packing.togglePackingItem', { method: 'POST' }),
      req('/trips/4', { method: 'POST', mode: 'navigate' }),
      req('/login', { mode: 'navigate' }),
      req('/register', { mode: 'navigate' }),
      req('/oauth/authorize?client_id=x', { mode: 'navigate' }),
      req('/mcp'),
      req('/api/realtime/auth'),
      req('/.well-known/oauth-authorization-server'),
      req('/healthz'),
      req('/metrics'),
      req('/sw.js'),
      req('/api/places/3/photo', { destination: 'image' }),
      req('https://cdn.example.net/lib.js', { destination: 'script' }),
      req('https://photos.example.net/a.png', { destination: 'image' }),
      req('/some/asset.js', { destination: 'script' }),
    ];
    for (const request of bypassed) expect(routeOf(request, ORIGIN), `${request.method} ${request.url}`).toBe('bypass');
  });

  it('recognises a sign-out through a form or through Remix', () => {
    expect(isSignOut({ url: `${ORIGIN}/logout`, method: 'POST' }, ORIGIN)).toBe(true);
    expect(isSignOut({ url: `${ORIGIN}/logout.data`, method: 'POST' }, ORIGIN)).toBe(true);
    expect(isSignOut({ url: `${ORIGIN}/logout`, method: 'GET' }, ORIGIN)).toBe(false);
    expect(isSignOut({ url: 'https://evil.example/logout', method: 'POST' }, ORIGIN)).toBe(false);
  });
});

describe('tRPC batches', () => {
  const batchUrl = (paths: string[], inputs: unknown[]) =>
    `${ORIGIN}/api/trpc/${paths.join(',')}?batch=1&input=${encodeURIComponent(JSON.stringify(Object.fromEntries(inputs.map((input, i) => [i, input]))))}`;

  it('saves each query of a batch on its own and answers another grouping from the pieces', () => {
    const online = parseTrpcGet(batchUrl(['packing.listPackingItems', 'trips.getTripSummary'], [{ tripId: 4 }, { tripId: 4 }]))!;
    const answers = splitAnswers(online, [{ result: { data: { items: [] } } }, { result: { data: { title: 'Oslo' } } }]);
    expect([...answers.keys()]).toEqual([queryKey(ORIGIN, 'packing.listPackingItems', { tripId: 4 }), queryKey(ORIGIN, 'trips.getTripSummary', { tripId: 4 })]);

    // Offline the page asks for the summary alone, unbatched: the same key.
    const alone = parseTrpcGet(`${ORIGIN}/api/trpc/trips.getTripSummary?input=${encodeURIComponent(JSON.stringify({ tripId: 4 }))}`)!;
    expect(alone.queries[0].key).toBe(queryKey(ORIGIN, 'trips.getTripSummary', { tripId: 4 }));
    expect(assembleAnswers(alone, [answers.get(alone.queries[0].key)])).toEqual({ body: { result: { data: { title: 'Oslo' } } }, complete: true });
  });

  it('does not save errors, and marks a query never saved as unavailable instead of inventing data', () => {
    const get = parseTrpcGet(batchUrl(['a.one', 'a.two'], [{ id: 1 }, undefined]))!;
    const answers = splitAnswers(get, [{ error: { message: 'UNAUTHORIZED' } }, { result: { data: 2 } }]);
    expect([...answers.keys()]).toEqual([queryKey(ORIGIN, 'a.two', undefined)]);
    const rebuilt = assembleAnswers(get, [undefined, answers.get(queryKey(ORIGIN, 'a.two', undefined))])!;
    expect(rebuilt.complete).toBe(false);
    expect((rebuilt.body as { error?: { data: { httpStatus: number } } }[])[0].error?.data.httpStatus).toBe(503);
    expect(assembleAnswers(get, [undefined, undefined])).toBeNull();
  });

  it('refuses URLs that are not tRPC queries', () => {
    expect(parseTrpcGet(`${ORIGIN}/api/other`)).toBeNull();
    expect(parseTrpcGet(`${ORIGIN}/api/trpc/a.one?input=%7Bbroken`)).toBeNull();
    expect(parseTrpcGet(`${ORIGIN}/api/trpc/a.one,a.two?input=%7B%7D`)).toBeNull();
  });
});

describe('offline page', () => {
  const texts = { title: 'Not <available>', body: 'Open it once.', home: 'Home', retry: 'Again' };
  it('is escaped, in the language, right to left for Arabic, and runs no script', () => {
    const html = offlinePageHtml('ar', texts);
    expect(html).toContain('lang="ar" dir="rtl"');
    expect(html).toContain('Not &#60;available&#62;');
    expect(html).not.toContain('<script');
    expect(offlinePageHtml('de', texts)).toContain('dir="ltr"');
  });
});

describe('warming an opened trip', () => {
  it('asks for the route discovery Remix would ask, the trip loader data and every tab read, as one tRPC batch', () => {
    const urls = tripWarmUrls(ORIGIN, 7, 'v1');
    expect(urls).toHaveLength(3);
    expect(urls[0]).toBe(`${ORIGIN}/__manifest?p=%2Ftrips%2F7&version=v1`);
    expect(manifestUrl(ORIGIN, '/trips/7', 'v1')).toBe(urls[0]);
    expect(urls[1]).toBe(`${ORIGIN}/trips/7.data`);
    const batch = parseTrpcGet(urls[2])!;
    expect(batch.batch).toBe(true);
    expect(batch.queries.map((q) => q.path)).toEqual([...TAB_READS]);
    // saved under the same key as the tab's own query, whatever batch that one comes in
    expect(batch.queries[1].key).toBe(queryKey(ORIGIN, 'packing.listPackingItems', { tripId: 7 }));
    expect(tripWarmUrls(ORIGIN, 7, undefined)).toHaveLength(2);
  });

  it('the worker fetches only this origin’s loader data, route discovery and tRPC reads, a bounded number', () => {
    const urls = tripWarmUrls(ORIGIN, 7, 'v1');
    expect(warmable(urls, ORIGIN).map((w) => w.kind)).toEqual(['data', 'data', 'trpc']);
    expect(warmable([`${ORIGIN}/logout`, `${ORIGIN}/api/files/1`, `${ORIGIN}/mcp`, 'https://evil.example/trips/1.data', `${ORIGIN}/trips/1`, 'not a url', 42], ORIGIN)).toEqual([]);
    expect(warmable(Array(10).fill(urls[1]), ORIGIN)).toHaveLength(MAX_WARM_URLS);
    expect(warmable('x', ORIGIN)).toEqual([]);
  });
});

// Place search against OpenStreetMap Nominatim (or a compatible server at NOMINATIM_URL): /search?format=jsonv2.
// 5-second timeout, a small per-process cache keyed by query, and the outbound guard against internal addresses.
import type { Config } from '~/env.server';
import { DomainError } from '~/domain/errors';
import { categoryKeyOf, photoFromTags } from './osm-tags';
import { assertOutboundAllowed, guardedFetch, OutboundRefusedError } from './outbound-guard.server';
import { ttlCache } from './outside-service.server';

export interface PlaceSearchResult {
  name: string;
  address: string;
  lat: number;
  lng: number;
  osmId?: string;
  /** a Google place id, when Google Places answered (for get_place_details) */
  placeId?: string;
  /** OpenStreetMap class:type, e.g. tourism:museum */
  category?: string;
  /** the Waymark category (seeded key) the place fits, when one does */
  categoryKey?: string;
  /** a photo from the place's OSM tags (Wikimedia Commons), when it has one */
  photoUrl?: string;
}

interface NominatimItem {
  osm_type?: string;
  osm_id?: number | string;
  lat?: string;
  lon?: string;
  name?: string;
  display_name?: string;
  category?: string;
  class?: string;
  type?: string;
  extratags?: Record<string, string> | null;
}

const TIMEOUT_MS = 5_000;
const CACHE_SIZE = 200;
const CACHE_TTL_MS = 10 * 60_000;

// One cache per Config object, so two servers in one process (tests) never share entries.
const cache = ttlCache<PlaceSearchResult[]>(CACHE_SIZE);

const unavailable = (reason: string) =>
  new DomainError('BAD_REQUEST', 'errors.placeSearchUnavailable', `Place search is unavailable right now (${reason}); try again later`, {
    reason,
  });

export function toResult(item: NominatimItem): PlaceSearchResult | null {
  const lat = Number(item.lat);
  const lng = Number(item.lon);
  if (!Number.isFinite(lat) || !Number.isFinite(lng)) return null;
  const display = item.display_name ?? '';
  const name = item.name?.trim() || display.split(',')[0]?.trim() || `${lat}, ${lng}`;
  const osmType = item.osm_type ? item.osm_type.charAt(0).toUpperCase() : '';
  const category = item.category ?? item.class;
  const osmCategory = category ? (item.type ? `${category}:${item.type}` : category) : undefined;
  const categoryKey = categoryKeyOf(osmCategory);
  const photoUrl = photoFromTags(item.extratags);
  return {
    name,
    address: display,
    lat,
    lng,
    ...(item.osm_id !== undefined ? { osmId: `${osmType}${item.osm_id}` } : {}),
    ...(osmCategory ? { category: osmCategory } : {}),
    ...(categoryKey ? { categoryKey } : {}),
    ...(photoUrl ? { photoUrl } : {}),
  };
}

export async function searchPlaces(
  config: Pick<Config, 'nominatimUrl' | 'outboundAllowPrivate'>,
  query: string,
  limit: number,
  /** tests pass a fake; by default the request goes through guardedFetch (one resolution, pinned address) */
  fetchImpl?: typeof fetch,
): Promise<PlaceSearchResult[]> {
  const key = `${limit}\u0000${query.trim().toLowerCase()}`;
  const hit = cache.get(config, key);
  if (hit) return hit;

  let url: URL;
  try {
    url = new URL(`${config.nominatimUrl}/search`);
  } catch {
    throw unavailable('the configured NOMINATIM_URL is not a valid URL');
  }
  url.searchParams.set('format', 'jsonv2');
  url.searchParams.set('q', query);
  url.searchParams.set('limit', String(limit));
  url.searchParams.set('addressdetails', '0');
  url.searchParams.set('extratags', '1');
  try {
    await assertOutboundAllowed(url, config.outboundAllowPrivate);
  } catch (error) {
    if (error instanceof OutboundRefusedError) throw unavailable(`refused to contact ${url.hostname}: ${error.message}`);
    throw unavailable(`cannot resolve ${url.hostname}`);
  }

  let response: Response;
  try {
    const init = { headers: { Accept: 'application/json', 'User-Agent': 'Waymark trip planner (self-hosted)' }, signal: AbortSignal.timeout(TIMEOUT_MS) };
    response = fetchImpl
      ? await fetchImpl(url, { ...init, redirect: 'error' })
      : await guardedFetch(url, init, { allowPrivate: config.outboundAllowPrivate });
  } catch (error) {
    const timedOut = (error as Error).name === 'TimeoutError' || (error as Error).name === 'AbortError';
    throw unavailable(timedOut ? 'the search service did not answer within 5 seconds' : 'the search service cannot be reached');
  }
  // Redirects are not followed (their target would need the guard again): a 3xx is an unexpected answer here.
  if (!response.ok) throw unavailable(`the search service answered HTTP ${response.status}`);
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw unavailable('the search service sent an unreadable answer');
  }
  if (!Array.isArray(body)) throw unavailable('the search service sent an unexpected answer');
  const results = (body as NominatimItem[])
    .map(toResult)
    .filter((r): r is PlaceSearchResult => r !== null)
    .slice(0, limit);

  cache.set(config, key, results, CACHE_TTL_MS);
  return results;
}

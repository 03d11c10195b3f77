// Place details and reverse geocoding from OpenStreetMap Nominatim (or a compatible server at NOMINATIM_URL):
// /lookup with extratags (opening hours, website, phone, photo tags) and /reverse. Through the outside-service
// module: outbound guard, timeout, cache (details 7 days, reverse 1 day), one clear error when unreachable.
import type { Config } from '~/env.server';
import { fetchServiceJson, serviceUrl, ttlCache, type OutsideService } from './outside-service.server';
import { categoryKeyOf, parseOsmRef, photoFromTags } from './osm-tags';

export type NominatimConfig = Pick<Config, 'nominatimUrl' | 'outboundAllowPrivate'>;

export const PLACE_DETAILS_SERVICE: OutsideService = { label: 'Place details', i18nKey: 'errors.placeDetailsUnavailable', timeoutMs: 6_000 };

const DAY_MS = 86_400_000;

interface NominatimPlace {
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

export interface PlaceDetails {
  source: 'openstreetmap';
  osmId: string;
  osmUrl: string;
  name: string;
  address: string;
  lat: number;
  lng: number;
  category: string | null;
  /** the Waymark category key the place fits (sight, museum, restaurant…), or null */
  categoryKey: string | null;
  website: string | null;
  phone: string | null;
  /** OpenStreetMap opening_hours syntax, e.g. "Tu-Su 10:00-18:00" */
  openingHours: string | null;
  /** OpenStreetMap has no ratings; null (kept so the shape matches other providers) */
  rating: null;
  photoUrl: string | null;
  wikidata: string | null;
}

const detailsCache = ttlCache<PlaceDetails | null>(500);
const reverseCache = ttlCache<{ name: string | null; address: string | null }>(1000);

function detailsOf(item: NominatimPlace): PlaceDetails | null {
  const lat = Number(item.lat);
  const lng = Number(item.lon);
  const ref = parseOsmRef(`${item.osm_type ?? ''}:${item.osm_id ?? ''}`);
  if (!ref || !Number.isFinite(lat) || !Number.isFinite(lng)) return null;
  const tags = item.extratags ?? {};
  const cls = item.category ?? item.class;
  const category = cls ? (item.type ? `${cls}:${item.type}` : cls) : null;
  const display = item.display_name ?? '';
  return {
    source: 'openstreetmap',
    osmId: `${ref.letter}${ref.id}`,
    osmUrl: `https://www.openstreetmap.org/${ref.type}/${ref.id}`,
    name: item.name?.trim() || display.split(',')[0]?.trim() || '',
    address: display,
    lat,
    lng,
    category,
    categoryKey: categoryKeyOf(category),
    website: tags.website ?? tags['contact:website'] ?? tags.url ?? null,
    phone: tags.phone ?? tags['contact:phone'] ?? null,
    openingHours: tags.opening_hours ?? null,
    rating: null,
    photoUrl: photoFromTags(tags),
    wikidata: tags.wikidata ?? null,
  };
}

/** Details of an OSM object ("N123", "node:123", "way/45"); null when Nominatim does not know it. */
export async function placeDetails(config: NominatimConfig, osmRef: string, language: string): Promise<PlaceDetails | null> {
  const ref = parseOsmRef(osmRef);
  if (!ref) return null;
  const key = `${ref.letter}${ref.id}:${language}`;
  const cached = detailsCache.get(config, key);
  if (cached !== undefined) return cached;
  const url = serviceUrl(PLACE_DETAILS_SERVICE, config.nominatimUrl, '/lookup', {
    osm_ids: `${ref.letter}${ref.id}`,
    format: 'jsonv2',
    extratags: 1,
    'accept-language': language,
  });
  const answer = await fetchServiceJson<NominatimPlace[]>(config, PLACE_DETAILS_SERVICE, url);
  const details = Array.isArray(answer) && answer[0] ? detailsOf(answer[0]) : null;
  detailsCache.set(config, key, details, 7 * DAY_MS);
  return details;
}

/** Coordinates → name and address; both null where Nominatim finds nothing (open sea). */
export async function reverseGeocode(config: NominatimConfig, lat: number, lng: number, language: string) {
  const key = `${lat.toFixed(5)},${lng.toFixed(5)}:${language}`;
  const cached = reverseCache.get(config, key);
  if (cached) return cached;
  const url = serviceUrl(PLACE_DETAILS_SERVICE, config.nominatimUrl, '/reverse', {
    lat: lat.toFixed(6),
    lon: lng.toFixed(6),
    format: 'jsonv2',
    'accept-language': language,
  });
  const answer = await fetchServiceJson<NominatimPlace & { error?: string }>(config, PLACE_DETAILS_SERVICE, url);
  const display = answer && !answer.error ? (answer.display_name ?? null) : null;
  const result = { name: (answer && !answer.error && (answer.name?.trim() || display?.split(',')[0]?.trim())) || null, address: display };
  reverseCache.set(config, key, result, DAY_MS);
  return result;
}

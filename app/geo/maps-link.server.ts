// Resolves a map link to places: Google Maps (short maps.app.goo.gl links are expanded through the outbound guard,
// one hop at a time, without fetching the final Google page), OpenStreetMap, Apple Maps and geo: URIs give one place
// (a missing name comes from reverse geocoding, missing coordinates from place search); a shared Google Maps list
// gives all its places. Google's list feed is undocumented and may change: a list that cannot be read is a clear error.
import type { Config } from '~/env.server';
import { parseMapUrl, type ParsedMapPlace } from '~/domain/maps-url';
import { DomainError } from '~/domain/errors';
import { fetchFromService, serviceUnavailable, serviceUrl, type OutsideService } from './outside-service.server';
import { reverseGeocode } from './nominatim.server';
import { searchPlaces } from './place-search.server';

export type MapsLinkConfig = Pick<Config, 'nominatimUrl' | 'outboundAllowPrivate' | 'googleMapsUrl' | 'googleMapsShortLinkUrl'>;

export const MAPS_LINK_SERVICE: OutsideService = { label: 'Map link lookup', i18nKey: 'errors.mapLinkUnavailable', timeoutMs: 8_000 };

const MAX_HOPS = 5;
/** A shared list can be long; more than this many places in one import is refused by the caller's limit anyway. */
export const MAX_LIST_PLACES = 500;

export interface ResolvedPlace {
  name: string | null;
  lat: number | null;
  lng: number | null;
  address: string | null;
  source: ParsedMapPlace['source'];
}

export interface ResolvedLink {
  kind: 'place' | 'list';
  /** the list's name, for kind "list" */
  listName: string | null;
  /** the expanded link (a short link's target) */
  url: string;
  places: ResolvedPlace[];
}

const SHORT_HOSTS = new Set(['maps.app.goo.gl', 'goo.gl']);

/** The id of a shared Google Maps list in an expanded link, or null. */
export function googleListId(url: string): string | null {
  const data = /!11m\d+!2s([A-Za-z0-9_-]{8,})/.exec(url);
  if (data) return data[1];
  const path = /\/maps\/placelists\/list\/([A-Za-z0-9_-]{8,})/.exec(url);
  return path ? path[1] : null;
}

/** Follows a short link's redirects through the guard until the target is a link Waymark can read (not fetched). */
async function expandShortLink(config: MapsLinkConfig, link: URL): Promise<string> {
  let next = new URL(`${config.googleMapsShortLinkUrl}${link.pathname}${link.search}`);
  for (let hop = 0; hop < MAX_HOPS; hop += 1) {
    const response = await fetchFromService(config, MAPS_LINK_SERVICE, next, { accept: 'text/html' });
    const location = response.status >= 300 && response.status < 400 ? response.headers.get('location') : null;
    if (!location) throw serviceUnavailable(MAPS_LINK_SERVICE, `the short link did not lead anywhere (HTTP ${response.status})`);
    let target: URL;
    try {
      target = new URL(location, next);
    } catch {
      throw serviceUnavailable(MAPS_LINK_SERVICE, 'the short link led to an unreadable address');
    }
    if (googleListId(target.href) || parseMapUrl(target.href)) return target.href;
    // Another redirector (consent pages, goo.gl chains): keep following it, through the guard again.
    next = target;
  }
  throw serviceUnavailable(MAPS_LINK_SERVICE, `more than ${MAX_HOPS} redirects`);
}

/** The places of a shared Google Maps list, from the web app's list feed (JSON behind a ")]}'" line). */
async function googleListPlaces(config: MapsLinkConfig, listId: string): Promise<{ name: string | null; places: ResolvedPlace[] }> {
  const url = serviceUrl(MAPS_LINK_SERVICE, config.googleMapsUrl, '/maps/preview/entitylist/getlist', {
    authuser: 0,
    hl: 'en',
    gl: 'us',
    pb: `!1m4!1s${listId}!2e1!3m1!1e1!2e2!3e2!4i${MAX_LIST_PLACES}!16b1`,
  });
  const response = await fetchFromService(config, MAPS_LINK_SERVICE, url);
  if (!response.ok) throw serviceUnavailable(MAPS_LINK_SERVICE, `Google Maps answered HTTP ${response.status} for the list`);
  let data: unknown;
  try {
    data = JSON.parse((await response.text()).replace(/^\)\]\}'\s*/, ''));
  } catch {
    throw serviceUnavailable(MAPS_LINK_SERVICE, 'the list could not be read');
  }
  const list = Array.isArray(data) && Array.isArray(data[0]) ? (data[0] as unknown[]) : null;
  const entries = list && Array.isArray(list[8]) ? (list[8] as unknown[]) : null;
  if (!list || !entries) throw serviceUnavailable(MAPS_LINK_SERVICE, 'the list could not be read (private, deleted, or a changed format)');
  const places: ResolvedPlace[] = [];
  for (const entry of entries.slice(0, MAX_LIST_PLACES)) {
    if (!Array.isArray(entry)) continue;
    const info = Array.isArray(entry[1]) ? (entry[1] as unknown[]) : [];
    const coords = Array.isArray(info[5]) ? (info[5] as unknown[]) : [];
    const lat = typeof coords[2] === 'number' ? coords[2] : null;
    const lng = typeof coords[3] === 'number' ? coords[3] : null;
    const name = typeof entry[2] === 'string' && entry[2].trim() ? entry[2].trim() : null;
    const address = typeof info[4] === 'string' ? info[4] : null;
    if (name || (lat !== null && lng !== null)) places.push({ name, lat, lng, address, source: 'google' });
  }
  return { name: typeof list[4] === 'string' ? list[4] : null, places };
}

/** Fills in a missing name (reverse geocoding) or missing coordinates (place search); lookups that fail leave the gap. */
async function complete(config: MapsLinkConfig, parsed: ParsedMapPlace, language: string): Promise<ResolvedPlace> {
  const place: ResolvedPlace = { ...parsed, address: null };
  try {
    if (place.lat !== null && place.lng !== null) {
      const found = await reverseGeocode(config, place.lat, place.lng, language);
      place.address = found.address;
      place.name ??= found.name;
    } else if (place.name) {
      const [hit] = await searchPlaces(config, place.name, 1);
      if (hit) Object.assign(place, { lat: hit.lat, lng: hit.lng, address: hit.address });
    }
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
  }
  return place;
}

/** null when the text is not a map link Waymark can read. */
export async function resolveMapLink(config: MapsLinkConfig, input: string, language: string): Promise<ResolvedLink | null> {
  let link = input.trim();
  let url: URL | null = null;
  try {
    url = new URL(link);
  } catch {
    url = null;
  }
  if (url && (url.protocol === 'https:' || url.protocol === 'http:') && SHORT_HOSTS.has(url.hostname.toLowerCase())) {
    link = await expandShortLink(config, url);
  }
  const listId = googleListId(link);
  if (listId) {
    const list = await googleListPlaces(config, listId);
    return { kind: 'list', listName: list.name, url: link, places: list.places };
  }
  const parsed = parseMapUrl(link);
  if (!parsed) return null;
  return { kind: 'place', listName: null, url: link, places: [await complete(config, parsed, language)] };
}

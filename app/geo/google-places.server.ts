// Google Places API (New) as the second place provider, used once an administrator saved a key (Admin → Map): text
// search, place details (opening hours, website, phone, rating) and photos. Photo media URLs expire, so a photo is
// stored with its source 'google' and its photo name (places/…/photos/…), from which a fresh URL is asked again.
// Through the outside-service module (GOOGLE_PLACES_URL, outbound guard, timeout, cache); the key travels in the
// X-Goog-Api-Key header, never in a URL or a log line.
import type { Config } from '~/env.server';
import { fetchFromService, fetchServiceJson, serviceUnavailable, serviceUrl, ttlCache, type OutsideService } from './outside-service.server';
import type { PlaceSearchResult } from './place-search.server';
import type { PlaceDetails } from './nominatim.server';

export type GoogleConfig = Pick<Config, 'googlePlacesUrl' | 'outboundAllowPrivate'>;

const SEARCH_SERVICE: OutsideService = { label: 'Place search', i18nKey: 'errors.placeSearchUnavailable', timeoutMs: 6_000 };
const DETAILS_SERVICE: OutsideService = { label: 'Place details', i18nKey: 'errors.placeDetailsUnavailable', timeoutMs: 6_000 };
/** Place photos from either source (Google here, Wikimedia Commons in place-photos.server.ts), at one width. */
export const PHOTO_SERVICE: OutsideService = { label: 'Place photos', i18nKey: 'errors.placePhotoUnavailable', timeoutMs: 6_000 };
export const PHOTO_WIDTH = 640;
const MINUTE_MS = 60_000;
/** A Google place id (ChIJ…): letters, digits, - and _. */
export const isGooglePlaceId = (v: string) => /^[A-Za-z0-9_-]{10,300}$/.test(v);
const PHOTO_NAME = /^places\/[A-Za-z0-9_-]{1,300}\/photos\/[A-Za-z0-9_-]{1,1000}$/;
/** The fragment that carries a Google photo's name on its URL (browsers never send a fragment to the image host). */
const PHOTO_MARK = '#google-photo=';

interface GooglePlace {
  id?: string;
  displayName?: { text?: string };
  formattedAddress?: string;
  location?: { latitude?: number; longitude?: number };
  primaryType?: string;
  types?: string[];
  photos?: Array<{ name?: string }>;
  rating?: number;
  websiteUri?: string;
  internationalPhoneNumber?: string;
  nationalPhoneNumber?: string;
  regularOpeningHours?: { weekdayDescriptions?: string[] };
  googleMapsUri?: string;
}

/**
 * The same shape as OpenStreetMap's details, with Google's id, link and rating instead of the OSM ones; openingHours
 * is Google's week, one line a day ("Monday: 10:00 AM – 6:00 PM"), joined with "; ".
 */
export type GooglePlaceDetails = Omit<PlaceDetails, 'source' | 'osmId' | 'osmUrl' | 'rating' | 'wikidata'> & {
  source: 'google';
  googlePlaceId: string;
  mapsUrl: string | null;
  osmId: null;
  osmUrl: null;
  rating: number | null;
  wikidata: null;
};

const BY_TYPE: Array<[string, string]> = [
  ['museum', 'museum'],
  ['art_gallery', 'museum'],
  ['lodging', 'hotel'],
  ['hotel', 'hotel'],
  ['campground', 'hotel'],
  ['restaurant', 'restaurant'],
  ['meal_takeaway', 'restaurant'],
  ['cafe', 'cafe'],
  ['bakery', 'cafe'],
  ['bar', 'bar'],
  ['night_club', 'bar'],
  ['amusement_park', 'activity'],
  ['zoo', 'activity'],
  ['aquarium', 'activity'],
  ['movie_theater', 'activity'],
  ['stadium', 'activity'],
  ['park', 'nature'],
  ['natural_feature', 'nature'],
  ['beach', 'nature'],
  ['shopping_mall', 'shopping'],
  ['store', 'shopping'],
  ['train_station', 'transport'],
  ['airport', 'transport'],
  ['bus_station', 'transport'],
  ['transit_station', 'transport'],
  ['tourist_attraction', 'sight'],
  ['church', 'sight'],
  ['place_of_worship', 'sight'],
  ['historical_landmark', 'sight'],
];

/** Google's place types → the Waymark category key (seeded keys), or null. */
function googleCategoryKey(types: string[] | undefined): string | null {
  if (!types?.length) return null;
  return BY_TYPE.find(([type]) => types.includes(type))?.[1] ?? null;
}

const keyHeaders = (apiKey: string, fields: string) => ({ 'X-Goog-Api-Key': apiKey, 'X-Goog-FieldMask': fields });

/** A photo URL with the photo's name in its fragment, so create_place can store where it came from. */
const markedPhotoUrl = (url: string, name: string) => `${url}${PHOTO_MARK}${name}`;

/** The photo name a marked Google photo URL carries, or null. */
export function googlePhotoName(url: string): string | null {
  const at = url.indexOf(PHOTO_MARK);
  if (at < 0) return null;
  const name = url.slice(at + PHOTO_MARK.length);
  return PHOTO_NAME.test(name) ? name : null;
}

const photoCache = ttlCache<string | null>(1000);

/**
 * The current URL of a Google photo (they expire), or null when Google no longer has it. `fresh` skips the cache
 * (the cached URL is the one that just failed to load).
 */
export async function googlePhotoUrl(config: GoogleConfig, apiKey: string, name: string, { fresh = false } = {}): Promise<string | null> {
  if (!PHOTO_NAME.test(name)) return null;
  const cached = fresh ? undefined : photoCache.get(config, name);
  if (cached !== undefined) return cached;
  const url = serviceUrl(PHOTO_SERVICE, config.googlePlacesUrl, `/v1/${name}/media`, { maxWidthPx: PHOTO_WIDTH, skipHttpRedirect: 'true' });
  const response = await fetchFromService(config, PHOTO_SERVICE, url, { headers: { 'X-Goog-Api-Key': apiKey } });
  let found: string | null = null;
  if (response.ok) {
    const body = (await response.json().catch(() => null)) as { photoUri?: string } | null;
    found = body?.photoUri && /^https?:\/\//i.test(body.photoUri) ? body.photoUri : null;
  } else if (response.status !== 404 && response.status !== 400) {
    throw serviceUnavailable(PHOTO_SERVICE, `the service answered HTTP ${response.status}`);
  }
  photoCache.set(config, name, found, 30 * MINUTE_MS);
  return found;
}

/** The first photo of a place as a marked URL; a photo that cannot be had is no photo (the result still counts). */
async function firstPhoto(config: GoogleConfig, apiKey: string, place: GooglePlace): Promise<string | null> {
  const name = place.photos?.find((p) => p.name && PHOTO_NAME.test(p.name))?.name;
  if (!name) return null;
  const url = await googlePhotoUrl(config, apiKey, name).catch(() => null);
  return url ? markedPhotoUrl(url, name) : null;
}

const coordinates = (place: GooglePlace) => {
  const lat = place.location?.latitude;
  const lng = place.location?.longitude;
  return typeof lat === 'number' && typeof lng === 'number' && Number.isFinite(lat) && Number.isFinite(lng) ? { lat, lng } : null;
};

const searchCache = ttlCache<PlaceSearchResult[]>(200);

/** Text search (Places API (New) places:searchText). */
export async function searchGooglePlaces(config: GoogleConfig, apiKey: string, query: string, limit: number, language: string): Promise<PlaceSearchResult[]> {
  const key = `${limit}\u0000${language}\u0000${query.trim().toLowerCase()}`;
  const cached = searchCache.get(config, key);
  if (cached) return cached;
  const url = serviceUrl(SEARCH_SERVICE, config.googlePlacesUrl, '/v1/places:searchText');
  const answer = await fetchServiceJson<{ places?: GooglePlace[] }>(config, SEARCH_SERVICE, url, {
    json: { textQuery: query, maxResultCount: limit, languageCode: language },
    headers: keyHeaders(apiKey, 'places.id,places.displayName,places.formattedAddress,places.location,places.primaryType,places.types,places.photos'),
  });
  const places = (Array.isArray(answer.places) ? answer.places : []).slice(0, limit);
  const results = await Promise.all(
    places.map(async (place): Promise<PlaceSearchResult | null> => {
      const at = coordinates(place);
      if (!at || !place.id) return null;
      const categoryKey = googleCategoryKey(place.types);
      const photoUrl = await firstPhoto(config, apiKey, place);
      const address = place.formattedAddress ?? '';
      return {
        name: place.displayName?.text?.trim() || address.split(',')[0]?.trim() || `${at.lat}, ${at.lng}`,
        address,
        ...at,
        placeId: place.id,
        ...(place.primaryType ? { category: place.primaryType } : {}),
        ...(categoryKey ? { categoryKey } : {}),
        ...(photoUrl ? { photoUrl } : {}),
      };
    }),
  );
  const found = results.filter((r): r is PlaceSearchResult => r !== null);
  searchCache.set(config, key, found, 10 * MINUTE_MS);
  return found;
}

const detailsCache = ttlCache<GooglePlaceDetails | null>(500);

/** Details of a Google place id; null when Google does not know it. */
export async function googlePlaceDetails(config: GoogleConfig, apiKey: string, placeId: string, language: string): Promise<GooglePlaceDetails | null> {
  if (!isGooglePlaceId(placeId)) return null;
  const key = `${placeId}:${language}`;
  const cached = detailsCache.get(config, key);
  if (cached !== undefined) return cached;
  const url = serviceUrl(DETAILS_SERVICE, config.googlePlacesUrl, `/v1/places/${placeId}`, { languageCode: language });
  const fields = 'id,displayName,formattedAddress,location,primaryType,types,photos,rating,websiteUri,internationalPhoneNumber,nationalPhoneNumber,regularOpeningHours,googleMapsUri';
  const response = await fetchFromService(config, DETAILS_SERVICE, url, { headers: keyHeaders(apiKey, fields) });
  if (response.status === 404 || response.status === 400) {
    detailsCache.set(config, key, null, 60 * MINUTE_MS);
    return null;
  }
  if (!response.ok) throw serviceUnavailable(DETAILS_SERVICE, `the service answered HTTP ${response.status}`);
  const place = (await response.json().catch(() => null)) as GooglePlace | null;
  const at = place && coordinates(place);
  if (!place || !at) throw serviceUnavailable(DETAILS_SERVICE, 'the service sent an unreadable answer');
  const address = place.formattedAddress ?? '';
  const details: GooglePlaceDetails = {
    source: 'google',
    googlePlaceId: place.id ?? placeId,
    mapsUrl: place.googleMapsUri ?? null,
    osmId: null,
    osmUrl: null,
    name: place.displayName?.text?.trim() || address.split(',')[0]?.trim() || '',
    address,
    ...at,
    category: place.primaryType ?? null,
    categoryKey: googleCategoryKey(place.types),
    website: place.websiteUri ?? null,
    phone: place.internationalPhoneNumber ?? place.nationalPhoneNumber ?? null,
    openingHours: place.regularOpeningHours?.weekdayDescriptions?.length ? place.regularOpeningHours.weekdayDescriptions.join('; ') : null,
    rating: typeof place.rating === 'number' ? place.rating : null,
    photoUrl: await firstPhoto(config, apiKey, place),
    wikidata: null,
  };
  detailsCache.set(config, key, details, 24 * 60 * MINUTE_MS);
  return details;
}

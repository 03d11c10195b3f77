// Reads one place (name and/or coordinates) out of a map link: Google Maps place/search/@ links, OpenStreetMap links
// (?mlat=&mlon=, #map=zoom/lat/lng), Apple Maps links (?ll=, ?coordinate=, ?q=, ?address=) and geo: URIs. Pure: no
// network (short links are expanded by app/geo/maps-link.server.ts first).

export interface ParsedMapPlace {
  name: string | null;
  lat: number | null;
  lng: number | null;
  source: 'google' | 'openstreetmap' | 'apple' | 'geo';
}

const COORD_PAIR = /^\s*(-?\d{1,3}(?:\.\d+)?)\s*,\s*(-?\d{1,3}(?:\.\d+)?)\s*$/;

/** A latitude and longitude that name a point on Earth. */
export function validPair(lat: number, lng: number) {
  return Number.isFinite(lat) && Number.isFinite(lng) && Math.abs(lat) <= 90 && Math.abs(lng) <= 180;
}

function pair(text: string | null | undefined): [number, number] | null {
  const m = text ? COORD_PAIR.exec(text) : null;
  if (!m) return null;
  const lat = Number(m[1]);
  const lng = Number(m[2]);
  return validPair(lat, lng) ? [lat, lng] : null;
}

function decode(segment: string) {
  try {
    return decodeURIComponent(segment.replace(/\+/g, ' ')).trim();
  } catch {
    return segment.trim();
  }
}

function parseGeoUri(raw: string): ParsedMapPlace | null {
  // geo:lat,lng[,alt][;params][?q=...]
  const body = raw.slice(4);
  const [pathPart, query = ''] = body.split('?', 2);
  const coords = pathPart.split(';')[0].split(',');
  let lat = Number(coords[0]);
  let lng = Number(coords[1]);
  let name: string | null = null;
  const q = new URLSearchParams(query).get('q');
  if (q) {
    // q=lat,lng(Label) or q=Label
    const labelled = /^\s*(-?[\d.]+)\s*,\s*(-?[\d.]+)\s*(?:\((.*)\))?\s*$/.exec(q);
    if (labelled) {
      lat = Number(labelled[1]);
      lng = Number(labelled[2]);
      name = labelled[3]?.trim() || null;
    } else {
      name = q.trim() || null;
    }
  }
  const hasCoords = validPair(lat, lng) && !(lat === 0 && lng === 0 && name);
  if (!hasCoords && !name) return null;
  return { name, lat: hasCoords ? lat : null, lng: hasCoords ? lng : null, source: 'geo' };
}

function parseGoogle(url: URL): ParsedMapPlace | null {
  const path = url.pathname;
  let name: string | null = null;
  let coords: [number, number] | null = null;
  const placeMatch = /\/maps\/place\/([^/]+)/.exec(path);
  if (placeMatch) {
    const label = decode(placeMatch[1]);
    coords = pair(label);
    if (!coords) name = label || null;
  }
  // Exact pin from the data parameter (!3d<lat>!4d<lng>) beats the viewport centre (@lat,lng,zoom).
  const pin = /!3d(-?\d+(?:\.\d+)?)!4d(-?\d+(?:\.\d+)?)/.exec(path + url.search);
  if (!coords && pin && validPair(Number(pin[1]), Number(pin[2]))) coords = [Number(pin[1]), Number(pin[2])];
  const at = /@(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)/.exec(path);
  if (!coords && at && validPair(Number(at[1]), Number(at[2]))) coords = [Number(at[1]), Number(at[2])];
  for (const key of ['q', 'query', 'destination', 'll']) {
    const value = url.searchParams.get(key);
    if (!value) continue;
    const p = pair(value);
    if (p) coords ??= p;
    else name ??= value.trim() || null;
  }
  if (!name && !coords) {
    const searchMatch = /\/maps\/search\/([^/]+)/.exec(path);
    if (searchMatch) {
      const label = decode(searchMatch[1]);
      coords = pair(label);
      if (!coords) name = label || null;
    }
  }
  if (!name && !coords) return null;
  return { name, lat: coords?.[0] ?? null, lng: coords?.[1] ?? null, source: 'google' };
}

function parseOsm(url: URL): ParsedMapPlace | null {
  let coords: [number, number] | null = null;
  const mlat = url.searchParams.get('mlat');
  const mlon = url.searchParams.get('mlon');
  if (mlat && mlon && validPair(Number(mlat), Number(mlon))) coords = [Number(mlat), Number(mlon)];
  if (!coords) {
    const hash = /map=\d+(?:\.\d+)?\/(-?\d+(?:\.\d+)?)\/(-?\d+(?:\.\d+)?)/.exec(url.hash);
    if (hash && validPair(Number(hash[1]), Number(hash[2]))) coords = [Number(hash[1]), Number(hash[2])];
  }
  const query = url.searchParams.get('query');
  const name = query && !pair(query) ? query.trim() : null;
  if (!coords && query) coords = pair(query);
  if (!coords && !name) return null;
  return { name, lat: coords?.[0] ?? null, lng: coords?.[1] ?? null, source: 'openstreetmap' };
}

function parseApple(url: URL): ParsedMapPlace | null {
  const q = url.searchParams;
  const coords = pair(q.get('ll')) ?? pair(q.get('coordinate')) ?? pair(q.get('q')) ?? pair(q.get('sll'));
  const label = [q.get('name'), q.get('q'), q.get('address')].find((v) => v && v.trim() && !pair(v));
  const name = label?.trim() || null;
  if (!coords && !name) return null;
  return { name, lat: coords?.[0] ?? null, lng: coords?.[1] ?? null, source: 'apple' };
}

const isGoogleHost = (host: string) =>
  /(^|\.)google\.[a-z.]+$/.test(host) || host === 'maps.app.goo.gl' || host === 'goo.gl';
const isOsmHost = (host: string) => /(^|\.)openstreetmap\.(org|de|fr)$/.test(host) || host === 'osm.org';

/** The place a map link points at, or null when the link is not one Waymark can read. */
export function parseMapUrl(input: string): ParsedMapPlace | null {
  const raw = input.trim();
  if (/^geo:/i.test(raw)) return parseGeoUri(raw);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const host = url.hostname.toLowerCase();
  if (isGoogleHost(host) && url.pathname.startsWith('/maps')) return parseGoogle(url);
  if (isOsmHost(host)) return parseOsm(url);
  if (host === 'maps.apple.com' || host === 'maps.apple') return parseApple(url);
  return null;
}

/** A name for a place that only has coordinates. */
export function coordinateName(lat: number, lng: number) {
  return `Place at ${lat.toFixed(5)}, ${lng.toFixed(5)}`;
}

// Local stand-ins for the outside geo and weather services, served over real HTTP on a random port, so tests run
// offline and can count requests or take the services down: Open-Meteo (forecast, archive), Nominatim (search,
// lookup, reverse), Google Maps short links (redirects), Google's shared-list feed, Google Places API (New) (search,
// details, photo media with URLs that expire), and Frankfurter's exchange rates.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** Fixed answers, so tests can assert numbers. */
export const FAKE_WEATHER = {
  forecast: { code: 61, tempMax: 21, tempMin: 12, probability: 80, precipitation: 4.2 },
  archive: { code: 3, tempMax: 18.5, tempMin: 10.5, precipitation: 0 },
};

/** Reference rates the fake knows: 1 unit of the key currency in each target currency. */
export const FAKE_RATES: Record<string, Record<string, number>> = { USD: { EUR: 0.9215 }, GBP: { EUR: 1.1702 }, EUR: { USD: 1.0852 } };

const iso = (d: Date) => d.toISOString().slice(0, 10);
const dayMs = 86_400_000;

function datesFrom(start: string, end: string) {
  const out: string[] = [];
  for (let t = Date.parse(`${start}T00:00:00Z`); t <= Date.parse(`${end}T00:00:00Z`) && out.length < 2000; t += dayMs) out.push(iso(new Date(t)));
  return out;
}

function daily(dates: string[], values: { code: number; tempMax: number; tempMin: number; precipitation: number; probability?: number }) {
  return {
    time: dates,
    weather_code: dates.map(() => values.code),
    temperature_2m_max: dates.map(() => values.tempMax),
    temperature_2m_min: dates.map(() => values.tempMin),
    precipitation_sum: dates.map(() => values.precipitation),
    ...(values.probability !== undefined ? { precipitation_probability_max: dates.map(() => values.probability) } : {}),
    sunrise: dates.map((d) => `${d}T06:52`),
    sunset: dates.map((d) => `${d}T20:31`),
    wind_speed_10m_max: dates.map(() => 14.4),
  };
}

function hourly(date: string, code: number) {
  const hours = Array.from({ length: 24 }, (_, h) => `${date}T${String(h).padStart(2, '0')}:00`);
  return {
    time: hours,
    temperature_2m: hours.map((_, h) => 10 + h * 0.5),
    precipitation: hours.map((_, h) => (h === 15 ? 1.2 : 0)),
    precipitation_probability: hours.map((_, h) => (h === 15 ? 70 : 10)),
    weather_code: hours.map(() => code),
    wind_speed_10m: hours.map(() => 9.5),
    relative_humidity_2m: hours.map(() => 65),
  };
}

export interface FakeGeoServices {
  url: string;
  /** request paths with query, in order */
  requests: string[];
  /** while true every request answers 503 */
  down: boolean;
  /** the X-Goog-Api-Key of every Google Places request, in order */
  googleKeys: string[];
  /** makes every Google photo URL handed out so far expire (they answer 404 from now on) */
  expireGooglePhotos(): void;
  close(): Promise<void>;
}

/** The Google place the fake Places API knows (search "Torre…", details by id), with one photo. */
export const FAKE_GOOGLE = {
  apiKey: 'AIzaFakeKeyForTests_0123456789abcd',
  placeId: 'ChIJfakeTorreBelem00',
  name: 'Torre de Belém',
  address: 'Av. Brasília, 1400-038 Lisboa, Portugal',
  lat: 38.6916,
  lng: -9.216,
  rating: 4.6,
  website: 'https://www.torrebelem.gov.pt/',
  phone: '+351 21 362 0034',
  openingHours: ['Monday: Closed', 'Tuesday: 10:00 AM – 5:30 PM'],
  mapsUrl: 'https://maps.google.com/?cid=123',
  photoName: 'places/ChIJfakeTorreBelem00/photos/AUfakePhoto1',
};

const googlePlace = (query?: string) => ({
  id: FAKE_GOOGLE.placeId,
  displayName: { text: query && query !== 'Torre' ? query : FAKE_GOOGLE.name, languageCode: 'en' },
  formattedAddress: FAKE_GOOGLE.address,
  location: { latitude: FAKE_GOOGLE.lat, longitude: FAKE_GOOGLE.lng },
  primaryType: 'tourist_attraction',
  types: ['tourist_attraction', 'point_of_interest', 'establishment'],
  photos: [{ name: FAKE_GOOGLE.photoName, widthPx: 4000, heightPx: 3000 }],
});

/** Google Places API (New): 403 without the right key; photo URLs carry a version, old versions expire on demand. */
function answerGoogle(url: URL, req: http.IncomingMessage, res: http.ServerResponse, body: string, fake: FakeGeoServices, photos: { version: number; validFrom: number }): boolean {
  const json = (status: number, answer: unknown) => {
    res.statusCode = status;
    res.end(JSON.stringify(answer));
    return true;
  };
  if (/^\/tiles\/\d+\/\d+\/\d+\.png$/.test(url.pathname)) {
    // a map tile server, for an administrator's tile template
    res.setHeader('Content-Type', 'image/png');
    res.end(Buffer.from(TINY_PNG, 'base64'));
    return true;
  }
  const googlePhoto = /^\/google-photos\/[\w-]+\.png$/.exec(url.pathname);
  if (googlePhoto) {
    if (Number(url.searchParams.get('v')) < photos.validFrom) return json(404, { error: 'expired' });
    res.setHeader('Content-Type', 'image/png');
    res.end(Buffer.from(TINY_PNG, 'base64'));
    return true;
  }
  if (!url.pathname.startsWith('/v1/')) return false;
  const key = String(req.headers['x-goog-api-key'] ?? '');
  fake.googleKeys.push(key);
  if (key !== FAKE_GOOGLE.apiKey) return json(403, { error: { code: 403, message: 'API key not valid', status: 'PERMISSION_DENIED' } });
  if (url.pathname === '/v1/places:searchText' && req.method === 'POST') {
    const query = String((JSON.parse(body || '{}') as { textQuery?: string }).textQuery ?? '');
    return json(200, /^nothing/i.test(query) ? {} : { places: [googlePlace(query)] });
  }
  const media = /^\/v1\/(places\/[\w-]+\/photos\/[\w-]+)\/media$/.exec(url.pathname);
  if (media) {
    if (media[1] !== FAKE_GOOGLE.photoName) return json(404, { error: { code: 404, status: 'NOT_FOUND' } });
    photos.version += 1;
    return json(200, { name: `${media[1]}/media`, photoUri: `${fake.url}/google-photos/${media[1].split('/').at(-1)}.png?v=${photos.version}` });
  }
  const details = /^\/v1\/places\/([\w-]+)$/.exec(url.pathname);
  if (details) {
    if (details[1] !== FAKE_GOOGLE.placeId) return json(404, { error: { code: 404, status: 'NOT_FOUND' } });
    return json(200, {
      ...googlePlace(),
      rating: FAKE_GOOGLE.rating,
      websiteUri: FAKE_GOOGLE.website,
      internationalPhoneNumber: FAKE_GOOGLE.phone,
      regularOpeningHours: { weekdayDescriptions: FAKE_GOOGLE.openingHours },
      googleMapsUri: FAKE_GOOGLE.mapsUrl,
    });
  }
  return json(404, { error: { code: 404, status: 'NOT_FOUND' } });
}

/** A place Nominatim knows (search "Torre…", lookup N100), with a Commons photo. */
export const FAKE_PLACE = {
  osmId: 'N100',
  name: 'Torre de Belém',
  lat: 38.6916,
  lng: -9.216,
  address: 'Torre de Belém, Avenida Brasília, Lisboa, Portugal',
  openingHours: 'Tu-Su 10:00-17:30',
  website: 'https://www.torrebelem.pt',
  phone: '+351 21 362 0034',
  photoFile: 'Torre_de_Belém.jpg',
};
export const FAKE_REVERSE = { name: 'Rua Augusta', address: 'Rua Augusta, 1100-048 Lisboa, Portugal' };
/** The shared Google Maps list behind the short link /list-link. */
export const FAKE_LIST = {
  id: 'LISTabc12345',
  name: 'Lisbon favourites',
  places: [
    { name: 'Miradouro da Graça', address: 'Largo da Graça, Lisboa', lat: 38.7163, lng: -9.1313 },
    { name: 'Time Out Market', address: 'Av. 24 de Julho 49, Lisboa', lat: 38.7069, lng: -9.1458 },
    { name: 'LX Factory', address: 'R. Rodrigues de Faria 103, Lisboa', lat: 38.7033, lng: -9.1789 },
  ],
};
const nominatimItem = (extra: Record<string, unknown> = {}) => ({
  osm_type: 'node',
  osm_id: 100,
  lat: String(FAKE_PLACE.lat),
  lon: String(FAKE_PLACE.lng),
  name: FAKE_PLACE.name,
  display_name: FAKE_PLACE.address,
  category: 'tourism',
  type: 'attraction',
  extratags: { opening_hours: FAKE_PLACE.openingHours, website: FAKE_PLACE.website, phone: FAKE_PLACE.phone, wikimedia_commons: `File:${FAKE_PLACE.photoFile}` },
  ...extra,
});

/** A 1×1 PNG. */
const TINY_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

function answerGeo(url: URL, res: http.ServerResponse, self: string): boolean {
  const q = url.searchParams;
  const json = (body: unknown) => res.end(JSON.stringify(body));
  const redirect = (location: string) => {
    res.statusCode = 302;
    res.setHeader('Location', location);
    res.end();
  };
  switch (url.pathname) {
    case '/search':
      json(/^nothing/i.test(q.get('q') ?? '') ? [] : [nominatimItem({ name: q.get('q') === 'Torre' ? FAKE_PLACE.name : q.get('q') })]);
      return true;
    case '/lookup':
      json(q.get('osm_ids') === FAKE_PLACE.osmId ? [nominatimItem()] : []);
      return true;
    case '/reverse':
      json(Number(q.get('lat')) === 0 ? { error: 'Unable to geocode' } : { name: FAKE_REVERSE.name, display_name: FAKE_REVERSE.address });
      return true;
    // short links, as maps.app.goo.gl answers them
    case '/place-link':
      redirect('https://www.google.com/maps/place/Torre+de+Bel%C3%A9m/@38.6916,-9.2160,17z/data=!3m1!4b1!4m6!3m5!1s0x0:0x0!8m2!3d38.6916!4d-9.216');
      return true;
    case '/chained-link':
      redirect(`${self}/place-link`);
      return true;
    case '/looping-link':
      redirect(`${self}/looping-link`);
      return true;
    case '/list-link':
      redirect(`https://www.google.com/maps/@38.71,-9.14,13z/data=!3m1!4b1!4m3!11m2!2s${FAKE_LIST.id}!3e3`);
      return true;
    // Wikimedia Commons: File:Fresh.png exists (its current URL is served below), every other file is gone
    case '/w/api.php': {
      const title = q.get('titles') ?? '';
      const page = title === 'File:Fresh.png' ? { title, imageinfo: [{ thumburl: `${self}/photos/fresh.png`, url: `${self}/photos/fresh.png` }] } : { title, missing: true };
      json({ batchcomplete: true, query: { pages: [page] } });
      return true;
    }
    case '/photos/fresh.png':
      res.setHeader('Content-Type', 'image/png');
      res.end(Buffer.from(TINY_PNG, 'base64'));
      return true;
    case '/maps/preview/entitylist/getlist': {
      if (!(q.get('pb') ?? '').includes(FAKE_LIST.id)) {
        res.end(")]}'\n[]");
        return true;
      }
      const entries = FAKE_LIST.places.map((p) => [null, [null, null, null, null, p.address, [null, null, p.lat, p.lng]], p.name]);
      res.end(`)]}'\n${JSON.stringify([[null, null, null, null, FAKE_LIST.name, null, null, null, entries]])}`);
      return true;
    }
    default:
      return false;
  }
}

/** Answers Open-Meteo's /v1/forecast and /v1/archive (daily and hourly as asked), and the geo services above. */
export async function startFakeGeoServices(): Promise<FakeGeoServices> {
  const photos = { version: 0, validFrom: 0 };
  const fake: FakeGeoServices = {
    url: '',
    requests: [],
    down: false,
    googleKeys: [],
    expireGooglePhotos: () => {
      photos.validFrom = photos.version + 1;
    },
    close: async () => {},
  };
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    let body = '';
    for await (const chunk of req) body += String(chunk);
    fake.requests.push(url.pathname + url.search);
    res.setHeader('Content-Type', 'application/json');
    if (fake.down) {
      res.statusCode = 503;
      res.end('{"error":true,"reason":"down for the test"}');
      return;
    }
    const q = url.searchParams;
    if (url.pathname === '/v1/forecast') {
      const today = new Date();
      const start = q.get('start_date') ?? iso(new Date(today.getTime() - Number(q.get('past_days') ?? 0) * dayMs));
      const end = q.get('end_date') ?? iso(new Date(today.getTime() + (Number(q.get('forecast_days') ?? 7) - 1) * dayMs));
      const dates = datesFrom(start, end);
      res.end(JSON.stringify({ daily: daily(dates, FAKE_WEATHER.forecast), ...(q.get('hourly') ? { hourly: hourly(start, FAKE_WEATHER.forecast.code) } : {}) }));
      return;
    }
    if (url.pathname === '/v1/archive') {
      const start = q.get('start_date') ?? '';
      const dates = datesFrom(start, q.get('end_date') ?? start);
      res.end(JSON.stringify({ daily: daily(dates, FAKE_WEATHER.archive), ...(q.get('hourly') ? { hourly: hourly(start, FAKE_WEATHER.archive.code) } : {}) }));
      return;
    }
    if (url.pathname === '/rates/latest') {
      const from = q.get('from') ?? '';
      const to = q.get('to') ?? '';
      const rate = FAKE_RATES[from]?.[to];
      if (rate === undefined) {
        res.statusCode = 404;
        res.end('{"message":"not found"}');
      } else res.end(JSON.stringify({ amount: 1, base: from, date: '2026-12-01', rates: { [to]: rate } }));
      return;
    }
    if (answerGeo(url, res, fake.url)) return;
    if (answerGoogle(url, req, res, body, fake, photos)) return;
    res.statusCode = 404;
    res.end('{"error":true}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.close = () => new Promise((resolve) => server.close(() => resolve()));
  return fake;
}

/** The environment that points a Waymark server at the fakes. */
export const fakeGeoEnv = (fake: FakeGeoServices) => ({
  OPEN_METEO_URL: fake.url,
  OPEN_METEO_ARCHIVE_URL: fake.url,
  NOMINATIM_URL: fake.url,
  GOOGLE_MAPS_URL: fake.url,
  GOOGLE_MAPS_SHORT_LINK_URL: fake.url,
  WIKIMEDIA_COMMONS_URL: fake.url,
  GOOGLE_PLACES_URL: fake.url,
  BUDGET_RATES_URL: `${fake.url}/rates`,
  OUTBOUND_ALLOW_PRIVATE: 'true',
});

// Local stand-ins for the outside geo and weather services (Open-Meteo forecast and archive), served over real HTTP
// on a random port, so tests run offline and can count requests or take the service down.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** Fixed answers, so tests can assert numbers. */
export const FAKE_WEATHER = {
  forecast: { code: 61, tempMax: 21, tempMin: 12, probability: 80, precipitation: 4.2 },
  archive: { code: 3, tempMax: 18.5, tempMin: 10.5, precipitation: 0 },
};

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
  close(): Promise<void>;
}

/** Answers Open-Meteo's /v1/forecast and /v1/archive (daily and hourly as asked). */
export async function startFakeGeoServices(): Promise<FakeGeoServices> {
  const fake: FakeGeoServices = { url: '', requests: [], down: false, close: async () => {} };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
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
  OUTBOUND_ALLOW_PRIVATE: 'true',
});

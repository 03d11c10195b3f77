// Weather from Open-Meteo (no key): the forecast API for yesterday to 15 days ahead, the archive API for past days
// and for climate averages (the same dates in the three previous years). Base URLs OPEN_METEO_URL and
// OPEN_METEO_ARCHIVE_URL; through the outbound guard, with a timeout and a cache (forecast 1 h, archive 24 h) keyed
// by coordinates rounded to 0.01° (about 1 km).
import type { Config } from '~/env.server';
import { fetchServiceJson, serviceUrl, ttlCache, type OutsideService } from '~/geo/outside-service.server';
import { climateFor, dayFromRow, weatherKind, conditionOf, FORECAST_DAYS, type DailyRow, type DayWeather, type Condition } from './rules';

export type WeatherConfig = Pick<Config, 'openMeteoUrl' | 'openMeteoArchiveUrl' | 'outboundAllowPrivate'>;

export const WEATHER_SERVICE: OutsideService = { label: 'Weather', i18nKey: 'errors.weatherUnavailable', timeoutMs: 8_000 };

const HOUR_MS = 3_600_000;
const FORECAST_TTL = HOUR_MS;
const ARCHIVE_TTL = 24 * HOUR_MS;
const CLIMATE_YEARS = 3;

interface OpenMeteoDaily {
  time?: string[];
  weather_code?: (number | null)[];
  temperature_2m_max?: (number | null)[];
  temperature_2m_min?: (number | null)[];
  precipitation_sum?: (number | null)[];
  precipitation_probability_max?: (number | null)[];
  sunrise?: (string | null)[];
  sunset?: (string | null)[];
  wind_speed_10m_max?: (number | null)[];
}
interface OpenMeteoHourly {
  time?: string[];
  temperature_2m?: (number | null)[];
  precipitation?: (number | null)[];
  precipitation_probability?: (number | null)[];
  weather_code?: (number | null)[];
  wind_speed_10m?: (number | null)[];
  relative_humidity_2m?: (number | null)[];
}
interface OpenMeteoAnswer {
  daily?: OpenMeteoDaily;
  hourly?: OpenMeteoHourly;
}

const dailyCache = ttlCache<DailyRow[]>(500);
const detailCache = ttlCache<DetailedWeather | null>(500);

const coord = (n: number) => n.toFixed(2);
const at = <T>(list: (T | null)[] | undefined, i: number): T | null => list?.[i] ?? null;

function dailyRows(daily: OpenMeteoDaily | undefined): DailyRow[] {
  return (daily?.time ?? []).map((date, i) => ({
    date,
    code: at(daily?.weather_code, i),
    tempMax: at(daily?.temperature_2m_max, i),
    tempMin: at(daily?.temperature_2m_min, i),
    precipitationSum: at(daily?.precipitation_sum, i),
    precipitationProbability: at(daily?.precipitation_probability_max, i),
  }));
}

const DAILY_FIELDS = 'weather_code,temperature_2m_max,temperature_2m_min,precipitation_sum';

/** Yesterday to 15 days ahead, daily. */
async function forecastRows(config: WeatherConfig, lat: number, lng: number) {
  const key = `f:${coord(lat)},${coord(lng)}`;
  const cached = dailyCache.get(config, key);
  if (cached) return cached;
  const url = serviceUrl(WEATHER_SERVICE, config.openMeteoUrl, '/v1/forecast', {
    latitude: coord(lat),
    longitude: coord(lng),
    daily: `${DAILY_FIELDS},precipitation_probability_max`,
    timezone: 'auto',
    past_days: 1,
    forecast_days: FORECAST_DAYS,
  });
  const rows = dailyRows((await fetchServiceJson<OpenMeteoAnswer>(config, WEATHER_SERVICE, url)).daily);
  dailyCache.set(config, key, rows, FORECAST_TTL);
  return rows;
}

/** Daily history from the archive for [start, end]. */
async function archiveRows(config: WeatherConfig, lat: number, lng: number, start: string, end: string) {
  const key = `a:${coord(lat)},${coord(lng)}:${start}:${end}`;
  const cached = dailyCache.get(config, key);
  if (cached) return cached;
  const url = serviceUrl(WEATHER_SERVICE, config.openMeteoArchiveUrl, '/v1/archive', {
    latitude: coord(lat),
    longitude: coord(lng),
    start_date: start,
    end_date: end,
    daily: DAILY_FIELDS,
    timezone: 'auto',
  });
  const rows = dailyRows((await fetchServiceJson<OpenMeteoAnswer>(config, WEATHER_SERVICE, url)).daily);
  dailyCache.set(config, key, rows, ARCHIVE_TTL);
  return rows;
}

/** The three full calendar years before `today`'s year: one archive request per place serves every later date. */
function climateRows(config: WeatherConfig, lat: number, lng: number, today: string) {
  const year = Number(today.slice(0, 4));
  return archiveRows(config, lat, lng, `${year - CLIMATE_YEARS}-01-01`, `${year - 1}-12-31`);
}

/** Weather for each date at one place: forecast, observed or climate, each labelled; null where there is none. */
export async function dailyWeather(config: WeatherConfig, lat: number, lng: number, dates: string[], today: string): Promise<Map<string, DayWeather | null>> {
  const out = new Map<string, DayWeather | null>();
  const kinds = new Map(dates.map((d) => [d, weatherKind(d, today)]));
  const need = (kind: string) => dates.filter((d) => kinds.get(d) === kind);
  if (need('forecast').length) {
    const rows = await forecastRows(config, lat, lng);
    for (const d of need('forecast')) {
      const row = rows.find((r) => r.date === d);
      out.set(d, row ? dayFromRow(row, 'forecast') : null);
    }
  }
  const observed = need('observed').sort();
  if (observed.length) {
    const rows = await archiveRows(config, lat, lng, observed[0], observed[observed.length - 1]);
    for (const d of observed) {
      const row = rows.find((r) => r.date === d);
      out.set(d, row ? dayFromRow(row, 'observed') : null);
    }
  }
  if (need('climate').length) {
    const rows = await climateRows(config, lat, lng, today);
    for (const d of need('climate')) out.set(d, climateFor(d, rows));
  }
  return out;
}

export interface HourWeather {
  /** local time "HH:00" */
  hour: string;
  temp: number | null;
  precipitation: number | null;
  precipitationProbability: number | null;
  condition: Condition;
  wind: number | null;
  humidity: number | null;
}

export interface DetailedWeather extends DayWeather {
  sunrise: string | null;
  sunset: string | null;
  windMax: number | null;
  /** climate: the date of last year whose hours these are */
  hoursFrom: string;
  hourly: HourWeather[];
}

/** Hour by hour for one date at one place: the forecast, or the archive (that date, or for climate the same date a year earlier). */
export async function detailedWeather(config: WeatherConfig, lat: number, lng: number, date: string, today: string): Promise<DetailedWeather | null> {
  const kind = weatherKind(date, today);
  const hoursFrom = kind === 'climate' ? `${Number(date.slice(0, 4)) - 1}${date.slice(4)}`.replace('-02-29', '-02-28') : date;
  const key = `${kind}:${coord(lat)},${coord(lng)}:${hoursFrom}`;
  const cached = detailCache.get(config, key);
  if (cached !== undefined) return cached ? { ...cached, date, kind } : null;
  const forecast = kind === 'forecast';
  const url = serviceUrl(WEATHER_SERVICE, forecast ? config.openMeteoUrl : config.openMeteoArchiveUrl, forecast ? '/v1/forecast' : '/v1/archive', {
    latitude: coord(lat),
    longitude: coord(lng),
    start_date: hoursFrom,
    end_date: hoursFrom,
    timezone: 'auto',
    daily: `${DAILY_FIELDS},sunrise,sunset,wind_speed_10m_max${forecast ? ',precipitation_probability_max' : ''}`,
    hourly: `temperature_2m,precipitation,weather_code,wind_speed_10m,relative_humidity_2m${forecast ? ',precipitation_probability' : ''}`,
  });
  const answer = await fetchServiceJson<OpenMeteoAnswer>(config, WEATHER_SERVICE, url);
  const [row] = dailyRows(answer.daily);
  const day = row ? dayFromRow(row, kind) : null;
  let result: DetailedWeather | null = null;
  if (day) {
    const h = answer.hourly;
    result = {
      ...day,
      date,
      sunrise: at(answer.daily?.sunrise, 0),
      sunset: at(answer.daily?.sunset, 0),
      windMax: at(answer.daily?.wind_speed_10m_max, 0),
      hoursFrom,
      hourly: (h?.time ?? []).map((time, i) => ({
        hour: time.slice(11, 16),
        temp: at(h?.temperature_2m, i),
        precipitation: at(h?.precipitation, i),
        precipitationProbability: forecast ? at(h?.precipitation_probability, i) : null,
        condition: conditionOf(at(h?.weather_code, i)),
        wind: at(h?.wind_speed_10m, i),
        humidity: at(h?.relative_humidity_2m, i),
      })),
    };
  }
  detailCache.set(config, key, result, forecast ? FORECAST_TTL : ARCHIVE_TTL);
  return result;
}

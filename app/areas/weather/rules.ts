// Pure weather rules: WMO weather codes → a condition, which kind of answer a date gets (forecast, observed, climate),
// climate averages from past years, and °C/°F. No I/O.
import { addDays, daysBetween } from '~/domain/dates';

export const CONDITIONS = ['Clear', 'PartlyCloudy', 'Clouds', 'Fog', 'Drizzle', 'Rain', 'Snow', 'Thunderstorm'] as const;
export type Condition = (typeof CONDITIONS)[number];

/** forecast: Open-Meteo's forecast (up to 16 days ahead); observed: what the weather was; climate: averages of past years. */
export type WeatherKind = 'forecast' | 'observed' | 'climate';

/** Days ahead (from today) the forecast covers: today plus 15. */
export const FORECAST_DAYS = 16;

/** A WMO weather code (as Open-Meteo reports it) → condition. Unknown codes count as clouds. */
export function conditionOf(code: number | null | undefined): Condition {
  if (code === 0 || code === 1) return 'Clear';
  if (code === 2) return 'PartlyCloudy';
  if (code === 45 || code === 48) return 'Fog';
  if (code !== null && code !== undefined) {
    if (code >= 51 && code <= 57) return 'Drizzle';
    if ((code >= 61 && code <= 67) || (code >= 80 && code <= 82)) return 'Rain';
    if ((code >= 71 && code <= 77) || code === 85 || code === 86) return 'Snow';
    if (code >= 95 && code <= 99) return 'Thunderstorm';
  }
  return 'Clouds';
}

/** English descriptions (the MCP default; the UI translates the condition itself). */
export const CONDITION_TEXT: Record<Condition, string> = {
  Clear: 'Clear sky',
  PartlyCloudy: 'Partly cloudy',
  Clouds: 'Cloudy',
  Fog: 'Fog',
  Drizzle: 'Drizzle',
  Rain: 'Rain',
  Snow: 'Snow',
  Thunderstorm: 'Thunderstorm',
};

/** Which answer a date gets, seen from `today`: yesterday to 15 days ahead forecast, earlier observed, later climate. */
export function weatherKind(date: string, today: string): WeatherKind {
  const ahead = daysBetween(today, date);
  if (ahead < -1) return 'observed';
  if (ahead < FORECAST_DAYS) return 'forecast';
  return 'climate';
}

export interface DailyRow {
  date: string;
  code: number | null;
  tempMax: number | null;
  tempMin: number | null;
  precipitationSum: number | null;
  /** %; null when the source has none (the archive) */
  precipitationProbability: number | null;
}

/** One day's weather as procedures return it: temperatures in °C, precipitation in mm, probability in %. */
export interface DayWeather {
  date: string;
  kind: WeatherKind;
  condition: Condition;
  description: string;
  tempMax: number;
  tempMin: number;
  /** mean of max and min */
  temp: number;
  precipitationSum: number | null;
  /** chance of rain in %: the forecast's maximum, or for climate the share of past days with rain */
  precipitationProbability: number | null;
  /** climate only: the years the averages come from */
  years?: number[];
}

const round1 = (n: number) => Math.round(n * 10) / 10;

export function dayFromRow(row: DailyRow, kind: WeatherKind): DayWeather | null {
  if (row.tempMax === null || row.tempMin === null) return null;
  const condition = conditionOf(row.code);
  return {
    date: row.date,
    kind,
    condition,
    description: CONDITION_TEXT[condition],
    tempMax: round1(row.tempMax),
    tempMin: round1(row.tempMin),
    temp: round1((row.tempMax + row.tempMin) / 2),
    precipitationSum: row.precipitationSum === null ? null : round1(row.precipitationSum),
    precipitationProbability: row.precipitationProbability,
  };
}

/** Days with at least this much precipitation count as rainy in climate averages. */
const RAINY_MM = 1;
/** Days either side of the date that climate averages take in, in every past year. */
export const CLIMATE_WINDOW = 3;

/** The month-day (MM-DD) of `date` shifted by `offset` days, to match the same window in other years. */
const monthDay = (date: string, offset: number) => addDays(date, offset).slice(5);

/** Averages over the same ±3-day window of the past years' rows; null when the rows cover none of it. */
export function climateFor(date: string, rows: DailyRow[]): DayWeather | null {
  const window = new Set(Array.from({ length: CLIMATE_WINDOW * 2 + 1 }, (_, i) => monthDay(date, i - CLIMATE_WINDOW)));
  const days = rows.filter((r) => window.has(r.date.slice(5)) && r.tempMax !== null && r.tempMin !== null);
  if (days.length === 0) return null;
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  const tempMax = mean(days.map((d) => d.tempMax!));
  const tempMin = mean(days.map((d) => d.tempMin!));
  const withRain = days.filter((d) => d.precipitationSum !== null);
  const rainy = withRain.filter((d) => d.precipitationSum! >= RAINY_MM).length;
  const probability = withRain.length ? Math.round((rainy / withRain.length) * 100) : null;
  const condition: Condition =
    probability !== null && probability >= 50 ? (tempMax < 1 ? 'Snow' : 'Rain') : probability !== null && probability >= 25 ? 'PartlyCloudy' : 'Clear';
  return {
    date,
    kind: 'climate',
    condition,
    description: CONDITION_TEXT[condition],
    tempMax: round1(tempMax),
    tempMin: round1(tempMin),
    temp: round1((tempMax + tempMin) / 2),
    precipitationSum: withRain.length ? round1(mean(withRain.map((d) => d.precipitationSum!))) : null,
    precipitationProbability: probability,
    years: [...new Set(days.map((d) => Number(d.date.slice(0, 4))))].sort(),
  };
}

export type TemperatureUnit = 'celsius' | 'fahrenheit';
export const TEMPERATURE_UNITS = ['celsius', 'fahrenheit'] as const;

/** Regions that read temperatures in °F. */
const FAHRENHEIT_REGIONS = new Set(['US', 'LR', 'MM', 'BS', 'BZ', 'KY', 'PW', 'FM', 'MH', 'PR', 'GU', 'VI', 'AS', 'MP']);

/** The unit a locale ("en-US", "de-DE", "en") reads by default: °F only where the region uses it. */
export function defaultTemperatureUnit(locale: string | null | undefined): TemperatureUnit {
  const region = locale?.split(/[-_]/)[1]?.toUpperCase();
  return region && FAHRENHEIT_REGIONS.has(region) ? 'fahrenheit' : 'celsius';
}

/** A °C value in the wanted unit, rounded to whole degrees for display. */
export function displayTemperature(celsius: number, unit: TemperatureUnit) {
  return Math.round(unit === 'fahrenheit' ? (celsius * 9) / 5 + 32 : celsius);
}

/** °C → the wanted unit, to one decimal (what tools answer; the UI rounds with displayTemperature). */
export const inUnit = (celsius: number, unit: TemperatureUnit) => (unit === 'fahrenheit' ? Math.round(((celsius * 9) / 5 + 32) * 10) / 10 : celsius);

/** A day (or a detailed day with its hours) with every temperature in the wanted unit. */
export function withTemperatureUnit<W extends DayWeather & { hourly?: Array<{ temp: number | null }> }>(weather: W, unit: TemperatureUnit): W {
  if (unit === 'celsius') return weather;
  return {
    ...weather,
    tempMax: inUnit(weather.tempMax, unit),
    tempMin: inUnit(weather.tempMin, unit),
    temp: inUnit(weather.temp, unit),
    ...(weather.hourly ? { hourly: weather.hourly.map((h) => ({ ...h, temp: h.temp === null ? null : inUnit(h.temp, unit) })) } : {}),
  };
}

/** What a weather answer says about its numbers. */
export const weatherUnits = (unit: TemperatureUnit) => ({
  temperature: unit === 'fahrenheit' ? ('°F' as const) : ('°C' as const),
  precipitation: 'mm' as const,
  windSpeed: 'km/h' as const,
  probability: '%' as const,
});

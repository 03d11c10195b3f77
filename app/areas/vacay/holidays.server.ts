// Public holidays from the offline `date-holidays` data (no internet): countries and their regions, and the public
// holidays of a country or region in a year, named in the reader's language where the data has that name.
import { createRequire } from 'node:module';
import type Holidays from 'date-holidays';

// Loaded on first use, not at start-up: importing date-holidays and its data is about a quarter second of CPU that every
// start paid before a page needed it (docs/decisions/036-mcp-and-start-up-speed.md).
let holidaysClass: typeof Holidays | undefined;
const HolidaysOf = () => (holidaysClass ??= createRequire(import.meta.url)('date-holidays') as typeof Holidays);

/** date-holidays speaks two-letter languages ("pt", "zh"); Waymark's locales may carry a country ("pt-BR"). */
export const holidayLanguage = (language: string) => language.toLowerCase().split('-')[0];

export interface PublicHoliday {
  date: string;
  /** in the reader's language when the data has it, else in the country's own language */
  name: string;
  /** in the country's own language */
  localName: string;
}

/** "DE" or "DE-BY" → its parts; the region code is upper-cased. */
export function splitRegion(region: string) {
  const [country, state] = region.trim().toUpperCase().split('-', 2);
  return { country, state: state || undefined };
}

let countriesCache: Record<string, string> | null = null;

/** Whether date-holidays knows the country (and region, when one is given). */
export function regionExists(region: string) {
  const { country, state } = splitRegion(region);
  countriesCache ??= new (HolidaysOf())().getCountries('en') ?? {};
  if (!/^[A-Z]{2}$/.test(country) || !countriesCache[country]) return false;
  if (!state) return true;
  const states = new (HolidaysOf())().getStates(country, 'en') ?? {};
  return state in states;
}

export function listCountries(language: string) {
  const names = new (HolidaysOf())().getCountries(holidayLanguage(language)) ?? {};
  return Object.entries(names)
    .map(([countryCode, name]) => ({ countryCode, name }))
    .sort((a, b) => a.name.localeCompare(b.name, language));
}

export function listRegions(country: string, language: string) {
  const names = new (HolidaysOf())().getStates(country.toUpperCase(), holidayLanguage(language)) ?? {};
  return Object.entries(names)
    .map(([code, name]) => ({ region: `${country.toUpperCase()}-${code}`, name }))
    .sort((a, b) => a.name.localeCompare(b.name, language));
}

const calendars = new Map<string, Holidays>();
const yearCache = new Map<string, PublicHoliday[]>();

function calendarOf(region: string) {
  let calendar = calendars.get(region);
  if (!calendar) {
    const { country, state } = splitRegion(region);
    calendar = state ? new (HolidaysOf())(country, state) : new (HolidaysOf())(country);
    calendars.set(region, calendar);
  }
  return calendar;
}

/** The public (day-off) holidays of a country or region in a year, one per date, sorted. Unknown regions give []. */
export function publicHolidays(region: string, year: number, language: string): PublicHoliday[] {
  const key = `${region}|${year}|${holidayLanguage(language)}`;
  const cached = yearCache.get(key);
  if (cached) return cached;
  if (!regionExists(region)) return [];
  const calendar = calendarOf(splitRegion(region).state ? region.toUpperCase() : splitRegion(region).country);
  const local = calendar.getHolidays(year).filter((h) => h.type === 'public');
  const translated = calendar.getHolidays(year, holidayLanguage(language)).filter((h) => h.type === 'public');
  const byDate = new Map<string, PublicHoliday>();
  local.forEach((h, i) => {
    const date = h.date.slice(0, 10);
    if (byDate.has(date)) return;
    byDate.set(date, { date, localName: h.name, name: translated[i]?.name ?? h.name });
  });
  const result = [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
  if (yearCache.size > 2000) yearCache.clear();
  yearCache.set(key, result);
  return result;
}

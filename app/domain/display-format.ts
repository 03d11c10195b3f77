// The one place times, dates with times and distances are turned into text, so that each follows the user's
// 12/24-hour clock and distance unit (decision 033). Pure; components get the preferences from useDisplay().
import type { DistanceUnit, TimeFormat } from './display-preferences';

/** The Intl option for a clock; undefined leaves the language's own. */
const hourCycle = (format: TimeFormat | undefined) =>
  !format ? { hour: 'numeric' as const } : format === '12h' ? { hour: 'numeric' as const, hourCycle: 'h12' as const } : { hour: '2-digit' as const, hourCycle: 'h23' as const };

/** A wall-clock "14:30" (as stored) in the user's clock: "2:30 PM" or "14:30". Text that is not HH:MM is left as is. */
export function formatClockTime(hm: string, language: string, format: TimeFormat | undefined): string {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hm.trim());
  if (!m) return hm;
  const date = new Date(Date.UTC(2000, 0, 1, Number(m[1]), Number(m[2])));
  return new Intl.DateTimeFormat(language, { ...hourCycle(format), minute: '2-digit', timeZone: 'UTC' }).format(date);
}

/** An instant's time (and, unless withDate is false, its short date) in a zone: "Sat, 2 May, 7:30 PM". */
export function formatInstantInZone(instant: string | Date, zone: string | undefined, language: string, format: TimeFormat | undefined, withDate = true): string {
  return new Intl.DateTimeFormat(language, {
    ...(zone ? { timeZone: zone } : {}),
    ...(withDate ? { weekday: 'short', day: 'numeric', month: 'short' } : {}),
    ...hourCycle(format),
    minute: '2-digit',
  }).format(new Date(instant));
}

/** A moment with its date ("2 May 2027, 19:30"), in the reader's zone: chat messages, tokens, notes. */
export function formatDateTime(instant: string | Date, language: string, format: TimeFormat | undefined): string {
  return new Intl.DateTimeFormat(language, { day: 'numeric', month: 'short', year: 'numeric', ...hourCycle(format), minute: '2-digit' }).format(new Date(instant));
}

const METRES_PER_MILE = 1609.344;

/**
 * A distance in metres in the user's unit and the app language's digits and decimal sign: "12.4 km", "7.7 mi",
 * "12,4 km"; one decimal below 100 (as route planners show), none above; under 1 km (or 0.1 mi) in m / ft.
 */
export function formatDistance(metres: number, language: string, unit: DistanceUnit): string {
  const number = (value: number, u: 'kilometer' | 'meter' | 'mile' | 'foot', digits: number) =>
    new Intl.NumberFormat(language, { style: 'unit', unit: u, unitDisplay: 'short', maximumFractionDigits: digits }).format(value);
  if (unit === 'mi') {
    const miles = metres / METRES_PER_MILE;
    return miles < 0.1 ? number(Math.round(metres * 3.28084), 'foot', 0) : number(miles, 'mile', miles < 100 ? 1 : 0);
  }
  return metres < 1000 ? number(Math.round(metres), 'meter', 0) : number(metres / 1000, 'kilometer', metres < 100_000 ? 1 : 0);
}

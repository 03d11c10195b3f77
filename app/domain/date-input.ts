// Typing and showing dates and times in the app language rather than the browser's (decision 033): "24.12.2027" in
// German, "12/24/2027" in English, "2:30 PM" or "14:30" by the user's clock. Values stay YYYY-MM-DD and HH:mm.
import type { TimeFormat } from './display-preferences';
import { formatClockTime } from './display-format';

/** Arabic-Indic and Persian digits → ASCII, so a date typed with either keyboard parses. */
const asciiDigits = (text: string) => text.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (d) => String((d.charCodeAt(0) & 0xf) % 10));
const latn = (language: string) => `${language}-u-nu-latn`;
const pad = (n: number) => String(n).padStart(2, '0');

/** Which of day, month, year come first in the language ("de" → day month year, "en" → month day year). */
export function dateOrder(language: string): Array<'day' | 'month' | 'year'> {
  const parts = new Intl.DateTimeFormat(latn(language), { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' }).formatToParts(new Date(Date.UTC(2027, 11, 24)));
  return parts.filter((p) => p.type === 'day' || p.type === 'month' || p.type === 'year').map((p) => p.type as 'day' | 'month' | 'year');
}

/** "2027-12-24" → "24.12.2027" (de), "12/24/2027" (en); "" stays "". */
export function formatDateInput(iso: string, language: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return new Intl.DateTimeFormat(latn(language), { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' }).format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))));
}

/** What a person typed → "YYYY-MM-DD", or null when it is not a real date. ISO input is always understood. */
export function parseDateInput(text: string, language: string): string | null {
  const clean = asciiDigits(text).trim();
  if (!clean) return null;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(clean);
  const numbers = iso ? [iso[1], iso[2], iso[3]].map(Number) : (clean.match(/\d+/g) ?? []).map(Number);
  if (numbers.length !== 3) return null;
  const order = iso ? (['year', 'month', 'day'] as const) : dateOrder(language);
  const at = (type: 'day' | 'month' | 'year') => numbers[order.indexOf(type)];
  let year = at('year');
  if (year < 100) year += 2000;
  const [month, day] = [at('month'), at('day')];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1000 || year > 9999 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** The language's words for AM and PM ("vorm."/"nachm.", "ص"/"م"), lower-cased. */
function dayPeriods(language: string) {
  const word = (hour: number) =>
    new Intl.DateTimeFormat(latn(language), { hour: 'numeric', hourCycle: 'h12', timeZone: 'UTC' })
      .formatToParts(new Date(Date.UTC(2000, 0, 1, hour)))
      .find((p) => p.type === 'dayPeriod')
      ?.value.toLowerCase()
      .replace(/\s|\./g, '');
  return { am: [word(1), 'am', 'a'].filter(Boolean) as string[], pm: [word(13), 'pm', 'p'].filter(Boolean) as string[] };
}

export const formatTimeInput = (hm: string, language: string, format: TimeFormat) => (hm ? formatClockTime(hm, latn(language), format) : '');

/** "2:30 PM", "14:30", "1430", "下午2:30" → "14:30", or null. */
export function parseTimeInput(text: string, language: string): string | null {
  const clean = asciiDigits(text).trim().toLowerCase();
  // the day period comes after the time in most languages, before it in some ("下午2:30", "du. 2:30")
  const m = /^(\D*?)\s*(\d{1,2})(?:[:.h ]?(\d{2}))?\s*(\D*)$/.exec(clean);
  if (!m) return null;
  let hour = Number(m[2]);
  const minute = m[3] === undefined ? 0 : Number(m[3]);
  const suffix = (m[1] || m[4]).replace(/\s|\./g, '');
  if (suffix) {
    const { am, pm } = dayPeriods(language);
    const isPm = pm.includes(suffix);
    if (!isPm && !am.includes(suffix)) return null;
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (isPm ? 12 : 0);
  }
  if (hour > 23 || minute > 59) return null;
  return `${pad(hour)}:${pad(minute)}`;
}

/** The month's days in rows of seven from `weekStartDay` (0 Sunday … 6 Saturday); null fills the gaps. */
export function monthGrid(year: number, month: number, weekStartDay: number): (string | null)[][] {
  const lead = (new Date(Date.UTC(year, month, 1)).getUTCDay() - weekStartDay + 7) % 7;
  const days = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const cells = [...Array<null>(lead).fill(null), ...Array.from({ length: days }, (_, i) => `${year}-${pad(month + 1)}-${pad(i + 1)}`)];
  while (cells.length % 7) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
}

/** An ISO date moved by days (or months, clamped to the month's end). */
export function shiftDate(iso: string, by: { days?: number; months?: number }): string {
  const [y, m, d] = iso.split('-').map(Number);
  if (by.months) {
    const last = new Date(Date.UTC(y, m - 1 + by.months + 1, 0)).getUTCDate();
    const date = new Date(Date.UTC(y, m - 1 + by.months, Math.min(d, last)));
    return date.toISOString().slice(0, 10);
  }
  return new Date(Date.UTC(y, m - 1, d + (by.days ?? 0))).toISOString().slice(0, 10);
}

/** A `datetime-local` value ("2027-12-24T14:30", seconds dropped) → its date and time; anything else → both ''. */
export function splitDateTime(value: string): { date: string; time: string } {
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?$/.exec(value.trim());
  return m ? { date: m[1], time: m[2] } : { date: '', time: '' };
}

/** A date and a time → "YYYY-MM-DDTHH:mm", or '' unless both are there (what a `datetime-local` input gives). */
export const joinDateTime = (date: string, time: string) => (date && time ? `${date}T${time}` : '');

// The year calendar's pure parts: the weeks of a month from a week start, and the week start of a language.
import { datesInRange } from '~/domain/dates';

const pad = (n: number) => String(n).padStart(2, '0');
export const isoOf = (year: number, month: number, day: number) => `${year}-${pad(month + 1)}-${pad(day)}`;

/** The month's dates in rows of seven, starting on `weekStart` (0 Sunday, 1 Monday); null fills the gaps. */
export function monthWeeks(year: number, month: number, weekStart: number): (string | null)[][] {
  const first = new Date(Date.UTC(year, month, 1));
  const days = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const lead = (first.getUTCDay() - weekStart + 7) % 7;
  const cells: (string | null)[] = [...Array<null>(lead).fill(null), ...Array.from({ length: days }, (_, i) => isoOf(year, month, i + 1))];
  while (cells.length % 7) cells.push(null);
  const weeks: (string | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/** The first day of the week in a language ("de" → 1 Monday, "en-US" → 0 Sunday, "ar-EG" → 6 Saturday), from Intl. */
export function weekStartOf(language: string): number {
  try {
    const locale = new Intl.Locale(language) as Intl.Locale & { weekInfo?: { firstDay: number }; getWeekInfo?: () => { firstDay: number } };
    const info = locale.getWeekInfo?.() ?? locale.weekInfo;
    if (info) return info.firstDay % 7;
  } catch {
    // an unknown tag: fall through
  }
  return /^(en|pt-BR|zh-TW|he|ja)\b/.test(language) && !/^en-GB/.test(language) ? 0 : 1;
}

/** Every date from a to b inclusive, whichever comes first. */
export function dateSpan(a: string, b: string): string[] {
  const [start, end] = a <= b ? [a, b] : [b, a];
  return datesInRange(start, end);
}

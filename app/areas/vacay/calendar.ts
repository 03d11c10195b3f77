// The year calendar's pure parts (a month's weeks are `monthGrid` in ~/domain/date-input, shared with the date picker).
import { datesInRange } from '~/domain/dates';

/** Every date from a to b inclusive, whichever comes first. */
export function dateSpan(a: string, b: string): string[] {
  const [start, end] = a <= b ? [a, b] : [b, a];
  return datesInRange(start, end);
}

// Formatting trip dates and lengths in the user's locale with Intl (dates are calendar days, so always read in UTC).

/** Node's and the browser's ICU differ in the spaces they use (thin, narrow no-break); plain spaces keep SSR and hydration equal. */
function plainSpaces(text: string) {
  return text.replace(/[\u00a0\u2009\u202f]/g, ' ');
}

/** A calendar date ("2026-05-03") as midnight UTC, for formatting with timeZone UTC. */
export function utcDate(iso: string) {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

/** "May 3 – 7, 2026" (or the locale's equivalent); null when the trip has no dates. */
export function formatDateRange(startDate: string | null, endDate: string | null, locale: string) {
  if (!startDate || !endDate) return null;
  const format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const start = utcDate(startDate);
  const end = utcDate(endDate);
  if (start.getTime() === end.getTime()) return plainSpaces(format.format(start));
  return plainSpaces(format.formatRange(start, end));
}

/** "3 days" with the locale's own plural rules. */
export function formatDayCount(count: number, locale: string) {
  return plainSpaces(new Intl.NumberFormat(locale, { style: 'unit', unit: 'day', unitDisplay: 'long' }).format(count));
}

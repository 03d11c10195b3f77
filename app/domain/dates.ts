// Calendar dates as YYYY-MM-DD strings, computed in UTC so no time zone shifts a day.

const DAY_MS = 86_400_000;
export const MAX_TRIP_DAYS = 366;

export function isIsoDate(value: string) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

export function toIsoDate(date: Date) {
  return date.toISOString().slice(0, 10);
}

export function fromIsoDate(value: string) {
  return new Date(`${value}T00:00:00Z`);
}

/** Every date from start to end inclusive. */
export function datesInRange(start: string, end: string): string[] {
  const out: string[] = [];
  for (let t = fromIsoDate(start).getTime(); t <= fromIsoDate(end).getTime(); t += DAY_MS) out.push(toIsoDate(new Date(t)));
  return out;
}

export function daysBetween(start: string, end: string) {
  return Math.round((fromIsoDate(end).getTime() - fromIsoDate(start).getTime()) / DAY_MS);
}

export function addDays(date: string, days: number) {
  return toIsoDate(new Date(fromIsoDate(date).getTime() + days * DAY_MS));
}

/**
 * Plans how a trip's dated days change when its range changes: kept dates keep their day (and everything on it),
 * new dates get a new day, dates outside the new range are dropped.
 */
export function planDayChanges(existing: { id: number; date: string | null }[], start: string | null, end: string | null) {
  const wanted = start && end ? datesInRange(start, end) : [];
  const byDate = new Map(existing.filter((d) => d.date).map((d) => [d.date!, d.id]));
  const keep = wanted.filter((d) => byDate.has(d));
  const create = wanted.filter((d) => !byDate.has(d));
  const drop = existing.filter((d) => d.date !== null && !wanted.includes(d.date)).map((d) => d.id);
  return { wanted, keep, create, drop };
}

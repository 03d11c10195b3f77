// Vacay's pure rules: which days may be booked, which booked days count against the allowance, and the yearly
// figures with carry-over derived from the years before (computed on every read, never stored).
import { fromIsoDate } from '~/domain/dates';

export const DEFAULT_VACATION_DAYS = 30;
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;
export const DEFAULT_CALENDAR_COLOR = '#fecaca';

/** Colours a new plan gets, by user id, so two new people do not start with the same one. */
export const PERSON_COLORS = ['#6366f1', '#ec4899', '#14b8a6', '#f59e0b', '#8b5cf6', '#10b981', '#ef4444', '#0ea5e9'] as const;
export const defaultColorFor = (userId: number) => PERSON_COLORS[userId % PERSON_COLORS.length];

export interface DayRules {
  blockWeekends: boolean;
  /** 0 = Sunday … 6 = Saturday */
  weekendDays: number[];
  companyHolidaysEnabled: boolean;
  holidaysEnabled: boolean;
}

/** 0 = Sunday … 6 = Saturday, in UTC (dates carry no time zone). */
export const weekdayOf = (date: string) => fromIsoDate(date).getUTCDay();

export type BlockReason = 'weekend' | 'companyHoliday';

/** Why a day cannot be booked, or null: weekends while blocking is on, company holidays while they are on. */
export function bookingBlockedBy(date: string, rules: DayRules, companyHolidays: ReadonlySet<string>): BlockReason | null {
  if (rules.blockWeekends && rules.weekendDays.includes(weekdayOf(date))) return 'weekend';
  if (rules.companyHolidaysEnabled && companyHolidays.has(date)) return 'companyHoliday';
  return null;
}

/**
 * Whether a booked day uses up allowance: not on a weekend (while weekends are blocked), a company holiday (while
 * on) or a public holiday (while on). Such entries are kept, just not counted, so changing a setting never deletes days.
 */
export function countsAgainstAllowance(date: string, rules: DayRules, companyHolidays: ReadonlySet<string>, publicHolidays: ReadonlySet<string>) {
  if (bookingBlockedBy(date, rules, companyHolidays)) return false;
  return !(rules.holidaysEnabled && publicHolidays.has(date));
}

export interface YearFigures {
  year: number;
  vacationDays: number;
  carriedOver: number;
  totalAvailable: number;
  used: number;
  remaining: number;
}

/**
 * The figures of one person for every plan year up to `year`: carry-over into a year is what remained of the plan
 * year just before it (never below 0), when carry-over is on and that year is on the plan.
 */
export function yearFigures(input: {
  year: number;
  planYears: number[];
  carryOverEnabled: boolean;
  allowance: (year: number) => number;
  used: (year: number) => number;
}): YearFigures {
  const chain = [...new Set(input.planYears)].filter((y) => y < input.year).sort((a, b) => a - b);
  let previous: YearFigures | null = null;
  for (const y of [...chain, input.year]) {
    const carriedOver: number = input.carryOverEnabled && previous !== null && previous.year === y - 1 ? Math.max(0, previous.remaining) : 0;
    const vacationDays = input.allowance(y);
    const totalAvailable = vacationDays + carriedOver;
    const used = input.used(y);
    previous = { year: y, vacationDays, carriedOver, totalAvailable, used, remaining: totalAvailable - used };
  }
  return previous!;
}

/** A year's dates as [first, after-last) for range queries. */
export const yearRange = (year: number) => ({ gte: fromIsoDate(`${year}-01-01`), lt: fromIsoDate(`${year + 1}-01-01`) });

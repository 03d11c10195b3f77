import { describe, expect, it } from 'vitest';
import { bookingBlockedBy, countsAgainstAllowance, yearFigures, type DayRules } from './rules';

const rules: DayRules = { blockWeekends: true, weekendDays: [0, 6], companyHolidaysEnabled: true, holidaysEnabled: true };

describe('vacay rules', () => {
  it('blocks weekend days and company holidays only while their switches are on', () => {
    expect(bookingBlockedBy('2026-05-02', rules, new Set())).toBe('weekend'); // a Saturday
    expect(bookingBlockedBy('2026-05-04', rules, new Set(['2026-05-04']))).toBe('companyHoliday');
    expect(bookingBlockedBy('2026-05-02', { ...rules, blockWeekends: false }, new Set())).toBeNull();
    expect(bookingBlockedBy('2026-05-04', { ...rules, companyHolidaysEnabled: false }, new Set(['2026-05-04']))).toBeNull();
    expect(bookingBlockedBy('2026-05-01', { ...rules, weekendDays: [5] }, new Set())).toBe('weekend'); // a Friday
  });

  it('does not count public holidays while they are shown', () => {
    expect(countsAgainstAllowance('2026-05-01', rules, new Set(), new Set(['2026-05-01']))).toBe(false);
    expect(countsAgainstAllowance('2026-05-01', { ...rules, holidaysEnabled: false }, new Set(), new Set(['2026-05-01']))).toBe(true);
  });

  it('carries over what remained of the plan year just before, never below zero', () => {
    const used = new Map([[2025, 25], [2026, 40]]);
    const figures = (year: number, planYears: number[], carryOverEnabled = true) =>
      yearFigures({ year, planYears, carryOverEnabled, allowance: () => 30, used: (y) => used.get(y) ?? 0 });
    expect(figures(2026, [2025, 2026])).toMatchObject({ carriedOver: 5, totalAvailable: 35, used: 40, remaining: -5 });
    expect(figures(2027, [2025, 2026, 2027])).toMatchObject({ carriedOver: 0, totalAvailable: 30 });
    expect(figures(2026, [2025, 2026], false)).toMatchObject({ carriedOver: 0, remaining: -10 });
    expect(figures(2027, [2025, 2027])).toMatchObject({ carriedOver: 0 }); // 2026 is not on the plan
  });
});

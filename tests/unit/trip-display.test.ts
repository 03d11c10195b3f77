// How the dashboard shows a trip: date ranges and lengths in the user's language, avatar initials and colours,
// and the currency offered by default.
import { describe, expect, it } from 'vitest';
import { formatDateRange, formatDayCount } from '~/areas/trips/format';
import { currencyOptions, defaultCurrencyFor } from '~/areas/trips/currencies';
import { colorOf, initialsOf } from '~/components/ui/Avatar';

describe('trip dates', () => {
  it('formats a range in the user’s language with plain spaces', () => {
    expect(formatDateRange('2027-09-04', '2027-09-07', 'en')).toBe('Sep 4 – 7, 2027');
    expect(formatDateRange('2027-09-04', '2027-09-07', 'de')).toBe('04.–07.09.2027');
  });
  it('shows a one-day trip as a single date and a trip without dates as nothing', () => {
    expect(formatDateRange('2027-06-01', '2027-06-01', 'en')).toBe('Jun 1, 2027');
    expect(formatDateRange(null, null, 'en')).toBeNull();
  });
  it('reads dates as calendar days whatever the time zone (no day shift)', () => {
    expect(formatDateRange('2027-01-01', '2027-01-02', 'en')).toBe('Jan 1 – 2, 2027');
  });
  it('counts days with the language’s plural rules', () => {
    expect(formatDayCount(1, 'en')).toBe('1 day');
    expect(formatDayCount(5, 'ru')).toBe('5 дней');
  });
});

describe('avatars', () => {
  it('takes the first letters of the first and last name', () => {
    expect(initialsOf('Ada Lovelace')).toBe('AL');
    expect(initialsOf('Ada King Lovelace')).toBe('AL');
    expect(initialsOf('bob')).toBe('B');
    expect(initialsOf('  ')).toBe('?');
  });
  it('gives the same name the same colour', () => {
    expect(colorOf('Ada Lovelace')).toBe(colorOf('Ada Lovelace'));
    expect(colorOf('Ada Lovelace')).toMatch(/^bg-/);
  });
});

describe('currencies', () => {
  it('defaults to the currency of the user’s language, else EUR', () => {
    expect(defaultCurrencyFor('pl')).toBe('PLN');
    expect(defaultCurrencyFor('en')).toBe('EUR');
  });
  it('keeps an uncommon currency of an existing trip selectable', () => {
    expect(currencyOptions('MNT')[0]).toBe('MNT');
    expect(currencyOptions('EUR').filter((c) => c === 'EUR')).toHaveLength(1);
  });
});

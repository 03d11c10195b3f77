// Display preferences: the defaults each language's region gives, the user's choice over them, and the one formatter.
import { describe, expect, it } from 'vitest';
import { displayPreferencesOf, regionalLocale, resolveDisplay } from '~/domain/display-preferences';
import { formatClockTime, formatDateTime, formatDistance, formatInstantInZone } from '~/domain/display-format';
import { LANGUAGE_CODES } from '~/i18n/config';

describe('defaults from the language’s region', () => {
  // What decision 033 records for the fifteen languages (bare "en" is en-US by the likely-region convention).
  const expected: Record<string, [time: string, week: string, distance: string, temperature: string]> = {
    en: ['12h', 'sunday', 'mi', 'fahrenheit'],
    de: ['24h', 'monday', 'km', 'celsius'],
    es: ['24h', 'monday', 'km', 'celsius'],
    fr: ['24h', 'monday', 'km', 'celsius'],
    it: ['24h', 'monday', 'km', 'celsius'],
    nl: ['24h', 'monday', 'km', 'celsius'],
    'pt-BR': ['24h', 'sunday', 'km', 'celsius'],
    cs: ['24h', 'monday', 'km', 'celsius'],
    pl: ['24h', 'monday', 'km', 'celsius'],
    hu: ['24h', 'monday', 'km', 'celsius'],
    ru: ['24h', 'monday', 'km', 'celsius'],
    'zh-CN': ['24h', 'monday', 'km', 'celsius'],
    'zh-TW': ['12h', 'sunday', 'km', 'celsius'],
    ar: ['12h', 'saturday', 'km', 'celsius'],
    id: ['24h', 'sunday', 'km', 'celsius'],
  };
  it.each(LANGUAGE_CODES)('%s', (language) => {
    const d = resolveDisplay(null, language);
    expect([d.timeFormat, d.weekStart, d.distanceUnit, d.temperatureUnit]).toEqual(expected[language]);
    expect(d.theme).toBe('system');
  });

  it('a browser region of the same language decides, another language’s does not', () => {
    expect(regionalLocale('en', 'en-GB,en;q=0.9')).toBe('en-GB');
    expect(resolveDisplay(null, regionalLocale('en', 'en-GB,en;q=0.9'))).toMatchObject({ timeFormat: '24h', weekStart: 'monday', distanceUnit: 'mi', temperatureUnit: 'celsius' });
    expect(regionalLocale('de', 'en-US,de-AT;q=0.8')).toBe('de-AT');
    expect(regionalLocale('de', 'fr-FR')).toBe('de');
    expect(regionalLocale('pt-BR', 'pt-PT')).toBe('pt-BR');
    expect(regionalLocale('en', null)).toBe('en');
  });

  it('the user’s choices win, one by one; unknown stored values count as unset', () => {
    const prefs = displayPreferencesOf({ theme: 'dark', timeFormat: '24h', weekStart: 'saturday', distanceUnit: 'parsecs', temperatureUnit: null });
    expect(prefs).toEqual({ theme: 'dark', timeFormat: '24h', weekStart: 'saturday', distanceUnit: null, temperatureUnit: null });
    expect(resolveDisplay(prefs, 'en')).toMatchObject({ theme: 'dark', timeFormat: '24h', weekStart: 'saturday', weekStartDay: 6, distanceUnit: 'mi', temperatureUnit: 'fahrenheit' });
  });
});

describe('formatter', () => {
  it('clock times follow the chosen 12/24-hour clock in any language', () => {
    expect(formatClockTime('14:30', 'en', '12h')).toBe('2:30 PM');
    expect(formatClockTime('14:30', 'en', '24h')).toBe('14:30');
    expect(formatClockTime('09:05', 'de', '24h')).toBe('09:05');
    expect(formatClockTime('14:30', 'de', '12h')).toMatch(/^2:30\sPM$/);
    expect(formatClockTime('00:15', 'en', '12h')).toBe('12:15 AM');
    expect(formatClockTime('later', 'en', '12h')).toBe('later');
  });

  it('an instant shows in its zone on the reader’s clock', () => {
    // Lisbon is UTC+1 in May.
    expect(formatInstantInZone('2027-05-02T17:30:00Z', 'Europe/Lisbon', 'en', '12h', false)).toBe('6:30 PM');
    expect(formatInstantInZone('2027-05-02T17:30:00Z', 'Europe/Lisbon', 'en', '24h', false)).toBe('18:30');
    expect(formatInstantInZone('2027-05-02T17:30:00Z', 'Europe/Lisbon', 'en-GB', '24h')).toBe('Sun 2 May, 18:30');
    // on the reader's own clock (whatever zone this process runs in): a 12-hour time
    expect(formatDateTime('2027-05-02T17:30:00Z', 'en', '12h')).toMatch(/ \d{1,2}:\d{2} [AP]M$/);
  });

  it('distances in km or miles, small ones in m or ft', () => {
    expect(formatDistance(12_400, 'en', 'km')).toBe('12.4 km');
    expect(formatDistance(125_400, 'en', 'km')).toBe('125 km');
    expect(formatDistance(4_250, 'en', 'km')).toBe('4.3 km');
    expect(formatDistance(4_250, 'de', 'km')).toBe('4,3 km');
    expect(formatDistance(640, 'en', 'km')).toBe('640 m');
    expect(formatDistance(12_400, 'en', 'mi')).toBe('7.7 mi');
    expect(formatDistance(100, 'en', 'mi')).toBe('328 ft');
  });
});

describe('distances in the app language and the user’s unit', () => {
  it('a route in km and in miles', () => {
    expect(formatDistance(12_400, 'en', 'km')).toBe('12.4 km');
    expect(formatDistance(12_400, 'en', 'mi')).toBe('7.7 mi');
    expect(formatDistance(1_200, 'en', 'km')).toBe('1.2 km');
    expect(formatDistance(250_000, 'en', 'mi')).toBe('155 mi');
  });

  it('German writes a decimal comma (and a thousands dot), French a comma', () => {
    expect(formatDistance(12_400, 'de', 'km')).toBe('12,4 km');
    expect(formatDistance(12_400, 'de', 'mi')).toBe('7,7 mi');
    expect(formatDistance(1_234_000, 'de', 'km')).toBe('1.234 km');
    expect(formatDistance(12_400, 'fr', 'km')).toBe('12,4\u202fkm'); // a narrow no-break space before the unit
  });

  it('Arabic: the Arabic unit name; bare "ar" keeps Western digits (CLDR), a regional tag such as ar-EG Arabic-Indic ones', () => {
    expect(formatDistance(12_400, 'ar', 'km')).toBe('12.4 كم');
    expect(formatDistance(12_400, 'ar', 'mi')).toBe('7.7 ميل');
    expect(formatDistance(12_400, 'ar-EG', 'km')).toBe('١٢٫٤ كم');
  });
});

import { describe, expect, it } from 'vitest';
import { climateFor, conditionOf, defaultTemperatureUnit, displayTemperature, weatherKind, type DailyRow } from './rules';
import { weatherPlaceOfDay } from './day-place';

const row = (date: string, tempMax: number, tempMin: number, precipitationSum: number): DailyRow => ({ date, code: 3, tempMax, tempMin, precipitationSum, precipitationProbability: null });

describe('weather rules', () => {
  it('maps WMO codes to conditions', () => {
    expect([0, 2, 3, 45, 53, 63, 81, 73, 95, 999, null].map(conditionOf)).toEqual(['Clear', 'PartlyCloudy', 'Clouds', 'Fog', 'Drizzle', 'Rain', 'Rain', 'Snow', 'Thunderstorm', 'Clouds', 'Clouds']);
  });
  it('labels dates by their distance from today', () => {
    expect(weatherKind('2026-12-01', '2026-12-01')).toBe('forecast');
    expect(weatherKind('2026-11-30', '2026-12-01')).toBe('forecast');
    expect(weatherKind('2026-11-29', '2026-12-01')).toBe('observed');
    expect(weatherKind('2026-12-16', '2026-12-01')).toBe('forecast');
    expect(weatherKind('2026-12-17', '2026-12-01')).toBe('climate');
  });
  it('averages the same ±3 days of past years, across a year end, and counts rainy days', () => {
    const rows = [row('2024-12-30', 10, 2, 0), row('2025-01-02', 12, 4, 3), row('2025-01-05', 30, 30, 9), row('2023-12-31', 8, 0, 1)];
    expect(climateFor('2027-01-01', rows)).toMatchObject({ kind: 'climate', tempMax: 10, tempMin: 2, temp: 6, precipitationProbability: 67, condition: 'Rain', years: [2023, 2024, 2025] });
    expect(climateFor('2027-06-01', rows)).toBeNull();
  });
  it('reads °F only where the region does', () => {
    expect(defaultTemperatureUnit('en-US')).toBe('fahrenheit');
    expect(defaultTemperatureUnit('en-GB')).toBe('celsius');
    expect(defaultTemperatureUnit('en')).toBe('celsius');
    expect(displayTemperature(21, 'fahrenheit')).toBe(70);
    expect(displayTemperature(-0.4, 'celsius')).toBe(-0);
  });
  it('finds a day’s weather place: first place with coordinates, else the stay', () => {
    const p = (id: number, lat: number | null) => ({ id, name: `P${id}`, lat, lng: lat });
    const days = [
      { id: 1, assignments: [{ place: p(1, null) }, { place: p(2, 5) }] },
      { id: 2, assignments: [{ place: p(3, null) }] },
      { id: 3, assignments: [] },
      { id: 4, assignments: [] },
    ];
    const stays = [{ checkInDayId: 1, checkOutDayId: 3, place: p(9, 7) }];
    expect(weatherPlaceOfDay(days, stays, 1)).toMatchObject({ id: 2, source: 'place' });
    expect(weatherPlaceOfDay(days, stays, 2)).toMatchObject({ id: 9, source: 'accommodation' });
    expect(weatherPlaceOfDay(days, stays, 3)).toMatchObject({ id: 9, source: 'accommodation' });
    expect(weatherPlaceOfDay(days, stays, 4)).toBeNull();
  });
});

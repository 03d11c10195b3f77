// The Atlas figures from resolved facts: sources kept apart, begun trips only, cities by distance, days, streak.
import { describe, expect, it } from 'vitest';
import { atlasStats, countCities, daysTravelled, visitedCountries, yearlyStreak, type AtlasFacts } from './rules';
import { continentOf, countryAt, findRegion } from './geo.server';

const TODAY = '2026-06-15';
const facts = (over: Partial<AtlasFacts> = {}): AtlasFacts => ({
  trips: [
    { id: 1, title: 'Past', startDate: '2025-05-01', endDate: '2025-05-05' },
    { id: 2, title: 'Now', startDate: '2026-06-10', endDate: '2026-06-20' },
    { id: 3, title: 'Later', startDate: '2026-09-01', endDate: '2026-09-03' },
  ],
  places: [
    { id: 1, name: 'Louvre', address: '', lat: 48.86, lng: 2.34, tripId: 1, countryCode: 'FR' },
    { id: 2, name: 'Orsay', address: '', lat: 48.86, lng: 2.33, tripId: 2, countryCode: 'FR' },
    { id: 3, name: 'Tokyo', address: '', lat: 35.7, lng: 139.8, tripId: 3, countryCode: 'JP' },
    { id: 4, name: 'At sea', address: '', lat: 0, lng: 0, tripId: 1, countryCode: null },
  ],
  countryMarks: [],
  regionMarks: [],
  continentOf,
  today: TODAY,
  ...over,
});

describe('visitedCountries', () => {
  it('counts begun trips only, with first and last visit', () => {
    expect(visitedCountries(facts())).toEqual([
      { code: 'FR', continent: 'Europe', placeCount: 2, tripCount: 2, firstVisit: '2025-05-01', lastVisit: '2026-06-20', fromTrips: true, markedByHand: false, markedRegions: 0 },
    ]);
  });

  it('keeps the three sources apart', () => {
    const list = visitedCountries(facts({ countryMarks: ['FR', 'IT'], regionMarks: [{ regionCode: 'US-CA', countryCode: 'US' }] }));
    expect(list.map((c) => [c.code, c.fromTrips, c.markedByHand, c.markedRegions])).toEqual([
      ['FR', true, true, 0],
      ['IT', false, true, 0],
      ['US', false, false, 1],
    ]);
  });
});

describe('atlasStats', () => {
  it('totals, continents, next trip and trips per year', () => {
    const stats = atlasStats(facts({ countryMarks: ['JP'] }));
    expect(stats.totals).toEqual({ countries: 2, regions: 0, continents: 2, trips: 3, places: 2, days: 11, cities: 1 });
    expect(stats.continents).toEqual({ Europe: 1, Asia: 1 });
    expect(stats.nextTrip).toMatchObject({ id: 3, daysUntil: 78 });
    expect(stats.latestTrip).toMatchObject({ id: 2 });
    expect(stats.firstTrip).toMatchObject({ id: 1 });
    expect(stats.streak).toBe(2);
    expect(stats.tripsPerYear).toEqual([
      { year: 2025, trips: 1 },
      { year: 2026, trips: 1 },
    ]);
  });

  it('no trips: zeros and nulls, hand marks still count', () => {
    const stats = atlasStats(facts({ trips: [], places: [], countryMarks: ['PT'] }));
    expect(stats.totals).toMatchObject({ countries: 1, trips: 0, days: 0, cities: 0 });
    expect(stats).toMatchObject({ nextTrip: null, latestTrip: null, mostVisited: null, streak: 0, firstYear: null });
  });
});

describe('pieces', () => {
  it('days travelled stop at today', () => {
    expect(daysTravelled([{ id: 1, title: '', startDate: '2026-06-10', endDate: '2026-06-20' }], TODAY)).toBe(6);
  });
  it('the streak survives a year without a trip yet', () => {
    expect(yearlyStreak([2023, 2024, 2025], 2026)).toBe(3);
    expect(yearlyStreak([2022, 2024, 2025, 2026], 2026)).toBe(3);
    expect(yearlyStreak([2020], 2026)).toBe(0);
  });
  it('cities: nearby places in one country are one city; across a border they are not', () => {
    expect(countCities([{ lat: 48.86, lng: 2.34, countryCode: 'FR' }, { lat: 48.8584, lng: 2.2945, countryCode: 'FR' }, { lat: 45.76, lng: 4.84, countryCode: 'FR' }])).toBe(2);
    // Basel (CH) and Saint-Louis (FR) are 5 km apart.
    expect(countCities([{ lat: 47.5596, lng: 7.5886, countryCode: 'CH' }, { lat: 47.59, lng: 7.56, countryCode: 'FR' }])).toBe(2);
  });
});

describe('offline geography', () => {
  it('locates points by boundaries, territories as themselves, the sea as nothing', () => {
    expect(countryAt(48.8606, 2.3376)).toBe('FR');
    expect(countryAt(64.18, -51.69)).toBe('GL');
    expect(countryAt(18.4, -66.1)).toBe('PR');
    expect(countryAt(-40, -20)).toBeNull();
  });
  it('continents, including countries with overseas parts', () => {
    expect([continentOf('FR'), continentOf('US'), continentOf('BR'), continentOf('EG'), continentOf('AU'), continentOf('RU')]).toEqual([
      'Europe',
      'North America',
      'South America',
      'Africa',
      'Oceania',
      'Europe',
    ]);
  });
  it('regions by ISO 3166-2 code', () => {
    expect(findRegion('DE-BY')).toMatchObject({ name: 'Bayern', countryCode: 'DE', parent: null });
    expect(findRegion('FR-69')).toMatchObject({ countryCode: 'FR', parent: 'FR-ARA' });
    expect(findRegion('XX-1')).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { indexAirports, searchAirports, type Airport } from './airports';
import { airportIndex } from './airports.server';

const airport = (iata: string, icao: string, name: string, city: string): Airport => ({ iata, icao, name, city, country: 'X', lat: 0, lng: 0, tz: 'UTC' });

const sample = indexAirports([
  airport('PAR', 'LFPG', 'Somewhere', 'Nowhere'),
  airport('PAD', 'EDLP', 'Paderborn Lippstadt', 'Paderborn'),
  airport('ORY', 'LFPO', 'Orly', 'Paris'),
  airport('CDG', 'LFPB', 'Charles de Gaulle', 'Paris'),
  airport('BVA', 'LFOB', 'Beauvais Tillé', 'Beauvais'),
  airport('XCR', 'LFOK', 'Paris Vatry', 'Chalons'),
  airport('ZRH', 'LSZH', 'Zürich Airport', 'Zürich'),
  airport('AAA', 'NTGA', 'Somewhere Paris Ranch', 'Texas Paris-Town'),
]);

describe('searchAirports', () => {
  it('an exact three-letter IATA code returns only that airport', () => {
    expect(searchAirports(sample, 'cdg', 10).map((a) => a.iata)).toEqual(['CDG']);
  });

  it('ranks ICAO exact, IATA prefix, city prefix, name prefix, city contains, name contains; ties by IATA', () => {
    expect(searchAirports(sample, 'lfpo', 10).map((a) => a.iata)).toEqual(['ORY']);
    expect(searchAirports(sample, 'pa', 10).map((a) => a.iata)).toEqual(['PAD', 'PAR', 'CDG', 'ORY', 'XCR', 'AAA']);
    expect(searchAirports(sample, 'paris', 10).map((a) => a.iata)).toEqual(['CDG', 'ORY', 'XCR', 'AAA']);
  });

  it('ignores accents and case, and honours the limit', () => {
    expect(searchAirports(sample, 'zurich', 10).map((a) => a.iata)).toEqual(['ZRH']);
    expect(searchAirports(sample, 'PARIS', 2).map((a) => a.iata)).toEqual(['CDG', 'ORY']);
    expect(searchAirports(sample, '   ', 10)).toEqual([]);
  });
});

describe('the shipped dataset', () => {
  it('knows Frankfurt with its ICAO code, coordinates and zone, and finds it by city', async () => {
    const index = await airportIndex();
    expect(index.byIata.get('FRA')).toMatchObject({ icao: 'EDDF', city: 'Frankfurt', country: 'Germany', tz: 'Europe/Berlin' });
    expect(index.rows.length).toBeGreaterThan(5000);
    expect(searchAirports(index, 'frankfurt', 10).map((a) => a.iata)).toContain('FRA');
    expect(await airportIndex()).toBe(index);
  });
});

// The one great-circle distance: known city pairs, the antimeridian, and points without coordinates.
import { describe, expect, it } from 'vitest';
import { coordinatesOf, greatCircleMetres } from './distance';

const paris = { lat: 48.8566, lng: 2.3522 };
const london = { lat: 51.5074, lng: -0.1278 };

describe('greatCircleMetres', () => {
  it('Paris to London is about 344 km, either way round', () => {
    expect(greatCircleMetres(paris, london) / 1000).toBeCloseTo(343.6, 0);
    expect(greatCircleMetres(london, paris)).toBeCloseTo(greatCircleMetres(paris, london), 6);
  });

  it('a point to itself is 0; across the antimeridian takes the short way', () => {
    expect(greatCircleMetres(paris, paris)).toBe(0);
    // Fiji (178.4° E) to Samoa (171.8° W): about 1,150 km over the date line, not 39,000 km the other way round
    expect(greatCircleMetres({ lat: -18.1, lng: 178.4 }, { lat: -13.8, lng: -171.8 }) / 1000).toBeCloseTo(1150, -2);
  });

  it('one degree of latitude is about 111.2 km', () => {
    expect(greatCircleMetres({ lat: 0, lng: 0 }, { lat: 1, lng: 0 })).toBeCloseTo(111_195, -1);
  });
});

describe('coordinatesOf', () => {
  it('needs both coordinates', () => {
    expect(coordinatesOf({ lat: 1, lng: 2 })).toEqual({ lat: 1, lng: 2 });
    expect(coordinatesOf({ lat: 0, lng: 0 })).toEqual({ lat: 0, lng: 0 });
    expect(coordinatesOf({ lat: 1, lng: null })).toBeNull();
    expect(coordinatesOf(undefined)).toBeNull();
  });
});

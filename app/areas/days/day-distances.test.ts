// A day's distances: place to next place in visiting order, and the day's route length, skipping places without
// coordinates.
import { describe, expect, it } from 'vitest';
import { greatCircleMetres } from '~/areas/geo/distance';
import { dayDistances } from './day-distances';

const belem = { lat: 38.6916, lng: -9.2157 };
const baixa = { lat: 38.7107, lng: -9.1366 };
const alfama = { lat: 38.7139, lng: -9.1335 };
const planned = (id: number, place: { lat: number | null; lng: number | null } | null) => ({ id, place });

describe('dayDistances', () => {
  it('sums the legs between consecutive places in visiting order', () => {
    const { toNext, routeMetres } = dayDistances([planned(1, belem), planned(2, baixa), planned(3, alfama)]);
    const first = greatCircleMetres(belem, baixa);
    const second = greatCircleMetres(baixa, alfama);
    expect(first / 1000).toBeCloseTo(7.2, 1);
    expect([...toNext]).toEqual([
      [1, first],
      [2, second],
    ]);
    expect(routeMetres).toBeCloseTo(first + second, 6);
  });

  it('a new order gives a new route', () => {
    const inOrder = dayDistances([planned(1, belem), planned(2, baixa), planned(3, alfama)]).routeMetres!;
    const backAndForth = dayDistances([planned(2, baixa), planned(1, belem), planned(3, alfama)]).routeMetres!;
    expect(backAndForth).toBeGreaterThan(inOrder + 5000);
  });

  it('a place without coordinates has no leg to or from it; the route passes over it', () => {
    const { toNext, routeMetres } = dayDistances([planned(1, belem), planned(2, { lat: null, lng: null }), planned(3, alfama), planned(4, null)]);
    expect(toNext.size).toBe(0);
    expect(routeMetres).toBeCloseTo(greatCircleMetres(belem, alfama), 6);
  });

  it('no route with fewer than two located places', () => {
    expect(dayDistances([]).routeMetres).toBeNull();
    expect(dayDistances([planned(1, belem), planned(2, { lat: null, lng: null })]).routeMetres).toBeNull();
  });
});

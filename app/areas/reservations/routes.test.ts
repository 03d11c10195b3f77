import { describe, expect, it } from 'vitest';
import { greatCircle } from './routes';

describe('greatCircle', () => {
  it('starts and ends at the airports and bends towards the pole on a long east-west route', () => {
    const fra: [number, number] = [50.03, 8.57];
    const sfo: [number, number] = [37.62, -122.38];
    const path = greatCircle(fra, sfo, 40);
    expect(path[0][0]).toBeCloseTo(fra[0], 6);
    expect(path[0][1]).toBeCloseTo(fra[1], 6);
    expect(path[40][0]).toBeCloseTo(sfo[0], 6);
    expect(path[40][1]).toBeCloseTo(sfo[1], 6);
    // the great circle from Frankfurt to San Francisco passes near Greenland, far north of both ends
    expect(Math.max(...path.map((p) => p[0]))).toBeGreaterThan(60);
  });

  it('stays continuous across the antimeridian', () => {
    const path = greatCircle([-33.95, 151.18], [37.62, -122.38], 30);
    for (let i = 1; i < path.length; i++) expect(Math.abs(path[i][1] - path[i - 1][1])).toBeLessThan(30);
    expect(path[30][1]).toBeCloseTo(-122.38 + 360, 4);
  });
});

import { describe, expect, it } from 'vitest';
import { worldCountryOutlines } from '~/domain/world-countries.server';
import { landInView, mapProjection, splitAtAntimeridian, type FramePoint } from './map';

const LISBON = { lat: 38.72, lng: -9.14 };
const PORTO = { lat: 41.15, lng: -8.61 };
const MADRID = { lat: 40.42, lng: -3.7 };

/** Even-odd rule, as the page fills the land. */
function inside(point: FramePoint, rings: FramePoint[][]) {
  let crossings = 0;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [a, b] = [ring[i]!, ring[j]!];
      if (a.y > point.y !== b.y > point.y && point.x < ((b.x - a.x) * (point.y - a.y)) / (b.y - a.y) + a.x) crossings++;
    }
  }
  return crossings % 2 === 1;
}

describe('the map page of the book', () => {
  it('places positions inside the frame, north up, west left; a single one in the middle', () => {
    const projection = mapProjection([LISBON, PORTO], 400, 300)!;
    const [lisbon, porto] = [LISBON, PORTO].map(projection.project) as [FramePoint, FramePoint];
    expect(porto.y).toBeLessThan(lisbon.y);
    expect(lisbon.x).toBeLessThan(porto.x);
    for (const p of [lisbon, porto]) {
      expect(p.x).toBeGreaterThanOrEqual(16);
      expect(p.x).toBeLessThanOrEqual(384 + 1e-9);
      expect(p.y).toBeGreaterThanOrEqual(16);
      expect(p.y).toBeLessThanOrEqual(284 + 1e-9);
    }
    expect(mapProjection([{ lat: 10, lng: 20 }], 400, 300)!.project({ lat: 10, lng: 20 })).toEqual({ x: 200, y: 150 });
    expect(mapProjection([], 400, 300)).toBeNull();
  });

  it('shows a single place with its surroundings, on its country', () => {
    const projection = mapProjection([LISBON], 400, 300)!;
    expect(projection.view.north - projection.view.south).toBeGreaterThanOrEqual(3);
    const portugal = landInView(worldCountryOutlines(), projection).find((c) => c.name === 'Portugal');
    expect(portugal && inside(projection.project(LISBON), portugal.rings)).toBe(true);
  });

  it('keeps a walk around one city spread over the frame, on a plain frame (the outlines are too coarse that close)', () => {
    const walk = [LISBON, { lat: 38.7, lng: -9.2 }, { lat: 38.69, lng: -9.21 }];
    const projection = mapProjection(walk, 480, 300)!;
    const [xs, ys] = [walk.map((p) => projection.project(p).x), walk.map((p) => projection.project(p).y)];
    expect(Math.max(...xs) - Math.min(...xs)).toBeGreaterThan(200);
    expect(landInView(worldCountryOutlines(), projection)).toEqual([]);
    expect(Math.max(...ys) - Math.min(...ys)).toBeGreaterThan(30);
  });

  it('draws the countries around the places in the same projection: Lisbon and Porto on Portugal, Madrid on Spain', () => {
    const projection = mapProjection([LISBON, PORTO, MADRID], 480, 300)!;
    const land = landInView(worldCountryOutlines(), projection);
    const names = land.map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(['Portugal', 'Spain']));
    expect(names.length).toBeLessThanOrEqual(8);
    const rings = (name: string) => land.find((c) => c.name === name)!.rings;
    expect(inside(projection.project(LISBON), rings('Portugal'))).toBe(true);
    expect(inside(projection.project(PORTO), rings('Portugal'))).toBe(true);
    expect(inside(projection.project(MADRID), rings('Spain'))).toBe(true);
    expect(inside(projection.project(MADRID), rings('Portugal'))).toBe(false);
  });

  it('cuts rings at the antimeridian: the islands of Fiji draw no band across the map', () => {
    const crossing = [[179, -16], [179.5, -17], [-179.8, -16.8], [-179.5, -16.5], [-179.6, -16], [179.6, -15.8], [179, -16]];
    const pieces = splitAtAntimeridian(crossing);
    expect(pieces).toHaveLength(2);
    for (const piece of pieces) {
      expect(piece.at(-1)).toEqual(piece[0]);
      const lngs = piece.map((p) => p[0]!);
      expect(Math.max(...lngs) - Math.min(...lngs)).toBeLessThan(180);
    }
    expect(splitAtAntimeridian([[0, 0], [1, 0], [1, 1], [0, 0]])).toEqual([[[0, 0], [1, 0], [1, 1], [0, 0]]]);

    // near Fiji: every ring drawn stays within a few frame widths, none runs across the world
    const projection = mapProjection([{ lat: -18.1, lng: 178.4 }, { lat: -16.2, lng: 179.9 }], 480, 300)!;
    const land = landInView(worldCountryOutlines(), projection);
    expect(land.map((c) => c.name)).toContain('Fiji');
    for (const { rings } of land) for (const ring of rings) for (const p of ring) expect(Math.abs(p.x)).toBeLessThan(480 * 20);
  });
});

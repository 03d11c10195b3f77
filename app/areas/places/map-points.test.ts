import { describe, expect, it } from 'vitest';
import { DAY_COLORS, clusterPoints, mapOfDays, viewAmong } from './map-points';

const place = (id: number, lat: number | null, categoryId: number | null = null) => ({ id, name: `P${id}`, lat, lng: lat, categoryId });

describe('the trip map from the plan', () => {
  it('colours places by their first day, numbers them in visiting order and draws a line per day', () => {
    const a = place(1, 10);
    const b = place(2, null);
    const c = place(3, 12);
    const d = place(4, 13, 7);
    const days = [
      { day: { id: 100, assignments: [a, b, c].map((p) => ({ placeId: p.id, place: p })) }, label: 'Day 1' },
      { day: { id: 200, assignments: [c].map((p) => ({ placeId: p.id, place: p })) }, label: 'Day 2' },
    ];
    const { points, dayLines } = mapOfDays(days, [a, b, c, d], (id) => (id === 7 ? '#123456' : null), '#999999');
    expect(points).toEqual([
      { id: 1, name: 'P1', lat: 10, lng: 10, color: DAY_COLORS[0], label: 'Day 1', number: 1 },
      { id: 3, name: 'P3', lat: 12, lng: 12, color: DAY_COLORS[0], label: 'Day 1', number: 2 },
      { id: 4, name: 'P4', lat: 13, lng: 13, color: '#123456', label: undefined, number: undefined },
    ]);
    // day 1 has two located places (the one without coordinates is skipped); day 2 only one: no line
    expect(dayLines).toEqual([{ id: 'day-100', positions: [[10, 10], [12, 12]], dashed: false, label: 'Day 1', color: DAY_COLORS[0] }]);
  });

  it('fitted to one day shows only that day\'s places, numbered in its order, in its colour, with its line', () => {
    const a = place(1, 10);
    const c = place(3, 12);
    const e = place(5, 14);
    const d = place(4, 13, 7);
    const days = [
      { day: { id: 100, assignments: [a, c].map((p) => ({ placeId: p.id, place: p })) }, label: 'Day 1' },
      { day: { id: 200, assignments: [e, c].map((p) => ({ placeId: p.id, place: p })) }, label: 'Day 2' },
    ];
    const { points, dayLines } = mapOfDays(days, [a, c, d, e], () => '#123456', '#999999', { dayId: 200 });
    // the place also on day 1 is numbered by day 2's order; the unassigned place and day 1's are hidden
    expect(points).toEqual([
      { id: 3, name: 'P3', lat: 12, lng: 12, color: DAY_COLORS[1], label: 'Day 2', number: 2 },
      { id: 5, name: 'P5', lat: 14, lng: 14, color: DAY_COLORS[1], label: 'Day 2', number: 1 },
    ]);
    expect(dayLines).toEqual([{ id: 'day-200', positions: [[14, 14], [12, 12]], dashed: false, label: 'Day 2', color: DAY_COLORS[1] }]);
    // a day without located places shows nothing
    expect(mapOfDays([{ day: { id: 300, assignments: [] }, label: 'Day 3' }], [a], () => null, '#999999', { dayId: 300 })).toEqual({ points: [], dayLines: [] });
  });

  it('a chosen day that was deleted falls back to the whole trip', () => {
    expect(viewAmong({ dayId: 2 }, [1, 2])).toEqual({ dayId: 2 });
    expect(viewAmong({ dayId: 3 }, [1, 2])).toBe('trip');
    expect(viewAmong('trip', [])).toBe('trip');
  });

  it('clusters points that fall into the same grid cell at the current zoom', () => {
    // "pixels" = coordinates × scale, as a zoom level would give
    const points = [
      { id: 1, lat: 0, lng: 0 },
      { id: 2, lat: 0.1, lng: 0.2 },
      { id: 3, lat: 5, lng: 5 },
      { id: 4, lat: 0.3, lng: 0.1 },
    ];
    const at = (scale: number) => clusterPoints(points, (p) => ({ x: p.lng * scale, y: p.lat * scale }), 10);
    const zoomedOut = at(10);
    expect(zoomedOut.map((c) => c.members.map((p) => p.id))).toEqual([[1, 2, 4], [3]]);
    expect(zoomedOut[0].lat).toBeCloseTo(0.4 / 3);
    expect(zoomedOut[0].lng).toBeCloseTo(0.1);
    expect(zoomedOut[1]).toMatchObject({ lat: 5, lng: 5 });
    // zoomed in, every point has its own cell
    expect(at(1000).map((c) => c.members.length)).toEqual([1, 1, 1, 1]);
    // negative pixel coordinates are cells too
    expect(clusterPoints([{ lat: -1, lng: -1 }, { lat: 1, lng: 1 }], (p) => ({ x: p.lng, y: p.lat }), 10)).toHaveLength(2);
    expect(clusterPoints([], () => ({ x: 0, y: 0 }), 10)).toEqual([]);
  });
});

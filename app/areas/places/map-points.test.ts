import { describe, expect, it } from 'vitest';
import { DAY_COLORS, mapOfDays } from './map-points';

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
});

import { describe, expect, it } from 'vitest';
import { interleave } from './day-plan';

const places = [
  { id: 1, startTime: '09:00' },
  { id: 2, startTime: '12:00' },
  { id: 3, startTime: null },
];
const order = (entries: ReturnType<typeof interleave>) => entries.map((e) => `${e.kind[0]}${e.item.id}`);

describe('interleave', () => {
  it('a fractional position puts a booking between two places', () => {
    expect(order(interleave(places, [{ id: 7, time: null, position: 1.5 }]))).toEqual(['p1', 'p2', 'b7', 'p3']);
    expect(order(interleave(places, [{ id: 7, time: '23:00', position: 0.5 }]))).toEqual(['p1', 'b7', 'p2', 'p3']);
  });

  it('without a position, the time decides; without either, the booking goes last', () => {
    expect(order(interleave(places, [{ id: 8, time: '10:30', position: undefined }, { id: 9, time: null, position: undefined }]))).toEqual(['p1', 'b8', 'p2', 'p3', 'b9']);
    expect(order(interleave(places, [{ id: 8, time: '07:00', position: undefined }]))).toEqual(['b8', 'p1', 'p2', 'p3']);
  });

  it('each place keeps its position among the places, whatever bookings come between', () => {
    const entries = interleave(places, [{ id: 7, time: null, position: -1 }, { id: 8, time: null, position: 0.5 }]);
    expect(entries.flatMap((e) => (e.kind === 'place' ? [[e.item.id, e.index]] : []))).toEqual([[1, 0], [2, 1], [3, 2]]);
  });
});

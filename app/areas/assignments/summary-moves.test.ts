// The planner's instant (optimistic) moves give the same order the server will store.
import { describe, expect, it } from 'vitest';
import { moveInSummary, removeFromSummary, reorderInSummary } from './summary-moves';
import type { SummaryData } from '~/realtime/events-to-cache';

// Only the fields a move reads; the rest of a summary plays no part here.
const summary = () =>
  ({
    trip: { id: 1 },
    days: [
      { id: 10, assignments: [a(1, 10, 0), a(2, 10, 1), a(3, 10, 2)] },
      { id: 20, assignments: [a(4, 20, 0)] },
    ],
  }) as unknown as SummaryData;
function a(id: number, dayId: number, position: number) {
  return { id, dayId, position, place: { name: `P${id}` } };
}
const order = (s: SummaryData) => s.days.map((d) => d.assignments.map((x) => `${x.id}@${x.position}`));

describe('planner moves', () => {
  it('moving to another day inserts at the position and closes the gap it left', () => {
    const next = moveInSummary(summary(), 2, 20, 0);
    expect(order(next)).toEqual([
      ['1@0', '3@1'],
      ['2@0', '4@1'],
    ]);
    expect(next.days[1].assignments[0].dayId).toBe(20);
  });

  it('a position past the end puts the place last', () => {
    expect(order(moveInSummary(summary(), 1, 20, 99))).toEqual([
      ['2@0', '3@1'],
      ['4@0', '1@1'],
    ]);
  });

  it('moving within the same day reorders it', () => {
    expect(order(moveInSummary(summary(), 3, 10, 0))).toEqual([['3@0', '1@1', '2@2'], ['4@0']]);
  });

  it('unknown assignments or days change nothing', () => {
    const s = summary();
    expect(moveInSummary(s, 99, 20, 0)).toBe(s);
    expect(moveInSummary(s, 1, 99, 0)).toBe(s);
  });

  it('reorder takes the full new order of one day and ignores an incomplete one', () => {
    expect(order(reorderInSummary(summary(), 10, [3, 1, 2]))).toEqual([['3@0', '1@1', '2@2'], ['4@0']]);
    expect(order(reorderInSummary(summary(), 10, [3, 1]))).toEqual(order(summary()));
  });

  it('remove takes the place off its day and renumbers the rest', () => {
    expect(order(removeFromSummary(summary(), 1))).toEqual([['2@0', '3@1'], ['4@0']]);
  });
});

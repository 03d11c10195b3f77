import { describe, expect, it } from 'vitest';
import { COVER_GRADIENTS, compareEntries, coverGradientFor, groupByDay, writesContent } from './rules';

const entry = (id: number, entryDate: string, sortOrder = 0, entryTime: string | null = null) => ({ id, entryDate, sortOrder, entryTime });

describe('journey timeline', () => {
  it('orders by date, then manual order, then time of day (untimed last), then creation', () => {
    const sorted = [entry(5, '2027-05-02'), entry(4, '2027-05-01', 1), entry(3, '2027-05-01', 0), entry(2, '2027-05-01', 0, '09:00'), entry(1, '2027-05-01', 0)].sort(compareEntries);
    expect(sorted.map((e) => e.id)).toEqual([2, 1, 3, 4, 5]);
  });

  it('groups entries by day in timeline order', () => {
    expect(groupByDay([entry(2, '2027-05-02'), entry(1, '2027-05-01'), entry(3, '2027-05-02')]).map((d) => [d.date, d.entries.map((e) => e.id)])).toEqual([
      ['2027-05-01', [1]],
      ['2027-05-02', [2, 3]],
    ]);
  });
});

describe('promotion and covers', () => {
  it('a story, mood, weather, tag, pro or con writes content; a title or an empty story does not', () => {
    expect(writesContent({ story: 'Hello' })).toBe(true);
    expect(writesContent({ pros: ['view'] })).toBe(true);
    expect(writesContent({ story: '   ', tags: [] })).toBe(false);
    expect(writesContent({})).toBe(false);
  });

  it('gives a stable cover gradient from the seed', () => {
    expect(coverGradientFor(7)).toBe(coverGradientFor(7));
    expect(COVER_GRADIENTS).toContain(coverGradientFor('Portugal'));
  });
});

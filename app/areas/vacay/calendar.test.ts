import { describe, expect, it } from 'vitest';
import { dateSpan, monthWeeks, weekStartOf } from './calendar';

describe('year calendar', () => {
  it('lays out May 2026 from Monday and from Sunday', () => {
    // 1 May 2026 is a Friday
    expect(monthWeeks(2026, 4, 1)[0]).toEqual([null, null, null, null, '2026-05-01', '2026-05-02', '2026-05-03']);
    expect(monthWeeks(2026, 4, 0)[0]).toEqual([null, null, null, null, null, '2026-05-01', '2026-05-02']);
    expect(monthWeeks(2026, 4, 1).flat().filter(Boolean)).toHaveLength(31);
  });

  it('takes the week start from the language', () => {
    expect(weekStartOf('de')).toBe(1);
    expect(weekStartOf('en-US')).toBe(0);
    expect(monthWeeks(2026, 4, 6)[0]).toEqual([null, null, null, null, null, null, '2026-05-01']);
  });

  it('spans dates in either direction', () => {
    expect(dateSpan('2026-12-31', '2026-12-29')).toEqual(['2026-12-29', '2026-12-30', '2026-12-31']);
  });
});

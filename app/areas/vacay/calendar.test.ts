import { describe, expect, it } from 'vitest';
import { monthGrid } from '~/domain/date-input';
import { dateSpan } from './calendar';

describe('year calendar', () => {
  it('lays out May 2026 from Monday, Sunday and Saturday', () => {
    // 1 May 2026 is a Friday
    expect(monthGrid(2026, 4, 1)[0]).toEqual([null, null, null, null, '2026-05-01', '2026-05-02', '2026-05-03']);
    expect(monthGrid(2026, 4, 0)[0]).toEqual([null, null, null, null, null, '2026-05-01', '2026-05-02']);
    expect(monthGrid(2026, 4, 6)[0]).toEqual([null, null, null, null, null, null, '2026-05-01']);
    expect(monthGrid(2026, 4, 1).flat().filter(Boolean)).toHaveLength(31);
  });

  it('spans dates in either direction', () => {
    expect(dateSpan('2026-12-31', '2026-12-29')).toEqual(['2026-12-29', '2026-12-30', '2026-12-31']);
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { datedDayIndex, isPermutation, placeAt, positionChanges } from './ordering';

describe('placeAt', () => {
  it('appends a new id when no index is given and inserts at a clamped index', () => {
    expect(placeAt([1, 2, 3], 9)).toEqual([1, 2, 3, 9]);
    expect(placeAt([1, 2, 3], 9, 0)).toEqual([9, 1, 2, 3]);
    expect(placeAt([1, 2, 3], 9, 99)).toEqual([1, 2, 3, 9]);
    expect(placeAt([1, 2, 3], 9, -4)).toEqual([9, 1, 2, 3]);
  });
  it('moves an id that is already in the list', () => {
    expect(placeAt([1, 2, 3, 4], 1, 2)).toEqual([2, 3, 1, 4]);
    expect(placeAt([1, 2, 3, 4], 4, 0)).toEqual([4, 1, 2, 3]);
  });
  it('always keeps every id exactly once', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 50 })), fc.integer({ min: 0, max: 60 }), fc.integer({ min: -5, max: 60 }), (ids, id, index) => {
        const out = placeAt(ids, id, index);
        expect(new Set(out).size).toBe(out.length);
        expect(out).toContain(id);
        expect(out.length).toBe(ids.includes(id) ? ids.length : ids.length + 1);
      }),
    );
  });
});

describe('isPermutation', () => {
  it('accepts the same ids in another order and rejects missing, extra or repeated ids', () => {
    expect(isPermutation([1, 2, 3], [3, 1, 2])).toBe(true);
    expect(isPermutation([1, 2, 3], [1, 2])).toBe(false);
    expect(isPermutation([1, 2, 3], [1, 2, 3, 4])).toBe(false);
    expect(isPermutation([1, 2, 3], [1, 1, 2])).toBe(false);
    expect(isPermutation([1, 2, 3], [1, 2, 4])).toBe(false);
  });
});

describe('positionChanges', () => {
  it('lists only the rows whose position must change to become 0..n-1', () => {
    expect(
      positionChanges([
        { id: 'a', position: 0 },
        { id: 'b', position: 2 },
        { id: 'c', position: 5 },
      ]),
    ).toEqual([
      { id: 'b', position: 1 },
      { id: 'c', position: 2 },
    ]);
  });
});

describe('datedDayIndex', () => {
  it('puts a date before later and undated days', () => {
    const days = [{ date: '2027-01-01' }, { date: '2027-01-03' }, { date: null }];
    expect(datedDayIndex(days, '2027-01-02')).toBe(1);
    expect(datedDayIndex(days, '2027-01-05')).toBe(2);
    expect(datedDayIndex([{ date: '2027-01-01' }], '2027-01-02')).toBe(1);
    expect(datedDayIndex([], '2027-01-02')).toBe(0);
  });
});

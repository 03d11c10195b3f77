import { describe, expect, it } from 'vitest';
import { rankCandidates } from './completions';

const trips = [
  { value: '12', label: 'Lisbon' },
  { value: '7', label: 'Road trip: Romania' },
  { value: '31', label: 'Rome in spring' },
  { value: '120', label: 'Weekend in Bromley' },
];

describe('rankCandidates', () => {
  it('ranks id prefix, then name prefix, then a word of the name, then anywhere in it', () => {
    expect(rankCandidates(trips, 'rom')).toEqual(['31', '7', '120']);
    expect(rankCandidates(trips, '12')).toEqual(['12', '120']);
    expect(rankCandidates(trips, ' ROME ')).toEqual(['31']);
  });

  it('an empty value lists everything in the given order; no match lists nothing', () => {
    expect(rankCandidates(trips, '')).toEqual(['12', '7', '31', '120']);
    expect(rankCandidates(trips, 'paris')).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { LISTED_COUNTRY_CODES } from '~/areas/atlas/countries';
import { countryCandidates, rankCandidates } from './completions';

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

describe('country codes', () => {
  it('complete to exactly the countries the Atlas lists (Kosovo yes, Antarctica no), by code or English name', () => {
    const candidates = countryCandidates();
    expect(candidates.map((c) => c.value)).toEqual(LISTED_COUNTRY_CODES);
    expect(rankCandidates(candidates, 'xk')).toEqual(['XK']);
    expect(rankCandidates(candidates, 'antarc')).toEqual([]);
    expect(rankCandidates(candidates, 'germ')).toEqual(['DE']);
  });
});

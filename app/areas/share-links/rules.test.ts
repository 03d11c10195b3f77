import { describe, expect, it } from 'vitest';
import { applySectionFlags, sectionFlags, SHARE_TOKEN_PATTERN } from './rules';

describe('share link sections', () => {
  it('omitted flags keep what the link had; given flags switch their section', () => {
    expect(applySectionFlags(['budget'], {})).toEqual(['budget']);
    expect(applySectionFlags(['budget'], { shareBookings: true })).toEqual(['bookings', 'budget']);
    expect(applySectionFlags(['bookings', 'budget'], { shareBudget: false })).toEqual(['bookings']);
  });

  it('ignores sections it does not know and reports every flag', () => {
    expect(applySectionFlags(['souvenirs', 'bookings'], {})).toEqual(['bookings']);
    expect(applySectionFlags(['packing', 'bookings'], {})).toEqual(['bookings', 'packing']);
    expect(sectionFlags(['budget'])).toEqual({ shareBookings: false, shareBudget: true, sharePacking: false });
  });

  it('accepts only well-formed tokens', () => {
    expect(SHARE_TOKEN_PATTERN.test(`wms_${'a'.repeat(32)}`)).toBe(true);
    expect(SHARE_TOKEN_PATTERN.test(`wms_${'a'.repeat(31)}`)).toBe(false);
    expect(SHARE_TOKEN_PATTERN.test(`wm_${'a'.repeat(32)}`)).toBe(false);
    expect(SHARE_TOKEN_PATTERN.test(`wms_${'A'.repeat(32)}`)).toBe(false);
  });
});

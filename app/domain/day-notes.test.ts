import { describe, expect, it } from 'vitest';
import { DAY_NOTE_ICONS, minutesOfDay, timesInOrder } from './day-notes';

describe('day-notes helpers', () => {
  it('converts HH:MM to minutes', () => {
    expect(minutesOfDay('00:00')).toBe(0);
    expect(minutesOfDay('09:30')).toBe(570);
    expect(minutesOfDay('23:59')).toBe(1439);
  });
  it('accepts equal or later end times and missing values, rejects earlier ends', () => {
    expect(timesInOrder('09:00', '09:00')).toBe(true);
    expect(timesInOrder('09:00', '17:30')).toBe(true);
    expect(timesInOrder('09:00', '08:59')).toBe(false);
    expect(timesInOrder(null, '08:00')).toBe(true);
    expect(timesInOrder('08:00', undefined)).toBe(true);
  });
  it('offers the default icon', () => {
    expect(DAY_NOTE_ICONS).toContain('note');
  });
});

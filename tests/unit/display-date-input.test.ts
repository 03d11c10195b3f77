// Dates and times typed in the app language (not the browser's) become the stored YYYY-MM-DD / HH:mm.
import { describe, expect, it } from 'vitest';
import { formatDateInput, formatTimeInput, joinDateTime, monthGrid, parseDateInput, parseTimeInput, shiftDate, splitDateTime } from '~/domain/date-input';
import { LANGUAGE_CODES } from '~/i18n/config';

describe('date input', () => {
  it.each(LANGUAGE_CODES)('%s: what is shown reads back as the same date', (language) => {
    for (const iso of ['2027-12-24', '2027-01-02', '2028-02-29']) expect(parseDateInput(formatDateInput(iso, language), language)).toBe(iso);
  });
  it('reads the language’s order, two-digit years and ISO; refuses dates that do not exist', () => {
    expect(formatDateInput('2027-05-01', 'de')).toBe('01.05.2027');
    expect(parseDateInput('1.5.2027', 'de')).toBe('2027-05-01');
    expect(parseDateInput('5/1/27', 'en')).toBe('2027-05-01');
    expect(parseDateInput('2027/5/1', 'zh-CN')).toBe('2027-05-01');
    expect(parseDateInput('٠١/٠٥/٢٠٢٧', 'ar')).toBe('2027-05-01');
    expect(parseDateInput('2027-05-01', 'de')).toBe('2027-05-01');
    expect(parseDateInput('31.02.2027', 'de')).toBeNull();
    expect(parseDateInput('1.5.', 'de')).toBeNull();
    expect(parseDateInput('', 'de')).toBeNull();
  });
});

describe('time input', () => {
  it.each(LANGUAGE_CODES)('%s: both clocks read back', (language) => {
    for (const hm of ['00:05', '09:30', '12:00', '14:30', '23:59']) {
      expect(parseTimeInput(formatTimeInput(hm, language, '12h'), language)).toBe(hm);
      expect(parseTimeInput(formatTimeInput(hm, language, '24h'), language)).toBe(hm);
    }
  });
  it('understands what people type', () => {
    expect(parseTimeInput('2:30 pm', 'en')).toBe('14:30');
    expect(parseTimeInput('12 am', 'en')).toBe('00:00');
    expect(parseTimeInput('1430', 'de')).toBe('14:30');
    expect(parseTimeInput('9.05', 'de')).toBe('09:05');
    expect(parseTimeInput('24:00', 'de')).toBeNull();
    expect(parseTimeInput('13 pm', 'en')).toBeNull();
    expect(parseTimeInput('soon', 'en')).toBeNull();
  });
});

describe('calendar grid', () => {
  it('weeks start on the chosen day', () => {
    // 1 May 2027 is a Saturday
    expect(monthGrid(2027, 4, 6)[0][0]).toBe('2027-05-01');
    expect(monthGrid(2027, 4, 1)[0].indexOf('2027-05-01')).toBe(5);
    expect(monthGrid(2027, 4, 0)[0].indexOf('2027-05-01')).toBe(6);
  });
  it('moves by days and months, clamping to the month’s end', () => {
    expect(shiftDate('2027-01-31', { months: 1 })).toBe('2027-02-28');
    expect(shiftDate('2027-12-31', { days: 1 })).toBe('2028-01-01');
  });
});

describe('date and time together (DateTimeField)', () => {
  it('splits what datetime-local gave and joins it back; half a pair is no value', () => {
    expect(splitDateTime('2027-12-24T14:30')).toEqual({ date: '2027-12-24', time: '14:30' });
    expect(splitDateTime('2027-12-24T14:30:59.000')).toEqual({ date: '2027-12-24', time: '14:30' });
    expect(splitDateTime('2027-12-24 14:30')).toEqual({ date: '2027-12-24', time: '14:30' });
    for (const bad of ['', '2027-12-24', '14:30', '24.12.2027 14:30', '2027-12-24T14']) expect(splitDateTime(bad)).toEqual({ date: '', time: '' });
    expect(joinDateTime('2027-12-24', '14:30')).toBe('2027-12-24T14:30');
    expect(joinDateTime('2027-12-24', '')).toBe('');
    expect(joinDateTime('', '14:30')).toBe('');
  });
  it('a German date and time typed become the datetime-local value; a 12-hour clock reads and shows 2:30 PM', () => {
    expect(joinDateTime(parseDateInput('24.12.2027', 'de')!, parseTimeInput('14:30', 'de')!)).toBe('2027-12-24T14:30');
    expect(joinDateTime(parseDateInput('12/24/2027', 'en')!, parseTimeInput('2:30 PM', 'en')!)).toBe('2027-12-24T14:30');
    expect(formatTimeInput('14:30', 'en', '12h')).toBe('2:30 PM');
    expect(formatTimeInput('14:30', 'en', '24h')).toBe('14:30');
    expect(parseTimeInput('2:30 PM', 'de')).toBe('14:30');
  });
});

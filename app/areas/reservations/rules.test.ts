import { describe, expect, it } from 'vitest';
import { checkLegOrder, daysTouched, instantOf, localTimeOf } from './rules';
import { DomainError } from '~/domain/errors';

describe('instantOf', () => {
  it('reads wall-clock time in the given zone', () => {
    expect(instantOf('2026-07-01T10:00', 'Europe/Berlin', 'x').toISOString()).toBe('2026-07-01T08:00:00.000Z');
    expect(instantOf('2026-01-01T10:00', 'Asia/Singapore', 'x').toISOString()).toBe('2026-01-01T02:00:00.000Z');
    expect(localTimeOf(new Date('2026-07-01T08:00:00Z'), 'America/New_York')).toBe('2026-07-01T04:00');
  });

  it('refuses an unknown zone, a malformed time and a time skipped by daylight saving', () => {
    expect(() => instantOf('2026-07-01T10:00', 'Mars/Olympus', 'x')).toThrow(DomainError);
    expect(() => instantOf('2026-07-01 10:00', 'UTC', 'x')).toThrow(/local date and time/);
    expect(() => instantOf('2026-02-30T10:00', 'UTC', 'x')).toThrow(DomainError);
    expect(() => instantOf('2026-03-29T02:30', 'Europe/Berlin', 'x')).toThrow(/does not exist/);
  });
});

describe('checkLegOrder', () => {
  it('compares across zones: 23:00 in Frankfurt to 00:30 in London the next day is fine', () => {
    const departsAt = instantOf('2026-05-01T23:00', 'Europe/Berlin', 'd');
    const arrivesAt = instantOf('2026-05-01T23:30', 'Europe/London', 'a');
    expect(() => checkLegOrder([{ departsAt, arrivesAt }])).not.toThrow();
  });

  it('an arrival whose local time is later but whose instant is earlier is refused', () => {
    // 10:00 in London is 11:00 in Berlin; arriving at 10:30 Berlin time is before departing
    const departsAt = instantOf('2026-05-01T10:00', 'Europe/London', 'd');
    const arrivesAt = instantOf('2026-05-01T10:30', 'Europe/Berlin', 'a');
    expect(() => checkLegOrder([{ departsAt, arrivesAt }])).toThrow(/arrives before it departs/);
  });

  it('a leg may not depart before the previous one arrives', () => {
    const a = { departsAt: new Date('2026-05-01T08:00Z'), arrivesAt: new Date('2026-05-01T10:00Z') };
    const b = { departsAt: new Date('2026-05-01T09:00Z'), arrivesAt: new Date('2026-05-01T12:00Z') };
    expect(() => checkLegOrder([a, b])).toThrow(/previous leg/);
  });
});

describe('daysTouched', () => {
  const days = [
    { id: 1, date: '2026-05-01' },
    { id: 2, date: '2026-05-02' },
    { id: 3, date: '2026-05-03' },
    { id: 4, date: null },
  ];

  it('an overnight flight touches the departure and the arrival day, in local dates', () => {
    const span = {
      start: instantOf('2026-05-01T22:10', 'Europe/Berlin', 'd'),
      startZone: 'Europe/Berlin',
      end: instantOf('2026-05-02T16:05', 'Asia/Singapore', 'a'),
      endZone: 'Asia/Singapore',
    };
    expect(daysTouched(days, [span])).toEqual([1, 2]);
  });

  it('a same-day booking touches one day', () => {
    const start = instantOf('2026-05-03T19:00', 'Europe/Lisbon', 'd');
    expect(daysTouched(days, [{ start, startZone: 'Europe/Lisbon', end: start, endZone: 'Europe/Lisbon' }])).toEqual([3]);
  });
});

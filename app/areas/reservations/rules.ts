// Booking rules without I/O: kinds and statuses, wall-clock time in a zone ↔ instant (luxon), the order of a
// transport's legs, and the trip days a booking touches (every day from departure to arrival, in local dates).
import { DateTime, IANAZone } from 'luxon';
import { badRequest } from '~/domain/errors';

export const RESERVATION_KINDS = ['hotel', 'restaurant', 'event', 'tour', 'activity', 'car_rental', 'other'] as const;
export const TRANSPORT_KINDS = ['flight', 'train', 'bus', 'ferry', 'car'] as const;
export const BOOKING_KINDS = [...RESERVATION_KINDS, ...TRANSPORT_KINDS] as const;
export const BOOKING_STATUSES = ['pending', 'confirmed', 'cancelled'] as const;

export type ReservationKind = (typeof RESERVATION_KINDS)[number];
export type TransportKind = (typeof TRANSPORT_KINDS)[number];
export type BookingKind = (typeof BOOKING_KINDS)[number];
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

export const isTransportKind = (kind: string): kind is TransportKind => (TRANSPORT_KINDS as readonly string[]).includes(kind);

/** Local wall-clock time as tools and forms send it: "2026-05-01T19:30" (seconds optional). */
export const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;

export function isTimeZone(zone: string) {
  return IANAZone.isValidZone(zone);
}

/**
 * The instant of a wall-clock time in a zone. A time that does not exist there (the hour skipped when clocks go
 * forward) is refused rather than silently moved: a booking at a time that never happens is a typo.
 */
export function instantOf(local: string, zone: string, field: string): Date {
  if (!isTimeZone(zone)) throw badRequest('errors.unknownTimeZone', `${field}: ${zone} is not an IANA time zone such as Europe/Paris`, { field, zone });
  const dt = DateTime.fromISO(local, { zone });
  if (!LOCAL_DATE_TIME.test(local) || !dt.isValid) {
    throw badRequest('errors.invalidLocalTime', `${field}: must be a local date and time such as 2026-05-01T19:30`, { field });
  }
  if (dt.toFormat("yyyy-MM-dd'T'HH:mm") !== local.slice(0, 16)) {
    throw badRequest('errors.nonexistentLocalTime', `${field}: ${local} does not exist in ${zone} (the clocks skip that hour)`, { field, zone });
  }
  return dt.toJSDate();
}

/** "2026-05-01T19:30" in the zone. */
export function localTimeOf(instant: Date, zone: string) {
  return DateTime.fromJSDate(instant, { zone }).toFormat("yyyy-MM-dd'T'HH:mm");
}

/** "2026-05-01": the calendar date the instant falls on in the zone. */
export function localDateOf(instant: Date, zone: string) {
  return DateTime.fromJSDate(instant, { zone }).toISODate()!;
}

/** An end must not come before its start; both are instants, so zones are already accounted for. */
export function checkNotBefore(start: Date, end: Date, field: string) {
  if (end.getTime() < start.getTime()) {
    throw badRequest('errors.endBeforeStart', `${field}: must not be before the start (compared in UTC, each time in its own zone)`, { field });
  }
}

export interface LegTimes {
  departsAt: Date;
  arrivesAt: Date;
}

/** Each leg arrives after it departs, and departs no earlier than the previous leg arrived. */
export function checkLegOrder(legs: LegTimes[]) {
  legs.forEach((leg, i) => {
    if (leg.arrivesAt.getTime() < leg.departsAt.getTime()) {
      throw badRequest('errors.arrivalBeforeDeparture', `legs.${i}.arrivalTime: the leg arrives before it departs (compared across time zones)`, { leg: i + 1 });
    }
    const previous = legs[i - 1];
    if (previous && leg.departsAt.getTime() < previous.arrivesAt.getTime()) {
      throw badRequest('errors.legBeforePrevious', `legs.${i}.departureTime: the leg departs before the previous leg arrives`, { leg: i + 1 });
    }
  });
}

/** A stretch of time with the zone of each end, e.g. a leg from departure (its zone) to arrival (its zone). */
export interface Span {
  start: Date;
  startZone: string;
  end: Date;
  endZone: string;
}

/**
 * The trip days a set of spans touches: every dated day from the local date of a span's start to the local date of
 * its end, so an overnight train shows on both days (the original showed it on the departure day only).
 */
export function daysTouched(days: { id: number; date: string | null }[], spans: Span[]): number[] {
  const touched = new Set<number>();
  for (const span of spans) {
    const from = localDateOf(span.start, span.startZone);
    const to = localDateOf(span.end, span.endZone);
    for (const day of days) if (day.date && day.date >= from && day.date <= to) touched.add(day.id);
  }
  return days.filter((d) => touched.has(d.id)).map((d) => d.id);
}

/** The dated trip day on the local date of an instant, or null. */
export function dayOn(days: { id: number; date: string | null }[], instant: Date, zone: string) {
  const date = localDateOf(instant, zone);
  return days.find((d) => d.date === date)?.id ?? null;
}

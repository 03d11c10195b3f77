// Booking rows → the JSON both doors return: times as local wall-clock time with their zone, and the instant (UTC).
import type { Reservation, ReservationDayPosition, TransportLeg } from '~/generated/prisma/client';
import { daysTouched, isTransportKind, localTimeOf, type BookingKind, type BookingStatus } from './rules';

/** A leg end that is a trip place is read with the place's name and coordinates: renaming or moving the place changes the leg. */
const placeEnd = { select: { name: true, lat: true, lng: true } } as const;
/** What every reader of bookings loads with a reservation. */
export const bookingInclude = {
  legs: { include: { fromPlace: placeEnd, toPlace: placeEnd } },
  dayPositions: true,
  place: { select: { name: true } },
} as const;

type PlaceEnd = { name: string; lat: number | null; lng: number | null } | null;
type LegRow = TransportLeg & { fromPlace: PlaceEnd; toPlace: PlaceEnd };
export type BookingRow = Reservation & { legs: LegRow[]; dayPositions: ReservationDayPosition[]; place?: { name: string } | null };

export interface TripDay {
  id: number;
  position: number;
  date: string | null;
}

function legJson(leg: LegRow) {
  // A place end is the place as it is now; the stored name and coordinates serve typed ends (airports, stations) and an
  // end whose place was deleted since (decision 044).
  const from = leg.fromPlace ?? { name: leg.fromName, lat: leg.fromLat, lng: leg.fromLng };
  const to = leg.toPlace ?? { name: leg.toName, lat: leg.toLat, lng: leg.toLng };
  return {
    id: leg.id,
    sequence: leg.sequence,
    from: { name: from.name, code: leg.fromCode, placeId: leg.fromPlaceId, lat: from.lat, lng: from.lng, timeZone: leg.departureZone },
    to: { name: to.name, code: leg.toCode, placeId: leg.toPlaceId, lat: to.lat, lng: to.lng, timeZone: leg.arrivalZone },
    departureTime: localTimeOf(leg.departsAt, leg.departureZone),
    departureTimeZone: leg.departureZone,
    departsAt: leg.departsAt.toISOString(),
    arrivalTime: localTimeOf(leg.arrivesAt, leg.arrivalZone),
    arrivalTimeZone: leg.arrivalZone,
    arrivesAt: leg.arrivesAt.toISOString(),
    carrier: leg.carrier,
    number: leg.number,
    seat: leg.seat,
    bookingCode: leg.bookingCode,
  };
}

export type LegJson = ReturnType<typeof legJson>;

/**
 * The days a booking shows on. A transport: every day its legs touch (by local dates). A reservation: its day to its
 * end day; without days but with a time, the days its time span touches.
 */
export function bookingDayIds(row: BookingRow, days: TripDay[]): number[] {
  const dated = days.map((d) => ({ id: d.id, date: d.date }));
  if (row.legs.length > 0) {
    const touched = daysTouched(
      dated,
      row.legs.map((l) => ({ start: l.departsAt, startZone: l.departureZone, end: l.arrivesAt, endZone: l.arrivalZone })),
    );
    if (touched.length > 0) return touched;
  }
  const first = days.find((d) => d.id === row.dayId);
  const last = days.find((d) => d.id === (row.endDayId ?? row.dayId));
  if (first && last) return days.filter((d) => d.position >= first.position && d.position <= last.position).map((d) => d.id);
  if (row.startsAt && row.timeZone) {
    return daysTouched(dated, [{ start: row.startsAt, startZone: row.timeZone, end: row.endsAt ?? row.startsAt, endZone: row.timeZone }]);
  }
  return [];
}

export function bookingJson(row: BookingRow, days: TripDay[]) {
  const zone = row.timeZone;
  return {
    id: row.id,
    tripId: row.tripId,
    type: row.type as BookingKind,
    isTransport: isTransportKind(row.type),
    title: row.title,
    status: row.status as BookingStatus,
    reservationTime: row.startsAt && zone ? localTimeOf(row.startsAt, zone) : null,
    reservationEndTime: row.endsAt && zone ? localTimeOf(row.endsAt, zone) : null,
    timeZone: zone,
    startsAt: row.startsAt?.toISOString() ?? null,
    endsAt: row.endsAt?.toISOString() ?? null,
    dayId: row.dayId,
    endDayId: row.endDayId,
    dayIds: bookingDayIds(row, days),
    dayPositions: Object.fromEntries(row.dayPositions.map((p) => [String(p.dayId), p.position])) as Record<string, number>,
    placeId: row.placeId,
    placeName: row.place?.name ?? null,
    assignmentId: row.assignmentId,
    accommodationId: row.accommodationId,
    location: row.location,
    confirmationNumber: row.confirmationNumber,
    provider: row.provider,
    priceMinor: row.priceMinor,
    currency: row.currency,
    notes: row.notes,
    legs: [...row.legs].sort((a, b) => a.sequence - b.sequence).map(legJson),
    createdAt: row.createdAt.toISOString(),
  };
}

export type BookingJson = ReturnType<typeof bookingJson>;

/** Bookings by time (those without a time last), then by id. */
export function byTime(a: BookingJson, b: BookingJson) {
  if (a.startsAt !== b.startsAt) {
    if (a.startsAt === null) return 1;
    if (b.startsAt === null) return -1;
    return a.startsAt < b.startsAt ? -1 : 1;
  }
  return a.id - b.id;
}

// Bookings: reservations (hotel, restaurant, event, tour, activity, car rental, other) and transports (flight, train,
// bus, ferry, car) made of legs, plus the offline airport lookup the flight form and agents use. Times are local
// wall-clock time + IANA zone on input and output, stored as instants (docs/decisions/012-booking-times.md).
import { z } from 'zod';
import { authedProcedure, router, tripMemberProcedure } from '~/trpc/init';
import { LIMITS, MAX_ID, currency, id, latitude, longitude, text, timeOfDay, title } from '~/trpc/schemas';
import { accommodationJson } from '~/trpc/shape';
import { badRequest, notFound } from '~/domain/errors';
import { toIsoDate } from '~/domain/dates';
import { findAccommodation, findAssignment, findDay, findPlace, notInTrip, type DbLike } from '../trip-data.server';
import { tripChannel } from '~/realtime/channels';
import { accommodationEvents } from '~/areas/accommodations/events';
import { notifyStatusChange } from '../notifications/notify.server';
import { reservationEvents } from './events';
import { bookingInclude, bookingJson, byTime, type BookingRow, type TripDay } from './shape';
import { searchAirports } from './airports';
import { airportIndex } from './airports.server';
import {
  BOOKING_STATUSES,
  RESERVATION_KINDS,
  TRANSPORT_KINDS,
  checkLegOrder,
  checkNotBefore,
  dayOn,
  instantOf,
  isTimeZone,
  isTransportKind,
  localTimeOf,
} from './rules';

const shortText = (max: number) => z.string({ error: 'must be text' }).trim().max(max, `must be at most ${max} characters`);
const localDateTime = z
  .string({ error: 'must be a local date and time such as 2026-05-01T19:30' })
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, 'must be a local date and time such as 2026-05-01T19:30');
const timeZone = z
  .string({ error: 'must be an IANA time zone such as Europe/Paris' })
  .trim()
  .refine(isTimeZone, 'must be an IANA time zone such as Europe/Paris');
const iata = z
  .string({ error: 'must be a three-letter IATA airport code' })
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, 'must be a three-letter IATA airport code such as FRA');

/** Fields every booking has. */
const bookingFields = {
  title: title(),
  status: z.enum(BOOKING_STATUSES, { error: 'must be pending, confirmed or cancelled' }),
  confirmationNumber: shortText(100),
  provider: shortText(200),
  priceMinor: z.number({ error: 'must be a whole number of minor units (cents)' }).int('must be a whole number of minor units (cents)').min(0, 'must not be negative').max(MAX_ID, `must be at most ${MAX_ID}`).nullable(),
  currency: currency.nullable(),
  notes: text(),
};

const reservationFields = {
  ...bookingFields,
  type: z.enum(RESERVATION_KINDS, { error: `must be one of ${RESERVATION_KINDS.join(', ')}` }),
  reservationTime: localDateTime.nullable(),
  reservationEndTime: localDateTime.nullable(),
  timeZone: timeZone.nullable(),
  location: shortText(LIMITS.shortText),
  dayId: id('day').nullable(),
  endDayId: id('day').nullable(),
  placeId: id('place').nullable(),
  assignmentId: id('assignment').nullable(),
  accommodationId: id('accommodation').nullable(),
};

const endpoint = z
  .object(
    {
      airport: iata.optional(),
      placeId: id('place').optional(),
      name: shortText(200).min(1, 'must not be empty').optional(),
      lat: latitude.optional(),
      lng: longitude.optional(),
    },
    { error: 'must be an object with one of airport (IATA), placeId or name (a station)' },
  )
  .refine((e) => [e.airport, e.placeId, e.name].filter((v) => v !== undefined).length === 1, 'give exactly one of airport (IATA code), placeId or name (free-text station)');

const leg = z.object({
  from: endpoint,
  to: endpoint,
  departureTime: localDateTime,
  departureTimeZone: timeZone.optional(),
  arrivalTime: localDateTime,
  arrivalTimeZone: timeZone.optional(),
  carrier: shortText(100).optional(),
  number: shortText(20).optional(),
  seat: shortText(20).optional(),
  bookingCode: shortText(100).optional(),
});

const legs = z.array(leg, { error: 'must be a list of legs' }).min(1, 'a transport needs at least one leg').max(20, 'must have at most 20 legs');

const transportFields = { ...bookingFields, type: z.enum(TRANSPORT_KINDS, { error: `must be one of ${TRANSPORT_KINDS.join(', ')}` }), legs };

async function tripDays(db: DbLike, tripId: number): Promise<TripDay[]> {
  const days = await db.day.findMany({ where: { tripId }, orderBy: [{ position: 'asc' }, { id: 'asc' }] });
  return days.map((d) => ({ id: d.id, position: d.position, date: d.date ? toIsoDate(d.date) : null }));
}

async function findBooking(db: DbLike, tripId: number, reservationId: number) {
  const row = await db.reservation.findFirst({ where: { id: reservationId, tripId }, include: bookingInclude });
  if (!row) throw notInTrip('Reservation', reservationId, tripId);
  return row;
}

async function loadBooking(db: DbLike, reservationId: number): Promise<BookingRow> {
  return db.reservation.findUniqueOrThrow({ where: { id: reservationId }, include: bookingInclude });
}

function checkPrice(priceMinor: number | null | undefined, cur: string | null | undefined) {
  if ((priceMinor ?? null) !== null && !cur) throw badRequest('errors.priceNeedsCurrency', 'currency: a price needs its currency (e.g. EUR)');
}

/** The instants of a reservation's times; a time needs its zone. */
function reservationTimes(input: { reservationTime: string | null; reservationEndTime: string | null; timeZone: string | null }) {
  if ((input.reservationTime || input.reservationEndTime) && !input.timeZone) {
    throw badRequest('errors.timeZoneRequired', 'timeZone: give the IANA time zone of the place (e.g. Europe/Lisbon) with a time', { field: 'timeZone' });
  }
  const startsAt = input.reservationTime ? instantOf(input.reservationTime, input.timeZone!, 'reservationTime') : null;
  const endsAt = input.reservationEndTime ? instantOf(input.reservationEndTime, input.timeZone!, 'reservationEndTime') : null;
  if (startsAt && endsAt) checkNotBefore(startsAt, endsAt, 'reservationEndTime');
  return { startsAt, endsAt };
}

type ReservationValues = {
  [K in keyof typeof reservationFields]: z.infer<(typeof reservationFields)[K]>;
};

/** Checks every link against the trip and works out the days; nothing is written. */
/** The row to write, checked against the trip; also the trip's days it read, which the answer needs too. */
async function reservationRow(db: DbLike, tripId: number, v: ReservationValues) {
  checkPrice(v.priceMinor, v.currency);
  const { startsAt, endsAt } = reservationTimes(v);
  if (v.placeId) await findPlace(db, tripId, v.placeId);
  if (v.accommodationId) await findAccommodation(db, tripId, v.accommodationId);
  const assignment = v.assignmentId ? await findAssignment(db, tripId, v.assignmentId) : null;
  const days = await tripDays(db, tripId);
  for (const dayId of [v.dayId, v.endDayId]) {
    if (dayId && !days.some((d) => d.id === dayId)) throw notInTrip('Day', dayId, tripId);
  }
  // Without a day, the day is the trip day on the booking's local date, else the linked assignment's day.
  const dayId = v.dayId ?? (startsAt && v.timeZone ? dayOn(days, startsAt, v.timeZone) : null) ?? assignment?.dayId ?? null;
  const endDayId = v.endDayId ?? (endsAt && v.timeZone ? dayOn(days, endsAt, v.timeZone) : null);
  const position = (day: number) => days.find((d) => d.id === day)?.position ?? 0;
  if (dayId && endDayId && position(endDayId) < position(dayId)) {
    throw badRequest('errors.endDayBeforeDay', 'endDayId: the end day must not be before the day');
  }
  const data = {
    type: v.type,
    title: v.title,
    status: v.status,
    startsAt,
    endsAt,
    timeZone: startsAt || endsAt ? v.timeZone : null,
    dayId,
    endDayId,
    placeId: v.placeId,
    assignmentId: v.assignmentId,
    accommodationId: v.accommodationId,
    location: v.location,
    confirmationNumber: v.confirmationNumber,
    provider: v.provider,
    priceMinor: v.priceMinor,
    currency: v.priceMinor === null ? null : v.currency,
    notes: v.notes,
  };
  return { data, days };
}

type LegInput = z.infer<typeof leg>;
type EndpointInput = z.infer<typeof endpoint>;

/** Resolves an endpoint to what a leg stores: an airport brings name, coordinates and zone; a place its name and coordinates. */
async function resolveEndpoint(db: DbLike, tripId: number, e: EndpointInput, field: string) {
  if (e.airport) {
    const airport = (await airportIndex()).byIata.get(e.airport);
    if (!airport) throw badRequest('errors.unknownAirport', `${field}.airport: there is no airport ${e.airport} (look it up with search_airports)`, { code: e.airport });
    return { name: `${airport.name} (${airport.iata})`, code: airport.iata, placeId: null, lat: airport.lat, lng: airport.lng, zone: airport.tz as string | null };
  }
  if (e.placeId) {
    const place = await findPlace(db, tripId, e.placeId);
    return { name: place.name, code: null, placeId: place.id, lat: place.lat, lng: place.lng, zone: null };
  }
  return { name: e.name!, code: null, placeId: null, lat: e.lat ?? null, lng: e.lng ?? null, zone: null };
}

/** Every leg resolved and checked (endpoints, zones, times, order) before anything is written. */
async function resolveLegs(db: DbLike, tripId: number, input: LegInput[]) {
  const rows = [];
  for (const [i, l] of input.entries()) {
    const from = await resolveEndpoint(db, tripId, l.from, `legs.${i}.from`);
    const to = await resolveEndpoint(db, tripId, l.to, `legs.${i}.to`);
    const departureZone = l.departureTimeZone ?? from.zone;
    const arrivalZone = l.arrivalTimeZone ?? to.zone;
    if (!departureZone) throw badRequest('errors.timeZoneRequired', `legs.${i}.departureTimeZone: give the IANA time zone of the departure (airports bring their own)`, { field: `legs.${i}.departureTimeZone` });
    if (!arrivalZone) throw badRequest('errors.timeZoneRequired', `legs.${i}.arrivalTimeZone: give the IANA time zone of the arrival (airports bring their own)`, { field: `legs.${i}.arrivalTimeZone` });
    rows.push({
      sequence: i,
      fromName: from.name,
      fromCode: from.code,
      fromPlaceId: from.placeId,
      fromLat: from.lat,
      fromLng: from.lng,
      toName: to.name,
      toCode: to.code,
      toPlaceId: to.placeId,
      toLat: to.lat,
      toLng: to.lng,
      departsAt: instantOf(l.departureTime, departureZone, `legs.${i}.departureTime`),
      departureZone,
      arrivesAt: instantOf(l.arrivalTime, arrivalZone, `legs.${i}.arrivalTime`),
      arrivalZone,
      carrier: l.carrier ?? '',
      number: l.number ?? '',
      seat: l.seat ?? '',
      bookingCode: l.bookingCode ?? '',
    });
  }
  checkLegOrder(rows);
  return rows;
}

/** A transport's own times and days come from its legs: first departure, last arrival. */
function transportSpan(rows: Awaited<ReturnType<typeof resolveLegs>>, days: TripDay[]) {
  const first = rows[0]!;
  const last = rows[rows.length - 1]!;
  return {
    startsAt: first.departsAt,
    endsAt: last.arrivesAt,
    timeZone: first.departureZone,
    dayId: dayOn(days, first.departsAt, first.departureZone),
    endDayId: dayOn(days, last.arrivesAt, last.arrivalZone),
  };
}

export const reservationsRouter = router({
  listReservations: tripMemberProcedure
    .meta({
      scope: 'reservations:read',
      mcp: {
        name: 'list_reservations',
        kind: 'read',
        description:
          'All bookings of the trip — reservations and transports with their legs — by time. Times are local (reservationTime, departureTime…) with their IANA zone, plus the UTC instant (startsAt, departsAt). dayIds lists every day a booking touches (an overnight transport is on each).',
        resource: { uri: 'waymark://trips/{tripId}/reservations', name: 'trip-reservations', description: 'Bookings of a trip (reservations and transports with legs), by time' },
      },
    })
    .query(async ({ ctx, input }) => {
      const [rows, days] = await Promise.all([
        ctx.db.reservation.findMany({ where: { tripId: input.tripId }, include: bookingInclude }),
        tripDays(ctx.db, input.tripId),
      ]);
      return { reservations: rows.map((r) => bookingJson(r, days)).sort(byTime) };
    }),

  createReservation: tripMemberProcedure
    .meta({
      scope: 'reservations:write',
      mcp: {
        name: 'create_reservation',
        kind: 'write',
        description:
          'Add a reservation (type hotel, restaurant, event, tour, activity, car_rental or other; journeys are create_transport). reservationTime/reservationEndTime are local times "2026-05-01T19:30" in timeZone (IANA, required with a time). Without dayId the day is the trip day of that date. placeId, assignmentId, accommodationId, dayId, endDayId must be in the trip. Price in minor units (priceMinor 1250 = 12.50) with currency. status defaults to pending.',
      },
    })
    .input(
      z.object({
        ...reservationFields,
        status: reservationFields.status.default('pending'),
        reservationTime: reservationFields.reservationTime.optional().default(null),
        reservationEndTime: reservationFields.reservationEndTime.optional().default(null),
        timeZone: reservationFields.timeZone.optional().default(null),
        location: reservationFields.location.optional().default(''),
        confirmationNumber: reservationFields.confirmationNumber.optional().default(''),
        provider: reservationFields.provider.optional().default(''),
        priceMinor: reservationFields.priceMinor.optional().default(null),
        currency: reservationFields.currency.optional().default(null),
        notes: reservationFields.notes.optional().default(''),
        dayId: reservationFields.dayId.optional().default(null),
        endDayId: reservationFields.endDayId.optional().default(null),
        placeId: reservationFields.placeId.optional().default(null),
        assignmentId: reservationFields.assignmentId.optional().default(null),
        accommodationId: reservationFields.accommodationId.optional().default(null),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const { data, days } = await reservationRow(ctx.db, input.tripId, input);
      const created = await ctx.db.reservation.create({ data: { tripId: input.tripId, ...data }, include: bookingInclude });
      const reservation = bookingJson(created, days);
      ctx.emit(tripChannel(input.tripId), reservationEvents.make('reservation.created', { reservation }));
      return { reservation };
    }),

  updateReservation: tripMemberProcedure
    .meta({
      scope: 'reservations:write',
      mcp: {
        name: 'update_reservation',
        kind: 'idempotent',
        description:
          'Change a reservation; only the fields you send change. null for placeId, assignmentId, accommodationId, dayId, endDayId or a time removes it (unlinks — unlike the original, where null kept the link). Transports are changed with update_transport.',
      },
    })
    .input(z.object({ reservationId: id('reservation'), ...z.object(reservationFields).partial().shape }))
    .mutation(async ({ ctx, input }) => {
      const current = await findBooking(ctx.db, input.tripId, input.reservationId);
      if (isTransportKind(current.type)) {
        throw badRequest('errors.useTransportTools', `reservationId: ${input.reservationId} is a transport; change it with update_transport`);
      }
      const zone = current.timeZone;
      const pick = <K extends keyof ReservationValues>(key: K, now: ReservationValues[K]): ReservationValues[K] =>
        input[key] === undefined ? now : (input[key] as ReservationValues[K]);
      const merged: ReservationValues = {
        type: pick('type', current.type as ReservationValues['type']),
        title: pick('title', current.title),
        status: pick('status', current.status as ReservationValues['status']),
        reservationTime: pick('reservationTime', current.startsAt && zone ? localTimeOf(current.startsAt, zone) : null),
        reservationEndTime: pick('reservationEndTime', current.endsAt && zone ? localTimeOf(current.endsAt, zone) : null),
        timeZone: pick('timeZone', zone),
        location: pick('location', current.location),
        confirmationNumber: pick('confirmationNumber', current.confirmationNumber),
        provider: pick('provider', current.provider),
        priceMinor: pick('priceMinor', current.priceMinor),
        currency: pick('currency', current.currency),
        notes: pick('notes', current.notes),
        // days are worked out again from a new time unless given
        dayId: input.dayId !== undefined ? input.dayId : input.reservationTime !== undefined || input.timeZone !== undefined ? null : current.dayId,
        endDayId: input.endDayId !== undefined ? input.endDayId : input.reservationEndTime !== undefined || input.timeZone !== undefined ? null : current.endDayId,
        placeId: pick('placeId', current.placeId),
        assignmentId: pick('assignmentId', current.assignmentId),
        accommodationId: pick('accommodationId', current.accommodationId),
      };
      const { data, days } = await reservationRow(ctx.db, input.tripId, merged);
      const updated = await ctx.db.reservation.update({ where: { id: current.id }, data, include: bookingInclude });
      const reservation = bookingJson(updated, days);
      ctx.emit(tripChannel(input.tripId), reservationEvents.make('reservation.updated', { reservation }));
      await notifyStatusChange(ctx, current, reservation);
      return { reservation };
    }),

  deleteReservation: tripMemberProcedure
    .meta({
      scope: 'reservations:write',
      mcp: {
        name: 'delete_reservation',
        kind: 'destructive',
        description: 'Delete a booking (reservation or transport with its legs). A stay linked with link_hotel_accommodation is deleted with it.',
      },
    })
    .input(z.object({ reservationId: id('reservation') }))
    .mutation(async ({ ctx, input }) => {
      const current = await findBooking(ctx.db, input.tripId, input.reservationId);
      await ctx.db.$transaction(async (tx) => {
        await tx.reservation.delete({ where: { id: current.id } });
        if (current.accommodationId) await tx.accommodation.deleteMany({ where: { id: current.accommodationId, tripId: input.tripId } });
      });
      ctx.emit(tripChannel(input.tripId), reservationEvents.make('reservation.deleted', { reservationId: current.id, title: current.title }));
      if (current.accommodationId) {
        ctx.emit(tripChannel(input.tripId), accommodationEvents.make('accommodation.deleted', { accommodationId: current.accommodationId }));
      }
      return { deleted: true as const, reservationId: current.id };
    }),

  reorderReservations: tripMemberProcedure
    .meta({
      scope: 'reservations:write',
      mcp: {
        name: 'reorder_reservations',
        kind: 'idempotent',
        description:
          'Place bookings among a day’s planned places: dayPlanPosition is a number ≥ 0 on the scale of the day’s place positions, fractions allowed (1.5 = between the second and third place). With dayId the positions are for that day (a booking may be on several days); without it, for each booking’s own day.',
      },
    })
    .input(
      z.object({
        dayId: id('day').optional(),
        positions: z
          .array(z.object({ id: id('reservation'), dayPlanPosition: z.number({ error: 'must be a number' }).min(0, 'must not be negative').max(10_000, 'must be at most 10000') }), {
            error: 'must be a list of {id, dayPlanPosition}',
          })
          .min(1, 'must list at least one booking')
          .max(LIMITS.listItems, `must list at most ${LIMITS.listItems} items per call`),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      if (input.dayId) await findDay(ctx.db, input.tripId, input.dayId);
      const ids = [...new Set(input.positions.map((p) => p.id))];
      const rows = await ctx.db.reservation.findMany({ where: { id: { in: ids }, tripId: input.tripId } });
      const missing = ids.find((i) => !rows.some((r) => r.id === i));
      if (missing !== undefined) throw notInTrip('Reservation', missing, input.tripId);
      const dayOf = new Map(rows.map((r) => [r.id, input.dayId ?? r.dayId]));
      const noDay = ids.find((i) => !dayOf.get(i));
      if (noDay !== undefined) throw badRequest('errors.reservationWithoutDay', `positions: booking ${noDay} is on no day; give dayId`, { id: noDay });
      await ctx.db.$transaction(async (tx) => {
        for (const p of input.positions) {
          const dayId = dayOf.get(p.id)!;
          await tx.reservationDayPosition.upsert({
            where: { reservationId_dayId: { reservationId: p.id, dayId } },
            create: { reservationId: p.id, dayId, position: p.dayPlanPosition },
            update: { position: p.dayPlanPosition },
          });
        }
      });
      const days = await tripDays(ctx.db, input.tripId);
      const updated = await ctx.db.reservation.findMany({ where: { id: { in: ids } }, include: bookingInclude });
      const reservations = updated.map((r) => bookingJson(r, days)).sort(byTime);
      ctx.emit(tripChannel(input.tripId), reservationEvents.make('reservations.reordered', { reservations }));
      return { reservations };
    }),

  linkHotelAccommodation: tripMemberProcedure
    .meta({
      scope: 'reservations:write',
      mcp: {
        name: 'link_hotel_accommodation',
        kind: 'idempotent',
        description:
          'For a hotel reservation: create or update its stay (accommodation) at placeId from startDayId (check-in) to endDayId (check-out), times HH:MM; the confirmation number is copied, and the reservation gets the place and days.',
      },
    })
    .input(
      z.object({
        reservationId: id('reservation'),
        placeId: id('place'),
        startDayId: id('day'),
        endDayId: id('day'),
        checkIn: timeOfDay.nullish(),
        checkOut: timeOfDay.nullish(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const current = await findBooking(ctx.db, input.tripId, input.reservationId);
      if (current.type !== 'hotel') throw badRequest('errors.notAHotel', `reservationId: ${current.id} is a ${current.type} reservation; only hotels have a stay`);
      await findPlace(ctx.db, input.tripId, input.placeId);
      const checkIn = await findDay(ctx.db, input.tripId, input.startDayId);
      const checkOut = await findDay(ctx.db, input.tripId, input.endDayId);
      if (checkOut.position < checkIn.position) throw badRequest('errors.checkOutBeforeCheckIn', 'endDayId: the check-out day must not be before the check-in day');
      const stay = {
        placeId: input.placeId,
        checkInDayId: input.startDayId,
        checkOutDayId: input.endDayId,
        checkInTime: input.checkIn ?? null,
        checkOutTime: input.checkOut ?? null,
        confirmation: current.confirmationNumber,
      };
      const { accommodation, created, booking } = await ctx.db.$transaction(async (tx) => {
        const existing = current.accommodationId ? await tx.accommodation.findFirst({ where: { id: current.accommodationId, tripId: input.tripId } }) : null;
        const acc = existing
          ? await tx.accommodation.update({ where: { id: existing.id }, data: stay, include: { place: true } })
          : await tx.accommodation.create({ data: { tripId: input.tripId, ...stay }, include: { place: true } });
        await tx.reservation.update({ where: { id: current.id }, data: { accommodationId: acc.id, placeId: input.placeId, dayId: input.startDayId, endDayId: input.endDayId } });
        return { accommodation: acc, created: !existing, booking: await loadBooking(tx, current.id) };
      });
      const reservation = bookingJson(booking, await tripDays(ctx.db, input.tripId));
      const stayJson = accommodationJson(accommodation);
      ctx.emit(tripChannel(input.tripId), accommodationEvents.make(created ? 'accommodation.created' : 'accommodation.updated', { accommodation: stayJson }));
      ctx.emit(tripChannel(input.tripId), reservationEvents.make('reservation.updated', { reservation }));
      return { reservation, accommodationId: accommodation.id };
    }),

  createTransport: tripMemberProcedure
    .meta({
      scope: 'reservations:write',
      mcp: {
        name: 'create_transport',
        kind: 'write',
        example: {
          tripId: 12,
          type: 'flight',
          title: 'Lisbon to Porto',
          legs: [{ from: { airport: 'LIS' }, to: { airport: 'OPO' }, departureTime: '2027-05-03T08:10', arrivalTime: '2027-05-03T09:05', number: 'TP 1944' }],
        },
        description:
          'Book a journey (type flight, train, bus, ferry or car) of one or more legs. Each leg: from and to (exactly one of airport: IATA code — look it up with search_airports —, placeId of a trip place, or name of a station with optional lat/lng), departureTime and arrivalTime as local times "2026-05-01T22:10" in departureTimeZone / arrivalTimeZone (IANA; airports bring their own), carrier, number (e.g. LH 1234), seat, bookingCode. Everything is checked first (arrival after departure across zones, legs in order) and written in one transaction. The booking appears on every day its legs touch.',
      },
    })
    .input(
      z.object({
        ...transportFields,
        status: bookingFields.status.default('pending'),
        confirmationNumber: bookingFields.confirmationNumber.optional().default(''),
        provider: bookingFields.provider.optional().default(''),
        priceMinor: bookingFields.priceMinor.optional().default(null),
        currency: bookingFields.currency.optional().default(null),
        notes: bookingFields.notes.optional().default(''),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      checkPrice(input.priceMinor, input.currency);
      const legRows = await resolveLegs(ctx.db, input.tripId, input.legs);
      const days = await tripDays(ctx.db, input.tripId);
      const row = await ctx.db.reservation.create({
        data: {
          tripId: input.tripId,
          type: input.type,
          title: input.title,
          status: input.status,
          confirmationNumber: input.confirmationNumber,
          provider: input.provider,
          priceMinor: input.priceMinor,
          currency: input.priceMinor === null ? null : input.currency,
          notes: input.notes,
          ...transportSpan(legRows, days),
          // the booking and its legs in one statement, so there is never a booking without its legs
          legs: { create: legRows },
        },
        include: bookingInclude,
      });
      const reservation = bookingJson(row, days);
      ctx.emit(tripChannel(input.tripId), reservationEvents.make('reservation.created', { reservation }));
      return { reservation };
    }),

  updateTransport: tripMemberProcedure
    .meta({
      scope: 'reservations:write',
      mcp: {
        name: 'update_transport',
        kind: 'idempotent',
        description: 'Change a transport; only the fields you send change. legs, when sent, replaces all legs (same shape as create_transport). type must stay a transport type.',
      },
    })
    .input(z.object({ reservationId: id('reservation'), ...z.object(transportFields).partial().shape }))
    .mutation(async ({ ctx, input }) => {
      const current = await findBooking(ctx.db, input.tripId, input.reservationId);
      if (!isTransportKind(current.type)) {
        throw badRequest('errors.notATransport', `reservationId: ${current.id} is a ${current.type} reservation; change it with update_reservation`);
      }
      const priceMinor = input.priceMinor === undefined ? current.priceMinor : input.priceMinor;
      const cur = input.currency === undefined ? current.currency : input.currency;
      checkPrice(priceMinor, cur);
      const legRows = input.legs ? await resolveLegs(ctx.db, input.tripId, input.legs) : null;
      const days = await tripDays(ctx.db, input.tripId);
      const row = await ctx.db.$transaction(async (tx) => {
        if (legRows) await tx.transportLeg.deleteMany({ where: { reservationId: current.id } });
        await tx.reservation.update({
          where: { id: current.id },
          data: {
            type: input.type,
            title: input.title,
            status: input.status,
            confirmationNumber: input.confirmationNumber,
            provider: input.provider,
            priceMinor,
            currency: priceMinor === null ? null : cur,
            notes: input.notes,
            ...(legRows ? { ...transportSpan(legRows, days), legs: { create: legRows } } : {}),
          },
        });
        return loadBooking(tx, current.id);
      });
      const reservation = bookingJson(row, days);
      ctx.emit(tripChannel(input.tripId), reservationEvents.make('reservation.updated', { reservation }));
      await notifyStatusChange(ctx, current, reservation);
      return { reservation };
    }),

  deleteTransport: tripMemberProcedure
    .meta({
      scope: 'reservations:write',
      mcp: { name: 'delete_transport', kind: 'destructive', description: 'Delete a booking with all its legs (any booking type is accepted).' },
    })
    .input(z.object({ reservationId: id('reservation') }))
    .mutation(async ({ ctx, input }) => {
      const current = await findBooking(ctx.db, input.tripId, input.reservationId);
      await ctx.db.reservation.delete({ where: { id: current.id } });
      ctx.emit(tripChannel(input.tripId), reservationEvents.make('reservation.deleted', { reservationId: current.id, title: current.title }));
      return { deleted: true as const, reservationId: current.id };
    }),

  searchAirports: authedProcedure
    .meta({
      scope: 'geo:read',
      mcp: {
        name: 'search_airports',
        kind: 'read',
        description:
          'Find airports in the offline dataset (OpenFlights, ODbL) by IATA or ICAO code, city or name (accents ignored). An exact three-letter IATA code returns only that airport; otherwise ranked IATA exact > ICAO exact > IATA prefix > city prefix > name prefix > city contains > name contains, ties by IATA. Each airport has iata, icao, name, city, country, lat, lng and tz (IANA).',
      },
    })
    .input(
      z.object({
        query: z.string({ error: 'must be text' }).trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
        limit: z.number({ error: 'must be a whole number' }).int('must be a whole number').min(1, 'must be at least 1').max(50, 'must be at most 50').default(10),
      }),
    )
    .query(async ({ input }) => ({ airports: searchAirports(await airportIndex(), input.query, input.limit) })),

  getAirport: authedProcedure
    .meta({
      scope: 'geo:read',
      mcp: { name: 'get_airport', kind: 'read', description: 'One airport by its three-letter IATA code (case does not matter): iata, icao, name, city, country, lat, lng, tz (IANA).' },
    })
    .input(z.object({ iata: z.string({ error: 'must be text' }).trim().toUpperCase().length(3, 'must be exactly 3 letters').regex(/^[A-Z]{3}$/, 'must be a three-letter IATA code such as FRA') }))
    .query(async ({ input }) => {
      const airport = (await airportIndex()).byIata.get(input.iata);
      if (!airport) throw notFound('Airport', input.iata);
      return { airport };
    }),
});

// Accommodations: a place plus check-in and check-out days (check-out not before check-in), times, confirmation.
import { z } from 'zod';
import { router, tripMemberProcedure } from '~/trpc/init';
import { LIMITS, id, latitude, longitude, text, timeOfDay, title } from '~/trpc/schemas';
import { accommodationJson, placeJson } from '~/trpc/shape';
import { badRequest } from '~/domain/errors';
import { createPlaceRow, findAccommodation, findDay, findPlace, type DbLike } from '../trip-data.server';
import { tripChannel } from '~/realtime/channels';
import { accommodationEvents } from './events';
import { placeEvents } from '~/areas/places/events';

const CONFIRMATION_MAX = 200;

const stayFields = {
  checkInTime: timeOfDay.nullish(),
  checkOutTime: timeOfDay.nullish(),
  confirmation: z.string({ error: 'must be text' }).trim().max(CONFIRMATION_MAX, `must be at most ${CONFIRMATION_MAX} characters`).optional(),
  notes: text().optional(),
};

/** Both days must be in the trip, and check-out must not come before check-in (by day order). */
async function checkStay(db: DbLike, tripId: number, checkInDayId: number, checkOutDayId: number) {
  const checkIn = await findDay(db, tripId, checkInDayId);
  const checkOut = await findDay(db, tripId, checkOutDayId);
  if (checkOut.position < checkIn.position) {
    throw badRequest('errors.checkOutBeforeCheckIn', 'checkOutDayId: the check-out day must not be before the check-in day');
  }
}

const withPlace = { place: true } as const;

interface StayInput {
  tripId: number;
  checkInDayId: number;
  checkOutDayId: number;
  checkInTime?: string | null;
  checkOutTime?: string | null;
  confirmation?: string;
  notes?: string;
}

/** The accommodation row for a new stay at placeId. */
function stayData(input: StayInput, placeId: number) {
  return {
    tripId: input.tripId,
    placeId,
    checkInDayId: input.checkInDayId,
    checkOutDayId: input.checkOutDayId,
    checkInTime: input.checkInTime ?? null,
    checkOutTime: input.checkOutTime ?? null,
    confirmation: input.confirmation ?? '',
    notes: input.notes ?? '',
  };
}

export const accommodationsRouter = router({
  listAccommodations: tripMemberProcedure
    .meta({
      scope: 'trips:any',
      mcp: {
        name: 'list_accommodations',
        kind: 'read',
        description: 'The trip’s accommodations with their places and check-in/check-out days.',
        resource: { uri: 'waymark://trips/{tripId}/accommodations', name: 'trip-accommodations', description: 'Accommodations of a trip', onlyResource: true },
      },
    })
    .query(async ({ ctx, input }) => {
      const rows = await ctx.db.accommodation.findMany({
        where: { tripId: input.tripId },
        include: { place: true, checkInDay: true },
        orderBy: [{ checkInDay: { position: 'asc' } }, { id: 'asc' }],
      });
      return { accommodations: rows.map((a) => accommodationJson(a)) };
    }),

  createAccommodation: tripMemberProcedure
    .meta({
      scope: 'trips:write',
      mcp: {
        name: 'create_accommodation',
        kind: 'write',
        description:
          'Record a stay at one of the trip’s places: checkInDayId and checkOutDayId are day ids (check-out not before check-in); times HH:MM; confirmation is the booking reference.',
      },
    })
    .input(z.object({ placeId: id('place'), checkInDayId: id('day'), checkOutDayId: id('day'), ...stayFields }))
    .mutation(async ({ ctx, input }) => {
      await findPlace(ctx.db, input.tripId, input.placeId);
      await checkStay(ctx.db, input.tripId, input.checkInDayId, input.checkOutDayId);
      const accommodation = await ctx.db.accommodation.create({ data: stayData(input, input.placeId), include: withPlace });
      const json = accommodationJson(accommodation);
      ctx.emit(tripChannel(input.tripId), accommodationEvents.make('accommodation.created', { accommodation: json }));
      return { accommodation: json };
    }),

  createPlaceAccommodation: tripMemberProcedure
    .meta({
      scope: 'trips:write',
      mcp: {
        name: 'create_place_accommodation',
        kind: 'write',
        description:
          'Create a hotel place and the stay there in one step: place has name, address, lat/lng, url, phone; the other fields as in create_accommodation.',
      },
    })
    .input(
      z.object({
        place: z.object(
          {
            name: title(),
            address: text(LIMITS.shortText).optional(),
            lat: latitude.nullish(),
            lng: longitude.nullish(),
            url: z
              .string({ error: 'must be text' })
              .trim()
              .max(2000, 'must be at most 2000 characters')
              .refine((v) => v === '' || (/^https?:\/\//i.test(v) && URL.canParse(v)), 'must be a web address starting with http:// or https://')
              .optional(),
            phone: z.string({ error: 'must be text' }).trim().max(50, 'must be at most 50 characters').optional(),
          },
          { error: 'must be an object with at least a name' },
        ),
        checkInDayId: id('day'),
        checkOutDayId: id('day'),
        ...stayFields,
      }),
    )
    .mutation(async ({ ctx, input }) => {
      await checkStay(ctx.db, input.tripId, input.checkInDayId, input.checkOutDayId);
      const { place, accommodation } = await ctx.db.$transaction(async (tx) => {
        const hotel = await tx.category.findUnique({ where: { key: 'hotel' } });
        const created = await createPlaceRow(tx, input.tripId, ctx.actor.user.id, { ...input.place, categoryId: hotel?.id ?? null });
        const stay = await tx.accommodation.create({ data: stayData(input, created.id), include: withPlace });
        return { place: created, accommodation: stay };
      });
      const placeOut = placeJson(place);
      const accommodationOut = accommodationJson(accommodation);
      ctx.emit(tripChannel(input.tripId), placeEvents.make('place.created', { place: placeOut }));
      ctx.emit(tripChannel(input.tripId), accommodationEvents.make('accommodation.created', { accommodation: accommodationOut }));
      return { place: placeOut, accommodation: accommodationOut };
    }),

  updateAccommodation: tripMemberProcedure
    .meta({
      scope: 'trips:write',
      mcp: {
        name: 'update_accommodation',
        kind: 'idempotent',
        description: 'Change a stay’s place, days, times, confirmation or notes; only the fields you send change.',
      },
    })
    .input(
      z.object({
        accommodationId: id('accommodation'),
        placeId: id('place').optional(),
        checkInDayId: id('day').optional(),
        checkOutDayId: id('day').optional(),
        ...stayFields,
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const current = await findAccommodation(ctx.db, input.tripId, input.accommodationId);
      if (input.placeId) await findPlace(ctx.db, input.tripId, input.placeId);
      if (input.checkInDayId || input.checkOutDayId) {
        await checkStay(ctx.db, input.tripId, input.checkInDayId ?? current.checkInDayId, input.checkOutDayId ?? current.checkOutDayId);
      }
      const accommodation = await ctx.db.accommodation.update({
        where: { id: input.accommodationId },
        data: {
          placeId: input.placeId,
          checkInDayId: input.checkInDayId,
          checkOutDayId: input.checkOutDayId,
          checkInTime: input.checkInTime,
          checkOutTime: input.checkOutTime,
          confirmation: input.confirmation,
          notes: input.notes,
        },
        include: withPlace,
      });
      const json = accommodationJson(accommodation);
      ctx.emit(tripChannel(input.tripId), accommodationEvents.make('accommodation.updated', { accommodation: json }));
      return { accommodation: json };
    }),

  deleteAccommodation: tripMemberProcedure
    .meta({
      scope: 'trips:write',
      mcp: { name: 'delete_accommodation', kind: 'destructive', description: 'Delete a stay. The place itself stays in the trip.' },
    })
    .input(z.object({ accommodationId: id('accommodation') }))
    .mutation(async ({ ctx, input }) => {
      await findAccommodation(ctx.db, input.tripId, input.accommodationId);
      await ctx.db.accommodation.delete({ where: { id: input.accommodationId } });
      ctx.emit(tripChannel(input.tripId), accommodationEvents.make('accommodation.deleted', { accommodationId: input.accommodationId }));
      return { deleted: true as const, accommodationId: input.accommodationId };
    }),
});


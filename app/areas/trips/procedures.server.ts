// Trips: create, update (days follow the date range), archive, delete, list, copy, iCalendar export, summary.
import { z } from 'zod';
import { grantAllows } from '~/auth/scopes';
import { budgetTotals } from '../budget/budget-data.server';
import { packingSummary } from '../packing/packing-data.server';
import { openTodosSummary } from '../todos/todos-data.server';
import type { EventAttributes } from 'ics';
import { authedProcedure, router, tripMemberProcedure } from '~/trpc/init';
import { LIMITS, currency, isoDate, text, title } from '~/trpc/schemas';
import { accommodationJson, assignmentJson, dayJson, dayNoteJson, publicUserSelect, tripJson, userJson } from '~/trpc/shape';
import { badRequest, ownerOnly } from '~/domain/errors';
import { MAX_TRIP_DAYS, datesInRange, daysBetween, fromIsoDate, planDayChanges, toIsoDate } from '~/domain/dates';
import type { Db } from '~/db/client.server';
import { tripMemberIds, tripsVisibleTo } from '../trip-data.server';
import { tripChannel, userChannel } from '~/realtime/channels';
import { tripEvents } from './events';
import { syncTripSkeletons } from '../journey/skeletons.server';
import { bookingCalendarEvents } from '~/areas/reservations/calendar.server';

const dateRange = z
  .object({ startDate: isoDate.nullish(), endDate: isoDate.nullish() })
  .superRefine((v, ctx) => {
    if (!!v.startDate !== !!v.endDate) {
      ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'start and end date go together (give both or neither)' });
    } else if (v.startDate && v.endDate) {
      const span = daysBetween(v.startDate, v.endDate);
      if (span < 0) ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'must not be before the start date' });
      if (span >= MAX_TRIP_DAYS) {
        ctx.addIssue({ code: 'custom', path: ['endDate'], message: `a trip can span at most ${MAX_TRIP_DAYS} days` });
      }
    }
  });

export async function loadTripSummary(db: Db, tripId: number) {
  const trip = await db.trip.findUniqueOrThrow({
    where: { id: tripId },
    include: {
      owner: { select: publicUserSelect },
      members: { include: { user: { select: publicUserSelect } }, orderBy: { addedAt: 'asc' } },
      days: {
        orderBy: { position: 'asc' },
        include: {
          assignments: { orderBy: { position: 'asc' }, include: { place: true, participants: true } },
          notes: { orderBy: [{ position: 'asc' }, { id: 'asc' }] },
        },
      },
      accommodations: { include: { place: true }, orderBy: { id: 'asc' } },
    },
  });
  return {
    trip: tripJson(trip),
    owner: userJson(trip.owner),
    members: [
      { ...userJson(trip.owner), role: 'owner' as const },
      ...trip.members.map((m) => ({ ...userJson(m.user), role: 'member' as const })),
    ],
    days: trip.days.map((d) => ({
      ...dayJson(d),
      assignments: d.assignments.map((a) => assignmentJson(a)),
      notes: d.notes.map(dayNoteJson),
    })),
    accommodations: trip.accommodations.map((a) => accommodationJson(a)),
  };
}

export const tripsRouter = router({
  listTrips: authedProcedure
    .meta({
      scope: 'none',
      mcp: {
        name: 'list_trips',
        kind: 'read',
        description: 'List the trips you own or are a member of (archived ones only when includeArchived is true).',
        resource: { uri: 'waymark://trips', name: 'trips', description: 'Your trips' },
      },
    })
    .input(z.object({ includeArchived: z.boolean().default(false) }).default({ includeArchived: false }))
    .query(async ({ ctx, input }) => {
      const userId = ctx.actor.user.id;
      const trips = await ctx.db.trip.findMany({
        where: { ...tripsVisibleTo(userId), ...(input.includeArchived ? {} : { archived: false }) },
        include: { owner: { select: publicUserSelect }, members: { include: { user: { select: publicUserSelect } } }, _count: { select: { places: true, days: true } } },
        orderBy: [{ archived: 'asc' }, { startDate: { sort: 'asc', nulls: 'last' } }, { id: 'desc' }],
      });
      return {
        trips: trips.map((trip) => ({
          ...tripJson(trip),
          role: trip.ownerId === userId ? ('owner' as const) : ('member' as const),
          members: [userJson(trip.owner), ...trip.members.map((m) => userJson(m.user))],
          placeCount: trip._count.places,
          dayCount: trip._count.days,
        })),
      };
    }),

  getTrip: tripMemberProcedure
    .meta({
      scope: 'trips:any',
      mcp: {
        name: 'get_trip',
        kind: 'read',
        description: 'A trip’s details.',
        resource: { uri: 'waymark://trips/{tripId}', name: 'trip', description: 'One trip', onlyResource: true },
      },
    })
    .query(({ ctx }) => ({ trip: tripJson(ctx.trip), role: ctx.isOwner ? 'owner' : 'member' })),

  getTripSummary: tripMemberProcedure
    .meta({
      scope: 'none',
      mcp: {
        name: 'get_trip_summary',
        kind: 'read',
        description:
          'Everything about one trip in one call: details, members, days in order with their assigned places and notes, and accommodations; budget totals in the trip currency when the budget addon is on and the caller may read the budget (otherwise budget is null); packing progress (checked/total overall and per category) and the open to-dos (with how many are overdue) when the lists addon is on and the caller may read them (otherwise packing / todos are null).',
      },
    })
    .query(async ({ ctx, input }) => {
      const summary = await loadTripSummary(ctx.db, input.tripId);
      // Budget totals only for callers who could read the budget itself.
      const showBudget = grantAllows(ctx.actor.scopes, 'budget:read') && (await ctx.services.addons.isEnabled('budget'));
      // Packing progress and open to-dos likewise only for callers who could read those lists.
      const lists = await ctx.services.addons.isEnabled('lists');
      const showPacking = lists && grantAllows(ctx.actor.scopes, 'packing:read');
      const showTodos = lists && grantAllows(ctx.actor.scopes, 'todos:read');
      return {
        ...summary,
        budget: showBudget ? await budgetTotals(ctx.db, input.tripId) : null,
        packing: showPacking ? await packingSummary(ctx.db, input.tripId) : null,
        todos: showTodos ? await openTodosSummary(ctx.db, input.tripId, toIsoDate(new Date())) : null,
      };
    }),

  createTrip: authedProcedure
    .meta({
      scope: 'trips:write',
      mcp: {
        name: 'create_trip',
        kind: 'write',
        description:
          'Create a trip. With startDate and endDate (YYYY-MM-DD) one day is created per date; currency is a three-letter code (default EUR).',
      },
    })
    .input(
      z
        .object({ title: title(), description: text().default(''), currency: currency.default('EUR') })
        .and(dateRange),
    )
    .mutation(async ({ ctx, input }) => {
      const dates = input.startDate && input.endDate ? datesInRange(input.startDate, input.endDate) : [];
      const trip = await ctx.db.trip.create({
        data: {
          ownerId: ctx.actor.user.id,
          title: input.title,
          description: input.description,
          currency: input.currency,
          startDate: input.startDate ? fromIsoDate(input.startDate) : null,
          endDate: input.endDate ? fromIsoDate(input.endDate) : null,
          days: { create: dates.map((date, position) => ({ position, date: fromIsoDate(date) })) },
        },
      });
      ctx.emit(userChannel(ctx.actor.user.id), tripEvents.make('trip.created', { trip: tripJson(trip) }));
      return { trip: tripJson(trip), dayCount: dates.length };
    }),

  updateTrip: tripMemberProcedure
    .meta({
      scope: 'trips:write',
      mcp: {
        name: 'update_trip',
        kind: 'idempotent',
        description:
          'Change a trip’s title, description, currency or dates. Changing dates adds days for new dates and keeps days (with their places) whose date stays; dropping days that hold places, notes or stays needs confirmDropDays: true.',
      },
    })
    .input(
      z
        .object({
          title: title().optional(),
          description: text().optional(),
          currency: currency.optional(),
          confirmDropDays: z.boolean().default(false),
        })
        .and(dateRange),
    )
    .mutation(async ({ ctx, input }) => {
      const datesGiven = input.startDate !== undefined || input.endDate !== undefined;
      const trip = await ctx.db.$transaction(async (tx) => {
        if (datesGiven) {
          const days = await tx.day.findMany({
            where: { tripId: input.tripId },
            include: { _count: { select: { assignments: true, notes: true, checkIns: true, checkOuts: true } } },
            orderBy: { position: 'asc' },
          });
          const plan = planDayChanges(
            days.map((d) => ({ id: d.id, date: d.date ? toIsoDate(d.date) : null })),
            input.startDate ?? null,
            input.endDate ?? null,
          );
          // A stay whose check-in or check-out day goes would go with it, so those days count as holding something too.
          const held = (d: (typeof days)[number]) => d._count.assignments + d._count.notes + d._count.checkIns + d._count.checkOuts;
          const busy = days.filter((d) => plan.drop.includes(d.id) && held(d) > 0);
          if (busy.length > 0 && !input.confirmDropDays) {
            throw badRequest(
              'errors.dropDaysNeedsConfirmation',
              `The new dates drop ${busy.length === 1 ? '1 day that holds' : `${busy.length} days that hold`} places, notes or stays (${busy
                .map((d) => toIsoDate(d.date!))
                .join(', ')}); send confirmDropDays: true to drop them`,
              { count: busy.length },
            );
          }
          if (plan.drop.length) await tx.day.deleteMany({ where: { id: { in: plan.drop } } });
          if (plan.create.length) {
            await tx.day.createMany({
              data: plan.create.map((date) => ({ tripId: input.tripId, position: 0, date: fromIsoDate(date) })),
            });
          }
          // Dated days in date order, then undated days in their old order.
          const after = await tx.day.findMany({ where: { tripId: input.tripId }, orderBy: { position: 'asc' } });
          const ordered = [
            ...after.filter((d) => d.date).sort((a, b) => a.date!.getTime() - b.date!.getTime()),
            ...after.filter((d) => !d.date),
          ];
          for (const [position, day] of ordered.entries()) {
            if (day.position !== position) await tx.day.update({ where: { id: day.id }, data: { position } });
          }
          await syncTripSkeletons(ctx, tx, input.tripId);
        }
        return tx.trip.update({
          where: { id: input.tripId },
          data: {
            title: input.title,
            description: input.description,
            currency: input.currency,
            ...(datesGiven
              ? {
                  startDate: input.startDate ? fromIsoDate(input.startDate) : null,
                  endDate: input.endDate ? fromIsoDate(input.endDate) : null,
                }
              : {}),
          },
        });
      });
      ctx.emit(tripChannel(trip.id), tripEvents.make('trip.updated', { trip: tripJson(trip), daysChanged: datesGiven }));
      return { trip: tripJson(trip) };
    }),

  setTripArchived: tripMemberProcedure
    .meta({ scope: 'trips:write' })
    .input(z.object({ archived: z.boolean() }))
    .mutation(async ({ ctx, input }) => {
      if (!ctx.isOwner) throw ownerOnly(input.archived ? 'archive the trip' : 'unarchive the trip');
      const trip = await ctx.db.trip.update({ where: { id: input.tripId }, data: { archived: input.archived } });
      ctx.emit(tripChannel(trip.id), tripEvents.make('trip.updated', { trip: tripJson(trip) }));
      return { trip: tripJson(trip) };
    }),

  deleteTrip: tripMemberProcedure
    .meta({
      scope: 'trips:delete',
      mcp: { name: 'delete_trip', kind: 'destructive', description: 'Delete a trip and everything in it. Only the owner can.' },
    })
    .mutation(async ({ ctx, input }) => {
      if (!ctx.isOwner) throw ownerOnly('delete the trip');
      const memberIds = await tripMemberIds(ctx.db, input.tripId);
      await ctx.db.trip.delete({ where: { id: input.tripId } });
      ctx.emit(tripChannel(input.tripId), tripEvents.make('trip.deleted', { tripId: input.tripId }));
      for (const userId of memberIds) ctx.emit(userChannel(userId), tripEvents.make('trip.deleted', { tripId: input.tripId }));
      return { deleted: true, tripId: input.tripId };
    }),

  copyTrip: tripMemberProcedure
    .meta({
      scope: 'trips:write',
      mcp: {
        name: 'copy_trip',
        kind: 'write',
        description:
          'Copy a trip (days, places, assignments, day notes, accommodations) into a new trip you own. Members are not copied.',
      },
    })
    .input(z.object({ title: title().optional() }))
    .mutation(async ({ ctx, input }) => {
      const copy = await ctx.db.$transaction(async (tx) => {
        const source = await tx.trip.findUniqueOrThrow({ where: { id: input.tripId } });
        const trip = await tx.trip.create({
          data: {
            ownerId: ctx.actor.user.id,
            title: input.title ?? `${source.title} (copy)`.slice(0, LIMITS.title),
            description: source.description,
            currency: source.currency,
            startDate: source.startDate,
            endDate: source.endDate,
          },
        });
        // Loaded here, not at the top: the copy steps come from the area list, which includes this very router.
        const { copyTripData } = await import('../copy.server');
        await copyTripData({ tx, sourceTripId: source.id, tripId: trip.id, actorId: ctx.actor.user.id, ids: {} });
        return trip;
      });
      ctx.emit(userChannel(ctx.actor.user.id), tripEvents.make('trip.created', { trip: tripJson(copy) }));
      return { trip: tripJson(copy) };
    }),

  exportTripIcs: tripMemberProcedure
    .meta({
      scope: 'trips:any',
      mcp: {
        name: 'export_trip_ics',
        kind: 'read',
        description: 'The trip as an iCalendar (.ics) file: the trip itself, timed place visits, accommodations, reservations and transport legs (at their real instants, local time and zone in the description).',
      },
    })
    .query(async ({ ctx, input }) => {
      const summary = await loadTripSummary(ctx.db, input.tripId);
      const events: EventAttributes[] = [];
      const dateParts = (iso: string) => iso.split('-').map(Number) as [number, number, number];
      const { trip } = summary;
      if (trip.startDate && trip.endDate) {
        const end = new Date(fromIsoDate(trip.endDate).getTime() + 86_400_000);
        events.push({
          uid: `waymark-trip-${trip.id}`,
          title: trip.title,
          description: trip.description || undefined,
          start: dateParts(trip.startDate),
          end: dateParts(toIsoDate(end)),
        });
      }
      for (const day of summary.days) {
        if (!day.date) continue;
        for (const a of day.assignments) {
          if (!a.startTime) continue;
          const [y, m, d] = dateParts(day.date);
          const [sh, sm] = a.startTime.split(':').map(Number);
          const [eh, em] = (a.endTime ?? '').split(':').map(Number);
          events.push({
            uid: `waymark-assignment-${a.id}`,
            title: a.place?.name ?? 'Place',
            location: a.place?.address || undefined,
            description: a.notes || undefined,
            start: [y, m, d, sh, sm],
            startInputType: 'local',
            startOutputType: 'local',
            ...(a.endTime ? { end: [y, m, d, eh, em] } : { duration: { hours: 1 } }),
          } as EventAttributes);
        }
      }
      events.push(...(await bookingCalendarEvents(ctx.db, input.tripId)));
      const { createEvents } = await import('ics'); // loaded on first use, not at start-up (decision 036)
      const result = createEvents(events.length ? events : [], { productId: 'waymark/trips', calName: trip.title });
      if (result.error || !result.value) {
        throw badRequest('errors.icsFailed', `Could not build the calendar: ${result.error?.message ?? 'no events'}`);
      }
      const filename = `${trip.title.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'trip'}.ics`;
      return { filename, ics: result.value };
    }),
});

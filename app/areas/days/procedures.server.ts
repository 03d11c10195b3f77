// Days of a trip: list (with assigned places and notes), add a day (dated within the trip's range, or undated at the
// end), retitle, delete (remaining days keep contiguous positions).
import { z } from 'zod';
import { router, tripMemberProcedure } from '~/trpc/init';
import { LIMITS, id, isoDate } from '~/trpc/schemas';
import { assignmentJson, dayJson, dayNoteJson } from '~/trpc/shape';
import { badRequest } from '~/domain/errors';
import { fromIsoDate, toIsoDate } from '~/domain/dates';
import { datedDayIndex, positionChanges } from '~/domain/ordering';
import { compactTripDays, findDay } from '../trip-data.server';
import { tripChannel } from '~/realtime/channels';
import { dayEvents } from './events';
import { syncTripSkeletons } from '../journey/skeletons.server';

const dayTitle = z.string({ error: 'must be text' }).trim().max(LIMITS.title, `must be at most ${LIMITS.title} characters`);

export const daysRouter = router({
  listDays: tripMemberProcedure
    .meta({
      scope: 'trips:any',
      mcp: {
        name: 'list_days',
        kind: 'read',
        description: 'The trip’s days in order, each with its assigned places (in visiting order) and its notes.',
        resource: { uri: 'waymark://trips/{tripId}/days', name: 'trip-days', description: 'Days of a trip with places and notes', onlyResource: true },
      },
    })
    .query(async ({ ctx, input }) => {
      const days = await ctx.db.day.findMany({
        where: { tripId: input.tripId },
        orderBy: { position: 'asc' },
        include: {
          assignments: { orderBy: { position: 'asc' }, include: { place: true, participants: true } },
          notes: { orderBy: [{ position: 'asc' }, { id: 'asc' }] },
        },
      });
      return {
        days: days.map((d) => ({ ...dayJson(d), assignments: d.assignments.map((a) => assignmentJson(a)), notes: d.notes.map(dayNoteJson) })),
      };
    }),

  createDay: tripMemberProcedure
    .meta({
      scope: 'trips:write',
      mcp: {
        name: 'create_day',
        kind: 'write',
        description:
          'Add a day to the trip. date (YYYY-MM-DD) must fall within the trip’s dates and not be taken by another day; without a date the day is added at the end. title is optional.',
      },
    })
    .input(z.object({ date: isoDate.nullish(), title: dayTitle.optional() }))
    .mutation(async ({ ctx, input }) => {
      const date = input.date ?? null;
      const trip = ctx.trip;
      if (date) {
        if (!trip.startDate || !trip.endDate) {
          throw badRequest('errors.dayDateNoRange', 'date: this trip has no dates; add an undated day or set the trip’s dates first');
        }
        const start = toIsoDate(trip.startDate);
        const end = toIsoDate(trip.endDate);
        if (date < start || date > end) {
          throw badRequest('errors.dayDateOutOfRange', `date: must be within the trip’s dates (${start} to ${end})`, { start, end });
        }
      }
      const day = await ctx.db.$transaction(async (tx) => {
        const days = await tx.day.findMany({ where: { tripId: input.tripId }, orderBy: [{ position: 'asc' }, { id: 'asc' }] });
        const existing = days.map((d) => ({ id: d.id, position: d.position, date: d.date ? toIsoDate(d.date) : null }));
        if (date && existing.some((d) => d.date === date)) {
          throw badRequest('errors.dayDateTaken', `date: the trip already has a day for ${date}`, { date });
        }
        const index = date ? datedDayIndex(existing, date) : existing.length;
        // Make room: every day from `index` on moves one place down.
        const shifted = [...existing.slice(0, index), { id: -1, position: -1, date }, ...existing.slice(index)];
        for (const change of positionChanges(shifted)) {
          if (change.id !== -1) await tx.day.update({ where: { id: change.id }, data: { position: change.position } });
        }
        return tx.day.create({
          data: { tripId: input.tripId, position: index, date: date ? fromIsoDate(date) : null, title: input.title ?? '' },
        });
      });
      ctx.emit(tripChannel(input.tripId), dayEvents.make('day.created', { day: dayJson(day) }));
      return { day: dayJson(day) };
    }),

  updateDay: tripMemberProcedure
    .meta({
      scope: 'trips:write',
      mcp: { name: 'update_day', kind: 'idempotent', description: 'Set a day’s title (an empty title clears it). dayId is the day’s id.' },
    })
    .input(z.object({ dayId: id('day'), title: dayTitle }))
    .mutation(async ({ ctx, input }) => {
      await findDay(ctx.db, input.tripId, input.dayId);
      const day = await ctx.db.day.update({ where: { id: input.dayId }, data: { title: input.title } });
      ctx.emit(tripChannel(input.tripId), dayEvents.make('day.updated', { day: dayJson(day) }));
      return { day: dayJson(day) };
    }),

  deleteDay: tripMemberProcedure
    .meta({
      scope: 'trips:write',
      mcp: {
        name: 'delete_day',
        kind: 'destructive',
        description: 'Delete a day with its place assignments, notes and the accommodations that check in or out on it. The places stay in the trip.',
      },
    })
    .input(z.object({ dayId: id('day') }))
    .mutation(async ({ ctx, input }) => {
      await findDay(ctx.db, input.tripId, input.dayId);
      await ctx.db.$transaction(async (tx) => {
        await tx.day.delete({ where: { id: input.dayId } });
        await compactTripDays(tx, input.tripId);
        await syncTripSkeletons(ctx, tx, input.tripId);
      });
      ctx.emit(tripChannel(input.tripId), dayEvents.make('day.deleted', { dayId: input.dayId }));
      return { deleted: true as const, dayId: input.dayId };
    }),
});

// Places on days: assign, unassign, times, move between days, reorder within a day, participants. Positions on
// every day stay contiguous (0..n-1).
import { z } from 'zod';
import { router, tripMemberProcedure } from '~/trpc/init';
import { LIMITS, id, idList, timeOfDay } from '~/trpc/schemas';
import { assignmentJson, publicUserSelect, userJson } from '~/trpc/shape';
import { badRequest } from '~/domain/errors';
import { isPermutation, placeAt } from '~/domain/ordering';
import { timesInOrder } from '~/domain/day-notes';
import {
  assignmentInclude,
  checkTripPeople,
  compactDayAssignments,
  findAssignment,
  findDay,
  findPlace,
  insertAssignment,
  renumberAssignments,
} from '../trip-data.server';
import { tripChannel } from '~/realtime/channels';
import { assignmentEvents } from './events';
import { syncTripSkeletons } from '../journey/skeletons.server';

const position = z
  .number({ error: 'must be a position (a whole number, 0 = first)' })
  .int()
  .min(0, 'must be 0 or more')
  .max(LIMITS.listItems, `must be at most ${LIMITS.listItems}`);

const endNotBeforeStart = (v: { startTime?: string | null; endTime?: string | null }, ctx: z.RefinementCtx) => {
  if (!timesInOrder(v.startTime, v.endTime)) {
    ctx.addIssue({ code: 'custom', path: ['endTime'], message: 'must not be before startTime' });
  }
};

export const assignmentsRouter = router({
  assignPlaceToDay: tripMemberProcedure
    .meta({
      scope: 'places:write',
      mcp: {
        name: 'assign_place_to_day',
        kind: 'write',
        description:
          'Put one of the trip’s places on a day’s plan. position is 0-based within the day (default: last); startTime/endTime are optional HH:MM.',
      },
    })
    .input(
      z
        .object({
          placeId: id('place'),
          dayId: id('day'),
          position: position.optional(),
          startTime: timeOfDay.nullish(),
          endTime: timeOfDay.nullish(),
        })
        .superRefine(endNotBeforeStart),
    )
    .mutation(async ({ ctx, input }) => {
      await findPlace(ctx.db, input.tripId, input.placeId);
      await findDay(ctx.db, input.tripId, input.dayId);
      const assignment = await ctx.db.$transaction(async (tx) => {
        const created = await insertAssignment(tx, input);
        await syncTripSkeletons(ctx, tx, input.tripId);
        return created;
      });
      const json = assignmentJson(assignment);
      ctx.emit(tripChannel(input.tripId), assignmentEvents.make('assignment.created', { assignment: json }));
      return { assignment: json };
    }),

  unassignPlace: tripMemberProcedure
    .meta({
      scope: 'places:write',
      mcp: {
        name: 'unassign_place',
        kind: 'destructive',
        description: 'Take a place off a day (the place stays in the trip). assignmentId is the id of the place-on-day entry.',
      },
    })
    .input(z.object({ assignmentId: id('assignment') }))
    .mutation(async ({ ctx, input }) => {
      const assignment = await findAssignment(ctx.db, input.tripId, input.assignmentId);
      await ctx.db.$transaction(async (tx) => {
        await tx.assignment.delete({ where: { id: assignment.id } });
        await compactDayAssignments(tx, assignment.dayId);
        await syncTripSkeletons(ctx, tx, input.tripId);
      });
      ctx.emit(tripChannel(input.tripId), assignmentEvents.make('assignment.deleted', { assignmentId: assignment.id, dayId: assignment.dayId }));
      return { deleted: true as const, assignmentId: assignment.id, dayId: assignment.dayId };
    }),

  updateAssignmentTime: tripMemberProcedure
    .meta({
      scope: 'places:write',
      mcp: {
        name: 'update_assignment_time',
        kind: 'idempotent',
        description: 'Set or clear the start and end time (HH:MM, or null) of a place on a day. The end must not be before the start.',
      },
    })
    .input(
      z
        .object({ assignmentId: id('assignment'), startTime: timeOfDay.nullable(), endTime: timeOfDay.nullable() })
        .superRefine(endNotBeforeStart),
    )
    .mutation(async ({ ctx, input }) => {
      await findAssignment(ctx.db, input.tripId, input.assignmentId);
      const assignment = await ctx.db.$transaction(async (tx) => {
        const updated = await tx.assignment.update({
          where: { id: input.assignmentId },
          data: { startTime: input.startTime, endTime: input.endTime },
          include: assignmentInclude,
        });
        await syncTripSkeletons(ctx, tx, input.tripId);
        return updated;
      });
      const json = assignmentJson(assignment);
      ctx.emit(tripChannel(input.tripId), assignmentEvents.make('assignment.updated', { assignment: json }));
      return { assignment: json };
    }),

  moveAssignment: tripMemberProcedure
    .meta({
      scope: 'places:write',
      mcp: {
        name: 'move_assignment',
        kind: 'idempotent',
        description: 'Move a place-on-day entry to another day (or another position on the same day). position is 0-based (default: last).',
      },
    })
    .input(z.object({ assignmentId: id('assignment'), toDayId: id('day'), position: position.optional() }))
    .mutation(async ({ ctx, input }) => {
      const current = await findAssignment(ctx.db, input.tripId, input.assignmentId);
      await findDay(ctx.db, input.tripId, input.toDayId);
      const fromDayId = current.dayId;
      const assignment = await ctx.db.$transaction(async (tx) => {
        const target = await tx.assignment.findMany({
          where: { dayId: input.toDayId, id: { not: current.id } },
          orderBy: [{ position: 'asc' }, { id: 'asc' }],
        });
        if (fromDayId !== input.toDayId) {
          await tx.assignment.update({ where: { id: current.id }, data: { dayId: input.toDayId } });
        }
        const order = placeAt(
          target.map((a) => a.id),
          current.id,
          input.position,
        );
        const byId = new Map([...target, { id: current.id, position: -1 }].map((a) => [a.id, a]));
        await renumberAssignments(
          tx,
          order.map((aid) => byId.get(aid)!),
        );
        if (fromDayId !== input.toDayId) await compactDayAssignments(tx, fromDayId);
        await syncTripSkeletons(ctx, tx, input.tripId);
        return tx.assignment.findUniqueOrThrow({ where: { id: current.id }, include: assignmentInclude });
      });
      const json = assignmentJson(assignment);
      ctx.emit(tripChannel(input.tripId), assignmentEvents.make('assignment.moved', { assignment: json, fromDayId }));
      return { assignment: json };
    }),

  reorderDayAssignments: tripMemberProcedure
    .meta({
      scope: 'places:write',
      mcp: {
        name: 'reorder_day_assignments',
        kind: 'idempotent',
        description: 'Set the visiting order of a day: assignmentIds lists every place-on-day entry of that day, first to last.',
      },
    })
    .input(z.object({ dayId: id('day'), assignmentIds: idList('assignment') }))
    .mutation(async ({ ctx, input }) => {
      await findDay(ctx.db, input.tripId, input.dayId);
      const assignments = await ctx.db.$transaction(async (tx) => {
        const current = await tx.assignment.findMany({ where: { dayId: input.dayId } });
        if (
          !isPermutation(
            current.map((a) => a.id),
            input.assignmentIds,
          )
        ) {
          throw badRequest(
            'errors.reorderMismatch',
            `assignmentIds: must list each of the day’s ${current.length === 1 ? '1 assignment' : `${current.length} assignments`} exactly once`,
            { count: current.length },
          );
        }
        const byId = new Map(current.map((a) => [a.id, a]));
        await renumberAssignments(
          tx,
          input.assignmentIds.map((aid) => byId.get(aid)!),
        );
        return tx.assignment.findMany({ where: { dayId: input.dayId }, orderBy: { position: 'asc' }, include: assignmentInclude });
      });
      ctx.emit(tripChannel(input.tripId), assignmentEvents.make('assignment.reordered', { dayId: input.dayId, assignmentIds: input.assignmentIds }));
      return { assignments: assignments.map((a) => assignmentJson(a)) };
    }),

  getAssignmentParticipants: tripMemberProcedure
    .meta({
      scope: 'places:read',
      mcp: {
        name: 'get_assignment_participants',
        kind: 'read',
        description: 'Who of the trip’s members takes part in a place-on-day entry (empty means everyone).',
      },
    })
    .input(z.object({ assignmentId: id('assignment') }))
    .query(async ({ ctx, input }) => {
      await findAssignment(ctx.db, input.tripId, input.assignmentId);
      const rows = await ctx.db.assignmentParticipant.findMany({
        where: { assignmentId: input.assignmentId },
        include: { user: { select: publicUserSelect } },
        orderBy: { userId: 'asc' },
      });
      return { participants: rows.map((r) => userJson(r.user)) };
    }),

  setAssignmentParticipants: tripMemberProcedure
    .meta({
      scope: 'places:write',
      mcp: {
        name: 'set_assignment_participants',
        kind: 'idempotent',
        description: 'Replace who takes part in a place-on-day entry. userIds must be the trip owner or members; an empty list means everyone.',
      },
    })
    .input(z.object({ assignmentId: id('assignment'), userIds: idList('user') }))
    .mutation(async ({ ctx, input }) => {
      await findAssignment(ctx.db, input.tripId, input.assignmentId);
      await checkTripPeople(ctx.db, input.tripId, input.userIds, 'userIds');
      const userIds = [...new Set(input.userIds)];
      const assignment = await ctx.db.$transaction(async (tx) => {
        await tx.assignmentParticipant.deleteMany({ where: { assignmentId: input.assignmentId } });
        if (userIds.length) {
          await tx.assignmentParticipant.createMany({ data: userIds.map((userId) => ({ assignmentId: input.assignmentId, userId })) });
        }
        return tx.assignment.findUniqueOrThrow({ where: { id: input.assignmentId }, include: assignmentInclude });
      });
      const users = await ctx.db.user.findMany({ where: { id: { in: userIds } }, orderBy: { id: 'asc' } });
      ctx.emit(tripChannel(input.tripId), assignmentEvents.make('assignment.updated', { assignment: assignmentJson(assignment) }));
      return { participants: users.map(userJson) };
    }),
});

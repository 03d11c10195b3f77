// Trip members: list, add by username or e-mail, remove (the owner removes anyone; a member may leave).
import { z } from 'zod';
import { router, tripMemberProcedure } from '~/trpc/init';
import { id } from '~/trpc/schemas';
import { publicUserSelect, userJson, tripJson } from '~/trpc/shape';
import { DomainError, badRequest, ownerOnly } from '~/domain/errors';
import { tripChannel, userChannel } from '~/realtime/channels';
import { memberEvents } from './events';
import { notify } from '../notifications/notify.server';
import { findUserByIdentifier } from '../trip-data.server';

export const membersRouter = router({
  listTripMembers: tripMemberProcedure
    .meta({
      scope: 'trips:any',
      mcp: {
        name: 'list_trip_members',
        kind: 'read',
        description: 'The trip’s owner and members.',
        resource: { uri: 'waymark://trips/{tripId}/members', name: 'trip-members', description: 'Members of a trip' },
      },
    })
    .query(async ({ ctx, input }) => {
      const trip = await ctx.db.trip.findUniqueOrThrow({
        where: { id: input.tripId },
        include: { owner: { select: publicUserSelect }, members: { include: { user: { select: publicUserSelect } }, orderBy: { addedAt: 'asc' } } },
      });
      return {
        members: [
          { ...userJson(trip.owner), role: 'owner' as const },
          ...trip.members.map((m) => ({ ...userJson(m.user), role: 'member' as const })),
        ],
      };
    }),

  addTripMember: tripMemberProcedure
    .meta({
      scope: 'trips:write',
      mcp: {
        name: 'add_trip_member',
        kind: 'write',
        description: 'Add a registered user to the trip by username or e-mail address.',
      },
    })
    .input(z.object({ identifier: z.string().trim().min(1, 'must not be empty').max(254, 'must be at most 254 characters') }))
    .mutation(async ({ ctx, input }) => {
      const user = await findUserByIdentifier(ctx.db, input.identifier);
      if (user.id === ctx.trip.ownerId) throw badRequest('errors.alreadyOwner', `${user.displayName} owns this trip already`);
      const existing = await ctx.db.tripMember.findUnique({ where: { tripId_userId: { tripId: input.tripId, userId: user.id } } });
      if (existing) throw badRequest('errors.alreadyMember', `${user.displayName} is already a member of this trip`);
      await ctx.db.tripMember.create({ data: { tripId: input.tripId, userId: user.id } });
      const member = { ...userJson(user), role: 'member' as const };
      ctx.emit(tripChannel(input.tripId), memberEvents.make('member.added', { tripId: input.tripId, member }));
      ctx.emit(userChannel(user.id), memberEvents.make('trip.shared', { trip: tripJson(ctx.trip) }));
      await notify(ctx, { recipients: [user.id], type: 'trip_added', tripId: input.tripId, link: `/trips/${input.tripId}` });
      return { member };
    }),

  removeTripMember: tripMemberProcedure
    .meta({
      scope: 'trips:write',
      mcp: {
        name: 'remove_trip_member',
        kind: 'destructive',
        description: 'Remove a member from the trip. Only the owner can remove others; a member can remove themselves (leave).',
      },
    })
    .input(z.object({ userId: id('user') }))
    .mutation(async ({ ctx, input }) => {
      const self = input.userId === ctx.actor.user.id;
      if (!ctx.isOwner && !self) throw ownerOnly('remove members');
      if (input.userId === ctx.trip.ownerId) throw badRequest('errors.cannotRemoveOwner', 'The owner cannot be removed from the trip');
      const { count } = await ctx.db.tripMember.deleteMany({ where: { tripId: input.tripId, userId: input.userId } });
      if (count === 0) {
        throw new DomainError('NOT_FOUND', 'errors.memberNotFound', `User ${input.userId} is not a member of this trip`, {
          userId: input.userId,
        });
      }
      // The removed member's open sockets are cut off right after this call's events went out (they reconnect and are
      // refused the trip's channels).
      ctx.disconnectAfterPublish.push(input.userId);
      ctx.emit(tripChannel(input.tripId), memberEvents.make('member.removed', { tripId: input.tripId, userId: input.userId }));
      ctx.emit(userChannel(input.userId), memberEvents.make('trip.unshared', { tripId: input.tripId }));
      await notify(ctx, { recipients: [input.userId], type: 'trip_removed', tripId: input.tripId });
      return { removed: true, userId: input.userId };
    }),
});

// Deleting one's own account (decision 037). Web session only and without MCP meta: an agent never deletes the user
// it acts for.
import { z } from 'zod';
import { webSessionProcedure } from '../init';
import { DomainError } from '~/domain/errors';
import { verifyPassword } from '~/auth/password.server';
import { deleteAccount, ownedTripsForDeletion, tripChoicesSchema, type DeletedAccount } from '~/auth/account-deletion.server';
import { tripChannel, userChannel } from '~/realtime/channels';
import { tripEvents } from '~/areas/trips/events';
import { accountEvents } from '~/areas/account/events';
import type { Context } from '../init';

/** Tells the members of every transferred or deleted trip, once the deletion committed. */
export async function announceDeletedAccount(ctx: Context, deleted: DeletedAccount) {
  const owners = await ctx.db.user.findMany({
    where: { id: { in: deleted.transferred.map((t) => t.newOwnerId) } },
    select: { id: true, displayName: true },
  });
  for (const { tripId, newOwnerId } of deleted.transferred) {
    const event = accountEvents.make('trip.ownerChanged', { tripId, ownerId: newOwnerId, ownerName: owners.find((o) => o.id === newOwnerId)?.displayName ?? '' });
    ctx.emit(tripChannel(tripId), event);
    ctx.emit(userChannel(newOwnerId), event);
  }
  for (const tripId of deleted.deletedTripIds) {
    ctx.emit(tripChannel(tripId), tripEvents.make('trip.deleted', { tripId }));
    for (const userId of deleted.deletedTripMembers.get(tripId) ?? []) ctx.emit(userChannel(userId), tripEvents.make('trip.deleted', { tripId }));
  }
}

export const accountDeletionProcedures = {
  /** The trips the signed-in user owns, with the members each could go to, and how the deletion is confirmed. */
  deletionPlan: webSessionProcedure.meta({ scope: 'none' }).query(async ({ ctx }) => {
    const user = ctx.actor.user;
    const sso = (await ctx.db.oidcLink.count({ where: { userId: user.id } })) > 0;
    const lastAdmin = user.isAdmin && (await ctx.db.user.count({ where: { isAdmin: true } })) <= 1;
    return { trips: await ownedTripsForDeletion(ctx.db, user.id), confirmWith: sso ? ('passwordOrEmail' as const) : ('password' as const), lastAdmin };
  }),

  deleteAccount: webSessionProcedure
    .meta({ scope: 'none' })
    .input(
      z.object({
        /** the account's password; users who sign in through single sign-on may type their e-mail address instead */
        confirmation: z.string().min(1, 'must not be empty').max(500),
        trips: tripChoicesSchema,
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const user = ctx.actor.user;
      if (!(await confirms(ctx, input.confirmation))) {
        await ctx.services.audit({ action: 'account.delete', userId: user.id, success: false, ip: ctx.ip });
        throw new DomainError('BAD_REQUEST', 'errors.accountDeletionConfirmWrong', 'The password (or, for single sign-on, the e-mail address) is not correct');
      }
      const deleted = await deleteAccount(ctx.services, user.id, input.trips, ctx.ip ?? null);
      await announceDeletedAccount(ctx, deleted);
      return { deleted: true, transferredTrips: deleted.transferred.length, deletedTrips: deleted.deletedTripIds.length };
    }),
};

async function confirms(ctx: Context & { actor: NonNullable<Context['actor']> }, confirmation: string) {
  const user = ctx.actor.user;
  if (await verifyPassword(user.passwordHash, confirmation)) return true;
  // An account created by single sign-on has a random password nobody knows: its e-mail address confirms instead.
  const sso = (await ctx.db.oidcLink.count({ where: { userId: user.id } })) > 0;
  return sso && confirmation.trim().toLowerCase() === user.email.toLowerCase();
}

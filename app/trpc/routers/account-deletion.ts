// Deleting one's own account (decision 037). Web session only and without MCP meta: an agent never deletes the user
// it acts for. An account that signs in through single sign-on confirms at its provider first (decision 041).
import { z } from 'zod';
import { webSessionProcedure } from '../init';
import { DomainError } from '~/domain/errors';
import { verifyPassword } from '~/auth/password.server';
import { consumeStepUp, hasSsoLink, STEP_UP_LIFETIME_MS } from '~/auth/oidc.server';
import { deleteAccount, ownedTripsForDeletion, tripChoicesSchema, type DeletedAccount } from '~/auth/account-deletion.server';
import { tripChannel, userChannel } from '~/realtime/channels';
import { tripEvents } from '~/areas/trips/events';
import { accountEvents } from '~/areas/account/events';
import type { Context } from '../init';

/** Tells the members of every transferred or deleted trip, once the deletion committed. */
export function announceDeletedAccount(ctx: Context, deleted: DeletedAccount) {
  for (const { tripId, newOwnerId, newOwnerName } of deleted.transferred) {
    const event = accountEvents.make('trip.ownerChanged', { tripId, ownerId: newOwnerId, ownerName: newOwnerName });
    ctx.emit(tripChannel(tripId), event);
    ctx.emit(userChannel(newOwnerId), event);
  }
  for (const tripId of deleted.deletedTripIds) {
    ctx.emit(tripChannel(tripId), tripEvents.make('trip.deleted', { tripId }));
    for (const userId of deleted.deletedTripMembers.get(tripId) ?? []) ctx.emit(userChannel(userId), tripEvents.make('trip.deleted', { tripId }));
  }
}

export const accountDeletionProcedures = {
  /**
   * The trips the signed-in user owns, with the members each could go to, and how the deletion is confirmed: the
   * password, or (single sign-on) a sign-in at the provider, with when this session's step-up, if any, runs out.
   */
  deletionPlan: webSessionProcedure.meta({ scope: 'none' }).query(async ({ ctx }) => {
    const user = ctx.actor.user;
    const [sso, admins, trips] = await Promise.all([
      hasSsoLink(ctx.services, user.id),
      ctx.db.user.count({ where: { isAdmin: true } }),
      ownedTripsForDeletion(ctx.db, user.id),
    ]);
    const { reauthenticatedAt } = ctx.actor;
    const stepUpUntil = sso && reauthenticatedAt ? reauthenticatedAt.getTime() + STEP_UP_LIFETIME_MS : 0;
    return {
      trips,
      confirmWith: sso ? ('provider' as const) : ('password' as const),
      /** the provider's name for "Confirm with …"; null without single sign-on */
      provider: sso ? (ctx.services.config.oidc?.buttonLabel ?? null) : null,
      /** until when this session's confirmation at the provider counts (ISO time); null when there is none */
      confirmedUntil: stepUpUntil > Date.now() ? new Date(stepUpUntil).toISOString() : null,
      lastAdmin: user.isAdmin && admins <= 1,
    };
  }),

  deleteAccount: webSessionProcedure
    .meta({ scope: 'none' })
    .input(
      z.object({
        /** the account's password; an account that signs in through single sign-on confirms at its provider instead */
        confirmation: z.string().min(1, 'must not be empty').max(500).optional(),
        trips: tripChoicesSchema,
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const user = ctx.actor.user;
      if (await hasSsoLink(ctx.services, user.id)) {
        // single use: a deletion that then fails for another reason needs a new confirmation
        if (!(await consumeStepUp(ctx.services, ctx.actor.sessionId ?? ''))) {
          await ctx.services.audit({ action: 'account.delete', userId: user.id, success: false, ip: ctx.ip, detail: { stepUp: 'missing' } });
          throw new DomainError('BAD_REQUEST', 'errors.accountDeletionStepUpMissing', 'Confirm with your sign-in service first. A confirmation counts once, for 5 minutes.');
        }
      } else if (!(await verifyPassword(user.passwordHash, input.confirmation ?? ''))) {
        await ctx.services.audit({ action: 'account.delete', userId: user.id, success: false, ip: ctx.ip });
        throw new DomainError('BAD_REQUEST', 'errors.accountDeletionConfirmWrong', 'The password is not correct');
      }
      const deleted = await deleteAccount(ctx.services, user.id, input.trips, ctx.ip ?? null);
      announceDeletedAccount(ctx, deleted);
      return { deleted: true, transferredTrips: deleted.transferred.length, deletedTrips: deleted.deletedTripIds.length };
    }),
};

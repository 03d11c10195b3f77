// Administration of the installation: users (list, promote/demote, delete) and the addon switches. Web session + admin only.
import { z } from 'zod';
import { id, text } from '../schemas';
import { createInvite, inviteUsable, REGISTRATION_MODES, registrationMode, setRegistrationMode } from '~/auth/registration.server';
import { router, adminProcedure } from '../init';
import { DomainError, notFound } from '~/domain/errors';
import { ADDONS, ADDON_IDS } from '~/domain/addons';
import { deleteUnusedRegistrations } from '~/oauth/clients.server';
import { revokeTokens } from '~/oauth/grants.server';
import { deleteAccount, ownedTripsForDeletion, refuseLastAdmin, tripChoicesSchema } from '~/auth/account-deletion.server';
import { announceDeletedAccount } from './account-deletion';

const userIdSchema = id('user');

export const adminRouter = router({
  listUsers: adminProcedure.meta({ scope: 'none' }).query(async ({ ctx }) => {
    const users = await ctx.db.user.findMany({
      orderBy: { id: 'asc' },
      include: { _count: { select: { ownedTrips: true } } },
    });
    return {
      users: users.map((u) => ({
        id: u.id,
        email: u.email,
        username: u.username,
        displayName: u.displayName,
        language: u.language,
        isAdmin: u.isAdmin,
        createdAt: u.createdAt.toISOString(),
        ownedTripCount: u._count.ownedTrips,
      })),
    };
  }),

  setAdmin: adminProcedure
    .meta({ scope: 'none' })
    .input(z.object({ userId: userIdSchema, isAdmin: z.boolean({ error: 'must be true or false' }) }))
    .mutation(async ({ ctx, input }) => {
      if (!input.isAdmin && input.userId === ctx.actor.user.id) {
        throw new DomainError('BAD_REQUEST', 'errors.cannotDemoteSelf', 'You cannot remove your own administrator rights');
      }
      const user = await ctx.db.$transaction(async (tx) => {
        const target = await tx.user.findUnique({ where: { id: input.userId } });
        if (!target) throw notFound('User', input.userId);
        if (!input.isAdmin) await refuseLastAdmin(tx, target, () => new DomainError('BAD_REQUEST', 'errors.lastAdmin', 'The last administrator cannot be demoted'));
        return tx.user.update({ where: { id: input.userId }, data: { isAdmin: input.isAdmin } });
      });
      await ctx.services.audit({
        action: input.isAdmin ? 'admin.user_promote' : 'admin.user_demote',
        userId: ctx.actor.user.id,
        ip: ctx.ip,
        detail: { targetUserId: user.id, email: user.email },
      });
      return { user: { id: user.id, isAdmin: user.isAdmin } };
    }),

  /** Before Admin → Users → Delete: the trips the user owns, each with the members it could go to (as account.deletionPlan). */
  userDeletionPlan: adminProcedure
    .meta({ scope: 'none' })
    .input(z.object({ userId: userIdSchema }))
    .query(async ({ ctx, input }) => {
      const target = await ctx.db.user.findUnique({ where: { id: input.userId }, select: { id: true } });
      if (!target) throw notFound('User', input.userId);
      return { trips: await ownedTripsForDeletion(ctx.db, target.id) };
    }),

  deleteUser: adminProcedure
    .meta({ scope: 'none' })
    .input(
      z.object({
        userId: userIdSchema,
        /** what happens to each trip the user owns (decision 037); needed for every one of them, may be left out when there are none */
        trips: tripChoicesSchema.optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      if (input.userId === ctx.actor.user.id) {
        throw new DomainError('BAD_REQUEST', 'errors.cannotDeleteSelf', 'You cannot delete your own account here');
      }
      const target = await ctx.db.user.findUnique({ where: { id: input.userId }, include: { ownedTrips: { select: { id: true } } } });
      if (!target) throw notFound('User', input.userId);
      // No trip goes silently: each owned trip needs the admin's choice (the admin UI always sends them).
      const trips = input.trips ?? [];
      const unchosen = target.ownedTrips.filter((trip) => !trips.some((choice) => choice.tripId === trip.id)).length;
      if (unchosen > 0) {
        throw new DomainError(
          'BAD_REQUEST',
          'errors.adminDeletionTripChoicesMissing',
          unchosen === 1
            ? '1 trip this user owns needs a choice: give it to a member or delete it.'
            : `${unchosen} trips this user owns need a choice: give each to a member or delete it.`,
          { count: unchosen },
        );
      }
      // The same deletion as the user's own (one transaction, no row left naming them, every sign-in ended).
      const deleted = await deleteAccount(ctx.services, target.id, trips, ctx.ip ?? null);
      announceDeletedAccount(ctx, deleted);
      await ctx.services.audit({
        action: 'admin.user_delete',
        userId: ctx.actor.user.id,
        ip: ctx.ip,
        detail: { targetUserId: target.id, deletedTrips: deleted.deletedTripIds.length, transferredTrips: deleted.transferred.length },
      });
      return { deletedUserId: target.id, deletedTrips: deleted.deletedTripIds.length };
    }),

  /** Dynamically registered (ownerless) clients, newest first, with how many tokens each holds. */
  listRegisteredClients: adminProcedure.meta({ scope: 'none' }).query(async ({ ctx }) => {
    const clients = await ctx.db.oAuthClient.findMany({
      where: { ownerId: null },
      orderBy: { createdAt: 'desc' },
      include: { _count: { select: { tokens: { where: { revokedAt: null } } } } },
    });
    return {
      clients: clients.map((c) => ({
        clientId: c.clientId,
        name: c.name,
        redirectUris: c.redirectUris,
        createdAt: c.createdAt.toISOString(),
        tokenCount: c._count.tokens,
      })),
    };
  }),

  /** Deletes registered clients: only those never used (unusedOnly), or all of them (their grants revoked first). */
  purgeRegisteredClients: adminProcedure
    .meta({ scope: 'none' })
    .input(z.object({ unusedOnly: z.boolean({ error: 'must be true or false' }) }))
    .mutation(async ({ ctx, input }) => {
      let deleted: number;
      if (input.unusedOnly) {
        deleted = await deleteUnusedRegistrations(ctx.services, new Date());
      } else {
        const clients = await ctx.db.oAuthClient.findMany({ where: { ownerId: null }, select: { clientId: true } });
        for (const c of clients) await revokeTokens(ctx.services, { clientId: c.clientId });
        deleted = (await ctx.db.oAuthClient.deleteMany({ where: { ownerId: null } })).count;
      }
      await ctx.services.audit({ action: 'admin.registered_clients_purge', userId: ctx.actor.user.id, ip: ctx.ip, detail: { deleted, unusedOnly: input.unusedOnly } });
      return { deleted };
    }),

  listAddons: adminProcedure.meta({ scope: 'none' }).query(async ({ ctx }) => {
    const enabled = await ctx.services.addons.all();
    const row = (a: (typeof ADDONS)[number]) => ({ id: a.id, enabled: enabled[a.id], defaultEnabled: a.defaultEnabled });
    // Parts (collab.notes) are listed under their addon; a part reads as off while its addon is off.
    const partsOf = (id: string) => ADDONS.filter((a) => 'partOf' in a && a.partOf === id).map(row);
    return {
      addons: ADDONS.filter((a) => !('partOf' in a)).map((a) => {
        const parts = partsOf(a.id);
        return parts.length ? { ...row(a), parts } : row(a);
      }),
    };
  }),

  setAddon: adminProcedure
    .meta({ scope: 'none' })
    .input(
      z.object({
        id: z.enum(ADDON_IDS, { error: `must be one of ${ADDON_IDS.join(', ')}` }),
        enabled: z.boolean({ error: 'must be true or false' }),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      await ctx.services.addons.set(input.id, input.enabled);
      await ctx.services.audit({
        action: input.enabled ? 'admin.addon_enable' : 'admin.addon_disable',
        userId: ctx.actor.user.id,
        ip: ctx.ip,
        detail: { addon: input.id },
      });
      return { addon: { id: input.id, enabled: input.enabled } };
    }),

  getRegistration: adminProcedure.meta({ scope: 'none' }).query(async ({ ctx }) => {
    const invites = await ctx.db.invite.findMany({ orderBy: { id: 'desc' } });
    const now = new Date();
    return {
      mode: await registrationMode(ctx.db),
      invites: invites.map((i) => ({
        id: i.id,
        note: i.note,
        maxUses: i.maxUses,
        uses: i.uses,
        expiresAt: i.expiresAt.toISOString(),
        createdAt: i.createdAt.toISOString(),
        usable: inviteUsable(i, now),
      })),
    };
  }),

  setRegistrationMode: adminProcedure
    .meta({ scope: 'none' })
    .input(z.object({ mode: z.enum(REGISTRATION_MODES, { error: `must be one of ${REGISTRATION_MODES.join(', ')}` }) }))
    .mutation(async ({ ctx, input }) => {
      await setRegistrationMode(ctx.db, input.mode);
      await ctx.services.audit({ action: 'admin.registration_mode', userId: ctx.actor.user.id, ip: ctx.ip, detail: { mode: input.mode } });
      return { mode: input.mode };
    }),

  createInvite: adminProcedure
    .meta({ scope: 'none' })
    .input(
      z.object({
        expiresInDays: z.number({ error: 'must be a number' }).int('must be a whole number').min(1, 'must be between 1 and 90').max(90, 'must be between 1 and 90').default(7),
        maxUses: z.number({ error: 'must be a number' }).int('must be a whole number').min(1, 'must be between 1 and 100').max(100, 'must be between 1 and 100').default(1),
        note: text(200).default(''),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const { invite, token } = await createInvite(ctx.db, { createdById: ctx.actor.user.id, ...input });
      await ctx.services.audit({ action: 'admin.invite_create', userId: ctx.actor.user.id, ip: ctx.ip, detail: { inviteId: invite.id, maxUses: invite.maxUses } });
      // The link is shown this once; only the token's hash is kept.
      return { invite: { id: invite.id, expiresAt: invite.expiresAt.toISOString(), maxUses: invite.maxUses }, url: `${ctx.services.config.appUrl}/invite/${token}` };
    }),

  deleteInvite: adminProcedure
    .meta({ scope: 'none' })
    .input(z.object({ inviteId: id('invite') }))
    .mutation(async ({ ctx, input }) => {
      const { count } = await ctx.db.invite.deleteMany({ where: { id: input.inviteId } });
      if (count === 0) throw notFound('Invite', input.inviteId);
      await ctx.services.audit({ action: 'admin.invite_delete', userId: ctx.actor.user.id, ip: ctx.ip, detail: { inviteId: input.inviteId } });
      return { deleted: true };
    }),
});

// Deleting a user account (decision 037): the owner says for each trip they own whether it goes to a member or is
// deleted; then one transaction transfers or deletes those trips, detaches what the user wrote in other people's trips
// (the schema's SetNull relations, and the user columns that have no relation), removes the user's own rows and the
// user. Afterwards every session, grant, MCP session and socket of the user ends.
import { z } from 'zod';
import { id } from '~/trpc/schemas';
import { DomainError, badRequest, notFound } from '~/domain/errors';
import type { Prisma } from '~/generated/prisma/client';
import type { Services } from '~/services/types.server';
import type { Db } from '~/db/client.server';

export const tripChoicesSchema = z
  .array(
    z.discriminatedUnion('action', [
      z.object({ tripId: id('trip'), action: z.literal('transfer'), newOwnerId: id('user') }),
      z.object({ tripId: id('trip'), action: z.literal('delete') }),
    ]),
  )
  .max(10_000);
export type TripChoice = z.infer<typeof tripChoicesSchema>[number];

/** The trips a user owns, each with the members it could go to (the owner decides per trip before deleting). */
export async function ownedTripsForDeletion(db: Db, userId: number) {
  const trips = await db.trip.findMany({
    where: { ownerId: userId },
    orderBy: { id: 'asc' },
    select: { id: true, title: true, members: { orderBy: { addedAt: 'asc' }, select: { user: { select: { id: true, displayName: true, username: true } } } } },
  });
  return trips.map((t) => ({ id: t.id, title: t.title, members: t.members.map((m) => m.user) }));
}

/**
 * The last administrator stays: refuses (with `refusal`) when `user` is an administrator and the only one. Run inside
 * the transaction that demotes or deletes them. It takes the administrators' lock first, so demotions and deletions
 * take turns: two of them at once cannot both count two administrators and leave none.
 */
export async function refuseLastAdmin(tx: Prisma.TransactionClient, user: { isAdmin: boolean }, refusal: () => DomainError) {
  if (!user.isAdmin) return;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ADMIN_DELETION_LOCK})`;
  if ((await tx.user.count({ where: { isAdmin: true } })) <= 1) throw refusal();
}
const lastAdminCannotDelete = () =>
  new DomainError('BAD_REQUEST', 'errors.lastAdminCannotDelete', 'The last administrator cannot delete their account: make another user an administrator first');
const ADMIN_DELETION_LOCK = 0x776d41646d44n; // "wmAdmD"

function checkChoices(owned: { id: number; members: { userId: number }[] }[], choices: TripChoice[]) {
  const byTrip = new Map(choices.map((c) => [c.tripId, c]));
  if (byTrip.size !== choices.length) throw badRequest('errors.accountDeletionTripChoices', 'Each trip may be named only once');
  for (const trip of owned) {
    const choice = byTrip.get(trip.id);
    if (!choice) {
      throw new DomainError('BAD_REQUEST', 'errors.accountDeletionTripMissing', `Choose what happens to trip ${trip.id}: give it to a member or delete it`, { tripId: trip.id });
    }
    if (choice.action === 'transfer' && !trip.members.some((m) => m.userId === choice.newOwnerId)) {
      throw new DomainError('BAD_REQUEST', 'errors.accountDeletionNotMember', `User ${choice.newOwnerId} is not a member of trip ${trip.id}`, {
        tripId: trip.id,
        userId: choice.newOwnerId,
      });
    }
  }
  const ownedIds = new Set(owned.map((t) => t.id));
  const stray = choices.find((c) => !ownedIds.has(c.tripId));
  if (stray) throw new DomainError('BAD_REQUEST', 'errors.accountDeletionNotOwned', `Trip ${stray.tripId} is not a trip this account owns`, { tripId: stray.tripId });
}

/**
 * The user columns that have no foreign key (so no cascade): who created or last changed a row in someone else's trip
 * is forgotten (null); rows that exist only for this user go. AuditLog keeps the bare user id on purpose.
 */
async function detachUnrelatedColumns(tx: Prisma.TransactionClient, userId: number) {
  await tx.invite.updateMany({ where: { createdById: userId }, data: { createdById: null } });
  await tx.budgetItem.updateMany({ where: { createdById: userId }, data: { createdById: null } });
  await tx.budgetRate.updateMany({ where: { updatedById: userId }, data: { updatedById: null } });
  await tx.budgetSettlement.updateMany({ where: { createdById: userId }, data: { createdById: null } });
  // A payment to or from a person who is gone cannot be shown or settled any more; their shares go with them too.
  await tx.budgetSettlement.deleteMany({ where: { OR: [{ fromUserId: userId }, { toUserId: userId }] } });
  await tx.shareLink.updateMany({ where: { createdById: userId }, data: { createdById: null } });
  await tx.journeyShareLink.updateMany({ where: { createdById: userId }, data: { createdById: null } });
  await tx.$executeRaw`UPDATE "CollabMessage" SET "mentionedUserIds" = array_remove("mentionedUserIds", ${userId}) WHERE ${userId} = ANY("mentionedUserIds")`;
  await tx.reminderSent.deleteMany({ where: { userId } });
  await tx.oAuthCode.deleteMany({ where: { userId } });
  // Other people's inboxes keep what happened but not who: the name copied into the text goes ("Someone added you…").
  await tx.$executeRaw`UPDATE "Notification" SET "params" = "params" - 'actor' WHERE "actorId" = ${userId}`;
}

export interface DeletedAccount {
  deletedUserId: number;
  /** with the new owner's name as the transaction saw it, for the members' notices */
  transferred: { tripId: number; newOwnerId: number; newOwnerName: string }[];
  deletedTripIds: number[];
  /** every member of a deleted trip, to tell their dashboards */
  deletedTripMembers: Map<number, number[]>;
}

/** Deletes the user in one transaction; nothing is changed when a check fails. Ends their sign-ins afterwards. */
export async function deleteAccount(services: Services, userId: number, choices: TripChoice[], ip: string | null): Promise<DeletedAccount> {
  const result = await services.db.$transaction(
    async (tx) => {
      const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, isAdmin: true } });
      if (!user) throw notFound('User', userId);
      await refuseLastAdmin(tx, user, lastAdminCannotDelete);
      const owned = await tx.trip.findMany({
        where: { ownerId: userId },
        select: { id: true, members: { select: { userId: true, user: { select: { displayName: true } } } } },
      });
      checkChoices(owned, choices);
      const transferred: DeletedAccount['transferred'] = [];
      const deletedTripIds: number[] = [];
      const deletedTripMembers = new Map<number, number[]>();
      const ownedById = new Map(owned.map((t) => [t.id, t]));
      for (const choice of choices) {
        if (choice.action === 'transfer') {
          // The new owner's membership row goes: an owner is not also a member (as when a trip is created).
          await tx.tripMember.delete({ where: { tripId_userId: { tripId: choice.tripId, userId: choice.newOwnerId } } });
          await tx.trip.update({ where: { id: choice.tripId }, data: { ownerId: choice.newOwnerId } });
          const heir = ownedById.get(choice.tripId)?.members.find((m) => m.userId === choice.newOwnerId);
          transferred.push({ tripId: choice.tripId, newOwnerId: choice.newOwnerId, newOwnerName: heir?.user.displayName ?? '' });
        } else {
          deletedTripIds.push(choice.tripId);
          deletedTripMembers.set(choice.tripId, ownedById.get(choice.tripId)?.members.map((m) => m.userId) ?? []);
        }
      }
      await tx.trip.deleteMany({ where: { id: { in: deletedTripIds }, ownerId: userId } });
      await detachUnrelatedColumns(tx, userId);
      // The rest follows the schema: the user's own rows cascade, their contributions elsewhere keep a null author.
      await tx.user.delete({ where: { id: userId } });
      return { deletedUserId: userId, transferred, deletedTripIds, deletedTripMembers };
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
  // Sessions, tokens and consents went with the user row; what lives outside the database ends here.
  await services.mcpSessions.close({ userId });
  await services.realtime.disconnectUser?.(userId);
  // Closed MCP sessions are otherwise kept a day with the user id; they (and their replay buffers) go now.
  const sessions = await services.db.mcpSession.findMany({ where: { userId }, select: { id: true } });
  await services.db.mcpEvent.deleteMany({ where: { sessionId: { in: sessions.map((s) => s.id) } } });
  await services.db.mcpSession.deleteMany({ where: { userId } });
  await services.audit({
    action: 'account.delete',
    userId,
    ip,
    detail: { transferredTrips: result.transferred.length, deletedTrips: result.deletedTripIds.length },
  });
  return result;
}

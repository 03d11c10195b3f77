// Who may do what on a journey: the caller's role (owner, editor, viewer) from their JourneyContributor row. Every
// journey procedure and every journey route (photos, share, PDF) asks here first. No row → "not found" (a journey
// one cannot see does not exist for them); a row with too low a role → "forbidden".
import { DomainError } from '~/domain/errors';
import type { Prisma } from '~/generated/prisma/client';
import type { DbLike } from '../trip-data.server';

export const JOURNEY_ROLES = ['owner', 'editor', 'viewer'] as const;
export type JourneyRole = (typeof JOURNEY_ROLES)[number];

/** owner ⊃ editor ⊃ viewer */
const RANK: Record<JourneyRole, number> = { viewer: 1, editor: 2, owner: 3 };

export const journeyNotFound = (journeyId: number) =>
  new DomainError('NOT_FOUND', 'errors.journeyNotFound', `Journey ${journeyId} not found or you are not a contributor`, { journeyId });

const ROLE_NEEDED: Record<Exclude<JourneyRole, 'viewer'>, () => DomainError> = {
  editor: () => new DomainError('FORBIDDEN', 'errors.journeyEditorOnly', 'Only the journey’s owner and editors can do this'),
  owner: () => new DomainError('FORBIDDEN', 'errors.journeyOwnerOnly', 'Only the journey’s owner can do this'),
};

export function roleAtLeast(role: JourneyRole | null, minimum: JourneyRole): boolean {
  return role !== null && RANK[role] >= RANK[minimum];
}

/** The user's role on the journey, or null when the journey does not exist or they are not a contributor. */
export async function journeyRoleOf(db: DbLike, journeyId: number, userId: number): Promise<JourneyRole | null> {
  const row = await db.journeyContributor.findUnique({ where: { journeyId_userId: { journeyId, userId } }, select: { role: true } });
  return row && (JOURNEY_ROLES as readonly string[]).includes(row.role) ? (row.role as JourneyRole) : null;
}

/**
 * The user's role, at least `minimum`: NOT_FOUND (errors.journeyNotFound) when they have none, FORBIDDEN
 * (errors.journeyEditorOnly / journeyOwnerOnly) when it is too low.
 */
export async function requireJourneyRole(db: DbLike, journeyId: number, userId: number, minimum: JourneyRole = 'viewer'): Promise<JourneyRole> {
  const role = await journeyRoleOf(db, journeyId, userId);
  if (!role) throw journeyNotFound(journeyId);
  if (!roleAtLeast(role, minimum)) throw ROLE_NEEDED[minimum as Exclude<JourneyRole, 'viewer'>]();
  return role;
}

/**
 * The one reading rule for a journey's entries, as a Prisma `where` on JourneyEntry: an entry is readable unless it is
 * someone else's private entry (placeholders are always shared; those of a deleted trip are removed with the trip, by
 * the trigger of migration 20261202040500_journey_placeholders). The journey itself is checked by requireJourneyRole.
 */
export const readableEntryWhere = (viewerId: number) =>
  ({ OR: [{ visibility: { not: 'private' } }, { authorId: viewerId }] }) satisfies Prisma.JourneyEntryWhereInput;

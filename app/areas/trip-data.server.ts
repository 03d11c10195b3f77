// The trip queries several areas share (areas never import each other's procedures): who is on a trip; a day, place,
// assignment, note or accommodation only when it belongs to the given trip (otherwise the same kind of NOT_FOUND for
// "does not exist" and "is in another trip"); creating a place or an assignment; renumbering ordered rows (0..n-1).
import type { Prisma } from '~/generated/prisma/client';
import type { Db } from '~/db/client.server';
import { DomainError, badRequest, thingKey } from '~/domain/errors';
import { placeAt, positionChanges } from '~/domain/ordering';

export type DbLike = Db | Prisma.TransactionClient;

/** The trips a user may see: those they own and those they are a member of. The one membership rule (peopleOn: on a loaded trip). */
export const tripsVisibleTo = (userId: number) =>
  ({ OR: [{ ownerId: userId }, { members: { some: { userId } } }] }) satisfies Prisma.TripWhereInput;

/** The same rule on a loaded trip: who may see it, owner first. */
const peopleOn = (trip: { ownerId: number; members: { userId: number }[] }) => [trip.ownerId, ...trip.members.map((m) => m.userId)];

/** The owner and the members of a trip, owner first. */
export async function tripMemberIds(db: DbLike, tripId: number) {
  const trip = await db.trip.findUniqueOrThrow({ where: { id: tripId }, select: { ownerId: true, members: { select: { userId: true } } } });
  return peopleOn(trip);
}

/**
 * For each user, which of the trips they may see now: one query however many users ask (the MCP fan-out checks every
 * subscribed session at once, decision 036). A trip that no longer exists is in nobody's set.
 */
export async function visibleTripIdsByUser(db: DbLike, userIds: readonly number[], tripIds: readonly number[]) {
  const byUser = new Map<number, Set<number>>(userIds.map((u) => [u, new Set<number>()]));
  if (!tripIds.length || !userIds.length) return byUser;
  const trips = await db.trip.findMany({
    where: { id: { in: [...tripIds] } },
    select: { id: true, ownerId: true, members: { where: { userId: { in: [...userIds] } }, select: { userId: true } } },
  });
  for (const trip of trips) for (const userId of peopleOn(trip)) byUser.get(userId)?.add(trip.id);
  return byUser;
}

/**
 * Everyone named must be on the trip (owner or member); `field` prefixes the message with the input field it names.
 */
export async function checkTripPeople(db: DbLike, tripId: number, userIds: readonly number[], field?: string) {
  const allowed = new Set(await tripMemberIds(db, tripId));
  const stranger = userIds.find((u) => !allowed.has(u));
  if (stranger !== undefined) {
    const where = field ? `${field}: ` : '';
    throw badRequest('errors.participantNotMember', `${where}user ${stranger} is not the owner or a member of this trip`, { userId: stranger });
  }
}

/**
 * A registered user by username (a leading "@" is ignored) or e-mail, case-insensitive; NOT_FOUND (errors.userNotFound)
 * when there is none. Adding someone to a trip and to a journey both look people up this way.
 */
export async function findUserByIdentifier(db: DbLike, identifier: string) {
  const needle = identifier.replace(/^@/, '');
  const user = await db.user.findFirst({
    where: { OR: [{ username: { equals: needle, mode: 'insensitive' } }, { email: { equals: needle, mode: 'insensitive' } }] },
  });
  if (!user) throw new DomainError('NOT_FOUND', 'errors.userNotFound', `No user with the username or e-mail "${needle}"`, { identifier: needle });
  return user;
}

export const notInTrip = (what: string, id: number, tripId: number) =>
  new DomainError('NOT_FOUND', 'errors.notFoundInTrip', `${what} ${id} not found in trip ${tripId}`, {
    what,
    thing: thingKey(what),
    id,
    tripId,
  });

/** What a place is returned with: its tags and the days it is assigned to. */
export const placeInclude = {
  tags: { include: { tag: true }, orderBy: { tagId: 'asc' } },
  assignments: { select: { dayId: true } },
} as const satisfies Prisma.PlaceInclude;

export const assignmentInclude = { place: true, participants: true } as const satisfies Prisma.AssignmentInclude;

export async function findDay(db: DbLike, tripId: number, dayId: number) {
  const day = await db.day.findFirst({ where: { id: dayId, tripId } });
  if (!day) throw notInTrip('Day', dayId, tripId);
  return day;
}

export async function findPlace(db: DbLike, tripId: number, placeId: number) {
  const place = await db.place.findFirst({ where: { id: placeId, tripId }, include: placeInclude });
  if (!place) throw notInTrip('Place', placeId, tripId);
  return place;
}

export async function findAssignment(db: DbLike, tripId: number, assignmentId: number) {
  const assignment = await db.assignment.findFirst({ where: { id: assignmentId, day: { tripId } }, include: assignmentInclude });
  if (!assignment) throw notInTrip('Assignment', assignmentId, tripId);
  return assignment;
}

export async function findDayNote(db: DbLike, tripId: number, noteId: number) {
  const note = await db.dayNote.findFirst({ where: { id: noteId, day: { tripId } } });
  if (!note) throw notInTrip('Day note', noteId, tripId);
  return note;
}

/** A booking of the trip (its id only: areas that link to bookings need no more). */
export async function findReservation(db: DbLike, tripId: number, reservationId: number) {
  const reservation = await db.reservation.findFirst({ where: { id: reservationId, tripId }, select: { id: true } });
  if (!reservation) throw notInTrip('Reservation', reservationId, tripId);
  return reservation;
}

export async function findAccommodation(db: DbLike, tripId: number, accommodationId: number) {
  const accommodation = await db.accommodation.findFirst({ where: { id: accommodationId, tripId }, include: { place: true } });
  if (!accommodation) throw notInTrip('Accommodation', accommodationId, tripId);
  return accommodation;
}

/** Writes positions 0..n-1 for the given ids in this order (only rows whose position changes). */
export async function renumberAssignments(db: DbLike, ordered: { id: number; position: number }[]) {
  for (const change of positionChanges(ordered)) {
    await db.assignment.update({ where: { id: change.id }, data: { position: change.position } });
  }
}

export async function compactDayAssignments(db: DbLike, dayId: number) {
  const rows = await db.assignment.findMany({ where: { dayId }, orderBy: [{ position: 'asc' }, { id: 'asc' }] });
  await renumberAssignments(db, rows);
}

export async function compactTripDays(db: DbLike, tripId: number) {
  const rows = await db.day.findMany({ where: { tripId }, orderBy: [{ position: 'asc' }, { id: 'asc' }] });
  for (const change of positionChanges(rows)) {
    await db.day.update({ where: { id: change.id }, data: { position: change.position } });
  }
}

/** What a new place is made of (the create_place input without its trip). */
export interface NewPlace {
  name: string;
  description?: string;
  address?: string;
  lat?: number | null;
  lng?: number | null;
  categoryId?: number | null;
  url?: string;
  phone?: string;
  notes?: string;
  tagIds?: number[];
  /** a provider photo (see app/geo/place-photos.server.ts) */
  photo?: { url: string; source: string; ref: string } | null;
}

export async function checkCategory(db: DbLike, categoryId: number | null | undefined) {
  if (categoryId === null || categoryId === undefined) return;
  const category = await db.category.findUnique({ where: { id: categoryId } });
  if (!category) throw badRequest('errors.categoryNotFound', `categoryId: there is no category ${categoryId}`, { categoryId });
}

export async function checkOwnTags(db: DbLike, userId: number, tagIds: number[] | undefined) {
  if (!tagIds?.length) return [];
  const unique = [...new Set(tagIds)];
  const own = await db.tag.findMany({ where: { id: { in: unique }, userId }, select: { id: true } });
  const ownIds = new Set(own.map((t) => t.id));
  const foreign = unique.find((t) => !ownIds.has(t));
  if (foreign !== undefined) throw badRequest('errors.tagNotYours', `tagIds: tag ${foreign} is not one of your tags`, { tagId: foreign });
  return unique;
}

/** Creates a place (validated category and tags), in the caller's transaction if any; returns it with tags/assignments. */
export async function createPlaceRow(tx: DbLike, tripId: number, userId: number, input: NewPlace) {
  await checkCategory(tx, input.categoryId);
  const tagIds = await checkOwnTags(tx, userId, input.tagIds);
  const data = {
    tripId,
    createdById: userId,
    name: input.name,
    description: input.description ?? '',
    address: input.address ?? '',
    lat: input.lat ?? null,
    lng: input.lng ?? null,
    categoryId: input.categoryId ?? null,
    url: input.url ?? '',
    phone: input.phone ?? '',
    notes: input.notes ?? '',
    photoUrl: input.photo?.url ?? '',
    photoSource: input.photo?.source ?? '',
    photoRef: input.photo?.ref ?? '',
  };
  if (tagIds.length > 0) return tx.place.create({ data: { ...data, tags: { create: tagIds.map((tagId) => ({ tagId })) } }, include: placeInclude });
  // Without tags, one INSERT … RETURNING (an include makes Prisma add a transaction and a SELECT): a new place is on
  // no day yet and has no tags, so the included relations are known to be empty.
  const place = await tx.place.create({ data });
  return { ...place, tags: [] as Prisma.PlaceGetPayload<{ include: typeof placeInclude }>['tags'], assignments: [] as { dayId: number }[] };
}

/** Adds a place to a day at `position` (default: last) and renumbers the day. */
export async function insertAssignment(
  tx: DbLike,
  input: { dayId: number; placeId: number; position?: number | null; startTime?: string | null; endTime?: string | null },
) {
  const existing = await tx.assignment.findMany({ where: { dayId: input.dayId }, orderBy: [{ position: 'asc' }, { id: 'asc' }] });
  const created = await tx.assignment.create({
    data: {
      dayId: input.dayId,
      placeId: input.placeId,
      position: existing.length,
      startTime: input.startTime ?? null,
      endTime: input.endTime ?? null,
    },
  });
  const order = placeAt(
    existing.map((a) => a.id),
    created.id,
    input.position,
  );
  const byId = new Map([...existing, created].map((a) => [a.id, a]));
  await renumberAssignments(
    tx,
    order.map((aid) => byId.get(aid)!),
  );
  return tx.assignment.findUniqueOrThrow({ where: { id: created.id }, include: assignmentInclude });
}


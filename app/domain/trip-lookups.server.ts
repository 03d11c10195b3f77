// Loads a day, place, assignment, note or accommodation only when it belongs to the given trip; otherwise the same
// kind of NOT_FOUND for "does not exist" and "is in another trip". Also renumbers ordered rows (0..n-1).
import type { Prisma } from '~/generated/prisma/client';
import type { Db } from '~/db/client.server';
import { DomainError, thingKey } from '~/trpc/errors';
import { positionChanges } from './ordering';

export type DbLike = Db | Prisma.TransactionClient;

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

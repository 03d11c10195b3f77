// Packing rows → the JSON both doors return, and the lookups that keep every id inside its trip.
import type { PackingBag, PackingItem, Prisma, User } from '~/generated/prisma/client';
import { publicUserSelect } from '~/trpc/shape';
import { lastChangeSelect, writeIfUnchanged } from '~/offline/versions.server';
import { notInTrip, type DbLike } from '../trip-data.server';
import { packingProgress } from './rules';

type PublicUser = Pick<User, 'id' | 'username' | 'displayName'>;
const person = (u: PublicUser) => ({ userId: u.id, username: u.username, displayName: u.displayName });
export type PackingPerson = ReturnType<typeof person>;

export function packingItemJson(item: PackingItem) {
  return {
    id: item.id,
    tripId: item.tripId,
    name: item.name,
    category: item.category,
    quantity: item.quantity,
    weightGrams: item.weightGrams,
    checked: item.checked,
    bagId: item.bagId,
    position: item.position,
    /** the version a tick can be made against (`expectedUpdatedAt`) */
    updatedAt: item.updatedAt.toISOString(),
  };
}
export type PackingItemJson = ReturnType<typeof packingItemJson>;

export const bagInclude = { members: { include: { user: { select: publicUserSelect } }, orderBy: { userId: 'asc' } } } as const;

export function packingBagJson(bag: PackingBag & { members: { user: PublicUser }[] }) {
  return {
    id: bag.id,
    tripId: bag.tripId,
    name: bag.name,
    color: bag.color,
    weightLimitGrams: bag.weightLimitGrams,
    position: bag.position,
    members: bag.members.map((m) => person(m.user)),
  };
}
export type PackingBagJson = ReturnType<typeof packingBagJson>;

export const itemOrder = [{ position: 'asc' }, { id: 'asc' }] as const;

export async function loadPackingItems(db: DbLike, tripId: number) {
  return (await db.packingItem.findMany({ where: { tripId }, orderBy: [...itemOrder] })).map(packingItemJson);
}

export async function loadPackingBags(db: DbLike, tripId: number) {
  return (await db.packingBag.findMany({ where: { tripId }, include: bagInclude, orderBy: [{ position: 'asc' }, { id: 'asc' }] })).map(packingBagJson);
}

/** category → the people responsible for it (categories in name order, people by user id). */
export async function loadPackingAssignees(db: DbLike, tripId: number) {
  const rows = await db.packingCategoryAssignee.findMany({
    where: { tripId },
    include: { user: { select: publicUserSelect } },
    orderBy: [{ category: 'asc' }, { userId: 'asc' }],
  });
  const assignees: Record<string, PackingPerson[]> = {};
  for (const row of rows) (assignees[row.category] ??= []).push(person(row.user));
  return assignees;
}

export async function findPackingItem(db: DbLike, tripId: number, itemId: number) {
  const item = await db.packingItem.findFirst({ where: { id: itemId, tripId } });
  if (!item) throw notInTrip('Packing item', itemId, tripId);
  return item;
}

/** Writes `data` to the item only while it is still at `expected` (omitted: always); see `writeIfUnchanged`. */
export function updatePackingItemIfUnchanged(db: DbLike, item: Pick<PackingItem, 'id' | 'name'>, expected: string | undefined, data: Prisma.PackingItemUncheckedUpdateManyInput) {
  const where = { id: item.id };
  return writeIfUnchanged(expected, item.name, {
    conditional: (updatedAt) => db.packingItem.updateMany({ where: { ...where, updatedAt }, data }),
    write: () => db.packingItem.update({ where, data }),
    read: () => db.packingItem.findUniqueOrThrow({ where }),
    lastChange: () => db.packingItem.findUnique({ where, select: lastChangeSelect }),
  });
}

export async function findPackingBag(db: DbLike, tripId: number, bagId: number) {
  const bag = await db.packingBag.findFirst({ where: { id: bagId, tripId }, include: bagInclude });
  if (!bag) throw notInTrip('Packing bag', bagId, tripId);
  return bag;
}

/** The next position at the end of the trip's list. */
export async function nextItemPosition(db: DbLike, tripId: number) {
  const last = await db.packingItem.aggregate({ where: { tripId }, _max: { position: true } });
  return (last._max.position ?? -1) + 1;
}

/** For the trip summary: how far packing is, overall and per category (categories in list order). */
export async function packingSummary(db: DbLike, tripId: number) {
  const items = await db.packingItem.findMany({ where: { tripId }, orderBy: [...itemOrder], select: { category: true, checked: true } });
  return packingProgress(items);
}

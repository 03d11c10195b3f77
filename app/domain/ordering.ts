// Pure helpers that keep ordered lists (days in a trip, places on a day) contiguous: positions 0..n-1.

/** Moves `id` to `index` (clamped to the list), inserting it when it is not in the list yet. */
export function placeAt<T>(ids: readonly T[], id: T, index?: number | null): T[] {
  const rest = ids.filter((x) => x !== id);
  const at = index === undefined || index === null ? rest.length : Math.max(0, Math.min(index, rest.length));
  return [...rest.slice(0, at), id, ...rest.slice(at)];
}

/** True when `proposed` holds exactly the ids of `current` (same set, no duplicates), in any order. */
export function isPermutation<T>(current: readonly T[], proposed: readonly T[]) {
  if (current.length !== proposed.length) return false;
  const set = new Set(proposed);
  if (set.size !== proposed.length) return false;
  return current.every((id) => set.has(id));
}

/** The (id, position) pairs whose stored position differs from its index in `ordered`. */
export function positionChanges<T>(ordered: readonly { id: T; position: number }[]) {
  return ordered.map((item, position) => ({ id: item.id, position })).filter((p, i) => ordered[i].position !== p.position);
}

/** The full order after a reorder call: the listed ids first in the given order, then the others as they were. */
export function orderWith<T>(currentIds: readonly T[], listed: readonly T[]) {
  const listedSet = new Set(listed);
  return [...new Set(listed), ...currentIds.filter((id) => !listedSet.has(id))];
}

/** A reorder call on rows in their current order: the full new order (orderWith) and the rows whose position changes. */
export function reorderChanges<T>(current: readonly { id: T; position: number }[], listed: readonly T[]) {
  const positions = new Map(current.map((row) => [row.id, row.position]));
  const order = orderWith(current.map((row) => row.id), listed);
  return { order, changes: positionChanges(order.map((id) => ({ id, position: positions.get(id)! }))) };
}

/**
 * Where a dated day goes among the trip's days (in position order): before the first day that is later or undated,
 * so dated days stay in date order and undated days stay at the end.
 */
export function datedDayIndex(days: readonly { date: string | null }[], date: string) {
  const index = days.findIndex((d) => d.date === null || d.date > date);
  return index === -1 ? days.length : index;
}

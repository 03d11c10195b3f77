// The optional compare-and-set of a tick (decision 034, update 2026-12-02): a tick replayed from the offline queue
// carries the `updatedAt` its sender saw; when the row changed since, the tick is refused with CONFLICT and nothing
// is written. Without it (MCP tools, online ticks) a tick works as before.
import { z } from 'zod';
import { DomainError } from '~/domain/errors';

/** `expectedUpdatedAt`: the item's `updatedAt` as last read, e.g. "2026-12-02T07:20:00.000Z"; omitted → no check. */
export const expectedUpdatedAt = z.iso
  .datetime({ offset: true, error: 'must be the item’s updatedAt as read, such as 2026-12-02T07:20:00.000Z' })
  .optional();

export const changedMeanwhile = (name: string) =>
  new DomainError('CONFLICT', 'errors.changedMeanwhile', `“${name}” was changed by someone else meanwhile; read it again and apply your change again`, { name });

/**
 * Writes only while the row is still at `expected` (one conditional UPDATE, so nothing slips in between) and reads it
 * back; without `expected` it writes unconditionally. Throws `changedMeanwhile` when the row moved on.
 */
export async function writeIfUnchanged<T>(
  expected: string | undefined,
  name: string,
  writes: { conditional: (updatedAt: Date) => Promise<{ count: number }>; write: () => Promise<T>; read: () => Promise<T> },
): Promise<T> {
  if (expected === undefined) return writes.write();
  const { count } = await writes.conditional(new Date(expected));
  if (count === 0) throw changedMeanwhile(name);
  return writes.read();
}

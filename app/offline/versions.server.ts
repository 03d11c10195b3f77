// The optional compare-and-set of a tick or an edit (decision 034, update 2026-12-02): a change replayed from the
// offline queue carries the `updatedAt` its sender saw; when the row changed since, it is refused with CONFLICT naming
// who changed it, and nothing is written. Without it (MCP tools, online changes) a change works as before.
import { z } from 'zod';
import { DomainError } from '~/domain/errors';

/** `expectedUpdatedAt`: the item's `updatedAt` as last read, e.g. "2026-12-02T07:20:00.000Z"; omitted → no check. */
export const expectedUpdatedAt = z.iso
  .datetime({ offset: true, error: 'must be the item’s updatedAt as read, such as 2026-12-02T07:20:00.000Z' })
  .optional();

/** `clientRequestId`: the browser's id for an offline create (a UUID); the same id sent again makes nothing new. */
export const clientRequestId = z.uuid({ error: 'must be a UUID chosen by the client for this create' }).optional();

/** A unique index refused the row (Prisma P2002). */
export const isUniqueViolation = (error: unknown) => (error as { code?: string } | null)?.code === 'P2002';

/** Refused: the row moved on. `by` is the display name of whoever changed it last (null: unknown or account deleted). */
export const changedMeanwhile = (name: string, by: string | null) =>
  by === null
    ? new DomainError('CONFLICT', 'errors.changedMeanwhile', `“${name}” was changed by someone else meanwhile; read it again and apply your change again`, { name })
    : new DomainError('CONFLICT', 'errors.changedMeanwhileBy', `“${name}” was changed by ${by} meanwhile; read it again and apply your change again`, { name, by });

/** The row as a refusal names it: its name now, and who changed it last. */
export type LastChange = { name: string; updatedBy: { displayName: string } | null } | null;
export const lastChangeSelect = { name: true, updatedBy: { select: { displayName: true } } } as const;

/**
 * Writes only while the row is still at `expected` (one conditional UPDATE, so nothing slips in between) and reads it
 * back; without `expected` it writes unconditionally. Throws `changedMeanwhile` (naming the last editor) when the row
 * moved on.
 */
export async function writeIfUnchanged<T>(
  expected: string | undefined,
  name: string,
  writes: {
    conditional: (updatedAt: Date) => Promise<{ count: number }>;
    write: () => Promise<T>;
    read: () => Promise<T>;
    lastChange: () => Promise<LastChange>;
  },
): Promise<T> {
  if (expected === undefined) return writes.write();
  const { count } = await writes.conditional(new Date(expected));
  if (count === 0) {
    const last = await writes.lastChange();
    throw changedMeanwhile(last?.name ?? name, last?.updatedBy?.displayName ?? null);
  }
  return writes.read();
}

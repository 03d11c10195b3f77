// Domain errors carry an i18n key so the UI can show them in the user's language; the English message is the
// same text an MCP client receives. They know nothing of tRPC: app/trpc/init.ts turns them into tRPC errors with
// the same code, keeping the domain error as the cause.

export type DomainErrorCode = 'NOT_FOUND' | 'BAD_REQUEST' | 'FORBIDDEN' | 'CONFLICT' | 'UNAUTHORIZED' | 'TOO_MANY_REQUESTS';

export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly i18nKey: string;
  readonly params: Record<string, string | number>;
  constructor(code: DomainErrorCode, i18nKey: string, message: string, params: Record<string, string | number> = {}) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.i18nKey = i18nKey;
    this.params = params;
  }
}

/** The domain error behind an error, whether thrown directly or wrapped (as a cause) by the API layer. */
export function domainErrorOf(error: unknown): DomainError | null {
  if (error instanceof DomainError) return error;
  const cause = (error as { cause?: unknown } | null)?.cause;
  return cause instanceof DomainError ? cause : null;
}

/** The i18n key of a kind of object named in an English message ("Day note" → "day_note", under errors.things). */
export const thingKey = (what: string) => what.toLowerCase().replace(/ /g, '_');

export const notFound = (what: string, id: number | string) =>
  new DomainError('NOT_FOUND', 'errors.notFound', `${what} ${id} not found`, { what, thing: thingKey(what), id });

export const tripNotFound = (tripId: number) =>
  new DomainError('NOT_FOUND', 'errors.tripNotFound', `Trip ${tripId} not found or you are not a member`, { tripId });

export const ownerOnly = (action: string) =>
  new DomainError('FORBIDDEN', 'errors.ownerOnly', `Only the trip owner can ${action}`, { action });

export const badRequest = (i18nKey: string, message: string, params: Record<string, string | number> = {}) =>
  new DomainError('BAD_REQUEST', i18nKey, message, params);

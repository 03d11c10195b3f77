// Turns what a tRPC procedure threw into the error a Remix action returns to its form; the page shows it with
// translateError (./error-text.ts), as it shows any other failure.
import { TRPCError } from '@trpc/server';
import { domainErrorOf } from '~/domain/errors';
import type { ErrorText } from './error-text';
import { describeError } from './error-text.server';

export type ActionError = ErrorText;

/** A domain error or invalid input becomes a translatable message; anything else is rethrown (a real failure). */
export function toActionError(error: unknown): ActionError {
  if (domainErrorOf(error) || (error instanceof TRPCError && error.code === 'BAD_REQUEST')) {
    const { i18n, message } = describeError(error);
    return i18n ? { i18n, message } : { message };
  }
  throw error;
}

// Turns what a tRPC procedure threw into the error a Remix action returns to its form (server only: it needs the
// tRPC and zod error classes, which must stay out of the browser bundle).
import { TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import { domainErrorOf } from '~/domain/errors';
import { describeZodError } from '~/trpc/init';

export type ActionError = { key?: string; ns: 'errors' | 'settings'; params?: Record<string, string | number>; message: string };

/** A domain error or invalid input becomes a translatable message; anything else is rethrown (a real failure). */
export function toActionError(error: unknown): ActionError {
  const domain = domainErrorOf(error);
  if (domain) return { ns: 'errors', key: domain.i18nKey.replace(/^errors\./, ''), params: domain.params, message: domain.message };
  if (error instanceof TRPCError && error.code === 'BAD_REQUEST') {
    return { ns: 'errors', message: error.cause instanceof ZodError ? describeZodError(error.cause) : error.message };
  }
  throw error;
}

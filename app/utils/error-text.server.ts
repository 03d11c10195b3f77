// What a procedure's failure says, in the server's English, for every audience: an agent reads it as is (mcp/), a
// form shows it when its i18n key has no translation (action-errors.server.ts). Server only: it needs tRPC's and
// zod's error classes.
import { TRPCError } from '@trpc/server';
import type { ZodError } from 'zod';
import { domainErrorOf } from '~/domain/errors';
import { describeZodError } from '~/trpc/init';
import type { ErrorText } from './error-text';

const SERVER_FAILURE = 'Something went wrong on the server; nothing was changed';

export interface DescribedError extends ErrorText {
  /** the tRPC error code, e.g. NOT_FOUND or BAD_REQUEST */
  code: string;
  /** a bug or an outage rather than a refusal: its own text is not shown, it should be logged */
  unexpected: boolean;
}

function isZodLike(cause: unknown): cause is ZodError {
  return !!cause && typeof cause === 'object' && Array.isArray((cause as { issues?: unknown }).issues);
}

export function describeError(error: unknown): DescribedError {
  const domain = domainErrorOf(error);
  // A domain error thrown outside a procedure (not yet wrapped by tRPC) is still a refusal with its own text.
  if (domain && !(error instanceof TRPCError)) {
    return { code: domain.code, message: domain.message, i18n: { key: domain.i18nKey, params: domain.params }, unexpected: false };
  }
  if (!(error instanceof TRPCError)) return { code: 'INTERNAL_SERVER_ERROR', message: SERVER_FAILURE, unexpected: true };
  // Invalid input names the field and the reason ("title: Too big: …"), however deep tRPC wrapped it.
  if (isZodLike(error.cause)) return { code: 'BAD_REQUEST', message: describeZodError(error.cause), unexpected: false };
  if (error.code === 'INTERNAL_SERVER_ERROR') return { code: error.code, message: SERVER_FAILURE, unexpected: true };
  const i18n = domain ? { key: domain.i18nKey, params: domain.params } : undefined;
  return { code: error.code, message: error.message, ...(i18n ? { i18n } : {}), unexpected: false };
}

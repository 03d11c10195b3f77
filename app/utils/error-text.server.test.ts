// One statement of a failure for every audience: the agent's text and a form's fallback are the same English, and the
// UI translates the key the server sent, whichever way (tRPC or a form action) it arrived.
import { describe, expect, it, vi } from 'vitest';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { DomainError, notFound } from '~/domain/errors';
import { describeError } from './error-text.server';
import { toActionError } from './action-errors.server';
import { translateError } from './error-text';

const zodFailure = () => {
  const parsed = z.object({ title: z.string().max(3) }).safeParse({ title: 'too long' });
  return new TRPCError({ code: 'BAD_REQUEST', cause: parsed.error });
};

describe('describeError', () => {
  it('names the invalid field and the reason', () => {
    expect(describeError(zodFailure())).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/^title: /), unexpected: false });
  });

  it('keeps a domain error’s English message and its i18n key', () => {
    expect(describeError(notFound('Day note', 7))).toEqual({
      code: 'NOT_FOUND',
      message: 'Day note 7 not found',
      i18n: { key: 'errors.notFound', params: { what: 'Day note', thing: 'day_note', id: 7 } },
      unexpected: false,
    });
  });

  it('never shows the text of an unexpected failure', () => {
    for (const error of [new Error('connection refused to 10.0.0.5'), new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'SQL …' })]) {
      expect(describeError(error)).toMatchObject({ message: 'Something went wrong on the server; nothing was changed', unexpected: true });
    }
  });
});

describe('toActionError', () => {
  it('gives a form the same text and key, and rethrows real failures', () => {
    const domain = new DomainError('BAD_REQUEST', 'errors.currentPasswordWrong', 'The current password is wrong');
    expect(toActionError(domain)).toEqual({ i18n: { key: 'errors.currentPasswordWrong', params: {} }, message: 'The current password is wrong' });
    expect(toActionError(zodFailure())).toEqual({ message: describeError(zodFailure()).message });
    expect(() => toActionError(new Error('boom'))).toThrow('boom');
  });
});

describe('translateError', () => {
  it('looks the key up in its namespace, with the English message as the fallback', () => {
    const t = vi.fn((key: string, options?: Record<string, unknown>) => `${key}|${String(options?.what ?? options?.defaultValue)}`);
    expect(translateError({ i18n: { key: 'settings.password.mismatch' }, message: 'The passwords do not match' }, t)).toBe(
      'settings:password.mismatch|The passwords do not match',
    );
    expect(translateError({ message: 'plain' }, t)).toBe('plain');
  });
});

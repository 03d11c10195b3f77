// A domain error reaches the user in their language, including the kind of object it is about.
import fs from 'node:fs';
import path from 'node:path';
import { createInstance } from 'i18next';
import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import { errorMessage } from '~/utils/trpc';
import type { AppRouter } from '~/trpc/root';

const locales = path.resolve(import.meta.dirname, '../../public/locales');
const load = (lng: string) => JSON.parse(fs.readFileSync(path.join(locales, lng, 'errors.json'), 'utf8'));

async function translator(lng: string) {
  const i18n = createInstance();
  await i18n.init({ lng, fallbackLng: 'en', resources: { [lng]: { errors: load(lng) }, en: { errors: load('en') } }, interpolation: { escapeValue: false } });
  return i18n.t.bind(i18n);
}

function domainError(message: string, key: string, params: Record<string, unknown>) {
  return new TRPCClientError<AppRouter>(message, {
    result: { error: { code: -32004, message, data: { code: 'NOT_FOUND', httpStatus: 404, i18n: { key, params } } } },
  } as never);
}

describe('errorMessage', () => {
  it('translates the message and the kind of object it names', async () => {
    const error = domainError('Day note 7 not found in trip 3', 'errors.notFoundInTrip', { what: 'Day note', thing: 'day_note', id: 7, tripId: 3 });
    expect(errorMessage(error, await translator('de'))).toBe('Tagesnotiz 7 wurde in Reise 3 nicht gefunden');
    expect(errorMessage(error, await translator('en'))).toBe('Day note 7 not found in trip 3');
  });

  it('falls back to the server’s English message for a key the locale lacks', async () => {
    const error = domainError('Something specific went wrong', 'errors.noSuchKeyAnywhere', {});
    expect(errorMessage(error, await translator('fr'))).toBe('Something specific went wrong');
  });
});

// Counts read naturally in every language: the i18next instance the app renders with (app/i18n/client.ts, used for
// the server render and in the browser) and the server's own instance pick the CLDR plural form for `count`.
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import { useI18nInstance } from '~/i18n/client';
import { loadResources, serverI18n } from '~/i18n/i18n.server';
import type { LanguageCode } from '~/i18n/config';
import { errorMessage } from '~/utils/trpc';
import type { AppRouter } from '~/trpc/root';

/** The resources the root loader sends: the user's language plus English as the fallback. */
const resourcesFor = (locale: LanguageCode) => ({ [locale]: loadResources(locale), ...(locale === 'en' ? {} : { en: loadResources('en') }) });

/** Renders `t(key, { count })` for each count through the app's own instance and provider, as the root route does. */
function renderCounts(locale: LanguageCode, ns: string, key: string, counts: number[], params: Record<string, unknown> = {}) {
  function Counts() {
    const { t } = useTranslation(ns);
    return createElement('ul', null, ...counts.map((count) => createElement('li', { key: count }, t(key, { ...params, count }))));
  }
  function App() {
    const i18n = useI18nInstance(locale, resourcesFor(locale));
    return createElement(I18nextProvider, { i18n }, createElement(Counts));
  }
  const html = renderToString(createElement(App));
  return [...html.matchAll(/<li>(.*?)<\/li>/g)].map((m) => m[1]);
}

describe('plural forms', () => {
  it('English: 1 place, 5 places; 1 member, 3 members', () => {
    expect(renderCounts('en', 'trips', 'card.placeCount', [0, 1, 5])).toEqual(['0 places', '1 place', '5 places']);
    expect(renderCounts('en', 'planner', 'header.members', [1, 3])).toEqual(['1 member', '3 members']);
    expect(renderCounts('en', 'planner', 'header.dayCount', [1, 4])).toEqual(['1 day', '4 days']);
  });

  it('German: 1 Mitglied, 3 Mitglieder', () => {
    expect(renderCounts('de', 'planner', 'header.members', [1, 3])).toEqual(['1 Mitglied', '3 Mitglieder']);
  });

  it('Russian: 1 место, 2 места, 5 мест, 21 место, 22 места, 11 мест', () => {
    expect(renderCounts('ru', 'planner', 'day.placeCount', [1, 2, 5, 21, 22, 11])).toEqual([
      '1 место',
      '2 места',
      '5 мест',
      '21 место',
      '22 места',
      '11 мест',
    ]);
  });

  it('Polish and Czech: few and many differ from one', () => {
    expect(renderCounts('pl', 'trips', 'card.placeCount', [1, 2, 5, 22])).toEqual(['1 miejsce', '2 miejsca', '5 miejsc', '22 miejsca']);
    expect(renderCounts('cs', 'planner', 'header.dayCount', [1, 3, 5])).toEqual(['1 den', '3 dny', '5 dní']);
  });

  it('Arabic: zero, one, two, few (3–10), many (11–99) and other (100)', () => {
    expect(renderCounts('ar', 'planner', 'header.dayCount', [0, 1, 2, 3, 11, 100])).toEqual([
      'لا أيام',
      'يوم واحد',
      'يومان',
      '3 أيام',
      '11 يومًا',
      '100 يوم',
    ]);
  });

  it('Chinese has a single form', () => {
    expect(renderCounts('zh-CN', 'trips', 'card.placeCount', [1, 5])).toEqual(['1 个地点', '5 个地点']);
    expect(renderCounts('zh-TW', 'trips', 'card.placeCount', [1])).toEqual(['1 個地點']);
  });

  it('a plural with a second number agrees with the count it is about (1 of 10 tokens)', () => {
    expect(renderCounts('en', 'integrations', 'tokens.count', [10, 1], { used: 1 })).toEqual(['1 of 10 tokens', '1 of 1 token']);
    expect(renderCounts('ru', 'integrations', 'tokens.count', [10], { used: 3 })).toEqual(['3 из 10 токенов']);
  });

  it('realtime notices name the number of removed places', () => {
    expect(renderCounts('en', 'realtime', 'notice.placesDeleted', [1, 4], { actor: 'Sam' })).toEqual(['Sam removed 1 place', 'Sam removed 4 places']);
    expect(renderCounts('fr', 'realtime', 'notice.placesDeleted', [1, 4], { actor: 'Léa' })).toEqual(['Léa a supprimé 1 lieu', 'Léa a supprimé 4 lieux']);
  });

  it('the server-side instance resolves the same forms', async () => {
    const ru = await serverI18n('ru');
    expect([2, 5].map((count) => ru.t('planner:day.placeCount', { count }))).toEqual(['2 места', '5 мест']);
    const ar = await serverI18n('ar');
    expect(ar.t('trips:card.placeCount', { count: 2 })).toBe('مكانان');
  });

  it('a domain error with a count is shown in the matching form', async () => {
    const error = (count: number) =>
      new TRPCClientError<AppRouter>('The new dates drop days', {
        result: {
          error: {
            code: -32600,
            message: 'The new dates drop days',
            data: { code: 'BAD_REQUEST', httpStatus: 400, i18n: { key: 'errors.dropDaysNeedsConfirmation', params: { count } } },
          },
        },
      } as never);
    const de = await serverI18n('de');
    expect(errorMessage(error(1), de.t.bind(de))).toMatch(/^Mit den neuen Daten fällt 1 Tag weg, der /);
    expect(errorMessage(error(3), de.t.bind(de))).toMatch(/^Mit den neuen Daten fallen 3 Tage weg, die /);
  });
});

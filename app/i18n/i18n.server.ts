// Server side of i18n: picks the language (user setting, then the `lng` cookie, then Accept-Language) and loads
// its translations from public/locales once per process.
import { createInstance, type i18n as I18n } from 'i18next';
import { DEFAULT_LANGUAGE, LANGUAGE_CODES, isLanguage, type LanguageCode } from './config';
import { NAMESPACES } from './namespaces';
import { readCookie } from '~/auth/session.server';
import { readNamespace } from './locale-files.server';

export type Resources = Record<string, Record<string, unknown>>;
const cache = new Map<string, Resources>();

export function loadResources(language: LanguageCode): Resources {
  const cached = cache.get(language);
  if (cached) return cached;
  const resources: Resources = {};
  for (const ns of NAMESPACES) resources[ns] = readNamespace(language, ns);
  cache.set(language, resources);
  return resources;
}

/** Best match for an Accept-Language header among the supported languages. */
export function matchAcceptLanguage(header: string | null): LanguageCode | undefined {
  if (!header) return undefined;
  const wanted = header
    .split(',')
    .map((part) => {
      const [tag, q] = part.trim().split(';q=');
      return { tag: tag.trim().toLowerCase(), q: q ? Number(q) : 1 };
    })
    .filter((w) => w.tag && w.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of wanted) {
    const exact = LANGUAGE_CODES.find((c) => c.toLowerCase() === tag);
    if (exact) return exact;
    if (tag === 'zh-hk' || tag === 'zh-mo' || tag.startsWith('zh-hant')) return 'zh-TW';
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('pt')) return 'pt-BR';
    const base = LANGUAGE_CODES.find((c) => c.split('-')[0].toLowerCase() === tag.split('-')[0]);
    if (base) return base;
  }
  return undefined;
}

export function detectLanguage(request: Request, userLanguage?: string | null): LanguageCode {
  if (isLanguage(userLanguage)) return userLanguage;
  const cookie = readCookie(request.headers.get('Cookie'), 'lng');
  if (isLanguage(cookie)) return cookie;
  return matchAcceptLanguage(request.headers.get('Accept-Language')) ?? DEFAULT_LANGUAGE;
}

export async function serverI18n(language: LanguageCode): Promise<I18n> {
  const instance = createInstance();
  await instance.init({
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    ns: [...NAMESPACES],
    defaultNS: 'common',
    resources: { [language]: loadResources(language), ...(language === 'en' ? {} : { en: loadResources('en') }) },
    interpolation: { escapeValue: false },
  });
  return instance;
}

// The fifteen languages Waymark speaks. Translations live in public/locales/<lng>/<namespace>.json.
export const LANGUAGES = [
  { code: 'en', name: 'English' },
  { code: 'de', name: 'Deutsch' },
  { code: 'es', name: 'Español' },
  { code: 'fr', name: 'Français' },
  { code: 'it', name: 'Italiano' },
  { code: 'nl', name: 'Nederlands' },
  { code: 'pt-BR', name: 'Português (Brasil)' },
  { code: 'cs', name: 'Čeština' },
  { code: 'pl', name: 'Polski' },
  { code: 'hu', name: 'Magyar' },
  { code: 'ru', name: 'Русский' },
  { code: 'zh-CN', name: '简体中文' },
  { code: 'zh-TW', name: '繁體中文' },
  { code: 'ar', name: 'العربية' },
  { code: 'id', name: 'Bahasa Indonesia' },
] as const;

export type LanguageCode = (typeof LANGUAGES)[number]['code'];
export const LANGUAGE_CODES = LANGUAGES.map((l) => l.code) as [LanguageCode, ...LanguageCode[]];
export const DEFAULT_LANGUAGE: LanguageCode = 'en';
/** The namespaces of the app's frame; each area adds its own (app/i18n/namespaces.ts has them all). */
export const PLATFORM_NAMESPACES = ['common', 'auth', 'errors', 'offline'] as const;

export function isLanguage(value: string | null | undefined): value is LanguageCode {
  return !!value && (LANGUAGE_CODES as string[]).includes(value);
}

export function directionOf(language: string) {
  return language === 'ar' ? 'rtl' : 'ltr';
}

// A user's display preferences (theme, units, 12/24-hour time, week start) and what an unset one means: the custom of
// the app language's region (decision 033). Pure: the server render and the browser resolve the same values.
import { defaultTemperatureUnit, TEMPERATURE_UNITS, type TemperatureUnit } from '~/areas/weather/rules';

export const THEMES = ['system', 'light', 'dark'] as const;
export const DISTANCE_UNITS = ['km', 'mi'] as const;
export const TIME_FORMATS = ['12h', '24h'] as const;
export const WEEK_STARTS = ['monday', 'sunday', 'saturday'] as const;

export type Theme = (typeof THEMES)[number];
export type DistanceUnit = (typeof DISTANCE_UNITS)[number];
export type TimeFormat = (typeof TIME_FORMATS)[number];
export type WeekStart = (typeof WEEK_STARTS)[number];

/** As stored on the user: null means "from the language's region" (for the theme: follow the system). */
export interface DisplayPreferences {
  theme: Theme | null;
  distanceUnit: DistanceUnit | null;
  timeFormat: TimeFormat | null;
  weekStart: WeekStart | null;
  temperatureUnit: TemperatureUnit | null;
}

/** Every preference decided. */
export interface ResolvedDisplay {
  theme: Theme;
  distanceUnit: DistanceUnit;
  timeFormat: TimeFormat;
  weekStart: WeekStart;
  temperatureUnit: TemperatureUnit;
  /** 0 Sunday … 6 Saturday, as Date#getUTCDay counts */
  weekStartDay: 0 | 1 | 6;
}

const oneOf = <T extends string>(values: readonly T[], value: unknown): T | null => (values as readonly unknown[]).includes(value) ? (value as T) : null;

/** The stored columns of a user, each narrowed to a known value (anything else counts as unset). */
export function displayPreferencesOf(user: { theme?: string | null; distanceUnit?: string | null; timeFormat?: string | null; weekStart?: string | null; temperatureUnit?: string | null }): DisplayPreferences {
  return {
    theme: oneOf(THEMES, user.theme),
    distanceUnit: oneOf(DISTANCE_UNITS, user.distanceUnit),
    timeFormat: oneOf(TIME_FORMATS, user.timeFormat),
    weekStart: oneOf(WEEK_STARTS, user.weekStart),
    temperatureUnit: oneOf(TEMPERATURE_UNITS, user.temperatureUnit),
  };
}

/**
 * The region a language is spoken in by convention: the tag's own region ("pt-BR" → BR), else the likely region of the
 * bare language ("en" → US, "de" → DE, "ar" → EG), from Intl.Locale#maximize, else the table below.
 */
const LIKELY_REGION: Record<string, string> = { en: 'US', de: 'DE', es: 'ES', fr: 'FR', it: 'IT', nl: 'NL', pt: 'BR', cs: 'CZ', pl: 'PL', hu: 'HU', ru: 'RU', zh: 'CN', ar: 'EG', id: 'ID' };

export function regionOf(language: string): string | null {
  try {
    const region = new Intl.Locale(language).maximize().region;
    if (region) return region;
  } catch {
    // an unknown tag: the table decides
  }
  return language.split(/[-_]/)[1]?.toUpperCase() ?? LIKELY_REGION[language.split(/[-_]/)[0].toLowerCase()] ?? null;
}

/** Regions that measure road distances in miles. */
const MILE_REGIONS = new Set(['US', 'GB', 'LR', 'MM']);
/** Regions whose clocks read 12-hour by default (when Intl does not say). */
const TWELVE_HOUR_REGIONS = new Set(['US', 'CA', 'AU', 'NZ', 'IN', 'PH', 'EG', 'SA', 'TW', 'PK', 'BD', 'MY', 'CO', 'MX']);
/** First day of the week when Intl.Locale has no week info (Chromium and Node 20 have it). */
const SUNDAY_REGIONS = new Set(['US', 'CA', 'BR', 'TW', 'ID', 'JP', 'IL', 'MX', 'PH', 'IN', 'ZA', 'AU']);
const SATURDAY_REGIONS = new Set(['EG', 'SA', 'AE', 'DZ', 'IQ', 'JO', 'KW', 'LY', 'OM', 'QA', 'SY', 'AF', 'IR', 'BH', 'SD']);

const DAY_OF: Record<WeekStart, 0 | 1 | 6> = { sunday: 0, monday: 1, saturday: 6 };
const WEEK_START_OF_DAY: Record<number, WeekStart> = { 0: 'sunday', 1: 'monday', 6: 'saturday' };

function regionalTag(language: string) {
  const region = regionOf(language);
  const base = language.split(/[-_]/)[0];
  return region ? `${base}-${region}` : base;
}

/** The region's week start: Intl week info where the runtime has it, else the table (Friday-starting regions → Saturday). */
export function defaultWeekStart(language: string): WeekStart {
  const tag = regionalTag(language);
  try {
    const locale = new Intl.Locale(tag) as Intl.Locale & { weekInfo?: { firstDay: number }; getWeekInfo?: () => { firstDay: number } };
    const info = locale.getWeekInfo?.() ?? locale.weekInfo;
    if (info) return WEEK_START_OF_DAY[info.firstDay % 7] ?? 'monday';
  } catch {
    // fall through to the table
  }
  const region = regionOf(language) ?? '';
  return SUNDAY_REGIONS.has(region) ? 'sunday' : SATURDAY_REGIONS.has(region) ? 'saturday' : 'monday';
}

export function defaultTimeFormat(language: string): TimeFormat {
  const tag = regionalTag(language);
  try {
    const cycle = new Intl.DateTimeFormat(tag, { hour: 'numeric' }).resolvedOptions().hourCycle;
    if (cycle) return cycle === 'h11' || cycle === 'h12' ? '12h' : '24h';
  } catch {
    // fall through to the table
  }
  return TWELVE_HOUR_REGIONS.has(regionOf(language) ?? '') ? '12h' : '24h';
}

export const defaultDistanceUnit = (language: string): DistanceUnit => (MILE_REGIONS.has(regionOf(language) ?? '') ? 'mi' : 'km');

/** Every preference decided: the user's choice, else the custom of the language's region. */
export function resolveDisplay(preferences: Partial<DisplayPreferences> | null | undefined, language: string): ResolvedDisplay {
  const weekStart = preferences?.weekStart ?? defaultWeekStart(language);
  return {
    theme: preferences?.theme ?? 'system',
    distanceUnit: preferences?.distanceUnit ?? defaultDistanceUnit(language),
    timeFormat: preferences?.timeFormat ?? defaultTimeFormat(language),
    weekStart,
    temperatureUnit: preferences?.temperatureUnit ?? defaultTemperatureUnit(regionalTag(language)),
    weekStartDay: DAY_OF[weekStart],
  };
}

export const weekStartDayOf = (weekStart: WeekStart) => DAY_OF[weekStart];

/**
 * The locale whose region decides the defaults: the first Accept-Language tag (what the browser's navigator.language
 * is) when it is the app language with a region ("en-GB" for English), else the app language itself ("en" → en-US by
 * the likely-region convention). The weather area's °C/°F default has always followed the browser's region.
 */
export function regionalLocale(language: string, acceptLanguage: string | null | undefined): string {
  const base = language.split(/[-_]/)[0].toLowerCase();
  for (const part of (acceptLanguage ?? '').split(',')) {
    const tag = part.split(';')[0].trim();
    if (!tag || tag === '*') continue;
    const [lang, region] = tag.split(/[-_]/);
    if (lang.toLowerCase() !== base) continue;
    if (language.includes('-')) return language; // pt-BR, zh-TW: the app language names its region already
    return region && /^[A-Za-z]{2}$/.test(region) ? `${base}-${region.toUpperCase()}` : language;
  }
  return language;
}

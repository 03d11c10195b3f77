// Offline geography for the Atlas: which country a coordinate lies in (country-coder's boundaries, CC0), the
// continent of a country (its UN M49 groups), and the ISO 3166-1 countries and ISO 3166-2 regions (iso-3166).
// Nothing here reaches the internet.
import { createRequire } from 'node:module';
import type * as CountryCoder from '@rapideditor/country-coder';
import { iso31661, iso31662 } from 'iso-3166';

// country-coder's boundaries (about a tenth of a second of CPU to load) and the region index are made on first use, not
// at start-up (docs/decisions/036-mcp-and-start-up-speed.md).
let countryCoder: typeof CountryCoder | undefined;
const coder = () => (countryCoder ??= createRequire(import.meta.url)('@rapideditor/country-coder') as typeof CountryCoder);

export const CONTINENTS = ['Europe', 'Asia', 'Africa', 'North America', 'South America', 'Oceania', 'Other'] as const;
export type Continent = (typeof CONTINENTS)[number];

/** UN M49 continent groups, as country-coder lists them in each feature's groups. */
const M49_CONTINENT: Record<string, Continent> = {
  '150': 'Europe',
  '142': 'Asia',
  '002': 'Africa',
  '003': 'North America',
  '005': 'South America',
  '009': 'Oceania',
};

/** Countries whose boundaries span continents (overseas parts), so M49 names none: their home continent. */
const HOME_CONTINENT: Record<string, Continent> = {
  DK: 'Europe',
  ES: 'Europe',
  FR: 'Europe',
  GB: 'Europe',
  NL: 'Europe',
  NO: 'Europe',
  RU: 'Europe',
  US: 'North America',
  UM: 'Oceania',
};

/** Kosovo: not in ISO 3166-1, but a user-assigned code in wide use (and country-coder's answer for its territory). */
const EXTRA_COUNTRIES = ['XK'];
const COUNTRY_CODES = new Set([...iso31661.map((c) => c.alpha2), ...EXTRA_COUNTRIES]);

export function isCountryCode(code: string) {
  return COUNTRY_CODES.has(code);
}

/**
 * The ISO 3166-1 alpha-2 code of the country or territory (Greenland, Puerto Rico, Hong Kong are their own) at a
 * coordinate, or null at sea and in Antarctica's unclaimed parts.
 */
export function countryAt(lat: number, lng: number): string | null {
  const code = coder().iso1A2Code([lng, lat], { level: 'territory' });
  return code && COUNTRY_CODES.has(code) ? code : null;
}

const continentCache = new Map<string, Continent>();

export function continentOf(code: string): Continent {
  const cached = continentCache.get(code);
  if (cached) return cached;
  const groups = coder().feature(code)?.properties.groups ?? [];
  const found = HOME_CONTINENT[code] ?? groups.map((g) => M49_CONTINENT[g]).find(Boolean) ?? 'Other';
  continentCache.set(code, found);
  return found;
}

export interface RegionInfo {
  code: string;
  name: string;
  countryCode: string;
  /** the region it lies in (a French département in its région), null at the top level */
  parent: string | null;
}

let regionIndex: { byCountry: Map<string, RegionInfo[]>; byCode: Map<string, RegionInfo> } | undefined;
function regions() {
  if (regionIndex) return regionIndex;
  const byCountry = new Map<string, RegionInfo[]>();
  const byCode = new Map<string, RegionInfo>();
  for (const r of iso31662) {
    const countryCode = r.code.slice(0, 2);
    const info: RegionInfo = { code: r.code, name: r.name, countryCode, parent: r.parent === countryCode ? null : r.parent };
    byCode.set(r.code, info);
    const list = byCountry.get(countryCode) ?? [];
    list.push(info);
    byCountry.set(countryCode, list);
  }
  return (regionIndex = { byCountry, byCode });
}

/** The ISO 3166-2 subdivisions of a country (empty for countries without any). */
export function regionsOf(countryCode: string): RegionInfo[] {
  return regions().byCountry.get(countryCode) ?? [];
}

/** An ISO 3166-2 subdivision by code; a newer code with a trailing letter ("FR-75C") falls back to its base ("FR-75"). */
export function findRegion(code: string): RegionInfo | null {
  const { byCode } = regions();
  return byCode.get(code) ?? (/^[A-Z]{2}-\w+[A-Z]$/.test(code) ? (byCode.get(code.slice(0, -1)) ?? null) : null);
}

const englishNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });
export function countryName(code: string) {
  return englishNames.of(code) ?? code;
}

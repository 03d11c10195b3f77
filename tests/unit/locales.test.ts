// Every locale has every key of English, in every namespace, and no key English does not have. A plural family
// (`places_one`, `places_other`, …) counts as one key, and each language gives it exactly the plural categories
// its CLDR rules have (Intl.PluralRules), so i18next never falls back to English for a count.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGE_CODES } from '~/i18n/config';
import { NAMESPACES } from '~/i18n/namespaces';
import { areas } from '~/areas';

const dir = path.resolve(import.meta.dirname, '../../public/locales');
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

function keysOf(value: unknown, prefix = ''): string[] {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    return Object.entries(value).flatMap(([k, v]) => keysOf(v, prefix ? `${prefix}.${k}` : k));
  }
  return [prefix];
}

/** Plural families of a file: base key → the categories it has ("card.placeCount" → ["one", "other"]). */
function pluralFamilies(keys: string[]) {
  const families = new Map<string, string[]>();
  for (const key of keys) {
    const match = PLURAL_SUFFIX.exec(key);
    if (!match) continue;
    const base = key.slice(0, match.index);
    families.set(base, [...(families.get(base) ?? []), match[1]]);
  }
  return families;
}

/** Keys with each plural family folded into its base key. */
function groupedKeys(keys: string[]) {
  return [...new Set(keys.map((k) => k.replace(PLURAL_SUFFIX, '')))].sort();
}

function load(lng: string, ns: string) {
  const file = path.join(dir, lng, `${ns}.json`);
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : undefined;
}

const categoriesOf = (lng: string) => [...new Intl.PluralRules(lng).resolvedOptions().pluralCategories].sort();

describe('locales', () => {
  it('has a folder for each of the 15 languages', () => {
    expect(LANGUAGE_CODES).toHaveLength(15);
    for (const lng of LANGUAGE_CODES) expect(fs.existsSync(path.join(dir, lng)), lng).toBe(true);
  });

  it('the key grouping folds plural families and nothing else', () => {
    const keys = ['card.placeCount_one', 'card.placeCount_other', 'notice.other', 'title'];
    expect(groupedKeys(keys)).toEqual(['card.placeCount', 'notice.other', 'title']);
    expect(pluralFamilies(keys)).toEqual(new Map([['card.placeCount', ['one', 'other']]]));
  });

  it('every area declares namespaces, and each exists as a file in all 15 languages', () => {
    for (const area of areas) {
      expect(area.namespaces.length, `area ${area.id} declares its locale namespaces`).toBeGreaterThan(0);
      for (const ns of area.namespaces) {
        for (const lng of LANGUAGE_CODES) expect(fs.existsSync(path.join(dir, lng, `${ns}.json`)), `${lng}/${ns}.json`).toBe(true);
      }
    }
    for (const file of fs.readdirSync(path.join(dir, 'en'))) expect(NAMESPACES, `en/${file} belongs to an area or the frame`).toContain(file.replace(/\.json$/, ''));
  });

  for (const ns of NAMESPACES) {
    it(`namespace ${ns}: every language has exactly the English keys`, () => {
      const english = groupedKeys(keysOf(load('en', ns) ?? {}));
      expect(english.length, `en/${ns}.json has keys`).toBeGreaterThan(0);
      for (const lng of LANGUAGE_CODES) {
        const data = load(lng, ns);
        expect(data, `${lng}/${ns}.json exists`).toBeDefined();
        const keys = groupedKeys(keysOf(data));
        expect({ lng, missing: english.filter((k) => !keys.includes(k)), extra: keys.filter((k) => !english.includes(k)) }).toEqual({
          lng,
          missing: [],
          extra: [],
        });
      }
    });

    it(`namespace ${ns}: every plural has exactly the language's plural categories`, () => {
      const englishFamilies = [...pluralFamilies(keysOf(load('en', ns) ?? {})).keys()];
      for (const lng of LANGUAGE_CODES) {
        const keys = keysOf(load(lng, ns) ?? {});
        const families = pluralFamilies(keys);
        const wrong = [...families.entries()]
          .filter(([, categories]) => [...categories].sort().join() !== categoriesOf(lng).join())
          .map(([base, categories]) => `${base}: ${[...categories].sort().join(', ')}`);
        expect({ lng, expected: categoriesOf(lng), wrong }).toEqual({ lng, expected: categoriesOf(lng), wrong: [] });
        // A key is either plain or a plural family, in every language the same way (zh has only `_other`, still a family).
        const plainWhereEnglishPlural = englishFamilies.filter((base) => !families.has(base) && keys.includes(base));
        const bothPlainAndPlural = [...families.keys()].filter((base) => keys.includes(base));
        expect({ lng, plainWhereEnglishPlural, bothPlainAndPlural }).toEqual({ lng, plainWhereEnglishPlural: [], bothPlainAndPlural: [] });
      }
    });
  }

  it('the languages have the plural categories this test expects of CLDR', () => {
    expect(categoriesOf('en')).toEqual(['one', 'other']);
    expect(categoriesOf('ru')).toEqual(['few', 'many', 'one', 'other']);
    expect(categoriesOf('ar')).toEqual(['few', 'many', 'one', 'other', 'two', 'zero']);
    expect(categoriesOf('zh-CN')).toEqual(['other']);
  });

  it('non-English files are translated, not copies of English', () => {
    for (const ns of NAMESPACES) {
      const english = JSON.stringify(load('en', ns));
      for (const lng of LANGUAGE_CODES.filter((l) => l !== 'en')) {
        const data = load(lng, ns);
        if (data && keysOf(data).length > 3) expect(JSON.stringify(data), `${lng}/${ns}`).not.toBe(english);
      }
    }
  });
});

// Every locale has every key of English, in every namespace, and no key English does not have.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGE_CODES, NAMESPACES } from '~/i18n/config';

const dir = path.resolve(import.meta.dirname, '../../public/locales');

function keysOf(value: unknown, prefix = ''): string[] {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    return Object.entries(value).flatMap(([k, v]) => keysOf(v, prefix ? `${prefix}.${k}` : k));
  }
  return [prefix];
}

function load(lng: string, ns: string) {
  const file = path.join(dir, lng, `${ns}.json`);
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : undefined;
}

describe('locales', () => {
  it('has a folder for each of the 15 languages', () => {
    expect(LANGUAGE_CODES).toHaveLength(15);
    for (const lng of LANGUAGE_CODES) expect(fs.existsSync(path.join(dir, lng)), lng).toBe(true);
  });

  for (const ns of NAMESPACES) {
    it(`namespace ${ns}: every language has exactly the English keys`, () => {
      const english = keysOf(load('en', ns) ?? {}).sort();
      expect(english.length, `en/${ns}.json has keys`).toBeGreaterThan(0);
      for (const lng of LANGUAGE_CODES) {
        const data = load(lng, ns);
        expect(data, `${lng}/${ns}.json exists`).toBeDefined();
        const keys = keysOf(data).sort();
        expect({ lng, missing: english.filter((k) => !keys.includes(k)), extra: keys.filter((k) => !english.includes(k)) }).toEqual({
          lng,
          missing: [],
          extra: [],
        });
      }
    });
  }

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

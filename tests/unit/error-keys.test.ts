// Every 'errors.someKey' the code uses has an English text (and so, via locales.test.ts, a text in every language),
// and every translation uses the same {{params}} as English — so no error reaches a user as a bare key.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGE_CODES } from '~/i18n/config';

const root = path.resolve(import.meta.dirname, '../..');
const SOURCE_DIRS = ['app', 'mcp', 'bin'];
const SKIP_DIRS = new Set(['node_modules', 'generated', 'build']);
/** 'errors.tripNotFound', "errors.tripNotFound", `errors.tripNotFound` or the namespaced form 'errors:tripNotFound'. */
const KEY_PATTERN = /(['"`])errors[.:]([A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*)*)\1/g;

function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return SKIP_DIRS.has(entry.name) ? [] : sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** key → the files (relative) that use it. */
function usedErrorKeys() {
  const used = new Map<string, Set<string>>();
  for (const file of SOURCE_DIRS.flatMap((d) => sourceFiles(path.join(root, d)))) {
    const source = fs.readFileSync(file, 'utf8');
    for (const match of source.matchAll(KEY_PATTERN)) {
      const key = match[2];
      if (!used.has(key)) used.set(key, new Set());
      used.get(key)!.add(path.relative(root, file));
    }
  }
  return used;
}

function loadErrors(lng: string): Record<string, unknown> {
  const file = path.join(root, 'public/locales', lng, 'errors.json');
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
}

function lookup(data: Record<string, unknown>, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), data);
}

function flatten(data: Record<string, unknown>, prefix = ''): Array<[string, string]> {
  return Object.entries(data).flatMap(([k, v]) =>
    v && typeof v === 'object' ? flatten(v as Record<string, unknown>, `${prefix}${k}.`) : [[`${prefix}${k}`, String(v)] as [string, string]],
  );
}

const paramsOf = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)\s*(?:,[^}]*)?\}\}/g)].map((m) => m[1]).sort();

describe('error keys', () => {
  const used = usedErrorKeys();
  const english = loadErrors('en');

  it('finds the error keys the code throws (the scan itself works)', () => {
    expect(used.get('tripNotFound')).toContain(path.join('app', 'domain', 'errors.ts'));
    expect(used.has('signInRequired')).toBe(true);
    expect(used.size).toBeGreaterThan(20);
  });

  it('every errors.* key used in app/, mcp/ and bin/ has an English text', () => {
    const missing = [...used.entries()]
      // A plural family (key_one, key_other, …) is looked up by its `_other` form, the one every language has.
      .map(([key, files]) => [key, files, lookup(english, key) ?? lookup(english, `${key}_other`)] as const)
      .filter(([, , text]) => typeof text !== 'string' || !text.trim())
      .map(([key, files]) => `errors.${key} (used in ${[...files].join(', ')})`);
    expect(missing, 'add these keys to public/locales/en/errors.json (and translate them)').toEqual([]);
  });

  it('every translation of an error uses the same {{params}} as English', () => {
    const problems: string[] = [];
    for (const lng of LANGUAGE_CODES.filter((l) => l !== 'en')) {
      const translated = loadErrors(lng);
      for (const [key, text] of flatten(english)) {
        const other = lookup(translated, key);
        if (typeof other !== 'string') continue; // a missing key is reported by locales.test.ts
        if (paramsOf(other).join() !== paramsOf(text).join()) problems.push(`${lng}: ${key} has {{${paramsOf(other).join(', ')}}}`);
      }
    }
    expect(problems).toEqual([]);
  });
});

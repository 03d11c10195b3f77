// Reading one namespace of one language from public/locales, once per process. It imports nothing of the area list,
// so areas' server code can read its own texts at load time without a cycle (app/i18n/namespaces.ts builds on areas).
import fs from 'node:fs';
import path from 'node:path';

const cache = new Map<string, Record<string, unknown>>();

export function localesDir() {
  return path.resolve(process.env.WAYMARK_ROOT ?? process.cwd(), 'public/locales');
}

/** The namespace's texts in the language; {} when the file does not exist. */
export function readNamespace(language: string, ns: string): Record<string, unknown> {
  const key = `${language}/${ns}`;
  let texts = cache.get(key);
  if (!texts) {
    const file = path.join(localesDir(), language, `${ns}.json`);
    texts = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
    cache.set(key, texts);
  }
  return texts;
}

// Weather descriptions in a language, for agents (the UI translates the condition itself): read from the weather
// namespace's locale files, once per language.
import fs from 'node:fs';
import path from 'node:path';
import { isLanguage } from '~/i18n/config';
import { CONDITION_TEXT, type Condition } from './rules';

const loaded = new Map<string, Partial<Record<Condition, string>>>();

function conditionsOf(language: string) {
  let texts = loaded.get(language);
  if (!texts) {
    const file = path.resolve(process.env.WAYMARK_ROOT ?? process.cwd(), 'public/locales', language, 'weather.json');
    try {
      texts = (JSON.parse(fs.readFileSync(file, 'utf8')) as { condition?: Partial<Record<Condition, string>> }).condition ?? {};
    } catch {
      texts = {};
    }
    loaded.set(language, texts);
  }
  return texts;
}

export function conditionText(language: string, condition: Condition) {
  return (isLanguage(language) ? conditionsOf(language)[condition] : undefined) ?? CONDITION_TEXT[condition];
}

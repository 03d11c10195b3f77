// Weather descriptions in a language, for agents (the UI translates the condition itself): read from the weather
// namespace's locale files, once per language.
import { isLanguage } from '~/i18n/config';
import { readNamespace } from '~/i18n/locale-files.server';
import { CONDITION_TEXT, type Condition } from './rules';

function conditionsOf(language: string) {
  return ((readNamespace(language, 'weather') as { condition?: Partial<Record<Condition, string>> }).condition ?? {}) as Partial<Record<Condition, string>>;
}

export function conditionText(language: string, condition: Condition) {
  return (isLanguage(language) ? conditionsOf(language)[condition] : undefined) ?? CONDITION_TEXT[condition];
}

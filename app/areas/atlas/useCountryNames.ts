// Country names in the user's language from the browser's (and Node's) own CLDR data: Intl.DisplayNames knows all
// 15 languages offline. The list of countries is ./countries.ts.
// Node's and the browser's CLDR versions can name or sort a country differently, so the list is built only after
// hydration (the server renders the selects without it), never in a way that makes the two renders disagree.
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LISTED_COUNTRY_CODES } from './countries';

export function useCountryNames() {
  const { i18n } = useTranslation();
  const language = i18n.language;
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return useMemo(() => {
    const names = new Intl.DisplayNames([language, 'en'], { type: 'region', fallback: 'code' });
    const nameOf = (code: string) => names.of(code) ?? code;
    const collator = new Intl.Collator(language);
    const sorted = hydrated ? LISTED_COUNTRY_CODES.map((code) => ({ code, name: nameOf(code) })).sort((a, b) => collator.compare(a.name, b.name)) : [];
    return { nameOf, sorted, compare: collator.compare };
  }, [language, hydrated]);
}

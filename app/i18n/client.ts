// One i18next instance per language, built synchronously from the resources the root loader sent,
// so server and browser render the same text and no extra request is needed.
import { useMemo } from 'react';
import { createInstance, type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LANGUAGE } from './config';
import { NAMESPACES } from './namespaces';

export function useI18nInstance(locale: string, resources: Record<string, Record<string, unknown>>): I18n {
  return useMemo(() => {
    const instance = createInstance();
    instance.use(initReactI18next).init({
      lng: locale,
      fallbackLng: DEFAULT_LANGUAGE,
      ns: [...NAMESPACES],
      defaultNS: 'common',
      resources: resources as never,
      interpolation: { escapeValue: false },
      initImmediate: false,
      react: { useSuspense: false },
    });
    return instance;
  }, [locale, resources]);
}

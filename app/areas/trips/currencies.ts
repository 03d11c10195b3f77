// The currencies offered when creating a trip, and a sensible default for the user's language.

export const COMMON_CURRENCIES = [
  'EUR', 'USD', 'GBP', 'CHF', 'JPY', 'CNY', 'TWD', 'HKD', 'KRW', 'INR', 'IDR', 'THB', 'SGD', 'AUD', 'NZD', 'CAD',
  'MXN', 'BRL', 'ARS', 'CZK', 'PLN', 'HUF', 'SEK', 'NOK', 'DKK', 'ISK', 'RON', 'BGN', 'TRY', 'RUB', 'UAH', 'AED',
  'SAR', 'EGP', 'MAD', 'ZAR', 'ILS',
] as const;

const BY_LANGUAGE: Record<string, string> = {
  'pt-BR': 'BRL',
  cs: 'CZK',
  pl: 'PLN',
  hu: 'HUF',
  ru: 'RUB',
  'zh-CN': 'CNY',
  'zh-TW': 'TWD',
  id: 'IDR',
};

export function defaultCurrencyFor(locale: string) {
  return BY_LANGUAGE[locale] ?? 'EUR';
}

/** "EUR — Euro" in the user's language (just the code where Intl has no name). */
export function currencyLabel(code: string, locale: string) {
  try {
    const name = new Intl.DisplayNames([locale], { type: 'currency' }).of(code);
    return name && name !== code ? `${code} — ${name}` : code;
  } catch {
    return code;
  }
}

/** The list for a select, with `current` added when it is not a common one (an older trip in another currency). */
export function currencyOptions(current?: string) {
  const list: string[] = [...COMMON_CURRENCIES];
  if (current && !list.includes(current)) list.unshift(current);
  return list;
}

// Current exchange rates from a Frankfurter-compatible API (by default api.frankfurter.app: the European Central
// Bank's reference rates, no key), for the budget's "Fetch current rates". Optional by design: when the administrator
// turns it off (BUDGET_RATES_URL empty) or the service cannot be reached, rates are entered by hand as before.
import type { Config } from '~/env.server';
import { badRequest } from '~/domain/errors';
import { parseRate } from './rules';
import { fetchFromService, serviceUnavailable, serviceUrl, ttlCache, type OutsideService } from '~/geo/outside-service.server';

const RATES: OutsideService = { label: 'Exchange rates', i18nKey: 'errors.ratesUnavailable' };
/** Reference rates change once a working day: an hour of caching spares the service without going stale. */
const cache = ttlCache<string | null>(500);
const CACHE_MS = 60 * 60_000;

/**
 * 1 unit of `from` in `to`, as the decimal text the service gave (exact, as entered rates are), or null when the
 * service does not know one of the two currencies.
 */
export async function currentRate(config: Pick<Config, 'budgetRatesUrl' | 'outboundAllowPrivate'>, from: string, to: string): Promise<string | null> {
  if (!config.budgetRatesUrl) throw badRequest('errors.ratesOff', 'Fetching exchange rates is turned off on this server; enter the rate by hand');
  const key = `${from}>${to}`;
  const cached = cache.get(config, key);
  if (cached !== undefined) return cached;
  const url = serviceUrl(RATES, config.budgetRatesUrl, '/latest', { from, to });
  const res = await fetchFromService(config, RATES, url);
  if (res.status === 404 || res.status === 422) {
    cache.set(config, key, null, CACHE_MS);
    return null;
  }
  if (!res.ok) throw serviceUnavailable(RATES, `it answered ${res.status}`);
  const body = (await res.json().catch(() => null)) as { rates?: Record<string, unknown> } | null;
  const value = body?.rates?.[to];
  // Plain decimal text, never exponent notation (String(1e-7) is "1e-7", which no rate parser accepts), at most the
  // 12 decimals a rate keeps (rules.ts RATE).
  const text = typeof value === 'number' && Number.isFinite(value) && value > 0 ? value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 12 }) : null;
  // A rate a person could not enter (too small or too large to keep) counts as unknown.
  const rate = text !== null && isRate(text) ? text : null;
  cache.set(config, key, rate, CACHE_MS);
  return rate;
}

/** Whether `text` is a rate a person could enter (rules.ts parseRate): the one check stored rates pass. */
function isRate(text: string) {
  try {
    parseRate(text);
    return true;
  } catch {
    return false;
  }
}

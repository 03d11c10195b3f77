// The one way Waymark talks to an outside service (weather, place details, photos, routing, map links): a base URL
// from the configuration, the outbound guard (guardedFetch), a timeout, a per-configuration cache, and one clear
// "unavailable" DomainError with the service's i18n key when anything goes wrong — so Waymark stays usable offline.
import type { Config } from '~/env.server';
import { DomainError } from '~/domain/errors';
import { guardedFetch, outboundFailureReason } from './outbound-guard.server';

export type OutboundConfig = Pick<Config, 'outboundAllowPrivate'>;

/** What a caller says about the service it calls: its English name and the i18n key of its "unavailable" error. */
export interface OutsideService {
  /** "Weather", "Place details" — starts the English message */
  label: string;
  /** errors.<key>, translated in every language; receives no parameters */
  i18nKey: string;
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 8_000;
const USER_AGENT = 'Waymark trip planner (self-hosted)';

export const serviceUnavailable = (service: OutsideService, reason: string) =>
  new DomainError('BAD_REQUEST', service.i18nKey, `${service.label} is unavailable right now (${reason}); try again later`, { reason });

/** A small cache with expiry, one per configuration object (two servers in one test process never share entries). */
export function ttlCache<V>(maxEntries: number) {
  const caches = new WeakMap<object, Map<string, { until: number; value: V }>>();
  const mapFor = (owner: object) => {
    let map = caches.get(owner);
    if (!map) caches.set(owner, (map = new Map()));
    return map;
  };
  return {
    get(owner: object, key: string): V | undefined {
      const map = mapFor(owner);
      const hit = map.get(key);
      if (!hit) return undefined;
      if (hit.until < Date.now()) {
        map.delete(key);
        return undefined;
      }
      return hit.value;
    },
    set(owner: object, key: string, value: V, ttlMs: number) {
      const map = mapFor(owner);
      if (map.size >= maxEntries) map.delete(map.keys().next().value as string);
      map.set(key, { until: Date.now() + ttlMs, value });
    },
  };
}

/** Builds `${base}${path}` with the query, or says the configured base URL is broken. */
export function serviceUrl(service: OutsideService, base: string, path: string, query: Record<string, string | number> = {}) {
  let url: URL;
  try {
    url = new URL(`${base}${path}`);
  } catch {
    throw serviceUnavailable(service, `the configured address ${base} is not a valid URL`);
  }
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, String(value));
  return url;
}

/** One request through the guard, with the timeout; any failure to reach the service becomes serviceUnavailable. */
export interface ServiceRequest {
  accept?: string;
  /** POST with a JSON body (Google Places search); GET without */
  json?: unknown;
  /** extra request headers (an API key travels here, never in the URL) */
  headers?: Record<string, string>;
}

export async function fetchFromService(config: OutboundConfig, service: OutsideService, url: URL, init: ServiceRequest = {}): Promise<Response> {
  const timeoutMs = service.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const headers = { Accept: init.accept ?? 'application/json', 'User-Agent': USER_AGENT, ...init.headers };
  const body = init.json === undefined ? {} : { method: 'POST', body: JSON.stringify(init.json), headers: { ...headers, 'Content-Type': 'application/json' } };
  try {
    return await guardedFetch(
      url,
      { headers, signal: AbortSignal.timeout(timeoutMs), ...body },
      { allowPrivate: config.outboundAllowPrivate },
    );
  } catch (error) {
    throw serviceUnavailable(service, outboundFailureReason(error, url, timeoutMs));
  }
}

/** GET a JSON document; a non-2xx answer or unreadable body is serviceUnavailable too. */
export async function fetchServiceJson<T>(config: OutboundConfig, service: OutsideService, url: URL, init: ServiceRequest = {}): Promise<T> {
  const response = await fetchFromService(config, service, url, init);
  if (!response.ok) throw serviceUnavailable(service, `the service answered HTTP ${response.status}`);
  try {
    return (await response.json()) as T;
  } catch {
    throw serviceUnavailable(service, 'the service sent an unreadable answer');
  }
}

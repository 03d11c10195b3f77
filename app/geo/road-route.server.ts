// A day's line along roads from an OSRM-compatible router (OSRM_URL): GET
// /route/v1/driving/{lng,lat;…}?overview=full&geometries=geojson, through the outbound guard with a timeout, cached per
// configuration. Without a router, or when it fails or finds no route, the answer is null and the map keeps its
// straight line — the map never depends on the router.
import type { Config } from '~/env.server';
import { fetchServiceJson, serviceUrl, ttlCache, type OutsideService } from './outside-service.server';

export interface RoadRoute {
  /** [lat, lng] along the roads, from the first place to the last */
  positions: [number, number][];
  /** metres */
  distance: number;
  /** seconds, by car */
  duration: number;
}

interface OsrmAnswer {
  code?: string;
  routes?: { distance?: number; duration?: number; geometry?: { type?: string; coordinates?: unknown } }[];
}

const SERVICE: OutsideService = { label: 'Routing', i18nKey: 'errors.routingUnavailable', timeoutMs: 8_000 };
/** OSRM's demo server allows at most 100 coordinates per request; a day has far fewer places */
const MAX_ROUTE_STOPS = 100;
const cache = ttlCache<RoadRoute | null>(200);
const CACHE_TTL_MS = 60 * 60_000;

/** The route's coordinates ([lng, lat] in GeoJSON) as [lat, lng], or null when the answer has no usable line. */
function routeFromOsrm(answer: OsrmAnswer): RoadRoute | null {
  const route = answer.code === 'Ok' ? answer.routes?.[0] : undefined;
  const coordinates = route?.geometry?.coordinates;
  if (!route || !Array.isArray(coordinates) || coordinates.length < 2) return null;
  const positions: [number, number][] = [];
  for (const c of coordinates) {
    if (!Array.isArray(c) || !Number.isFinite(c[0]) || !Number.isFinite(c[1]) || Math.abs(c[1]) > 90 || Math.abs(c[0]) > 180) return null;
    positions.push([c[1] as number, c[0] as number]);
  }
  return { positions, distance: Number(route.distance) || 0, duration: Number(route.duration) || 0 };
}

/**
 * The road route through the stops ([lat, lng], in visiting order), or null: no router configured, fewer than two
 * stops, the router unreachable or without a route. Successful answers (routes and "no route") are cached for an hour.
 */
export async function roadRoute(config: Config, stops: [number, number][]): Promise<RoadRoute | null> {
  if (!config.osrmUrl || stops.length < 2 || stops.length > MAX_ROUTE_STOPS) return null;
  const path = `/route/v1/driving/${stops.map(([lat, lng]) => `${lng.toFixed(6)},${lat.toFixed(6)}`).join(';')}`;
  const cached = cache.get(config, path);
  if (cached !== undefined) return cached;
  let answer: OsrmAnswer;
  try {
    answer = await fetchServiceJson<OsrmAnswer>(config, SERVICE, serviceUrl(SERVICE, config.osrmUrl, path, { overview: 'full', geometries: 'geojson' }));
  } catch {
    // unreachable, refused, timed out or answered an error: straight lines this time, ask again next time
    return null;
  }
  const route = routeFromOsrm(answer);
  cache.set(config, path, route, CACHE_TTL_MS);
  return route;
}

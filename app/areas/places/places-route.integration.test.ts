// places.getDayRoute: a day's line along roads from an OSRM-compatible router (a fake OSRM server over real HTTP).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { procedureSuite, type TestUser } from '../../../tests/helpers/procedure-suite';
import { expectTrpcError } from '../../../tests/helpers/users';

// A stand-in for OSRM's /route/v1/driving/{lng,lat;…}: the route runs through each stop with a midpoint between them.
const osrmRequests: URL[] = [];
const osrm = { down: false, noRoute: false };
const fakeOsrm = http.createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://fake');
  osrmRequests.push(url);
  res.setHeader('Content-Type', 'application/json');
  const match = /^\/route\/v1\/driving\/(.+)$/.exec(url.pathname);
  if (osrm.down || !match) {
    res.statusCode = osrm.down ? 503 : 404;
    res.end('{}');
    return;
  }
  if (osrm.noRoute) {
    res.end(JSON.stringify({ code: 'NoRoute', message: 'Impossible route between points', routes: [] }));
    return;
  }
  const stops = decodeURIComponent(match[1]).split(';').map((pair) => pair.split(',').map(Number));
  const coordinates = stops.flatMap((stop, i) => (i === 0 ? [stop] : [[(stops[i - 1][0] + stop[0]) / 2, stops[i - 1][1] + 0.001], stop]));
  res.end(JSON.stringify({ code: 'Ok', routes: [{ distance: 1234.5, duration: 321.1, geometry: { type: 'LineString', coordinates } }], waypoints: [] }));
});
let osrmPort = 0;
beforeAll(async () => {
  await new Promise<void>((resolve) => fakeOsrm.listen(0, '127.0.0.1', resolve));
  osrmPort = (fakeOsrm.address() as AddressInfo).port;
});
afterAll(() => new Promise((resolve) => fakeOsrm.close(resolve)));

const suite = procedureSuite(2, () => ({ OSRM_URL: `http://127.0.0.1:${osrmPort}/`, OUTBOUND_ALLOW_PRIVATE: 'true' }));
let anna: TestUser;
let ben: TestUser;
beforeAll(() => {
  ({ users: [anna, ben] } = suite);
});

/** A trip whose first day visits the given places (null: a place without coordinates) in order. */
async function tripWithDay(stops: ([number, number] | null)[]) {
  const { trip } = await anna.trpc.trips.createTrip.mutate({ title: 'Lisbon', startDate: '2027-05-01', endDate: '2027-05-02' });
  const { days } = await anna.trpc.days.listDays.query({ tripId: trip.id });
  for (const [i, stop] of stops.entries()) {
    const { place } = await anna.trpc.places.createPlace.mutate({ tripId: trip.id, name: `Stop ${i + 1}`, ...(stop ? { lat: stop[0], lng: stop[1] } : {}) });
    await anna.trpc.assignments.assignPlaceToDay.mutate({ tripId: trip.id, placeId: place.id, dayId: days[0].id });
  }
  return { tripId: trip.id, dayIds: days.map((d) => d.id) };
}

describe('places.getDayRoute', () => {
  it('asks the router for the day\'s located places in visiting order and answers the line as [lat, lng], cached', async () => {
    // the second stop has no coordinates and is skipped
    const { tripId, dayIds } = await tripWithDay([[38.6957, -9.1934], null, [38.6916, -9.216], [38.7, -9.2]]);
    const before = osrmRequests.length;
    const { dayId, route } = await anna.trpc.places.getDayRoute.query({ tripId, dayId: dayIds[0] });
    expect(dayId).toBe(dayIds[0]);
    expect(osrmRequests.length).toBe(before + 1);
    const asked = osrmRequests[osrmRequests.length - 1];
    // lng,lat pairs in the day's order; the configured base URL's trailing slash is dropped
    expect(asked.pathname).toBe('/route/v1/driving/-9.193400,38.695700;-9.216000,38.691600;-9.200000,38.700000');
    expect(Object.fromEntries(asked.searchParams)).toEqual({ overview: 'full', geometries: 'geojson' });
    expect(route).toEqual({
      positions: [
        [38.6957, -9.1934],
        [38.6967, -9.2047],
        [38.6916, -9.216],
        [38.6926, -9.208],
        [38.7, -9.2],
      ].map(([lat, lng]) => [expect.closeTo(lat, 6), expect.closeTo(lng, 6)]),
      distance: 1234.5,
      duration: 321.1,
    });
    // the same stops again come from the cache
    expect((await anna.trpc.places.getDayRoute.query({ tripId, dayId: dayIds[0] })).route).toEqual(route);
    expect(osrmRequests.length).toBe(before + 1);
  });

  it('answers null without asking when the day has fewer than two located places', async () => {
    const { tripId, dayIds } = await tripWithDay([[38.6957, -9.1934], null]);
    const before = osrmRequests.length;
    expect(await anna.trpc.places.getDayRoute.query({ tripId, dayId: dayIds[0] })).toEqual({ dayId: dayIds[0], route: null });
    expect(await anna.trpc.places.getDayRoute.query({ tripId, dayId: dayIds[1] })).toEqual({ dayId: dayIds[1], route: null });
    expect(osrmRequests.length).toBe(before);
  });

  it('answers null while the router is down or finds no route, and asks again once it is back', async () => {
    const { tripId, dayIds } = await tripWithDay([[40.0, -8.0], [40.01, -8.01]]);
    osrm.down = true;
    try {
      expect((await anna.trpc.places.getDayRoute.query({ tripId, dayId: dayIds[0] })).route).toBeNull();
    } finally {
      osrm.down = false;
    }
    // a failure is not cached
    expect((await anna.trpc.places.getDayRoute.query({ tripId, dayId: dayIds[0] })).route?.positions).toHaveLength(3);

    const other = await tripWithDay([[41.0, -8.0], [41.01, -8.01]]);
    osrm.noRoute = true;
    try {
      expect((await anna.trpc.places.getDayRoute.query({ tripId: other.tripId, dayId: other.dayIds[0] })).route).toBeNull();
    } finally {
      osrm.noRoute = false;
    }
  });

  it('refuses a day of another trip, a bad day id and outsiders', async () => {
    const mine = await tripWithDay([]);
    const other = await tripWithDay([]);
    const before = osrmRequests.length;
    const foreign = await expectTrpcError(anna.trpc.places.getDayRoute.query({ tripId: mine.tripId, dayId: other.dayIds[0] }));
    expect(foreign.code).toBe('NOT_FOUND');
    const bad = await expectTrpcError(anna.trpc.places.getDayRoute.query({ tripId: mine.tripId, dayId: -3 }));
    expect(bad.code).toBe('BAD_REQUEST');
    const outsider = await expectTrpcError(ben.trpc.places.getDayRoute.query({ tripId: mine.tripId, dayId: mine.dayIds[0] }));
    // (an outsider learns nothing about the trip: the same answer as for a trip that does not exist)
    expect(outsider.code).toBe('NOT_FOUND');
    expect(osrmRequests.length).toBe(before);
  });
});

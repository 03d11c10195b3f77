// An agent with the official MCP SDK client and a scoped OAuth token plans a stop: it resolves a shared maps link,
// looks the place up for its category and photo, adds it to a day with that photo, asks the weather for the trip and
// the hours of that day, and imports a GPX file — every outside service a local fake server. A token without
// weather:read does not see the weather tools.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { startTestServer, type TestServer } from '../helpers/server';
import { makeUser } from '../helpers/users';
import { FAKE_PLACE, fakeGeoEnv, startFakeGeoServices, type FakeGeoServices } from '../helpers/fake-geo-services';
import { connect, createOAuthToken, enableMcp } from './mcp.helpers';

type ToolResult = { isError?: boolean; content: Array<{ type: string; text?: string }>; structuredContent?: Record<string, unknown> };

let fake: FakeGeoServices;
let server: TestServer;
let client: Client;
let anna: Awaited<ReturnType<typeof makeUser>>;
let tripId: number;
let dayIds: number[];
const year = new Date().getUTCFullYear() + 2;

beforeAll(async () => {
  fake = await startFakeGeoServices();
  server = await startTestServer(fakeGeoEnv(fake));
  await enableMcp(server);
  anna = await makeUser(server, { displayName: 'Anna' });
  ({
    trip: { id: tripId },
  } = await anna.trpc.trips.createTrip.mutate({ title: 'Lisbon', startDate: `${year}-05-01`, endDate: `${year}-05-03` }));
  dayIds = (await anna.trpc.days.listDays.query({ tripId })).days.map((d) => d.id);
  const { token } = await createOAuthToken(server, anna.user.id, ['trips:read', 'places:write', 'geo:read', 'weather:read']);
  ({ client } = await connect(server, token));
});
afterAll(async () => {
  await client?.close();
  await server?.close();
  await fake?.close();
});

const call = (name: string, args: Record<string, unknown>) => client.callTool({ name, arguments: args }) as Promise<ToolResult>;

describe('an agent adds a place from a maps link and checks the weather', () => {
  it('offers the geo and weather tools, each explaining its answer', async () => {
    const { tools } = await client.listTools();
    const byName = new Map(tools.map((t) => [t.name, t]));
    for (const name of ['resolve_maps_url', 'get_place_details', 'reverse_geocode', 'get_weather', 'get_detailed_weather', 'import_places_from_url', 'import_places_from_file', 'refresh_place_photo']) {
      expect(byName.has(name), name).toBe(true);
    }
    expect(byName.get('get_weather')!.description).toMatch(/"climate".*averages/);
    expect(byName.get('import_places_from_url')!.description).toMatch(/shared Google Maps list/);
    expect(byName.get('resolve_maps_url')!.annotations).toMatchObject({ readOnlyHint: true });
  });

  it('resolves the link, adds the place with its photo to day 1, and gets the trip’s weather', async () => {
    const link = await call('resolve_maps_url', { url: 'https://maps.app.goo.gl/place-link' });
    expect(link.isError).toBeFalsy();
    expect(link.structuredContent).toMatchObject({ kind: 'place', name: FAKE_PLACE.name, lat: FAKE_PLACE.lat, lng: FAKE_PLACE.lng });

    const search = await call('search_place', { query: 'Torre', limit: 1 });
    const [hit] = (search.structuredContent as { results: Array<{ photoUrl: string; categoryId: number; osmId: string }> }).results;
    expect(hit.photoUrl).toContain('Special:FilePath');

    const details = await call('get_place_details', { placeId: hit.osmId });
    expect(details.structuredContent).toMatchObject({ details: { openingHours: FAKE_PLACE.openingHours, website: FAKE_PLACE.website } });

    const created = await call('create_and_assign_place', {
      tripId,
      dayId: dayIds[0],
      name: (link.structuredContent as { name: string }).name,
      lat: FAKE_PLACE.lat,
      lng: FAKE_PLACE.lng,
      categoryId: hit.categoryId,
      photoUrl: hit.photoUrl,
    });
    expect(created.isError).toBeFalsy();
    const place = (created.structuredContent as { place: { id: number; photoUrl: string } }).place;
    expect(place.photoUrl).toBe(hit.photoUrl);
    expect(await server.services.db.place.findUnique({ where: { id: place.id } })).toMatchObject({ photoSource: 'wikimedia', photoRef: 'Torre_de_Belém.jpg' });

    const weather = await call('get_weather', { tripId });
    expect(weather.isError).toBeFalsy();
    expect(weather.structuredContent).toMatchObject({
      tripId,
      days: [
        { dayId: dayIds[0], place: { id: place.id, name: FAKE_PLACE.name }, weather: { kind: 'climate', tempMax: 18.5, tempMin: 10.5, description: 'Clear sky' } },
        { dayId: dayIds[1], place: null, weather: null },
        { dayId: dayIds[2], place: null, weather: null },
      ],
    });

    const hours = await call('get_detailed_weather', { lat: FAKE_PLACE.lat, lng: FAKE_PLACE.lng, date: `${year}-05-01`, lang: 'fr' });
    expect(hours.structuredContent).toMatchObject({ weather: { kind: 'climate', hoursFrom: `${year - 1}-05-01`, description: 'Nuageux' } });
    expect((hours.structuredContent as { weather: { hourly: unknown[] } }).weather.hourly).toHaveLength(24);
  });

  it('imports a GPX file, and a bad one is an error result that adds nothing', async () => {
    const gpx = '<gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1"><wpt lat="38.7" lon="-9.14"><name>Miradouro</name></wpt></gpx>';
    const ok = await call('import_places_from_file', { tripId, fileName: 'walk.gpx', content: gpx });
    expect(ok.structuredContent).toMatchObject({ format: 'gpx', places: [{ name: 'Miradouro' }], skipped: 0 });
    const before = await server.services.db.place.count({ where: { tripId } });
    const bad = await call('import_places_from_file', { tripId, fileName: 'walk.gpx', content: '<gpx><wpt' });
    expect(bad.isError).toBe(true);
    expect(bad.content[0].text).toContain('The GPX file could not be read');
    expect(await server.services.db.place.count({ where: { tripId } })).toBe(before);
  });

  it('a token without weather:read does not see the weather tools', async () => {
    const { token } = await createOAuthToken(server, anna.user.id, ['geo:read']);
    const { client: geoOnly } = await connect(server, token);
    try {
      const names = (await geoOnly.listTools()).tools.map((t) => t.name);
      expect(names).toContain('resolve_maps_url');
      expect(names).not.toContain('get_weather');
    } finally {
      await geoOnly.close();
    }
  });
});

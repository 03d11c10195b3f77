// Every trip-core tool named in MCP-SURFACE.md exists and succeeds once through the official SDK client, in one
// scenario that creates what the next call needs. The table fails when a named tool is missing.
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { startTestServer, type TestServer } from '../helpers/server';
import { makeUser } from '../helpers/users';
import { connect, createStaticToken, enableMcp, TRIP_CORE_TOOLS } from './mcp.helpers';

let server: TestServer;
let nominatim: http.Server;
let client: Client;
let owner: Awaited<ReturnType<typeof makeUser>>;
let friend: Awaited<ReturnType<typeof makeUser>>;

beforeAll(async () => {
  // A local stand-in for OpenStreetMap Nominatim (search_place), at the HTTP boundary.
  nominatim = http.createServer((req, res) => {
    res.setHeader('Content-Type', 'application/json');
    res.end(
      JSON.stringify([
        { place_id: 1, name: 'Louvre', display_name: 'Louvre, Paris, France', lat: '48.8606', lon: '2.3376', category: 'tourism', type: 'museum' },
      ]),
    );
  });
  await new Promise<void>((r) => nominatim.listen(0, '127.0.0.1', () => r()));
  const port = (nominatim.address() as { port: number }).port;
  server = await startTestServer({ NOMINATIM_URL: `http://127.0.0.1:${port}`, OUTBOUND_ALLOW_PRIVATE: 'true' });
  await enableMcp(server);
  owner = await makeUser(server);
  friend = await makeUser(server);
  const { token } = await createStaticToken(server, owner.user.id);
  ({ client } = await connect(server, token));
});
afterAll(async () => {
  await client?.close();
  await server?.close();
  nominatim?.close();
});

type Result = { isError?: boolean; content: Array<{ text?: string }>; structuredContent?: Record<string, unknown> };
const state: Record<string, number> = {};

/** The id of `key` in a result: result[key].id, or the id of the last element of the plural list. */
function idOf(result: Result, key: string): number {
  const sc = result.structuredContent ?? {};
  const direct = sc[key] as { id?: number } | undefined;
  if (direct && typeof direct.id === 'number') return direct.id;
  const list = sc[key.endsWith('y') ? `${key.slice(0, -1)}ies` : `${key}s`] as Array<{ id: number }> | undefined;
  if (Array.isArray(list) && list.length) return list[list.length - 1].id;
  throw new Error(`no ${key} id in result ${JSON.stringify(sc).slice(0, 300)}`);
}

// tool → [arguments from state, what to remember from the result]
const STEPS: Array<[string, () => Record<string, unknown>, ((r: Result) => void)?]> = [
  ['create_trip', () => ({ title: 'Paris', startDate: '2027-05-01', endDate: '2027-05-03' }), (r) => (state.tripId = idOf(r, 'trip'))],
  ['list_trips', () => ({})],
  [
    'get_trip_summary',
    () => ({ tripId: state.tripId }),
    (r) => {
      const days = r.structuredContent!.days as Array<{ id: number }>;
      state.day1 = days[0].id;
      state.day2 = days[1].id;
    },
  ],
  ['update_trip', () => ({ tripId: state.tripId, title: 'Paris in May' })],
  ['export_trip_ics', () => ({ tripId: state.tripId })],
  ['list_trip_members', () => ({ tripId: state.tripId })],
  ['add_trip_member', () => ({ tripId: state.tripId, identifier: friend.user.email })],
  ['create_day', () => ({ tripId: state.tripId, title: 'Spare day' }), (r) => (state.extraDay = idOf(r, 'day'))],
  ['update_day', () => ({ tripId: state.tripId, dayId: state.day1, title: 'Arrival' })],
  ['list_categories', () => ({}), (r) => (state.categoryId = idOf(r, 'category'))],
  ['create_tag', () => ({ name: 'museum' }), (r) => (state.tagId = idOf(r, 'tag'))],
  ['update_tag', () => ({ tagId: state.tagId, name: 'museums' })],
  ['list_tags', () => ({})],
  [
    'create_place',
    () => ({ tripId: state.tripId, name: 'Louvre', lat: 48.8606, lng: 2.3376, categoryId: state.categoryId, tagIds: [state.tagId] }),
    (r) => (state.placeId = idOf(r, 'place')),
  ],
  ['update_place', () => ({ tripId: state.tripId, placeId: state.placeId, notes: 'Book tickets' })],
  ['list_places', () => ({ tripId: state.tripId })],
  ['search_place', () => ({ query: 'Louvre' })],
  ['import_places_from_url', () => ({ tripId: state.tripId, url: 'geo:48.8530,2.3499' }), (r) => (state.importedPlace = idOf(r, 'place'))],
  ['import_places_from_file', () => ({ tripId: state.tripId, fileName: 'stops.geojson', content: '{"type":"Point","coordinates":[2.3376,48.8606]}' })],
  ['refresh_place_photo', () => ({ tripId: state.tripId, placeId: state.importedPlace })],
  ['assign_place_to_day', () => ({ tripId: state.tripId, placeId: state.placeId, dayId: state.day1 }), (r) => (state.a1 = idOf(r, 'assignment'))],
  [
    'create_and_assign_place',
    () => ({ tripId: state.tripId, name: 'Café de Flore', dayId: state.day1 }),
    (r) => {
      state.a2 = idOf(r, 'assignment');
      state.cafePlace = idOf(r, 'place');
    },
  ],
  ['update_assignment_time', () => ({ tripId: state.tripId, assignmentId: state.a1, startTime: '09:00', endTime: '11:30' })],
  ['reorder_day_assignments', () => ({ tripId: state.tripId, dayId: state.day1, assignmentIds: [state.a2, state.a1] })],
  ['move_assignment', () => ({ tripId: state.tripId, assignmentId: state.a1, toDayId: state.day2 })],
  ['set_assignment_participants', () => ({ tripId: state.tripId, assignmentId: state.a1, userIds: [owner.user.id, friend.user.id] })],
  ['get_assignment_participants', () => ({ tripId: state.tripId, assignmentId: state.a1 })],
  ['unassign_place', () => ({ tripId: state.tripId, assignmentId: state.a2 })],
  ['create_day_note', () => ({ tripId: state.tripId, dayId: state.day1, text: 'Bring the museum pass' }), (r) => (state.noteId = idOf(r, 'note'))],
  ['update_day_note', () => ({ tripId: state.tripId, noteId: state.noteId, text: 'Bring the museum pass and water' })],
  ['delete_day_note', () => ({ tripId: state.tripId, noteId: state.noteId })],
  [
    'create_accommodation',
    () => ({ tripId: state.tripId, placeId: state.importedPlace, checkInDayId: state.day1, checkOutDayId: state.day2 }),
    (r) => (state.accommodationId = idOf(r, 'accommodation')),
  ],
  ['update_accommodation', () => ({ tripId: state.tripId, accommodationId: state.accommodationId, confirmation: 'ABC123' })],
  ['delete_accommodation', () => ({ tripId: state.tripId, accommodationId: state.accommodationId })],
  [
    'create_place_accommodation',
    () => ({ tripId: state.tripId, place: { name: 'Hôtel du Louvre' }, checkInDayId: state.day1, checkOutDayId: state.day2 }),
  ],
  ['copy_trip', () => ({ tripId: state.tripId, title: 'Paris again' }), (r) => (state.copyId = idOf(r, 'trip'))],
  ['remove_trip_member', () => ({ tripId: state.tripId, userId: friend.user.id })],
  ['delete_place', () => ({ tripId: state.tripId, placeId: state.cafePlace })],
  ['bulk_delete_places', () => ({ tripId: state.tripId, placeIds: [state.placeId] })],
  ['delete_day', () => ({ tripId: state.tripId, dayId: state.extraDay })],
  ['delete_tag', () => ({ tagId: state.tagId })],
  ['delete_trip', () => ({ tripId: state.copyId })],
];

describe('every trip-core tool, once, successfully', () => {
  it('the scenario covers every trip-core tool of MCP-SURFACE.md, and each of them exists', async () => {
    const covered = STEPS.map(([name]) => name).sort();
    expect(covered).toEqual(TRIP_CORE_TOOLS.map((t) => t.name).sort());
    const listed = new Set((await client.listTools()).tools.map((t) => t.name));
    const missing = TRIP_CORE_TOOLS.filter((t) => !listed.has(t.name)).map((t) => t.name);
    expect(missing, 'tools named in MCP-SURFACE.md but missing').toEqual([]);
  });

  for (const [name, args, remember] of STEPS) {
    it(name, async () => {
      const result = (await client.callTool({ name, arguments: args() })) as Result;
      expect(result.isError, `${name}: ${result.content?.[0]?.text}`).toBeFalsy();
      expect(result.structuredContent).toBeTypeOf('object');
      expect(JSON.parse(result.content[0].text!)).toEqual(result.structuredContent);
      remember?.(result);
    });
  }

  it('the changes are visible to the UI through tRPC, and each call is one audit entry', async () => {
    const summary = await owner.trpc.trips.getTripSummary.query({ tripId: state.tripId });
    expect(summary.trip.title).toBe('Paris in May');
    expect(summary.days.find((d) => d.id === state.day1)!.title).toBe('Arrival');
    expect(summary.accommodations).toHaveLength(1);
    const audit = await server.services.db.auditLog.count({ where: { action: 'mcp.tool_call', userId: owner.user.id, success: true } });
    expect(audit).toBe(STEPS.length);
  });
});

// An agent with the official MCP SDK client drafts a journey from a trip: it links the trip, reads the placeholders of
// the planned places, writes an entry into each one; then a person (the browser's door) edits one draft. The agent
// cannot link a trip its user cannot see, a read-only grant cannot write, and the resources answer the same data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { startTestServer, type TestServer } from '../helpers/server';
import { makeUser } from '../helpers/users';
import { connect, createOAuthToken, createStaticToken, enableMcp } from './mcp.helpers';

type ToolResult = { isError?: boolean; content: Array<{ type: string; text?: string }>; structuredContent?: Record<string, unknown> };
type Entry = { id: number; type: string; title: string; story: string; entryDate: string; sourcePlaceId: number | null; authorId: number | null };

let server: TestServer;
let client: Client;
let anna: Awaited<ReturnType<typeof makeUser>>;
let tripId: number;

beforeAll(async () => {
  server = await startTestServer();
  await enableMcp(server);
  await server.services.addons.set('journey', true);
  anna = await makeUser(server, { displayName: 'Anna' });
  ({
    trip: { id: tripId },
  } = await anna.trpc.trips.createTrip.mutate({ title: 'Kyoto', startDate: '2027-04-01', endDate: '2027-04-02' }));
  const { days } = await anna.trpc.days.listDays.query({ tripId });
  for (const [dayIndex, name] of [[0, 'Fushimi Inari'], [0, 'Nishiki Market'], [1, 'Arashiyama']] as const) {
    await anna.trpc.places.createAndAssignPlace.mutate({ tripId, dayId: days[dayIndex].id, name });
  }
  const { token } = await createStaticToken(server, anna.user.id);
  ({ client } = await connect(server, token));
});
afterAll(async () => {
  await client?.close();
  await server?.close();
});

const call = (name: string, args: Record<string, unknown>) => client.callTool({ name, arguments: args }) as Promise<ToolResult>;
const read = async (uri: string) => JSON.parse(((await client.readResource({ uri })).contents[0] as { text: string }).text);

describe('an agent drafts a journey from a trip, a person edits one entry', () => {
  let journeyId: number;

  it('offers the 19 journey tools with their annotations', async () => {
    const { tools } = await client.listTools();
    const byName = new Map(tools.map((t) => [t.name, t]));
    for (const name of [
      'list_journeys', 'get_journey', 'list_journey_entries', 'list_journey_contributors', 'get_journey_suggestions', 'list_journey_available_trips',
      'create_journey', 'update_journey', 'delete_journey', 'add_journey_trip', 'remove_journey_trip', 'create_journey_entry', 'update_journey_entry',
      'delete_journey_entry', 'reorder_journey_entries', 'add_journey_contributor', 'update_journey_contributor_role', 'remove_journey_contributor',
      'update_journey_preferences',
    ]) {
      expect(byName.has(name), name).toBe(true);
    }
    expect(byName.get('list_journeys')!.annotations?.readOnlyHint).toBe(true);
    expect(byName.get('delete_journey')!.annotations?.destructiveHint).toBe(true);
    expect(byName.get('add_journey_trip')!.description).toMatch(/trip must be one you can see/);
  });

  it('creates the journey linked to the trip and finds one placeholder per planned place', async () => {
    const created = await call('create_journey', { title: 'Spring in Kyoto', tripIds: [tripId] });
    expect(created.isError).toBeFalsy();
    const journey = created.structuredContent!.journey as { id: number; status: string; entries: Entry[] };
    journeyId = journey.id;
    expect(journey.status).toBe('active');
    const { entries } = (await call('list_journey_entries', { journeyId })).structuredContent as { entries: Entry[] };
    expect(entries.map((e) => [e.type, e.title, e.entryDate])).toEqual([
      ['skeleton', 'Fushimi Inari', '2027-04-01'],
      ['skeleton', 'Nishiki Market', '2027-04-01'],
      ['skeleton', 'Arashiyama', '2027-04-02'],
    ]);
  });

  it('writes a draft into every placeholder, which makes them entries', async () => {
    const { entries } = (await call('list_journey_entries', { journeyId })).structuredContent as { entries: Entry[] };
    for (const entry of entries) {
      const result = await call('update_journey_entry', { entryId: entry.id, story: `Draft: a morning at ${entry.title}.`, mood: 'good' });
      expect(result.isError, result.content[0]?.text).toBeFalsy();
    }
    const resource = await read(`waymark://journeys/${journeyId}/entries`);
    expect(resource.entries.map((e: Entry) => e.type)).toEqual(['entry', 'entry', 'entry']);
    expect(resource.entries.every((e: Entry) => e.story.startsWith('Draft:') && e.authorId === anna.user.id)).toBe(true);
  });

  it('a person edits one draft in the browser and the agent reads the edit', async () => {
    const { entries } = (await call('list_journey_entries', { journeyId })).structuredContent as { entries: Entry[] };
    const market = entries.find((e) => e.title === 'Nishiki Market')!;
    await anna.trpc.journey.updateJourneyEntry.mutate({ entryId: market.id, story: 'Pickles, **tamagoyaki** and too many skewers.', entryTime: '12:30' });
    const { journey } = (await call('get_journey', { journeyId })).structuredContent as { journey: { entries: Entry[]; stats: { entries: number } } };
    expect(journey.entries.find((e) => e.id === market.id)).toMatchObject({ story: 'Pickles, **tamagoyaki** and too many skewers.', entryTime: '12:30' });
    expect(journey.stats.entries).toBe(3);
    const listed = await read('waymark://journeys');
    expect(listed.journeys).toEqual([expect.objectContaining({ id: journeyId, entryCount: 3, myRole: 'owner' })]);
    expect((await read(`waymark://journeys/${journeyId}/contributors`)).contributors).toEqual([expect.objectContaining({ userId: anna.user.id, role: 'owner' })]);
  });

  it('bad input is an error result that writes nothing; a trip the user cannot see cannot be linked', async () => {
    const before = await server.services.db.journeyEntry.count();
    const bad = await call('create_journey_entry', { journeyId, entryDate: '2027-04-31', title: 'Nope' });
    expect(bad.isError).toBe(true);
    expect(bad.content[0]?.text).toMatch(/entryDate/);
    const stranger = await makeUser(server, { displayName: 'Stranger' });
    const { trip } = await stranger.trpc.trips.createTrip.mutate({ title: 'Private', startDate: '2027-01-01', endDate: '2027-01-01' });
    const leak = await call('add_journey_trip', { journeyId, tripId: trip.id });
    expect(leak.isError).toBe(true);
    expect(leak.content[0]?.text).toBe(`Trip ${trip.id} not found or you are not a member`);
    expect(await server.services.db.journeyEntry.count()).toBe(before);
    expect(await server.services.db.journeyTrip.count({ where: { tripId: trip.id } })).toBe(0);
  });

  it('a journey:read grant reads but cannot write', async () => {
    const token = await createOAuthToken(server, anna.user.id, ['journey:read']);
    const { client: reader } = await connect(server, token.token);
    try {
      const names = (await reader.listTools()).tools.map((t) => t.name);
      expect(names).toContain('get_journey');
      expect(names).not.toContain('create_journey_entry');
      const got = (await reader.callTool({ name: 'get_journey', arguments: { journeyId } })) as ToolResult;
      expect(got.isError).toBeFalsy();
    } finally {
      await reader.close();
    }
  });
});

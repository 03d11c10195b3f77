// An agent with the official MCP SDK client reads and keeps the user's Atlas: countries found from a trip's place
// coordinates, marks by hand that stay apart (unmarking a region keeps the hand-marked country), the bucket list,
// the four resources; bad input is an isError result that writes nothing; changes reach the user's channel; scopes
// and the addon switch decide which tools are offered.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { PendingEvent } from '~/services/types.server';
import { startTestServer, type TestServer } from '../helpers/server';
import { makeUser } from '../helpers/users';
import { connect, createOAuthToken, createStaticToken, enableMcp } from './mcp.helpers';

type ToolResult = { isError?: boolean; content: Array<{ type: string; text?: string }>; structuredContent?: Record<string, any> };

const ATLAS_TOOLS = [
  'create_bucket_list_item',
  'delete_bucket_list_item',
  'mark_country_visited',
  'unmark_country_visited',
  'get_atlas_stats',
  'list_visited_regions',
  'mark_region_visited',
  'unmark_region_visited',
  'get_country_atlas_places',
  'update_bucket_list_item',
];
const READ_TOOLS = ['get_atlas_stats', 'list_visited_regions', 'get_country_atlas_places'];

let server: TestServer;
let client: Client;
let anna: Awaited<ReturnType<typeof makeUser>>;
const published: PendingEvent[] = [];
const isoDay = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  server = await startTestServer();
  const realtime = server.services.realtime;
  const publish = realtime.publish.bind(realtime);
  realtime.publish = async (batch, options) => {
    published.push(...batch);
    return publish(batch, options);
  };
  await enableMcp(server);
  anna = await makeUser(server, { displayName: 'Anna' });
  const { trip } = await anna.trpc.trips.createTrip.mutate({ title: 'Lisbon and Madrid', startDate: isoDay(-20), endDate: isoDay(-14) });
  await anna.trpc.places.createPlace.mutate({ tripId: trip.id, name: 'Belém Tower', lat: 38.6916, lng: -9.216 });
  await anna.trpc.places.createPlace.mutate({ tripId: trip.id, name: 'Prado', lat: 40.4138, lng: -3.6921, address: 'Paris, France' });
  const { token } = await createStaticToken(server, anna.user.id);
  ({ client } = await connect(server, token));
});
afterAll(async () => {
  await client?.close();
  await server?.close();
});

const call = (name: string, args: Record<string, unknown> = {}) => client.callTool({ name, arguments: args }) as Promise<ToolResult>;
const resource = async (uri: string) => JSON.parse(((await client.readResource({ uri })).contents[0] as { text: string }).text);

describe('an agent keeps the atlas', () => {
  it('offers all ten Atlas tools with honest annotations, and the four resources', async () => {
    const { tools } = await client.listTools();
    const byName = new Map(tools.map((t) => [t.name, t]));
    for (const name of ATLAS_TOOLS) expect(byName.has(name), name).toBe(true);
    for (const name of READ_TOOLS) expect(byName.get(name)!.annotations?.readOnlyHint, name).toBe(true);
    expect(byName.get('unmark_country_visited')!.annotations?.destructiveHint).toBe(true);
    expect(byName.get('update_bucket_list_item')!.annotations?.idempotentHint).toBe(true);
    const { resources } = await client.listResources();
    expect(resources.map((r) => r.uri)).toEqual(
      expect.arrayContaining(['waymark://bucket-list', 'waymark://visited-countries', 'waymark://atlas/stats', 'waymark://atlas/regions']),
    );
  });

  it('finds Portugal and Spain from the coordinates, not from the misleading address', async () => {
    const stats = await call('get_atlas_stats');
    expect(stats.isError, stats.content[0]?.text).toBeFalsy();
    expect(stats.structuredContent!.stats.countries.map((c: { code: string }) => c.code)).toEqual(['ES', 'PT']);
    expect(stats.structuredContent!.stats.totals).toMatchObject({ countries: 2, trips: 1, places: 2, days: 7 });
    const spain = await call('get_country_atlas_places', { countryCode: 'es' });
    expect(spain.structuredContent).toMatchObject({ countryCode: 'ES', places: [{ name: 'Prado' }], trips: [{ title: 'Lisbon and Madrid' }], markedByHand: false });
    const france = await call('get_country_atlas_places', { countryCode: 'FR' });
    expect(france.structuredContent).toMatchObject({ places: [], trips: [] });
  });

  it('marks Italy and a region of it; unmarking the region keeps the hand-marked country, and the browser hears of each change', async () => {
    published.length = 0;
    expect((await call('mark_country_visited', { countryCode: 'it' })).structuredContent).toMatchObject({ success: true, countryCode: 'IT' });
    const region = await call('mark_region_visited', { regionCode: 'IT-52', regionName: 'Toscana', countryCode: 'IT' });
    expect(region.structuredContent).toMatchObject({ region: { regionCode: 'IT-52', regionName: 'Toscana', countryCode: 'IT' } });
    expect((await call('list_visited_regions')).structuredContent).toMatchObject({ regions: [{ regionCode: 'IT-52' }] });
    expect(await resource('waymark://atlas/regions')).toMatchObject({ regions: [{ regionCode: 'IT-52' }] });

    const unmarked = await call('unmark_region_visited', { regionCode: 'IT-52' });
    expect(unmarked.structuredContent).toMatchObject({ success: true, countryStillVisited: true });
    const visited = await resource('waymark://visited-countries');
    expect(visited.countries.find((c: { code: string }) => c.code === 'IT')).toMatchObject({ markedByHand: true, markedRegions: 0 });
    expect(published.map((e) => [e.channel, e.event])).toEqual([
      [`private-user-${anna.user.id}`, 'atlas.country.marked'],
      [`private-user-${anna.user.id}`, 'atlas.region.marked'],
      [`private-user-${anna.user.id}`, 'atlas.region.unmarked'],
    ]);
    expect(published[0].payload).toMatchObject({ origin: 'mcp' });
    expect((await resource('waymark://atlas/stats')).stats.totals.countries).toBe(3);
  });

  it('keeps a bucket list: create, update partially, read as a resource, delete', async () => {
    const created = await call('create_bucket_list_item', { name: 'Machu Picchu', lat: -13.1631, lng: -72.545, notes: 'dry season' });
    const item = created.structuredContent!.item;
    expect(item).toMatchObject({ name: 'Machu Picchu', countryCode: 'PE', targetDate: null });
    const updated = await call('update_bucket_list_item', { itemId: item.id, targetDate: '2029-06-15' });
    expect(updated.structuredContent!.item).toMatchObject({ notes: 'dry season', targetDate: '2029-06-15' });
    expect(await resource('waymark://bucket-list')).toMatchObject({ items: [{ id: item.id, name: 'Machu Picchu' }] });
    expect((await call('delete_bucket_list_item', { itemId: item.id })).structuredContent).toMatchObject({ success: true });
    expect(await resource('waymark://bucket-list')).toEqual({ items: [] });
  });

  it('bad input is an isError result with the reason, and nothing is written', async () => {
    const before = await server.services.db.atlasRegionMark.count();
    const unknown = await call('mark_region_visited', { regionCode: 'IT-99', regionName: 'Nowhere', countryCode: 'IT' });
    expect(unknown.isError).toBe(true);
    expect(unknown.content[0]?.text).toContain('IT-99 is not an ISO 3166-2 region code');
    const wrongCountry = await call('mark_region_visited', { regionCode: 'IT-52', regionName: 'Toscana', countryCode: 'FR' });
    expect(wrongCountry.isError).toBe(true);
    expect(await server.services.db.atlasRegionMark.count()).toBe(before);
    const notMarked = await call('unmark_country_visited', { countryCode: 'JP' });
    expect(notMarked.isError).toBe(true);
    expect(notMarked.content[0]?.text).toContain('JP is not marked as visited by hand');
  });

  it('a read-only token gets only the read tools; with the addon off no Atlas tool is offered', async () => {
    const { token } = await createOAuthToken(server, anna.user.id, ['atlas:read']);
    const { client: reader } = await connect(server, token);
    try {
      const names = (await reader.listTools()).tools.map((t) => t.name);
      expect(names.filter((n) => ATLAS_TOOLS.includes(n)).sort()).toEqual([...READ_TOOLS].sort());
    } finally {
      await reader.close();
    }
    await server.services.addons.set('atlas', false);
    try {
      const { client: later } = await connect(server, (await createStaticToken(server, anna.user.id, 'later')).token);
      try {
        expect((await later.listTools()).tools.map((t) => t.name).filter((n) => ATLAS_TOOLS.includes(n))).toEqual([]);
      } finally {
        await later.close();
      }
    } finally {
      await server.services.addons.set('atlas', true);
    }
  });
});

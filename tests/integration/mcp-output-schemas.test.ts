// Every tool lists an object outputSchema through the official SDK client, and every tool that can run on a seeded trip
// answers structuredContent that validates against it — checked by the SDK client itself (it validates when a tool
// declares an outputSchema), again with Ajv, and through plain HTTP, where the text content stays the JSON it was.
// Each tool is called with its description's example arguments, the ids replaced by the fixture's. (Every procedure's
// answer is also checked against its schema by procedure-coverage.test.ts, on its own fixture.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { ADDON_IDS } from '~/domain/addons';
import { startTestServer, type TestServer } from '../helpers/server';
import { makeUser } from '../helpers/users';
import { connect, createStaticToken, enableMcp, rawMcp, rawSession } from './mcp.helpers';
import { outputSchemaErrors } from './mcp-output-schemas.helpers';
import { EXAMPLE_LABEL } from '../../mcp/descriptions';

type ToolResult = { isError?: boolean; content: Array<{ type: string; text?: string }>; structuredContent?: Record<string, unknown> };
type Tool = Awaited<ReturnType<Client['listTools']>>['tools'][number];

let server: TestServer;
let client: Client;
let token: string;
let tools: Tool[];
const ids: Record<string, number> = {};

beforeAll(async () => {
  server = await startTestServer();
  await enableMcp(server);
  for (const id of ADDON_IDS) await server.services.addons.set(id, true);
  const anna = await makeUser(server, { displayName: 'Anna' });
  const ben = await makeUser(server, { displayName: 'Ben' });
  const t = anna.trpc;
  const { trip } = await t.trips.createTrip.mutate({ title: 'Lisbon', startDate: '2027-05-01', endDate: '2027-05-03' });
  await t.members.addTripMember.mutate({ tripId: trip.id, identifier: ben.user.email });
  const { days } = await t.days.listDays.query({ tripId: trip.id });
  const { place } = await t.places.createPlace.mutate({ tripId: trip.id, name: 'Belém Tower', lat: 38.6916, lng: -9.216 });
  const { item } = await t.budget.createBudgetItem.mutate({ tripId: trip.id, name: 'Dinner', totalPrice: '30.00' });
  Object.assign(ids, { tripId: trip.id, dayId: days[0].id, placeId: place.id, itemId: item.id, userId: ben.user.id, memberId: ben.user.id });
  ({ token } = await createStaticToken(server, anna.user.id));
  ({ client } = await connect(server, token));
  ({ tools } = await client.listTools());
});
afterAll(async () => {
  await client?.close();
  await server?.close();
});

/** The description's example arguments, with the fixture's ids where it names one (other ids stay and may name nothing). */
function argumentsFor(tool: Tool) {
  const line = tool.description!.split('\n').find((l) => l.startsWith(EXAMPLE_LABEL))!;
  const args = JSON.parse(line.slice(EXAMPLE_LABEL.length)) as Record<string, unknown>;
  for (const key of Object.keys(args)) if (key in ids) args[key] = ids[key];
  return args;
}

/** Tools that would call an outside service (maps, weather, URL import) or end the fixture (deletions run last, apart). */
const outside = (tool: Tool) => /^(search_place|get_place_details|get_weather|get_detailed_weather|import_places_from_url|reverse_geocode|resolve_maps_url)$/.test(tool.name);

describe('output schemas through the SDK client', () => {
  it('every listed tool declares an object outputSchema', () => {
    expect(tools.length).toBeGreaterThan(100);
    expect(tools.filter((t) => t.outputSchema?.type !== 'object').map((t) => t.name)).toEqual([]);
  });

  it('each tool that runs on the seeded trip answers structuredContent valid against its outputSchema', { timeout: 240_000 }, async () => {
    const runnable = tools.filter((t) => !outside(t) && !t.annotations?.destructiveHint);
    // Reads first, then writes, then the destructive ones, so deletions do not starve the rest.
    const ordered = [
      ...runnable.filter((t) => t.annotations?.readOnlyHint),
      ...runnable.filter((t) => !t.annotations?.readOnlyHint),
      ...tools.filter((t) => !outside(t) && t.annotations?.destructiveHint && t.name !== 'delete_trip'),
    ];
    const answered: string[] = [];
    const invalid: string[] = [];
    for (const tool of ordered) {
      // The SDK client throws when structuredContent is missing or does not match the declared schema.
      const result = (await client.callTool({ name: tool.name, arguments: argumentsFor(tool) }).catch((error: Error) => {
        invalid.push(`${tool.name}: ${error.message} ${String((error.cause as Error | undefined)?.message ?? '')}`);
        return null;
      })) as ToolResult | null;
      if (!result || result.isError) continue;
      answered.push(tool.name);
      const errors = outputSchemaErrors(tool.outputSchema as Record<string, unknown>, result.structuredContent);
      if (errors.length) invalid.push(`${tool.name}: ${errors.join('; ')}`);
      expect(JSON.parse(result.content[0].text!)).toEqual(result.structuredContent);
    }
    expect(invalid).toEqual([]);
    // Most tools run on this fixture (the rest need ids it does not have, and fail as isError before answering).
    expect(answered.length, answered.join(' ')).toBeGreaterThan(60);
    for (const name of ['list_trips', 'get_trip_summary', 'list_budget_items', 'create_place', 'update_trip']) expect(answered).toContain(name);
  });
});

describe('output schemas through plain HTTP', () => {
  it('tools/list carries outputSchema; tools/call answers text and structuredContent that validates', async () => {
    const sessionId = await rawSession(server, token);
    const list = (await (await rawMcp(server, { jsonrpc: '2.0', id: 2, method: 'tools/list' }, { token, sessionId })).json()) as {
      result: { tools: Array<{ name: string; outputSchema: Record<string, unknown> }> };
    };
    const summary = list.result.tools.find((t) => t.name === 'get_trip_summary')!;
    expect(summary.outputSchema.type).toBe('object');
    const res = await rawMcp(server, { jsonrpc: '2.0', id: 3, method: 'tools/call', params: { name: 'get_trip_summary', arguments: { tripId: ids.tripId } } }, { token, sessionId });
    const body = (await res.json()) as { result: ToolResult };
    expect(body.result.isError).toBeUndefined();
    expect(outputSchemaErrors(summary.outputSchema, body.result.structuredContent)).toEqual([]);
    expect(JSON.parse(body.result.content[0].text!)).toEqual(body.result.structuredContent);
    // A wrong answer would not pass: the schema is not vacuous.
    expect(outputSchemaErrors(summary.outputSchema, { trip: { id: 'one' } })).not.toEqual([]);
  });
});

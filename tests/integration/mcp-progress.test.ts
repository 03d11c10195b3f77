// Progress notifications for long tools: a tools/call carrying _meta.progressToken receives notifications/progress
// (increasing, ending at the total) for place imports, the packing bulk import and bulk deletes; without a token the
// reply stays plain JSON. The official SDK client and a plain HTTP JSON-RPC client.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { Progress } from '@modelcontextprotocol/sdk/types.js';
import { startTestServer, type TestServer } from '../helpers/server';
import { makeUser } from '../helpers/users';
import { connect, createOAuthToken, enableMcp, rawMcp, rawSession } from './mcp.helpers';
import { rawExchange } from './mcp-sse.helpers';

let server: TestServer;
let client: Client;
let token: string;
let tripId: number;

const waypoints = (n: number) =>
  `<gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1">${Array.from({ length: n }, (_, i) => `<wpt lat="38.${i}" lon="-9.1${i}"><name>Point ${i}</name></wpt>`).join('')}</gpx>`;

beforeAll(async () => {
  server = await startTestServer();
  await enableMcp(server);
  const anna = await makeUser(server);
  tripId = (await anna.trpc.trips.createTrip.mutate({ title: 'Lisbon' })).trip.id;
  ({ token } = await createOAuthToken(server, anna.user.id, ['trips:read', 'places:read', 'places:write', 'packing:read', 'packing:write']));
  ({ client } = await connect(server, token));
});
afterAll(async () => {
  await client?.close();
  await server?.close();
});

/** Calls a tool with an onprogress handler (the SDK then sends a progressToken); returns the result and the progress seen. */
async function callWithProgress(name: string, args: Record<string, unknown>) {
  const progress: Progress[] = [];
  const result = (await client.callTool({ name, arguments: args }, undefined, { onprogress: (p) => progress.push(p) })) as { isError?: boolean; structuredContent?: Record<string, unknown> };
  return { result, progress };
}

function expectIncreasingTo(progress: Progress[], total: number) {
  expect(progress.length).toBeGreaterThanOrEqual(2);
  for (let i = 1; i < progress.length; i++) expect(progress[i].progress).toBeGreaterThan(progress[i - 1].progress);
  expect(progress.at(-1)).toEqual({ progress: total, total });
}

describe('progress with the SDK client', () => {
  it('a place import reports each place, ending at the total', async () => {
    const { result, progress } = await callWithProgress('import_places_from_file', { tripId, fileName: 'walk.gpx', content: waypoints(6) });
    expect(result.isError).toBeUndefined();
    expect((result.structuredContent?.places as unknown[]).length).toBe(6);
    expectIncreasingTo(progress, 6);
    expect(progress).toHaveLength(6);
  });

  it('the packing bulk import reports its start and end', async () => {
    const items = Array.from({ length: 30 }, (_, i) => ({ name: `Item ${i}` }));
    const { result, progress } = await callWithProgress('bulk_import_packing', { tripId, items });
    expect(result.structuredContent?.count).toBe(30);
    expect(progress).toEqual([
      { progress: 0, total: 30 },
      { progress: 30, total: 30 },
    ]);
  });

  it('a bulk delete reports its progress', async () => {
    const placeIds = (await server.services.db.place.findMany({ where: { tripId }, select: { id: true } })).map((p) => p.id);
    const { result, progress } = await callWithProgress('bulk_delete_places', { tripId, placeIds });
    expect(result.structuredContent?.deleted).toBe(placeIds.length);
    expectIncreasingTo(progress, placeIds.length);
  });

  it('a failed call reports no completion', async () => {
    const { result, progress } = await callWithProgress('import_places_from_file', { tripId, fileName: 'walk.gpx', content: '<gpx><wpt' });
    expect(result.isError).toBe(true);
    expect(progress).toEqual([]);
  });
});

describe('progress over plain HTTP', () => {
  it('streams notifications/progress with the request’s token before the result', async () => {
    const sessionId = await rawSession(server, token);
    const exchange = await rawExchange(
      server,
      { jsonrpc: '2.0', id: 9, method: 'tools/call', params: { name: 'import_places_from_file', arguments: { tripId, fileName: 'a.gpx', content: waypoints(3) }, _meta: { progressToken: 'import-1' } } },
      { token, sessionId },
    );
    expect(exchange.contentType).toContain('text/event-stream');
    expect(exchange.messages).toEqual([1, 2, 3].map((n) => ({ jsonrpc: '2.0', method: 'notifications/progress', params: { progressToken: 'import-1', progress: n, total: 3 } })));
    expect((exchange.response.result as { structuredContent: { places: unknown[] } }).structuredContent.places).toHaveLength(3);
  });

  it('without a progress token the same call answers plain JSON', async () => {
    const sessionId = await rawSession(server, token);
    const res = await rawMcp(
      server,
      { jsonrpc: '2.0', id: 10, method: 'tools/call', params: { name: 'import_places_from_file', arguments: { tripId, fileName: 'b.gpx', content: waypoints(2) } } },
      { token, sessionId },
    );
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(((await res.json()) as { result: { structuredContent: { places: unknown[] } } }).result.structuredContent.places).toHaveLength(2);
  });
});

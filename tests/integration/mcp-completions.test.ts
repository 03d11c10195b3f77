// completion/complete: trip and day ids for resource-template variables and prompt arguments, from what the caller may
// see, matched by id prefix or by name; at most 100 values; hidden templates and prompts (scope, addon) complete to
// nothing. The official SDK client and a plain HTTP JSON-RPC client.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { startTestServer, type TestServer } from '../helpers/server';
import { makeUser } from '../helpers/users';
import { connect, createOAuthToken, enableMcp, rawMcp, rawSession } from './mcp.helpers';

let server: TestServer;
let client: Client;
let token: string;
let anna: Awaited<ReturnType<typeof makeUser>>;
const trip: Record<string, number> = {};
let dayIds: number[];

const PLACES = 'waymark://trips/{tripId}/places';
const DAY_NOTES = 'waymark://trips/{tripId}/days/{dayId}/notes';
const BUDGET = 'waymark://trips/{tripId}/budget';

beforeAll(async () => {
  server = await startTestServer();
  await enableMcp(server);
  anna = await makeUser(server, { displayName: 'Anna' });
  const ben = await makeUser(server, { displayName: 'Ben' });
  for (const [key, title, dates] of [
    ['rome', 'Rome in spring', { startDate: '2027-04-01', endDate: '2027-04-03' }],
    ['romania', 'Road trip: Romania', {}],
    ['lisbon', 'Lisbon', {}],
  ] as const) {
    trip[key] = (await anna.trpc.trips.createTrip.mutate({ title, ...dates })).trip.id;
  }
  trip.bens = (await ben.trpc.trips.createTrip.mutate({ title: 'Rome with friends' })).trip.id;
  dayIds = (await anna.trpc.days.listDays.query({ tripId: trip.rome })).days.map((d) => d.id);
  ({ token } = await createOAuthToken(server, anna.user.id, ['trips:read', 'places:read', 'budget:read']));
  ({ client } = await connect(server, token));
});
afterAll(async () => {
  await client?.close();
  await server?.close();
});

const completeResource = (uri: string, name: string, value: string, context?: Record<string, string>) =>
  client.complete({ ref: { type: 'ref/resource', uri }, argument: { name, value }, ...(context ? { context: { arguments: context } } : {}) });

describe('completion/complete with the SDK client', () => {
  it('declares the completions capability', () => {
    expect(client.getServerCapabilities()?.completions).toEqual({});
  });

  it('completes a template’s tripId by name ("rom" → Rome in spring, Road trip: Romania), never another user’s trip', async () => {
    const { completion } = await completeResource(PLACES, 'tripId', 'rom');
    expect(completion.values).toEqual([String(trip.rome), String(trip.romania)]);
    expect(completion.total).toBe(2);
    expect(completion.hasMore).toBe(false);
    expect(completion.values).not.toContain(String(trip.bens));
  });

  it('completes by id prefix, and everything visible for an empty value', async () => {
    expect((await completeResource(PLACES, 'tripId', String(trip.lisbon))).completion.values[0]).toBe(String(trip.lisbon));
    expect((await completeResource(PLACES, 'tripId', '')).completion.values.sort()).toEqual([trip.rome, trip.romania, trip.lisbon].map(String).sort());
    expect((await completeResource(PLACES, 'tripId', 'zzz')).completion.values).toEqual([]);
  });

  it('completes a dayId from the tripId given in the context, by id or date', async () => {
    expect(dayIds).toHaveLength(3);
    const all = await completeResource(DAY_NOTES, 'dayId', '', { tripId: String(trip.rome) });
    expect(all.completion.values).toEqual(dayIds.map(String));
    const second = await completeResource(DAY_NOTES, 'dayId', '2027-04-02', { tripId: String(trip.rome) });
    expect(second.completion.values).toEqual([String(dayIds[1])]);
    // another user's trip: nothing (the days are read as the caller)
    expect((await completeResource(DAY_NOTES, 'dayId', '', { tripId: String(trip.bens) })).completion.values).toEqual([]);
    expect((await completeResource(DAY_NOTES, 'dayId', '')).completion.values).toEqual([]);
  });

  it('completes a prompt’s tripId argument', async () => {
    const { completion } = await client.complete({ ref: { type: 'ref/prompt', name: 'trip-summary' }, argument: { name: 'tripId', value: 'lis' } });
    expect(completion.values).toEqual([String(trip.lisbon)]);
  });

  it('unknown references and arguments complete to nothing', async () => {
    expect((await completeResource('waymark://nope/{tripId}', 'tripId', '')).completion.values).toEqual([]);
    expect((await completeResource(PLACES, 'placeId', '')).completion.values).toEqual([]);
    const prompt = await client.complete({ ref: { type: 'ref/prompt', name: 'no-such-prompt' }, argument: { name: 'tripId', value: '' } });
    expect(prompt.completion).toEqual({ values: [], total: 0, hasMore: false });
  });

  it('is addon-gated like the resource: the budget template completes to nothing while the budget addon is off', async () => {
    expect((await completeResource(BUDGET, 'tripId', 'rom')).completion.values).toHaveLength(2);
    await server.services.addons.set('budget', false);
    try {
      expect((await completeResource(BUDGET, 'tripId', 'rom')).completion.values).toEqual([]);
    } finally {
      await server.services.addons.set('budget', true);
    }
  });

  it('is scope-gated like the resource and the prompt', async () => {
    const narrow = await createOAuthToken(server, anna.user.id, ['trips:read']);
    const { client: other } = await connect(server, narrow.token);
    try {
      expect((await other.complete({ ref: { type: 'ref/resource', uri: PLACES }, argument: { name: 'tripId', value: 'rom' } })).completion.values).toEqual([]);
      const budgetPrompt = await other.complete({ ref: { type: 'ref/prompt', name: 'budget-overview' }, argument: { name: 'tripId', value: 'rom' } });
      expect(budgetPrompt.completion.values).toEqual([]);
      const summary = await other.complete({ ref: { type: 'ref/prompt', name: 'trip-summary' }, argument: { name: 'tripId', value: 'rom' } });
      expect(summary.completion.values).toHaveLength(2);
    } finally {
      await other.close();
    }
  });

  it('answers at most 100 values, with the total and hasMore', async () => {
    const many = await makeUser(server);
    await server.services.db.trip.createMany({ data: Array.from({ length: 120 }, (_, i) => ({ ownerId: many.user.id, title: `Trip ${i}` })) });
    const t = await createOAuthToken(server, many.user.id, ['trips:read', 'places:read']);
    const { client: other } = await connect(server, t.token);
    try {
      const { completion } = await other.complete({ ref: { type: 'ref/resource', uri: PLACES }, argument: { name: 'tripId', value: 'trip' } });
      expect(completion.values).toHaveLength(100);
      expect(completion.total).toBe(120);
      expect(completion.hasMore).toBe(true);
    } finally {
      await other.close();
    }
  });
});

describe('completion/complete over plain HTTP', () => {
  it('answers JSON with the same values', async () => {
    const sessionId = await rawSession(server, token);
    const res = await rawMcp(
      server,
      { jsonrpc: '2.0', id: 7, method: 'completion/complete', params: { ref: { type: 'ref/prompt', name: 'packing-list' }, argument: { name: 'tripId', value: 'Rome' } } },
      { token, sessionId },
    );
    expect(res.status).toBe(200);
    // packing-list needs packing:read, which this token lacks: the prompt is not offered, so nothing completes
    expect(await res.json()).toEqual({ jsonrpc: '2.0', id: 7, result: { completion: { values: [], total: 0, hasMore: false } } });
    const ok = await rawMcp(
      server,
      { jsonrpc: '2.0', id: 8, method: 'completion/complete', params: { ref: { type: 'ref/resource', uri: PLACES }, argument: { name: 'tripId', value: 'Rome' } } },
      { token, sessionId },
    );
    expect(((await ok.json()) as { result: { completion: { values: string[] } } }).result.completion.values).toEqual([String(trip.rome)]);
  });
});

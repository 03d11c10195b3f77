// Confirmations through elicitation: delete_trip and bulk_delete_places ask the user (elicitation/create) when the
// client declared the elicitation capability; declining, cancelling or not ticking the box changes nothing and ends in
// a clear error result; a client without elicitation deletes as before; a member who may not delete is not asked.
// The official SDK client and a plain HTTP JSON-RPC client (which answers the server's request with its own POST).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { ElicitRequestSchema, type ElicitRequest, type ElicitResult } from '@modelcontextprotocol/sdk/types.js';
import { startTestServer, type TestServer } from '../helpers/server';
import { makeUser } from '../helpers/users';
import { connect, createOAuthToken, enableMcp, rawMcp } from './mcp.helpers';
import { rawExchange, rawSessionWith, type RpcMessage } from './mcp-sse.helpers';

type ToolResult = { isError?: boolean; content: Array<{ type: string; text?: string }>; structuredContent?: Record<string, unknown> };

let server: TestServer;
let anna: Awaited<ReturnType<typeof makeUser>>;
let ben: Awaited<ReturnType<typeof makeUser>>;
let token: string;

beforeAll(async () => {
  server = await startTestServer();
  await enableMcp(server);
  anna = await makeUser(server);
  ben = await makeUser(server);
  ({ token } = await createOAuthToken(server, anna.user.id, ['trips:read', 'trips:write', 'trips:delete', 'places:read', 'places:write']));
});
afterAll(async () => {
  await server?.close();
});

/** An SDK client that declares elicitation and answers every request with `answer`, recording the questions. */
async function elicitingClient(bearer: string, answer: (request: ElicitRequest) => ElicitResult) {
  const transport = new StreamableHTTPClientTransport(new URL(`${server.url}/mcp`), { requestInit: { headers: { Authorization: `Bearer ${bearer}` } } });
  const client = new Client({ name: 'eliciting', version: '1.0.0' }, { capabilities: { elicitation: {} } });
  const asked: ElicitRequest['params'][] = [];
  client.setRequestHandler(ElicitRequestSchema, (request) => {
    asked.push(request.params);
    return answer(request);
  });
  await client.connect(transport);
  return { client, asked };
}

const newTrip = async (title = 'Rome in spring') => (await anna.trpc.trips.createTrip.mutate({ title })).trip.id;
const tripExists = async (id: number) => (await server.services.db.trip.count({ where: { id } })) === 1;

describe('delete_trip with the SDK client', () => {
  it('asks with the trip’s title; declining or cancelling or an unticked box changes nothing', async () => {
    for (const [answer, reason] of [
      [{ action: 'decline' }, 'the user declined the confirmation'],
      [{ action: 'cancel' }, 'the user dismissed the confirmation'],
      [{ action: 'accept', content: { confirm: false } }, 'the user declined the confirmation'],
    ] as Array<[ElicitResult, string]>) {
      const tripId = await newTrip();
      const { client, asked } = await elicitingClient(token, () => answer);
      const result = (await client.callTool({ name: 'delete_trip', arguments: { tripId } })) as ToolResult;
      expect(asked).toHaveLength(1);
      expect(asked[0].message).toMatch(/^Delete the trip “Rome in spring” and everything in it/);
      expect((asked[0] as { requestedSchema?: unknown }).requestedSchema).toMatchObject({ type: 'object', properties: { confirm: { type: 'boolean' } }, required: ['confirm'] });
      expect(result).toEqual({ content: [{ type: 'text', text: `Not done: ${reason}. Nothing was changed.` }], isError: true });
      expect(await tripExists(tripId)).toBe(true);
      await client.close();
    }
  });

  it('deletes once the user confirms', async () => {
    const tripId = await newTrip();
    const { client, asked } = await elicitingClient(token, () => ({ action: 'accept', content: { confirm: true } }));
    const result = (await client.callTool({ name: 'delete_trip', arguments: { tripId } })) as ToolResult;
    expect(asked).toHaveLength(1);
    expect(result.structuredContent).toEqual({ deleted: true, tripId });
    expect(await tripExists(tripId)).toBe(false);
    await client.close();
  });

  it('a client without elicitation deletes as before, without being asked', async () => {
    const tripId = await newTrip();
    const { client } = await connect(server, token);
    const result = (await client.callTool({ name: 'delete_trip', arguments: { tripId } })) as ToolResult;
    expect(result.structuredContent).toEqual({ deleted: true, tripId });
    expect(await tripExists(tripId)).toBe(false);
    await client.close();
  });

  it('a member who may not delete the trip is not asked and gets the owner-only error', async () => {
    const tripId = await newTrip();
    await anna.trpc.members.addTripMember.mutate({ tripId, identifier: ben.user.email });
    const bens = await createOAuthToken(server, ben.user.id, ['trips:read', 'trips:delete']);
    const { client, asked } = await elicitingClient(bens.token, () => ({ action: 'accept', content: { confirm: true } }));
    const result = (await client.callTool({ name: 'delete_trip', arguments: { tripId } })) as ToolResult;
    expect(asked).toEqual([]);
    expect(result.isError).toBe(true);
    expect(await tripExists(tripId)).toBe(true);
    await client.close();
  });
});

describe('bulk_delete_places with the SDK client', () => {
  it('asks how many places of which trip; declining keeps them', async () => {
    const tripId = await newTrip('Lisbon');
    const placeIds = [];
    for (const name of ['A', 'B']) placeIds.push((await anna.trpc.places.createPlace.mutate({ tripId, name })).place.id);
    const { client, asked } = await elicitingClient(token, () => ({ action: 'decline' }));
    const result = (await client.callTool({ name: 'bulk_delete_places', arguments: { tripId, placeIds } })) as ToolResult;
    expect(asked.map((a) => a.message)).toEqual(['Delete 2 places from the trip “Lisbon” (with their day assignments)? This cannot be undone.']);
    expect(result.isError).toBe(true);
    expect(await server.services.db.place.count({ where: { tripId } })).toBe(2);
    await client.close();
  });

  it('asks a grant that may not read the trip itself (places:write only) by trip id, and deletes once confirmed', async () => {
    const tripId = await newTrip('Porto');
    const placeId = (await anna.trpc.places.createPlace.mutate({ tripId, name: 'Ribeira' })).place.id;
    const narrow = await createOAuthToken(server, anna.user.id, ['places:write']);
    const { client, asked } = await elicitingClient(narrow.token, () => ({ action: 'accept', content: { confirm: true } }));
    const result = (await client.callTool({ name: 'bulk_delete_places', arguments: { tripId, placeIds: [placeId] } })) as ToolResult;
    expect(asked.map((a) => a.message)).toEqual([`Delete 1 place from trip ${tripId} (with their day assignments)? This cannot be undone.`]);
    expect(result.structuredContent).toEqual({ deleted: 1, placeIds: [placeId] });
    await client.close();
  });
});

describe('delete_trip over plain HTTP', () => {
  async function deleteAnswering(tripId: number, answer: Record<string, unknown>) {
    const sessionId = await rawSessionWith(server, token, { elicitation: {} });
    const answers: number[] = [];
    const exchange = await rawExchange(
      server,
      { jsonrpc: '2.0', id: 5, method: 'tools/call', params: { name: 'delete_trip', arguments: { tripId } } },
      {
        token,
        sessionId,
        async onMessage(m: RpcMessage) {
          if (m.method !== 'elicitation/create') return;
          const res = await rawMcp(server, { jsonrpc: '2.0', id: m.id, result: answer }, { token, sessionId });
          answers.push(res.status);
        },
      },
    );
    return { exchange, answers };
  }

  it('sends elicitation/create on the call’s stream; the answer POST gets 202; decline keeps the trip', async () => {
    const tripId = await newTrip();
    const { exchange, answers } = await deleteAnswering(tripId, { action: 'decline' });
    expect(exchange.contentType).toContain('text/event-stream');
    expect(exchange.messages).toEqual([
      expect.objectContaining({ jsonrpc: '2.0', method: 'elicitation/create', id: expect.any(String), params: expect.objectContaining({ message: expect.stringContaining('Rome in spring') }) }),
    ]);
    expect(answers).toEqual([202]);
    expect(exchange.response.result).toEqual({ content: [{ type: 'text', text: 'Not done: the user declined the confirmation. Nothing was changed.' }], isError: true });
    expect(await tripExists(tripId)).toBe(true);
  });

  it('accept with the box ticked deletes', async () => {
    const tripId = await newTrip();
    const { exchange } = await deleteAnswering(tripId, { action: 'accept', content: { confirm: true } });
    expect((exchange.response.result as ToolResult).structuredContent).toEqual({ deleted: true, tripId });
    expect(await tripExists(tripId)).toBe(false);
  });

  it('a session that did not declare elicitation deletes at once, answered as plain JSON', async () => {
    const tripId = await newTrip();
    const sessionId = await rawSessionWith(server, token, {});
    const res = await rawMcp(server, { jsonrpc: '2.0', id: 6, method: 'tools/call', params: { name: 'delete_trip', arguments: { tripId } } }, { token, sessionId });
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(((await res.json()) as { result: ToolResult }).result.structuredContent).toEqual({ deleted: true, tripId });
  });
});

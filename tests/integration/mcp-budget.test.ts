// An agent with the official MCP SDK client splits a dinner between three members, reads the settlement (as a tool
// and as a resource) and asks for the budget overview prompt; a bad split is an isError result that writes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { startTestServer, type TestServer } from '../helpers/server';
import { makeUser } from '../helpers/users';
import { connect, createOAuthToken, createStaticToken, enableMcp } from './mcp.helpers';

type ToolResult = { isError?: boolean; content: Array<{ type: string; text?: string }>; structuredContent?: Record<string, unknown> };

let server: TestServer;
let client: Client;
let anna: Awaited<ReturnType<typeof makeUser>>;
let ben: Awaited<ReturnType<typeof makeUser>>;
let cem: Awaited<ReturnType<typeof makeUser>>;
let tripId: number;

beforeAll(async () => {
  server = await startTestServer();
  await enableMcp(server);
  anna = await makeUser(server, { displayName: 'Anna' });
  ben = await makeUser(server, { displayName: 'Ben' });
  cem = await makeUser(server, { displayName: 'Cem' });
  ({
    trip: { id: tripId },
  } = await anna.trpc.trips.createTrip.mutate({ title: 'Naples', startDate: '2027-09-01', endDate: '2027-09-03' }));
  await anna.trpc.members.addTripMember.mutate({ tripId, identifier: ben.user.email });
  await anna.trpc.members.addTripMember.mutate({ tripId, identifier: cem.user.email });
  const { token } = await createStaticToken(server, anna.user.id);
  ({ client } = await connect(server, token));
});
afterAll(async () => {
  await client?.close();
  await server?.close();
});

const call = (name: string, args: Record<string, unknown>) => client.callTool({ name, arguments: args }) as Promise<ToolResult>;

describe('an agent splits a dinner', () => {
  it('offers the budget tools, with "paid" explained in their descriptions', async () => {
    const { tools } = await client.listTools();
    const names = tools.map((t) => t.name);
    for (const name of [
      'create_budget_item',
      'update_budget_item',
      'delete_budget_item',
      'create_budget_item_with_members',
      'set_budget_item_members',
      'toggle_budget_member_paid',
      'list_budget_items',
      'get_budget_settlement',
    ]) {
      expect(names).toContain(name);
    }
    const create = tools.find((t) => t.name === 'create_budget_item_with_members')!;
    expect(create.description).toMatch(/paid flag means only that this member has repaid their share/);
    expect(Object.keys(create.inputSchema.properties ?? {})).toEqual(expect.arrayContaining(['tripId', 'name', 'totalPrice', 'userIds', 'payers', 'currency']));
  });

  it('splits 84.20 between three, paid by Anna, and reads who pays whom', async () => {
    const created = await call('create_budget_item_with_members', {
      tripId,
      name: 'Pizzeria da Michele',
      category: 'Food',
      totalPrice: 84.2,
      userIds: [anna.user.id, ben.user.id, cem.user.id],
      payers: [{ userId: anna.user.id }],
    });
    expect(created.isError, created.content[0]?.text).toBeFalsy();
    const item = (created.structuredContent as { item: { members: Array<{ userId: number; share: string }> } }).item;
    expect(item.members.map((m) => m.share)).toEqual(['28.07', '28.07', '28.06']);

    const settlement = await call('get_budget_settlement', { tripId });
    expect(settlement.structuredContent).toMatchObject({
      currency: 'EUR',
      flows: [
        { from: { userId: ben.user.id, displayName: 'Ben' }, to: { userId: anna.user.id }, amount: '28.07' },
        { from: { userId: cem.user.id, displayName: 'Cem' }, to: { userId: anna.user.id }, amount: '28.06' },
      ],
    });

    const resource = await client.readResource({ uri: `waymark://trips/${tripId}/budget/settlement` });
    const doc = JSON.parse((resource.contents[0] as { text: string }).text);
    expect(doc.flows).toHaveLength(2);
    const perPerson = await client.readResource({ uri: `waymark://trips/${tripId}/budget/per-person` });
    expect(JSON.parse((perPerson.contents[0] as { text: string }).text)).toMatchObject({ total: { amount: '84.20' } });

    const prompt = await client.getPrompt({ name: 'budget-overview', arguments: { tripId: String(tripId) } });
    const text = (prompt.messages[0].content as { text: string }).text;
    expect(text).toContain('**Total:** 84.20 EUR');
    expect(text).toContain('- Food: 84.20 EUR');
    expect(text).toContain('- Ben: consumed 28.07, paid 0.00, balance -28.07 EUR');
  });

  it('a split that does not add up is an isError result and writes nothing', async () => {
    const before = await server.services.db.budgetItem.count({ where: { tripId } });
    const result = await call('create_budget_item_with_members', {
      tripId,
      name: 'Ferry',
      totalPrice: '30',
      members: [
        { userId: anna.user.id, amount: '10' },
        { userId: ben.user.id, amount: '10' },
      ],
    });
    expect(result.isError).toBe(true);
    expect(result.content[0]?.text).toContain('add up to 20.00 EUR, the expense is 30.00 EUR');
    expect(await server.services.db.budgetItem.count({ where: { tripId } })).toBe(before);
  });

  it('a token without budget scopes is offered neither the tools nor the prompt', async () => {
    const { token } = await createOAuthToken(server, anna.user.id, ['trips:read']);
    const { client: limited } = await connect(server, token);
    try {
      expect((await limited.listTools()).tools.map((t) => t.name)).not.toContain('list_budget_items');
      expect((await limited.listPrompts()).prompts.map((p) => p.name)).not.toContain('budget-overview');
    } finally {
      await limited.close();
    }
  });
});

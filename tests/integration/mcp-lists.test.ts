// An agent with the official MCP SDK client imports a packing list, makes Ben responsible for clothes and ticks items,
// while Ben's "browser" (a real pusher-js client on the trip channel) watches the changes arrive; then it reads the
// list as a resource, as the packing-list prompt and in the trip summary, and works through the to-dos. A bad import is
// an isError result that writes nothing; a token without the lists scopes, or the addon switched off, hides the tools.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type Pusher from 'pusher-js';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { startTestServer, type TestServer } from '../helpers/server';
import { makeUser } from '../helpers/users';
import { connect, createOAuthToken, enableMcp } from './mcp.helpers';
import { connectClient, record, subscribe, waitFor, type Received } from './realtime.helpers';

type ToolResult = { isError?: boolean; content: Array<{ type: string; text?: string }>; structuredContent?: Record<string, unknown> };
type Item = { id: number; name: string; category: string; quantity: number; checked: boolean };

const PACKING_TOOLS = [
  'create_packing_item',
  'toggle_packing_item',
  'delete_packing_item',
  'update_packing_item',
  'reorder_packing_items',
  'list_packing_bags',
  'create_packing_bag',
  'update_packing_bag',
  'delete_packing_bag',
  'set_bag_members',
  'get_packing_category_assignees',
  'set_packing_category_assignees',
  'bulk_import_packing',
  'apply_packing_template',
  'save_packing_template',
];
const TODO_TOOLS = ['list_todos', 'create_todo', 'update_todo', 'toggle_todo', 'delete_todo', 'reorder_todos', 'get_todo_category_assignees', 'set_todo_category_assignees'];

let server: TestServer;
let agent: Client;
let watcher: Pusher;
let seen: Received[];
let anna: Awaited<ReturnType<typeof makeUser>>;
let ben: Awaited<ReturnType<typeof makeUser>>;
let tripId: number;

beforeAll(async () => {
  server = await startTestServer();
  await enableMcp(server);
  anna = await makeUser(server, { displayName: 'Anna' });
  ben = await makeUser(server, { displayName: 'Ben' });
  ({
    trip: { id: tripId },
  } = await anna.trpc.trips.createTrip.mutate({ title: 'Tromsø', startDate: '2027-01-10', endDate: '2027-01-14' }));
  await anna.trpc.members.addTripMember.mutate({ tripId, identifier: ben.user.email });
  const { token } = await createOAuthToken(server, anna.user.id, ['trips:read', 'packing:write', 'todos:write']);
  ({ client: agent } = await connect(server, token));
  watcher = await connectClient(server, ben.cookie);
  seen = record(await subscribe(watcher, `private-trip-${tripId}`));
});
afterAll(async () => {
  watcher?.disconnect();
  await agent?.close();
  await server?.close();
});

const call = async (name: string, args: Record<string, unknown>) => {
  const result = (await agent.callTool({ name, arguments: args })) as ToolResult;
  return result;
};
const ok = async (name: string, args: Record<string, unknown>) => {
  const result = await call(name, args);
  expect(result.isError, result.content[0]?.text).toBeFalsy();
  return result.structuredContent as Record<string, unknown>;
};

describe('an agent packs for Tromsø while Ben watches', () => {
  it('offers every packing and to-do tool this grant allows', async () => {
    const names = (await agent.listTools()).tools.map((t) => t.name);
    expect(names).toEqual(expect.arrayContaining([...PACKING_TOOLS, ...TODO_TOOLS, 'list_packing_items', 'list_packing_templates']));
    expect(PACKING_TOOLS).toHaveLength(15);
    const bulk = (await agent.listTools()).tools.find((t) => t.name === 'bulk_import_packing')!;
    expect(bulk.description).toMatch(/quantity to 1 and is kept/);
  });

  it('imports a list, assigns clothes to Ben and ticks items; Ben sees each change as it happens', async () => {
    const imported = await ok('bulk_import_packing', {
      tripId,
      items: [
        { name: 'Wool socks', category: 'Clothes', quantity: 4 },
        { name: 'Down jacket', category: 'Clothes' },
        { name: 'Headlamp', category: 'Gear' },
        { name: 'Passport' },
      ],
    });
    expect(imported.count).toBe(4);
    const items = imported.items as Item[];
    expect(items.map((i) => [i.name, i.category, i.quantity])).toEqual([
      ['Wool socks', 'Clothes', 4],
      ['Down jacket', 'Clothes', 1],
      ['Headlamp', 'Gear', 1],
      ['Passport', 'General', 1],
    ]);
    const added = await waitFor(() => seen.find((e) => e.event === 'packing.items.added'));
    expect(added.data).toMatchObject({ origin: 'mcp', actor: { id: anna.user.id, name: 'Anna' }, items: [{ name: 'Wool socks' }, {}, {}, {}] });

    const assigned = await ok('set_packing_category_assignees', { tripId, categoryName: 'Clothes', userIds: [ben.user.id] });
    expect(assigned).toMatchObject({ assignees: [{ userId: ben.user.id, displayName: 'Ben' }], addedUserIds: [ben.user.id] });
    const change = await waitFor(() => seen.find((e) => e.event === 'packing.category.assignees.changed'));
    expect(change.data).toMatchObject({ category: 'Clothes', addedUserIds: [ben.user.id], removedUserIds: [] });

    for (const item of [items[0], items[3]]) {
      expect(await ok('toggle_packing_item', { tripId, itemId: item.id, checked: true })).toMatchObject({ item: { id: item.id, checked: true } });
    }
    const ticks = await waitFor(() => {
      const t = seen.filter((e) => e.event === 'packing.item.toggled');
      return t.length === 2 && t;
    });
    expect(ticks.map((t) => (t.data.item as Item).name)).toEqual(['Wool socks', 'Passport']);
    expect(ticks.every((t) => t.data.origin === 'mcp')).toBe(true);
  });

  it('reads the list as a resource, as the packing-list prompt and in the trip summary', async () => {
    const resource = await agent.readResource({ uri: `waymark://trips/${tripId}/packing` });
    const doc = JSON.parse((resource.contents[0] as { text: string }).text);
    expect(doc.items.filter((i: Item) => i.checked).map((i: Item) => i.name)).toEqual(['Wool socks', 'Passport']);
    expect(doc.assignees.Clothes).toMatchObject([{ userId: ben.user.id }]);

    const prompt = await agent.getPrompt({ name: 'packing-list', arguments: { tripId: String(tripId) } });
    const text = (prompt.messages[0].content as { text: string }).text;
    expect(text).toContain('# Tromsø');
    expect(text).toContain('**Dates:** 2027-01-10 to 2027-01-14');
    expect(text).toContain('## Clothes\n- [x] 4× Wool socks\n- [ ] Down jacket');
    expect(text).toContain('## General\n- [x] Passport');
    expect(text).toContain('4 items in 3 categories, 2 packed.');

    const summary = await ok('get_trip_summary', { tripId });
    expect(summary.packing).toMatchObject({ total: 4, checked: 2, categories: [{ category: 'Clothes', total: 2, checked: 1 }, { category: 'Gear' }, { category: 'General' }] });
  });

  it('lists the templates, applies the winter one without duplicating what is there, and saves the list as a template', async () => {
    const { templates } = (await ok('list_packing_templates', {})) as { templates: Array<{ id: number; name: string; builtIn: boolean; items: unknown[] }> };
    const winter = templates.find((t) => t.name === 'Winter trip')!;
    expect(winter).toMatchObject({ builtIn: true, items: expect.arrayContaining([{ name: 'Wool socks', category: 'Clothes', quantity: 3 }]) });
    // "Wool socks" (Clothes) is on the list already: it is skipped.
    const applied = (await ok('apply_packing_template', { tripId, templateId: winter.id })) as { count: number; skipped: number; items: Item[] };
    expect(applied).toMatchObject({ count: 5, skipped: 1 });
    expect(applied.items.map((i) => i.name)).toEqual(['Passport', 'Thermal underwear', 'Gloves', 'Warm hat', 'Lip balm']);
    expect((await waitFor(() => seen.find((e) => e.event === 'packing.items.added' && e.data.source === 'template'))).data).toMatchObject({ origin: 'mcp' });

    const saved = (await ok('save_packing_template', { tripId, templateName: 'Tromsø in January' })) as { template: { id: number; items: unknown[] } };
    expect(saved.template.items).toHaveLength(9);
    // Only the trip's items are written back by the next steps: take the template's out again.
    const templateItems = applied.items.map((i) => i.id);
    for (const itemId of templateItems) await ok('delete_packing_item', { tripId, itemId });

    const { trip: empty } = await anna.trpc.trips.createTrip.mutate({ title: 'Empty' });
    const refused = await call('save_packing_template', { tripId: empty.id, templateName: 'Nothing' });
    expect(refused.isError).toBe(true);
    expect(refused.content[0]?.text).toContain('the packing list is empty');
  });

  it('a bad import is an isError result naming the field, and writes nothing', async () => {
    const before = await server.services.db.packingItem.count({ where: { tripId } });
    const result = await call('bulk_import_packing', { tripId, items: [{ name: 'Gloves' }, { name: 'Hat', quantity: 0 }] });
    expect(result.isError).toBe(true);
    expect(result.content[0]?.text).toContain('items.1.quantity');
    expect(await server.services.db.packingItem.count({ where: { tripId } })).toBe(before);
  });

  it('works through the to-dos: assigns one to Ben (a todo.assigned event), ticks it, and the summary counts what is open', async () => {
    const { item } = (await ok('create_todo', { tripId, name: 'Book the northern lights tour', dueDate: '2027-01-05', assignedUserId: ben.user.id, priority: 3 })) as { item: { id: number } };
    await ok('create_todo', { tripId, name: 'Buy travel insurance' });
    const assigned = await waitFor(() => seen.find((e) => e.event === 'todo.assigned'));
    expect(assigned.data).toMatchObject({ assignedUserId: ben.user.id, previousUserId: null, item: { id: item.id } });
    await ok('toggle_todo', { tripId, itemId: item.id, checked: true });
    const listed = (await ok('list_todos', { tripId })) as { items: Array<{ name: string; checked: boolean }> };
    expect(listed.items.map((i) => [i.name, i.checked])).toEqual([
      ['Book the northern lights tour', true],
      ['Buy travel insurance', false],
    ]);
    const summary = await ok('get_trip_summary', { tripId });
    expect(summary.todos).toMatchObject({ open: 1, done: 1, items: [{ name: 'Buy travel insurance' }] });
  });

  it('a token without the lists scopes sees neither the tools nor the lists in the summary', async () => {
    const { token } = await createOAuthToken(server, anna.user.id, ['trips:read']);
    const { client: limited } = await connect(server, token);
    try {
      const names = (await limited.listTools()).tools.map((t) => t.name);
      for (const name of [...PACKING_TOOLS, ...TODO_TOOLS]) expect(names).not.toContain(name);
      expect((await limited.listPrompts()).prompts.map((p) => p.name)).not.toContain('packing-list');
      const summary = (await limited.callTool({ name: 'get_trip_summary', arguments: { tripId } })) as ToolResult;
      expect(summary.structuredContent).toMatchObject({ packing: null, todos: null });
    } finally {
      await limited.close();
    }
  });

  it('with the lists addon off the tools are gone and the summary leaves the lists out; the data is kept', async () => {
    await server.services.addons.set('lists', false);
    try {
      const { token } = await createOAuthToken(server, anna.user.id, ['trips:read', 'packing:write', 'todos:write']);
      const { client: later } = await connect(server, token);
      try {
        const names = (await later.listTools()).tools.map((t) => t.name);
        for (const name of [...PACKING_TOOLS, ...TODO_TOOLS]) expect(names).not.toContain(name);
        const summary = (await later.callTool({ name: 'get_trip_summary', arguments: { tripId } })) as ToolResult;
        expect(summary.structuredContent).toMatchObject({ packing: null, todos: null });
      } finally {
        await later.close();
      }
      expect(await server.services.db.packingItem.count({ where: { tripId } })).toBe(4);
    } finally {
      await server.services.addons.set('lists', true);
    }
  });
});

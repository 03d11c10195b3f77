// The optional compare-and-set of a tick or a to-do edit, over real HTTP and a real database (decision 034, update
// 2026-12-02): a change carrying the `updatedAt` it was made against is refused with CONFLICT naming who changed the item
// meanwhile, and nothing is written; without it (MCP tools, online changes) a change works as before.
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../helpers/server';
import { procedureSuite, type TestUser } from '../helpers/procedure-suite';
import { expectTrpcError, makeUser } from '../helpers/users';
import { connect, createOAuthToken, enableMcp } from './mcp.helpers';

const suite = procedureSuite([{ displayName: 'Anna' }, { displayName: 'Ben' }]);
let server: TestServer;
let anna: TestUser, ben: TestUser;
beforeAll(() => {
  ({ server, users: [anna, ben] } = suite);
});

async function setup() {
  const { trip } = await anna.trpc.trips.createTrip.mutate({ title: 'Oslo', startDate: '2027-02-01', endDate: '2027-02-03' });
  await anna.trpc.members.addTripMember.mutate({ tripId: trip.id, identifier: ben.user.email });
  return trip.id;
}

describe('ticks with expectedUpdatedAt', () => {
  it('packing: a tick against the version read is applied; against an older one refused, nothing written', async () => {
    const tripId = await setup();
    const { item } = await anna.trpc.packing.createPackingItem.mutate({ tripId, name: 'Socks' });
    const seen = item.updatedAt;
    const { item: renamed } = await ben.trpc.packing.updatePackingItem.mutate({ tripId, itemId: item.id, name: 'Wool socks' });
    expect(renamed.updatedAt).not.toBe(seen);

    const refused = await expectTrpcError(anna.trpc.packing.togglePackingItem.mutate({ tripId, itemId: item.id, checked: true, expectedUpdatedAt: seen }));
    expect(refused.code).toBe('CONFLICT');
    expect(refused.data?.i18n).toEqual({ key: 'errors.changedMeanwhileBy', params: { name: 'Wool socks', by: 'Ben' } });
    expect(refused.message).toBe('“Wool socks” was changed by Ben meanwhile; read it again and apply your change again');
    const row = await server.services.db.packingItem.findUniqueOrThrow({ where: { id: item.id } });
    expect(row.checked).toBe(false);
    expect(row.updatedAt.toISOString()).toBe(renamed.updatedAt);

    const { item: ticked } = await anna.trpc.packing.togglePackingItem.mutate({ tripId, itemId: item.id, checked: true, expectedUpdatedAt: renamed.updatedAt });
    expect(ticked).toMatchObject({ checked: true, name: 'Wool socks' });
    // omitted: as before, whatever changed meanwhile
    const { item: unticked } = await ben.trpc.packing.togglePackingItem.mutate({ tripId, itemId: item.id, checked: false });
    expect(unticked.checked).toBe(false);
    expect((await server.services.db.packingItem.findUniqueOrThrow({ where: { id: item.id } })).checked).toBe(false);
  });

  it('to-dos: the same check; a malformed version is a BAD_REQUEST', async () => {
    const tripId = await setup();
    const { item } = await anna.trpc.todos.createTodo.mutate({ tripId, name: 'Tickets' });
    await ben.trpc.todos.toggleTodo.mutate({ tripId, itemId: item.id, checked: true });
    const refused = await expectTrpcError(anna.trpc.todos.toggleTodo.mutate({ tripId, itemId: item.id, checked: false, expectedUpdatedAt: item.updatedAt }));
    expect(refused.code).toBe('CONFLICT');
    expect((await server.services.db.todo.findUniqueOrThrow({ where: { id: item.id } })).checked).toBe(true);

    const bad = await expectTrpcError(anna.trpc.todos.toggleTodo.mutate({ tripId, itemId: item.id, checked: false, expectedUpdatedAt: 'yesterday' }));
    expect(bad.code).toBe('BAD_REQUEST');
    expect((await server.services.db.todo.findUniqueOrThrow({ where: { id: item.id } })).checked).toBe(true);

    const { item: done } = await anna.trpc.todos.toggleTodo.mutate({ tripId, itemId: item.id, checked: false });
    expect(done.checked).toBe(false);
  });
});

describe('to-do edits with expectedUpdatedAt', () => {
  it('a stale edit of title, due date or assignee is refused naming who changed it, and nothing is written', async () => {
    const tripId = await setup();
    const { item } = await anna.trpc.todos.createTodo.mutate({ tripId, name: 'Tickets', dueDate: '2027-02-01' });
    const { item: benVersion } = await ben.trpc.todos.updateTodo.mutate({ tripId, itemId: item.id, description: 'Ask at the desk' });
    const before = await server.services.db.todo.findUniqueOrThrow({ where: { id: item.id } });
    expect(before.updatedById).toBe(ben.user.id);

    for (const change of [{ name: 'Ferry tickets' }, { dueDate: '2027-02-02' }, { assignedUserId: anna.user.id }]) {
      const refused = await expectTrpcError(anna.trpc.todos.updateTodo.mutate({ tripId, itemId: item.id, ...change, expectedUpdatedAt: item.updatedAt }));
      expect(refused.code).toBe('CONFLICT');
      expect(refused.data?.i18n).toEqual({ key: 'errors.changedMeanwhileBy', params: { name: 'Tickets', by: 'Ben' } });
      expect(await server.services.db.todo.findUniqueOrThrow({ where: { id: item.id } })).toEqual(before);
    }

    // against the version read now it goes through, and Anna is the last editor
    const { item: edited } = await anna.trpc.todos.updateTodo.mutate({ tripId, itemId: item.id, name: 'Ferry tickets', dueDate: '2027-02-02', expectedUpdatedAt: benVersion.updatedAt });
    expect(edited).toMatchObject({ name: 'Ferry tickets', dueDate: '2027-02-02', description: 'Ask at the desk' });
    expect((await server.services.db.todo.findUniqueOrThrow({ where: { id: item.id } })).updatedById).toBe(anna.user.id);
  });

  it('the last editor’s deleted account leaves no name: the refusal says someone else', async () => {
    const tripId = await setup();
    const carl = await makeUser(server, { displayName: 'Carl' });
    await anna.trpc.members.addTripMember.mutate({ tripId, identifier: carl.user.email });
    const { item } = await anna.trpc.packing.createPackingItem.mutate({ tripId, name: 'Passport' });
    await carl.trpc.packing.togglePackingItem.mutate({ tripId, itemId: item.id, checked: true });
    await server.services.db.user.delete({ where: { id: carl.user.id } });
    expect((await server.services.db.packingItem.findUniqueOrThrow({ where: { id: item.id } })).updatedById).toBeNull();

    const refused = await expectTrpcError(anna.trpc.packing.togglePackingItem.mutate({ tripId, itemId: item.id, checked: false, expectedUpdatedAt: item.updatedAt }));
    expect(refused.code).toBe('CONFLICT');
    expect(refused.data?.i18n).toEqual({ key: 'errors.changedMeanwhile', params: { name: 'Passport' } });
    expect((await server.services.db.packingItem.findUniqueOrThrow({ where: { id: item.id } })).checked).toBe(true);
  });

  it('MCP tools work as before without a version, and record the agent’s user as the last editor', async () => {
    const tripId = await setup();
    await enableMcp(server);
    const { token } = await createOAuthToken(server, ben.user.id, ['trips:read', 'packing:write', 'todos:write']);
    const { client } = await connect(server, token);
    try {
      const { item } = await anna.trpc.todos.createTodo.mutate({ tripId, name: 'Tickets' });
      const { item: packed } = await anna.trpc.packing.createPackingItem.mutate({ tripId, name: 'Socks' });
      const call = async (name: string, args: Record<string, unknown>) => {
        const result = (await client.callTool({ name, arguments: { tripId, ...args } })) as { isError?: boolean; structuredContent?: { item?: { name: string; checked: boolean } } };
        expect(result.isError ?? false).toBe(false);
        return result.structuredContent?.item;
      };
      expect(await call('update_todo', { itemId: item.id, name: 'Ferry tickets' })).toMatchObject({ name: 'Ferry tickets' });
      expect(await call('toggle_todo', { itemId: item.id, checked: true })).toMatchObject({ checked: true });
      expect(await call('update_packing_item', { itemId: packed.id, name: 'Wool socks' })).toMatchObject({ name: 'Wool socks' });
      expect(await server.services.db.todo.findUniqueOrThrow({ where: { id: item.id } })).toMatchObject({ name: 'Ferry tickets', checked: true, updatedById: ben.user.id });
      expect(await server.services.db.packingItem.findUniqueOrThrow({ where: { id: packed.id } })).toMatchObject({ name: 'Wool socks', updatedById: ben.user.id });
      // Anna's version is now stale: her edit made against it names the agent's user
      const refused = await expectTrpcError(anna.trpc.todos.updateTodo.mutate({ tripId, itemId: item.id, name: 'Bus tickets', expectedUpdatedAt: item.updatedAt }));
      expect(refused.data?.i18n).toEqual({ key: 'errors.changedMeanwhileBy', params: { name: 'Ferry tickets', by: 'Ben' } });
    } finally {
      await client.close();
    }
  });
});

describe('to-dos created and deleted offline', () => {
  it('a create sent again with the same clientRequestId answers the same to-do: one row', async () => {
    const tripId = await setup();
    const clientRequestId = crypto.randomUUID();
    const { item: first } = await anna.trpc.todos.createTodo.mutate({ tripId, name: 'Ferry tickets', clientRequestId });
    const { item: again } = await anna.trpc.todos.createTodo.mutate({ tripId, name: 'Ferry tickets', clientRequestId });
    expect(again).toEqual(first);
    // two sends at once (a retry racing the first): still one
    const otherId = crypto.randomUUID();
    const both = await Promise.all([0, 1].map(() => anna.trpc.todos.createTodo.mutate({ tripId, name: 'Visa', clientRequestId: otherId })));
    expect(both[0].item.id).toBe(both[1].item.id);
    const rows = await server.services.db.todo.findMany({ where: { tripId } });
    expect(rows.map((r) => r.name).sort()).toEqual(['Ferry tickets', 'Visa']);
    // without an id (online, MCP) every create adds one, as before
    await anna.trpc.todos.createTodo.mutate({ tripId, name: 'Visa' });
    expect(await server.services.db.todo.count({ where: { tripId } })).toBe(3);

    const bad = await expectTrpcError(anna.trpc.todos.createTodo.mutate({ tripId, name: 'Visa', clientRequestId: 'abc' }));
    expect(bad.code).toBe('BAD_REQUEST');
    expect(await server.services.db.todo.count({ where: { tripId } })).toBe(3);
  });

  it('a delete against an older version is refused naming who changed it, and nothing is deleted', async () => {
    const tripId = await setup();
    const { item } = await anna.trpc.todos.createTodo.mutate({ tripId, name: 'Tickets' });
    const { item: benVersion } = await ben.trpc.todos.updateTodo.mutate({ tripId, itemId: item.id, name: 'Ferry tickets' });

    const refused = await expectTrpcError(anna.trpc.todos.deleteTodo.mutate({ tripId, itemId: item.id, expectedUpdatedAt: item.updatedAt }));
    expect(refused.code).toBe('CONFLICT');
    expect(refused.data?.i18n).toEqual({ key: 'errors.changedMeanwhileBy', params: { name: 'Ferry tickets', by: 'Ben' } });
    expect(await server.services.db.todo.count({ where: { id: item.id } })).toBe(1);

    await anna.trpc.todos.deleteTodo.mutate({ tripId, itemId: item.id, expectedUpdatedAt: benVersion.updatedAt });
    expect(await server.services.db.todo.count({ where: { id: item.id } })).toBe(0);
  });
});

describe('packing item edits with expectedUpdatedAt', () => {
  it('a stale rename or quantity change is refused naming who changed it, and nothing is written; against the version read it goes through', async () => {
    const tripId = await setup();
    const { item } = await anna.trpc.packing.createPackingItem.mutate({ tripId, name: 'Socks' });
    const { item: benVersion } = await ben.trpc.packing.togglePackingItem.mutate({ tripId, itemId: item.id, checked: true });
    const before = await server.services.db.packingItem.findUniqueOrThrow({ where: { id: item.id } });

    for (const change of [{ name: 'Wool socks' }, { quantity: 3 }]) {
      const refused = await expectTrpcError(anna.trpc.packing.updatePackingItem.mutate({ tripId, itemId: item.id, ...change, expectedUpdatedAt: item.updatedAt }));
      expect(refused.code).toBe('CONFLICT');
      expect(refused.data?.i18n).toEqual({ key: 'errors.changedMeanwhileBy', params: { name: 'Socks', by: 'Ben' } });
      expect(await server.services.db.packingItem.findUniqueOrThrow({ where: { id: item.id } })).toEqual(before);
    }

    const { item: edited } = await anna.trpc.packing.updatePackingItem.mutate({ tripId, itemId: item.id, name: 'Wool socks', quantity: 3, expectedUpdatedAt: benVersion.updatedAt });
    expect(edited).toMatchObject({ name: 'Wool socks', quantity: 3, checked: true });
    expect((await server.services.db.packingItem.findUniqueOrThrow({ where: { id: item.id } })).updatedById).toBe(anna.user.id);
  });
});

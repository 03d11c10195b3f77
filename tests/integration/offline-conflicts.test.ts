// The optional compare-and-set of a tick, over real HTTP and a real database (decision 034, update 2026-12-02): a
// tick carrying the `updatedAt` it was made against is refused with CONFLICT when the item changed meanwhile, and
// nothing is written; without it a tick works as before.
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../helpers/server';
import { procedureSuite, type TestUser } from '../helpers/procedure-suite';
import { expectTrpcError } from '../helpers/users';

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
    expect(refused.data?.i18n).toEqual({ key: 'errors.changedMeanwhile', params: { name: 'Wool socks' } });
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

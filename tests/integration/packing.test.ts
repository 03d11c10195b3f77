// The packing list through real HTTP and a real database: bulk import keeps quantities and one default category,
// ticks reach the trip's channel, bad calls write nothing, assignee changes name who was added and removed, deleting a
// bag keeps its items, a trip copy starts unpacked, and the lists addon switch hides the list without losing it.
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../helpers/server';
import { procedureSuite, type TestUser } from '../helpers/procedure-suite';
import { bearerCaller, expectTrpcError } from '../helpers/users';
import { createOAuthToken } from './mcp.helpers';

const suite = procedureSuite([{ displayName: 'Anna' }, { displayName: 'Ben' }, { displayName: 'Dora' }]);
const { tripEvents } = suite;
let server: TestServer;
let anna: TestUser, ben: TestUser, dora: TestUser;
beforeAll(() => {
  ({ server, users: [anna, ben, dora] } = suite);
});

async function setup() {
  const { trip } = await anna.trpc.trips.createTrip.mutate({ title: 'Oslo', startDate: '2027-02-01', endDate: '2027-02-03' });
  await anna.trpc.members.addTripMember.mutate({ tripId: trip.id, identifier: ben.user.email });
  suite.clearEvents();
  return trip.id;
}
const rows = (tripId: number) => server.services.db.packingItem.findMany({ where: { tripId }, orderBy: [{ position: 'asc' }, { id: 'asc' }] });

describe('packing items', () => {
  it('bulk import appends in order with quantities and "General" as the one default category', async () => {
    const tripId = await setup();
    await anna.trpc.packing.createPackingItem.mutate({ tripId, name: 'Passport' });
    const { items, count } = await anna.trpc.packing.bulkImportPacking.mutate({
      tripId,
      items: [{ name: 'Socks', category: 'Clothes', quantity: 3 }, { name: 'Charger' }],
    });
    expect(count).toBe(2);
    expect((await rows(tripId)).map((r) => [r.name, r.category, r.quantity, r.position])).toEqual([
      ['Passport', 'General', 1, 0],
      ['Socks', 'Clothes', 3, 1],
      ['Charger', 'General', 1, 2],
    ]);
    expect(tripEvents().map((e) => e.event)).toEqual(['packing.item.created', 'packing.items.added']);
    expect(tripEvents()[1].payload).toMatchObject({ items: [{ id: items[0].id }, { id: items[1].id }], source: 'import' });
  });

  it('a tick is published on the trip channel with the item, for everyone packing the same list', async () => {
    const tripId = await setup();
    const { item } = await anna.trpc.packing.createPackingItem.mutate({ tripId, name: 'Hat' });
    suite.clearEvents();
    const { item: ticked } = await ben.trpc.packing.togglePackingItem.mutate({ tripId, itemId: item.id, checked: true });
    expect(ticked.checked).toBe(true);
    expect(tripEvents()).toMatchObject([{ channel: `private-trip-${tripId}`, event: 'packing.item.toggled', payload: { item: { id: item.id, checked: true } } }]);
  });

  it('one bad item in a bulk import writes none of them', async () => {
    const tripId = await setup();
    const error = await expectTrpcError(anna.trpc.packing.bulkImportPacking.mutate({ tripId, items: [{ name: 'Socks' }, { name: 'Hat', quantity: 0 }] }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toContain('items.1.quantity');
    expect(await rows(tripId)).toEqual([]);
    expect(tripEvents()).toEqual([]);
  });

  it('reordering with an item of another trip is NOT_FOUND and changes nothing', async () => {
    const tripId = await setup();
    const other = await setup();
    const { items } = await anna.trpc.packing.bulkImportPacking.mutate({ tripId, items: [{ name: 'A' }, { name: 'B' }] });
    const { item: foreign } = await anna.trpc.packing.createPackingItem.mutate({ tripId: other, name: 'X' });
    suite.clearEvents();
    const error = await expectTrpcError(anna.trpc.packing.reorderPackingItems.mutate({ tripId, orderedIds: [items[1].id, foreign.id] }));
    expect(error.code).toBe('NOT_FOUND');
    expect((await rows(tripId)).map((r) => r.name)).toEqual(['A', 'B']);
    await anna.trpc.packing.reorderPackingItems.mutate({ tripId, orderedIds: [items[1].id] });
    expect((await rows(tripId)).map((r) => r.name)).toEqual(['B', 'A']);
  });

  it('an item cannot go into a bag of another trip', async () => {
    const tripId = await setup();
    const other = await setup();
    const { bag } = await anna.trpc.packing.createPackingBag.mutate({ tripId: other, name: 'Theirs' });
    const error = await expectTrpcError(anna.trpc.packing.createPackingItem.mutate({ tripId, name: 'Hat', bagId: bag.id }));
    expect(error.code).toBe('NOT_FOUND');
    expect(await rows(tripId)).toEqual([]);
  });
});

describe('category assignees and bags', () => {
  it('assignees must be on the trip; a change names who was added and removed', async () => {
    const tripId = await setup();
    const refused = await expectTrpcError(anna.trpc.packing.setPackingCategoryAssignees.mutate({ tripId, categoryName: 'Clothes', userIds: [dora.user.id] }));
    expect(refused.data?.i18n?.key).toBe('errors.participantNotMember');
    expect(await server.services.db.packingCategoryAssignee.count({ where: { tripId } })).toBe(0);

    await anna.trpc.packing.setPackingCategoryAssignees.mutate({ tripId, categoryName: 'Clothes', userIds: [anna.user.id] });
    suite.clearEvents();
    const result = await anna.trpc.packing.setPackingCategoryAssignees.mutate({ tripId, categoryName: 'Clothes', userIds: [ben.user.id, ben.user.id] });
    expect(result).toMatchObject({ assignees: [{ userId: ben.user.id, displayName: 'Ben' }], addedUserIds: [ben.user.id], removedUserIds: [anna.user.id] });
    expect(tripEvents()).toMatchObject([{ event: 'packing.category.assignees.changed', payload: { category: 'Clothes', addedUserIds: [ben.user.id], removedUserIds: [anna.user.id] } }]);
    expect(await ben.trpc.packing.getPackingCategoryAssignees.query({ tripId })).toMatchObject({ assignees: { Clothes: [{ userId: ben.user.id }] } });
  });

  it('deleting a bag keeps its items, unbagged', async () => {
    const tripId = await setup();
    const { bag } = await anna.trpc.packing.createPackingBag.mutate({ tripId, name: 'Carry-on', weightLimitGrams: 8000 });
    const { item } = await anna.trpc.packing.createPackingItem.mutate({ tripId, name: 'Laptop', weightGrams: 1500, bagId: bag.id });
    await anna.trpc.packing.deletePackingBag.mutate({ tripId, bagId: bag.id });
    expect(await server.services.db.packingItem.findUnique({ where: { id: item.id } })).toMatchObject({ name: 'Laptop', bagId: null, weightGrams: 1500 });
  });
});

describe('trip copy', () => {
  it('copies every item unchecked, in its copied bag, bags without members, and no assignees', async () => {
    const tripId = await setup();
    const { bag } = await anna.trpc.packing.createPackingBag.mutate({ tripId, name: 'Backpack', color: '#10b981', weightLimitGrams: 10000 });
    await anna.trpc.packing.setBagMembers.mutate({ tripId, bagId: bag.id, userIds: [ben.user.id] });
    const { item } = await anna.trpc.packing.createPackingItem.mutate({ tripId, name: 'Boots', category: 'Clothes', quantity: 2, weightGrams: 900, bagId: bag.id });
    await anna.trpc.packing.togglePackingItem.mutate({ tripId, itemId: item.id, checked: true });
    await anna.trpc.packing.setPackingCategoryAssignees.mutate({ tripId, categoryName: 'Clothes', userIds: [ben.user.id] });

    const { trip: copy } = await anna.trpc.trips.copyTrip.mutate({ tripId });
    const { items, assignees } = await anna.trpc.packing.listPackingItems.query({ tripId: copy.id });
    const { bags } = await anna.trpc.packing.listPackingBags.query({ tripId: copy.id });
    expect(bags).toMatchObject([{ name: 'Backpack', color: '#10b981', weightLimitGrams: 10000, members: [] }]);
    expect(items).toMatchObject([{ name: 'Boots', category: 'Clothes', quantity: 2, weightGrams: 900, checked: false, bagId: bags[0].id }]);
    expect(assignees).toEqual({});
    // The original is untouched.
    expect((await anna.trpc.packing.listPackingItems.query({ tripId })).items[0].checked).toBe(true);
  });
});

describe('access', () => {
  it('the lists addon off: FORBIDDEN like any addon-gated call, data kept, back when it is on again', async () => {
    const tripId = await setup();
    await anna.trpc.packing.createPackingItem.mutate({ tripId, name: 'Passport' });
    await server.services.addons.set('lists', false);
    try {
      const error = await expectTrpcError(anna.trpc.packing.listPackingItems.query({ tripId }));
      expect(error.code).toBe('FORBIDDEN');
      expect(error.data?.i18n?.key).toBe('errors.addonDisabled');
      const write = await expectTrpcError(anna.trpc.packing.createPackingItem.mutate({ tripId, name: 'Hat' }));
      expect(write.code).toBe('FORBIDDEN');
      expect(await server.services.db.packingItem.count({ where: { tripId } })).toBe(1);
    } finally {
      await server.services.addons.set('lists', true);
    }
    expect((await anna.trpc.packing.listPackingItems.query({ tripId })).items).toMatchObject([{ name: 'Passport' }]);
  });

  it('a token with packing:read may read but not tick; one without it may not read', async () => {
    const tripId = await setup();
    const { item } = await anna.trpc.packing.createPackingItem.mutate({ tripId, name: 'Hat' });
    const reader = await bearerCaller(server, (await createOAuthToken(server, anna.user.id, ['packing:read'])).token);
    expect((await reader.packing.listPackingItems({ tripId })).items).toHaveLength(1);
    await expect(reader.packing.togglePackingItem({ tripId, itemId: item.id, checked: true })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const other = await bearerCaller(server, (await createOAuthToken(server, anna.user.id, ['todos:read'])).token);
    await expect(other.packing.listPackingItems({ tripId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await rows(tripId))[0].checked).toBe(false);
  });
});

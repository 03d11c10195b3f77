// The browser side of the lists' realtime events: a tick from someone else patches the cached list in place (no
// refetch), a deleted bag leaves its items unbagged, assignee changes replace a category's people, and to-do
// assignments patch the list.
import { describe, expect, it } from 'vitest';
import { applyEventToView, joinHandlers } from '~/realtime/events';
import { packingEvents, packingListView, type PackingList } from './events';
import { todoEvents, todoListView, type TodoList } from '../todos/events';
import type { PackingItemJson } from './packing-data.server';

const handlers = joinHandlers([packingEvents, todoEvents]);
const none = () => undefined;
const item = (id: number, position: number, extra: Partial<PackingItemJson> = {}): PackingItemJson => ({
  id, tripId: 1, name: `Item ${id}`, category: 'Clothes', quantity: 1, weightGrams: null, checked: false, bagId: null, position, updatedAt: '2026-12-02T07:00:00.000Z', ...extra,
});
const list = (): PackingList => ({ items: [item(1, 0), item(2, 1, { bagId: 7 })], assignees: { Clothes: [{ userId: 3, username: 'ben', displayName: 'Ben' }] } });

describe('packing events in the browser cache', () => {
  it('a tick by someone else is patched in, and shows no notice', () => {
    const next = applyEventToView(handlers, packingListView, list(), 'packing.item.toggled', { item: item(1, 0, { checked: true }) }, none) as PackingList;
    expect(next.items.map((i) => i.checked)).toEqual([true, false]);
    expect(handlers['packing.item.toggled'].notice({ item: item(1, 0) } as never, none)).toBeNull();
  });

  it('imported items are appended in order; a reorder re-sorts', () => {
    const added = applyEventToView(handlers, packingListView, list(), 'packing.items.added', { items: [item(3, 2), item(4, 3)], source: 'import' }, none) as PackingList;
    expect(added.items.map((i) => i.id)).toEqual([1, 2, 3, 4]);
    const reordered = applyEventToView(handlers, packingListView, added, 'packing.items.reordered', { order: [4, 1, 2, 3] }, none) as PackingList;
    expect(reordered.items.map((i) => i.id)).toEqual([4, 1, 2, 3]);
  });

  it('a deleted bag leaves its items on the list, unbagged', () => {
    const next = applyEventToView(handlers, packingListView, list(), 'packing.bag.deleted', { bagId: 7, name: 'Backpack' }, none) as PackingList;
    expect(next.items.map((i) => i.bagId)).toEqual([null, null]);
  });

  it('clearing a category’s assignees removes the category from the map', () => {
    const next = applyEventToView(handlers, packingListView, list(), 'packing.category.assignees.changed', { category: 'Clothes', assignees: [], addedUserIds: [], removedUserIds: [3] }, none) as PackingList;
    expect(next.assignees).toEqual({});
  });
});

describe('to-do events in the browser cache', () => {
  it('an assignment patches the to-do and names the assignee in the notice', () => {
    const todo = { id: 5, tripId: 1, name: 'Visa', description: null, category: null, dueDate: null, assignedUserId: null, assignedUser: null, priority: 0, checked: false, position: 0, updatedAt: '2026-12-02T07:00:00.000Z' };
    const data: TodoList = { items: [todo], assignees: {} };
    const assigned = { ...todo, assignedUserId: 3, assignedUser: { userId: 3, username: 'ben', displayName: 'Ben' } };
    const next = applyEventToView(handlers, todoListView, data, 'todo.assigned', { item: assigned, assignedUserId: 3, previousUserId: null }, none) as TodoList;
    expect(next.items[0].assignedUserId).toBe(3);
    expect(handlers['todo.assigned'].notice({ item: assigned, assignedUserId: 3, previousUserId: null } as never, none)).toEqual({ key: 'todos:notice.assigned', params: { name: 'Visa', person: 'Ben' } });
  });
});

// The offline edits queue's rules: one entry per item in the order first ticked, ticking back drops it, queued ticks
// lie over any answer for their trip only, the replay plan (send, skip, conflict) against the server's item, and the
// replay itself against a stand-in for the server at the HTTP boundary.
import { beforeEach, describe, expect, it } from 'vitest';
import { createTRPCClient, httpLink } from '@trpc/client';
import type { AppRouter } from '~/trpc/root';
import { newReplayRound, replayQueue } from '~/offline/replay';
import { OfflineStore, afterCreate, enqueueDelete, enqueueEdit, enqueueTick, planDelete, planEdit, planTick, withQueuedChanges, type ListItem, type QueuedChange, type QueuedCreate, type QueuedEdit, type QueuedTick } from '~/offline/queue';

// the store keeps its queue in localStorage: an empty one for every test
const memory = new Map<string, string>();
beforeEach(() => {
  memory.clear();
  (globalThis as { localStorage?: unknown }).localStorage = {
    getItem: (k: string) => memory.get(k) ?? null,
    setItem: (k: string, v: string) => void memory.set(k, v),
  };
});

const tick = (itemId: number, checked: boolean, extra: Partial<QueuedTick> = {}): Omit<QueuedTick, 'id'> => ({
  list: 'packing',
  tripId: 1,
  itemId,
  name: `item ${itemId}`,
  checked,
  seenChecked: !checked,
  ...extra,
});

describe('enqueueTick', () => {
  it('keeps first-ticked order, replaces a second tick of the same item, drops a tick undone', () => {
    let queue = enqueueTick([], tick(1, true), 'a');
    queue = enqueueTick(queue, tick(2, true), 'b');
    queue = enqueueTick(queue, { ...tick(1, false), seenChecked: true }, 'c');
    expect(queue.map((q) => q.id)).toEqual(['b']);
    queue = enqueueTick(queue, tick(3, true, { list: 'todos' }), 'd');
    queue = enqueueTick(queue, tick(2, true), 'e');
    expect(queue.map((q) => [q.id, q.list, q.itemId, (q as QueuedTick).checked])).toEqual([
      ['b', 'packing', 2, true],
      ['d', 'todos', 3, true],
    ]);
  });
});

describe('withQueuedChanges', () => {
  it('applies the queue to its own list and trip only, and returns the same object when nothing changes', () => {
    const data = { items: [{ id: 1, checked: false }, { id: 2, checked: false }] };
    const queue = [{ ...tick(1, true), id: 'a' }, { ...tick(2, true, { tripId: 9 }), id: 'b' }, { ...tick(2, true, { list: 'todos' }), id: 'c' }];
    expect(withQueuedChanges(data, queue, 'packing', 1).items).toEqual([{ id: 1, checked: true }, { id: 2, checked: false }]);
    expect(withQueuedChanges(data, queue, 'packing', 5)).toBe(data);
    const already = { items: [{ id: 1, checked: true }] };
    expect(withQueuedChanges(already, queue, 'packing', 1)).toBe(already);
  });
});

const edit = (itemId: number, changes: QueuedEdit['changes'], extra: Partial<QueuedEdit> = {}): Omit<QueuedEdit, 'id' | 'kind'> => ({
  list: 'todos',
  tripId: 1,
  itemId,
  name: `to-do ${itemId}`,
  changes,
  ...extra,
});

describe('to-do edits', () => {
  it('merge into the first edit of the same to-do (its place and version stay), apart from ticks of it', () => {
    let queue = enqueueEdit([], edit(1, { name: 'Ferry' }, { seenUpdatedAt: 'v1' }), 'a');
    queue = enqueueTick(queue, tick(1, true, { list: 'todos' }), 'b');
    queue = enqueueEdit(queue, edit(1, { dueDate: '2027-02-01' }, { seenUpdatedAt: 'v2' }), 'c');
    expect(queue).toEqual([
      { ...edit(1, { name: 'Ferry', dueDate: '2027-02-01' }, { seenUpdatedAt: 'v1' }), kind: 'edit', id: 'a' },
      { ...tick(1, true, { list: 'todos' }), id: 'b' },
    ]);
  });

  it('show over the list in queue order, with the assignee’s name, and leave other trips alone', () => {
    const data = { items: [{ id: 1, checked: false, name: 'Tickets', dueDate: null, assignedUserId: null, assignedUser: null }] };
    const ana = { userId: 4, username: '', displayName: 'Ana' };
    const queue = [
      { ...edit(1, { name: 'Ferry tickets', assignedUserId: 4 }, { assignedUser: ana }), kind: 'edit' as const, id: 'a' },
      { ...tick(1, true, { list: 'todos' }), id: 'b' },
      { ...edit(1, { dueDate: '2027-02-01' }), kind: 'edit' as const, id: 'c' },
    ];
    expect(withQueuedChanges(data, queue, 'todos', 1).items).toEqual([{ id: 1, checked: true, name: 'Ferry tickets', dueDate: '2027-02-01', assignedUserId: 4, assignedUser: ana }]);
    expect(withQueuedChanges(data, queue, 'todos', 2)).toBe(data);
  });

  it('are sent unless every changed field is already as wanted, and a deleted to-do is reported', () => {
    const queued = { ...edit(1, { name: 'Ferry', dueDate: null, priority: 0 }), kind: 'edit' as const, id: 'a' };
    expect(planEdit(queued, { id: 1, checked: false, name: 'Tickets', dueDate: null, priority: 0 })).toBe('send');
    expect(planEdit(queued, { id: 1, checked: false, name: 'Ferry', dueDate: null, priority: 0 })).toBe('skip');
    expect(planEdit(queued, undefined)).toBe('deleted');
  });
});

describe('planTick', () => {
  it('sends a change, skips one someone else already made, reports a deleted item', () => {
    const queued = { ...tick(1, true), id: 'a' };
    expect(planTick(queued, { id: 1, checked: false })).toBe('send');
    expect(planTick(queued, { id: 1, checked: true })).toBe('skip');
    expect(planTick(queued, undefined)).toBe('deleted');
  });
});

describe('OfflineStore', () => {
  it('survives a reload, keeps each user apart, and turns a failed tick into a conflict until dismissed', () => {
    const anna = new OfflineStore(7);
    let notified = 0;
    anna.subscribe(() => notified++);
    anna.addTick(tick(1, true));
    anna.addTick(tick(2, true));
    expect(notified).toBe(2);

    const reloaded = new OfflineStore(7);
    expect(reloaded.get().queue.map((q) => q.itemId)).toEqual([1, 2]);
    expect(new OfflineStore(8).get().queue).toEqual([]);

    const [first, second] = reloaded.get().queue;
    reloaded.settle(first.id);
    reloaded.settle(second.id, { list: 'packing', name: 'item 2', reason: 'deleted' });
    expect(reloaded.get().queue).toEqual([]);
    expect(new OfflineStore(7).get().conflicts).toEqual([{ id: second.id, list: 'packing', name: 'item 2', reason: 'deleted' }]);
    reloaded.dismiss(second.id);
    expect(new OfflineStore(7).get().conflicts).toEqual([]);
  });

  it('reads a damaged entry as empty rather than failing the page', () => {
    memory.set('waymark:offline:7:queue', '{not json');
    expect(new OfflineStore(7).get().queue).toEqual([]);
  });
});

describe('versions and changed-meanwhile conflicts', () => {
  it('replacing a tick keeps its first version; a changed conflict keeps what "Apply mine anyway" sends until resolved', () => {
    const first = enqueueTick([], tick(1, true, { seenChecked: false, seenUpdatedAt: 'v1', name: 'socks' }), 'a');
    const again = enqueueTick(first, tick(1, true, { seenChecked: true, seenUpdatedAt: 'v2', name: 'wool socks' }), 'b');
    expect(again).toEqual([{ ...first[0], name: 'wool socks' }]);
    expect(again[0].seenUpdatedAt).toBe('v1');

    const store = new OfflineStore(9);
    store.addTick(tick(1, true, { seenUpdatedAt: 'v1', name: 'socks' }));
    const [queued] = store.get().queue;
    store.settle(queued.id, { list: 'packing', name: 'socks', reason: 'changed', retry: { tripId: 1, itemId: 1, checked: true } });
    expect(new OfflineStore(9).get().conflicts).toEqual([{ id: queued.id, list: 'packing', name: 'socks', reason: 'changed', retry: { tripId: 1, itemId: 1, checked: true } }]);
    store.resolve(queued.id, { list: 'packing', name: 'socks', reason: 'refused', message: 'no' });
    expect(store.get().conflicts).toEqual([{ id: queued.id, list: 'packing', name: 'socks', reason: 'refused', message: 'no' }]);
    store.resolve(queued.id);
    expect(new OfflineStore(9).get()).toEqual({ queue: [], conflicts: [] });
  });

  it('a change sent moves the version later changes of the same item expect, and only theirs', () => {
    const store = new OfflineStore(10);
    store.addTick(tick(1, true, { list: 'todos', seenUpdatedAt: 'v1' }));
    store.addEdit(edit(1, { name: 'Ferry' }, { seenUpdatedAt: 'v1' }));
    store.addEdit(edit(2, { name: 'Bus' }, { seenUpdatedAt: 'v1' }));
    store.advance('todos', 1, 'v1', 'v2');
    expect(new OfflineStore(10).get().queue.map((q) => [q.itemId, q.seenUpdatedAt])).toEqual([
      [1, 'v2'],
      [1, 'v2'],
      [2, 'v1'],
    ]);
  });
});

describe('to-dos created and deleted offline', () => {
  const create = (itemId: number, name: string, id: string): QueuedCreate => ({ id, kind: 'create', list: 'todos', tripId: 1, itemId, name, changes: { name }, requestId: `r-${id}` });
  const todo = (id: number, name: string) => ({ id, name, checked: false, updatedAt: 'v1' });

  it('a created to-do is listed at the end, with later edits folded into its create and ticks kept to follow it', () => {
    let queue: QueuedChange[] = [create(-5, 'Visa', 'a')];
    queue = enqueueEdit(queue, edit(-5, { name: 'Visa for Ben', dueDate: '2027-02-01' }), 'b');
    queue = enqueueTick(queue, tick(-5, true, { list: 'todos' }), 'c');
    expect(queue.map((q) => [q.id, q.kind ?? 'tick'])).toEqual([
      ['a', 'create'],
      ['c', 'tick'],
    ]);
    expect((queue[0] as QueuedCreate).changes).toEqual({ name: 'Visa for Ben', dueDate: '2027-02-01' });
    const shown = withQueuedChanges({ items: [todo(1, 'Tickets')] }, queue, 'todos', 1).items as unknown as Record<string, unknown>[];
    expect(shown.map((i) => [i.id, i.name, i.dueDate ?? null, i.checked])).toEqual([
      [1, 'Tickets', null, false],
      [-5, 'Visa for Ben', '2027-02-01', true],
    ]);
    // an answer that already carries it (our own overlay) does not list it twice
    const again = withQueuedChanges({ items: shown as unknown as ListItem[] }, queue, 'todos', 1);
    expect(again.items.map((i) => i.id)).toEqual([1, -5]);
  });

  it('once created, the changes of it name the server id and version; the create leaves the queue', () => {
    const queue = enqueueTick([create(-5, 'Visa', 'a')], tick(-5, true, { list: 'todos' }), 'c');
    expect(afterCreate(queue, queue[0] as QueuedCreate, 42, 'v9')).toEqual([{ ...tick(-5, true, { list: 'todos' }), itemId: 42, seenUpdatedAt: 'v9', id: 'c' }]);
  });

  it('deleting a to-do hides it and drops its queued changes; deleting one not created yet forgets it entirely', () => {
    let queue = enqueueEdit([], edit(1, { name: 'Ferry' }, { seenUpdatedAt: 'v1' }), 'a');
    queue = enqueueTick(queue, tick(1, true, { list: 'todos' }), 'b');
    queue = enqueueTick(queue, tick(2, true, { list: 'todos' }), 'c');
    queue = enqueueDelete(queue, { list: 'todos', tripId: 1, itemId: 1, name: 'Tickets', seenUpdatedAt: 'v1' }, 'd');
    expect(queue.map((q) => [q.id, q.itemId, q.kind ?? 'tick'])).toEqual([
      ['c', 2, 'tick'],
      ['d', 1, 'delete'],
    ]);
    expect(withQueuedChanges({ items: [todo(1, 'Tickets'), todo(2, 'Visa')] }, queue, 'todos', 1).items.map((i) => i.id)).toEqual([2]);

    const created = enqueueTick([create(-5, 'Visa', 'x')], tick(-5, true, { list: 'todos' }), 'y');
    expect(enqueueDelete(created, { list: 'todos', tripId: 1, itemId: -5, name: 'Visa' }, 'z')).toEqual([]);
  });

  it('a deletion of a to-do already gone is simply done', () => {
    expect(planDelete(undefined)).toBe('skip');
    expect(planDelete(todo(1, 'Tickets'))).toBe('send');
  });
});

describe('packing item edits', () => {
  it('merge per list and item (a to-do and a packing item with the same id stay apart) and show the new name and quantity', () => {
    let queue = enqueueEdit([], edit(1, { name: 'Wool socks' }, { list: 'packing', seenUpdatedAt: 'v1' }), 'a');
    queue = enqueueEdit(queue, edit(1, { name: 'Tickets' }), 'b');
    queue = enqueueEdit(queue, edit(1, { quantity: 3 }, { list: 'packing', seenUpdatedAt: 'v2' }), 'c');
    expect(queue.map((q) => [q.id, q.list, (q as QueuedEdit).changes, q.seenUpdatedAt])).toEqual([
      ['a', 'packing', { name: 'Wool socks', quantity: 3 }, 'v1'],
      ['b', 'todos', { name: 'Tickets' }, undefined],
    ]);
    const shown = withQueuedChanges({ items: [{ id: 1, checked: false, name: 'Socks', quantity: 1 }] }, queue, 'packing', 1);
    expect(shown.items).toEqual([{ id: 1, checked: false, name: 'Wool socks', quantity: 3 }]);
    expect(planEdit(queue[0] as QueuedEdit, { id: 1, checked: false, name: 'Wool socks', quantity: 3 })).toBe('skip');
    expect(planEdit(queue[0] as QueuedEdit, { id: 1, checked: false, name: 'Wool socks', quantity: 2 })).toBe('send');
  });
});

/**
 * The server as the replay meets it over HTTP (tRPC's httpLink wire format): one trip's to-dos and packing items, each
 * write bumping the item's version and refused with CONFLICT when `expectedUpdatedAt` is not the current one. Counts the
 * requests per procedure.
 */
function fakeServer(lists: Record<'todos' | 'packing', { id: number; name: string; checked: boolean; updatedAt: string; quantity?: number }[]>) {
  const calls: Record<string, number> = {};
  let version = 1;
  const answer = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  const write = (list: 'todos' | 'packing', input: { itemId: number; expectedUpdatedAt?: string }, change: (item: (typeof lists)['todos'][number]) => void) => {
    const item = lists[list].find((i) => i.id === input.itemId);
    if (!item) return answer(404, { error: { message: 'not found', code: -32004, data: { code: 'NOT_FOUND', httpStatus: 404 } } });
    if (input.expectedUpdatedAt !== undefined && input.expectedUpdatedAt !== item.updatedAt) {
      return answer(409, { error: { message: 'changed meanwhile', code: -32009, data: { code: 'CONFLICT', httpStatus: 409 } } });
    }
    change(item);
    item.updatedAt = `v${++version}`;
    return answer(200, { result: { data: { item } } });
  };
  // what a write changes: its input without the target and the version
  const fieldsOf = ({ tripId, itemId, expectedUpdatedAt, ...fields }: Record<string, unknown>) => fields;
  const fetch = async (url: string | URL | Request, init?: RequestInit) => {
    const { pathname, searchParams } = new URL(String(url));
    const procedure = pathname.split('/').pop()!;
    calls[procedure] = (calls[procedure] ?? 0) + 1;
    const input = JSON.parse(init?.method === 'POST' ? String(init.body) : (searchParams.get('input') ?? '{}'));
    switch (procedure) {
      case 'todos.listTodos':
        return answer(200, { result: { data: { items: lists.todos, assignees: {} } } });
      case 'packing.listPackingItems':
        return answer(200, { result: { data: { items: lists.packing, assignees: {} } } });
      case 'todos.createTodo': {
        const item = { id: 100 + lists.todos.length, name: input.name, checked: false, updatedAt: `v${++version}` };
        lists.todos.push(item);
        return answer(200, { result: { data: { item } } });
      }
      case 'todos.deleteTodo':
        return write('todos', input, (item) => lists.todos.splice(lists.todos.indexOf(item), 1));
      case 'todos.toggleTodo':
      case 'todos.updateTodo':
        return write('todos', input, (item) => Object.assign(item, fieldsOf(input)));
      case 'packing.togglePackingItem':
      case 'packing.updatePackingItem':
        return write('packing', input, (item) => Object.assign(item, fieldsOf(input)));
    }
    return answer(404, { error: { message: `no procedure ${procedure}`, code: -32004, data: { code: 'NOT_FOUND', httpStatus: 404 } } });
  };
  return { lists, calls, client: createTRPCClient<AppRouter>({ links: [httpLink({ url: 'http://waymark.test/api/trpc', fetch })] }) };
}

describe('replay on reconnect', () => {
  const row = (id: number, name: string, extra = {}) => ({ id, name, checked: false, updatedAt: 'v1', ...extra });

  it('fetches each list once per round however many changes it has, and still sends every one of them', async () => {
    const server = fakeServer({ todos: [row(1, 'Tickets'), row(2, 'Visa'), row(3, 'Ferry')], packing: [row(1, 'Socks', { quantity: 1 }), row(2, 'Charger', { quantity: 1 })] });
    const store = new OfflineStore(11);
    store.addEdit(edit(1, { name: 'Train tickets' }, { seenUpdatedAt: 'v1' }));
    store.addTick(tick(2, true, { list: 'todos', seenUpdatedAt: 'v1' }));
    store.addTick(tick(1, true, { seenUpdatedAt: 'v1' }));
    // made against the version the user saw: the edit just sent moves it on
    store.addTick(tick(1, true, { list: 'todos', seenUpdatedAt: 'v1' }));
    const visa = store.addCreate({ list: 'todos', tripId: 1, changes: { name: 'Visa for Ben' } });
    // a tick of a to-do the round itself creates: found in the round's list although it was fetched before
    store.addTick(tick(visa, true, { list: 'todos' }));
    store.addDelete({ list: 'todos', tripId: 1, itemId: 3, name: 'Ferry', seenUpdatedAt: 'v1' });
    store.addEdit(edit(2, { quantity: 3 }, { list: 'packing', seenUpdatedAt: 'v1' }));

    const round = newReplayRound();
    await replayQueue(store, server.client, round, () => {});

    expect(server.calls['todos.listTodos']).toBe(1);
    expect(server.calls['packing.listPackingItems']).toBe(1);
    expect(store.get()).toEqual({ queue: [], conflicts: [] });
    expect(server.lists.todos.map((t) => [t.name, t.checked])).toEqual([
      ['Train tickets', true],
      ['Visa', true],
      ['Visa for Ben', true],
    ]);
    expect(server.lists.packing.map((p) => [p.name, p.checked, p.quantity])).toEqual([
      ['Socks', true, 1],
      ['Charger', false, 3],
    ]);
    expect(round).toMatchObject({ touched: new Set(['todos', 'packing']), unreachable: false });
  });
});

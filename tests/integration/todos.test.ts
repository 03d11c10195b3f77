// To-dos through real HTTP and a real database: assignee changes are their own event naming the new and previous
// assignee, null clears fields, assignees must be on the trip, and a trip copy starts with every to-do open and
// unassigned.
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../helpers/server';
import { procedureSuite, type TestUser } from '../helpers/procedure-suite';
import { expectTrpcError } from '../helpers/users';

const suite = procedureSuite([{ displayName: 'Anna' }, { displayName: 'Ben' }, { displayName: 'Dora' }]);
const { tripEvents } = suite;
let server: TestServer;
let anna: TestUser, ben: TestUser, dora: TestUser;
beforeAll(() => {
  ({ server, users: [anna, ben, dora] } = suite);
});

async function setup() {
  const { trip } = await anna.trpc.trips.createTrip.mutate({ title: 'Rome' });
  await anna.trpc.members.addTripMember.mutate({ tripId: trip.id, identifier: ben.user.email });
  suite.clearEvents();
  return trip.id;
}

describe('to-do assignees', () => {
  it('assigning, reassigning and unassigning each publish todo.assigned with the new and previous assignee', async () => {
    const tripId = await setup();
    const { item } = await anna.trpc.todos.createTodo.mutate({ tripId, name: 'Book flights', assignedUserId: ben.user.id, dueDate: '2027-03-01', priority: 2 });
    expect(item).toMatchObject({ assignedUserId: ben.user.id, assignedUser: { displayName: 'Ben' }, dueDate: '2027-03-01', priority: 2, checked: false });
    expect(tripEvents().map((e) => e.event)).toEqual(['todo.created', 'todo.assigned']);
    expect(tripEvents()[1].payload).toMatchObject({ assignedUserId: ben.user.id, previousUserId: null });

    suite.clearEvents();
    await anna.trpc.todos.updateTodo.mutate({ tripId, itemId: item.id, assignedUserId: anna.user.id });
    expect(tripEvents()).toMatchObject([{ event: 'todo.assigned', payload: { assignedUserId: anna.user.id, previousUserId: ben.user.id } }]);

    suite.clearEvents();
    const { item: cleared } = await anna.trpc.todos.updateTodo.mutate({ tripId, itemId: item.id, assignedUserId: null, dueDate: null, priority: null });
    expect(cleared).toMatchObject({ assignedUserId: null, assignedUser: null, dueDate: null, priority: 0, name: 'Book flights' });
    expect(tripEvents()).toMatchObject([{ event: 'todo.assigned', payload: { assignedUserId: null, previousUserId: anna.user.id } }]);

    suite.clearEvents();
    await anna.trpc.todos.updateTodo.mutate({ tripId, itemId: item.id, name: 'Book flights to Rome' });
    expect(tripEvents().map((e) => e.event)).toEqual(['todo.updated']);
  });

  it('someone not on the trip cannot be assigned; nothing is written', async () => {
    const tripId = await setup();
    const error = await expectTrpcError(anna.trpc.todos.createTodo.mutate({ tripId, name: 'Visa', assignedUserId: dora.user.id }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.data?.i18n?.key).toBe('errors.participantNotMember');
    expect(await server.services.db.todo.count({ where: { tripId } })).toBe(0);
    expect(tripEvents()).toEqual([]);
  });

  it('a category can be cleared with null (the original could not)', async () => {
    const tripId = await setup();
    const { item } = await anna.trpc.todos.createTodo.mutate({ tripId, name: 'Insurance', category: 'Documents' });
    const { item: updated } = await anna.trpc.todos.updateTodo.mutate({ tripId, itemId: item.id, category: null });
    expect(updated.category).toBeNull();
  });
});

describe('trip copy', () => {
  it('copies every to-do open and unassigned, in order', async () => {
    const tripId = await setup();
    const { item: first } = await anna.trpc.todos.createTodo.mutate({ tripId, name: 'Passports', assignedUserId: ben.user.id, category: 'Documents' });
    await anna.trpc.todos.createTodo.mutate({ tripId, name: 'Plants', description: 'Ask the neighbours' });
    await anna.trpc.todos.toggleTodo.mutate({ tripId, itemId: first.id, checked: true });
    await anna.trpc.todos.setTodoCategoryAssignees.mutate({ tripId, categoryName: 'Documents', userIds: [ben.user.id] });
    const { trip: copy } = await anna.trpc.trips.copyTrip.mutate({ tripId });
    const { items, assignees } = await anna.trpc.todos.listTodos.query({ tripId: copy.id });
    expect(items).toMatchObject([
      { name: 'Passports', checked: false, assignedUserId: null, category: 'Documents' },
      { name: 'Plants', checked: false, description: 'Ask the neighbours' },
    ]);
    expect(assignees).toEqual({});
  });
});

// To-do rows → the JSON both doors return, and the lookup that keeps an id inside its trip.
import type { Prisma, Todo, User } from '~/generated/prisma/client';
import { toIsoDate } from '~/domain/dates';
import { publicUserSelect } from '~/trpc/shape';
import { lastChangeSelect, writeIfUnchanged } from '~/offline/versions.server';
import { notInTrip, type DbLike } from '../trip-data.server';

type PublicUser = Pick<User, 'id' | 'username' | 'displayName'>;
const person = (u: PublicUser) => ({ userId: u.id, username: u.username, displayName: u.displayName });
export type TodoPerson = ReturnType<typeof person>;

export const todoInclude = { assignedUser: { select: publicUserSelect } } as const;

export function todoJson(todo: Todo & { assignedUser: PublicUser | null }) {
  return {
    id: todo.id,
    tripId: todo.tripId,
    name: todo.name,
    description: todo.description,
    category: todo.category,
    dueDate: todo.dueDate ? toIsoDate(todo.dueDate) : null,
    assignedUserId: todo.assignedUserId,
    assignedUser: todo.assignedUser ? person(todo.assignedUser) : null,
    priority: todo.priority,
    checked: todo.checked,
    position: todo.position,
    /** the version a tick can be made against (`expectedUpdatedAt`) */
    updatedAt: todo.updatedAt.toISOString(),
  };
}
export type TodoJson = ReturnType<typeof todoJson>;

export const todoOrder = [{ position: 'asc' }, { id: 'asc' }] as const;

export async function loadTodos(db: DbLike, tripId: number) {
  return (await db.todo.findMany({ where: { tripId }, include: todoInclude, orderBy: [...todoOrder] })).map(todoJson);
}

export async function findTodo(db: DbLike, tripId: number, itemId: number) {
  const todo = await db.todo.findFirst({ where: { id: itemId, tripId }, include: todoInclude });
  if (!todo) throw notInTrip('To-do', itemId, tripId);
  return todo;
}

/** Writes `data` to the to-do only while it is still at `expected` (omitted: always); see `writeIfUnchanged`. */
export function updateTodoIfUnchanged(db: DbLike, todo: Pick<Todo, 'id' | 'name'>, expected: string | undefined, data: Prisma.TodoUncheckedUpdateManyInput) {
  const where = { id: todo.id };
  return writeIfUnchanged(expected, todo.name, {
    conditional: (updatedAt) => db.todo.updateMany({ where: { ...where, updatedAt }, data }),
    write: () => db.todo.update({ where, data, include: todoInclude }),
    read: () => db.todo.findUniqueOrThrow({ where, include: todoInclude }),
    lastChange: () => lastTodoChange(db, todo.id),
  });
}

/** Deletes the to-do only while it is still at `expected` (omitted: always); see `writeIfUnchanged`. */
export async function deleteTodoIfUnchanged(db: DbLike, todo: Pick<Todo, 'id' | 'name'>, expected: string | undefined) {
  const where = { id: todo.id };
  await writeIfUnchanged(expected, todo.name, {
    conditional: (updatedAt) => db.todo.deleteMany({ where: { ...where, updatedAt } }),
    write: () => db.todo.delete({ where }),
    read: async () => null,
    lastChange: () => lastTodoChange(db, todo.id),
  });
}

const lastTodoChange = (db: DbLike, id: number) => db.todo.findUnique({ where: { id }, select: lastChangeSelect });

/** The to-do an offline create with this request id already made in this trip, if any. */
export async function findCreated(db: DbLike, tripId: number, clientRequestId: string | undefined) {
  return clientRequestId ? db.todo.findUnique({ where: { tripId_clientRequestId: { tripId, clientRequestId } }, include: todoInclude }) : null;
}

export async function findCreatedOrThrow(db: DbLike, tripId: number, clientRequestId: string | undefined) {
  const todo = await findCreated(db, tripId, clientRequestId);
  if (!todo) throw new Error('a to-do create collided on its request id but no such to-do exists');
  return todo;
}

/** category → the people responsible for it. */
export async function loadTodoAssignees(db: DbLike, tripId: number) {
  const rows = await db.todoCategoryAssignee.findMany({ where: { tripId }, include: { user: { select: publicUserSelect } }, orderBy: [{ category: 'asc' }, { userId: 'asc' }] });
  const assignees: Record<string, TodoPerson[]> = {};
  for (const row of rows) (assignees[row.category] ??= []).push(person(row.user));
  return assignees;
}

/** For the trip summary: the open to-dos in list order (with how many are overdue as of `today`, YYYY-MM-DD). */
export async function openTodosSummary(db: DbLike, tripId: number, today: string) {
  const open = (await db.todo.findMany({ where: { tripId, checked: false }, include: todoInclude, orderBy: [...todoOrder] })).map(todoJson);
  const done = await db.todo.count({ where: { tripId, checked: true } });
  return { open: open.length, done, overdue: open.filter((t) => t.dueDate !== null && t.dueDate < today).length, items: open };
}

// To-dos: items with a title, optional description, due date, assignee, category and priority; done state; order; and
// the people responsible for each category. Unlike the tools agents know from elsewhere, a category can be cleared
// (null), reordering checks every id, and an assignee must be on the trip.
import { z } from 'zod';
import { router, tripMemberProcedure } from '~/trpc/init';
import { id, idList, isoDate, text, title } from '~/trpc/schemas';
import { fromIsoDate } from '~/domain/dates';
import { tripChannel } from '~/realtime/channels';
import { notInTrip } from '../trip-data.server';
import { checkTripPeople } from '../trip-data.server';
import { reorderChanges } from '~/domain/ordering';
import { todoEvents } from './events';
import {
  deleteTodoIfUnchanged,
  findCreated,
  findCreatedOrThrow,
  findTodo,
  loadTodoAssignees,
  loadTodos,
  todoInclude,
  todoJson,
  todoOrder,
  updateTodoIfUnchanged,
} from './todos-data.server';
import { CATEGORY_MAX, DESCRIPTION_MAX, NAME_MAX } from './rules';
import { notify } from '../notifications/notify.server';
import { clientRequestId, expectedUpdatedAt, isUniqueViolation } from '~/offline/versions.server';

/** Where an assignment notification leads: the trip's To-dos tab. */
const todosLink = (tripId: number) => `/trips/${tripId}?tab=todos`;

const category = title(CATEGORY_MAX);
const priority = z.number({ error: 'must be 0 (none), 1 (low), 2 (medium) or 3 (high)' }).int('must be a whole number').min(0, 'must be 0 (none), 1 (low), 2 (medium) or 3 (high)').max(3, 'must be 0 (none), 1 (low), 2 (medium) or 3 (high)');
const itemIdInput = { itemId: id('to-do') };
const fields = {
  category: category.nullish(),
  dueDate: isoDate.nullish(),
  description: text(DESCRIPTION_MAX).nullish(),
  assignedUserId: id('user').nullish(),
  priority: priority.nullish(),
};

const READ = { scope: 'todos:read', addon: 'lists' } as const;
const WRITE = { scope: 'todos:write', addon: 'lists' } as const;
const dateOrNull = (d: string | null | undefined) => (d === undefined ? undefined : d ? fromIsoDate(d) : null);
const blankToNull = (s: string | null | undefined) => (s === undefined ? undefined : s?.trim() ? s.trim() : null);

export const todosRouter = router({
  listTodos: tripMemberProcedure
    .meta({
      ...READ,
      mcp: {
        name: 'list_todos',
        kind: 'read',
        description:
          'The trip’s to-dos in list order: items {id, name, description, category, dueDate, assignedUserId, assignedUser, priority (0 none … 3 high), checked (done), position}, and assignees: category → the people responsible for it.',
        resource: { uri: 'waymark://trips/{tripId}/todos', name: 'trip-todos', description: 'The to-dos of a trip' },
      },
    })
    .query(async ({ ctx, input }) => ({ items: await loadTodos(ctx.db, input.tripId), assignees: await loadTodoAssignees(ctx.db, input.tripId) })),

  createTodo: tripMemberProcedure
    .meta({
      ...WRITE,
      mcp: {
        name: 'create_todo',
        kind: 'write',
        description:
          'Add a to-do at the end of the list, not done: name, and optional category, dueDate (YYYY-MM-DD), description, assignedUserId (someone on the trip), priority 0–3. Optional clientRequestId: sent again with the same id, it answers the to-do already made instead of adding a second one.',
      },
    })
    .input(z.object({ name: title(NAME_MAX), ...fields, clientRequestId }))
    .mutation(async ({ ctx, input }) => {
      // a create sent again (its first answer was lost) answers the to-do it already made
      const made = await findCreated(ctx.db, input.tripId, input.clientRequestId);
      if (made) return { item: todoJson(made) };
      if (input.assignedUserId) await checkTripPeople(ctx.db, input.tripId, [input.assignedUserId]);
      const last = await ctx.db.todo.aggregate({ where: { tripId: input.tripId }, _max: { position: true } });
      const created = await ctx.db.todo
        .create({
          data: {
            tripId: input.tripId,
            name: input.name,
            category: input.category ?? null,
            dueDate: dateOrNull(input.dueDate) ?? null,
            description: blankToNull(input.description) ?? null,
            assignedUserId: input.assignedUserId ?? null,
            priority: input.priority ?? 0,
            position: (last._max.position ?? -1) + 1,
            updatedById: ctx.actor.user.id,
            clientRequestId: input.clientRequestId ?? null,
          },
          include: todoInclude,
        })
        .catch((error: unknown) => (isUniqueViolation(error) ? null : Promise.reject(error)));
      // null: the same create, sent twice at once, was made by the other send
      if (!created) return { item: todoJson(await findCreatedOrThrow(ctx.db, input.tripId, input.clientRequestId)) };
      const item = todoJson(created);
      ctx.emit(tripChannel(input.tripId), todoEvents.make('todo.created', { item }));
      if (item.assignedUserId) {
        ctx.emit(tripChannel(input.tripId), todoEvents.make('todo.assigned', { item, assignedUserId: item.assignedUserId, previousUserId: null }));
        await notify(ctx, { recipients: [item.assignedUserId], type: 'assigned', tripId: input.tripId, params: { item: item.name }, link: todosLink(input.tripId) });
      }
      return { item };
    }),

  updateTodo: tripMemberProcedure
    .meta({
      ...WRITE,
      mcp: {
        name: 'update_todo',
        kind: 'idempotent',
        description:
          'Change a to-do; only the fields you send change. null clears category, dueDate, description or assignedUserId; null priority means 0 (none). Optional expectedUpdatedAt (the to-do’s updatedAt as read): if it changed since, CONFLICT naming who changed it, and nothing changes.',
      },
    })
    .input(z.object({ ...itemIdInput, name: title(NAME_MAX).optional(), ...fields, expectedUpdatedAt }))
    .mutation(async ({ ctx, input }) => {
      const current = await findTodo(ctx.db, input.tripId, input.itemId);
      if (input.assignedUserId) await checkTripPeople(ctx.db, input.tripId, [input.assignedUserId]);
      const data = {
        name: input.name,
        category: input.category,
        dueDate: dateOrNull(input.dueDate),
        description: blankToNull(input.description),
        assignedUserId: input.assignedUserId,
        priority: input.priority === undefined ? undefined : (input.priority ?? 0),
        updatedById: ctx.actor.user.id,
      };
      const item = todoJson(await updateTodoIfUnchanged(ctx.db, current, input.expectedUpdatedAt, data));
      const channel = tripChannel(input.tripId);
      if (input.assignedUserId !== undefined && item.assignedUserId !== current.assignedUserId) {
        ctx.emit(channel, todoEvents.make('todo.assigned', { item, assignedUserId: item.assignedUserId, previousUserId: current.assignedUserId }));
        if (item.assignedUserId) {
          await notify(ctx, { recipients: [item.assignedUserId], type: 'assigned', tripId: input.tripId, params: { item: item.name }, link: todosLink(input.tripId) });
        }
      } else {
        ctx.emit(channel, todoEvents.make('todo.updated', { item }));
      }
      return { item };
    }),

  toggleTodo: tripMemberProcedure
    .meta({ ...WRITE, mcp: { name: 'toggle_todo', kind: 'idempotent', description: 'Mark a to-do done (checked: true) or open again (false).' } })
    .input(z.object({ ...itemIdInput, checked: z.boolean({ error: 'must be true or false' }), expectedUpdatedAt }))
    .mutation(async ({ ctx, input }) => {
      const current = await findTodo(ctx.db, input.tripId, input.itemId);
      const data = { checked: input.checked, updatedById: ctx.actor.user.id };
      const item = todoJson(await updateTodoIfUnchanged(ctx.db, current, input.expectedUpdatedAt, data));
      ctx.emit(tripChannel(input.tripId), todoEvents.make('todo.toggled', { item }));
      return { item };
    }),

  deleteTodo: tripMemberProcedure
    .meta({
      ...WRITE,
      mcp: {
        name: 'delete_todo',
        kind: 'destructive',
        description: 'Delete a to-do. Optional expectedUpdatedAt (the to-do’s updatedAt as read): if it changed since, CONFLICT naming who changed it, and nothing is deleted.',
      },
    })
    .input(z.object({ ...itemIdInput, expectedUpdatedAt }))
    .mutation(async ({ ctx, input }) => {
      const current = await findTodo(ctx.db, input.tripId, input.itemId);
      await deleteTodoIfUnchanged(ctx.db, current, input.expectedUpdatedAt);
      ctx.emit(tripChannel(input.tripId), todoEvents.make('todo.deleted', { itemId: input.itemId, name: current.name }));
      return { deleted: true as const, itemId: input.itemId };
    }),

  reorderTodos: tripMemberProcedure
    .meta({
      ...WRITE,
      mcp: {
        name: 'reorder_todos',
        kind: 'idempotent',
        description: 'Put to-dos in this order: the listed ids first, in the given order, then the others as they were. Every id must be a to-do of this trip (else NOT_FOUND, nothing changes).',
      },
    })
    .input(z.object({ orderedIds: idList('to-do').min(1, 'must list at least one to-do') }))
    .mutation(async ({ ctx, input }) => {
      const current = await ctx.db.todo.findMany({ where: { tripId: input.tripId }, orderBy: [...todoOrder], select: { id: true, position: true } });
      const known = new Set(current.map((i) => i.id));
      const unknown = input.orderedIds.find((i) => !known.has(i));
      if (unknown !== undefined) throw notInTrip('To-do', unknown, input.tripId);
      const { order, changes } = reorderChanges(current, input.orderedIds);
      await ctx.db.$transaction(async (tx) => {
        for (const change of changes) await tx.todo.update({ where: { id: change.id }, data: { position: change.position, updatedById: ctx.actor.user.id } });
      });
      ctx.emit(tripChannel(input.tripId), todoEvents.make('todo.reordered', { order }));
      return { order };
    }),

  getTodoCategoryAssignees: tripMemberProcedure
    .meta({ ...READ, mcp: { name: 'get_todo_category_assignees', kind: 'read', description: 'Who is responsible for which to-do category: assignees: {<category>: [{userId, username, displayName}]}.' } })
    .query(async ({ ctx, input }) => ({ assignees: await loadTodoAssignees(ctx.db, input.tripId) })),

  setTodoCategoryAssignees: tripMemberProcedure
    .meta({
      ...WRITE,
      mcp: {
        name: 'set_todo_category_assignees',
        kind: 'idempotent',
        description: 'Replace the people responsible for a to-do category (userIds must be on the trip; [] clears). Answers the category’s assignees and who was added and removed.',
      },
    })
    .input(z.object({ categoryName: category, userIds: idList('user') }))
    .mutation(async ({ ctx, input }) => {
      const userIds = [...new Set(input.userIds)];
      await checkTripPeople(ctx.db, input.tripId, userIds);
      const where = { tripId: input.tripId, category: input.categoryName };
      const before = (await ctx.db.todoCategoryAssignee.findMany({ where, select: { userId: true } })).map((r) => r.userId);
      await ctx.db.$transaction([ctx.db.todoCategoryAssignee.deleteMany({ where }), ctx.db.todoCategoryAssignee.createMany({ data: userIds.map((userId) => ({ ...where, userId })) })]);
      const assignees = (await loadTodoAssignees(ctx.db, input.tripId))[input.categoryName] ?? [];
      const change = { addedUserIds: userIds.filter((u) => !before.includes(u)), removedUserIds: before.filter((u) => !userIds.includes(u)) };
      ctx.emit(tripChannel(input.tripId), todoEvents.make('todo.category.assignees.changed', { category: input.categoryName, assignees, ...change }));
      await notify(ctx, { recipients: change.addedUserIds, type: 'assigned', tripId: input.tripId, params: { item: input.categoryName }, link: todosLink(input.tripId) });
      return { category: input.categoryName, assignees, ...change };
    }),
});

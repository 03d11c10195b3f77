// Realtime events of to-dos, patched in place in the browser. An assignee change is its own event
// (todo.assigned, naming the new and the previous assignee) so whatever tells people "assigned to you" can listen
// for exactly that; ticking a to-do done shows no notice of its own beyond "done".
import type { inferRouterOutputs } from '@trpc/server';
import { cacheView, defineEvents, INVALIDATE, onView } from '~/realtime/events';
import { byPosition, tripSummaryView, upsert } from '../views';
import type { todosRouter } from './procedures.server';
import type { TodoJson, TodoPerson } from './todos-data.server';

type Outputs = inferRouterOutputs<typeof todosRouter>;
export type TodoList = Outputs['listTodos'];
export type TodoAssignees = Outputs['getTodoCategoryAssignees'];

export const todoListView = cacheView<TodoList>('todos.listTodos', 'trip');
export const todoAssigneesView = cacheView<TodoAssignees>('todos.getTodoCategoryAssignees', 'trip');

const refetchSummary = onView(tripSummaryView, (summary) => ('todos' in summary && summary.todos ? INVALIDATE : undefined));
const withItem = (list: TodoList, item: TodoJson): TodoList => ({ ...list, items: upsert(list.items, item, byPosition) });

function withAssignees<T extends { assignees: Record<string, TodoPerson[]> }>(data: T, category: string, people: TodoPerson[]): T {
  const assignees = { ...data.assignees };
  if (people.length) assignees[category] = people;
  else delete assignees[category];
  return { ...data, assignees };
}

export const todoEvents = defineEvents<{
  'todo.created': { item: TodoJson };
  'todo.updated': { item: TodoJson };
  'todo.assigned': { item: TodoJson; assignedUserId: number | null; previousUserId: number | null };
  'todo.toggled': { item: TodoJson };
  'todo.deleted': { itemId: number; name: string };
  'todo.reordered': { order: number[] };
  'todo.category.assignees.changed': { category: string; assignees: TodoPerson[]; addedUserIds: number[]; removedUserIds: number[] };
}>()({
  'todo.created': {
    views: [onView(todoListView, (list, p) => withItem(list, p.item)), refetchSummary],
    notice: (p) => ({ key: 'todos:notice.created', params: { name: p.item.name } }),
  },
  'todo.updated': {
    views: [onView(todoListView, (list, p) => withItem(list, p.item)), refetchSummary],
    notice: (p) => ({ key: 'todos:notice.updated', params: { name: p.item.name } }),
  },
  'todo.assigned': {
    views: [onView(todoListView, (list, p) => withItem(list, p.item)), refetchSummary],
    notice: (p) =>
      p.item.assignedUser
        ? { key: 'todos:notice.assigned', params: { name: p.item.name, person: p.item.assignedUser.displayName } }
        : { key: 'todos:notice.unassigned', params: { name: p.item.name } },
  },
  'todo.toggled': {
    views: [onView(todoListView, (list, p) => withItem(list, p.item)), refetchSummary],
    notice: (p) => (p.item.checked ? { key: 'todos:notice.done', params: { name: p.item.name } } : null),
  },
  'todo.deleted': {
    views: [onView(todoListView, (list, p) => ({ ...list, items: list.items.filter((i) => i.id !== p.itemId) })), refetchSummary],
    notice: (p) => ({ key: 'todos:notice.deleted', params: { name: p.name } }),
  },
  'todo.reordered': {
    views: [
      onView(todoListView, (list, p) => {
        const rank = new Map(p.order.map((id, i) => [id, i]));
        return { ...list, items: list.items.map((i) => ({ ...i, position: rank.get(i.id) ?? i.position })).sort(byPosition) };
      }),
    ],
    notice: () => null,
  },
  'todo.category.assignees.changed': {
    views: [
      onView(todoListView, (list, p) => withAssignees(list, p.category, p.assignees)),
      onView(todoAssigneesView, (data, p) => withAssignees(data, p.category, p.assignees)),
    ],
    notice: (p) => ({ key: 'todos:notice.assigneesChanged', params: { category: p.category } }),
  },
});

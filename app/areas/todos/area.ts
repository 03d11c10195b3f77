// To-dos (the "lists" addon, with packing): open and done, due dates, assignees, categories with the people responsible
// for them; a planner tab while the addon is on.
import { defineArea } from '../area';
import { todosRouter } from './procedures.server';
import { copyTodos } from './copy.server';
import { todoEvents } from './events';
import { TodosTab } from './TodosTab';

export const todosArea = defineArea({
  id: 'todos',
  router: todosRouter,
  namespaces: ['todos'],
  events: todoEvents,
  copy: copyTodos,
  notCopied: { TodoCategoryAssignee: 'who is responsible for a category names people of the original trip, who are not on the copy' },
  plannerTab: { id: 'todos', labelKey: 'todos:tab', addon: 'lists', Component: TodosTab },
});

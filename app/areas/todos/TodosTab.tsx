// The planner's To-dos tab: open and done to-dos, by due date (overdue ones highlighted) or in the list's own order
// (Alt+↑/↓ moves a to-do), assignee avatars, a "mine" filter, and the people responsible for each category.
import { useMemo, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorMessage, thenRefresh, useTRPC } from '~/utils/trpc';
import { Avatar, AvatarStack, Button, ConfirmDialog, DateField, Dialog, EmptyState, SelectField, Spinner, TabLoadError, TextAreaField, TextField } from '~/components/ui';
import { PeopleDialog, useMyUserId, type Person } from '../packing/lists-ui';
import { byDueDate, isOverdue, localToday, moveBy, type TodoFields } from './rules';
import type { TodoList } from './events';
import { useOfflineEdits, useOfflineState, useOfflineTicks, useOfflineTodoLifecycle } from '~/offline/ticks';
import { changedFields } from '~/offline/queue';

type Todo = TodoList['items'][number];
type Order = 'due' | 'own';

export function TodosTab({ tripId }: { tripId: number }) {
  const { t, i18n } = useTranslation('todos');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const formatDate = (date: string) => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
  const me = useMyUserId();
  const listKey = trpc.todos.listTodos.queryKey({ tripId });
  const list = useQuery(trpc.todos.listTodos.queryOptions({ tripId }));
  const summary = useQuery(trpc.trips.getTripSummary.queryOptions({ tripId }));
  const people: Person[] = useMemo(() => (summary.data?.members ?? []).map((m) => ({ id: m.id, displayName: m.displayName })), [summary.data]);
  const [mine, setMine] = useState(false);
  const [order, setOrder] = useState<Order>('due');
  const [editing, setEditing] = useState<Todo | null>(null);
  const [toDelete, setToDelete] = useState<Todo | null>(null);
  const [assigning, setAssigning] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.todos.pathKey() });
  const patchList = (fn: (l: TodoList) => TodoList) => queryClient.setQueryData<TodoList>(listKey, (l) => (l ? fn(l) : l));
  // The answer patches in only `checked`: a refetch arriving in between cannot undo the tick for good.
  const toggle = useMutation(
    trpc.todos.toggleTodo.mutationOptions({
      onSuccess: ({ item }) => patchList((l) => ({ ...l, items: l.items.map((i) => (i.id === item.id ? { ...i, checked: item.checked, updatedAt: item.updatedAt } : i)) })),
      onError: () => void refresh(),
    }),
  );
  const offline = useOfflineTicks('todos', tripId);
  // to-dos with a change waiting in the offline queue (shown with it applied, marked as not sent yet)
  const { queue } = useOfflineState();
  const pending = new Set(queue.filter((q) => q.list === 'todos' && q.tripId === tripId).map((q) => q.itemId));
  const reorder = useMutation(trpc.todos.reorderTodos.mutationOptions({ onError: () => void refresh() }));
  const remove = useMutation(
    trpc.todos.deleteTodo.mutationOptions(thenRefresh(() => setToDelete(null), refresh)),
  );
  const lifecycle = useOfflineTodoLifecycle(tripId);
  // Offline (or the server unreachable, or the to-do not created yet), the deletion waits in the offline queue.
  const confirmDelete = (todo: Todo) => {
    if (lifecycle.deleteIfOffline(todo)) return setToDelete(null);
    remove.mutate({ tripId, itemId: todo.id }, { onError: (error) => void (lifecycle.deleteIfUnreachable(error, todo) && (remove.reset(), setToDelete(null))) });
  };
  const assign = useMutation(
    trpc.todos.setTodoCategoryAssignees.mutationOptions(thenRefresh(() => setAssigning(null), refresh)),
  );

  // pending with no data: still loading, or paused offline until the network is back (isLoading is false then)
  if (list.isPending) return <Spinner label={t('loading')} />;
  if (list.error || !list.data) {
    return <TabLoadError error={list.error} t={t} onRetry={() => void list.refetch()} />;
  }
  const data = list.data;
  const today = localToday();
  const isMine = (todo: Todo) => todo.assignedUserId === me || (!!todo.category && (data.assignees[todo.category] ?? []).some((p) => p.userId === me));
  const shown = (mine ? data.items.filter(isMine) : data.items).slice();
  if (order === 'due') shown.sort(byDueDate);
  const open = shown.filter((i) => !i.checked);
  const done = shown.filter((i) => i.checked);
  const categories = [...new Set([...data.items.map((i) => i.category).filter((c): c is string => !!c), ...Object.keys(data.assignees)])];

  const setChecked = (todo: Todo, checked: boolean) => {
    patchList((l) => ({ ...l, items: l.items.map((i) => (i.id === todo.id ? { ...i, checked } : i)) }));
    // Offline (or the server unreachable), the tick waits in the offline queue and is sent on reconnect.
    if (offline.queueIfOffline(todo, checked)) return;
    toggle.mutate({ tripId, itemId: todo.id, checked }, { onError: (error) => offline.queueIfUnreachable(error, todo, checked) });
  };
  /** Alt+↑/↓ in the list's own order: swaps the to-do with its neighbour among the open (or done) ones shown. */
  const onKey = (todo: Todo, group: Todo[]) => (e: KeyboardEvent) => {
    if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    e.preventDefault();
    if (order !== 'own') setOrder('own');
    const groupIds = [...group].sort((a, b) => a.position - b.position || a.id - b.id).map((i) => i.id);
    const moved = moveBy(groupIds, todo.id, e.key === 'ArrowUp' ? -1 : 1);
    // The group's slots in the whole list keep their places; the group's ids fill them in the new order.
    const all = data.items.map((i) => i.id);
    const slots = all.map((id, index) => (groupIds.includes(id) ? index : -1)).filter((i) => i >= 0);
    slots.forEach((slot, n) => (all[slot] = moved[n]));
    patchList((l) => ({ ...l, items: all.map((id, position) => ({ ...l.items.find((i) => i.id === id)!, position })) }));
    reorder.mutate({ tripId, orderedIds: all });
    requestAnimationFrame(() => document.getElementById(`todo-check-${todo.id}`)?.focus());
  };

  const renderTodo = (todo: Todo, group: Todo[]) => {
    const overdue = isOverdue(todo, today);
    return (
      <li key={todo.id} data-testid="todo-item" data-overdue={overdue} data-checked={todo.checked} className={`flex items-start gap-2 rounded-lg border p-2 ${overdue ? 'border-red-300 bg-red-50' : 'border-slate-100 bg-slate-50'}`}>
        <input
          id={`todo-check-${todo.id}`}
          type="checkbox"
          className="mt-0.5 h-5 w-5 shrink-0 accent-indigo-600"
          checked={todo.checked}
          onChange={(e) => setChecked(todo, e.target.checked)}
          onKeyDown={onKey(todo, group)}
          aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown"
          aria-describedby="todo-keys"
        />
        <div className="min-w-0 flex-1 text-sm">
          <label htmlFor={`todo-check-${todo.id}`} className={`block truncate font-medium ${todo.checked ? 'text-slate-400 line-through' : 'text-slate-900'}`}>
            {todo.name}
          </label>
          <p className="flex flex-wrap gap-x-2 text-xs text-slate-600">
            {todo.dueDate && <span className={overdue ? 'font-semibold text-red-700' : ''}>{overdue ? t('overdue', { date: formatDate(todo.dueDate) }) : t('due', { date: formatDate(todo.dueDate) })}</span>}
            {todo.category && <span>{todo.category}</span>}
            {todo.priority > 0 && <span>{t(`priority.${todo.priority}`)}</span>}
            {pending.has(todo.id) && (
              <span className="font-medium text-amber-800" data-testid="todo-pending">
                {t('pending')}
              </span>
            )}
          </p>
          {todo.description && <p className="mt-0.5 whitespace-pre-line text-xs text-slate-600">{todo.description}</p>}
        </div>
        {todo.assignedUser && <Avatar name={todo.assignedUser.displayName} userId={todo.assignedUser.userId} size="sm" title={t('assignedTo', { name: todo.assignedUser.displayName })} />}
        <Button size="sm" variant="ghost" onClick={() => setEditing(todo)} aria-label={`${t('edit')}: ${todo.name}`}>
          {t('edit')}
        </Button>
        <Button size="sm" variant="ghost" onClick={() => setToDelete(todo)} aria-label={`${t('delete')}: ${todo.name}`}>
          {t('delete')}
        </Button>
      </li>
    );
  };

  return (
    <div className="grid gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]" data-testid="todos-tab">
      <section aria-labelledby="todos-heading" className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="todos-heading" className="text-base font-semibold text-slate-900">
            {t('heading')}
          </h2>
          <div className="flex flex-wrap items-center gap-3">
            <label className="flex items-center gap-1.5 text-sm text-slate-700">
              <input type="checkbox" className="h-4 w-4" checked={mine} onChange={(e) => setMine(e.target.checked)} />
              {t('mine')}
            </label>
            <SelectField label={t('order.label')} value={order} onChange={(e) => setOrder(e.target.value as Order)}>
              <option value="due">{t('order.due')}</option>
              <option value="own">{t('order.own')}</option>
            </SelectField>
          </div>
        </div>
        <AddTodoForm tripId={tripId} people={people} onAdded={refresh} />
        {data.items.length === 0 ? (
          <EmptyState title={t('empty')} />
        ) : (
          <>
            <h3 className="mt-4 text-sm font-semibold text-slate-900">{t('open', { count: open.length })}</h3>
            {open.length === 0 ? <p className="mt-1 text-sm text-slate-500">{mine ? t('noneMine') : t('allDone')}</p> : <ul className="mt-2 space-y-2" data-testid="todos-open">{open.map((todo) => renderTodo(todo, open))}</ul>}
            {done.length > 0 && (
              <>
                <h3 className="mt-4 text-sm font-semibold text-slate-900">{t('done', { count: done.length })}</h3>
                <ul className="mt-2 space-y-2" data-testid="todos-done">
                  {done.map((todo) => renderTodo(todo, done))}
                </ul>
              </>
            )}
            <p id="todo-keys" className="mt-3 text-xs text-slate-500">
              {t('keysHint')}
            </p>
          </>
        )}
      </section>

      <section aria-labelledby="todo-categories-heading" className="h-fit rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
        <h2 id="todo-categories-heading" className="text-base font-semibold text-slate-900">
          {t('categories.heading')}
        </h2>
        {categories.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">{t('categories.empty')}</p>
        ) : (
          <ul className="mt-2 space-y-2">
            {categories.map((c) => {
              const assignees = data.assignees[c] ?? [];
              return (
                <li key={c} className="flex items-center justify-between gap-2 text-sm">
                  <span className="truncate text-slate-900">{c}</span>
                  <span className="flex items-center gap-2">
                    {assignees.length > 0 && <AvatarStack names={assignees.map((a) => a.displayName)} label={t('categories.assignees', { category: c })} />}
                    <Button size="sm" variant="ghost" onClick={() => setAssigning(c)} aria-label={t('categories.assignees', { category: c })}>
                      {t('categories.people')}
                    </Button>
                  </span>
                </li>
              );
            })}
          </ul>
        )}
      </section>

      {editing && <TodoDialog tripId={tripId} todo={editing} people={people} categories={categories} onClose={() => setEditing(null)} onSaved={refresh} />}
      <PeopleDialog
        open={assigning !== null}
        title={t('categories.assignees', { category: assigning ?? '' })}
        people={people}
        selected={(data.assignees[assigning ?? ''] ?? []).map((a) => a.userId)}
        busy={assign.isPending}
        error={assign.error ? errorMessage(assign.error, t) : null}
        onSave={(userIds) => assigning && assign.mutate({ tripId, categoryName: assigning, userIds })}
        onClose={() => setAssigning(null)}
      />
      <ConfirmDialog
        open={!!toDelete}
        title={t('deleteTitle')}
        message={t('deleteMessage', { name: toDelete?.name ?? '' })}
        confirmLabel={t('delete')}
        danger
        busy={remove.isPending}
        error={remove.error ? errorMessage(remove.error, t) : null}
        onConfirm={() => toDelete && confirmDelete(toDelete)}
        onCancel={() => setToDelete(null)}
      />
    </div>
  );
}

function AddTodoForm({ tripId, people, onAdded }: { tripId: number; people: Person[]; onAdded(): Promise<unknown> }) {
  const { t } = useTranslation('todos');
  const trpc = useTRPC();
  const [name, setName] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [assignee, setAssignee] = useState('');
  const cleared = () => {
    setName('');
    setDueDate('');
  };
  const create = useMutation(
    trpc.todos.createTodo.mutationOptions({
      onSuccess: async () => {
        cleared();
        await onAdded();
      },
    }),
  );
  const lifecycle = useOfflineTodoLifecycle(tripId);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return;
    const fields = { name, dueDate: dueDate || null, assignedUserId: assignee ? Number(assignee) : null };
    // Offline (or the server unreachable), the new to-do is listed at once and created on reconnect.
    const person = people.find((p) => p.id === fields.assignedUserId);
    const queued = { changes: fields, assignedUser: person ? { userId: person.id, username: '', displayName: person.displayName } : null };
    if (lifecycle.createIfOffline(queued)) return cleared();
    create.mutate({ tripId, ...fields }, { onError: (error) => void (lifecycle.createIfUnreachable(error, queued) && (create.reset(), cleared())) });
  };
  return (
    <form onSubmit={submit} className="mt-3 grid gap-2 sm:grid-cols-[2fr_1fr_1fr_auto] sm:items-end" aria-label={t('add')}>
      <TextField label={t('form.name')} value={name} onChange={(e) => setName(e.target.value)} maxLength={500} />
      <DateField label={t('form.dueDate')} value={dueDate} onChange={setDueDate} />
      <SelectField label={t('form.assignee')} value={assignee} onChange={(e) => setAssignee(e.target.value)}>
        <option value="">{t('form.nobody')}</option>
        {people.map((p) => (
          <option key={p.id} value={p.id}>
            {p.displayName}
          </option>
        ))}
      </SelectField>
      <Button variant="primary" type="submit" busy={create.isPending} disabled={!name.trim()}>
        {t('add')}
      </Button>
      {create.error && (
        <p role="alert" className="text-sm text-red-700 sm:col-span-4">
          {errorMessage(create.error, t)}
        </p>
      )}
    </form>
  );
}

function TodoDialog({ tripId, todo, people, categories, onClose, onSaved }: { tripId: number; todo: Todo; people: Person[]; categories: string[]; onClose(): void; onSaved(): Promise<unknown> }) {
  const { t } = useTranslation('todos');
  const trpc = useTRPC();
  const [name, setName] = useState(todo.name);
  const [description, setDescription] = useState(todo.description ?? '');
  const [category, setCategory] = useState(todo.category ?? '');
  const [dueDate, setDueDate] = useState(todo.dueDate ?? '');
  const [assignee, setAssignee] = useState(todo.assignedUserId ? String(todo.assignedUserId) : '');
  const [priority, setPriority] = useState(String(todo.priority));
  const update = useMutation(
    trpc.todos.updateTodo.mutationOptions(thenRefresh(() => onClose(), onSaved)),
  );
  const offline = useOfflineEdits('todos', tripId);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const wanted = {
      name,
      description: description.trim() ? description : null,
      category: category.trim() ? category : null,
      dueDate: dueDate || null,
      assignedUserId: assignee ? Number(assignee) : null,
      priority: Number(priority),
    };
    // Offline (or the server unreachable), the changed fields wait in the offline queue and are sent on reconnect.
    const changes = changedFields<TodoFields>({ ...todo, description: todo.description ?? null }, wanted);
    const person = people.find((p) => p.id === wanted.assignedUserId);
    const edit = { changes, assignedUser: person ? { userId: person.id, username: '', displayName: person.displayName } : null };
    if (Object.keys(changes).length === 0 || offline.queueIfOffline(todo, edit)) return onClose();
    update.mutate({ tripId, itemId: todo.id, ...wanted }, { onError: (error) => void (offline.queueIfUnreachable(error, todo, edit) && onClose()) });
  };
  return (
    <Dialog
      open
      onClose={onClose}
      title={t('form.editTitle')}
      testId="todo-dialog"
      footer={
        <>
          <Button onClick={onClose}>{t('cancel')}</Button>
          <Button variant="primary" type="submit" form="todo-form" busy={update.isPending}>
            {t('save')}
          </Button>
        </>
      }
    >
      <form id="todo-form" onSubmit={submit} className="space-y-3">
        <TextField label={t('form.name')} value={name} onChange={(e) => setName(e.target.value)} required maxLength={500} data-autofocus />
        <TextAreaField label={t('form.description')} value={description} onChange={(e) => setDescription(e.target.value)} maxLength={2000} rows={3} />
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField label={t('form.category')} value={category} onChange={(e) => setCategory(e.target.value)} list="todo-categories" maxLength={100} />
          <DateField label={t('form.dueDate')} value={dueDate} onChange={setDueDate} />
          <SelectField label={t('form.assignee')} value={assignee} onChange={(e) => setAssignee(e.target.value)}>
            <option value="">{t('form.nobody')}</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.displayName}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('form.priority')} value={priority} onChange={(e) => setPriority(e.target.value)}>
            {[0, 1, 2, 3].map((p) => (
              <option key={p} value={p}>
                {t(`priority.${p}`)}
              </option>
            ))}
          </SelectField>
        </div>
        <datalist id="todo-categories">
          {categories.map((c) => (
            <option key={c} value={c} />
          ))}
        </datalist>
        {update.error && (
          <p role="alert" className="text-sm text-red-700">
            {errorMessage(update.error, t)}
          </p>
        )}
      </form>
    </Dialog>
  );
}

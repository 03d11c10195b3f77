// The React side of the offline edits queue: the signed-in user's store, the hooks the Packing and To-dos tabs tick and
// edit through, the overlay that keeps queued changes visible over any answer (a reload, a refetch, the worker's saved
// copy), and the replay on reconnect through the same procedures as online changes.
import { createContext, useContext, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import { hashKey, useQueryClient } from '@tanstack/react-query';
import { TRPCClientError } from '@trpc/client';
import { useTRPC, useTRPCClient } from '~/utils/trpc';
import { OfflineStore, isEdit, planDelete, planEdit, planTick, withQueuedChanges, type Conflict, type ListItem, type QueuedChange, type QueuedCreate, type QueuedEdit, type PackingChanges, type Retry, type TickList, type TodoChanges } from './queue';

const StoreContext = createContext<OfflineStore | null>(null);

export function OfflineStoreProvider({ userId, children }: { userId: number | null; children: ReactNode }) {
  const store = useMemo(() => (userId === null || typeof window === 'undefined' ? null : new OfflineStore(userId)), [userId]);
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

export function useOfflineStore() {
  return useContext(StoreContext);
}

const EMPTY = { queue: [], conflicts: [] };
export function useOfflineState() {
  const store = useOfflineStore();
  return useSyncExternalStore(store?.subscribe ?? noSubscribe, store?.get ?? (() => EMPTY), () => EMPTY);
}
const noSubscribe = () => () => {};

/** A failed call that never reached the server (offline, server down), as opposed to an answer refusing it. */
export function isUnreachable(error: unknown) {
  return error instanceof TRPCClientError && !error.data && !(error.shape as unknown);
}

/** An item as its list shows it: its `updatedAt` is the version a queued tick is made against. */
type TickedItem = { id: number; name: string; checked: boolean; updatedAt?: string };

/** For a list's tab: ticks go to the queue instead of the server while it cannot be reached. */
export function useOfflineTicks(list: TickList, tripId: number) {
  const store = useOfflineStore();
  const queue = (item: TickedItem, checked: boolean) =>
    store?.addTick({ list, tripId, itemId: item.id, name: item.name, checked, seenChecked: item.checked, seenUpdatedAt: item.updatedAt });
  return {
    /** Queues the tick when the browser is offline (or the item is not created yet); true when it was queued (and must not be sent now). */
    queueIfOffline(item: TickedItem, checked: boolean) {
      if (!store || (navigator.onLine && !notCreatedYet(item))) return false;
      queue(item, checked);
      return true;
    },
    /** After a send failed: queues the tick when the server was not reached; true when it was queued. */
    queueIfUnreachable(error: unknown, item: TickedItem, checked: boolean) {
      if (!store || !isUnreachable(error)) return false;
      queue(item, checked);
      return true;
    },
  };
}

/** For the To-dos and Packing tabs: an edit goes to the queue instead of the server while it cannot be reached. */
export function useOfflineEdits(list: TickList, tripId: number) {
  const store = useOfflineStore();
  type Edit = Pick<QueuedEdit, 'changes' | 'assignedUser'>;
  const queue = (todo: TickedItem, edit: Edit) => store?.addEdit({ list, tripId, itemId: todo.id, name: todo.name, seenUpdatedAt: todo.updatedAt, ...edit });
  return {
    /** Queues the edit when the browser is offline (or the to-do is not created yet); true when it was queued (and must not be sent now). */
    queueIfOffline(todo: TickedItem, edit: Edit) {
      if (!store || (navigator.onLine && !notCreatedYet(todo))) return false;
      queue(todo, edit);
      return true;
    },
    /** After a send failed: queues the edit when the server was not reached; true when it was queued. */
    queueIfUnreachable(error: unknown, todo: TickedItem, edit: Edit) {
      if (!store || !isUnreachable(error)) return false;
      queue(todo, edit);
      return true;
    },
  };
}

/** A to-do created offline goes by a negative client id until the server made it: its changes wait in the queue. */
export const notCreatedYet = (item: { id: number }) => item.id < 0;

/** For the To-dos tab: a new or deleted to-do goes to the queue instead of the server while it cannot be reached. */
export function useOfflineTodoLifecycle(tripId: number) {
  const store = useOfflineStore();
  type Create = Pick<QueuedCreate, 'changes' | 'assignedUser'>;
  const remove = (todo: TickedItem) => store?.addDelete({ list: 'todos', tripId, itemId: todo.id, name: todo.name, seenUpdatedAt: todo.updatedAt });
  return {
    /** Queues the create when the browser is offline; true when it was queued (and must not be sent now). */
    createIfOffline(create: Create) {
      if (!store || navigator.onLine) return false;
      store.addCreate({ list: 'todos', tripId, ...create });
      return true;
    },
    createIfUnreachable(error: unknown, create: Create) {
      if (!store || !isUnreachable(error)) return false;
      store.addCreate({ list: 'todos', tripId, ...create });
      return true;
    },
    /** Queues the deletion when offline (or the to-do is not created yet: that drops its create); true when queued. */
    deleteIfOffline(todo: TickedItem) {
      if (!store || (navigator.onLine && !notCreatedYet(todo))) return false;
      remove(todo);
      return true;
    },
    deleteIfUnreachable(error: unknown, todo: TickedItem) {
      if (!store || !isUnreachable(error)) return false;
      remove(todo);
      return true;
    },
  };
}

let replaying = false;

/** Keeps queued changes on screen and sends them, in order, whenever the server can be reached again. */
export function useOfflineQueue(online: boolean) {
  const store = useOfflineStore();
  const { queue } = useOfflineState();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();

  const listKey = (which: TickList, tripId: number) =>
    which === 'packing' ? trpc.packing.listPackingItems.queryKey({ tripId }) : trpc.todos.listTodos.queryKey({ tripId });
  const keyOf = (which: TickList, tripId: number) => hashKey(listKey(which, tripId));

  // Every answer for a list with queued changes gets them laid over it (a manual setQueryData is our own, or the tab's).
  useEffect(() => {
    if (!store) return;
    const apply = (change: Pick<QueuedChange, 'list' | 'tripId'>) => {
      const key = listKey(change.list, change.tripId);
      queryClient.setQueryData<{ items: ListItem[] }>(key, (data) => (data ? withQueuedChanges(data, store.get().queue, change.list, change.tripId) : data));
    };
    for (const tick of store.get().queue) apply(tick);
    return queryClient.getQueryCache().subscribe((event) => {
      if (event.type !== 'updated' || event.action.type !== 'success' || event.action.manual) return;
      const tick = store.get().queue.find((q) => keyOf(q.list, q.tripId) === event.query.queryHash);
      if (tick) apply(tick);
    });
  }, [store, queue]);

  // bumped after a round that reached the server: changes queued during it (a tick of a to-do just created) go next
  const [round, setRound] = useState(0);
  useEffect(() => {
    if (!store || !online || queue.length === 0 || replaying) return;
    replaying = true;
    void (async () => {
      const touched = new Set<TickList>();
      let unreachable = false;
      const attempted = new Set<string>();
      try {
        for (const queued of [...store.get().queue]) {
          attempted.add(queued.id);
          // an earlier change of the same item, just sent, may have moved the version (or given the id) this one expects
          const change = store.get().queue.find((q) => q.id === queued.id);
          if (!change) continue;
          touched.add(change.list);
          try {
            if (change.kind === 'create') {
              // sent again after a lost answer, the same requestId answers the to-do already made
              const { item } = await client.todos.createTodo.mutate({ tripId: change.tripId, ...change.changes, clientRequestId: change.requestId });
              store.created(change, item.id, item.updatedAt);
              queryClient.setQueryData<{ items: ListItem[] }>(listKey(change.list, change.tripId), (data) => data && { ...data, items: data.items.filter((i) => i.id !== change.itemId) });
              continue;
            }
            const input = { tripId: change.tripId };
            const current = (change.list === 'packing' ? await client.packing.listPackingItems.query(input) : await client.todos.listTodos.query(input)).items.find(
              (item) => item.id === change.itemId,
            );
            if (change.kind === 'delete') {
              // already deleted by someone else: simply done; changed meanwhile: refused (CONFLICT), nothing deleted
              if (planDelete(current) === 'send') await client.todos.deleteTodo.mutate({ ...input, itemId: change.itemId, expectedUpdatedAt: change.seenUpdatedAt });
              store.settle(change.id);
              continue;
            }
            const plan = isEdit(change) ? planEdit(change, current) : planTick(change, current);
            if (plan === 'send') {
              // refused with CONFLICT when the item changed since the user saw it (nothing is written then)
              const sent = await send(client, { list: change.list, ...retryOf(change) }, change.seenUpdatedAt);
              if ('item' in sent) store.advance(change.list, change.itemId, change.seenUpdatedAt, sent.item.updatedAt);
            }
            store.settle(change.id, plan === 'deleted' ? { list: change.list, name: change.name, reason: 'deleted' } : undefined);
          } catch (error) {
            if (isUnreachable(error)) return void (unreachable = true); // still offline: the rest waits for the next reconnect
            if (change.kind === 'delete' && errorCode(error) === 'NOT_FOUND') {
              store.settle(change.id); // deleted by someone else in between: what was wanted
              continue;
            }
            store.settle(change.id, errorCode(error) === 'CONFLICT' ? { list: change.list, name: change.name, reason: 'changed', by: changedBy(error), retry: retryOf(change) } : refusal(change.list, change.name, error));
          }
        }
      } finally {
        replaying = false;
        if (!unreachable && store.get().queue.some((q) => !attempted.has(q.id))) setRound((n) => n + 1);
        for (const list of touched) void queryClient.invalidateQueries({ queryKey: list === 'packing' ? trpc.packing.pathKey() : trpc.todos.pathKey() });
      }
    })();
  }, [store, online, queue.length, round]);
}

type Client = ReturnType<typeof useTRPCClient>;

/** What "Apply mine anyway" / "Delete anyway" sends again, without a version. */
function retryOf(change: QueuedChange): Retry {
  const target = { tripId: change.tripId, itemId: change.itemId };
  if (isEdit(change) || change.kind === 'create') return { ...target, changes: change.changes };
  if (change.kind === 'delete') return { ...target, delete: true };
  return { ...target, checked: change.checked };
}

/** Sends a queued tick, edit or deletion through the procedure an online one goes through; `expectedUpdatedAt` omitted → no check. */
async function send(client: Client, change: Retry & { list: TickList }, expectedUpdatedAt?: string) {
  const target = { tripId: change.tripId, itemId: change.itemId, expectedUpdatedAt };
  if (change.delete) return client.todos.deleteTodo.mutate(target);
  if (change.changes && change.list === 'packing') return client.packing.updatePackingItem.mutate({ ...target, ...(change.changes as PackingChanges) });
  if (change.changes) return client.todos.updateTodo.mutate({ ...target, ...(change.changes as TodoChanges) });
  const checked = change.checked ?? false;
  return change.list === 'packing' ? client.packing.togglePackingItem.mutate({ ...target, checked }) : client.todos.toggleTodo.mutate({ ...target, checked });
}

const errorCode = (error: unknown) => (error instanceof TRPCClientError ? (error.data as { code?: string } | undefined)?.code : undefined);

/** The display name of whoever changed the item meanwhile, as the CONFLICT carries it (absent when unknown). */
function changedBy(error: unknown) {
  const by = error instanceof TRPCClientError ? (error.data as { i18n?: { params?: { by?: unknown } } } | undefined)?.i18n?.params?.by : undefined;
  return typeof by === 'string' ? by : undefined;
}

/** A conflict for a change the server refused: gone meanwhile, or refused with its message. */
function refusal(list: TickList, name: string, error: unknown): Omit<Conflict, 'id'> {
  return errorCode(error) === 'NOT_FOUND' ? { list, name, reason: 'deleted' } : { list, name, reason: 'refused', message: (error as Error).message };
}

/** "Apply mine anyway": sends the refused change again without a version; what the server says then replaces the conflict. */
export function useApplyMine() {
  const store = useOfflineStore();
  const client = useTRPCClient();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return async (conflict: Conflict) => {
    if (!store || !conflict.retry) return;
    try {
      await send(client, { list: conflict.list, ...conflict.retry });
      store.resolve(conflict.id);
    } catch (error) {
      if (isUnreachable(error)) return; // still offline: the conflict stays, the user can try again
      // "Delete anyway" of a to-do someone else deleted meanwhile: what was wanted
      store.resolve(conflict.id, conflict.retry.delete && errorCode(error) === 'NOT_FOUND' ? undefined : refusal(conflict.list, conflict.name, error));
    } finally {
      void queryClient.invalidateQueries({ queryKey: conflict.list === 'packing' ? trpc.packing.pathKey() : trpc.todos.pathKey() });
    }
  };
}

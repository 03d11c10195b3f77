// The React side of the offline edits queue: the signed-in user's store, the hooks the Packing and To-dos tabs tick and
// edit through, the overlay that keeps queued changes visible over any answer (a reload, a refetch, the worker's saved
// copy), and the hook that runs the replay (replay.ts) whenever the server can be reached again.
import { createContext, useContext, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import { hashKey, useQueryClient } from '@tanstack/react-query';
import { useTRPC, useTRPCClient } from '~/utils/trpc';
import { OfflineStore, withQueuedChanges, type Conflict, type ListItem, type QueuedChange, type QueuedCreate, type QueuedEdit, type TickList } from './queue';
import { errorCode, isUnreachable, newReplayRound, refusal, replayQueue, send } from './replay';

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

/** An item as its list shows it: its `updatedAt` is the version a queued tick is made against. */
type TickedItem = { id: number; name: string; checked: boolean; updatedAt?: string };

/** A to-do created offline goes by a negative client id until the server made it: its changes wait in the queue. */
export const notCreatedYet = (item: { id: number }) => item.id < 0;

/**
 * One kind of change a tab makes, queued instead of sent while the server cannot be reached: `queueIfOffline` while the
 * browser is offline (or, given `itemOf`, the item is not created yet), `queueIfUnreachable` after a send failed without
 * reaching the server. Both answer true when the change was queued (and must not be sent now).
 */
function queuedWhenUnreachable<A extends unknown[]>(store: OfflineStore | null, enqueue: (to: OfflineStore, ...change: A) => void, itemOf?: (...change: A) => { id: number }) {
  const queueIf = (when: () => boolean, change: A) => {
    if (!store || !when()) return false;
    enqueue(store, ...change);
    return true;
  };
  return {
    queueIfOffline: (...change: A) => queueIf(() => !navigator.onLine || (itemOf !== undefined && notCreatedYet(itemOf(...change))), change),
    queueIfUnreachable: (error: unknown, ...change: A) => queueIf(() => isUnreachable(error), change),
  };
}

/** For a list's tab: ticks go to the queue instead of the server while it cannot be reached. */
export function useOfflineTicks(list: TickList, tripId: number) {
  return queuedWhenUnreachable(
    useOfflineStore(),
    (to, item: TickedItem, checked: boolean) => to.addTick({ list, tripId, itemId: item.id, name: item.name, checked, seenChecked: item.checked, seenUpdatedAt: item.updatedAt }),
    (item) => item,
  );
}

/** For the To-dos and Packing tabs: an edit goes to the queue instead of the server while it cannot be reached. */
export function useOfflineEdits(list: TickList, tripId: number) {
  return queuedWhenUnreachable(
    useOfflineStore(),
    (to, item: TickedItem, edit: Pick<QueuedEdit, 'changes' | 'assignedUser'>) => to.addEdit({ list, tripId, itemId: item.id, name: item.name, seenUpdatedAt: item.updatedAt, ...edit }),
    (item) => item,
  );
}

/** For the To-dos tab: a new or deleted to-do goes to the queue instead of the server while it cannot be reached. */
export function useOfflineTodoLifecycle(tripId: number) {
  const store = useOfflineStore();
  const create = queuedWhenUnreachable(store, (to, made: Pick<QueuedCreate, 'changes' | 'assignedUser'>) => void to.addCreate({ list: 'todos', tripId, ...made }));
  // deleting a to-do not created yet drops its create
  const remove = queuedWhenUnreachable(
    store,
    (to, todo: TickedItem) => to.addDelete({ list: 'todos', tripId, itemId: todo.id, name: todo.name, seenUpdatedAt: todo.updatedAt }),
    (todo) => todo,
  );
  return { createIfOffline: create.queueIfOffline, createIfUnreachable: create.queueIfUnreachable, deleteIfOffline: remove.queueIfOffline, deleteIfUnreachable: remove.queueIfUnreachable };
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
      const progress = newReplayRound();
      try {
        await replayQueue(store, client, progress, (create) =>
          queryClient.setQueryData<{ items: ListItem[] }>(listKey(create.list, create.tripId), (data) => data && { ...data, items: data.items.filter((i) => i.id !== create.itemId) }),
        );
      } finally {
        replaying = false;
        if (!progress.unreachable && store.get().queue.some((q) => !progress.attempted.has(q.id))) setRound((n) => n + 1);
        for (const list of progress.touched) void queryClient.invalidateQueries({ queryKey: list === 'packing' ? trpc.packing.pathKey() : trpc.todos.pathKey() });
      }
    })();
  }, [store, online, queue.length, round]);
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

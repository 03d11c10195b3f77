// The React side of the offline edits queue: the signed-in user's store, the hook the Packing and To-dos tabs tick
// through, the overlay that keeps queued ticks visible over any answer (a reload, a refetch, the worker's saved copy),
// and the replay on reconnect through the same procedures as online ticks.
import { createContext, useContext, useEffect, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import { hashKey, useQueryClient } from '@tanstack/react-query';
import { TRPCClientError } from '@trpc/client';
import { useTRPC, useTRPCClient } from '~/utils/trpc';
import { OfflineStore, planTick, withQueuedTicks, type Conflict, type ListItem, type QueuedTick, type TickList } from './queue';

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
    /** Queues the tick when the browser is offline; true when it was queued (and must not be sent now). */
    queueIfOffline(item: TickedItem, checked: boolean) {
      if (!store || navigator.onLine) return false;
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

let replaying = false;

/** Keeps queued ticks on screen and sends them, in order, whenever the server can be reached again. */
export function useOfflineQueue(online: boolean) {
  const store = useOfflineStore();
  const { queue } = useOfflineState();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();

  const keyOf = (list: TickList, tripId: number) =>
    hashKey(list === 'packing' ? trpc.packing.listPackingItems.queryKey({ tripId }) : trpc.todos.listTodos.queryKey({ tripId }));

  // Every answer for a list with queued ticks gets them laid over it (a manual setQueryData is our own, or the tab's).
  useEffect(() => {
    if (!store) return;
    const apply = (tick: Pick<QueuedTick, 'list' | 'tripId'>) => {
      const key = list(tick.list, tick.tripId);
      queryClient.setQueryData<{ items: ListItem[] }>(key, (data) => (data ? withQueuedTicks(data, store.get().queue, tick.list, tick.tripId) : data));
    };
    const list = (which: TickList, tripId: number) =>
      which === 'packing' ? trpc.packing.listPackingItems.queryKey({ tripId }) : trpc.todos.listTodos.queryKey({ tripId });
    for (const tick of store.get().queue) apply(tick);
    return queryClient.getQueryCache().subscribe((event) => {
      if (event.type !== 'updated' || event.action.type !== 'success' || event.action.manual) return;
      const tick = store.get().queue.find((q) => keyOf(q.list, q.tripId) === event.query.queryHash);
      if (tick) apply(tick);
    });
  }, [store, queue.length]);

  useEffect(() => {
    if (!store || !online || queue.length === 0 || replaying) return;
    replaying = true;
    void (async () => {
      const touched = new Set<TickList>();
      try {
        for (const tick of [...store.get().queue]) {
          touched.add(tick.list);
          try {
            const input = { tripId: tick.tripId };
            const current = (tick.list === 'packing' ? await client.packing.listPackingItems.query(input) : await client.todos.listTodos.query(input)).items.find(
              (item) => item.id === tick.itemId,
            );
            const plan = planTick(tick, current);
            if (plan === 'send') {
              // refused with CONFLICT when the item changed since the user saw it (nothing is written then)
              const change = { tripId: tick.tripId, itemId: tick.itemId, checked: tick.checked, expectedUpdatedAt: tick.seenUpdatedAt };
              await (tick.list === 'packing' ? client.packing.togglePackingItem.mutate(change) : client.todos.toggleTodo.mutate(change));
            }
            store.settle(tick.id, plan === 'deleted' ? { list: tick.list, name: tick.name, reason: 'deleted' } : undefined);
          } catch (error) {
            if (isUnreachable(error)) return; // still offline: the rest waits for the next reconnect
            const code = errorCode(error);
            const retry = { tripId: tick.tripId, itemId: tick.itemId, checked: tick.checked };
            store.settle(tick.id, code === 'CONFLICT' ? { list: tick.list, name: tick.name, reason: 'changed', retry } : refusal(tick.list, tick.name, error));
          }
        }
      } finally {
        replaying = false;
        for (const list of touched) void queryClient.invalidateQueries({ queryKey: list === 'packing' ? trpc.packing.pathKey() : trpc.todos.pathKey() });
      }
    })();
  }, [store, online, queue.length]);
}

const errorCode = (error: unknown) => (error instanceof TRPCClientError ? (error.data as { code?: string } | undefined)?.code : undefined);

/** A conflict for a change the server refused: gone meanwhile, or refused with its message. */
function refusal(list: TickList, name: string, error: unknown): Omit<Conflict, 'id'> {
  return errorCode(error) === 'NOT_FOUND' ? { list, name, reason: 'deleted' } : { list, name, reason: 'refused', message: (error as Error).message };
}

/** "Apply mine anyway": sends the refused tick again without a version; what the server says then replaces the conflict. */
export function useApplyMine() {
  const store = useOfflineStore();
  const client = useTRPCClient();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return async (conflict: Conflict) => {
    if (!store || !conflict.retry) return;
    try {
      await (conflict.list === 'packing' ? client.packing.togglePackingItem.mutate(conflict.retry) : client.todos.toggleTodo.mutate(conflict.retry));
      store.resolve(conflict.id);
    } catch (error) {
      if (isUnreachable(error)) return; // still offline: the conflict stays, the user can try again
      store.resolve(conflict.id, refusal(conflict.list, conflict.name, error));
    } finally {
      void queryClient.invalidateQueries({ queryKey: conflict.list === 'packing' ? trpc.packing.pathKey() : trpc.todos.pathKey() });
    }
  };
}

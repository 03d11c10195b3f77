// The replay of the offline edits queue on reconnect (decision 034): the queued changes, in order, through the same tRPC
// procedures as online ones, each checked against the item as the server has it now. No React here: the hook in
// ticks.tsx runs a round and reloads what it touched.
import { TRPCClientError, type TRPCClient } from '@trpc/client';
import type { AppRouter } from '~/trpc/root';
import { isEdit, planDelete, planEdit, planTick, type Conflict, type ListItem, type OfflineStore, type PackingChanges, type QueuedChange, type QueuedCreate, type Retry, type TickList, type TodoChanges } from './queue';

type Client = TRPCClient<AppRouter>;

/** A failed call that never reached the server (offline, server down), as opposed to an answer refusing it. */
export function isUnreachable(error: unknown) {
  return error instanceof TRPCClientError && !error.data && !(error.shape as unknown);
}

/** What a round did, filled in as it goes (so the caller knows it even when the round ends early). */
export interface ReplayRound {
  /** the lists it sent changes of (to reload) */
  touched: Set<TickList>;
  /** the queued changes it took up */
  attempted: Set<string>;
  /** it stopped because the server could not be reached: the rest waits for the next reconnect */
  unreachable: boolean;
}

export const newReplayRound = (): ReplayRound => ({ touched: new Set(), attempted: new Set(), unreachable: false });

/**
 * Sends each queued change once, in order, recording into `round`. `onCreated` hears of each to-do the server made
 * (its stand-in can leave the screen).
 */
export async function replayQueue(store: OfflineStore, client: Client, round: ReplayRound, onCreated: (create: QueuedCreate) => void) {
  const lists = serverLists(client);
  for (const queued of [...store.get().queue]) {
    round.attempted.add(queued.id);
    // an earlier change of the same item, just sent, may have moved the version (or given the id) this one expects
    const change = store.get().queue.find((q) => q.id === queued.id);
    if (!change) continue;
    round.touched.add(change.list);
    try {
      if (change.kind === 'create') {
        // sent again after a lost answer, the same requestId answers the to-do already made
        const { item } = await client.todos.createTodo.mutate({ tripId: change.tripId, ...change.changes, clientRequestId: change.requestId });
        store.created(change, item.id, item.updatedAt);
        lists.written(change, item.id, item);
        onCreated(change);
        continue;
      }
      const current = await lists.item(change);
      if (change.kind === 'delete') {
        // already deleted by someone else: simply done; changed meanwhile: refused (CONFLICT), nothing deleted
        if (planDelete(current) === 'send') {
          await client.todos.deleteTodo.mutate({ tripId: change.tripId, itemId: change.itemId, expectedUpdatedAt: change.seenUpdatedAt });
          lists.written(change, change.itemId, null);
        }
        store.settle(change.id);
        continue;
      }
      const plan = isEdit(change) ? planEdit(change, current) : planTick(change, current);
      if (plan === 'send') {
        // refused with CONFLICT when the item changed since the user saw it (nothing is written then)
        const sent = await send(client, { list: change.list, ...retryOf(change) }, change.seenUpdatedAt);
        if ('item' in sent) {
          store.advance(change.list, change.itemId, change.seenUpdatedAt, sent.item.updatedAt);
          lists.written(change, change.itemId, sent.item);
        }
      }
      store.settle(change.id, plan === 'deleted' ? { list: change.list, name: change.name, reason: 'deleted' } : undefined);
    } catch (error) {
      if (isUnreachable(error)) return void (round.unreachable = true);
      // a refusal says the server's list moved on from the round's copy
      lists.forget(change);
      if (change.kind === 'delete' && errorCode(error) === 'NOT_FOUND') {
        store.settle(change.id); // deleted by someone else in between: what was wanted
        continue;
      }
      store.settle(change.id, errorCode(error) === 'CONFLICT' ? { list: change.list, name: change.name, reason: 'changed', by: changedBy(error), retry: retryOf(change) } : refusal(change.list, change.name, error));
    }
  }
}

type ServerItem = ListItem & Record<string, unknown>;
type ListOf = Pick<QueuedChange, 'list' | 'tripId'>;

/**
 * A round's copy of each list as the server has it: fetched at its first use, then kept in step with the answers to the
 * round's own writes (which carry the new version), so one list is fetched once however many changes it has.
 */
function serverLists(client: Client) {
  const lists = new Map<string, ServerItem[]>();
  const keyOf = (of: ListOf) => `${of.list}:${of.tripId}`;
  return {
    async item(change: ListOf & { itemId: number }) {
      let items = lists.get(keyOf(change));
      if (!items) {
        const input = { tripId: change.tripId };
        items = (change.list === 'packing' ? await client.packing.listPackingItems.query(input) : await client.todos.listTodos.query(input)).items;
        lists.set(keyOf(change), items);
      }
      return items.find((item) => item.id === change.itemId);
    },
    /** The item as a write answered it (`null`: deleted); a list not fetched yet will have it when it is. */
    written(of: ListOf, itemId: number, item: ServerItem | null) {
      const items = lists.get(keyOf(of));
      if (items) lists.set(keyOf(of), [...items.filter((i) => i.id !== itemId), ...(item ? [item] : [])]);
    },
    forget(of: ListOf) {
      lists.delete(keyOf(of));
    },
  };
}

/** What "Apply mine anyway" / "Delete anyway" sends again, without a version. */
function retryOf(change: QueuedChange): Retry {
  const target = { tripId: change.tripId, itemId: change.itemId };
  if (isEdit(change) || change.kind === 'create') return { ...target, changes: change.changes };
  if (change.kind === 'delete') return { ...target, delete: true };
  return { ...target, checked: change.checked };
}

/** Sends a queued tick, edit or deletion through the procedure an online one goes through; `expectedUpdatedAt` omitted → no check. */
export async function send(client: Client, change: Retry & { list: TickList }, expectedUpdatedAt?: string) {
  const target = { tripId: change.tripId, itemId: change.itemId, expectedUpdatedAt };
  if (change.delete) return client.todos.deleteTodo.mutate(target);
  if (change.changes && change.list === 'packing') return client.packing.updatePackingItem.mutate({ ...target, ...(change.changes as PackingChanges) });
  if (change.changes) return client.todos.updateTodo.mutate({ ...target, ...(change.changes as TodoChanges) });
  const checked = change.checked ?? false;
  return change.list === 'packing' ? client.packing.togglePackingItem.mutate({ ...target, checked }) : client.todos.toggleTodo.mutate({ ...target, checked });
}

export const errorCode = (error: unknown) => (error instanceof TRPCClientError ? (error.data as { code?: string } | undefined)?.code : undefined);

/** The display name of whoever changed the item meanwhile, as the CONFLICT carries it (absent when unknown). */
function changedBy(error: unknown) {
  const by = error instanceof TRPCClientError ? (error.data as { i18n?: { params?: { by?: unknown } } } | undefined)?.i18n?.params?.by : undefined;
  return typeof by === 'string' ? by : undefined;
}

/** A conflict for a change the server refused: gone meanwhile, or refused with its message. */
export function refusal(list: TickList, name: string, error: unknown): Omit<Conflict, 'id'> {
  return errorCode(error) === 'NOT_FOUND' ? { list, name, reason: 'deleted' } : { list, name, reason: 'refused', message: (error as Error).message };
}

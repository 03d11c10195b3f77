// The offline edits queue (decision 034): packing and to-do ticks made while the server cannot be reached are kept
// here, in order, shown at once (optimistically) and sent through the same tRPC procedures on reconnect. What could not
// be applied becomes a conflict the user sees and dismisses, never a silent loss.
//
// Stored in localStorage, per user: a handful of small records, read synchronously when the page starts (so a reload
// shows the ticks before any answer arrives), with no extra dependency; IndexedDB would buy nothing at this size.

/** The two lists whose ticks can be made offline, with their list query and tick mutation. */
export type TickList = 'packing' | 'todos';

export interface QueuedTick {
  id: string;
  list: TickList;
  tripId: number;
  itemId: number;
  /** the item's name when ticked, for the conflict message */
  name: string;
  checked: boolean;
  /** the value the user saw before the change */
  seenChecked: boolean;
  /** the item's `updatedAt` when the user saw it: the version this change was made against (sent as `expectedUpdatedAt`) */
  seenUpdatedAt?: string;
}

/** deleted meanwhile; changed meanwhile by someone else (the server refused the version); refused for another reason */
export type ConflictReason = 'deleted' | 'changed' | 'refused';

export interface Conflict {
  id: string;
  list: TickList;
  name: string;
  reason: ConflictReason;
  /** the server's message, for a refused change */
  message?: string;
  /** for a change refused as changed meanwhile: what "Apply mine anyway" sends (without a version) */
  retry?: { tripId: number; itemId: number; checked: boolean };
}

export interface ListItem {
  id: number;
  checked: boolean;
  updatedAt?: string;
}

/** Adds a tick to the queue: a second tick of the same item replaces the first; ticking back to what was seen drops it. */
export function enqueueTick(queue: QueuedTick[], tick: Omit<QueuedTick, 'id'>, id: string): QueuedTick[] {
  const index = queue.findIndex((q) => q.list === tick.list && q.tripId === tick.tripId && q.itemId === tick.itemId);
  if (index < 0) return tick.checked === tick.seenChecked ? queue : [...queue, { ...tick, id }];
  const first = queue[index];
  if (tick.checked === first.seenChecked) return queue.filter((_, i) => i !== index);
  return queue.map((q, i) => (i === index ? { ...q, checked: tick.checked, name: tick.name } : q));
}

/** A list as the server (or the worker's saved copy) sent it, with this trip's queued ticks applied on top. */
export function withQueuedTicks<T extends { items: ListItem[] }>(data: T, queue: QueuedTick[], list: TickList, tripId: number): T {
  const ticks = queue.filter((q) => q.list === list && q.tripId === tripId);
  if (ticks.length === 0) return data;
  const wanted = new Map(ticks.map((q) => [q.itemId, q.checked]));
  if (!data.items.some((item) => wanted.has(item.id) && item.checked !== wanted.get(item.id))) return data;
  return { ...data, items: data.items.map((item) => (wanted.has(item.id) ? { ...item, checked: wanted.get(item.id)! } : item)) };
}

/**
 * What to do with a queued tick given the item as the server has it now: gone → a conflict; already as wanted (someone
 * else made the same change meanwhile) → nothing to send; else send it.
 */
export function planTick(tick: QueuedTick, current: ListItem | undefined): 'send' | 'skip' | 'deleted' {
  if (!current) return 'deleted';
  return current.checked === tick.checked ? 'skip' : 'send';
}

const storageKey = (userId: number, what: 'queue' | 'conflicts') => `waymark:offline:${userId}:${what}`;

function read<T>(userId: number, what: 'queue' | 'conflicts'): T[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(storageKey(userId, what)) ?? '[]');
    return Array.isArray(parsed) ? (parsed as T[]) : [];
  } catch {
    return [];
  }
}

/** The signed-in user's queue and conflicts, kept in localStorage and observable by React (useSyncExternalStore). */
export class OfflineStore {
  private listeners = new Set<() => void>();
  private snapshot: { queue: QueuedTick[]; conflicts: Conflict[] };

  constructor(readonly userId: number) {
    this.snapshot = { queue: read<QueuedTick>(userId, 'queue'), conflicts: read<Conflict>(userId, 'conflicts') };
  }

  get = () => this.snapshot;

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  private set(next: Partial<{ queue: QueuedTick[]; conflicts: Conflict[] }>) {
    this.snapshot = { ...this.snapshot, ...next };
    localStorage.setItem(storageKey(this.userId, 'queue'), JSON.stringify(this.snapshot.queue));
    localStorage.setItem(storageKey(this.userId, 'conflicts'), JSON.stringify(this.snapshot.conflicts));
    for (const listener of this.listeners) listener();
  }

  addTick(tick: Omit<QueuedTick, 'id'>) {
    this.set({ queue: enqueueTick(this.snapshot.queue, tick, newId()) });
  }

  /** Takes a tick off the queue once it was sent (or skipped), with the conflict it ended in, if any. */
  settle(id: string, conflict?: Omit<Conflict, 'id'>) {
    this.set({
      queue: this.snapshot.queue.filter((q) => q.id !== id),
      conflicts: conflict ? [...this.snapshot.conflicts, { ...conflict, id }] : this.snapshot.conflicts,
    });
  }

  /** Replaces a conflict by another (an "Apply mine anyway" the server refused again), or removes it. */
  resolve(id: string, replacement?: Omit<Conflict, 'id'>) {
    this.set({ conflicts: this.snapshot.conflicts.flatMap((c) => (c.id !== id ? [c] : replacement ? [{ ...replacement, id }] : [])) });
  }

  dismiss(id?: string) {
    this.set({ conflicts: id ? this.snapshot.conflicts.filter((c) => c.id !== id) : [] });
  }
}

const newId = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

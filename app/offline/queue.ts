// The offline edits queue (decision 034): packing and to-do ticks and to-do edits made while the server cannot be
// reached are kept here, in order, shown at once (optimistically) and sent through the same tRPC procedures on reconnect. What could not
// be applied becomes a conflict the user sees and dismisses, never a silent loss.
//
// Stored in localStorage, per user: a handful of small records, read synchronously when the page starts (so a reload
// shows the ticks before any answer arrives), with no extra dependency; IndexedDB would buy nothing at this size.

/** The two lists whose ticks can be made offline, with their list query and tick mutation. */
export type TickList = 'packing' | 'todos';

export interface QueuedTick {
  id: string;
  /** absent on ticks queued before edits could be (same shape) */
  kind?: 'tick';
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

/** The fields of a to-do an offline edit can change, as `updateTodo` takes them (only those changed are sent). */
export interface TodoChanges {
  name?: string;
  description?: string | null;
  category?: string | null;
  dueDate?: string | null;
  assignedUserId?: number | null;
  priority?: number;
}

/** The fields of a packing item an offline edit can change, as `updatePackingItem` takes them. */
export interface PackingChanges {
  name?: string;
  category?: string;
  quantity?: number;
  weightGrams?: number | null;
  bagId?: number | null;
}

/** A to-do or packing item edited offline: what to send, and how the list shows it meanwhile. */
export interface QueuedEdit {
  id: string;
  kind: 'edit';
  list: TickList;
  tripId: number;
  itemId: number;
  /** the item's name when the user saw it, for the conflict message */
  name: string;
  /** `TodoChanges` for a to-do, `PackingChanges` for a packing item */
  changes: TodoChanges | PackingChanges;
  /** the assignee's name to show until the server answers (the list shows a person, the change names an id) */
  assignedUser?: { userId: number; username: string; displayName: string } | null;
  /** the to-do's `updatedAt` when the user saw it (sent as `expectedUpdatedAt`) */
  seenUpdatedAt?: string;
}

/**
 * A to-do created offline. Until the server makes it, it goes by a client id (`itemId`, negative, so it never meets a
 * server id): the list shows it, and later edits of it are folded in here, ticks of it wait as their own records and
 * take the server id once it exists. `requestId` makes the create idempotent: sent again, it makes nothing new.
 */
export interface QueuedCreate {
  id: string;
  kind: 'create';
  list: 'todos';
  tripId: number;
  itemId: number;
  name: string;
  /** what `createTodo` is sent (edits made before it was sent are folded in) */
  changes: TodoChanges & { name: string };
  assignedUser?: QueuedEdit['assignedUser'];
  requestId: string;
  seenUpdatedAt?: undefined;
}

/** A to-do deleted offline: hidden at once; the queued changes of it are dropped. */
export interface QueuedDelete {
  id: string;
  kind: 'delete';
  list: 'todos';
  tripId: number;
  itemId: number;
  name: string;
  /** the to-do's `updatedAt` when the user saw it: someone else's change since turns the deletion into a conflict */
  seenUpdatedAt?: string;
}

export type QueuedChange = QueuedTick | QueuedEdit | QueuedCreate | QueuedDelete;
export const isEdit = (change: QueuedChange): change is QueuedEdit => change.kind === 'edit';
export const isTick = (change: QueuedChange): change is QueuedTick => change.kind === undefined || change.kind === 'tick';
const sameItem = (a: Pick<QueuedChange, 'list' | 'tripId' | 'itemId'>, b: Pick<QueuedChange, 'list' | 'tripId' | 'itemId'>) =>
  a.list === b.list && a.tripId === b.tripId && a.itemId === b.itemId;

/** deleted meanwhile; changed meanwhile by someone else (the server refused the version); refused for another reason */
export type ConflictReason = 'deleted' | 'changed' | 'refused';

export interface Conflict {
  id: string;
  list: TickList;
  name: string;
  reason: ConflictReason;
  /** the server's message, for a refused change */
  message?: string;
  /** for a change refused as changed meanwhile: who changed it (their display name), when the server knows */
  by?: string;
  /** for a change refused as changed meanwhile: what "Apply mine anyway" ("Delete anyway") sends without a version */
  retry?: Retry;
}

/** A queued tick, edit or deletion as sent again without a version. */
export type Retry = { tripId: number; itemId: number; checked?: boolean; changes?: TodoChanges | PackingChanges; delete?: true };

export interface ListItem {
  id: number;
  checked: boolean;
  updatedAt?: string;
}

/** Only the fields an edit changes (an offline edit sends just those, so it overwrites nothing else). */
export function changedFields<F extends object>(item: F, wanted: F): Partial<F> {
  const changes: Partial<F> = {};
  for (const field of Object.keys(wanted) as (keyof F)[]) {
    if (wanted[field] !== item[field]) changes[field] = wanted[field];
  }
  return changes;
}

/** Adds a tick to the queue: a second tick of the same item replaces the first; ticking back to what was seen drops it. */
export function enqueueTick(queue: QueuedChange[], tick: Omit<QueuedTick, 'id'>, id: string): QueuedChange[] {
  const index = queue.findIndex((q) => isTick(q) && sameItem(q, tick));
  if (index < 0) return tick.checked === tick.seenChecked ? queue : [...queue, { ...tick, id }];
  const first = queue[index] as QueuedTick;
  if (tick.checked === first.seenChecked) return queue.filter((_, i) => i !== index);
  return queue.map((q, i) => (i === index ? { ...first, checked: tick.checked, name: tick.name } : q));
}

/**
 * Adds a to-do edit: a second edit of the same to-do merges into the first (its place in the queue, its name and version
 * stay: both were made against what the user saw before going offline).
 */
export function enqueueEdit(queue: QueuedChange[], edit: Omit<QueuedEdit, 'id' | 'kind'>, id: string): QueuedChange[] {
  // a to-do not created yet: the edit becomes part of its create
  const created = queue.find((q): q is QueuedCreate => q.kind === 'create' && sameItem(q, edit));
  if (created) {
    const changes = edit.changes as TodoChanges;
    const folded: QueuedCreate = { ...created, changes: { ...created.changes, ...changes, name: changes.name ?? created.changes.name } };
    folded.name = folded.changes.name;
      if (changes.assignedUserId !== undefined) folded.assignedUser = edit.assignedUser;
    return queue.map((q) => (q === created ? folded : q));
  }
  const index = queue.findIndex((q) => isEdit(q) && sameItem(q, edit));
  if (index < 0) return [...queue, { ...edit, kind: 'edit', id }];
  const first = queue[index] as QueuedEdit;
  const merged: QueuedEdit = { ...first, changes: { ...first.changes, ...edit.changes } };
  if ('assignedUserId' in edit.changes && edit.changes.assignedUserId !== undefined) merged.assignedUser = edit.assignedUser;
  return queue.map((q, i) => (i === index ? merged : q));
}

/**
 * Adds a deletion: the queued changes of the to-do are dropped; a to-do not created yet is simply forgotten (its create
 * goes too, nothing is sent).
 */
export function enqueueDelete(queue: QueuedChange[], deletion: Omit<QueuedDelete, 'id' | 'kind'>, id: string): QueuedChange[] {
  const rest = queue.filter((q) => !sameItem(q, deletion));
  if (queue.some((q) => q.kind === 'create' && sameItem(q, deletion))) return rest;
  return [...rest, { ...deletion, kind: 'delete', id }];
}

/** An item as a queued change shows it: ticked as wanted, or with the edited fields. */
function applied<I extends ListItem>(item: I, change: QueuedChange): I {
  if (isTick(change)) return { ...item, checked: change.checked };
  if (change.kind === 'delete') return item;
  const shown: Record<string, unknown> = { ...change.changes };
  if (shown.assignedUserId !== undefined) shown.assignedUser = change.assignedUser ?? null;
  if (shown.priority === null) shown.priority = 0;
  return { ...item, ...shown };
}

/** A list as the server (or the worker's saved copy) sent it, with this trip's queued changes applied on top, in order. */
export function withQueuedChanges<T extends { items: ListItem[] }>(data: T, queue: QueuedChange[], list: TickList, tripId: number): T {
  const changes = queue.filter((q) => q.list === list && q.tripId === tripId);
  if (changes.length === 0) return data;
  const deleted = new Set(changes.filter((c) => c.kind === 'delete').map((c) => c.itemId));
  const known = new Set(data.items.map((item) => item.id));
  const created = changes.filter((c): c is QueuedCreate => c.kind === 'create' && !known.has(c.itemId)).map((c) => createdItem(c, data.items.length));
  let touched = created.length > 0 || data.items.some((item) => deleted.has(item.id));
  const items = [...data.items, ...(created as unknown as ListItem[])].filter((item) => !deleted.has(item.id)).map((item) => {
    const shown = changes.filter((c) => c.itemId === item.id).reduce(applied, item);
    if (JSON.stringify(shown) === JSON.stringify(item)) return item;
    touched = true;
    return shown;
  });
  return touched ? { ...data, items } : data;
}

/** A to-do created offline as the list shows it until the server answers: at the end, open, with what was typed. */
function createdItem(create: QueuedCreate, position: number) {
  return {
    id: create.itemId,
    tripId: create.tripId,
    name: create.changes.name,
    description: create.changes.description ?? null,
    category: create.changes.category ?? null,
    dueDate: create.changes.dueDate ?? null,
    assignedUserId: create.changes.assignedUserId ?? null,
    assignedUser: create.assignedUser ?? null,
    priority: create.changes.priority ?? 0,
    checked: false,
    position: position + 1_000_000,
  };
}

/**
 * What to do with a queued tick given the item as the server has it now: gone → a conflict; already as wanted (someone
 * else made the same change meanwhile) → nothing to send; else send it.
 */
export function planTick(tick: QueuedTick, current: ListItem | undefined): 'send' | 'skip' | 'deleted' {
  if (!current) return 'deleted';
  return current.checked === tick.checked ? 'skip' : 'send';
}

/** The same for an edit: gone → a conflict; every changed field already as wanted → nothing to send; else send it. */
export function planEdit(edit: QueuedEdit, current: (ListItem & Record<string, unknown>) | undefined): 'send' | 'skip' | 'deleted' {
  if (!current) return 'deleted';
  const same = Object.entries(edit.changes).every(([field, value]) => (current[field] ?? null) === (value ?? (field === 'priority' ? 0 : null)));
  return same ? 'skip' : 'send';
}

/** A deletion: already gone (someone else deleted it) → simply done; else send it (refused if it changed meanwhile). */
export function planDelete(current: ListItem | undefined): 'send' | 'skip' {
  return current ? 'send' : 'skip';
}

/**
 * Once the server made a to-do created offline: its create leaves the queue, and the later changes of it (ticks, a
 * deletion) name the server's id and the version it answered.
 */
export function afterCreate(queue: QueuedChange[], create: QueuedCreate, serverId: number, updatedAt: string): QueuedChange[] {
  return queue.flatMap((q) => (q.id === create.id ? [] : sameItem(q, create) ? [{ ...q, itemId: serverId, seenUpdatedAt: updatedAt } as QueuedChange] : [q]));
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
  private snapshot: { queue: QueuedChange[]; conflicts: Conflict[] };

  constructor(readonly userId: number) {
    this.snapshot = { queue: read<QueuedChange>(userId, 'queue'), conflicts: read<Conflict>(userId, 'conflicts') };
  }

  get = () => this.snapshot;

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  private set(next: Partial<{ queue: QueuedChange[]; conflicts: Conflict[] }>) {
    this.snapshot = { ...this.snapshot, ...next };
    localStorage.setItem(storageKey(this.userId, 'queue'), JSON.stringify(this.snapshot.queue));
    localStorage.setItem(storageKey(this.userId, 'conflicts'), JSON.stringify(this.snapshot.conflicts));
    for (const listener of this.listeners) listener();
  }

  addTick(tick: Omit<QueuedTick, 'id'>) {
    this.set({ queue: enqueueTick(this.snapshot.queue, tick, newId()) });
  }

  addEdit(edit: Omit<QueuedEdit, 'id' | 'kind'>) {
    this.set({ queue: enqueueEdit(this.snapshot.queue, edit, newId()) });
  }

  /** Queues a to-do created offline; answers its client id (negative: never a server id). */
  addCreate(create: Omit<QueuedCreate, 'id' | 'kind' | 'itemId' | 'requestId' | 'name'>) {
    const itemId = -(Date.now() * 1000 + Math.floor(Math.random() * 1000));
    this.set({ queue: [...this.snapshot.queue, { ...create, name: create.changes.name, kind: 'create', id: newId(), itemId, requestId: crypto.randomUUID() }] });
    return itemId;
  }

  addDelete(deletion: Omit<QueuedDelete, 'id' | 'kind'>) {
    this.set({ queue: enqueueDelete(this.snapshot.queue, deletion, newId()) });
  }

  /** After a to-do created offline was made by the server (see `afterCreate`). */
  created(create: QueuedCreate, serverId: number, updatedAt: string) {
    this.set({ queue: afterCreate(this.snapshot.queue, create, serverId, updatedAt) });
  }

  /** After a change was sent: later changes of the same item made against the same version now expect the new one. */
  advance(list: TickList, itemId: number, from: string | undefined, to: string) {
    if (from === undefined) return;
    const moved = (q: QueuedChange) => q.list === list && q.itemId === itemId && q.seenUpdatedAt === from;
    if (this.snapshot.queue.some(moved)) this.set({ queue: this.snapshot.queue.map((q) => (moved(q) ? ({ ...q, seenUpdatedAt: to } as QueuedChange) : q)) });
  }

  /** Takes a change off the queue once it was sent (or skipped), with the conflict it ended in, if any. */
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

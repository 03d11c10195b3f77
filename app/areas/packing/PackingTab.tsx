// The planner's Packing tab: the list grouped by category with a progress bar per category and overall, one-click
// (or Space) check-off, Alt+↑/↓ to move an item within its category, drag and drop (mouse, touch or keyboard via
// dnd-kit) to reorder, to move into another category or into a bag, the people responsible for each category, a
// "mine" filter, bulk import from pasted lines, and bags with their packed weight against their limit.
import { useMemo, useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { DndContext, KeyboardSensor, PointerSensor, closestCenter, pointerWithin, useDroppable, useSensor, useSensors, type CollisionDetection, type DragEndEvent, type UniqueIdentifier } from '@dnd-kit/core';
import { SortableContext, arrayMove, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorMessage, thenRefresh, useTRPC } from '~/utils/trpc';
import { AvatarStack, Button, ConfirmDialog, Dialog, EmptyState, SelectField, Spinner, TabLoadError, TextAreaField, TextField } from '~/components/ui';
import { DEFAULT_BAG_COLOR, DEFAULT_CATEGORY, bagWeight, formatWeight, packingProgress, parseImportLines } from './rules';
import { PeopleDialog, ProgressBar, useMyUserId, type Person } from './lists-ui';
import type { PackingBags, PackingList } from './events';
import { TemplatesDialog } from './TemplatesDialog';
import { useOfflineEdits, useOfflineState, useOfflineTicks } from '~/offline/ticks';
import { changedFields } from '~/offline/queue';

type Item = PackingList['items'][number];
type Bag = PackingBags['bags'][number];

export function PackingTab({ tripId }: { tripId: number }) {
  const { t, i18n } = useTranslation('packing');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const me = useMyUserId();
  const listKey = trpc.packing.listPackingItems.queryKey({ tripId });
  const list = useQuery(trpc.packing.listPackingItems.queryOptions({ tripId }));
  const bags = useQuery(trpc.packing.listPackingBags.queryOptions({ tripId }));
  const summary = useQuery(trpc.trips.getTripSummary.queryOptions({ tripId }));
  const people: Person[] = useMemo(() => (summary.data?.members ?? []).map((m) => ({ id: m.id, displayName: m.displayName })), [summary.data]);
  const [mine, setMine] = useState(false);
  const [editing, setEditing] = useState<Item | null>(null);
  const [toDelete, setToDelete] = useState<Item | null>(null);
  const [assigning, setAssigning] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);
  const [templating, setTemplating] = useState(false);
  // Our own changes do not come back over the realtime channel: refetch (or patch) the packing views ourselves.
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.packing.pathKey() });
  const patchList = (fn: (l: PackingList) => PackingList) => queryClient.setQueryData<PackingList>(listKey, (l) => (l ? fn(l) : l));

  // Each answer patches in only the fields its call changed: a whole-list refetch, or another call's older answer,
  // arriving in between cannot undo a tick (or a move) for good.
  const patchItem = (itemId: number, fields: Partial<Item>) => patchList((l) => ({ ...l, items: l.items.map((i) => (i.id === itemId ? { ...i, ...fields } : i)) }));
  const toggle = useMutation(
    trpc.packing.togglePackingItem.mutationOptions({ onSuccess: ({ item }) => patchItem(item.id, { checked: item.checked, updatedAt: item.updatedAt }), onError: () => void refresh() }),
  );
  const offline = useOfflineTicks('packing', tripId);
  // items with a change waiting in the offline queue (shown with it applied, marked as not sent yet)
  const { queue } = useOfflineState();
  const pending = new Set(queue.filter((q) => q.list === 'packing' && q.tripId === tripId).map((q) => q.itemId));
  const moveItem = useMutation(
    trpc.packing.updatePackingItem.mutationOptions({ onSuccess: ({ item }) => patchItem(item.id, { bagId: item.bagId, category: item.category }), onError: () => void refresh() }),
  );
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));
  const reorder = useMutation(trpc.packing.reorderPackingItems.mutationOptions({ onError: () => void refresh() }));
  const remove = useMutation(
    trpc.packing.deletePackingItem.mutationOptions(thenRefresh(() => setToDelete(null), refresh)),
  );
  const assign = useMutation(
    trpc.packing.setPackingCategoryAssignees.mutationOptions(thenRefresh(() => setAssigning(null), refresh)),
  );

  // pending with no data: still loading, or paused offline until the network is back (isLoading is false then)
  if (list.isPending) return <Spinner label={t('loading')} />;
  if (list.error || !list.data) {
    return <TabLoadError error={list.error} t={t} onRetry={() => void list.refetch()} />;
  }
  const data = list.data;
  const bagList = bags.data?.bags ?? [];
  const myBagIds = new Set(bagList.filter((b) => b.members.some((m) => m.userId === me)).map((b) => b.id));
  const isMine = (item: Item) => (data.assignees[item.category] ?? []).some((p) => p.userId === me) || (item.bagId !== null && myBagIds.has(item.bagId));
  const shown = mine ? data.items.filter(isMine) : data.items;
  const progress = packingProgress(shown);
  const categories = [...new Set(data.items.map((i) => i.category))];

  const setChecked = (item: Item, checked: boolean) => {
    patchItem(item.id, { checked });
    // Offline (or the server unreachable), the tick waits in the offline queue and is sent on reconnect.
    if (offline.queueIfOffline(item, checked)) return;
    toggle.mutate({ tripId, itemId: item.id, checked }, { onError: (error) => offline.queueIfUnreachable(error, item, checked) });
  };

  /** Alt+↑/↓ moves an item past its neighbour in the same category. */
  const move = (item: Item, step: -1 | 1) => {
    const same = data.items.filter((i) => i.category === item.category);
    const neighbour = same[same.indexOf(item) + step];
    if (!neighbour) return;
    const ids = data.items.map((i) => i.id);
    const a = ids.indexOf(item.id);
    const b = ids.indexOf(neighbour.id);
    [ids[a], ids[b]] = [ids[b], ids[a]];
    patchList((l) => ({ ...l, items: ids.map((id, position) => ({ ...l.items.find((i) => i.id === id)!, position })) }));
    reorder.mutate({ tripId, orderedIds: ids });
  };
  /** A drop on an item reorders (and, across categories, moves the item into that category); on a bag, bags it. */
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    const item = data.items.find((i) => `i:${i.id}` === active.id);
    if (!item || !over) return;
    const bagId = idOf(over.id, 'b');
    if (bagId !== null) {
      if (item.bagId !== bagId) {
        patchList((l) => ({ ...l, items: l.items.map((i) => (i.id === item.id ? { ...i, bagId } : i)) }));
        moveItem.mutate({ tripId, itemId: item.id, bagId });
      }
      return;
    }
    const target = data.items.find((i) => i.id === idOf(over.id, 'i'));
    if (!target || target.id === item.id) return;
    const ids = data.items.map((i) => i.id);
    const order = arrayMove(ids, ids.indexOf(item.id), ids.indexOf(target.id));
    patchList((l) => ({
      ...l,
      items: order.map((id, position) => {
        const row = l.items.find((i) => i.id === id)!;
        return { ...row, position, category: id === item.id ? target.category : row.category };
      }),
    }));
    if (target.category !== item.category) moveItem.mutate({ tripId, itemId: item.id, category: target.category });
    reorder.mutate({ tripId, orderedIds: order });
  };
  const nameOf = (id: UniqueIdentifier | undefined) => data.items.find((i) => `i:${i.id}` === id)?.name ?? '';
  const overName = (id: UniqueIdentifier | undefined) => bagList.find((b) => `b:${b.id}` === id)?.name ?? nameOf(id);

  const onItemKey = (item: Item) => (e: KeyboardEvent) => {
    if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    e.preventDefault();
    move(item, e.key === 'ArrowUp' ? -1 : 1);
    // Keep the focus on the moved item's checkbox after React re-renders the list.
    const id = `packing-check-${item.id}`;
    requestAnimationFrame(() => document.getElementById(id)?.focus());
  };

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={pointerFirst}
      onDragEnd={onDragEnd}
      accessibility={{
        screenReaderInstructions: { draggable: t('dnd.instructions') },
        announcements: {
          onDragStart: ({ active }) => t('dnd.picked', { name: nameOf(active.id) }),
          onDragOver: ({ active, over }) => (over ? t('dnd.over', { name: nameOf(active.id), target: overName(over.id) }) : undefined),
          onDragEnd: ({ active, over }) => (over ? t('dnd.dropped', { name: nameOf(active.id), target: overName(over.id) }) : t('dnd.cancelled', { name: nameOf(active.id) })),
          onDragCancel: ({ active }) => t('dnd.cancelled', { name: nameOf(active.id) }),
        },
      }}
    >
    <div className="grid gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]" data-testid="packing-tab">
      <section aria-labelledby="packing-heading" className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="packing-heading" className="text-base font-semibold text-slate-900">
            {t('heading')}
          </h2>
          <div className="flex flex-wrap items-center gap-2">
            <label className="flex items-center gap-1.5 text-sm text-slate-700">
              <input type="checkbox" className="h-4 w-4" checked={mine} onChange={(e) => setMine(e.target.checked)} />
              {t('mine')}
            </label>
            <Button onClick={() => setTemplating(true)}>{t('templates.open')}</Button>
            <Button onClick={() => setImporting(true)}>{t('import.open')}</Button>
          </div>
        </div>
        <div className="mt-3" data-testid="packing-overall">
          <p className="mb-1 text-sm text-slate-700">{t('progress', { checked: progress.checked, count: progress.total })}</p>
          <ProgressBar checked={progress.checked} total={progress.total} label={t('overall')} />
        </div>
        <AddItemForm tripId={tripId} categories={categories} onAdded={refresh} />
        {data.items.length === 0 ? (
          <EmptyState title={t('empty')} description={t('emptyHint')} />
        ) : shown.length === 0 ? (
          <p className="mt-3 text-sm text-slate-500">{t('noneMine')}</p>
        ) : (
          <div className="mt-4 space-y-4">
            {progress.categories.map(({ category, checked, total }) => {
              const assignees = data.assignees[category] ?? [];
              return (
                <section key={category} aria-label={category} data-testid="packing-category" className="rounded-lg border border-slate-100 p-3">
                  <div className="flex flex-wrap items-center justify-between gap-2">
                    <h3 className="text-sm font-semibold text-slate-900">
                      {category} <span className="font-normal text-slate-500">{`${checked}/${total}`}</span>
                    </h3>
                    <div className="flex items-center gap-2">
                      {assignees.length > 0 && <AvatarStack names={assignees.map((a) => a.displayName)} label={t('assignees', { category })} />}
                      <Button size="sm" variant="ghost" onClick={() => setAssigning(category)} aria-label={t('assign.open', { category })}>
                        {t('assign.button')}
                      </Button>
                    </div>
                  </div>
                  <div className="mt-2">
                    <ProgressBar checked={checked} total={total} label={t('categoryProgress', { category })} />
                  </div>
                  <SortableContext items={shown.filter((i) => i.category === category).map((i) => `i:${i.id}`)} strategy={verticalListSortingStrategy}>
                  <ul className="mt-2 divide-y divide-slate-100">
                    {shown
                      .filter((i) => i.category === category)
                      .map((item) => {
                        const bag = bagList.find((b) => b.id === item.bagId);
                        return (
                          <SortableRow key={item.id} item={item}>
                            <input
                              id={`packing-check-${item.id}`}
                              type="checkbox"
                              className="h-5 w-5 shrink-0 accent-indigo-600"
                              checked={item.checked}
                              onChange={(e) => setChecked(item, e.target.checked)}
                              onKeyDown={onItemKey(item)}
                              aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown"
                              aria-describedby="packing-keys"
                            />
                            <label htmlFor={`packing-check-${item.id}`} className={`min-w-0 flex-1 truncate text-sm ${item.checked ? 'text-slate-400 line-through' : 'text-slate-900'}`}>
                              {item.quantity > 1 ? `${item.quantity}× ` : ''}
                              {item.name}
                            </label>
                            {pending.has(item.id) && (
                              <span className="text-xs font-medium text-amber-800" data-testid="packing-pending">
                                {t('pending')}
                              </span>
                            )}
                            {item.weightGrams !== null && <span className="text-xs tabular-nums text-slate-500">{formatWeight(item.weightGrams * item.quantity, i18n.language)}</span>}
                            {bag && (
                              <span className="inline-flex items-center gap-1 text-xs text-slate-600">
                                <span aria-hidden className="h-2.5 w-2.5 rounded-full" style={{ backgroundColor: bag.color }} />
                                {bag.name}
                              </span>
                            )}
                            <Button size="sm" variant="ghost" onClick={() => setEditing(item)} aria-label={`${t('edit')}: ${item.name}`}>
                              {t('edit')}
                            </Button>
                            <Button size="sm" variant="ghost" onClick={() => setToDelete(item)} aria-label={`${t('delete')}: ${item.name}`}>
                              {t('delete')}
                            </Button>
                          </SortableRow>
                        );
                      })}
                  </ul>
                  </SortableContext>
                </section>
              );
            })}
            <p id="packing-keys" className="text-xs text-slate-500">
              {t('keysHint')}
            </p>
          </div>
        )}
      </section>

      <BagsPanel tripId={tripId} bags={bagList} items={data.items} people={people} loading={bags.isPending} onChanged={refresh} />

      {editing && <ItemDialog tripId={tripId} item={editing} categories={categories} bags={bagList} onClose={() => setEditing(null)} onSaved={refresh} />}
      {templating && <TemplatesDialog tripId={tripId} onClose={() => setTemplating(false)} onChanged={refresh} />}
      {importing && <ImportDialog tripId={tripId} onClose={() => setImporting(false)} onImported={refresh} />}
      <PeopleDialog
        open={assigning !== null}
        title={t('assign.title', { category: assigning ?? '' })}
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
        onConfirm={() => toDelete && remove.mutate({ tripId, itemId: toDelete.id })}
        onCancel={() => setToDelete(null)}
      />
    </div>
    </DndContext>
  );
}

/** What is under the pointer (a bag beside the list), else the closest item (keyboard dragging has no pointer). */
const pointerFirst: CollisionDetection = (args) => {
  const hits = pointerWithin(args);
  return hits.length ? hits : closestCenter(args);
};

const idOf = (id: UniqueIdentifier, kind: 'i' | 'b') => (String(id).startsWith(`${kind}:`) ? Number(String(id).slice(2)) : null);

/** One item row, draggable by its handle (pointer, touch, or keyboard: Space to pick up, arrows, Space to drop). */
function SortableRow({ item, children }: { item: Item; children: ReactNode }) {
  const { t } = useTranslation('packing');
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: `i:${item.id}` });
  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      data-testid="packing-item"
      data-checked={item.checked}
      className={`flex items-center gap-2 bg-white py-1.5 ${isDragging ? 'opacity-40' : ''}`}
    >
      <button
        type="button"
        ref={setActivatorNodeRef}
        {...attributes}
        {...listeners}
        aria-label={t('dnd.handle', { name: item.name })}
        className="cursor-grab touch-none rounded px-1 text-slate-400 hover:text-slate-700 focus:outline-none focus:ring-2 focus:ring-indigo-500"
      >
        <span aria-hidden>⠿</span>
      </button>
      {children}
    </li>
  );
}

/** A bag as a drop target for items. */
function BagDrop({ bag, children }: { bag: Bag; children: ReactNode }) {
  const { setNodeRef, isOver } = useDroppable({ id: `b:${bag.id}` });
  return (
    <li ref={setNodeRef} data-testid="packing-bag" className={`rounded-lg border p-3 ${isOver ? 'border-indigo-400 bg-indigo-50' : 'border-slate-100'}`}>
      {children}
    </li>
  );
}

function AddItemForm({ tripId, categories, onAdded }: { tripId: number; categories: string[]; onAdded(): Promise<unknown> }) {
  const { t } = useTranslation('packing');
  const trpc = useTRPC();
  const [name, setName] = useState('');
  const [category, setCategory] = useState('');
  const [quantity, setQuantity] = useState('1');
  const create = useMutation(
    trpc.packing.createPackingItem.mutationOptions({
      onSuccess: async () => {
        setName('');
        setQuantity('1');
        await onAdded();
      },
    }),
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return;
    create.mutate({ tripId, name, category: category.trim() || undefined, quantity: Number(quantity) || 1 });
  };
  return (
    <form onSubmit={submit} className="mt-3 grid gap-2 sm:grid-cols-[2fr_1.5fr_5rem_auto] sm:items-end" aria-label={t('add')}>
      <TextField label={t('form.name')} value={name} onChange={(e) => setName(e.target.value)} maxLength={200} />
      <TextField label={t('form.category')} value={category} onChange={(e) => setCategory(e.target.value)} list="packing-categories" placeholder={DEFAULT_CATEGORY} maxLength={100} />
      <TextField label={t('form.quantity')} value={quantity} onChange={(e) => setQuantity(e.target.value)} inputMode="numeric" type="number" min={1} max={999} />
      <Button variant="primary" type="submit" busy={create.isPending} disabled={!name.trim()}>
        {t('add')}
      </Button>
      <datalist id="packing-categories">
        {categories.map((c) => (
          <option key={c} value={c} />
        ))}
      </datalist>
      {create.error && (
        <p role="alert" className="text-sm text-red-700 sm:col-span-4">
          {errorMessage(create.error, t)}
        </p>
      )}
    </form>
  );
}

function ItemDialog({ tripId, item, categories, bags, onClose, onSaved }: { tripId: number; item: Item; categories: string[]; bags: Bag[]; onClose(): void; onSaved(): Promise<unknown> }) {
  const { t } = useTranslation('packing');
  const trpc = useTRPC();
  const [name, setName] = useState(item.name);
  const [category, setCategory] = useState(item.category);
  const [quantity, setQuantity] = useState(String(item.quantity));
  const [weight, setWeight] = useState(item.weightGrams === null ? '' : String(item.weightGrams));
  const [bagId, setBagId] = useState(item.bagId === null ? '' : String(item.bagId));
  const update = useMutation(
    trpc.packing.updatePackingItem.mutationOptions(thenRefresh(() => onClose(), onSaved)),
  );
  const offline = useOfflineEdits('packing', tripId);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const wanted = {
      name,
      category: category.trim() || DEFAULT_CATEGORY,
      quantity: Number(quantity) || 1,
      weightGrams: weight.trim() === '' ? null : Math.round(Number(weight)),
      bagId: bagId ? Number(bagId) : null,
    };
    // Offline (or the server unreachable), the changed fields wait in the offline queue and are sent on reconnect.
    const edit = { changes: changedFields<typeof wanted>(item, wanted) };
    if (Object.keys(edit.changes).length === 0 || offline.queueIfOffline(item, edit)) return onClose();
    update.mutate({ tripId, itemId: item.id, ...wanted }, { onError: (error) => void (offline.queueIfUnreachable(error, item, edit) && onClose()) });
  };
  return (
    <Dialog
      open
      onClose={onClose}
      title={t('form.editTitle')}
      testId="packing-item-dialog"
      footer={
        <>
          <Button onClick={onClose}>{t('cancel')}</Button>
          <Button variant="primary" type="submit" form="packing-item-form" busy={update.isPending}>
            {t('save')}
          </Button>
        </>
      }
    >
      <form id="packing-item-form" onSubmit={submit} className="space-y-3">
        <TextField label={t('form.name')} value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} data-autofocus />
        <div className="grid gap-3 sm:grid-cols-3">
          <TextField label={t('form.category')} value={category} onChange={(e) => setCategory(e.target.value)} list="packing-categories-edit" maxLength={100} />
          <TextField label={t('form.quantity')} value={quantity} onChange={(e) => setQuantity(e.target.value)} type="number" min={1} max={999} />
          <TextField label={t('form.weight')} value={weight} onChange={(e) => setWeight(e.target.value)} type="number" min={0} />
        </div>
        <datalist id="packing-categories-edit">
          {categories.map((c) => (
            <option key={c} value={c} />
          ))}
        </datalist>
        <SelectField label={t('form.bag')} value={bagId} onChange={(e) => setBagId(e.target.value)}>
          <option value="">{t('form.noBag')}</option>
          {bags.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
            </option>
          ))}
        </SelectField>
        {update.error && (
          <p role="alert" className="text-sm text-red-700">
            {errorMessage(update.error, t)}
          </p>
        )}
      </form>
    </Dialog>
  );
}

function ImportDialog({ tripId, onClose, onImported }: { tripId: number; onClose(): void; onImported(): Promise<unknown> }) {
  const { t } = useTranslation('packing');
  const trpc = useTRPC();
  const [text, setText] = useState('');
  const lines = parseImportLines(text);
  const bulk = useMutation(
    trpc.packing.bulkImportPacking.mutationOptions(thenRefresh(() => onClose(), onImported)),
  );
  return (
    <Dialog
      open
      onClose={onClose}
      title={t('import.title')}
      testId="packing-import-dialog"
      footer={
        <>
          <Button onClick={onClose}>{t('cancel')}</Button>
          <Button variant="primary" busy={bulk.isPending} disabled={lines.length === 0} onClick={() => bulk.mutate({ tripId, items: lines })}>
            {t('import.submit', { count: lines.length })}
          </Button>
        </>
      }
    >
      <TextAreaField label={t('import.label')} hint={t('import.hint')} value={text} onChange={(e) => setText(e.target.value)} rows={8} data-autofocus />
      {bulk.error && (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {errorMessage(bulk.error, t)}
        </p>
      )}
    </Dialog>
  );
}

function BagsPanel({ tripId, bags, items, people, loading, onChanged }: { tripId: number; bags: Bag[]; items: Item[]; people: Person[]; loading: boolean; onChanged(): Promise<unknown> }) {
  const { t, i18n } = useTranslation('packing');
  const trpc = useTRPC();
  const [name, setName] = useState('');
  const [color, setColor] = useState(DEFAULT_BAG_COLOR);
  const [limit, setLimit] = useState('');
  const [toDelete, setToDelete] = useState<Bag | null>(null);
  const [membersOf, setMembersOf] = useState<Bag | null>(null);
  const [editingBag, setEditingBag] = useState<Bag | null>(null);
  const create = useMutation(
    trpc.packing.createPackingBag.mutationOptions({
      onSuccess: async () => {
        setName('');
        setLimit('');
        await onChanged();
      },
    }),
  );
  const remove = useMutation(
    trpc.packing.deletePackingBag.mutationOptions(thenRefresh(() => setToDelete(null), onChanged)),
  );
  const members = useMutation(
    trpc.packing.setBagMembers.mutationOptions(thenRefresh(() => setMembersOf(null), onChanged)),
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return;
    const kg = Number(limit.replace(',', '.'));
    create.mutate({ tripId, name, color, weightLimitGrams: limit.trim() && kg > 0 ? Math.round(kg * 1000) : null });
  };
  const weight = (g: number) => formatWeight(g, i18n.language);

  return (
    <section aria-labelledby="bags-heading" className="h-fit rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="bags-heading" className="text-base font-semibold text-slate-900">
        {t('bags.heading')}
      </h2>
      {loading ? (
        <Spinner size="sm" label={t('loading')} />
      ) : bags.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">{t('bags.empty')}</p>
      ) : (
        <ul className="mt-2 space-y-3">
          {bags.map((bag) => {
            const w = bagWeight(items, bag.id);
            const over = bag.weightLimitGrams !== null && w.total > bag.weightLimitGrams;
            return (
              <BagDrop key={bag.id} bag={bag}>
                <div className="flex items-center justify-between gap-2">
                  <span className="flex items-center gap-2 text-sm font-medium text-slate-900">
                    <span aria-hidden className="h-3 w-3 rounded-full" style={{ backgroundColor: bag.color }} />
                    {bag.name}
                  </span>
                  <div className="flex items-center gap-1">
                    {bag.members.length > 0 && <AvatarStack names={bag.members.map((m) => m.displayName)} label={t('bags.members', { name: bag.name })} />}
                    <Button size="sm" variant="ghost" onClick={() => setMembersOf(bag)} aria-label={t('bags.setMembers', { name: bag.name })}>
                      {t('assign.button')}
                    </Button>
                    <Button size="sm" variant="ghost" onClick={() => setEditingBag(bag)} aria-label={`${t('edit')}: ${bag.name}`}>
                      {t('edit')}
                    </Button>
                    <Button size="sm" variant="ghost" onClick={() => setToDelete(bag)} aria-label={`${t('delete')}: ${bag.name}`}>
                      {t('delete')}
                    </Button>
                  </div>
                </div>
                <p className={`mt-1 text-xs ${over ? 'font-semibold text-red-700' : 'text-slate-600'}`} data-testid="bag-weight">
                  {bag.weightLimitGrams === null
                    ? t('bags.weight', { packed: weight(w.packed), total: weight(w.total) })
                    : t('bags.weightOfLimit', { packed: weight(w.packed), total: weight(w.total), limit: weight(bag.weightLimitGrams) })}
                  {over ? ` — ${t('bags.over')}` : ''}
                </p>
                {bag.weightLimitGrams !== null && (
                  <div className="mt-1">
                    <ProgressBar checked={Math.min(w.total, bag.weightLimitGrams)} total={bag.weightLimitGrams} label={t('bags.limitBar', { name: bag.name })} />
                  </div>
                )}
              </BagDrop>
            );
          })}
        </ul>
      )}
      <form onSubmit={submit} className="mt-3 grid gap-2 sm:grid-cols-[1fr_4rem_6rem_auto] sm:items-end" aria-label={t('bags.add')}>
        <TextField label={t('bags.name')} value={name} onChange={(e) => setName(e.target.value)} maxLength={100} />
        <TextField label={t('bags.color')} type="color" value={color} onChange={(e) => setColor(e.target.value)} />
        <TextField label={t('bags.limit')} value={limit} onChange={(e) => setLimit(e.target.value)} inputMode="decimal" />
        <Button type="submit" busy={create.isPending} disabled={!name.trim()}>
          {t('bags.add')}
        </Button>
        {create.error && (
          <p role="alert" className="text-sm text-red-700 sm:col-span-4">
            {errorMessage(create.error, t)}
          </p>
        )}
      </form>
      {editingBag && (
        <BagDialog
          tripId={tripId}
          bag={editingBag}
          onClose={() => setEditingBag(null)}
          onSaved={async () => {
            setEditingBag(null);
            await onChanged();
          }}
        />
      )}
      <PeopleDialog
        open={!!membersOf}
        title={t('bags.setMembers', { name: membersOf?.name ?? '' })}
        people={people}
        selected={membersOf?.members.map((m) => m.userId) ?? []}
        busy={members.isPending}
        error={members.error ? errorMessage(members.error, t) : null}
        onSave={(userIds) => membersOf && members.mutate({ tripId, bagId: membersOf.id, userIds })}
        onClose={() => setMembersOf(null)}
      />
      <ConfirmDialog
        open={!!toDelete}
        title={t('bags.deleteTitle')}
        message={t('bags.deleteMessage', { name: toDelete?.name ?? '' })}
        confirmLabel={t('delete')}
        danger
        busy={remove.isPending}
        error={remove.error ? errorMessage(remove.error, t) : null}
        onConfirm={() => toDelete && remove.mutate({ tripId, bagId: toDelete.id })}
        onCancel={() => setToDelete(null)}
      />
    </section>
  );
}

/** Rename a bag, change its colour or its weight limit (empty: no limit). */
function BagDialog({ tripId, bag, onClose, onSaved }: { tripId: number; bag: Bag; onClose(): void; onSaved(): Promise<unknown> }) {
  const { t, i18n } = useTranslation('packing');
  const trpc = useTRPC();
  const [name, setName] = useState(bag.name);
  const [color, setColor] = useState(bag.color);
  const [limit, setLimit] = useState(bag.weightLimitGrams === null ? '' : new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 3, useGrouping: false }).format(bag.weightLimitGrams / 1000));
  const update = useMutation(trpc.packing.updatePackingBag.mutationOptions({ onSuccess: onSaved }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const kg = Number(limit.replace(',', '.'));
    update.mutate({ tripId, bagId: bag.id, name, color, weightLimitGrams: limit.trim() && kg > 0 ? Math.round(kg * 1000) : null });
  };
  return (
    <Dialog
      open
      onClose={onClose}
      title={`${t('edit')}: ${bag.name}`}
      testId="packing-bag-dialog"
      footer={
        <>
          <Button onClick={onClose}>{t('cancel')}</Button>
          <Button variant="primary" type="submit" form="packing-bag-form" busy={update.isPending} disabled={!name.trim()}>
            {t('save')}
          </Button>
        </>
      }
    >
      <form id="packing-bag-form" onSubmit={submit} className="grid gap-3 sm:grid-cols-[1fr_5rem_8rem]">
        <TextField label={t('bags.name')} value={name} onChange={(e) => setName(e.target.value)} required maxLength={100} data-autofocus />
        <TextField label={t('bags.color')} type="color" value={color} onChange={(e) => setColor(e.target.value)} />
        <TextField label={t('bags.limit')} value={limit} onChange={(e) => setLimit(e.target.value)} inputMode="decimal" />
        {update.error && (
          <p role="alert" className="text-sm text-red-700 sm:col-span-3">
            {errorMessage(update.error, t)}
          </p>
        )}
      </form>
    </Dialog>
  );
}

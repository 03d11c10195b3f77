// Realtime events of the packing list. Items, bags and category assignees are patched in place in the browser, so two
// people packing the same list see each other's ticks at once. Ticks show no notice (a packing session would flood the
// planner with them); everything else does. Assignee and bag-member changes name who was added and removed, for
// whatever wants to tell those people (notifications are another area's job).
import type { inferRouterOutputs } from '@trpc/server';
import { cacheView, defineEvents, INVALIDATE, onView } from '~/realtime/events';
import { byPosition, tripSummaryView, upsert } from '../views';
import type { packingRouter } from './procedures.server';
import type { PackingBagJson, PackingItemJson, PackingPerson } from './packing-data.server';

type Outputs = inferRouterOutputs<typeof packingRouter>;
export type PackingList = Outputs['listPackingItems'];
export type PackingBags = Outputs['listPackingBags'];
export type PackingAssignees = Outputs['getPackingCategoryAssignees'];

export const packingListView = cacheView<PackingList>('packing.listPackingItems', 'trip');
export const packingBagsView = cacheView<PackingBags>('packing.listPackingBags', 'trip');
export const packingAssigneesView = cacheView<PackingAssignees>('packing.getPackingCategoryAssignees', 'trip');

/** The trip summary carries packing progress only for callers who may read the list: refetch it then. */
const refetchSummary = onView(tripSummaryView, (summary) => ('packing' in summary && summary.packing ? INVALIDATE : undefined));

const withItems = (list: PackingList, items: PackingItemJson[]): PackingList => ({
  ...list,
  items: items.reduce((acc, item) => upsert(acc, item), list.items).sort(byPosition),
});

function withAssignees<T extends { assignees: Record<string, PackingPerson[]> }>(data: T, category: string, people: PackingPerson[]): T {
  const assignees = { ...data.assignees };
  if (people.length) assignees[category] = people;
  else delete assignees[category];
  return { ...data, assignees };
}

export interface PeopleChange {
  addedUserIds: number[];
  removedUserIds: number[];
}

export const packingEvents = defineEvents<{
  'packing.item.created': { item: PackingItemJson };
  'packing.item.updated': { item: PackingItemJson };
  'packing.item.toggled': { item: PackingItemJson };
  'packing.item.deleted': { itemId: number; name: string };
  'packing.items.added': { items: PackingItemJson[]; source: 'import' | 'template' };
  'packing.items.reordered': { order: number[] };
  'packing.category.assignees.changed': { category: string; assignees: PackingPerson[] } & PeopleChange;
  'packing.bag.created': { bag: PackingBagJson };
  'packing.bag.updated': { bag: PackingBagJson };
  'packing.bag.members.changed': { bag: PackingBagJson } & PeopleChange;
  'packing.bag.deleted': { bagId: number; name: string };
}>()({
  'packing.item.created': {
    views: [onView(packingListView, (list, p) => withItems(list, [p.item])), refetchSummary],
    notice: (p) => ({ key: 'packing:notice.itemCreated', params: { name: p.item.name } }),
  },
  'packing.item.updated': {
    views: [onView(packingListView, (list, p) => withItems(list, [p.item])), refetchSummary],
    notice: (p) => ({ key: 'packing:notice.itemUpdated', params: { name: p.item.name } }),
  },
  'packing.item.toggled': {
    views: [onView(packingListView, (list, p) => withItems(list, [p.item])), refetchSummary],
    notice: () => null,
  },
  'packing.item.deleted': {
    views: [onView(packingListView, (list, p) => ({ ...list, items: list.items.filter((i) => i.id !== p.itemId) })), refetchSummary],
    notice: (p) => ({ key: 'packing:notice.itemDeleted', params: { name: p.name } }),
  },
  'packing.items.added': {
    views: [onView(packingListView, (list, p) => withItems(list, p.items)), refetchSummary],
    notice: (p) => ({ key: 'packing:notice.itemsAdded', params: { count: p.items.length } }),
  },
  'packing.items.reordered': {
    views: [
      onView(packingListView, (list, p) => {
        const rank = new Map(p.order.map((id, i) => [id, i]));
        return { ...list, items: list.items.map((i) => ({ ...i, position: rank.get(i.id) ?? i.position })).sort(byPosition) };
      }),
    ],
    notice: () => null,
  },
  'packing.category.assignees.changed': {
    views: [
      onView(packingListView, (list, p) => withAssignees(list, p.category, p.assignees)),
      onView(packingAssigneesView, (data, p) => withAssignees(data, p.category, p.assignees)),
    ],
    notice: (p) => ({ key: 'packing:notice.assigneesChanged', params: { category: p.category } }),
  },
  'packing.bag.created': {
    views: [onView(packingBagsView, (data, p) => ({ ...data, bags: upsert(data.bags, p.bag, byPosition) }))],
    notice: (p) => ({ key: 'packing:notice.bagCreated', params: { name: p.bag.name } }),
  },
  'packing.bag.updated': {
    views: [onView(packingBagsView, (data, p) => ({ ...data, bags: upsert(data.bags, p.bag, byPosition) }))],
    notice: (p) => ({ key: 'packing:notice.bagUpdated', params: { name: p.bag.name } }),
  },
  'packing.bag.members.changed': {
    views: [onView(packingBagsView, (data, p) => ({ ...data, bags: upsert(data.bags, p.bag, byPosition) }))],
    notice: (p) => ({ key: 'packing:notice.bagUpdated', params: { name: p.bag.name } }),
  },
  'packing.bag.deleted': {
    views: [
      onView(packingBagsView, (data, p) => ({ ...data, bags: data.bags.filter((b) => b.id !== p.bagId) })),
      // Its items stay, unbagged.
      onView(packingListView, (list, p) => ({ ...list, items: list.items.map((i) => (i.bagId === p.bagId ? { ...i, bagId: null } : i)) })),
    ],
    notice: (p) => ({ key: 'packing:notice.bagDeleted', params: { name: p.name } }),
  },
});

// Realtime events of the budget area: expenses added, changed and deleted; rates and category order changed.
// The list is patched in place; per-person figures and the settlement depend on every expense, so they refetch.
import type { inferRouterOutputs } from '@trpc/server';
import { cacheView, defineEvents, INVALIDATE, onView } from '~/realtime/events';
import { tripSummaryView, upsert } from '../views';
import type { budgetRouter } from './procedures.server';
import type { BudgetItemJson } from './budget-data.server';

type Outputs = inferRouterOutputs<typeof budgetRouter>;
export type BudgetList = Outputs['listBudgetItems'];
export type BudgetSettlement = Outputs['getBudgetSettlement'];
export type BudgetPerPerson = Outputs['getBudgetPerPerson'];
export type BudgetRateJson = BudgetList['rates'][number];

export const budgetListView = cacheView<BudgetList>('budget.listBudgetItems', 'trip');
export const budgetSettlementView = cacheView<BudgetSettlement>('budget.getBudgetSettlement', 'trip');
export const budgetPerPersonView = cacheView<BudgetPerPerson>('budget.getBudgetPerPerson', 'trip');

/** Figures that every budget change can move: refetched. The trip summary only when it carries budget totals. */
const refetchFigures = [
  onView(budgetSettlementView, () => INVALIDATE),
  onView(budgetPerPersonView, () => INVALIDATE),
  onView(tripSummaryView, (summary) => ('budget' in summary && summary.budget ? INVALIDATE : undefined)),
];

function withItem(list: BudgetList, item: BudgetItemJson): BudgetList {
  const categories = list.categories.includes(item.category) ? list.categories : [...list.categories, item.category];
  return { ...list, categories, items: upsert(list.items, item, (a, b) => a.position - b.position || a.id - b.id) };
}

export const budgetEvents = defineEvents<{
  'budget.item.created': { item: BudgetItemJson };
  'budget.item.updated': { item: BudgetItemJson };
  'budget.item.deleted': { itemId: number; name: string };
  'budget.rates.changed': { rates: BudgetRateJson[] };
  'budget.categories.reordered': { categories: string[] };
  'budget.settlement.recorded': { payment: BudgetSettlement['payments'][number] };
  'budget.settlement.deleted': { settlementId: number };
}>()({
  'budget.item.created': {
    views: [onView(budgetListView, (list, p) => withItem(list, p.item)), ...refetchFigures],
    notice: (p) => ({ key: 'budget:notice.itemCreated', params: { name: p.item.name } }),
  },
  'budget.item.updated': {
    views: [onView(budgetListView, (list, p) => withItem(list, p.item)), ...refetchFigures],
    notice: (p) => ({ key: 'budget:notice.itemUpdated', params: { name: p.item.name } }),
  },
  'budget.item.deleted': {
    views: [onView(budgetListView, (list, p) => ({ ...list, items: list.items.filter((i) => i.id !== p.itemId) })), ...refetchFigures],
    notice: (p) => ({ key: 'budget:notice.itemDeleted', params: { name: p.name } }),
  },
  'budget.rates.changed': {
    views: [onView(budgetListView, (list, p) => ({ ...list, rates: p.rates })), ...refetchFigures],
    notice: () => ({ key: 'budget:notice.ratesChanged', params: {} }),
  },
  'budget.settlement.recorded': {
    views: refetchFigures,
    notice: (p) => ({ key: 'budget:notice.settlementRecorded', params: { from: p.payment.from.displayName, to: p.payment.to.displayName, amount: `${p.payment.amount} ${p.payment.currency}` } }),
  },
  'budget.settlement.deleted': {
    views: refetchFigures,
    notice: () => ({ key: 'budget:notice.settlementDeleted', params: {} }),
  },
  'budget.categories.reordered': {
    // Item order follows the category order, which the server applies: refetch rather than re-sort here.
    views: [onView(budgetListView, () => INVALIDATE), ...refetchFigures],
    notice: () => null,
  },
});

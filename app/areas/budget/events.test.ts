// The browser side of the budget's realtime events: the cached expense list is patched in place (new categories go
// last), and the figures that depend on every expense are refetched rather than recomputed in the browser.
import { describe, expect, it } from 'vitest';
import { applyEventToView, INVALIDATE, joinHandlers } from '~/realtime/events';
import { budgetEvents, budgetListView, budgetSettlementView, type BudgetList } from './events';
import type { BudgetItemJson } from './budget-data.server';

const handlers = joinHandlers([budgetEvents]);
const none = () => undefined;

const item = (id: number, category: string, position: number): BudgetItemJson => ({
  id, tripId: 1, name: `Item ${id}`, category, currency: 'EUR', totalPrice: '10.00', amountMinor: 1000, splitMode: 'equal',
  expenseDate: null, dayId: null, placeId: null, reservationId: null, persons: null, days: null, note: '', position,
  members: [], payers: [],
});
const list = (): BudgetList => ({ tripCurrency: 'EUR', items: [item(1, 'Food', 0)], categories: ['Food'], rates: [] });

describe('budget events in the browser cache', () => {
  it('an expense created elsewhere appears in the list, its new category last', () => {
    const next = applyEventToView(handlers, budgetListView, list(), 'budget.item.created', { item: item(2, 'Transport', 1) }, none);
    expect(next).toMatchObject({ items: [{ id: 1 }, { id: 2 }], categories: ['Food', 'Transport'] });
  });

  it('an update replaces the row, a delete removes it', () => {
    const renamed = { ...item(1, 'Food', 0), name: 'Dinner' };
    expect(applyEventToView(handlers, budgetListView, list(), 'budget.item.updated', { item: renamed }, none)).toMatchObject({ items: [{ id: 1, name: 'Dinner' }] });
    expect(applyEventToView(handlers, budgetListView, list(), 'budget.item.deleted', { itemId: 1, name: 'Item 1' }, none)).toMatchObject({ items: [] });
  });

  it('the settlement is refetched on any change', () => {
    const settlement = { currency: 'EUR', balances: [], flows: [], payments: [], missingRates: [], unpaidItemIds: [] };
    expect(applyEventToView(handlers, budgetSettlementView, settlement, 'budget.item.deleted', { itemId: 1, name: 'x' }, none)).toBe(INVALIDATE);
    expect(applyEventToView(handlers, budgetSettlementView, settlement, 'budget.settlement.deleted', { settlementId: 1 }, none)).toBe(INVALIDATE);
  });

  it('notices use the budget namespace', () => {
    expect(handlers['budget.item.created'].notice({ item: item(2, 'Food', 1) } as never, none)).toEqual({ key: 'budget:notice.itemCreated', params: { name: 'Item 2' } });
  });
});

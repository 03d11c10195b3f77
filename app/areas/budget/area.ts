// Budget: expenses in any currency split among the trip's members, who paid them, rates to the trip currency,
// per-person figures and the settlement; a planner tab while the budget addon is on.
import { defineArea } from '../area';
import { budgetRouter } from './procedures.server';
import { copyBudget } from './copy.server';
import { budgetEvents } from './events';
import { BudgetTab } from './BudgetTab';

const SPENT = 'expenses record money the original trip’s people actually spent; a copy starts with no spending';

export const budgetArea = defineArea({
  id: 'budget',
  router: budgetRouter,
  namespaces: ['budget'],
  events: budgetEvents,
  copy: copyBudget,
  notCopied: { BudgetItem: SPENT, BudgetItemMember: `${SPENT} (and its split with it)`, BudgetItemPayer: `${SPENT} (and who paid it)`, BudgetSettlement: 'payments between the original trip’s people settle what they spent; a copy owes nothing' },
  plannerTab: { id: 'budget', labelKey: 'budget:tab', addon: 'budget', Component: BudgetTab },
});

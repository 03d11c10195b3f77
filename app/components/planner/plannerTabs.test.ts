import { describe, expect, it } from 'vitest';
import { plannerTabsFor } from './plannerTabs';

const Tab = () => null;
const budget = { plannerTab: { id: 'budget', labelKey: 'budget:tab', addon: 'budget' as const, Component: Tab } };
const notes = { plannerTab: { id: 'notes', labelKey: 'notes:tab', Component: Tab } };

describe('planner tabs', () => {
  it('lists area tabs in registry order, an addon-gated one only while its addon is on', () => {
    expect(plannerTabsFor([budget, {}, notes], { budget: true }).map((t) => t.id)).toEqual(['budget', 'notes']);
    expect(plannerTabsFor([budget, {}, notes], { budget: false }).map((t) => t.id)).toEqual(['notes']);
    expect(plannerTabsFor([budget], undefined)).toEqual([]);
  });
});

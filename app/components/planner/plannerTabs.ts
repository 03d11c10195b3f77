// The planner's area tabs: each area that declares a plannerTab (app/areas/index.ts) gets one next to the trip plan
// itself, while its addon is on. With none, the planner shows only the plan, without a tab bar.
import type { PlannerTab } from '~/areas/area';

export function plannerTabsFor(list: readonly { plannerTab?: PlannerTab }[], addons: Partial<Record<string, boolean>> | undefined) {
  return list.flatMap((area) => (area.plannerTab && (!area.plannerTab.addon || addons?.[area.plannerTab.addon]) ? [area.plannerTab] : []));
}

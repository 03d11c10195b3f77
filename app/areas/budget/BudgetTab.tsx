// The planner's Budget tab (placeholder until the UI lands).
export function BudgetTab(_props: { tripId: number }) {
  return null;
}

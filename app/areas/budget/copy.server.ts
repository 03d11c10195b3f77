// Copying a trip's budget setup: its category order and exchange rates (a copy plans the same kind of trip in the
// same currencies). Expenses are not copied: they record money actually spent by the original trip's people.
import type { TripCopyStep } from '../area';

export const copyBudget: TripCopyStep = {
  models: ['BudgetCategory', 'BudgetRate'],
  async run({ tx, sourceTripId, tripId, actorId }) {
    const categories = await tx.budgetCategory.findMany({ where: { tripId: sourceTripId }, orderBy: { position: 'asc' } });
    await tx.budgetCategory.createMany({ data: categories.map((c) => ({ tripId, name: c.name, position: c.position })) });
    const rates = await tx.budgetRate.findMany({ where: { tripId: sourceTripId }, orderBy: { currency: 'asc' } });
    await tx.budgetRate.createMany({
      data: rates.map((r) => ({ tripId, currency: r.currency, tripCurrency: r.tripCurrency, rate: r.rate, updatedById: actorId })),
    });
  },
};

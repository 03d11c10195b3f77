// Copying a trip's days (dates and titles, in order).
import type { TripCopyStep } from '../area';

export const copyDays: TripCopyStep = {
  models: ['Day'],
  async run({ tx, sourceTripId, tripId, ids }) {
    const days = await tx.day.findMany({ where: { tripId: sourceTripId }, orderBy: { position: 'asc' } });
    const dayIds = new Map<number, number>();
    for (const day of days) {
      const created = await tx.day.create({ data: { tripId, position: day.position, date: day.date, title: day.title } });
      dayIds.set(day.id, created.id);
    }
    ids.Day = dayIds;
  },
};

// Copying the notes on each day (after days).
import type { TripCopyStep } from '../area';

export const copyDayNotes: TripCopyStep = {
  models: ['DayNote'],
  async run({ tx, sourceTripId, ids }) {
    const notes = await tx.dayNote.findMany({ where: { day: { tripId: sourceTripId } }, orderBy: { id: 'asc' } });
    await tx.dayNote.createMany({
      data: notes.map(({ dayId, text, time, icon, position }) => ({ dayId: ids.Day!.get(dayId)!, text, time, icon, position })),
    });
  },
};

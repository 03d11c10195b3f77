// Copying which places are on which days, in order, with their times and notes (after places and days).
import type { TripCopyStep } from '../area';

export const copyAssignments: TripCopyStep = {
  models: ['Assignment'],
  async run({ tx, sourceTripId, ids }) {
    const assignments = await tx.assignment.findMany({ where: { day: { tripId: sourceTripId } }, orderBy: { id: 'asc' } });
    await tx.assignment.createMany({
      data: assignments.map(({ dayId, placeId, position, startTime, endTime, notes }) => ({
        dayId: ids.Day!.get(dayId)!,
        placeId: ids.Place!.get(placeId)!,
        position,
        startTime,
        endTime,
        notes,
      })),
    });
  },
};

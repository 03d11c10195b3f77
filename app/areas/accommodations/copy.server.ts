// Copying the trip's stays (after places and days, which they point at).
import type { TripCopyStep } from '../area';

export const copyAccommodations: TripCopyStep = {
  models: ['Accommodation'],
  async run({ tx, sourceTripId, tripId, ids }) {
    const stays = await tx.accommodation.findMany({ where: { tripId: sourceTripId }, orderBy: { id: 'asc' } });
    await tx.accommodation.createMany({
      data: stays.map((a) => ({
        tripId,
        placeId: ids.Place!.get(a.placeId)!,
        checkInDayId: ids.Day!.get(a.checkInDayId)!,
        checkOutDayId: ids.Day!.get(a.checkOutDayId)!,
        checkInTime: a.checkInTime,
        checkOutTime: a.checkOutTime,
        confirmation: a.confirmation,
        notes: a.notes,
      })),
    });
  },
};

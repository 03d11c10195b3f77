// Copying a trip's packing list: every item (unchecked: the copy has not been packed yet), in order, in copies of its
// bags; bags without members (who packs them is up to the copy's people). Category assignees are not copied.
import type { TripCopyStep } from '../area';

export const copyPacking: TripCopyStep = {
  models: ['PackingBag', 'PackingItem'],
  async run({ tx, sourceTripId, tripId, actorId, ids }) {
    const bags = await tx.packingBag.findMany({ where: { tripId: sourceTripId }, orderBy: [{ position: 'asc' }, { id: 'asc' }] });
    const bagIds = new Map<number, number>();
    for (const bag of bags) {
      const copy = await tx.packingBag.create({ data: { tripId, name: bag.name, color: bag.color, weightLimitGrams: bag.weightLimitGrams, position: bag.position } });
      bagIds.set(bag.id, copy.id);
    }
    ids.PackingBag = bagIds;
    const items = await tx.packingItem.findMany({ where: { tripId: sourceTripId }, orderBy: [{ position: 'asc' }, { id: 'asc' }] });
    await tx.packingItem.createMany({
      data: items.map((item) => ({
        tripId,
        name: item.name,
        category: item.category,
        quantity: item.quantity,
        weightGrams: item.weightGrams,
        checked: false,
        bagId: item.bagId === null ? null : (bagIds.get(item.bagId) ?? null),
        position: item.position,
        updatedById: actorId,
      })),
    });
  },
};

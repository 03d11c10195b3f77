// Copying a trip's places with their tags. Tags are personal: the copy keeps only the copier's own.
import type { TripCopyStep } from '../area';

export const copyPlaces: TripCopyStep = {
  models: ['Place', 'PlaceTag'],
  async run({ tx, sourceTripId, tripId, actorId, ids }) {
    const places = await tx.place.findMany({ where: { tripId: sourceTripId }, include: { tags: true }, orderBy: { id: 'asc' } });
    const ownTagIds = new Set((await tx.tag.findMany({ where: { userId: actorId }, select: { id: true } })).map((tag) => tag.id));
    const placeIds = new Map<number, number>();
    for (const place of places) {
      const { id, tripId: _t, createdAt: _c, updatedAt: _u, tags, ...rest } = place;
      const created = await tx.place.create({
        data: {
          ...rest,
          tripId,
          createdById: actorId,
          tags: { create: tags.filter((t) => ownTagIds.has(t.tagId)).map((t) => ({ tagId: t.tagId })) },
        },
      });
      placeIds.set(id, created.id);
    }
    ids.Place = placeIds;
  },
};

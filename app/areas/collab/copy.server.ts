// Copying a trip's collab data: the shared notes come along (they are plans and knowledge for the same kind of trip),
// now written by the person who copies. Polls and chat are not copied (see area.ts for why).
import type { TripCopyStep } from '../area';

export const copyCollab: TripCopyStep = {
  models: ['CollabNote'],
  async run({ tx, sourceTripId, tripId, actorId }) {
    const notes = await tx.collabNote.findMany({ where: { tripId: sourceTripId }, orderBy: { id: 'asc' } });
    await tx.collabNote.createMany({
      data: notes.map((n) => ({
        tripId,
        title: n.title,
        content: n.content,
        category: n.category,
        color: n.color,
        pinned: n.pinned,
        authorId: actorId,
        lastEditorId: actorId,
      })),
    });
  },
};

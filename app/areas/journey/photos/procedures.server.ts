// Journey photos after upload (the bytes come in through POST /api/journeys/<id>/photos): list, caption, move between
// an entry and the gallery, order, delete, and choose the journey's cover. Editors manage photos, the owner the cover;
// viewers read. A photo of a private entry exists only for that entry's author. Plus the public link (../share).
import { z } from 'zod';
import { authedProcedure, router } from '~/trpc/init';
import { id, idList, text } from '~/trpc/schemas';
import { badRequest, tripNotFound } from '~/domain/errors';
import { tripsVisibleTo } from '../../trip-data.server';
import { requireJourneyRole } from '../access.server';
import { journeyShareProcedures } from '../share/procedures.server';
import { journeyMediaEvents } from './events';
import { tellContributors } from '../announce.server';
import { promoteSkeleton } from '../skeletons.server';
import {
  journeyPhotoJson,
  photoNotFound,
  photoOrder,
  photosVisibleTo,
  photoTargetEntry,
  importTripPhotos,
  releasePhotoFiles,
} from './photos.server';
import type { Context } from '~/trpc/init';
import type { Actor } from '~/auth/actor.server';

const read = { scope: 'journey:read', addon: 'journey' } as const;
const write = { scope: 'journey:write', addon: 'journey' } as const;
const journeyId = id('journey');
/** null: the journey's gallery (photos not attached to an entry) */
const entryOrGallery = id('journey entry').nullable();

type AuthedContext = Context & { actor: Actor };

/** The photo, if the user may see it, and their role on its journey (at least `minimum`). */
async function photoFor(ctx: AuthedContext, photoId: number, minimum: 'viewer' | 'editor') {
  const photo = await ctx.db.journeyPhoto.findFirst({ where: { id: photoId, ...photosVisibleTo(ctx.actor.user.id) } });
  if (!photo) throw photoNotFound(photoId);
  await requireJourneyRole(ctx.db, photo.journeyId, ctx.actor.user.id, minimum);
  return photo;
}

async function emitPhotosChanged(ctx: AuthedContext, journeyId: number, entryIds: (number | null)[]) {
  const event = journeyMediaEvents.make('journey.photos.changed', { journeyId, entryIds: [...new Set(entryIds.filter((e): e is number => e !== null))] });
  await tellContributors(ctx, ctx.db, journeyId, event);
}

export const journeyMediaRouter = router({
  listJourneyPhotos: authedProcedure
    .meta(read)
    .input(z.object({ journeyId, entryId: entryOrGallery.optional() }))
    .query(async ({ ctx, input }) => {
      await requireJourneyRole(ctx.db, input.journeyId, ctx.actor.user.id, 'viewer');
      const photos = await ctx.db.journeyPhoto.findMany({
        where: { journeyId: input.journeyId, ...(input.entryId !== undefined ? { entryId: input.entryId } : {}), ...photosVisibleTo(ctx.actor.user.id) },
        orderBy: photoOrder,
      });
      return { journeyId: input.journeyId, photos: photos.map((p) => journeyPhotoJson(p)) };
    }),

  updateJourneyPhoto: authedProcedure
    .meta(write)
    .input(z.object({ photoId: id('journey photo'), caption: text(500).optional(), entryId: entryOrGallery.optional() }))
    .mutation(async ({ ctx, input }) => {
      const photo = await photoFor(ctx, input.photoId, 'editor');
      const moving = input.entryId !== undefined && input.entryId !== photo.entryId;
      const target = moving ? await photoTargetEntry(ctx.db, photo.journeyId, input.entryId!, ctx.actor.user.id) : null;
      const updated = await ctx.db.$transaction(async (tx) => {
        const last = moving ? await tx.journeyPhoto.aggregate({ where: { journeyId: photo.journeyId, entryId: input.entryId! }, _max: { sortOrder: true } }) : null;
        if (target?.type === 'skeleton') await promoteSkeleton(tx, target.id, ctx.actor.user.id);
        return tx.journeyPhoto.update({
          where: { id: photo.id },
          data: {
            ...(input.caption !== undefined ? { caption: input.caption.trim() } : {}),
            ...(moving ? { entryId: input.entryId!, sortOrder: (last!._max.sortOrder ?? -1) + 1 } : {}),
          },
        });
      });
      await emitPhotosChanged(ctx, photo.journeyId, [photo.entryId, updated.entryId]);
      return { photo: journeyPhotoJson(updated) };
    }),

  reorderJourneyPhotos: authedProcedure
    .meta(write)
    .input(z.object({ journeyId, entryId: entryOrGallery, orderedIds: idList('journey photo').min(1, 'must list at least one photo') }))
    .mutation(async ({ ctx, input }) => {
      await requireJourneyRole(ctx.db, input.journeyId, ctx.actor.user.id, 'editor');
      await photoTargetEntry(ctx.db, input.journeyId, input.entryId, ctx.actor.user.id);
      const current = await ctx.db.journeyPhoto.findMany({ where: { journeyId: input.journeyId, entryId: input.entryId }, select: { id: true } });
      const ids = new Set(current.map((p) => p.id));
      if (new Set(input.orderedIds).size !== input.orderedIds.length || input.orderedIds.length !== ids.size || input.orderedIds.some((p) => !ids.has(p))) {
        throw badRequest('errors.journeyPhotoOrderMismatch', 'List every photo of the entry (or of the gallery) exactly once to reorder them');
      }
      await ctx.db.$transaction(input.orderedIds.map((photoId, index) => ctx.db.journeyPhoto.update({ where: { id: photoId }, data: { sortOrder: index } })));
      await emitPhotosChanged(ctx, input.journeyId, [input.entryId]);
      return { ok: true as const };
    }),

  deleteJourneyPhoto: authedProcedure
    .meta(write)
    .input(z.object({ photoId: id('journey photo') }))
    .mutation(async ({ ctx, input }) => {
      const photo = await photoFor(ctx, input.photoId, 'editor');
      await ctx.db.journeyPhoto.delete({ where: { id: photo.id } });
      await releasePhotoFiles(ctx.services.storage, [photo]);
      await emitPhotosChanged(ctx, photo.journeyId, [photo.entryId]);
      return { deleted: true as const };
    }),

  setJourneyCover: authedProcedure
    .meta(write)
    .input(z.object({ journeyId, photoId: id('journey photo').nullable() }))
    .mutation(async ({ ctx, input }) => {
      await requireJourneyRole(ctx.db, input.journeyId, ctx.actor.user.id, 'owner');
      if (input.photoId !== null) {
        const photo = await photoFor(ctx, input.photoId, 'viewer');
        if (photo.journeyId !== input.journeyId) throw photoNotFound(input.photoId);
      }
      await ctx.db.journey.update({ where: { id: input.journeyId }, data: { coverPhotoId: input.photoId } });
      await emitPhotosChanged(ctx, input.journeyId, []);
      return { journeyId: input.journeyId, coverPhotoId: input.photoId };
    }),

  importJourneyTripPhotos: authedProcedure
    .meta(write)
    .input(z.object({ journeyId, tripId: id('trip') }))
    .mutation(async ({ ctx, input }) => {
      const userId = ctx.actor.user.id;
      // As for linking: a trip the caller cannot see is "not found", and so is its journey for a non-contributor.
      const visible = await ctx.db.trip.count({ where: { id: input.tripId, ...tripsVisibleTo(userId) } });
      if (!visible) throw tripNotFound(input.tripId);
      await requireJourneyRole(ctx.db, input.journeyId, userId, 'editor');
      const link = await ctx.db.journeyTrip.findUnique({ where: { journeyId_tripId: input } });
      if (!link) throw badRequest('errors.journeyTripNotLinked', `Trip ${input.tripId} is not linked to this journey`, { tripId: input.tripId });
      const result = await importTripPhotos(ctx.services, { ...input, userId });
      if (result.imported) await emitPhotosChanged(ctx, input.journeyId, []);
      return { journeyId: input.journeyId, tripId: input.tripId, ...result };
    }),

  ...journeyShareProcedures,
});

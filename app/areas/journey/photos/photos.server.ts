// Journey photos, the server side shared by the upload route, the download routes, the photo procedures, the public
// page and the PDF book: the JSON a photo is shown as, who may see which photo, adding one (through the image
// pipeline and the file storage) and removing the stored files. See docs/decisions/023-journey-media.md.
import type { Services } from '~/services/types.server';
import type { JourneyPhoto, Prisma } from '~/generated/prisma/client';
import { userChannel } from '~/realtime/channels';
import type { RealtimeEvent } from '~/realtime/events';
import { JOURNEY_PHOTO_UPLOAD_MAX_BYTES } from '~/domain/uploads';
import { DomainError } from '~/domain/errors';
import { ImageRejected, deleteImage, processImage, storeImage } from '~/storage/images.server';
import { UPLOAD_SOURCE } from '../../places/place-uploads.server';
import type { DbLike } from '../../trip-data.server';
import { contributorIds } from '../announce.server';
import { readableEntryWhere } from '../access.server';
import { promoteSkeleton } from '../skeletons.server';
import { journeyPhotoUrl, type PhotoVariant } from './urls';

/** Storage prefix of journey photos: "journey-photos/<32 hex>" and "…-thumb". */
export const JOURNEY_PHOTO_PREFIX = 'journey-photos';
export const PHOTO_VARIANTS = ['full', 'thumb'] as const satisfies readonly PhotoVariant[];
export type { PhotoVariant };

/**
 * A photo as every answer shows it (entries, gallery, photo procedures, upload route, public page); `base` is where its
 * bytes are served ("/api/journey-photos", the public page's own path for visitors).
 */
export function journeyPhotoJson(photo: JourneyPhoto, base?: string) {
  return {
    id: photo.id,
    journeyId: photo.journeyId,
    entryId: photo.entryId,
    caption: photo.caption,
    mime: photo.mime,
    sortOrder: photo.sortOrder,
    width: photo.width,
    height: photo.height,
    takenAt: photo.takenAt ? photo.takenAt.toISOString() : null,
    lat: photo.lat,
    lng: photo.lng,
    url: journeyPhotoUrl(photo.id, 'full', base),
    thumbUrl: journeyPhotoUrl(photo.id, 'thumb', base),
    createdAt: photo.createdAt.toISOString(),
  };
}
export type JourneyPhotoJson = ReturnType<typeof journeyPhotoJson>;

export const photoOrder = [{ sortOrder: 'asc' as const }, { id: 'asc' as const }];

/** Photos a contributor sees: the gallery's and those of entries they can read. A Prisma `where` on JourneyPhoto. */
export function photosVisibleTo(userId: number) {
  return { OR: [{ entryId: null }, { entry: readableEntryWhere(userId) }] } satisfies Prisma.JourneyPhotoWhereInput;
}

/** Photos the public page shows (gallery switched on): the gallery's and those of public, written entries. */
export const publicPhotos = { OR: [{ entryId: null }, { entry: { visibility: 'public', type: { not: 'skeleton' } } }] };

export const photoNotFound = (photoId: number | string) =>
  new DomainError('NOT_FOUND', 'errors.journeyPhotoNotFound', `Journey photo ${photoId} not found`, { photoId });

export const photoEntryNotFound = (entryId: number) =>
  new DomainError('NOT_FOUND', 'errors.notFound', `Journey entry ${entryId} not found`, { what: 'Journey entry', thing: 'journey_entry', id: entryId });

/** The entry a photo goes to (must be in the journey and readable by the user), or null for the gallery. */
export async function photoTargetEntry(db: DbLike, journeyId: number, entryId: number | null, userId: number) {
  if (entryId === null) return null;
  const entry = await db.journeyEntry.findFirst({
    where: { id: entryId, journeyId, ...readableEntryWhere(userId) },
    select: { id: true, type: true },
  });
  if (!entry) throw photoEntryNotFound(entryId);
  return entry;
}

/** Publishes one journey event to every contributor's user channel, for the raw HTTP routes (procedures use tellContributors). */
export async function publishToContributors(services: Pick<Services, 'db' | 'realtime'>, journeyId: number, event: RealtimeEvent, socketId?: string) {
  const userIds = await contributorIds(services.db, journeyId);
  await services.realtime.publish(
    userIds.map((userId) => ({ channel: userChannel(userId), event: event.name, payload: event.payload })),
    { socketId },
  );
}

/**
 * Adds an uploaded image to a journey (its gallery, or an entry, which a skeleton thereby becomes): re-encoded without
 * metadata, thumbnail made, EXIF date and position kept in the row. Throws ImageRejected for a bad file. The caller
 * has checked that the user is an editor and that the entry is theirs to see.
 */
export async function addJourneyPhoto(
  services: Pick<Services, 'db' | 'storage'>,
  input: { journeyId: number; entry: { id: number; type: string } | null; uploaderId: number; bytes: Buffer; sourceKey?: string },
) {
  const image = await processImage(input.bytes, { maxBytes: JOURNEY_PHOTO_UPLOAD_MAX_BYTES });
  const keys = await storeImage(services.storage, JOURNEY_PHOTO_PREFIX, image);
  const entryId = input.entry?.id ?? null;
  try {
    return await services.db.$transaction(async (tx) => {
      const last = await tx.journeyPhoto.aggregate({ where: { journeyId: input.journeyId, entryId }, _max: { sortOrder: true } });
      const photo = await tx.journeyPhoto.create({
        data: {
          journeyId: input.journeyId,
          entryId,
          uploaderId: input.uploaderId,
          storageKey: keys.key,
          thumbKey: keys.thumbKey,
          mime: image.contentType,
          width: image.width,
          height: image.height,
          bytes: image.bytes.length,
          takenAt: image.takenAt,
          lat: image.lat,
          lng: image.lng,
          sortOrder: (last._max.sortOrder ?? -1) + 1,
          sourceKey: input.sourceKey ?? null,
        },
      });
      // A photo is content: a skeleton becomes a real entry, written by whoever brought the photo.
      if (input.entry?.type === 'skeleton') await promoteSkeleton(tx, input.entry.id, input.uploaderId);
      await tx.journey.update({ where: { id: input.journeyId }, data: { updatedAt: new Date() } });
      return photo;
    });
  } catch (error) {
    await deleteImage(services.storage, keys);
    throw error;
  }
}

/**
 * The uploaded place photos of these (linked) trips that the journey has not imported yet: trip id → storage keys, in
 * place order, each key once (a trip copy shares its files). Two queries, whatever the number of trips.
 */
export async function importableTripPhotos(db: DbLike, journeyId: number, tripIds: readonly number[]) {
  const places = await db.place.findMany({
    where: { tripId: { in: [...tripIds] }, photoSource: UPLOAD_SOURCE, photoRef: { not: '' } },
    select: { tripId: true, photoRef: true },
    orderBy: { id: 'asc' },
  });
  const keys = [...new Set(places.map((p) => p.photoRef))];
  const imported = await db.journeyPhoto.findMany({ where: { journeyId, sourceKey: { in: keys } }, select: { sourceKey: true } });
  const done = new Set(imported.map((p) => p.sourceKey));
  const byTrip = new Map<number, string[]>(tripIds.map((t) => [t, []]));
  for (const p of places) {
    const list = byTrip.get(p.tripId)!;
    if (!done.has(p.photoRef) && !list.includes(p.photoRef)) list.push(p.photoRef);
  }
  return byTrip;
}

/**
 * Copies a linked trip's uploaded place photos into the journey's gallery (through the image pipeline, as an upload:
 * the journey gets its own files, so deleting either side leaves the other alone). Photos imported before are skipped,
 * as are files that are gone or unreadable. The caller has checked the role, the link and that the user sees the trip.
 */
export async function importTripPhotos(services: Pick<Services, 'db' | 'storage'>, input: { journeyId: number; tripId: number; userId: number }) {
  const keys = (await importableTripPhotos(services.db, input.journeyId, [input.tripId])).get(input.tripId) ?? [];
  let imported = 0;
  for (const key of keys) {
    const object = await services.storage.get(key);
    if (!object) continue;
    try {
      await addJourneyPhoto(services, { journeyId: input.journeyId, entry: null, uploaderId: input.userId, bytes: Buffer.from(object.bytes), sourceKey: key });
      imported += 1;
    } catch (error) {
      // a damaged file, or the same photo imported at the same moment by someone else (unique journeyId + sourceKey)
      const duplicate = (error as { code?: string }).code === 'P2002';
      if (!(error instanceof ImageRejected) && !duplicate) throw error;
    }
  }
  return { imported, skipped: keys.length - imported };
}

/**
 * Deletes the stored files of photos whose rows are gone (after the transaction). Only files this module stored: a row
 * pointing at another area's file (a trip's place photo brought into the gallery) leaves that file alone. Never throws.
 */
export async function releasePhotoFiles(storage: Services['storage'], photos: readonly Pick<JourneyPhoto, 'storageKey' | 'thumbKey'>[]) {
  const ours = (key: string) => key.startsWith(`${JOURNEY_PHOTO_PREFIX}/`);
  for (const photo of photos) if (ours(photo.storageKey) && ours(photo.thumbKey)) await deleteImage(storage, { key: photo.storageKey, thumbKey: photo.thumbKey });
}

/** Deletes stored journey photos that no row refers to any more (deleted journeys, interrupted uploads). Returns how many. */
export async function purgeOrphanJourneyPhotos(services: Pick<Services, 'db' | 'storage'>) {
  const keys = await services.storage.list(JOURNEY_PHOTO_PREFIX);
  if (!keys.length) return 0;
  const rows = await services.db.journeyPhoto.findMany({
    where: { OR: [{ storageKey: { in: keys } }, { thumbKey: { in: keys } }] },
    select: { storageKey: true, thumbKey: true },
  });
  const used = new Set(rows.flatMap((r) => [r.storageKey, r.thumbKey]));
  let removed = 0;
  for (const key of keys) {
    if (used.has(key)) continue;
    await services.storage.delete(key);
    removed += 1;
  }
  return removed;
}

/** The one answer for a photo someone may not see, does not exist, or is no longer shared. */
export const photoNotFoundResponse = () =>
  new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' } });

/** The stored key of a photo's variant. */
export const variantKey = (photo: Pick<JourneyPhoto, 'storageKey' | 'thumbKey'>, variant: PhotoVariant) =>
  variant === 'thumb' ? photo.thumbKey : photo.storageKey;

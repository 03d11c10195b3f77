// Photos members upload for a place. The bytes go to the file storage under a random key ("places/<32 hex>"); the
// place keeps photoSource "upload", photoRef = the key and photoUrl = /api/place-photos/<hex>, which answers only
// members of a trip with a place showing that photo. A trip copy shares the file; it is deleted when no place refers
// to it any more (on replace, remove and place deletion at once, after a trip deletion by the periodic purge).
import crypto from 'node:crypto';
import type { Services } from '~/services/types.server';
import type { DbLike } from '../trip-data.server';

export const UPLOAD_SOURCE = 'upload';
const PREFIX = 'places';

export type UploadImageType = 'image/jpeg' | 'image/png' | 'image/webp';

/** The image type by the file's first bytes (the client's content type and file name are not trusted), or null. */
export function sniffImageType(bytes: Uint8Array): UploadImageType | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (bytes.length >= 4 && starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (bytes.length >= 8 && starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (bytes.length >= 12 && starts(0x52, 0x49, 0x46, 0x46) && String.fromCharCode(...bytes.subarray(8, 12)) === 'WEBP') return 'image/webp';
  return null;
}

export const newUploadKey = () => `${PREFIX}/${crypto.randomBytes(16).toString('hex')}`;
export const uploadUrlOf = (key: string) => `/api/place-photos/${key.slice(PREFIX.length + 1)}`;
/** The storage key for the name in a photo URL, or null when it cannot be one. */
export const uploadKeyOfName = (name: string) => (/^[0-9a-f]{32}$/.test(name) ? `${PREFIX}/${name}` : null);

/** Deletes an uploaded file when no place refers to it any more (a trip copy may still). Never throws. */
export async function releaseUpload(services: Pick<Services, 'db' | 'storage'>, photo: { photoSource: string; photoRef: string }) {
  if (photo.photoSource !== UPLOAD_SOURCE || !photo.photoRef) return;
  try {
    const still = await services.db.place.count({ where: { photoSource: UPLOAD_SOURCE, photoRef: photo.photoRef } });
    if (!still) await services.storage.delete(photo.photoRef);
  } catch {
    /* the periodic purge tries again */
  }
}

/** The uploaded photos of places about to be deleted (read inside the transaction, released after it). */
export async function uploadsOfPlaces(db: DbLike, where: { id?: { in: number[] }; tripId?: number }) {
  return db.place.findMany({ where: { ...where, photoSource: UPLOAD_SOURCE }, select: { photoSource: true, photoRef: true } });
}

/** Deletes stored place photos that no place refers to (deleted trips, interrupted uploads). Returns how many. */
export async function purgeOrphanUploads(services: Pick<Services, 'db' | 'storage'>) {
  const keys = await services.storage.list(PREFIX);
  if (!keys.length) return 0;
  const used = new Set(
    (await services.db.place.findMany({ where: { photoSource: UPLOAD_SOURCE, photoRef: { in: keys } }, select: { photoRef: true } })).map((p) => p.photoRef),
  );
  let removed = 0;
  for (const key of keys) {
    if (used.has(key)) continue;
    await services.storage.delete(key);
    removed += 1;
  }
  return removed;
}

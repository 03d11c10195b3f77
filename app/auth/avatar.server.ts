// Profile pictures: an uploaded JPEG, PNG or WebP (by its first bytes, 5 MB at most) is turned upright, cropped to a
// square and written again as a 256×256 WebP without any metadata, stored through the file storage under
// "avatars/<userId>-<random>" (a new name per upload, so the served file can be cached for good). The user row keeps
// the key. Any signed-in user may see any avatar (docs/decisions/030-password-reset-avatar-account-deletion.md).
import crypto from 'node:crypto';
import type { Services } from '~/services/types.server';
import { sniffImageType } from '~/areas/places/place-uploads.server';
import { ImageRejected, loadSharp, MAX_INPUT_PIXELS } from '~/storage/images.server';
import { PHOTO_UPLOAD_MAX_BYTES } from '~/domain/uploads';

export const AVATAR_MAX_BYTES = PHOTO_UPLOAD_MAX_BYTES;
export const AVATAR_EDGE = 256;
const PREFIX = 'avatars';

/** The square WebP stored for an upload; throws ImageRejected (status and English message) for anything else. */
export async function avatarImage(input: Buffer): Promise<Buffer> {
  if (!input.length) throw new ImageRejected('empty', 'Send the image as the request body');
  if (input.length > AVATAR_MAX_BYTES) throw new ImageRejected('too_large', 'The picture is larger than 5 MB');
  if (!sniffImageType(input)) throw new ImageRejected('unsupported_type', 'Only JPEG, PNG and WebP pictures can be uploaded');
  const sharp = await loadSharp();
  try {
    // rotate() applies the EXIF orientation; sharp writes no metadata unless asked to.
    return await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' })
      .rotate()
      .resize({ width: AVATAR_EDGE, height: AVATAR_EDGE, fit: 'cover', position: 'attention' })
      .webp({ quality: 82 })
      .toBuffer();
  } catch {
    throw new ImageRejected('unreadable', 'The image could not be read (damaged, or too many pixels)');
  }
}

/** The URL an avatar is shown from; `version` (from the key) changes with every upload. */
export const avatarUrl = (userId: number, avatarKey: string | null) => (avatarKey ? `/api/avatars/${userId}?v=${avatarKey.split('-').pop()}` : null);

export async function setAvatar(services: Pick<Services, 'db' | 'storage'>, userId: number, input: Buffer) {
  const bytes = await avatarImage(input);
  const key = `${PREFIX}/${userId}-${crypto.randomBytes(8).toString('hex')}`;
  await services.storage.put(key, bytes, 'image/webp');
  const before = await services.db.user.findUniqueOrThrow({ where: { id: userId }, select: { avatarKey: true } });
  await services.db.user.update({ where: { id: userId }, data: { avatarKey: key } });
  if (before.avatarKey) await services.storage.delete(before.avatarKey).catch(() => undefined);
  return key;
}

export async function removeAvatar(services: Pick<Services, 'db' | 'storage'>, userId: number) {
  const before = await services.db.user.findUniqueOrThrow({ where: { id: userId }, select: { avatarKey: true } });
  if (!before.avatarKey) return;
  await services.db.user.update({ where: { id: userId }, data: { avatarKey: null } });
  await services.storage.delete(before.avatarKey).catch(() => undefined);
}

/** A 1×1 transparent PNG: what a user without a picture "has", so the initials underneath show (and no 404 is logged). */
export const NO_AVATAR = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

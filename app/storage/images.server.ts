// The image pipeline for uploaded photos (journey photos today, avatars later): the type is decided by the file's first
// bytes (never by the client's name or content type), the size is capped, the capture date and position are read from
// EXIF *before* the image is re-encoded — re-encoding drops every metadata block (EXIF, XMP, ICC comments, maker
// notes), so nothing of the camera or the original file leaves the server — and a thumbnail is made. Only raster
// formats are accepted; an SVG (or anything that could carry a script) never is. See docs/decisions/023-journey-media.md.
import crypto from 'node:crypto';
import type { Sharp } from 'sharp';
import { sniffImageType } from '~/areas/places/place-uploads.server';
import { decodeHeif, heifWithAbsoluteOffsets, isHeif } from '~/domain/uploads-heic.server';
import type { FileStorage } from './types';

/** What a stored image is re-encoded to: JPEG, or PNG when it has transparency. */
/** sharp and exifr are loaded with the first image, not at start-up (about 0.2 s of CPU; decision 036). */
export const loadSharp = async () => (await import('sharp')).default;

export type StoredImageType = 'image/jpeg' | 'image/png';

export type ImageRejection = 'empty' | 'too_large' | 'unsupported_type' | 'unreadable';

/** An upload the pipeline refuses, with the HTTP status a route answers and an English message. */
export class ImageRejected extends Error {
  readonly status: number;
  constructor(
    readonly reason: ImageRejection,
    message: string,
  ) {
    super(message);
    this.name = 'ImageRejected';
    this.status = { empty: 400, too_large: 413, unsupported_type: 415, unreadable: 422 }[reason];
  }
}

export interface EncodedImage {
  bytes: Buffer;
  contentType: StoredImageType;
  width: number;
  height: number;
}

export interface ProcessedImage extends EncodedImage {
  thumb: EncodedImage;
  /** EXIF DateTimeOriginal (or CreateDate), as the camera's wall-clock time written as UTC */
  takenAt: Date | null;
  lat: number | null;
  lng: number | null;
}

export interface ImageLimits {
  maxBytes: number;
  /** the longest edge of the stored image */
  maxEdge?: number;
  /** the longest edge of the thumbnail */
  thumbEdge?: number;
}

/** Decoding bombs: a 10 MB file may claim a 100 000² canvas. 60 megapixels covers every phone camera. */
export const MAX_INPUT_PIXELS = 60_000_000;

interface ExifFacts {
  takenAt: Date | null;
  lat: number | null;
  lng: number | null;
}

/** EXIF's "2027:05:02 18:45:00" (the camera's wall clock) as that wall-clock time written as UTC; null if it is not one. */
function exifWallClock(value: unknown): Date | null {
  const m = typeof value === 'string' ? /^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(value) : null;
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  // "2027:02:30 …" or all zeros (a camera without a clock) is no date
  return year > 0 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day && hour < 24 && minute < 60 && second < 60 ? date : null;
}

/** Capture date and GPS position from the EXIF block, or nulls; a broken EXIF block is no reason to refuse a photo. */
export async function readExifFacts(bytes: Buffer): Promise<ExifFacts> {
  try {
    const { default: exifr } = await import('exifr');
    // reviveValues off: exifr would turn the EXIF text into a Date in the server's own time zone
    const options = { tiff: true, exif: true, gps: true, ifd1: false, xmp: false, icc: false, iptc: false, jfif: false, reviveValues: false };
    const tags = (await exifr.parse(bytes, options)) as Record<string, unknown> | undefined;
    if (!tags) return { takenAt: null, lat: null, lng: null };
    const date = [tags.DateTimeOriginal, tags.CreateDate].map(exifWallClock).find((d) => d !== null);
    const lat = typeof tags.latitude === 'number' && Math.abs(tags.latitude) <= 90 ? tags.latitude : null;
    const lng = typeof tags.longitude === 'number' && Math.abs(tags.longitude) <= 180 ? tags.longitude : null;
    return { takenAt: date ?? null, lat: lat !== null && lng !== null ? lat : null, lng: lat !== null && lng !== null ? lng : null };
  } catch {
    return { takenAt: null, lat: null, lng: null };
  }
}

async function encode(pipeline: Sharp, hasAlpha: boolean): Promise<EncodedImage> {
  const { data, info } = hasAlpha
    ? await pipeline.png({ compressionLevel: 9 }).toBuffer({ resolveWithObject: true })
    : await pipeline.jpeg({ quality: 85, mozjpeg: true }).toBuffer({ resolveWithObject: true });
  return { bytes: data, contentType: hasAlpha ? 'image/png' : 'image/jpeg', width: info.width, height: info.height };
}

/**
 * Checks and re-encodes an uploaded image: JPEG, PNG, WebP or HEIC/HEIF by its first bytes, at most `maxBytes`; turned upright by
 * its EXIF orientation, shrunk to `maxEdge`, written again without any metadata, plus a thumbnail. Throws ImageRejected.
 */
export async function processImage(input: Buffer, limits: ImageLimits): Promise<ProcessedImage> {
  const { maxBytes, maxEdge = 2560, thumbEdge = 480 } = limits;
  if (!input.length) throw new ImageRejected('empty', 'Send the image as the request body');
  if (input.length > maxBytes) throw new ImageRejected('too_large', `The photo is larger than ${Math.round(maxBytes / 1024 / 1024)} MB`);
  const heif = isHeif(input);
  if (!heif && !sniffImageType(input)) throw new ImageRejected('unsupported_type', 'Only JPEG, PNG, WebP and HEIC photos can be uploaded');

  const exif = await readExifFacts(heif ? heifWithAbsoluteOffsets(input) : input);
  const sharp = await loadSharp();
  try {
    // HEIC: decoded to pixels first (sharp cannot); the pixels are upright already and carry no metadata.
    const pixels = heif ? await decodeHeif(input, MAX_INPUT_PIXELS) : null;
    const source = pixels
      ? sharp(pixels.data, { raw: { width: pixels.width, height: pixels.height, channels: 4 } }).removeAlpha()
      : sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' });
    const meta = await source.metadata();
    const hasAlpha = !pixels && !!meta.hasAlpha;
    // rotate() applies the EXIF orientation; without keepMetadata()/withMetadata() sharp writes no metadata at all.
    const upright = source.rotate();
    const full = await encode(upright.clone().resize({ width: maxEdge, height: maxEdge, fit: 'inside', withoutEnlargement: true }), hasAlpha);
    const thumb = await encode(upright.clone().resize({ width: thumbEdge, height: thumbEdge, fit: 'inside', withoutEnlargement: true }), hasAlpha);
    return { ...full, thumb, ...exif };
  } catch {
    throw new ImageRejected('unreadable', 'The image could not be read (damaged, or too many pixels)');
  }
}

/** A stored image for a print or a PDF page: JPEG or PNG (what PDF readers embed), shrunk to `maxEdge`. */
export async function printableImage(bytes: Buffer, maxEdge: number): Promise<Buffer> {
  const sharp = await loadSharp();
  return sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS }).resize({ width: maxEdge, height: maxEdge, fit: 'inside', withoutEnlargement: true }).jpeg({ quality: 80 }).flatten({ background: '#ffffff' }).toBuffer();
}

export interface StoredImageKeys {
  key: string;
  thumbKey: string;
}

/** Stores a processed image and its thumbnail under a fresh random name in `prefix` ("journey-photos/<32 hex>"). */
export async function storeImage(storage: FileStorage, prefix: string, image: ProcessedImage): Promise<StoredImageKeys> {
  const name = crypto.randomBytes(16).toString('hex');
  const keys = { key: `${prefix}/${name}`, thumbKey: `${prefix}/${name}-thumb` };
  await storage.put(keys.key, image.bytes, image.contentType);
  await storage.put(keys.thumbKey, image.thumb.bytes, image.thumb.contentType);
  return keys;
}

/** Removes an image and its thumbnail; a missing one is fine, and a failure is left to a purge. Never throws. */
export async function deleteImage(storage: FileStorage, keys: StoredImageKeys) {
  await Promise.all([storage.delete(keys.key), storage.delete(keys.thumbKey)]).catch(() => undefined);
}

/** The answer for a stored image: its type, nosniff, a CSP that runs nothing, cached privately (names never repeat). */
export function imageResponse(object: { bytes: Buffer; contentType: string }, cache: 'private' | 'no-store' = 'private') {
  return new Response(new Uint8Array(object.bytes), {
    headers: {
      'Content-Type': object.contentType,
      'Content-Length': String(object.bytes.length),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': cache === 'private' ? 'private, max-age=31536000, immutable' : 'no-store',
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Content-Disposition': 'inline',
    },
  });
}

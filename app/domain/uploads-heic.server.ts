// HEIC/HEIF photos (what iPhones send) for the image pipeline: recognised by their first bytes, decoded to raw pixels
// by libheif compiled to WebAssembly (the `heic-decode` package; sharp's prebuilt binaries carry no HEVC decoder),
// loaded only when the first HEIC arrives (decision 036). The pipeline then re-encodes the pixels as JPEG like any
// other upload. See docs/decisions/039-heic-photos-and-pdf-scripts.md.

/** The HEIF brands of still images (and image sequences, whose first picture is used). AVIF ('avif') is not HEVC. */
const HEIF_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'hevm', 'hevs', 'mif1', 'msf1']);

/** True for an ISO-BMFF file whose `ftyp` box names a HEIF brand: "....ftypheic", "....ftypmif1" and the like. */
export function isHeif(bytes: Uint8Array): boolean {
  if (bytes.length < 16) return false;
  const text = (from: number) => String.fromCharCode(...bytes.subarray(from, from + 4));
  if (text(4) !== 'ftyp') return false;
  const major = text(8);
  // 'mif1' is also the major brand of some AVIF files: then a compatible brand tells ('avif' without 'heic').
  if (major !== 'mif1' && major !== 'msf1') return HEIF_BRANDS.has(major);
  const boxEnd = Math.min(bytes.length, new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0));
  const compatible: string[] = [];
  for (let at = 16; at + 4 <= boxEnd; at += 4) compatible.push(text(at));
  return !compatible.includes('avif') || compatible.some((b) => b.startsWith('he'));
}

export interface DecodedHeif {
  /** RGBA, 4 bytes a pixel */
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

/**
 * The primary picture of a HEIF file as RGBA pixels, already turned as the file says (HEIF keeps the rotation in the
 * container, not in EXIF). Refuses pictures over `maxPixels` before decoding them. Throws on a damaged file.
 */
export async function decodeHeif(bytes: Uint8Array, maxPixels: number): Promise<DecodedHeif> {
  const { all } = (await import('heic-decode')).default;
  const images = await all({ buffer: bytes });
  try {
    const first = images[0];
    if (!first) throw new Error('HEIF file without a picture');
    if (first.width * first.height > maxPixels) throw new Error('HEIF picture has too many pixels');
    return await first.decode();
  } finally {
    images.dispose();
  }
}

/**
 * The HEIF file with its item locations written without base offsets, for reading its EXIF block. HEIF lets a writer
 * place an item at `base_offset + extent_offset`; cameras write the whole offset in the extent, libheif-based tools in
 * the base, and exifr reads only the extent. Only a file it patches is copied; one it cannot follow comes back
 * unchanged (the same bytes, as a Buffer).
 */
export function heifWithAbsoluteOffsets(bytes: Uint8Array): Buffer {
  const input = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    const at = input.indexOf('iloc');
    if (at < 4) return input;
    let p = at + 4;
    const version = input[p]!;
    p += 4;
    const offsetSize = input[p]! >> 4;
    const lengthSize = input[p]! & 0xf;
    const baseSize = input[p + 1]! >> 4;
    const indexSize = version === 1 || version === 2 ? input[p + 1]! & 0xf : 0;
    p += 2;
    if (version > 2 || baseSize !== 4 || offsetSize !== 4 || ![0, 4].includes(lengthSize) || indexSize !== 0) return input;
    const copy = Buffer.from(input);
    const view = new DataView(copy.buffer, copy.byteOffset, copy.byteLength);
    let items = version === 2 ? view.getUint32(p) : view.getUint16(p);
    p += version === 2 ? 4 : 2;
    while (items-- > 0) {
      p += (version === 2 ? 4 : 2) + (version === 0 ? 0 : 2) + 2; // item id, construction method, data reference
      const base = view.getUint32(p);
      view.setUint32(p, 0);
      p += 4;
      let extents = view.getUint16(p);
      p += 2;
      while (extents-- > 0) {
        view.setUint32(p, view.getUint32(p) + base);
        p += offsetSize + lengthSize;
      }
    }
    return copy;
  } catch {
    return input;
  }
}

import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import exifr from 'exifr';
import { ImageRejected, processImage, readExifFacts } from './images.server';

const MB = 1024 * 1024;

/** A camera-like JPEG: 1200×800, with make, copyright, capture date and a GPS position in its EXIF block. */
async function cameraJpeg(orientation?: number, taken = '2026:07:14 10:30:00') {
  return sharp({ create: { width: 1200, height: 800, channels: 3, background: '#3a7' } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'TestCam', Copyright: 'Jane Secret' },
      IFD2: { DateTimeOriginal: taken },
      IFD3: { GPSLatitudeRef: 'S', GPSLatitude: '33/1 51/1 54/1', GPSLongitudeRef: 'E', GPSLongitude: '151/1 12/1 36/1' },
    })
    .withMetadata(orientation ? { orientation } : {})
    .toBuffer();
}

const rejection = (promise: Promise<unknown>) => promise.then(() => null, (e: unknown) => (e instanceof ImageRejected ? [e.reason, e.status] : e));

describe('image pipeline', () => {
  it('keeps the camera’s wall-clock time whatever the server’s own time zone; a camera without a clock gives no date', async () => {
    const zone = process.env.TZ;
    try {
      for (const tz of ['Asia/Tokyo', 'America/Los_Angeles']) {
        process.env.TZ = tz;
        expect((await readExifFacts(await cameraJpeg())).takenAt).toEqual(new Date('2026-07-14T10:30:00Z'));
      }
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
    expect(await readExifFacts(await cameraJpeg(undefined, '0000:00:00 00:00:00'))).toMatchObject({ takenAt: null, lat: expect.closeTo(-33.865, 3) });
  });

  it('reads the capture date and position, then strips every metadata block and makes a thumbnail', async () => {
    const input = await cameraJpeg();
    expect(await readExifFacts(input)).toMatchObject({ takenAt: new Date('2026-07-14T10:30:00Z') });
    const image = await processImage(input, { maxBytes: 10 * MB, maxEdge: 1000, thumbEdge: 200 });
    expect(image.takenAt).toEqual(new Date('2026-07-14T10:30:00Z'));
    expect(image.lat).toBeCloseTo(-33.865, 3);
    expect(image.lng).toBeCloseTo(151.21, 2);
    expect([image.contentType, image.width, image.height]).toEqual(['image/jpeg', 1000, 667]);
    expect([image.thumb.contentType, image.thumb.width, image.thumb.height]).toEqual(['image/jpeg', 200, 133]);
    for (const bytes of [image.bytes, image.thumb.bytes]) {
      expect(await exifr.parse(bytes)).toBeUndefined();
      const meta = await sharp(bytes).metadata();
      expect([meta.exif, meta.xmp, meta.iptc]).toEqual([undefined, undefined, undefined]);
      expect(bytes.includes(Buffer.from('Jane Secret'))).toBe(false);
    }
  });

  it('turns a photo upright by its EXIF orientation before the orientation is dropped', async () => {
    const image = await processImage(await cameraJpeg(6), { maxBytes: 10 * MB });
    expect([image.width, image.height]).toEqual([800, 1200]);
  });

  it('keeps transparency as PNG and re-encodes WebP as JPEG; never enlarges', async () => {
    const png = await sharp({ create: { width: 40, height: 30, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0.5 } } }).png().toBuffer();
    const webp = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#123456' } }).webp().toBuffer();
    const fromPng = await processImage(png, { maxBytes: MB });
    const fromWebp = await processImage(webp, { maxBytes: MB });
    expect([fromPng.contentType, fromPng.width, fromPng.height, fromPng.takenAt]).toEqual(['image/png', 40, 30, null]);
    expect([fromWebp.contentType, fromWebp.thumb.contentType, fromWebp.lat]).toEqual(['image/jpeg', 'image/jpeg', null]);
  });

  it('refuses empty, oversized, SVG, HTML disguised as an image and damaged files', async () => {
    const jpeg = await cameraJpeg();
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    expect(await rejection(processImage(Buffer.alloc(0), { maxBytes: MB }))).toEqual(['empty', 400]);
    expect(await rejection(processImage(jpeg, { maxBytes: 1000 }))).toEqual(['too_large', 413]);
    expect(await rejection(processImage(svg, { maxBytes: MB }))).toEqual(['unsupported_type', 415]);
    expect(await rejection(processImage(Buffer.from('GIF89a<html>'), { maxBytes: MB }))).toEqual(['unsupported_type', 415]);
    expect(await rejection(processImage(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200, 7)]), { maxBytes: MB }))).toEqual(['unreadable', 422]);
  });
});

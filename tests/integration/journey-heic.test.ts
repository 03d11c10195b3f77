// HEIC photos (what iPhones send) through real HTTP, a real database and the filesystem store: decoded on the server
// (libheif as WebAssembly), stored as JPEG without metadata, thumbnail made, EXIF date and position read from the HEIC,
// and the size and type limits still hold. The sample (tests/helpers/sample-heic.ts) was made here: a 1024×768 picture
// (its top-left quarter blue) with a capture date and a GPS position in EXIF, encoded by libheif's heif-enc (which writes
// item offsets as base offsets, the layout exifr alone cannot read).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import exifr from 'exifr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { procedureSuite, type TestUser } from '../helpers/procedure-suite';
import { heifWithAbsoluteOffsets, isHeif } from '~/domain/uploads-heic.server';
import { SAMPLE_HEIC } from '../helpers/sample-heic';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'waymark-journey-heic-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));
const suite = procedureSuite([{ displayName: 'Hana Okonkwo' }, { displayName: 'Ivo Petrakis' }], () => ({ DATA_DIR: dataDir }));
const photoDir = path.join(dataDir, 'uploads', 'journey-photos');
const storedFiles = () => (fs.existsSync(photoDir) ? fs.readdirSync(photoDir).filter((f) => !f.endsWith('.type')).sort() : []);
const db = () => suite.server.services.db;

let hana: TestUser, ivo: TestUser;
let journeyId: number, entryId: number;

const upload = (user: TestUser, body: Uint8Array, query = `?entryId=${entryId}`) =>
  fetch(`${suite.server.url}/api/journeys/${journeyId}/photos${query}`, {
    method: 'POST',
    headers: { 'Content-Type': 'image/heic', Origin: suite.server.url, Cookie: user.cookie },
    body: new Uint8Array(body),
  });
const get = (user: TestUser, url: string) => fetch(`${suite.server.url}${url}`, { headers: { Cookie: user.cookie } });

beforeAll(async () => {
  [hana, ivo] = suite.users;
  await suite.server.services.addons.set('journey', true);
  const journey = await db().journey.create({
    data: {
      ownerId: hana.user.id,
      title: 'Paris in June',
      status: 'active',
      contributors: { create: [{ userId: hana.user.id, role: 'owner' }, { userId: ivo.user.id, role: 'editor' }] },
    },
  });
  journeyId = journey.id;
  entryId = (await db().journeyEntry.create({ data: { journeyId, entryDate: new Date('2027-06-14T00:00:00Z'), title: 'Trocadéro', visibility: 'shared', authorId: hana.user.id } })).id;
});

describe('HEIC journey photos', () => {
  it('recognises HEIF files by their first bytes, and AVIF as something else', () => {
    expect(isHeif(SAMPLE_HEIC)).toBe(true);
    const avif = Buffer.from(SAMPLE_HEIC.subarray(0, 32));
    avif.write('avif', 8, 'latin1');
    expect(isHeif(avif)).toBe(false);
    avif.write('mif1', 8, 'latin1');
    avif.write('avif', 16, 'latin1');
    avif.write('miaf', 20, 'latin1');
    avif.write('avis', 24, 'latin1');
    expect(isHeif(avif)).toBe(false);
    expect(isHeif(Buffer.from('GIF89a-not-a-heif-file'))).toBe(false);
  });

  it('uploads a HEIC photo: stored as JPEG without metadata, thumbnail made, EXIF date and position read from the HEIC', async () => {
    // exifr alone cannot find this file's EXIF block (base offsets); the server's copy with absolute offsets can
    expect((await exifr.parse(SAMPLE_HEIC, { gps: true }))?.DateTimeOriginal).toBeUndefined();
    const patched = await exifr.parse(Buffer.from(heifWithAbsoluteOffsets(SAMPLE_HEIC)), { gps: true, reviveValues: false });
    expect(patched?.DateTimeOriginal).toBe('2027:06:14 09:30:00');

    const before = storedFiles().length;
    const response = await upload(ivo, SAMPLE_HEIC);
    expect(response.status).toBe(201);
    const { photo } = (await response.json()) as { photo: { id: number; url: string; thumbUrl: string; mime: string; takenAt: string; entryId: number } };
    expect(photo).toMatchObject({ entryId, mime: 'image/jpeg', takenAt: '2027-06-14T09:30:00.000Z' });
    const row = await db().journeyPhoto.findUniqueOrThrow({ where: { id: photo.id } });
    expect(row).toMatchObject({ uploaderId: ivo.user.id, mime: 'image/jpeg', width: 1024, height: 768 });
    expect(row.lat).toBeCloseTo(48.8583, 3);
    expect(row.lng).toBeCloseTo(2.2944, 3);
    expect(storedFiles()).toHaveLength(before + 2);

    const full = await get(hana, photo.url);
    expect([full.status, full.headers.get('content-type')]).toEqual([200, 'image/jpeg']);
    const bytes = Buffer.from(await full.arrayBuffer());
    expect(await exifr.parse(bytes)).toBeUndefined();
    expect(bytes.includes(Buffer.from('Jane Secret'))).toBe(false);
    expect(await sharp(bytes).metadata()).toMatchObject({ format: 'jpeg', width: 1024, height: 768 });
    // the decoded pixels are the picture's: the top-left quarter blue, the bottom-right one yellowish
    const { data } = await sharp(bytes).extract({ left: 100, top: 100, width: 1, height: 1 }).raw().toBuffer({ resolveWithObject: true });
    expect(data[2]).toBeGreaterThan(170);
    expect(data[0]).toBeLessThan(60);
    const corner = await sharp(bytes).extract({ left: 1000, top: 740, width: 1, height: 1 }).raw().toBuffer();
    expect([corner[0]! > 200, corner[1]! > 200, corner[2]! < 100]).toEqual([true, true, true]);

    const thumb = Buffer.from(await (await get(hana, photo.thumbUrl)).arrayBuffer());
    expect(await sharp(thumb).metadata()).toMatchObject({ width: 480, height: 360, format: 'jpeg' });
  });

  it('still refuses a damaged HEIC (422) and one over the size limit (413), storing nothing', async () => {
    const before = { files: storedFiles().length, rows: await db().journeyPhoto.count({ where: { journeyId } }) };
    const damaged = Buffer.concat([SAMPLE_HEIC.subarray(0, 40), Buffer.alloc(400, 9)]);
    const refusal = await upload(ivo, damaged);
    expect(refusal.status).toBe(422);
    expect(((await refusal.json()) as { error: string }).error).toBe('unreadable');

    const huge = Buffer.concat([SAMPLE_HEIC, Buffer.alloc(15 * 1024 * 1024, 0)]);
    expect((await upload(ivo, huge)).status).toBe(413);

    expect({ files: storedFiles().length, rows: await db().journeyPhoto.count({ where: { journeyId } }) }).toEqual(before);
  });
});

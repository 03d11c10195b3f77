// Journey media (issue 17, part 2) through real HTTP, a real database and the filesystem store in a temp DATA_DIR:
// uploads (type by bytes, size, EXIF read then stripped, thumbnail, skeleton promoted, contributors told), the access
// check on every download, the photo procedures, the public link (owner only, hash stored, flags enforced by the
// server on the page and on every photo, no private or contributor-only entries, no e-mails, revocation) and the book.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import exifr from 'exifr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { procedureSuite, type TestUser } from '../helpers/procedure-suite';
import { expectTrpcError } from '../helpers/users';
import { hashSecret } from '~/auth/tokens.server';
import { purgeOrphanJourneyPhotos } from '~/areas/journey/photos/photos.server';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'waymark-journey-media-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));
const suite = procedureSuite([{ displayName: 'Anna Qorvath' }, { displayName: 'Ben Zylinski' }, { displayName: 'Cem Yurtsever' }, { displayName: 'Dora Xu' }], () => ({ DATA_DIR: dataDir }));
const photoDir = path.join(dataDir, 'uploads', 'journey-photos');
const storedFiles = () => (fs.existsSync(photoDir) ? fs.readdirSync(photoDir).filter((f) => !f.endsWith('.type')).sort() : []);

/** owner anna, editor ben, viewer cem; dora is no contributor */
let anna: TestUser, ben: TestUser, cem: TestUser, dora: TestUser;
let journeyId: number;
/** a public entry, a contributors-only ("shared") one, anna's private one, a skeleton */
let publicEntryId: number, sharedEntryId: number, privateEntryId: number, skeletonId: number;
const db = () => suite.server.services.db;

/** A camera-like JPEG (1600×1200) with maker, copyright, capture time and GPS position in its EXIF block. */
async function cameraJpeg(color = '#2a9d8f') {
  return sharp({ create: { width: 1600, height: 1200, channels: 3, background: color } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'TestCam', Copyright: 'Jane Secret' },
      IFD2: { DateTimeOriginal: '2027:05:02 18:45:00' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '38/1 42/1 36/1', GPSLongitudeRef: 'W', GPSLongitude: '9/1 8/1 24/1' },
    })
    .toBuffer();
}
const PNG = () => sharp({ create: { width: 30, height: 20, channels: 4, background: { r: 10, g: 20, b: 30, alpha: 0.5 } } }).png().toBuffer();

function upload(user: TestUser | null, body: Buffer, entryId?: number | string, target = journeyId) {
  return fetch(`${suite.server.url}/api/journeys/${target}/photos${entryId !== undefined ? `?entryId=${entryId}` : ''}`, {
    method: 'POST',
    headers: { 'Content-Type': 'image/png', Origin: suite.server.url, ...(user ? { Cookie: user.cookie } : {}) },
    body: new Uint8Array(body),
  });
}
async function uploaded(user: TestUser, body: Buffer, entryId?: number) {
  const response = await upload(user, body, entryId);
  expect(response.status).toBe(201);
  return ((await response.json()) as { photo: { id: number; url: string; thumbUrl: string; entryId: number | null } }).photo;
}
async function refused(call: Promise<unknown>, code: string) {
  expect((await expectTrpcError(call))?.code).toBe(code);
}
const get = (user: TestUser | null, url: string, headers: Record<string, string> = {}) =>
  fetch(`${suite.server.url}${url}`, { headers: { ...headers, ...(user ? { Cookie: user.cookie } : {}) } });

beforeAll(async () => {
  [anna, ben, cem, dora] = suite.users;
  await suite.server.services.addons.set('journey', true);
  const journey = await db().journey.create({
    data: {
      ownerId: anna.user.id,
      title: 'Portugal by train',
      subtitle: 'Lisbon to Porto',
      status: 'active',
      contributors: {
        create: [
          { userId: anna.user.id, role: 'owner' },
          { userId: ben.user.id, role: 'editor' },
          { userId: cem.user.id, role: 'viewer' },
        ],
      },
    },
  });
  journeyId = journey.id;
  const entry = (data: { title: string; visibility: string; authorId: number | null; type?: string; lat?: number; lng?: number; story?: string }) =>
    db().journeyEntry.create({ data: { journeyId, entryDate: new Date('2027-05-02T00:00:00Z'), ...data } });
  publicEntryId = (await entry({ title: 'Alfama at dusk', story: 'We **walked** for hours.', visibility: 'public', authorId: anna.user.id, lat: 38.7118, lng: -9.1300 })).id;
  sharedEntryId = (await entry({ title: 'Team dinner notes', visibility: 'shared', authorId: ben.user.id, lat: 41.14, lng: -8.61 })).id;
  privateEntryId = (await entry({ title: 'Diary of anna', visibility: 'private', authorId: anna.user.id })).id;
  skeletonId = (await entry({ title: 'Livraria Lello', visibility: 'public', authorId: null, type: 'skeleton' })).id;
});

describe('uploading journey photos', () => {
  it('re-encodes a camera JPEG without its metadata, keeps date and position in the row, makes a thumbnail and tells every contributor', async () => {
    const before = storedFiles().length;
    const photo = await uploaded(ben, await cameraJpeg(), publicEntryId);
    expect(photo).toMatchObject({ entryId: publicEntryId, url: `/api/journey-photos/${photo.id}/full`, thumbUrl: `/api/journey-photos/${photo.id}/thumb` });
    const row = await db().journeyPhoto.findUniqueOrThrow({ where: { id: photo.id } });
    expect(row).toMatchObject({ uploaderId: ben.user.id, mime: 'image/jpeg', width: 1600, height: 1200, takenAt: new Date('2027-05-02T18:45:00Z') });
    expect(row.lat).toBeCloseTo(38.71, 2);
    expect(row.lng).toBeCloseTo(-9.14, 2);
    expect(storedFiles()).toHaveLength(before + 2);

    const full = await get(cem, photo.url);
    expect(full.status).toBe(200);
    expect([full.headers.get('content-type'), full.headers.get('x-content-type-options')]).toEqual(['image/jpeg', 'nosniff']);
    const bytes = Buffer.from(await full.arrayBuffer());
    expect(await exifr.parse(bytes)).toBeUndefined();
    expect(bytes.includes(Buffer.from('Jane Secret'))).toBe(false);
    expect(bytes.includes(Buffer.from('TestCam'))).toBe(false);
    const thumb = Buffer.from(await (await get(anna, photo.thumbUrl)).arrayBuffer());
    expect(await sharp(thumb).metadata()).toMatchObject({ width: 480, height: 360, format: 'jpeg' });

    const channels = suite.events.filter((e) => e.event === 'journey.photos.changed').map((e) => e.channel).sort();
    expect(channels).toEqual([anna, ben, cem].map((u) => `private-user-${u.user.id}`).sort());
    expect(suite.events.find((e) => e.event === 'journey.photos.changed')?.payload).toMatchObject({ journeyId, entryIds: [publicEntryId] });
  });

  it('keeps a PNG with transparency as PNG; a photo without entry goes to the gallery', async () => {
    const photo = await uploaded(anna, await PNG());
    expect(photo.entryId).toBeNull();
    expect((await get(anna, photo.url)).headers.get('content-type')).toBe('image/png');
  });

  it('adding a photo to a skeleton makes it a real entry of the uploader', async () => {
    await uploaded(ben, await PNG(), skeletonId);
    expect(await db().journeyEntry.findUniqueOrThrow({ where: { id: skeletonId } })).toMatchObject({ type: 'entry', authorId: ben.user.id });
  });

  it('refuses SVG, disguised HTML, damaged, empty and oversized files, and writes nothing', async () => {
    const rows = await db().journeyPhoto.count();
    const files = storedFiles();
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>');
    const cases: Array<[Buffer, number]> = [
      [svg, 415],
      [Buffer.from('<!doctype html><script>alert(1)</script>'), 415],
      [Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(500, 3)]), 422],
      [Buffer.alloc(0), 400],
      [Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(15 * 1024 * 1024 + 1)]), 413],
    ];
    for (const [body, status] of cases) expect((await upload(ben, body, publicEntryId)).status).toBe(status);
    expect(await db().journeyPhoto.count()).toBe(rows);
    expect(storedFiles()).toEqual(files);
    expect(suite.events).toEqual([]);
  });

  it('only editors and the owner upload; outsiders and private entries of others do not exist; addon off is refused', async () => {
    const png = await PNG();
    expect((await upload(cem, png)).status).toBe(403);
    expect((await upload(dora, png)).status).toBe(404);
    expect((await upload(null, png)).status).toBe(401);
    expect((await upload(ben, png, privateEntryId)).status).toBe(404);
    expect((await upload(ben, png, 'abc')).status).toBe(400);
    expect((await upload(anna, png, undefined, 2_000_000_000)).status).toBe(404);
    await suite.server.services.addons.set('journey', false);
    try {
      expect((await upload(anna, png)).status).toBe(403);
    } finally {
      await suite.server.services.addons.set('journey', true);
    }
  });
});

describe('downloading journey photos', () => {
  it('checks access on every download: contributors only, a private entry’s photos for its author only', async () => {
    const shared = await uploaded(ben, await PNG(), sharedEntryId);
    const own = await uploaded(anna, await PNG(), privateEntryId);
    for (const user of [anna, ben, cem]) expect((await get(user, shared.thumbUrl)).status).toBe(200);
    for (const user of [dora, null]) expect((await get(user, shared.url)).status).toBe(404);
    expect((await get(anna, own.url)).status).toBe(200);
    for (const user of [ben, cem]) expect((await get(user, own.url)).status).toBe(404);
    expect((await get(anna, `/api/journey-photos/${shared.id}/original`)).status).toBe(404);
    expect((await get(anna, `/api/journey-photos/2000000000/full`)).status).toBe(404);
    // Removing a contributor closes the door at once.
    await db().journeyContributor.delete({ where: { journeyId_userId: { journeyId, userId: cem.user.id } } });
    try {
      expect((await get(cem, shared.url)).status).toBe(404);
    } finally {
      await db().journeyContributor.create({ data: { journeyId, userId: cem.user.id, role: 'viewer' } });
    }
  });
});

describe('managing journey photos', () => {
  it('editors caption, order and delete; the owner alone picks the cover; viewers and outsiders cannot', async () => {
    const a = await uploaded(ben, await PNG(), publicEntryId);
    const b = await uploaded(ben, await PNG(), publicEntryId);
    const { photo } = await ben.trpc.journeyMedia.updateJourneyPhoto.mutate({ photoId: a.id, caption: '  Tram 28  ' });
    expect(photo.caption).toBe('Tram 28');
    await refused(cem.trpc.journeyMedia.updateJourneyPhoto.mutate({ photoId: a.id, caption: 'x' }), 'FORBIDDEN');
    await refused(dora.trpc.journeyMedia.updateJourneyPhoto.mutate({ photoId: a.id, caption: 'x' }), 'NOT_FOUND');

    const { photos } = await cem.trpc.journeyMedia.listJourneyPhotos.query({ journeyId, entryId: publicEntryId });
    const ids = photos.map((p) => p.id);
    const reversed = [...ids].reverse();
    await ben.trpc.journeyMedia.reorderJourneyPhotos.mutate({ journeyId, entryId: publicEntryId, orderedIds: reversed });
    expect((await anna.trpc.journeyMedia.listJourneyPhotos.query({ journeyId, entryId: publicEntryId })).photos.map((p) => p.id)).toEqual(reversed);
    await refused(ben.trpc.journeyMedia.reorderJourneyPhotos.mutate({ journeyId, entryId: publicEntryId, orderedIds: reversed.slice(1) }), 'BAD_REQUEST');

    await refused(ben.trpc.journeyMedia.setJourneyCover.mutate({ journeyId, photoId: b.id }), 'FORBIDDEN');
    await anna.trpc.journeyMedia.setJourneyCover.mutate({ journeyId, photoId: b.id });
    expect((await db().journey.findUniqueOrThrow({ where: { id: journeyId } })).coverPhotoId).toBe(b.id);

    const files = storedFiles();
    await ben.trpc.journeyMedia.deleteJourneyPhoto.mutate({ photoId: b.id });
    expect(storedFiles()).toHaveLength(files.length - 2);
    expect((await db().journey.findUniqueOrThrow({ where: { id: journeyId } })).coverPhotoId).toBeNull();
    expect((await get(anna, b.url)).status).toBe(404);
  });

  it('the purge removes stored files no photo refers to, and nothing else', async () => {
    const kept = storedFiles();
    await suite.server.services.storage.put('journey-photos/0123456789abcdef0123456789abcdef', Buffer.from('orphan'), 'image/jpeg');
    expect(await purgeOrphanJourneyPhotos(suite.server.services)).toBe(1);
    expect(storedFiles()).toEqual(kept);
  });
});

describe('the public link and page', () => {
  let token = '';
  const pagePhoto = (photoId: number, t = token) => `/public/journey/${t}/photos/${photoId}/thumb`;

  it('only the owner makes it; the full link is shown once and only its hash is stored; contributors read its settings, outsiders nothing', async () => {
    await refused(ben.trpc.journeyMedia.createJourneyShareLink.mutate({ journeyId }), 'FORBIDDEN');
    await refused(dora.trpc.journeyMedia.getJourneyShareLink.query({ journeyId }), 'NOT_FOUND');
    const made = await anna.trpc.journeyMedia.createJourneyShareLink.mutate({ journeyId, shareMap: false });
    expect(made).toMatchObject({ created: true, rotated: false, shareLink: { shareTimeline: true, shareGallery: true, shareMap: false } });
    token = made.url!.split('/public/journey/')[1];
    expect(token).toMatch(/^wmj_[a-z2-7]{32}$/);
    const row = await db().journeyShareLink.findUniqueOrThrow({ where: { journeyId } });
    expect(row.tokenHash).toBe(hashSecret(token));
    expect(JSON.stringify(row)).not.toContain(token);
    const read = await cem.trpc.journeyMedia.getJourneyShareLink.query({ journeyId });
    expect(read.shareLink).toMatchObject({ tokenHint: token.slice(0, 8), shareMap: false });
    expect(JSON.stringify(read)).not.toContain(token);
    // Asking again hands back the same link (no new token, nothing to copy again), as a trip's share link does.
    const again = await anna.trpc.journeyMedia.createJourneyShareLink.mutate({ journeyId });
    expect(again).toMatchObject({ created: false, rotated: false, url: null, shareLink: { tokenHint: token.slice(0, 8), shareMap: false } });
    expect((await db().journeyShareLink.findUniqueOrThrow({ where: { journeyId } })).tokenHash).toBe(hashSecret(token));
    expect(suite.events.filter((e) => e.event === 'journey.share.changed')).toHaveLength(6);
  });

  it('the page reads signed out, in the visitor’s language, with public entries only and no e-mails or names', async () => {
    const response = await get(null, `/public/journey/${token}`, { 'Accept-Language': 'de-DE,de;q=0.9' });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const html = await response.text();
    expect(html).toContain('Portugal by train');
    expect(html).toContain('Alfama at dusk');
    expect(html).toContain('Nur lesen');
    for (const hidden of ['Team dinner notes', 'Diary of anna', anna.user.email, ben.user.email, 'Qorvath', 'Zylinski']) expect(html).not.toContain(hidden);
  });

  it('serves gallery and public-entry photos through the token, never those of shared or private entries', async () => {
    const data = await anna.trpc.journeyMedia.getPublicJourney.query({ token });
    expect(data.map).toBeNull();
    expect(data.timeline!.map((e) => e.title)).toEqual(['Alfama at dusk', 'Livraria Lello']);
    const shown = data.gallery!.map((p) => p.id);
    const all = await db().journeyPhoto.findMany({ where: { journeyId }, include: { entry: true } });
    for (const photo of all) {
      const isPublic = photo.entryId === null || (photo.entry!.visibility === 'public' && photo.entry!.type !== 'skeleton');
      expect(shown.includes(photo.id), `photo ${photo.id}`).toBe(isPublic);
      expect((await get(null, pagePhoto(photo.id))).status, `photo ${photo.id}`).toBe(isPublic ? 200 : 404);
    }
    expect(all.some((p) => p.entryId === sharedEntryId) && all.some((p) => p.entryId === privateEntryId)).toBe(true);
  });

  it('each part is switched on the server: flags kept unless given, gallery off closes every photo', async () => {
    const galleryPhoto = (await db().journeyPhoto.findFirstOrThrow({ where: { journeyId, entryId: null } })).id;
    const changed = await anna.trpc.journeyMedia.createJourneyShareLink.mutate({ journeyId, shareGallery: false, shareMap: true });
    expect(changed).toMatchObject({ created: false, url: null, shareLink: { shareTimeline: true, shareGallery: false, shareMap: true } });
    let data = await dora.trpc.journeyMedia.getPublicJourney.query({ token });
    expect([data.gallery, data.timeline![0].photos]).toEqual([null, []]);
    expect(data.map!.map((p) => p.title)).toEqual(['Alfama at dusk']);
    expect((await get(null, pagePhoto(galleryPhoto))).status).toBe(404);

    await anna.trpc.journeyMedia.createJourneyShareLink.mutate({ journeyId, shareTimeline: false });
    data = await dora.trpc.journeyMedia.getPublicJourney.query({ token });
    expect([data.timeline, data.gallery, data.parts]).toEqual([null, null, { timeline: false, gallery: false, map: true }]);
    await anna.trpc.journeyMedia.createJourneyShareLink.mutate({ journeyId, shareTimeline: true, shareGallery: true });
    expect((await get(null, pagePhoto(galleryPhoto))).status).toBe(200);
  });

  it('rotating and revoking end the old link at once, page and photos alike', async () => {
    const galleryPhoto = (await db().journeyPhoto.findFirstOrThrow({ where: { journeyId, entryId: null } })).id;
    const rotated = await anna.trpc.journeyMedia.createJourneyShareLink.mutate({ journeyId, rotate: true });
    expect(rotated).toMatchObject({ created: false, rotated: true, shareLink: { shareTimeline: true, shareGallery: true, shareMap: true } });
    const fresh = rotated.url!.split('/public/journey/')[1];
    expect((await get(null, `/public/journey/${token}`)).status).toBe(404);
    expect((await get(null, pagePhoto(galleryPhoto))).status).toBe(404);
    expect((await get(null, `/public/journey/${fresh}`)).status).toBe(200);

    await refused(ben.trpc.journeyMedia.deleteJourneyShareLink.mutate({ journeyId }), 'FORBIDDEN');
    expect(await anna.trpc.journeyMedia.deleteJourneyShareLink.mutate({ journeyId })).toEqual({ deleted: true });
    expect((await get(null, `/public/journey/${fresh}`)).status).toBe(404);
    expect((await get(null, pagePhoto(galleryPhoto, fresh))).status).toBe(404);
    expect(await anna.trpc.journeyMedia.getJourneyShareLink.query({ journeyId })).toEqual({ journeyId, shareLink: null });
    for (const bad of ['wmj_x', 'wms_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', '..%2F..%2Fetc']) expect((await get(null, `/public/journey/${bad}`)).status).toBe(404);
  });
});

describe('the PDF book', () => {
  it('streams a PDF to contributors; everyone else gets nothing', async () => {
    const response = await get(cem, `/api/journeys/${journeyId}/book`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-length')).toBeNull();
    expect(response.headers.get('content-disposition')).toContain("filename*=UTF-8''Portugal-by-train.pdf");
    const pdf = Buffer.from(await response.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.subarray(-6).toString()).toContain('%%EOF');
    expect((pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length).toBeGreaterThanOrEqual(4);
    expect(pdf.toString('latin1')).toMatch(/\/Subtype \/Image/);
    expect((await get(dora, `/api/journeys/${journeyId}/book`)).status).toBe(404);
    expect((await get(null, `/api/journeys/${journeyId}/book`)).status).toBe(401);
  });
});

describe('importing a linked trip’s place photos', () => {
  it('copies each uploaded place photo once into the gallery, through the image pipeline; a re-run imports nothing', async () => {
    const storage = suite.server.services.storage;
    const { trip } = await anna.trpc.trips.createTrip.mutate({ title: 'Porto', startDate: '2027-05-03', endDate: '2027-05-04' });
    const placeWithPhoto = async (name: string, key: string) => {
      const { place } = await anna.trpc.places.createPlace.mutate({ tripId: trip.id, name });
      await db().place.update({ where: { id: place.id }, data: { photoSource: 'upload', photoRef: key, photoUrl: `/api/place-photos/${key.split('/')[1]}` } });
    };
    const [keyA, keyB] = ['places/0123456789abcdef0123456789abcd01', 'places/0123456789abcdef0123456789abcd02'];
    await storage.put(keyA, await cameraJpeg('#e76f51'), 'image/jpeg');
    await storage.put(keyB, await PNG(), 'image/png');
    await placeWithPhoto('Livraria', keyA);
    await placeWithPhoto('Ribeira', keyB);
    await placeWithPhoto('Livraria again', keyA); // a second place showing the same file
    await placeWithPhoto('No photo', '');
    await db().place.updateMany({ where: { tripId: trip.id, name: 'No photo' }, data: { photoSource: '' } });

    // Not linked yet: refused, nothing written.
    const before = await db().journeyPhoto.count({ where: { journeyId } });
    await refused(anna.trpc.journeyMedia.importJourneyTripPhotos.mutate({ journeyId, tripId: trip.id }), 'BAD_REQUEST');
    await anna.trpc.journey.addJourneyTrip.mutate({ journeyId, tripId: trip.id });
    const offered = (await anna.trpc.journey.getJourney.query({ journeyId })).journey.trips.find((t) => t.tripId === trip.id);
    expect(offered).toMatchObject({ title: 'Porto', importablePhotoCount: 2 });

    // A viewer may not, someone who cannot see the trip finds nothing; nothing written.
    await refused(cem.trpc.journeyMedia.importJourneyTripPhotos.mutate({ journeyId, tripId: trip.id }), 'NOT_FOUND');
    await refused(dora.trpc.journeyMedia.importJourneyTripPhotos.mutate({ journeyId, tripId: trip.id }), 'NOT_FOUND');
    expect(await db().journeyPhoto.count({ where: { journeyId } })).toBe(before);

    suite.clearEvents();
    expect(await anna.trpc.journeyMedia.importJourneyTripPhotos.mutate({ journeyId, tripId: trip.id })).toEqual({ journeyId, tripId: trip.id, imported: 2, skipped: 0 });
    const imported = await db().journeyPhoto.findMany({ where: { journeyId, sourceKey: { not: null } }, orderBy: { id: 'asc' } });
    expect(imported.map((p) => [p.sourceKey, p.entryId, p.uploaderId])).toEqual([
      [keyA, null, anna.user.id],
      [keyB, null, anna.user.id],
    ]);
    // Own files, re-encoded without the camera's metadata but with its date and position in the row.
    expect(imported.every((p) => p.storageKey.startsWith('journey-photos/') && p.thumbKey.startsWith('journey-photos/'))).toBe(true);
    expect(imported[0]).toMatchObject({ width: expect.any(Number), takenAt: new Date('2027-05-02T18:45:00Z') });
    const copy = await get(ben, `/api/journey-photos/${imported[0].id}/full`);
    expect(copy.status).toBe(200);
    expect(await exifr.parse(Buffer.from(await copy.arrayBuffer()), { tiff: true })).toBeFalsy();
    expect(suite.events.filter((e) => e.event === 'journey.photos.changed').map((e) => e.channel).sort()).toEqual(
      [anna, ben, cem].map((u) => `private-user-${u.user.id}`).sort(),
    );

    // Again: nothing new; the button is gone; the place's file going away leaves the journey's copy.
    expect(await anna.trpc.journeyMedia.importJourneyTripPhotos.mutate({ journeyId, tripId: trip.id })).toMatchObject({ imported: 0, skipped: 0 });
    expect((await anna.trpc.journey.getJourney.query({ journeyId })).journey.trips.find((t) => t.tripId === trip.id)).toMatchObject({ importablePhotoCount: 0 });
    await storage.delete(keyA);
    expect((await get(anna, `/api/journey-photos/${imported[0].id}/thumb`)).status).toBe(200);
  });
});

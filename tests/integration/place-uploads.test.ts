// Place photos uploaded by members (issue 14), through real HTTP, a real database and the filesystem store in a temp
// DATA_DIR: only JPEG/PNG/WebP by their bytes, 5 MB at most (413), members only (404 for anyone else), served with its
// type and nosniff, replaced/removed/deleted places drop their files, and the trip hears place.updated.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { procedureSuite, type TestUser } from '../helpers/procedure-suite';
import { purgeOrphanUploads } from '~/areas/places/place-uploads.server';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'waymark-uploads-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));
const suite = procedureSuite(3, () => ({ DATA_DIR: dataDir }));
const uploadsDir = path.join(dataDir, 'uploads', 'places');
const storedFiles = () => (fs.existsSync(uploadsDir) ? fs.readdirSync(uploadsDir).filter((f) => !f.endsWith('.type')) : []);

let anna: TestUser, ben: TestUser, cem: TestUser;
let tripId: number;
beforeAll(async () => {
  [anna, ben, cem] = suite.users;
  const { trip } = await anna.trpc.trips.createTrip.mutate({ title: 'Porto', startDate: '2027-06-01', endDate: '2027-06-03' });
  tripId = trip.id;
  await anna.trpc.members.addTripMember.mutate({ tripId, identifier: ben.user.email });
});

// A 1×1 PNG.
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360f8cfc0f01f0005000201e2212bc20000000049454e44ae426082', 'hex');
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(100, 1), Buffer.from([0xff, 0xd9])]);

async function newPlace(name = 'Livraria Lello') {
  const { place } = await anna.trpc.places.createPlace.mutate({ tripId, name });
  suite.clearEvents();
  return place.id;
}

function upload(user: TestUser | null, placeId: number, body: Buffer, contentType = 'image/png', origin = suite.server.url) {
  return fetch(`${suite.server.url}/api/places/${placeId}/photo`, {
    method: 'POST',
    headers: { 'Content-Type': contentType, Origin: origin, ...(user ? { Cookie: user.cookie } : {}) },
    body: new Uint8Array(body),
  });
}
const removePhoto = (user: TestUser, placeId: number) =>
  fetch(`${suite.server.url}/api/places/${placeId}/photo`, { method: 'DELETE', headers: { Origin: suite.server.url, Cookie: user.cookie } });
const getPhoto = (user: TestUser | null, url: string) => fetch(`${suite.server.url}${url}`, { headers: user ? { Cookie: user.cookie } : {} });

describe('uploading a place photo', () => {
  it('stores a PNG, points the place at a same-origin URL that members can load, and tells the trip', async () => {
    const placeId = await newPlace();
    const response = await upload(ben, placeId, PNG, 'application/octet-stream');
    expect(response.status).toBe(200);
    const { place } = (await response.json()) as { place: { id: number; photoUrl: string } };
    expect(place.photoUrl).toMatch(/^\/api\/place-photos\/[0-9a-f]{32}$/);
    expect(suite.tripEvents()).toEqual([expect.objectContaining({ channel: `private-trip-${tripId}`, event: 'place.updated', payload: { place: expect.objectContaining({ id: placeId, photoUrl: place.photoUrl }) } })]);

    const row = await suite.server.services.db.place.findUniqueOrThrow({ where: { id: placeId } });
    expect(row).toMatchObject({ photoSource: 'upload', photoRef: `places/${place.photoUrl.split('/').pop()}` });
    const listed = await anna.trpc.places.listPlaces.query({ tripId });
    expect(listed.places.find((p) => p.id === placeId)?.photoUrl).toBe(place.photoUrl);

    for (const user of [anna, ben]) {
      const served = await getPhoto(user, place.photoUrl);
      expect(served.status).toBe(200);
      expect(served.headers.get('content-type')).toBe('image/png');
      expect(served.headers.get('x-content-type-options')).toBe('nosniff');
      expect(served.headers.get('cache-control')).toContain('private');
      expect(Buffer.from(await served.arrayBuffer()).equals(PNG)).toBe(true);
    }
    // Nobody else can load it: not a member, not signed in, a made-up name.
    expect((await getPhoto(cem, place.photoUrl)).status).toBe(404);
    expect((await getPhoto(null, place.photoUrl)).status).toBe(404);
    expect((await getPhoto(anna, '/api/place-photos/0123456789abcdef0123456789abcdef')).status).toBe(404);
    expect((await getPhoto(anna, '/api/place-photos/..%2F..%2Fetc')).status).toBe(404);
  });

  it('takes the type from the bytes: JPEG is served as image/jpeg whatever the client said', async () => {
    const placeId = await newPlace();
    const { place } = (await (await upload(anna, placeId, JPEG, 'image/png')).json()) as { place: { photoUrl: string } };
    expect((await getPhoto(anna, place.photoUrl)).headers.get('content-type')).toBe('image/jpeg');
  });

  it('refuses a text file called a JPEG, and writes nothing', async () => {
    const placeId = await newPlace();
    const before = storedFiles();
    const response = await upload(anna, placeId, Buffer.from('<script>alert(1)</script> not a photo'), 'image/jpeg');
    expect(response.status).toBe(415);
    expect(await response.json()).toMatchObject({ error: 'unsupported_type' });
    expect(storedFiles()).toEqual(before);
    expect(await suite.server.services.db.place.findUniqueOrThrow({ where: { id: placeId } })).toMatchObject({ photoUrl: '', photoSource: '' });
    expect(suite.tripEvents()).toEqual([]);
  });

  it('answers 413 to more than 5 MB before the whole body arrives, and writes nothing', async () => {
    const placeId = await newPlace();
    const before = storedFiles();
    const answer = await new Promise<number>((resolve, reject) => {
      const req = http.request({
        host: '127.0.0.1',
        port: suite.server.port,
        path: `/api/places/${placeId}/photo`,
        method: 'POST',
        headers: { Cookie: anna.cookie, Origin: suite.server.url, 'Content-Type': 'image/png', 'Content-Length': String(6 * 1024 * 1024) },
      });
      req.on('response', (res) => {
        res.resume();
        req.destroy();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.write(PNG); // only the first bytes: the answer must not wait for the rest
    });
    expect(answer).toBe(413);
    // Streamed without a length, the body is cut off as it passes the limit.
    const streamed = await upload(anna, placeId, Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024 + 10)]));
    expect(streamed.status).toBe(413);
    expect(storedFiles()).toEqual(before);
    expect(await suite.server.services.db.place.findUniqueOrThrow({ where: { id: placeId } })).toMatchObject({ photoUrl: '' });
  });

  it('is "not found" for someone outside the trip, refused cross-site and without a session', async () => {
    const placeId = await newPlace();
    const before = storedFiles();
    expect((await upload(cem, placeId, PNG)).status).toBe(404);
    expect((await removePhoto(cem, placeId)).status).toBe(404);
    expect((await upload(anna, placeId, PNG, 'image/png', 'https://evil.example')).status).toBe(403);
    expect((await upload(null, placeId, PNG)).status).toBe(401);
    expect((await upload(anna, 999_999_999, PNG)).status).toBe(404);
    expect(storedFiles()).toEqual(before);
    expect(suite.tripEvents()).toEqual([]);
  });

  it('deletes the old file when the photo is replaced, removed, or its place deleted', async () => {
    const placeId = await newPlace();
    const first = (await (await upload(anna, placeId, PNG)).json()) as { place: { photoUrl: string } };
    const firstFile = first.place.photoUrl.split('/').pop()!;
    expect(storedFiles()).toContain(firstFile);
    const second = (await (await upload(ben, placeId, JPEG)).json()) as { place: { photoUrl: string } };
    const secondFile = second.place.photoUrl.split('/').pop()!;
    expect(storedFiles()).not.toContain(firstFile);
    expect(storedFiles()).toContain(secondFile);
    expect((await getPhoto(anna, first.place.photoUrl)).status).toBe(404);

    suite.clearEvents();
    const removed = await removePhoto(ben, placeId);
    expect(removed.status).toBe(200);
    expect(await removed.json()).toMatchObject({ place: { id: placeId, photoUrl: '' } });
    expect(storedFiles()).not.toContain(secondFile);
    expect(suite.tripEvents().map((e) => e.event)).toEqual(['place.updated']);

    // A photo chosen from search replaces an upload too.
    const third = (await (await upload(anna, placeId, PNG)).json()) as { place: { photoUrl: string } };
    await anna.trpc.places.updatePlace.mutate({ tripId, placeId, photoUrl: 'https://commons.wikimedia.org/wiki/Special:FilePath/Porto.jpg' });
    expect(storedFiles()).not.toContain(third.place.photoUrl.split('/').pop());

    const fourth = (await (await upload(anna, placeId, PNG)).json()) as { place: { photoUrl: string } };
    await anna.trpc.places.deletePlace.mutate({ tripId, placeId });
    expect(storedFiles()).not.toContain(fourth.place.photoUrl.split('/').pop());

    const a = await newPlace('A');
    const b = await newPlace('B');
    const photos = await Promise.all([a, b].map(async (id) => ((await (await upload(anna, id, PNG)).json()) as { place: { photoUrl: string } }).place.photoUrl.split('/').pop()));
    await anna.trpc.places.bulkDeletePlaces.mutate({ tripId, placeIds: [a, b] });
    for (const file of photos) expect(storedFiles()).not.toContain(file);
  });

  it('keeps the refresh tool away from uploaded photos (they do not expire)', async () => {
    const placeId = await newPlace();
    const { place } = (await (await upload(anna, placeId, PNG)).json()) as { place: { photoUrl: string } };
    expect(await anna.trpc.places.refreshPlacePhoto.mutate({ tripId, placeId, failedUrl: place.photoUrl })).toMatchObject({ photoUrl: null, place: { photoUrl: place.photoUrl } });
  });

  it('purges the files of a deleted trip', async () => {
    const { trip } = await anna.trpc.trips.createTrip.mutate({ title: 'Gone', startDate: '2027-07-01', endDate: '2027-07-02' });
    const { place } = await anna.trpc.places.createPlace.mutate({ tripId: trip.id, name: 'Ribeira' });
    const uploaded = (await (await upload(anna, place.id, PNG)).json()) as { place: { photoUrl: string } };
    const file = uploaded.place.photoUrl.split('/').pop()!;
    const kept = storedFiles().filter((f) => f !== file);
    await anna.trpc.trips.deleteTrip.mutate({ tripId: trip.id });
    expect(storedFiles()).toContain(file);
    expect(await purgeOrphanUploads(suite.server.services)).toBe(1);
    expect(storedFiles().sort()).toEqual(kept.sort());
  });
});

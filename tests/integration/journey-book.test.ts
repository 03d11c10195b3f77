// The journey book through real HTTP: a photo that cannot be read in the middle of the book ends the download with an error
// instead of leaving the browser waiting or handing it a cut-off file as if it were complete.
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { procedureSuite, type TestUser } from '../helpers/procedure-suite';

const suite = procedureSuite([{ displayName: 'Inês Marlowe' }]);
let ines: TestUser;
const db = () => suite.server.services.db;

async function journeyWith(title: string, entries: Array<{ title: string; lat?: number; lng?: number }>) {
  const journey = await db().journey.create({
    data: { ownerId: ines.user.id, title, status: 'active', contributors: { create: [{ userId: ines.user.id, role: 'owner' }] } },
  });
  const ids: number[] = [];
  for (const [i, entry] of entries.entries()) {
    const row = await db().journeyEntry.create({
      data: { journeyId: journey.id, entryDate: new Date(Date.UTC(2027, 4, 2 + i)), visibility: 'shared', authorId: ines.user.id, ...entry },
    });
    ids.push(row.id);
  }
  return { journeyId: journey.id, entryIds: ids };
}

const bookResponse = (journeyId: number) => fetch(`${suite.server.url}/api/journeys/${journeyId}/book`, { headers: { Cookie: ines.cookie } });

async function book(journeyId: number) {
  const response = await bookResponse(journeyId);
  expect(response.status).toBe(200);
  return Buffer.from(await response.arrayBuffer());
}

beforeAll(async () => {
  [ines] = suite.users;
  await suite.server.services.addons.set('journey', true);
});

describe('a failure in the middle of the book', () => {
  it('ends the download with an error within seconds when a photo cannot be read any more', async () => {
    const { journeyId, entryIds } = await journeyWith('Broken shelf', [
      { title: 'First day', lat: 38.7118, lng: -9.13 },
      { title: 'Second day', lat: 41.14, lng: -8.61 },
    ]);
    const jpeg = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#2a9d8f' } }).jpeg().toBuffer();
    const upload = async (entryId: number) => {
      const response = await fetch(`${suite.server.url}/api/journeys/${journeyId}/photos?entryId=${entryId}`, {
        method: 'POST',
        headers: { 'Content-Type': 'image/jpeg', Origin: suite.server.url, Cookie: ines.cookie },
        body: new Uint8Array(jpeg),
      });
      expect(response.status).toBe(201);
      return ((await response.json()) as { photo: { id: number } }).photo.id;
    };
    const coverId = await upload(entryIds[0]!);
    const brokenId = await upload(entryIds[1]!);
    await db().journey.update({ where: { id: journeyId }, data: { coverPhotoId: coverId } });
    // The second entry's stored photo turns into something that cannot be read (as on a failing disk): reading it
    // throws. It is read on the third page, after the cover and the first entry have gone out.
    const { storageKey } = await db().journeyPhoto.findUniqueOrThrow({ where: { id: brokenId } });
    const file = path.join(suite.server.config.dataDir, 'uploads', ...storageKey.split('/'));
    fs.rmSync(file);
    fs.mkdirSync(file);

    const started = Date.now();
    const response = await bookResponse(journeyId);
    expect(response.status).toBe(200);
    const outcome = await Promise.race([
      response.arrayBuffer().then(
        (body) => `complete (${body.byteLength} bytes)`,
        () => 'failed',
      ),
      new Promise<string>((resolve) => setTimeout(() => resolve('still waiting'), 10_000)),
    ]);
    expect(outcome).toBe('failed');
    expect(Date.now() - started).toBeLessThan(10_000);

    // the server goes on serving books
    fs.rmdirSync(file);
    expect((await book(journeyId)).subarray(0, 5).toString()).toBe('%PDF-');
  });
});

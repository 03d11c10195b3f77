// The journey book through real HTTP: the closing map page draws the land (country outlines) behind the entries, only
// the countries near them; and a photo that cannot be read in the middle of the book ends the download with an error
// instead of leaving the browser waiting or handing it a cut-off file as if it were complete; a cancelled download
// stops the writing instead of reading and printing every remaining photo for nobody.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import sharp from 'sharp';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { procedureSuite, type TestUser } from '../helpers/procedure-suite';

// info level: the server says when a book stops because its download was cancelled
const suite = procedureSuite([{ displayName: 'Inês Marlowe' }], () => ({ LOG_LEVEL: 'info' }));
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

/** The content stream of the PDF's last page (the map), inflated. */
function mapPageContent(pdf: Buffer) {
  const contents: string[] = [];
  let at = 0;
  for (;;) {
    const start = pdf.indexOf('stream\n', at);
    if (start < 0) break;
    const end = pdf.indexOf('\nendstream', start);
    const body = pdf.subarray(start + 7, end);
    let text: string;
    try {
      text = zlib.inflateSync(body).toString('latin1');
    } catch {
      text = body.toString('latin1');
    }
    if (/\nBT\n/.test(text) || /^q\n/.test(text) || / re\n/.test(text)) contents.push(text);
    at = end + 10;
  }
  return contents.at(-1) ?? '';
}

/** Paths filled and stroked with the even-odd rule: one per country drawn (pdfkit writes B*). */
const landPaths = (content: string) => (content.match(/^B\*$/gm) ?? []).length;

beforeAll(async () => {
  [ines] = suite.users;
  await suite.server.services.addons.set('journey', true);
});

describe('the map page of the journey book', () => {
  it('draws the countries around the entries behind them, a few of them and not the whole world', async () => {
    const { journeyId } = await journeyWith('Iberia by train', [
      { title: 'Alfama at dusk', lat: 38.7118, lng: -9.13 },
      { title: 'Prado morning', lat: 40.4138, lng: -3.6921 },
      { title: 'Sevilla heat', lat: 37.3891, lng: -5.9845 },
    ]);
    const content = mapPageContent(await book(journeyId));
    const drawn = landPaths(content);
    // Portugal and Spain at least; their neighbours maybe (France, Morocco, Algeria), never ~177
    expect(drawn).toBeGreaterThanOrEqual(2);
    expect(drawn).toBeLessThanOrEqual(8);
    // the land is clipped to the map frame (re W n), and drawn before the route and the markers
    expect(content).toMatch(/ re\nW n\n/);
    expect(content.indexOf('B*')).toBeLessThan(content.lastIndexOf(' l\nS\n'));
  });

  it('draws no land when no entry has a position', async () => {
    const { journeyId } = await journeyWith('Notes without places', [{ title: 'Somewhere' }, { title: 'Elsewhere' }]);
    expect(landPaths(mapPageContent(await book(journeyId)))).toBe(0);
  });
});

async function uploadPhoto(journeyId: number, entryId: number, jpeg: Buffer) {
  const response = await fetch(`${suite.server.url}/api/journeys/${journeyId}/photos?entryId=${entryId}`, {
    method: 'POST',
    headers: { 'Content-Type': 'image/jpeg', Origin: suite.server.url, Cookie: ines.cookie },
    body: new Uint8Array(jpeg),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { photo: { id: number } }).photo.id;
}

describe('a failure in the middle of the book', () => {
  it('ends the download with an error within seconds when a photo cannot be read any more', async () => {
    const { journeyId, entryIds } = await journeyWith('Broken shelf', [
      { title: 'First day', lat: 38.7118, lng: -9.13 },
      { title: 'Second day', lat: 41.14, lng: -8.61 },
    ]);
    const jpeg = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#2a9d8f' } }).jpeg().toBuffer();
    const upload = (entryId: number) => uploadPhoto(journeyId, entryId, jpeg);
    const coverId = await upload(entryIds[0]!);
    const brokenId = await upload(entryIds[1]!);
    await db().journey.update({ where: { id: journeyId }, data: { coverPhotoId: coverId } });
    // The second entry's stored photo turns into something that cannot be read (as on a failing disk): reading it
    // throws. It is read on the third page, after the cover and the first entry have gone out.
    const { storageKey } = await db().journeyPhoto.findUniqueOrThrow({ where: { id: brokenId } });
    const file = path.join(suite.server.config.dataDir, 'uploads', ...storageKey.split('/'));
    fs.rmSync(file);
    fs.mkdirSync(file);

    const logged = vi.spyOn(console, 'error');
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
    // the server log says why, without the reader's session
    const lines = logged.mock.calls.map((call) => call.map(String).join(' '));
    logged.mockRestore();
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`journey ${journeyId}: the book stopped: EISDIR`)));
    expect(lines.join('\n')).not.toContain(ines.cookie.split('=')[1]);

    // the server goes on serving books
    fs.rmdirSync(file);
    expect((await book(journeyId)).subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('a cancelled download', () => {
  it('stops writing the book: the remaining photos are not read, and the server says why it stopped', async () => {
    const days = Array.from({ length: 8 }, (_, i) => ({ title: `Day ${i + 1}`, lat: 38.7 + i / 10, lng: -9.1 }));
    const { journeyId, entryIds } = await journeyWith('Left on the shelf', days);
    const jpeg = await sharp({ create: { width: 1600, height: 1200, channels: 3, background: '#e76f51' } }).jpeg().toBuffer();
    const keys = new Set<string>();
    for (const entryId of entryIds) {
      const id = await uploadPhoto(journeyId, entryId, jpeg);
      keys.add((await db().journeyPhoto.findUniqueOrThrow({ where: { id } })).storageKey);
    }
    // every photo the book reads (the cover is the first entry's photo, read twice when the book is written through)
    const storage = suite.server.services.storage;
    const get = storage.get.bind(storage);
    let photosRead = 0;
    const spy = vi.spyOn(storage, 'get').mockImplementation((key: string) => {
      if (keys.has(key)) photosRead++;
      return get(key);
    });
    const logged = vi.spyOn(console, 'log');
    try {
      const response = await bookResponse(journeyId);
      expect(response.status).toBe(200);
      const reader = response.body!.getReader();
      const first = await reader.read();
      expect(Buffer.from(first.value!).subarray(0, 5).toString()).toBe('%PDF-');
      await reader.cancel();

      const said = () => logged.mock.calls.map((call) => call.map(String).join(' '));
      await vi.waitFor(() => expect(said()).toContainEqual(expect.stringContaining(`journey ${journeyId}: the book stopped: its download was cancelled`)), {
        timeout: 10_000,
        interval: 20,
      });
      // written through, the book reads nine photos; it stopped after a few at most
      expect(photosRead).toBeLessThan(4);
    } finally {
      spy.mockRestore();
      logged.mockRestore();
    }
    // the next download of the same book is whole
    const whole = await book(journeyId);
    expect(whole.subarray(0, 5).toString()).toBe('%PDF-');
    expect(whole.subarray(-6).toString()).toContain('%%EOF');
  });
});

// Journey photos and the public page in a real browser (issue 17): Anna adds two photos at once to an entry, Ben (an
// editor with the journey open) sees them arrive live and adds one to the gallery, which Anna sees live; Anna makes
// the public link (map off) and a signed-out visitor opens it — the public entry with its two photos, not the
// contributors-only entry, the photos served through the link; after revoking, the page is gone.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { test, expect, type Page } from '@playwright/test';
import { startServer } from '../../server.ts';
import { createTestDatabase } from '../helpers/test-database.ts';
import { SAMPLE_HEIC } from '../helpers/sample-heic.ts';
import { hydrated, makePerson, signedInContext, type RunningServer } from './own-server';

let server: RunningServer;
let dropDatabase: () => Promise<void>;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'waymark-e2e-journey-media-'));
test.beforeAll(async () => {
  const database = await createTestDatabase();
  dropDatabase = database.drop;
  server = await startServer({ PORT: '0', HOST: '127.0.0.1', DATABASE_URL: database.url, LOG_LEVEL: 'error', APP_URL: '', DATA_DIR: dataDir });
  await server.services.addons.set('journey', true);
});
test.afterAll(async () => {
  await server?.close();
  await dropDatabase?.();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const photo = async (name: string, color: string) => ({
  name,
  mimeType: 'image/jpeg',
  buffer: await sharp({ create: { width: 640, height: 480, channels: 3, background: color } }).jpeg().toBuffer(),
});

/** Every image in the locator has loaded with real pixels (served, decoded). */
async function expectImagesLoaded(page: Page, selector: string, count: number) {
  await expect(page.locator(selector)).toHaveCount(count);
  await expect
    .poll(() => page.locator(selector).evaluateAll((images) => images.filter((i) => (i as HTMLImageElement).complete && (i as HTMLImageElement).naturalWidth > 0).length))
    .toBe(count);
}

test('an entry gets two photos, an editor adds one live, and the public page shows them signed out', async ({ browser }) => {
  const anna = await makePerson(server, 'Anna');
  const ben = await makePerson(server, 'Ben');
  const db = server.services.db;
  const journey = await db.journey.create({
    data: {
      ownerId: anna.user.id,
      title: 'Portugal by train',
      status: 'active',
      contributors: { create: [{ userId: anna.user.id, role: 'owner' }, { userId: ben.user.id, role: 'editor' }] },
    },
  });
  const entry = await db.journeyEntry.create({
    data: { journeyId: journey.id, authorId: anna.user.id, entryDate: new Date('2027-05-02T00:00:00Z'), title: 'Alfama at dusk', story: 'We walked for hours.', visibility: 'public' },
  });
  await db.journeyEntry.create({
    data: { journeyId: journey.id, authorId: ben.user.id, entryDate: new Date('2027-05-03T00:00:00Z'), title: 'Team dinner notes', visibility: 'shared' },
  });

  const annaContext = await signedInContext(browser, server, anna.token, { locale: 'en-GB' });
  const benContext = await signedInContext(browser, server, ben.token, { locale: 'en-GB' });
  const annaPage = await annaContext.newPage();
  const benPage = await benContext.newPage();
  const pageErrors: string[] = [];
  for (const page of [annaPage, benPage]) page.on('pageerror', (error) => pageErrors.push(error.message));
  await benPage.goto(`${server.url}/journey/${journey.id}`);
  await annaPage.goto(`${server.url}/journey/${journey.id}`);
  await expect(benPage.getByTestId('journey-title')).toHaveText('Portugal by train');
  await expect(annaPage.getByTestId('journey-title')).toHaveText('Portugal by train');

  // Anna picks two photos at once for the entry; both appear on her page and, live, on Ben's.
  const strip = (page: Page) => page.getByTestId(`journey-photos-${entry.id}`);
  await expect(async () => {
    await strip(annaPage).getByTestId(`journey-photo-input-${entry.id}`).setInputFiles([await photo('tram.jpg', '#e76f51'), await photo('river.jpg', '#2a9d8f')]);
    await expect(strip(annaPage).getByTestId('journey-photo')).toHaveCount(2, { timeout: 5000 });
  }).toPass();
  await expectImagesLoaded(annaPage, `[data-testid="journey-photos-${entry.id}"] img`, 2);
  await expect(strip(benPage).getByTestId('journey-photo')).toHaveCount(2);
  expect(await db.journeyPhoto.count({ where: { entryId: entry.id } })).toBe(2);

  // Ben adds one to the gallery; Anna sees it live.
  await benPage.getByTestId('journey-gallery-input').setInputFiles([await photo('bridge.jpg', '#264653')]);
  await expect(annaPage.getByTestId('journey-gallery').getByTestId('journey-photo')).toHaveCount(3);

  // Anna moves the first photo after the second, then opens one and captions it.
  const order = async () => (await db.journeyPhoto.findMany({ where: { entryId: entry.id }, orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }] })).map((p) => p.id);
  const before = await order();
  await strip(annaPage).getByRole('button', { name: 'Move later' }).first().click();
  await expect.poll(order).toEqual([...before].reverse());
  await strip(annaPage).getByRole('button', { name: 'Open photo 1' }).click();
  const photoDialog = annaPage.getByTestId('journey-photo-dialog');
  await photoDialog.getByLabel('Caption').fill('Tram 28');
  await photoDialog.getByRole('button', { name: 'Save caption' }).click();
  await expect.poll(async () => (await db.journeyPhoto.findMany({ where: { entryId: entry.id } })).map((p) => p.caption).sort()).toEqual(['', 'Tram 28']);
  await annaPage.keyboard.press('Escape');
  await expect(photoDialog).toHaveCount(0);

  // The public link: map off (no map tiles for a visitor here), made once, shown once.
  await annaPage.getByTestId('journey-share-button').click();
  const shareDialog = annaPage.getByTestId('journey-share-dialog');
  await shareDialog.getByTestId('journey-share-map').uncheck();
  await shareDialog.getByTestId('journey-share-create').click();
  const url = await shareDialog.getByTestId('journey-share-url').inputValue();
  expect(url).toMatch(/\/public\/journey\/wmj_[a-z2-7]{32}$/);

  // A visitor, signed out, in another language's browser gets the English-free German page.
  const visitorContext = await browser.newContext({ locale: 'de-DE' });
  const visitor = await visitorContext.newPage();
  visitor.on('pageerror', (error) => pageErrors.push(error.message));
  await visitor.goto(url);
  await expect(visitor.getByTestId('public-journey-title')).toHaveText('Portugal by train');
  await expect(visitor.getByRole('tab', { name: 'Zeitleiste' })).toHaveAttribute('aria-selected', 'true');
  await expect(visitor.getByRole('tab', { name: 'Karte' })).toHaveCount(0);
  const entries = visitor.getByTestId('public-entry');
  await expect(entries).toHaveCount(1);
  await expect(entries).toContainText('Alfama at dusk');
  await expect(visitor.getByText('Team dinner notes')).toHaveCount(0);
  await expectImagesLoaded(visitor, '[data-testid="public-entry"] img', 2);
  await visitor.getByRole('tab', { name: 'Galerie' }).click();
  await expectImagesLoaded(visitor, '[data-testid="public-gallery"] img', 3);
  await expect(visitor.getByText(anna.email)).toHaveCount(0);

  // …and an Arabic one the right-to-left page, at phone width.
  const arabicContext = await browser.newContext({ locale: 'ar', viewport: { width: 390, height: 800 } });
  const arabic = await arabicContext.newPage();
  arabic.on('pageerror', (error) => pageErrors.push(error.message));
  await arabic.goto(url);
  await expect(arabic.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(arabic.getByRole('tab', { name: 'الخط الزمني' })).toHaveAttribute('aria-selected', 'true');
  await expectImagesLoaded(arabic, '[data-testid="public-entry"] img', 2);
  await arabicContext.close();

  // Revoked (after confirming): the page and its photos are gone.
  await shareDialog.getByTestId('journey-share-delete').click();
  await annaPage.getByRole('alertdialog').getByRole('button', { name: 'Revoke link' }).click();
  await expect.poll(() => db.journeyShareLink.count({ where: { journeyId: journey.id } })).toBe(0);
  const gone = await visitor.goto(url);
  expect(gone?.status()).toBe(404);
  await expect(visitor.getByTestId('public-journey-gone')).toBeVisible();

  expect(pageErrors).toEqual([]);
  await Promise.all([annaContext.close(), benContext.close(), visitorContext.close()]);
});

test("a phone's HEIC picked in the entry editor shows as a JPEG photo, with the date it was taken", async ({ browser }) => {
  const hana = await makePerson(server, 'Hana');
  const db = server.services.db;
  const journey = await db.journey.create({
    data: { ownerId: hana.user.id, title: 'Paris in June', status: 'active', contributors: { create: [{ userId: hana.user.id, role: 'owner' }] } },
  });
  const entry = await db.journeyEntry.create({
    data: { journeyId: journey.id, authorId: hana.user.id, entryDate: new Date('2027-06-14T00:00:00Z'), title: 'Trocadéro', visibility: 'shared' },
  });
  const context = await signedInContext(browser, server, hana.token, { locale: 'en-GB' });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${server.url}/journey/${journey.id}`);
  await expect(page.getByTestId('journey-title')).toHaveText('Paris in June');
  await hydrated(page);

  const strip = page.getByTestId(`journey-photos-${entry.id}`);
  await strip.getByTestId(`journey-photo-input-${entry.id}`).setInputFiles({ name: 'IMG_0614.HEIC', mimeType: 'image/heic', buffer: SAMPLE_HEIC });
  await expect(strip.getByTestId('journey-photo')).toHaveCount(1);
  await expectImagesLoaded(page, `[data-testid="journey-photos-${entry.id}"] img`, 1);
  // what the browser shows is a JPEG made from it on the server
  const shown = await strip.locator('img').getAttribute('src');
  const served = await context.request.get(new URL(shown!, server.url).toString());
  expect(served.status()).toBe(200);
  expect(served.headers()['content-type']).toBe('image/jpeg');
  expect([...(await served.body()).subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);

  // the photo's dialog gives the capture date from the HEIC's EXIF (2027-06-14 09:30, shown for an en-GB reader)
  await strip.getByRole('button', { name: 'Open photo 1' }).click();
  await expect(page.getByTestId('journey-photo-dialog')).toContainText('Taken 14/06/2027, 09:30:00');
  expect(pageErrors).toEqual([]);
  await context.close();
});

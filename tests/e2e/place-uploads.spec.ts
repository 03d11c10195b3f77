// Uploading a place's own photo in a real browser (issue 14): a PNG made here is uploaded from the place dialog with
// the keyboard-reachable button, the avatar shows it (served by Waymark, members only), a text file posing as an image
// is refused with a message, and removing the photo (after confirming) brings the initials back.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { test, expect } from '@playwright/test';
import { startServer } from '../../server.ts';
import { createTestDatabase } from '../helpers/test-database.ts';
import { makePerson, signedInContext, type RunningServer } from './own-server';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes: Buffer) => {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function chunk(type: string, data: Buffer) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}
/** A solid-colour RGB PNG of size×size pixels. */
function makePng(size: number, rgb: [number, number, number]) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: size }, () => rgb).flat())]);
  const pixels = zlib.deflateSync(Buffer.concat(Array.from({ length: size }, () => row)));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))]);
}

let server: RunningServer;
let dropDatabase: () => Promise<void>;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'waymark-e2e-uploads-'));
test.beforeAll(async () => {
  const database = await createTestDatabase();
  dropDatabase = database.drop;
  server = await startServer({ PORT: '0', HOST: '127.0.0.1', DATABASE_URL: database.url, LOG_LEVEL: 'error', APP_URL: '', DATA_DIR: dataDir });
});
test.afterAll(async () => {
  await server?.close();
  await dropDatabase?.();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test('a member uploads a photo for a place, sees it, and removes it again', async ({ browser }) => {
  const anna = await makePerson(server, 'Anna');
  const db = server.services.db;
  const trip = await db.trip.create({ data: { ownerId: anna.user.id, title: 'Porto' } });
  const place = await db.place.create({ data: { tripId: trip.id, name: 'Livraria Lello' } });
  const context = await signedInContext(browser, server, anna.token, { locale: 'en-GB' });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${server.url}/trips/${trip.id}`);

  const row = page.getByTestId('place').filter({ hasText: 'Livraria Lello' });
  await expect(row.getByTestId('place-initials')).toHaveText('LL');
  await row.getByRole('button', { name: 'Edit Livraria Lello' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit place' });
  const photo = dialog.getByTestId('place-photo');
  await expect(photo.getByTestId('place-avatar')).toHaveAttribute('data-state', 'fallback');

  // A text file named like a photo is refused, and nothing changes.
  await photo.getByTestId('place-photo-input').setInputFiles({ name: 'holiday.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('just some text') });
  await expect(photo.getByRole('alert')).toHaveText('Only JPEG, PNG and WebP photos can be uploaded.');
  expect((await db.place.findUniqueOrThrow({ where: { id: place.id } })).photoUrl).toBe('');

  // The upload button opens the file chooser from the keyboard.
  const upload = photo.getByRole('button', { name: 'Upload photo' });
  await upload.focus();
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Enter');
  await (await chooser).setFiles({ name: 'lello.png', mimeType: 'image/png', buffer: makePng(16, [200, 30, 60]) });

  await expect(photo.getByTestId('place-avatar')).toHaveAttribute('data-state', 'photo');
  await expect(photo.getByRole('alert')).toHaveCount(0);
  const stored = await db.place.findUniqueOrThrow({ where: { id: place.id } });
  expect(stored).toMatchObject({ photoSource: 'upload', photoUrl: expect.stringMatching(/^\/api\/place-photos\/[0-9a-f]{32}$/) });
  await expect(photo.getByTestId('place-avatar').locator('img')).toHaveAttribute('src', stored.photoUrl);
  await expect(photo.getByRole('button', { name: 'Replace photo' })).toBeVisible();

  // The list behind the dialog shows it too.
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(row.getByTestId('place-avatar')).toHaveAttribute('data-state', 'photo');
  await expect(row.getByTestId('place-avatar').locator('img')).toHaveAttribute('src', stored.photoUrl);

  // Removing asks first, then the initials come back and the file is gone.
  await row.getByRole('button', { name: 'Edit Livraria Lello' }).click();
  await dialog.getByTestId('place-photo').getByRole('button', { name: 'Remove photo' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Remove the photo?' });
  await confirm.getByRole('button', { name: 'Remove photo' }).click();
  await expect(confirm).toHaveCount(0);
  await expect(dialog.getByTestId('place-photo').getByTestId('place-avatar')).toHaveAttribute('data-state', 'fallback');
  await expect.poll(async () => (await db.place.findUniqueOrThrow({ where: { id: place.id } })).photoUrl).toBe('');
  expect(fs.readdirSync(path.join(dataDir, 'uploads', 'places'))).toEqual([]);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(row.getByTestId('place-initials')).toHaveText('LL');
  expect(pageErrors).toEqual([]);
  await context.close();
});

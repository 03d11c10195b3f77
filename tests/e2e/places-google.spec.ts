// Admin → Map in a real browser, every outside service a local fake: an administrator saves a Google Places key (shown
// afterwards only as its last four characters) and a tile template; the place dialog then searches Google, shows the
// rating, and the new place keeps Google's photo — which, once its URL expired, is renewed and appears again; the map
// loads its tiles from the administrator's server.
import { test, expect } from '@playwright/test';
import { FAKE_GOOGLE, type FakeGeoServices } from '../helpers/fake-geo-services.ts';
import { makePerson, signedInContext, startOwnServer } from './own-server';

let server: Awaited<ReturnType<typeof startOwnServer>>;
let fake: FakeGeoServices;
test.beforeAll(async () => {
  server = await startOwnServer();
  fake = server.fakes;
});
test.afterAll(() => server?.close());

test('an admin sets the Google key and tiles; places come from Google with rating and a photo that survives expiry', async ({ browser }) => {
  const anna = await makePerson(server, 'Anna');
  const db = server.services.db;
  await db.user.update({ where: { id: anna.user.id }, data: { isAdmin: true } });
  const trip = await db.trip.create({ data: { ownerId: anna.user.id, title: 'Lisbon' } });
  const context = await signedInContext(browser, server, anna.token, { locale: 'en-GB' });
  const page = await context.newPage();

  // Admin → Map
  await page.goto(`${server.url}/admin/users`);
  await page.getByRole('link', { name: 'Map', exact: true }).click();
  await expect(page.getByTestId('google-places-state')).toContainText('Not configured');
  await page.getByLabel('API key').fill(FAKE_GOOGLE.apiKey);
  await page.getByRole('button', { name: 'Save key' }).click();
  await expect(page.getByTestId('google-key-hint')).toHaveText('…abcd');
  await expect(page.getByLabel('New API key')).toHaveValue('');
  expect(await page.content()).not.toContain(FAKE_GOOGLE.apiKey);

  const tileUrl = page.getByLabel('Tile URL template');
  await tileUrl.fill(`${fake.url}/tiles/{z}/{x}.png`);
  await page.getByLabel('Attribution').fill('Fake Tiles Ltd');
  await page.getByRole('button', { name: 'Save tiles' }).click();
  await expect(page.getByRole('alert')).toContainText('{z}, {x} and {y}');
  await tileUrl.fill(`${fake.url}/tiles/{z}/{x}/{y}.png`);
  await page.getByRole('button', { name: 'Save tiles' }).click();
  await expect(page.getByTestId('map-tiles-current')).toContainText(`${fake.url}/tiles/{z}/{x}/{y}.png`);

  // the planner: Google search, details with rating, the photo kept
  await page.goto(`${server.url}/trips/${trip.id}`);
  await page.getByRole('button', { name: 'New place' }).click();
  const dialog = page.getByRole('dialog', { name: 'New place' });
  await dialog.getByRole('searchbox').fill('Torre');
  await dialog.getByRole('button', { name: 'Search', exact: true }).click();
  await dialog.getByRole('button', { name: new RegExp(FAKE_GOOGLE.name) }).click();
  const details = dialog.getByTestId('place-details');
  await expect(details).toContainText('From Google Places');
  await expect(details.getByTestId('place-rating')).toHaveText('4.6 of 5');
  await expect(details).toContainText('Tuesday: 10:00 AM');
  await expect(dialog.getByLabel('Website')).toHaveValue(FAKE_GOOGLE.website);
  await dialog.getByRole('button', { name: 'Add place' }).click();
  await expect(dialog).toHaveCount(0);

  const avatar = page.getByTestId('place').filter({ hasText: FAKE_GOOGLE.name }).getByTestId('place-avatar');
  await expect(avatar).toHaveAttribute('data-state', 'photo');
  const firstSrc = await avatar.locator('img').getAttribute('src');
  expect(firstSrc).toMatch(/\/google-photos\/AUfakePhoto1\.png\?v=\d+$/);
  expect(await db.place.findFirst({ where: { tripId: trip.id }, select: { photoSource: true, photoRef: true } })).toEqual({ photoSource: 'google', photoRef: FAKE_GOOGLE.photoName });

  // the map draws the administrator's tiles
  await expect(page.locator('img.leaflet-tile').first()).toHaveAttribute('src', new RegExp(`^${fake.url}/tiles/\\d+/\\d+/\\d+\\.png$`));
  await expect(page.locator('.leaflet-control-attribution')).toContainText('Fake Tiles Ltd');

  // Google's photo URL expires: the next page view renews it once, and the photo appears again
  fake.expireGooglePhotos();
  const mediaCalls = () => fake.requests.filter((r) => r.endsWith('/media?maxWidthPx=640&skipHttpRedirect=true')).length;
  const before = mediaCalls();
  await page.reload();
  await expect(avatar.locator('img')).not.toHaveAttribute('src', firstSrc!);
  await expect(avatar).toHaveAttribute('data-state', 'photo');
  await expect(avatar.locator('img')).toBeVisible();
  expect(mediaCalls()).toBe(before + 1);
  await expect.poll(async () => (await db.place.findFirst({ where: { tripId: trip.id } }))?.photoUrl).toBe(await avatar.locator('img').getAttribute('src'));

  await context.close();
});

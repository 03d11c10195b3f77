// PlaceAvatar in a real browser, photos served by a local fake (Wikimedia Commons and its images): a stored photo URL
// that has expired is re-resolved once by the server and the fresh photo appears; when the provider has nothing any
// more, the initials stay — and each place asks the server only once per page view.
import { test, expect } from '@playwright/test';
import { type FakeGeoServices } from '../helpers/fake-geo-services.ts';
import { makePerson, signedInContext, startOwnServer } from './own-server';

let server: Awaited<ReturnType<typeof startOwnServer>>;
let fake: FakeGeoServices;
test.beforeAll(async () => {
  server = await startOwnServer();
  fake = server.fakes;
});
test.afterAll(() => server?.close());

test('an expired photo is re-resolved once and the fresh one appears; a photo the provider lost falls back to initials', async ({ browser }) => {
  const anna = await makePerson(server, 'Anna');
  const db = server.services.db;
  const trip = await db.trip.create({ data: { ownerId: anna.user.id, title: 'Lisbon' } });
  const fresh = await db.place.create({
    data: { tripId: trip.id, name: 'Torre de Belém', photoUrl: `${fake.url}/photos/expired-1.png`, photoSource: 'wikimedia', photoRef: 'Fresh.png' },
  });
  const gone = await db.place.create({
    data: { tripId: trip.id, name: 'Old Market', photoUrl: `${fake.url}/photos/expired-2.png`, photoSource: 'wikimedia', photoRef: 'Gone.png' },
  });
  const context = await signedInContext(browser, server, anna.token, { locale: 'en-GB' });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${server.url}/trips/${trip.id}`);

  const avatarOf = (name: string) => page.getByTestId('place').filter({ hasText: name }).getByTestId('place-avatar');
  const freshAvatar = avatarOf('Torre de Belém');
  await expect(freshAvatar).toHaveAttribute('data-state', 'photo');
  await expect(freshAvatar.locator('img')).toHaveAttribute('src', `${fake.url}/photos/fresh.png`);
  await expect(freshAvatar.locator('img')).toBeVisible();

  const goneAvatar = avatarOf('Old Market');
  await expect(goneAvatar.getByTestId('place-initials')).toHaveText('OM');
  await expect(goneAvatar).toHaveAttribute('data-state', 'fallback');
  await expect(goneAvatar.locator('img')).toHaveCount(0);

  // the server stored what it found: the fresh URL, and no photo where the provider has none
  await expect.poll(async () => (await db.place.findUnique({ where: { id: fresh.id } }))?.photoUrl).toBe(`${fake.url}/photos/fresh.png`);
  await expect.poll(async () => (await db.place.findUnique({ where: { id: gone.id } }))?.photoUrl).toBe('');
  // one question to the provider per place, no loop
  const commonsCalls = () => fake.requests.filter((r) => r.startsWith('/w/api.php'));
  expect(commonsCalls()).toHaveLength(2);
  await page.getByTestId('place').first().hover();
  await expect(goneAvatar.getByTestId('place-initials')).toBeVisible();
  expect(commonsCalls()).toHaveLength(2);
  expect(fake.requests.filter((r) => r.startsWith('/photos/expired-1.png'))).toHaveLength(1);
  expect(pageErrors).toEqual([]);
  await context.close();
});

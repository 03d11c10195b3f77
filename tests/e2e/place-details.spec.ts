// Place details in the place dialog (issue 14): picking an OpenStreetMap search result shows its opening hours,
// website and phone (get_place_details, from a local fake Nominatim), fills the empty website and phone fields, and the
// new place keeps them.
import { test, expect } from '@playwright/test';
import { FAKE_PLACE } from '../helpers/fake-geo-services.ts';
import { makePerson, signedInContext, startOwnServer } from './own-server';

let server: Awaited<ReturnType<typeof startOwnServer>>;
test.beforeAll(async () => {
  server = await startOwnServer();
});
test.afterAll(() => server?.close());

test('the picked search result shows its opening hours, website and phone, and the new place keeps them', async ({ browser }) => {
  const anna = await makePerson(server, 'Anna');
  const db = server.services.db;
  const trip = await db.trip.create({ data: { ownerId: anna.user.id, title: 'Lisbon' } });
  const context = await signedInContext(browser, server, anna.token, { locale: 'en-GB' });
  const page = await context.newPage();
  await page.goto(`${server.url}/trips/${trip.id}`);

  await page.getByRole('button', { name: 'New place' }).click();
  const dialog = page.getByRole('dialog', { name: 'New place' });
  await dialog.getByRole('searchbox', { name: 'Search OpenStreetMap' }).fill('Torre');
  await dialog.getByRole('button', { name: 'Search', exact: true }).click();
  await dialog.getByRole('button', { name: new RegExp(FAKE_PLACE.name) }).click();

  const details = dialog.getByTestId('place-details');
  await expect(details).toContainText(FAKE_PLACE.openingHours);
  await expect(details.getByRole('link', { name: 'www.torrebelem.pt' })).toHaveAttribute('href', FAKE_PLACE.website);
  await expect(details.getByRole('link', { name: FAKE_PLACE.phone })).toHaveAttribute('href', 'tel:+351213620034');
  await expect(dialog.getByLabel('Website')).toHaveValue(FAKE_PLACE.website);
  await expect(dialog.getByLabel('Phone')).toHaveValue(FAKE_PLACE.phone);

  await dialog.getByRole('button', { name: 'Add place' }).click();
  await expect(dialog).toHaveCount(0);
  await expect.poll(async () => db.place.findFirst({ where: { tripId: trip.id }, select: { name: true, url: true, phone: true } })).toEqual({
    name: FAKE_PLACE.name,
    url: FAKE_PLACE.website,
    phone: FAKE_PLACE.phone,
  });

  await context.close();
});

// The trip map in a real browser: a day's places numbered in visiting order in the day's colour, a line through them,
// and the places list's category filter applied to the map.
import { test, expect } from '@playwright/test';
import { makePerson, signedInContext, startOwnServer, type RunningServer } from './own-server';

let server: RunningServer;
test.beforeAll(async () => {
  server = await startOwnServer();
});
test.afterAll(async () => {
  await server?.close();
});

test('places are numbered by day with a line through them, and the category filter applies to the map', async ({ browser }) => {
  const anna = await makePerson(server, 'Anna');
  const db = server.services.db;
  const museum = await db.category.findFirstOrThrow({ where: { key: 'museum' } });
  const cafe = await db.category.findFirstOrThrow({ where: { key: 'cafe' } });
  const trip = await db.trip.create({
    data: { ownerId: anna.user.id, title: 'Lisbon', days: { create: [{ position: 0 }, { position: 1 }] } },
    include: { days: { orderBy: { position: 'asc' } } },
  });
  const first = await db.place.create({ data: { tripId: trip.id, name: 'MAAT', lat: 38.6957, lng: -9.1934, categoryId: museum.id } });
  const second = await db.place.create({ data: { tripId: trip.id, name: 'Pastéis', lat: 38.6975, lng: -9.2032, categoryId: cafe.id } });
  await db.assignment.create({ data: { dayId: trip.days[0].id, placeId: first.id, position: 0 } });
  await db.assignment.create({ data: { dayId: trip.days[0].id, placeId: second.id, position: 1 } });

  const context = await signedInContext(browser, server, anna.token, { locale: 'en-GB', viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await page.route(/tile\.openstreetmap\.org/, (route) => route.abort());
  await page.goto(`${server.url}/trips/${trip.id}`);
  const map = page.getByTestId('trip-map');
  await expect(map.locator('.leaflet-tooltip')).toHaveText(['1', '2']);
  await expect(map.locator('.leaflet-tooltip').first()).toHaveAttribute('class', /wm-map-number/);
  // two markers and the day's line
  await expect(map.locator('path.leaflet-interactive')).toHaveCount(3);

  await page.getByRole('combobox', { name: 'Filter by category' }).selectOption({ label: 'Museum' });
  await expect(map.locator('.leaflet-tooltip')).toHaveText(['1']);
  await page.getByRole('combobox', { name: 'Filter by category' }).selectOption({ index: 0 });
  await expect(map.locator('.leaflet-tooltip')).toHaveText(['1', '2']);
  await context.close();
});

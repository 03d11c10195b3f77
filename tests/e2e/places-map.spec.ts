// The trip map in a real browser: a day's places numbered in visiting order in the day's colour, a line through them,
// the places list's category filter applied to the map, fitting the map to one day, and crowded markers clustered.
import { test, expect, type Locator } from '@playwright/test';
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

/** The numbers on the map's markers, sorted (Leaflet keeps tooltips in the order they were added, not by place). */
const numbersOn = async (map: Locator) => (await map.locator('.leaflet-tooltip').allTextContents()).sort();

test('the map fits to one day (only its places and line) and back to the whole trip; crowded places cluster', async ({ browser }) => {
  const anna = await makePerson(server, 'Anna');
  const db = server.services.db;
  const trip = await db.trip.create({
    data: { ownerId: anna.user.id, title: 'Portugal', days: { create: [{ position: 0 }, { position: 1 }] } },
    include: { days: { orderBy: { position: 'asc' } } },
  });
  // day 1 in Lisbon, day 2 in Porto (~270 km away)
  const lisbon = [
    await db.place.create({ data: { tripId: trip.id, name: 'MAAT', lat: 38.6957, lng: -9.1934 } }),
    await db.place.create({ data: { tripId: trip.id, name: 'Belém Tower', lat: 38.6916, lng: -9.216 } }),
  ];
  const porto = [
    await db.place.create({ data: { tripId: trip.id, name: 'Livraria Lello', lat: 41.1469, lng: -8.6149 } }),
    await db.place.create({ data: { tripId: trip.id, name: 'Ribeira', lat: 41.1406, lng: -8.6132 } }),
    await db.place.create({ data: { tripId: trip.id, name: 'Casa da Música', lat: 41.1589, lng: -8.6307 } }),
  ];
  for (const [i, p] of lisbon.entries()) await db.assignment.create({ data: { dayId: trip.days[0].id, placeId: p.id, position: i } });
  for (const [i, p] of porto.entries()) await db.assignment.create({ data: { dayId: trip.days[1].id, placeId: p.id, position: i } });

  const context = await signedInContext(browser, server, anna.token, { locale: 'en-GB', viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await page.route(/tile\.openstreetmap\.org/, (route) => route.abort());
  await page.goto(`${server.url}/trips/${trip.id}`);
  const map = page.getByTestId('trip-map');
  const fit = page.getByRole('group', { name: 'Fit the map to' });
  await expect(fit.getByRole('button', { name: 'Whole trip' })).toHaveAttribute('aria-pressed', 'true');

  // The whole trip spans Lisbon to Porto: each city's places overlap and become one count bubble (a keyboard button).
  const lisbonBubble = map.getByRole('button', { name: '2 places here, zoom in' });
  const portoBubble = map.getByRole('button', { name: '3 places here, zoom in' });
  await expect(lisbonBubble).toBeVisible();
  await expect(portoBubble).toBeVisible();
  await expect(map.locator('.leaflet-tooltip')).toHaveCount(0);
  // Enter on a bubble zooms in to its places: the numbered markers appear instead (Lisbon's, far out of view, too)
  await portoBubble.focus();
  await page.keyboard.press('Enter');
  await expect(portoBubble).toHaveCount(0);
  await expect(map.getByRole('button', { name: /places here/ })).toHaveCount(0);
  await expect.poll(() => numbersOn(map)).toEqual(['1', '1', '2', '2', '3']);

  // Fit to day 1 (keyboard): only its two places and its line; day 2's places and line are gone.
  const dayOne = fit.getByRole('button').nth(1);
  await dayOne.focus();
  await page.keyboard.press('Enter');
  await expect(dayOne).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => numbersOn(map)).toEqual(['1', '2']);
  await expect(map.locator('.leaflet-tooltip span[aria-label="Day 1 · MAAT"]')).toHaveText('1');
  await expect(map.locator('.leaflet-tooltip span[aria-label="Day 1 · Belém Tower"]')).toHaveText('2');
  await expect(map.locator('path.leaflet-interactive')).toHaveCount(3);
  await expect(map.getByRole('button', { name: /places here/ })).toHaveCount(0);

  // Day 2: its three places, numbered in its order
  await fit.getByRole('button').nth(2).click();
  await expect.poll(() => numbersOn(map)).toEqual(['1', '2', '3']);
  await expect(map.locator('.leaflet-tooltip span[aria-label="Day 2 · Casa da Música"]')).toHaveText('3');
  await expect(map.locator('path.leaflet-interactive')).toHaveCount(4);

  // Back to the whole trip: fitted to both cities again, so the bubbles are back
  await fit.getByRole('button', { name: 'Whole trip' }).click();
  await expect(lisbonBubble).toBeVisible();
  await expect(portoBubble).toBeVisible();
  await context.close();
});

// The trip planner at /trips/:tripId, in a real browser against the end-to-end server: planning a place onto a day,
// reordering with the keyboard, the places sidebar filters, day notes, and the page without map tiles.
import { test, expect, type Page } from '@playwright/test';
import { mutateFromPage, queryFromPage, registerUser } from './fixtures';

const register = (page: Page) => registerUser(page, { displayName: 'Pat Planner' });

async function createTrip(page: Page, title: string) {
  const { trip } = await mutateFromPage(page, 'trips.createTrip', { title, startDate: '2027-05-01', endDate: '2027-05-03' });
  return trip.id as number;
}

const day = (page: Page, n: number) => page.getByTestId('day').nth(n - 1);

test('register, create a trip, add a place, plan it on day 2, and it is still there after reload', async ({ page }) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await register(page);
  // The dashboard's "New trip" dialog, then the trip's card leads to the planner.
  await page.goto('/');
  const newTrip = page.getByRole('dialog', { name: 'New trip' });
  // A click before the page has hydrated does nothing, so click until the dialog opens.
  await expect(async () => {
    await page.getByRole('button', { name: 'New trip' }).first().click();
    await expect(newTrip).toBeVisible({ timeout: 1000 });
  }).toPass();
  await newTrip.getByLabel('Title').fill('Rome in spring');
  await newTrip.getByLabel('Start date').fill('2027-05-01');
  await newTrip.getByLabel('End date').fill('2027-05-03');
  await newTrip.getByRole('button', { name: 'Create trip' }).click();
  await expect(newTrip).toBeHidden();
  await page.getByRole('link', { name: 'Rome in spring' }).click();
  await expect(page).toHaveURL(/\/trips\/\d+$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Rome in spring' })).toBeVisible();
  await expect(page.getByTestId('day')).toHaveCount(3);

  await page.getByRole('button', { name: 'New place' }).click();
  const dialog = page.getByRole('dialog', { name: 'New place' });
  await dialog.getByLabel('Name').fill('Colosseum');
  await dialog.getByLabel('Latitude').fill('41.8902');
  await dialog.getByLabel('Longitude').fill('12.4922');
  await dialog.getByRole('button', { name: 'Add place' }).click();
  await expect(dialog).toBeHidden();
  const place = page.getByTestId('place').filter({ hasText: 'Colosseum' });
  await expect(place).toContainText('Not planned yet');

  await place.getByLabel('Add Colosseum to a day').selectOption({ index: 2 });
  await expect(day(page, 2).getByTestId('assignment-name')).toHaveText(['Colosseum']);
  await expect(day(page, 1).getByTestId('assignment')).toHaveCount(0);

  await page.reload();
  await expect(day(page, 2).getByTestId('assignment-name')).toHaveText(['Colosseum']);
  await expect(day(page, 1).getByTestId('assignment')).toHaveCount(0);
  await expect(page.getByTestId('place').filter({ hasText: 'Colosseum' })).toContainText('Planned');
  expect(pageErrors).toEqual([]);
});

test('places are reordered and moved between days with the keyboard, and the order persists', async ({ page }) => {
  await register(page);
  const tripId = await createTrip(page, 'Keyboard trip');
  const summary = await queryFromPage(page, 'trips.getTripSummary', { tripId });
  const [day1, day2] = summary.days.map((d: { id: number }) => d.id);
  for (const name of ['Pantheon', 'Trevi Fountain', 'Spanish Steps']) {
    await mutateFromPage(page, 'places.createAndAssignPlace', { tripId, name, dayId: day1 });
  }
  await page.goto(`/trips/${tripId}`);
  const names = day(page, 1).getByTestId('assignment-name');
  await expect(names).toHaveText(['Pantheon', 'Trevi Fountain', 'Spanish Steps']);

  // Move buttons, operated from the keyboard.
  await page.getByRole('button', { name: 'Move Spanish Steps up' }).focus();
  await page.keyboard.press('Enter');
  await expect(names).toHaveText(['Pantheon', 'Spanish Steps', 'Trevi Fountain']);
  await expect(page.getByRole('button', { name: 'Move Spanish Steps up' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(names).toHaveText(['Spanish Steps', 'Pantheon', 'Trevi Fountain']);

  // Dragging with the keyboard (dnd-kit's keyboard sensor): pick up, arrow down, drop.
  await page.getByRole('button', { name: /^Drag Pantheon/ }).focus();
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: /^Drag Pantheon/ })).toHaveAttribute('aria-pressed', 'true');
  // Trevi Fountain slides up into Pantheon's place once the keyboard sensor has moved Pantheon over it. The sensor
  // ignores arrows until it has measured the drop targets, so press again until it moves (a further press past the
  // last place changes nothing).
  const trevi = day(page, 1).getByTestId('assignment').filter({ hasText: 'Trevi Fountain' });
  await expect(async () => {
    await page.keyboard.press('ArrowDown');
    await expect(trevi).toHaveAttribute('style', /translate3d\(0px, -\d/, { timeout: 500 });
  }).toPass({ timeout: 10_000 });
  await page.keyboard.press('Space');
  await expect(names).toHaveText(['Spanish Steps', 'Trevi Fountain', 'Pantheon']);

  // "Move to day…" sends a place to another day.
  // The move shows at once; the reload below must come after the server has stored it.
  const stored = page.waitForResponse((r) => r.url().includes('assignments.moveAssignment') && r.ok());
  await page.getByLabel('Move Trevi Fountain to another day').selectOption(String(day2));
  await stored;
  await expect(names).toHaveText(['Spanish Steps', 'Pantheon']);
  await expect(day(page, 2).getByTestId('assignment-name')).toHaveText(['Trevi Fountain']);

  await page.reload();
  await expect(day(page, 1).getByTestId('assignment-name')).toHaveText(['Spanish Steps', 'Pantheon']);
  await expect(day(page, 2).getByTestId('assignment-name')).toHaveText(['Trevi Fountain']);
});

test('a place is dragged with the mouse onto another day', async ({ page }) => {
  await register(page);
  const tripId = await createTrip(page, 'Mouse trip');
  const summary = await queryFromPage(page, 'trips.getTripSummary', { tripId });
  await mutateFromPage(page, 'places.createAndAssignPlace', { tripId, name: 'Pantheon', dayId: summary.days[0].id });
  await mutateFromPage(page, 'places.createAndAssignPlace', { tripId, name: 'Trevi Fountain', dayId: summary.days[0].id });
  await page.goto(`/trips/${tripId}`);
  const handle = page.getByRole('button', { name: /^Drag Trevi Fountain/ });
  const target = day(page, 3).getByRole('list');
  const from = (await handle.boundingBox())!;
  const to = (await target.boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2, from.y + 20, { steps: 5 });
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 15 });
  await page.mouse.up();
  await expect(day(page, 3).getByTestId('assignment-name')).toHaveText(['Trevi Fountain']);
  await expect(day(page, 1).getByTestId('assignment-name')).toHaveText(['Pantheon']);
  await page.reload();
  await expect(day(page, 3).getByTestId('assignment-name')).toHaveText(['Trevi Fountain']);
});

test('the places sidebar searches, filters by category and shows unplanned places only', async ({ page }) => {
  await register(page);
  const tripId = await createTrip(page, 'Paris');
  const { categories } = await queryFromPage(page, 'places.listCategories', undefined);
  const museum = categories.find((c: { key: string }) => c.key === 'museum').id;
  const cafe = categories.find((c: { key: string }) => c.key === 'cafe').id;
  const summary = await queryFromPage(page, 'trips.getTripSummary', { tripId });
  await mutateFromPage(page, 'places.createPlace', { tripId, name: 'Louvre', categoryId: museum, address: 'Rue de Rivoli' });
  await mutateFromPage(page, 'places.createPlace', { tripId, name: 'Musée d’Orsay', categoryId: museum });
  await mutateFromPage(page, 'places.createAndAssignPlace', { tripId, name: 'Café de Flore', categoryId: cafe, dayId: summary.days[0].id });

  await page.goto(`/trips/${tripId}`);
  const names = page.getByTestId('place-name');
  await expect(names).toHaveText(['Café de Flore', 'Louvre', 'Musée d’Orsay']);

  await page.getByLabel('Search places').fill('rivoli');
  await expect(names).toHaveText(['Louvre']);
  await page.getByLabel('Search places').fill('zzz');
  await expect(names).toHaveCount(0);
  await expect(page.getByText('No places match these filters.')).toBeVisible();
  await page.getByLabel('Search places').fill('');

  await page.getByLabel('Filter by category').selectOption(String(museum));
  await expect(names).toHaveText(['Louvre', 'Musée d’Orsay']);
  await page.getByLabel('Filter by category').selectOption('');

  await page.getByLabel('Not planned yet').check();
  await expect(names).toHaveText(['Louvre', 'Musée d’Orsay']);
});

test('the place form fills a place from a search result, and says so when the search is unavailable', async ({ page }) => {
  await register(page);
  const tripId = await createTrip(page, 'Search trip');
  // The place search calls OpenStreetMap from the server; here its answers are stood in for at the app's API.
  let searchUp = false;
  await page.route('**/api/trpc/places.searchPlace*', (route) =>
    searchUp
      ? route.fulfill({
          contentType: 'application/json',
          body: JSON.stringify([
            { result: { data: { results: [{ name: 'Pantheon', address: 'Piazza della Rotonda, Roma', lat: 41.8986, lng: 12.4769 }] } } },
          ]),
        })
      : route.fulfill({
          status: 502,
          contentType: 'application/json',
          body: JSON.stringify([
            { error: { message: 'The place search service did not answer', code: -32603, data: { code: 'BAD_GATEWAY', httpStatus: 502 } } },
          ]),
        })
  );
  await page.goto(`/trips/${tripId}`);
  await page.getByRole('button', { name: 'New place' }).click();
  const dialog = page.getByRole('dialog', { name: 'New place' });
  await dialog.getByLabel('Search OpenStreetMap').fill('pantheon');
  await dialog.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(dialog.getByRole('alert')).toContainText('Place search is not available right now');

  searchUp = true;
  await dialog.getByLabel('Search OpenStreetMap').fill('pantheon rome');
  await dialog.getByRole('button', { name: 'Search', exact: true }).click();
  await dialog.getByRole('button', { name: /Pantheon/ }).click();
  await expect(dialog.getByLabel('Name')).toHaveValue('Pantheon');
  await expect(dialog.getByLabel('Latitude')).toHaveValue('41.8986');
  await dialog.getByRole('button', { name: 'Add place' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('place-name')).toHaveText(['Pantheon']);
  await expect(page.getByText('Not on the map')).toHaveCount(0);
});

test('a day note is added to a day and kept', async ({ page }) => {
  await register(page);
  const tripId = await createTrip(page, 'Notes trip');
  await page.goto(`/trips/${tripId}`);
  await day(page, 1).getByRole('button', { name: 'Add a note' }).click();
  await day(page, 1).getByLabel('Time').fill('08:15');
  await day(page, 1).getByLabel('Note', { exact: true }).fill('Train to Florence from Termini');
  await day(page, 1).getByRole('button', { name: 'Save note' }).click();
  // English with a US browser reads the 12-hour clock (decision 033)
  await expect(day(page, 1).getByTestId('day-note')).toContainText('8:15 AM');
  await expect(day(page, 1).getByTestId('day-note')).toContainText('Train to Florence from Termini');
  await page.reload();
  await expect(day(page, 1).getByTestId('day-note')).toContainText('Train to Florence from Termini');
});

test('an accommodation is recorded with check-in and check-out days, then deleted after confirmation', async ({ page }) => {
  await register(page);
  const tripId = await createTrip(page, 'Stay trip');
  await mutateFromPage(page, 'places.createPlace', { tripId, name: 'Hotel Artemide' });
  await page.goto(`/trips/${tripId}`);
  await page.getByRole('button', { name: 'Add stay' }).click();
  const dialog = page.getByRole('dialog', { name: 'New accommodation' });
  await dialog.getByLabel('Check-out day').selectOption({ index: 2 });
  await dialog.getByLabel('Check-in time').fill('15:00');
  await dialog.getByLabel('Confirmation').fill('ART-4821');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  const stay = page.getByTestId('accommodation');
  await expect(stay).toContainText('Hotel Artemide');
  await expect(stay).toContainText('ART-4821');
  await expect(stay).toContainText(/Check-in Day 1 .* 15:00 · check-out Day 3/);
  await page.reload();
  await expect(page.getByTestId('accommodation')).toContainText('ART-4821');

  await page.getByRole('button', { name: 'Delete accommodation' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByTestId('accommodation')).toHaveCount(0);
});

test('the planner stays usable when map tiles cannot load', async ({ page }) => {
  let tileRequests = 0;
  await page.route('**/tile.openstreetmap.org/**', (route) => {
    tileRequests += 1;
    return route.abort();
  });
  await register(page);
  const tripId = await createTrip(page, 'Offline map');
  await mutateFromPage(page, 'places.createPlace', { tripId, name: 'Castel Sant’Angelo', lat: 41.9031, lng: 12.4663 });
  await page.goto(`/trips/${tripId}`);
  await expect(page.getByTestId('trip-map').locator('.leaflet-container')).toBeVisible();
  await expect(page.getByTestId('map-tiles-failed')).toBeVisible();
  expect(tileRequests).toBeGreaterThan(0);

  // Planning still works.
  await page.getByTestId('place').filter({ hasText: 'Castel' }).getByRole('combobox').selectOption({ index: 1 });
  await expect(day(page, 1).getByTestId('assignment-name')).toHaveText(['Castel Sant’Angelo']);
});

test('a trip that does not exist, or is someone else’s, shows a not-found page', async ({ page, browser }) => {
  await register(page);
  const missing = await page.goto('/trips/999999');
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Trip not found' })).toBeVisible();

  const otherContext = await browser.newContext();
  try {
    const other = await otherContext.newPage();
    await registerUser(other, { displayName: 'Olga Other' });
    const theirs = await createTrip(other, 'Private trip');
    const response = await page.goto(`/trips/${theirs}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'Trip not found' })).toBeVisible();
    await expect(page.getByText('Private trip')).toHaveCount(0);
  } finally {
    await otherContext.close();
  }
});

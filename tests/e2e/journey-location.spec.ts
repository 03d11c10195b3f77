// An entry's location in a real browser: search a place (the fake Nominatim), click the map to set the pin, drag it,
// move it with the arrow keys, clear it, type the coordinates, and save — the entry keeps the last position.
import { test, expect, type Locator } from '@playwright/test';
import { FAKE_PLACE } from '../helpers/fake-geo-services.ts';
import { makePerson, signedInContext, startOwnServer, type RunningServer } from './own-server';

let server: RunningServer;
test.beforeAll(async () => {
  server = await startOwnServer();
  await server.services.addons.set('journey', true);
});
test.afterAll(async () => {
  await server?.close();
});

const numberIn = async (field: Locator) => Number(await field.inputValue());

test('pick, drag, nudge, clear and type an entry’s position on the map', async ({ browser }) => {
  const anna = await makePerson(server, 'Anna');
  const db = server.services.db;
  const journey = await db.journey.create({ data: { ownerId: anna.user.id, title: 'Portugal', status: 'active' } });
  await db.journeyContributor.create({ data: { journeyId: journey.id, userId: anna.user.id, role: 'owner' } });

  const context = await signedInContext(browser, server, anna.token);
  const page = await context.newPage();
  await page.route(/tile\.openstreetmap\.org/, (route) => route.abort());
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${server.url}/journey/${journey.id}`);

  const editor = page.getByRole('dialog', { name: 'New entry' });
  await expect(async () => {
    await page.getByTestId('journey-add-entry').click();
    await expect(editor).toBeVisible({ timeout: 1000 });
  }).toPass();
  await editor.getByLabel('Title', { exact: true }).fill('Belém');
  const lat = editor.getByRole('spinbutton', { name: 'Latitude (map pin)' });
  const lng = editor.getByRole('spinbutton', { name: 'Longitude (map pin)' });
  const map = editor.getByTestId('journey-location-map');
  const pin = map.locator('.wm-journey-pin');
  await expect(map.locator('.leaflet-container')).toBeVisible();
  await expect(pin).toHaveCount(0);

  // Search a place: name and position come from the geocoder, the pin appears there.
  await editor.getByRole('searchbox').fill('Torre');
  await editor.getByRole('searchbox').press('Enter');
  await editor.getByRole('button', { name: new RegExp(FAKE_PLACE.name) }).click();
  await expect(lat).toHaveValue(String(FAKE_PLACE.lat));
  await expect(lng).toHaveValue(String(FAKE_PLACE.lng));
  await expect(editor.getByRole('textbox', { name: 'Location', exact: true })).toHaveValue(`${FAKE_PLACE.name}, ${FAKE_PLACE.address}`);
  await expect(pin).toBeVisible();

  // A click on the map moves the pin there: north-west of the middle is north-west of the place.
  await map.scrollIntoViewIfNeeded();
  const box = (await map.locator('.leaflet-container').boundingBox())!;
  await page.mouse.click(box.x + box.width / 2 - 60, box.y + box.height / 2 - 40);
  await expect.poll(() => numberIn(lat)).toBeGreaterThan(FAKE_PLACE.lat);
  expect(await numberIn(lng)).toBeLessThan(FAKE_PLACE.lng);
  const clicked = { lat: await numberIn(lat), lng: await numberIn(lng) };

  // Dragging the pin to the east moves it east (from where the pin has come to rest: the map may still be moving).
  const pinBox = await settledBox(pin);
  await page.mouse.move(pinBox.x + pinBox.width / 2, pinBox.y + pinBox.height / 2);
  await page.mouse.down();
  await page.mouse.move(pinBox.x + pinBox.width / 2 + 50, pinBox.y + pinBox.height / 2, { steps: 8 });
  await page.mouse.up();
  await expect.poll(() => numberIn(lng)).toBeGreaterThan(clicked.lng);
  const dragged = { lat: await numberIn(lat), lng: await numberIn(lng) };

  // Keyboard: the pin takes focus and the arrow keys move it.
  await pin.focus();
  await page.keyboard.press('ArrowUp');
  await expect.poll(() => numberIn(lat)).toBeGreaterThan(dragged.lat);

  // Clear, then type exact coordinates: the pin follows the fields.
  await editor.getByTestId('journey-location-clear').click();
  await expect(lat).toHaveValue('');
  await expect(lng).toHaveValue('');
  await expect(pin).toHaveCount(0);
  await lat.fill('38.7139');
  await lng.fill('-9.1334');
  await expect(pin).toBeVisible();

  await editor.getByTestId('journey-entry-save').click();
  await expect(editor).toBeHidden();
  const saved = await db.journeyEntry.findFirstOrThrow({ where: { journeyId: journey.id } });
  expect(saved).toMatchObject({ title: 'Belém', lat: 38.7139, lng: -9.1334, locationName: `${FAKE_PLACE.name}, ${FAKE_PLACE.address}` });
  expect(pageErrors).toEqual([]);
  await context.close();
});

/** The element's box once two readings in a row agree (a marker moved by the map's pan animation is not there yet). */
async function settledBox(locator: Locator) {
  let previous = await locator.boundingBox();
  await expect
    .poll(async () => {
      const next = await locator.boundingBox();
      const settled = next !== null && JSON.stringify(next) === JSON.stringify(previous);
      previous = next;
      return settled;
    })
    .toBe(true);
  return previous!;
}

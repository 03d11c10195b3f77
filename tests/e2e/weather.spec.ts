// Each planner day's weather in a real browser, with Open-Meteo replaced by a local fake server: a far-off trip shows
// climate averages (labelled), °F when the user chose it, the hour-by-hour dialog, a day without coordinates says so,
// Arabic (right to left) shows translated labels, and a service that is down leaves a clear note and a working page.
import { test, expect, type Browser } from '@playwright/test';
import { startServer } from '../../server.ts';
import { createTestDatabase } from '../helpers/test-database.ts';
import { temporaryDataDir, type TemporaryDataDir } from '../helpers/data-dir.ts';
import { fakeGeoEnv, startFakeGeoServices, type FakeGeoServices } from '../helpers/fake-geo-services.ts';
import { makePerson, signedInContext, type RunningServer } from './own-server';

let server: RunningServer;
let fake: FakeGeoServices;
let dropDatabase: () => Promise<void>;
let dataDir: TemporaryDataDir;
test.beforeAll(async () => {
  fake = await startFakeGeoServices();
  dataDir = temporaryDataDir('e2e');
  const database = await createTestDatabase();
  dropDatabase = database.drop;
  server = await startServer({ PORT: '0', HOST: '127.0.0.1', DATABASE_URL: database.url, LOG_LEVEL: 'error', APP_URL: '', DATA_DIR: dataDir.path, ...fakeGeoEnv(fake) });
});
test.afterAll(async () => {
  await server?.close();
  await dropDatabase?.();
  await fake?.close();
  dataDir?.remove();
});

const year = new Date().getUTCFullYear() + 2;
let nextLat = 30;

/** Anna's two-day trip far ahead: a place with coordinates on day 1, nothing on day 2. */
async function plannerPage(browser: Browser, options: { language?: 'en' | 'ar'; unit?: 'fahrenheit' } = {}) {
  const anna = await makePerson(server, 'Anna');
  const db = server.services.db;
  await db.user.update({ where: { id: anna.user.id }, data: { language: options.language ?? 'en', temperatureUnit: options.unit ?? null } });
  const trip = await db.trip.create({
    data: {
      ownerId: anna.user.id,
      title: 'Lisbon',
      startDate: new Date(`${year}-06-10T00:00:00Z`),
      endDate: new Date(`${year}-06-11T00:00:00Z`),
      days: { create: [{ position: 0, date: new Date(`${year}-06-10T00:00:00Z`) }, { position: 1, date: new Date(`${year}-06-11T00:00:00Z`) }] },
    },
    include: { days: { orderBy: { position: 'asc' } } },
  });
  const place = await db.place.create({ data: { tripId: trip.id, name: 'Belém Tower', lat: (nextLat += 1), lng: -9.21 } });
  await db.assignment.create({ data: { dayId: trip.days[0].id, placeId: place.id, position: 0 } });
  const context = await signedInContext(browser, server, anna.token, { locale: options.language === 'ar' ? 'ar' : 'en-GB' });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${server.url}/trips/${trip.id}`);
  const days = page.getByTestId('day');
  return { page, context, pageErrors, first: days.nth(0), second: days.nth(1) };
}

test('a far-off day shows climate averages, labelled, and the hours of last year in a dialog', async ({ browser }) => {
  const { page, context, pageErrors, first, second } = await plannerPage(browser);
  const chip = first.getByTestId('day-weather');
  await expect(chip).toHaveAttribute('data-kind', 'climate');
  // 18.5 / 10.5 °C, no rain on any past day
  await expect(chip.getByTestId('day-weather-temps')).toHaveText('19° / 11°');
  await expect(chip).toContainText('Avg.');
  await expect(chip).toHaveAccessibleName(/^Climate average at Belém Tower: Clear sky, 19° \/ 11°, chance of rain 0%/);
  await expect(second.getByTestId('day-weather')).toHaveText('No weather: no place with coordinates on this day');

  await chip.click();
  const dialog = page.getByRole('dialog', { name: /Weather for Day 1 .* at Belém Tower/ });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('weather-hour')).toHaveCount(24);
  await expect(dialog).toContainText(`${year - 1}`);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect(pageErrors).toEqual([]);
  await context.close();
});

test('temperatures follow the user’s °F setting', async ({ browser }) => {
  const { context, first } = await plannerPage(browser, { unit: 'fahrenheit' });
  await expect(first.getByTestId('day-weather-temps')).toHaveText('65° / 51°');
  await context.close();
});

test('in Arabic the weather is labelled in Arabic, right to left', async ({ browser }) => {
  const { page, context, first, second } = await plannerPage(browser, { language: 'ar' });
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(first.getByTestId('day-weather')).toContainText('متوسط');
  await expect(second.getByTestId('day-weather')).toHaveText('لا طقس: لا يوجد مكان بإحداثيات في هذا اليوم');
  await context.close();
});

test('when the weather service is down, the day says so and the planner keeps working', async ({ browser }) => {
  fake.down = true;
  try {
    const { page, context, first } = await plannerPage(browser);
    await expect(first.getByTestId('day-weather')).toHaveText('Weather unavailable');
    await expect(first.getByTestId('day-weather')).toHaveAttribute('title', 'Weather is unavailable right now. Please try again later.');
    await expect(page.getByText('Belém Tower').first()).toBeVisible();
    await context.close();
  } finally {
    fake.down = false;
  }
});

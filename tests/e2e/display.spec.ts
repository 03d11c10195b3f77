// Display preferences in a real browser: dark mode chosen in Settings is in the server-rendered <html> on reload (no
// flash), every page renders in dark without console errors, a 12-hour reader sees "2:30 PM" in the planner, and the
// Vacay calendar starts its weeks on the chosen day.
import { test, expect, type Page } from '@playwright/test';
import { startServer } from '../../server.ts';
import { createTestDatabase } from '../helpers/test-database.ts';
import { temporaryDataDir, type TemporaryDataDir } from '../helpers/data-dir.ts';
import { fakeGeoEnv, startFakeGeoServices, type FakeGeoServices } from '../helpers/fake-geo-services.ts';
import { hydrated, makePerson, signedInContext, type RunningServer } from './own-server';

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

const year = new Date().getUTCFullYear() + 1;

async function tripWithNote(userId: number) {
  return server.services.db.trip.create({
    data: {
      ownerId: userId,
      title: 'Porto',
      startDate: new Date(`${year}-05-01T00:00:00Z`),
      endDate: new Date(`${year}-05-01T00:00:00Z`),
      days: { create: [{ position: 0, date: new Date(`${year}-05-01T00:00:00Z`), notes: { create: { text: 'Port cellar tour', time: '14:30' } } }] },
    },
  });
}

function watchErrors(page: Page) {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  return errors;
}

/** The body's background luminance (0 black … 1 white), as painted. */
const bodyLightness = (page: Page) =>
  page.evaluate(() => {
    const probe = document.createElement('canvas').getContext('2d')!;
    probe.fillStyle = getComputedStyle(document.body).backgroundColor;
    probe.fillRect(0, 0, 1, 1);
    const [r, g, b] = probe.getImageData(0, 0, 1, 1).data;
    return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
  });

test('dark mode chosen in Settings is on <html> from the first byte after a reload, and every page renders in it', async ({ browser }) => {
  test.slow(); // a dozen pages
  const anna = await makePerson(server, 'Anna Dark');
  await server.services.db.user.update({ where: { id: anna.user.id }, data: { isAdmin: true } });
  const trip = await tripWithNote(anna.user.id);
  const context = await signedInContext(browser, server, anna.token, { locale: 'en-GB', colorScheme: 'light' });
  await context.route((url) => url.origin !== server.url, (route) => route.fulfill({ status: 204 }));
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${server.url}/settings`);
  await hydrated(page);
  await expect(page.locator('html')).not.toHaveClass(/\bdark\b/);
  expect(await bodyLightness(page)).toBeGreaterThan(0.8);

  await page.getByLabel('Theme').selectOption('dark');
  await page.getByRole('button', { name: 'Save display settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Display settings saved.' })).toBeVisible();
  await expect(page.locator('html')).toHaveClass(/\bdark\b/);
  expect(await bodyLightness(page)).toBeLessThan(0.2);

  // The HTML the server sends already carries the class: nothing light is painted first.
  const html = await (await page.request.get(`${server.url}/settings`)).text();
  expect(html).toMatch(/<html[^>]* class="h-full dark" data-theme="dark"/);
  await page.reload();
  await expect(page.locator('html')).toHaveClass(/\bdark\b/);
  await expect(page.getByLabel('Theme')).toHaveValue('dark');

  for (const path of ['/', `/trips/${trip.id}`, '/vacay', '/atlas', '/journey', '/settings/integrations', '/settings/notifications', '/admin/users', '/admin/addons', '/admin/registration', '/admin/mcp', '/admin/audit', '/admin/map', '/admin/packing-templates', '/no-such-page']) {
    await page.goto(`${server.url}${path}`);
    await hydrated(page);
    await expect(page.locator('html'), path).toHaveClass(/\bdark\b/);
    expect(await bodyLightness(page), path).toBeLessThan(0.2);
  }
  // The unknown page answers 404, which the browser logs; nothing else may complain.
  expect(errors.filter((e) => !/404/.test(e))).toEqual([]);

  // "Same as the device" follows the device.
  await page.goto(`${server.url}/settings`);
  await hydrated(page);
  await page.getByLabel('Theme').selectOption('system');
  await page.getByRole('button', { name: 'Save display settings' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'system');
  expect(await bodyLightness(page)).toBeGreaterThan(0.8);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await bodyLightness(page)).toBeLessThan(0.2);
  await context.close();
});

test('a 12-hour reader sees 2:30 PM in the planner; 24-hour shows 14:30', async ({ browser }) => {
  const ben = await makePerson(server, 'Ben Clock');
  const trip = await tripWithNote(ben.user.id);
  const context = await signedInContext(browser, server, ben.token, { locale: 'en-GB' });
  await context.route((url) => url.origin !== server.url, (route) => route.fulfill({ status: 204 }));
  const page = await context.newPage();
  await page.goto(`${server.url}/trips/${trip.id}`);
  await expect(page.getByTestId('day-note').first()).toContainText('14:30 Port cellar tour');

  await page.goto(`${server.url}/settings`);
  await hydrated(page);
  // en-GB reads 24-hour: the automatic choice says so.
  await expect(page.getByLabel('Clock', { exact: true }).locator('option').first()).toHaveText('Automatic: 14:30');
  await page.getByLabel('Clock', { exact: true }).selectOption('12h');
  await page.getByRole('button', { name: 'Save display settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Display settings saved.' })).toBeVisible();
  await page.goto(`${server.url}/trips/${trip.id}`);
  await expect(page.getByTestId('day-note').first()).toContainText('2:30 PM Port cellar tour');
  await context.close();
});

test('the Vacay calendar starts its weeks on the chosen day, in Arabic too', async ({ browser }) => {
  const layla = await makePerson(server, 'Layla Week');
  await server.services.db.vacayPlan.create({ data: { ownerId: layla.user.id, years: { create: { year } } } });
  const context = await signedInContext(browser, server, layla.token, { locale: 'en-GB' });
  const page = await context.newPage();
  const firstHeader = () => page.getByTestId('vacay-calendar').locator('section').first().getByRole('columnheader').first();
  const narrow = (language: string, day: number) => new Intl.DateTimeFormat(language, { weekday: 'narrow', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, 7 + day)));

  await page.goto(`${server.url}/vacay`);
  await expect(firstHeader()).toHaveText(narrow('en', 1)); // en-GB: Monday
  await server.services.db.user.update({ where: { id: layla.user.id }, data: { weekStart: 'sunday' } });
  await page.reload();
  await expect(firstHeader()).toHaveText(narrow('en', 0));
  await server.services.db.user.update({ where: { id: layla.user.id }, data: { weekStart: 'saturday', language: 'ar' } });
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(firstHeader()).toHaveText(narrow('ar', 6));
  await context.close();
});

test('a date typed in German is saved as that date; the calendar opens on the chosen week start and works by keyboard', async ({ browser }) => {
  const jonas = await makePerson(server, 'Jonas Datum');
  await server.services.db.user.update({ where: { id: jonas.user.id }, data: { language: 'de', weekStart: 'sunday' } });
  // The browser speaks English (US): the fields still follow the app language, German.
  const context = await signedInContext(browser, server, jonas.token, { locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(`${server.url}/`);
  const dialog = page.getByRole('dialog', { name: 'Neue Reise' });
  await expect(async () => {
    await page.getByRole('button', { name: 'Neue Reise' }).first().click();
    await expect(dialog).toBeVisible({ timeout: 1000 });
  }).toPass();
  await dialog.getByLabel('Titel').fill('Weihnachten');
  const start = dialog.getByLabel('Startdatum');
  await expect(start).toHaveAttribute('placeholder', 'TT.MM.JJJJ');
  await start.pressSequentially('24.12.2027');
  await start.blur();
  await expect(start).toHaveValue('24.12.2027');

  // End date by keyboard: open the calendar, the week starts on Sunday, move two days on, pick with Enter.
  const end = dialog.getByLabel('Enddatum');
  await end.fill('24.12.2027');
  await end.press('Alt+ArrowDown');
  const calendar = dialog.getByTestId('date-calendar');
  await expect(calendar.getByRole('columnheader').first()).toHaveText(new Intl.DateTimeFormat('de', { weekday: 'short' }).format(new Date(Date.UTC(2024, 0, 7))));
  await expect(calendar.getByRole('heading')).toHaveText('Dezember 2027');
  await expect(calendar.locator('[data-date="2027-12-24"]')).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await expect(calendar).toBeHidden();
  await expect(end).toHaveValue('26.12.2027');

  await end.fill('31.02.2027');
  await expect(dialog.getByText('Kein Datum: bitte wie 24.12.2027 eingeben.')).toBeVisible();
  await end.fill('26.12.2027');
  await dialog.getByRole('button', { name: 'Reise erstellen' }).click();
  await expect(dialog).toBeHidden();
  const trip = await server.services.db.trip.findFirstOrThrow({ where: { ownerId: jonas.user.id } });
  expect([trip.startDate?.toISOString().slice(0, 10), trip.endDate?.toISOString().slice(0, 10)]).toEqual(['2027-12-24', '2027-12-26']);
  await context.close();
});

// Issue 19: every date and time field follows the app language and the reader's clock (decision 033, update 2026-12-02).
const CLOCKS = {
  de: { browser: 'en-US', todoTab: 'Aufgaben', todoName: 'Aufgabe', due: 'Fällig am', addBooking: 'Reservierung hinzufügen', title: 'Titel', start: 'Beginn', save: 'Speichern', edit: 'Bearbeiten', date: '24.12.2027', time: '14:30' },
  en: { browser: 'en-US', todoTab: 'To-dos', todoName: 'To-do', due: 'Due date', addBooking: 'Add reservation', title: 'Title', start: 'Starts', save: 'Save', edit: 'Edit', date: '12/24/2027', time: '2:30 PM' },
} as const;

for (const language of ['de', 'en'] as const) {
  test(`${language}: a to-do due date typed as ${CLOCKS[language].date} (Enter submits) and a booking start typed as ${CLOCKS[language].date} ${CLOCKS[language].time} are saved as those`, async ({ browser }) => {
    const text = CLOCKS[language];
    const person = await makePerson(server, `Nora ${language}`);
    const db = server.services.db;
    // English reads the 12-hour clock by default, German the 24-hour one; the browser speaks English either way.
    await db.user.update({ where: { id: person.user.id }, data: { language } });
    const trip = await db.trip.create({ data: { ownerId: person.user.id, title: 'Lisbon' } });
    const context = await signedInContext(browser, server, person.token, { locale: text.browser });
    await context.route((url) => url.origin !== server.url, (route) => route.fulfill({ status: 204 }));
    const page = await context.newPage();
    const errors = watchErrors(page);

    // To-do: Enter in the date field submits the add form, like a native date input.
    await page.goto(`${server.url}/trips/${trip.id}?tab=todos`);
    await hydrated(page);
    await page.getByLabel(text.todoName, { exact: true }).fill('Buy presents');
    const due = page.getByLabel(text.due);
    await due.pressSequentially(text.date);
    await due.press('Enter');
    await expect.poll(async () => (await db.todo.findFirst({ where: { tripId: trip.id } }))?.dueDate?.toISOString().slice(0, 10)).toBe('2027-12-24');
    await expect(due).toHaveValue(''); // the form was reset after adding

    // Booking: date and time typed in the reader's language and clock; the reloaded edit dialog shows them back.
    await page.goto(`${server.url}/trips/${trip.id}?tab=bookings`);
    await hydrated(page);
    await page.getByRole('button', { name: text.addBooking }).click();
    const dialog = page.getByTestId('booking-dialog');
    await dialog.getByLabel(text.title).fill('Hotel Avenida');
    await dialog.getByRole('textbox', { name: text.start, exact: true }).pressSequentially(text.date);
    const time = dialog.getByRole('textbox', { name: new RegExp(`^${text.start} . `) }).first();
    await time.pressSequentially(language === 'en' ? '2:30 pm' : '1430');
    await time.blur();
    await expect(time).toHaveValue(text.time);
    await dialog.getByRole('button', { name: text.save }).click();
    await expect(dialog).toBeHidden();
    await page.reload();
    await hydrated(page);
    await page.getByRole('button', { name: `${text.edit}: Hotel Avenida` }).click();
    await expect(dialog.getByRole('textbox', { name: text.start, exact: true })).toHaveValue(text.date);
    await expect(time).toHaveValue(text.time);
    expect(errors).toEqual([]);
    await context.close();
  });
}

test('ar: right to left, a date field opens its calendar with the keyboard; arrows follow the reading direction', async ({ browser }) => {
  const layla = await makePerson(server, 'Layla Date');
  const db = server.services.db;
  await db.user.update({ where: { id: layla.user.id }, data: { language: 'ar' } });
  const trip = await db.trip.create({ data: { ownerId: layla.user.id, title: 'Petra' } });
  const context = await signedInContext(browser, server, layla.token, { locale: 'ar-EG' });
  await context.route((url) => url.origin !== server.url, (route) => route.fulfill({ status: 204 }));
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${server.url}/trips/${trip.id}?tab=todos`);
  await hydrated(page);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  const form = page.getByRole('form', { name: 'إضافة' });
  await form.getByRole('textbox').first().fill('Visa');
  const due = form.getByRole('textbox').nth(1);
  await due.fill('2027-05-01'); // ISO is understood in every language
  await due.press('Alt+ArrowDown');
  const calendar = page.getByTestId('date-calendar');
  await expect(calendar).toBeVisible();
  await expect(calendar.locator('[data-date="2027-05-01"]')).toBeFocused();
  // right to left, ← is the next day
  await page.keyboard.press('ArrowLeft');
  await expect(calendar.locator('[data-date="2027-05-02"]')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(calendar.locator('[data-date="2027-05-09"]')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(calendar).toBeHidden();
  // focus is back in the field, and Enter there adds the to-do with the picked date
  await expect(due).toBeFocused();
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await db.todo.findFirst({ where: { tripId: trip.id } }))?.dueDate?.toISOString().slice(0, 10)).toBe('2027-05-09');
  expect(errors).toEqual([]);
  await context.close();
});

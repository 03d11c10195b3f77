// The dashboard: a new user sees the empty state, creates a trip through the dialog, edits its dates (confirming
// that days holding places are dropped), archives, deletes and shares it. This spec starts its own server so it can
// create users and sessions directly (no dependency on the login page).
import { test, expect, type Browser, type Page } from '@playwright/test';
import { makePerson, signedInContext, startOwnServer, type RunningServer } from './own-server';

let server: RunningServer;

test.beforeAll(async () => {
  server = await startOwnServer();
});
test.afterAll(async () => {
  await server?.close();
});

/** A browser page signed in as a fresh user, on the dashboard. */
async function signedIn(browser: Browser, displayName: string) {
  const person = await makePerson(server, displayName);
  const context = await signedInContext(browser, server, person.token, { locale: 'en-US' });
  const page = await context.newPage();
  // Uncaught errors in the page (a hydration mismatch, a crash in a component) fail the test that opened it.
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${server.url}/`);
  return { ...person, page, context, pageErrors };
}

/** A trip owned by userId with one day per date, created directly in the database. */
async function tripWithDays(ownerId: number, title: string, dates: string[]) {
  return server.services.db.trip.create({
    data: {
      ownerId,
      title,
      startDate: new Date(`${dates[0]}T00:00:00Z`),
      endDate: new Date(`${dates[dates.length - 1]}T00:00:00Z`),
      days: { create: dates.map((d, position) => ({ position, date: new Date(`${d}T00:00:00Z`) })) },
    },
    include: { days: { orderBy: { position: 'asc' } } },
  });
}

function card(page: Page, title: string) {
  return page.getByTestId('trip-card').filter({ has: page.getByRole('link', { name: title, exact: true }) });
}

async function openAction(page: Page, title: string, action: string) {
  await page.getByRole('button', { name: `Actions for ${title}`, exact: true }).click();
  await page.getByRole('menuitem', { name: action }).click();
}

test('a signed-out visitor is sent to the login page', async ({ page }) => {
  await page.goto(`${server.url}/`);
  await expect(page).toHaveURL(/\/login/);
});

test('a new user sees the empty state and creates a trip through the dialog', async ({ browser }) => {
  const { page, context, pageErrors } = await signedIn(browser, 'Nora Quinn');
  const empty = page.getByTestId('trips-empty');
  await expect(empty).toBeVisible();
  await expect(empty.getByRole('heading', { name: 'No trips yet' })).toBeVisible();

  await empty.getByRole('button', { name: 'Plan a trip' }).click();
  const dialog = page.getByRole('dialog', { name: 'New trip' });
  await expect(dialog).toBeVisible();
  // Submitting without a title is refused with a message on the field.
  await dialog.getByRole('button', { name: 'Create trip' }).click();
  await expect(dialog.getByLabel('Title')).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByText('Please give the trip a title.')).toBeVisible();

  await dialog.getByLabel('Title').fill('Porto in spring');
  await dialog.getByLabel('Start date').fill('2027-04-10');
  await dialog.getByLabel('End date').fill('2027-04-13');
  await expect(dialog.getByLabel('Currency')).toHaveValue('EUR');
  await dialog.getByLabel('Currency').selectOption('USD');
  await dialog.getByRole('button', { name: 'Create trip' }).click();
  await expect(dialog).toBeHidden();

  const created = card(page, 'Porto in spring');
  await expect(created).toBeVisible();
  await expect(page.getByTestId('trips-empty')).toHaveCount(0);
  const expectedRange = await page.evaluate(() =>
    new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).formatRange(
      new Date(Date.UTC(2027, 3, 10)),
      new Date(Date.UTC(2027, 3, 13)),
    ).replace(/[\u00a0\u2009\u202f]/g, ' '),
  );
  await expect(created.getByTestId('trip-dates')).toHaveText(expectedRange);
  await expect(created.getByTestId('trip-day-count')).toHaveText('4 days');
  await expect(created.getByRole('img', { name: 'Nora Quinn' })).toBeVisible();

  const row = await server.services.db.trip.findFirstOrThrow({ where: { title: 'Porto in spring' }, include: { days: true } });
  expect(row.currency).toBe('USD');
  expect(row.days).toHaveLength(4);
  // The server-rendered dates hydrate without a mismatch.
  await page.reload();
  await expect(created.getByTestId('trip-dates')).toHaveText(expectedRange);
  expect(pageErrors).toEqual([]);
  await context.close();
});

test('shortening the dates asks before dropping a day that holds a place, then drops it', async ({ browser }) => {
  const { page, user, context } = await signedIn(browser, 'Omar Reyes');
  const trip = await tripWithDays(user.id, 'Alps hike', ['2027-07-01', '2027-07-02', '2027-07-03']);
  const place = await server.services.db.place.create({ data: { tripId: trip.id, name: 'Summit hut' } });
  await server.services.db.assignment.create({ data: { dayId: trip.days[2].id, placeId: place.id, position: 0 } });
  await page.reload();
  await expect(card(page, 'Alps hike').getByTestId('trip-day-count')).toHaveText('3 days');

  await openAction(page, 'Alps hike', 'Edit trip');
  const dialog = page.getByRole('dialog', { name: 'Edit trip' });
  await expect(dialog.getByLabel('Title')).toHaveValue('Alps hike');
  await dialog.getByLabel('End date').fill('2027-07-02');
  await dialog.getByRole('button', { name: 'Save' }).click();

  const confirm = page.getByRole('alertdialog', { name: 'Remove planned days?' });
  await expect(confirm).toBeVisible();
  // Nothing is dropped until the user confirms.
  expect(await server.services.db.day.count({ where: { tripId: trip.id } })).toBe(3);
  await confirm.getByRole('button', { name: 'Remove days and save' }).click();
  await expect(confirm).toBeHidden();
  await expect(dialog).toBeHidden();

  await expect(card(page, 'Alps hike').getByTestId('trip-day-count')).toHaveText('2 days');
  expect(await server.services.db.day.count({ where: { tripId: trip.id } })).toBe(2);
  await context.close();
});

test('an archived trip is hidden unless "Show archived" is on, and can be unarchived', async ({ browser }) => {
  const { page, user, context } = await signedIn(browser, 'Pia Santos');
  await tripWithDays(user.id, 'Old road trip', ['2025-05-01']);
  await tripWithDays(user.id, 'Next city break', ['2027-05-01']);
  await page.reload();
  await expect(card(page, 'Old road trip')).toBeVisible();

  await openAction(page, 'Old road trip', 'Archive');
  await expect(card(page, 'Old road trip')).toHaveCount(0);
  await expect(card(page, 'Next city break')).toBeVisible();

  await page.getByLabel('Show archived').check();
  const archived = card(page, 'Old road trip');
  await expect(archived).toBeVisible();
  await expect(archived.getByText('Archived', { exact: true })).toBeVisible();

  await openAction(page, 'Old road trip', 'Unarchive');
  await expect(archived.getByText('Archived', { exact: true })).toHaveCount(0);
  await page.getByLabel('Show archived').uncheck();
  await expect(card(page, 'Old road trip')).toBeVisible();
  await context.close();
});

test('deleting a trip asks for confirmation and removes it', async ({ browser }) => {
  const { page, user, context } = await signedIn(browser, 'Quentin Ames');
  const trip = await tripWithDays(user.id, 'Trip to forget', ['2027-02-01', '2027-02-02']);
  await page.reload();

  await openAction(page, 'Trip to forget', 'Delete trip');
  const confirm = page.getByRole('alertdialog', { name: 'Delete this trip?' });
  await expect(confirm).toContainText('Trip to forget');
  // Cancel keeps it.
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  await expect(card(page, 'Trip to forget')).toBeVisible();

  await openAction(page, 'Trip to forget', 'Delete trip');
  await page.getByRole('alertdialog', { name: 'Delete this trip?' }).getByRole('button', { name: 'Delete trip' }).click();
  await expect(card(page, 'Trip to forget')).toHaveCount(0);
  await expect(page.getByTestId('trips-empty')).toBeVisible();
  expect(await server.services.db.trip.findUnique({ where: { id: trip.id } })).toBeNull();
  await context.close();
});

test('the members dialog adds a second user by e-mail, shows their avatar, and the trip appears live on their dashboard', async ({
  browser,
}) => {
  const { page, user, context } = await signedIn(browser, 'Rosa Tan');
  const friend = await signedIn(browser, 'Sven Ulrich');
  await tripWithDays(user.id, 'Shared weekend', ['2027-09-04', '2027-09-05']);
  await page.reload();
  await expect(friend.page.getByTestId('trips-empty')).toBeVisible();

  await openAction(page, 'Shared weekend', 'Members');
  const dialog = page.getByRole('dialog', { name: 'Members' });
  await expect(dialog.getByText('Rosa Tan')).toBeVisible();

  await dialog.getByLabel('Add by username or e-mail').fill('nobody@example.test');
  await dialog.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(dialog.getByText('No user with the username or e-mail')).toBeVisible();

  await dialog.getByLabel('Add by username or e-mail').fill(friend.email);
  await dialog.getByRole('button', { name: 'Add', exact: true }).click();
  const list = dialog.getByTestId('members-list');
  await expect(list.getByRole('img', { name: 'Sven Ulrich' })).toBeVisible();
  await expect(list.getByRole('img', { name: 'Sven Ulrich' })).toHaveText('SU');
  await expect(dialog.getByLabel('Add by username or e-mail')).toHaveValue('');

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(card(page, 'Shared weekend').getByRole('img', { name: 'Sven Ulrich' })).toBeVisible();

  // Sven's open dashboard picks the shared trip up without a reload, marked as shared and without owner actions.
  const shared = card(friend.page, 'Shared weekend');
  await expect(shared).toBeVisible();
  await expect(shared.getByText('Shared with you')).toBeVisible();
  await friend.page.getByRole('button', { name: 'Actions for Shared weekend' }).click();
  await expect(friend.page.getByRole('menuitem', { name: 'Edit trip' })).toBeVisible();
  await expect(friend.page.getByRole('menuitem', { name: 'Delete trip' })).toHaveCount(0);
  await friend.page.keyboard.press('Escape');

  // The owner removes Sven again (after confirming); the trip leaves his dashboard live.
  await openAction(page, 'Shared weekend', 'Members');
  await dialog.getByRole('button', { name: 'Remove Sven Ulrich' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Remove member?' });
  await confirm.getByRole('button', { name: 'Remove' }).click();
  await expect(confirm).toBeHidden();
  await expect(list.getByRole('img', { name: 'Sven Ulrich' })).toHaveCount(0);
  await expect(card(friend.page, 'Shared weekend')).toHaveCount(0);
  await context.close();
  await friend.context.close();
});

test('a trip can be copied and exported as an iCalendar file', async ({ browser }) => {
  const { page, user, context } = await signedIn(browser, 'Tara Vance');
  await tripWithDays(user.id, 'Rome', ['2027-03-05', '2027-03-06']);
  await page.reload();

  await openAction(page, 'Rome', 'Make a copy');
  await expect(card(page, 'Rome (copy)')).toBeVisible();
  await expect(card(page, 'Rome (copy)').getByTestId('trip-day-count')).toHaveText('2 days');

  const downloading = page.waitForEvent('download');
  await openAction(page, 'Rome', 'Export to calendar (.ics)');
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('Rome.ics');
  const chunks: Buffer[] = [];
  for await (const chunk of (await download.createReadStream()) as AsyncIterable<Buffer>) chunks.push(chunk);
  const ics = Buffer.concat(chunks).toString('utf8');
  expect(ics).toContain('BEGIN:VCALENDAR');
  expect(ics).toContain('SUMMARY:Rome');
  expect(ics).toContain('DTSTART;VALUE=DATE:20270305');
  await context.close();
});

test('dialogs work from the keyboard: Escape closes and focus returns to where it was', async ({ browser }) => {
  const { page, context } = await signedIn(browser, 'Uma Wells');
  const newTrip = page.getByRole('button', { name: 'New trip' });
  await newTrip.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'New trip' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Title')).toBeFocused();
  // Tab stays inside the dialog.
  for (let i = 0; i < 10; i += 1) await page.keyboard.press('Tab');
  expect(await dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(newTrip).toBeFocused();

  // The form submits from the keyboard too.
  await page.keyboard.press('Enter');
  await page.keyboard.type('Keyboard trip');
  await page.keyboard.press('Enter');
  await expect(card(page, 'Keyboard trip')).toBeVisible();
  await expect(card(page, 'Keyboard trip').getByTestId('trip-dates')).toHaveText('No dates yet');
  await context.close();
});

// Journey in a real browser: Anna starts a journey from her Lisbon trip (the planned place becomes a placeholder),
// adds Ben as an editor, and writes her story into the placeholder — Ben, with the journey open, sees it appear live.
// Starts its own server so it can switch the journey addon on and create the people and the trip directly.
import { test, expect } from '@playwright/test';
import { makePerson, signedInContext, startOwnServer, type RunningServer } from './own-server';

let server: RunningServer;
test.beforeAll(async () => {
  server = await startOwnServer();
  await server.services.addons.set('journey', true);
});
test.afterAll(async () => {
  await server?.close();
});

test('a journey from a trip: write into a placeholder, an editor sees it live', async ({ browser }) => {
  const anna = await makePerson(server, 'Anna');
  const ben = await makePerson(server, 'Ben');
  const db = server.services.db;
  const trip = await db.trip.create({
    data: { ownerId: anna.user.id, title: 'Lisbon', startDate: new Date('2027-05-01T00:00:00Z'), endDate: new Date('2027-05-01T00:00:00Z') },
  });
  const day = await db.day.create({ data: { tripId: trip.id, position: 0, date: new Date('2027-05-01T00:00:00Z') } });
  const place = await db.place.create({ data: { tripId: trip.id, name: 'MAAT', address: 'Av. Brasília' } });
  await db.assignment.create({ data: { dayId: day.id, placeId: place.id, position: 0 } });

  const annaContext = await signedInContext(browser, server, anna.token);
  const page = await annaContext.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${server.url}/journey`);
  await expect(page.getByTestId('journey-empty')).toBeVisible();

  const create = page.getByRole('dialog', { name: 'Start a journey' });
  // A click before the page has hydrated does nothing, so click until the dialog opens.
  await expect(async () => {
    await page.getByRole('button', { name: 'New journey' }).click();
    await expect(create).toBeVisible({ timeout: 1000 });
  }).toPass();
  await create.getByRole('textbox', { name: 'Title', exact: true }).fill('Portugal');
  await create.getByLabel('Lisbon').check();
  await create.getByRole('button', { name: 'Create' }).click();
  await expect(page).toHaveURL(/\/journey\/\d+$/);
  await expect(page.getByTestId('journey-title')).toHaveText('Portugal');
  await expect(page.getByTestId('journey-skeleton')).toHaveCount(1);
  await expect(page.getByTestId('journey-skeleton')).toContainText('MAAT');

  // Ben becomes an editor.
  await page.getByTestId('journey-people-button').click();
  const people = page.getByRole('dialog', { name: 'Contributors' });
  await people.getByLabel('Username or e-mail').fill(ben.email);
  await people.getByTestId('journey-people-role').selectOption('editor');
  await people.getByRole('button', { name: 'Add' }).click();
  await expect(people.getByText('Ben', { exact: false })).toBeVisible();
  await people.getByRole('button', { name: 'Close' }).last().click();

  // Ben opens the journey.
  const benContext = await signedInContext(browser, server, ben.token);
  const benPage = await benContext.newPage();
  await benPage.goto(page.url());
  await expect(benPage.getByTestId('journey-skeleton')).toContainText('MAAT');
  await expect(benPage.getByTestId('journey-page')).toContainText('Editor');

  // Anna writes into the placeholder.
  await page.getByRole('button', { name: 'Edit “MAAT”' }).click();
  const editor = page.getByRole('dialog', { name: 'Edit entry' });
  await editor.getByLabel('Story').fill('The river **glowed** at sunset.');
  await editor.getByLabel('Mood').selectOption('amazing');
  await editor.getByTestId('journey-entry-save').click();
  await expect(editor).toBeHidden();
  await expect(page.getByTestId('journey-entry')).toHaveCount(1);
  await expect(page.getByTestId('journey-entry-story').locator('strong')).toHaveText('glowed');

  // Ben sees it without reloading: the placeholder became Anna's entry.
  await expect(benPage.getByTestId('journey-entry')).toHaveCount(1);
  await expect(benPage.getByTestId('journey-entry-story')).toContainText('The river glowed at sunset.');
  await expect(benPage.getByTestId('journey-skeleton')).toHaveCount(0);
  expect(pageErrors).toEqual([]);
  await annaContext.close();
  await benContext.close();
});

test('ar: the journeys page reads right to left, in Arabic, with its suggestions and create dialog', async ({ browser }) => {
  const sami = await makePerson(server, 'Sami');
  const db = server.services.db;
  await db.user.update({ where: { id: sami.user.id }, data: { language: 'ar' } });
  const ended = new Date(Date.now() - 3 * 86_400_000);
  await db.trip.create({ data: { ownerId: sami.user.id, title: 'Petra', startDate: ended, endDate: ended } });
  const context = await signedInContext(browser, server, sami.token, { locale: 'ar' });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${server.url}/journey`);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('يوميات السفر');
  await expect(page.getByTestId('journey-empty')).toContainText('لا توجد يوميات بعد');
  const dialog = page.getByRole('dialog', { name: 'ابدأ يومية' });
  await expect(async () => {
    await page.getByTestId('journey-suggestion').click();
    await expect(dialog).toBeVisible({ timeout: 1000 });
  }).toPass();
  await expect(dialog.getByRole('textbox', { name: 'العنوان', exact: true })).toHaveValue('Petra');
  await expect(dialog.getByLabel('Petra')).toBeChecked();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect(pageErrors).toEqual([]);
  await context.close();
});

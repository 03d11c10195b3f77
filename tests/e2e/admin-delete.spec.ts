// Admin → Users → Delete in a real browser (decision 037): before confirming, the admin chooses for each trip the user
// owns whether a member gets it or it is deleted (no default: "Delete user" does nothing until every trip has a
// choice); the member then owns the trip they were given, and the other trip is gone.
import { test, expect } from '@playwright/test';
import { hydrated, makePerson, signedInContext, startOwnServer, type RunningServer } from './own-server';

// A server of its own (not the worker's shared one): admin.spec.ts counts on its first account being the admin.
let server: RunningServer;
test.beforeAll(async () => {
  server = await startOwnServer();
});
test.afterAll(async () => {
  await server?.close();
});

test('an admin gives the deleted user’s trip to its member and deletes the other; the member owns it', async ({ browser }) => {
  const db = server.services.db;
  const ada = await makePerson(server, 'Ada Admin');
  await db.user.update({ where: { id: ada.user.id }, data: { isAdmin: true } });
  const victor = await makePerson(server, 'Victor Leaving');
  const mina = await makePerson(server, 'Mina Member');
  const shared = await db.trip.create({ data: { ownerId: victor.user.id, title: 'Lisbon spring', members: { create: [{ userId: mina.user.id }] } } });
  const solo = await db.trip.create({ data: { ownerId: victor.user.id, title: 'Solo hike' } });
  const context = await signedInContext(browser, server, ada.token, { locale: 'en-US' });
  const pageErrors: string[] = [];
  try {
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${server.url}/admin/users`);
    await hydrated(page);
    const row = page.getByTestId(`user-row-${victor.user.id}`);
    await row.getByRole('button', { name: 'Delete' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Delete Victor Leaving?' });
    const trips = dialog.getByTestId('delete-user-trips');
    await expect(trips).toContainText('This user owns 2 trips. Choose what happens to each:');
    const lisbon = trips.getByLabel('Lisbon spring');
    await expect(lisbon.locator('option')).toHaveText(['Choose…', 'Give to Mina Member', 'Delete the trip']);
    await expect(trips.getByLabel('Solo hike').locator('option')).toHaveText(['Choose…', 'Delete the trip']);
    await expect(trips).toContainText('Nobody else is on this trip: it can only be deleted.');

    // no default: confirming before every trip has a choice deletes nothing
    await lisbon.selectOption({ label: 'Give to Mina Member' });
    await dialog.getByRole('button', { name: 'Delete user' }).click();
    await expect(trips).toContainText('Choose for each trip what happens to it.');
    await expect(dialog).toBeVisible();
    expect(await db.user.count({ where: { id: victor.user.id } })).toBe(1);

    await trips.getByLabel('Solo hike').selectOption({ label: 'Delete the trip' });
    await expect(trips).not.toContainText('Choose for each trip what happens to it.');
    await dialog.getByRole('button', { name: 'Delete user' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(row).toHaveCount(0);

    expect(await db.user.count({ where: { id: victor.user.id } })).toBe(0);
    expect(await db.trip.findUnique({ where: { id: shared.id } })).toMatchObject({ ownerId: mina.user.id });
    expect(await db.trip.findUnique({ where: { id: solo.id } })).toBeNull();
    // Mina's own trip list: she owns Lisbon spring now (the admin list counts it for her)
    await expect(page.getByTestId(`user-row-${mina.user.id}`).locator('td').nth(3)).toHaveText('1');
    expect(pageErrors).toEqual([]);
  } finally {
    await context.close();
  }
});

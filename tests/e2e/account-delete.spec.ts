// Settings → Delete account in real browsers: the owner gives their trip to its other member, confirms with the
// password and, by keyboard, in the last dialog; they land on the login page, and the member's open planner shows the
// new owner live. Also: the page in Arabic (right to left).
import { test, expect } from '@playwright/test';
import { hydrated, makePerson, signedInContext, startOwnServer, type RunningServer } from './own-server';

// A server of this file's own: admin.spec.ts needs its worker's shared server to have no accounts yet.
let server: RunningServer;
test.beforeAll(async () => {
  server = await startOwnServer();
});
test.afterAll(async () => {
  await server?.close();
});

test('deletes the account after giving the trip to a member; the member sees the new owner live', async ({ browser }) => {
  // The first account of the server is its administrator, who may not leave: someone else is.
  await makePerson(server, 'Admin Ada');
  const lea = await makePerson(server, 'Lea Leaving');
  const hugo = await makePerson(server, 'Hugo Heir');
  const trip = await server.services.db.trip.create({ data: { ownerId: lea.user.id, title: 'Porto weekend', members: { create: [{ userId: hugo.user.id }] } } });
  const leaContext = await signedInContext(browser, server, lea.token);
  const hugoContext = await signedInContext(browser, server, hugo.token);
  try {
    const planner = await hugoContext.newPage();
    await planner.goto(`${server.url}/trips/${trip.id}`);
    const page = await leaContext.newPage();
    await page.goto(`${server.url}/trips/${trip.id}`);
    // Each sees the other: Hugo's planner listens to the trip's events.
    await expect(planner.getByTestId('presence-avatar').filter({ hasText: 'LL' })).toBeVisible({ timeout: 10_000 });

    await page.goto(`${server.url}/settings`);
    await hydrated(page);
    const section = page.getByTestId('delete-account');
    await expect(section.getByRole('link', { name: 'Download my data first' })).toHaveAttribute('href', '/api/account/export');
    const submit = section.getByRole('button', { name: 'Delete my account' });
    // No default: nothing happens until the trip has a choice and the password is typed.
    await expect(submit).toBeDisabled();
    await section.getByLabel('Porto weekend').selectOption({ label: 'Give to Hugo Heir' });
    await section.getByLabel('Your password').fill('correct horse battery');
    await expect(submit).toBeEnabled();
    await submit.click();

    const dialog = page.getByRole('alertdialog', { name: 'Delete your account?' });
    await expect(dialog).toBeVisible();
    // Focus starts on Cancel; Escape keeps everything.
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    expect(await server.services.db.user.count({ where: { id: lea.user.id } })).toBe(1);

    await submit.click();
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(dialog.getByRole('button', { name: 'Delete account for good' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/login/, { timeout: 15_000 });

    expect(await server.services.db.user.count({ where: { id: lea.user.id } })).toBe(0);
    expect(await server.services.db.trip.findUnique({ where: { id: trip.id } })).toMatchObject({ ownerId: hugo.user.id });
    await expect(planner.getByTestId('realtime-notices')).toContainText('Hugo Heir now owns the trip', { timeout: 10_000 });
  } finally {
    await leaContext.close();
    await hugoContext.close();
  }
});

test('the last administrator is told why they cannot delete their account, in Arabic, right to left', async ({ browser }) => {
  // On a fresh server this person is the first account, so its administrator; otherwise Admin Ada is.
  await makePerson(server, 'Ami Arabic');
  const admins = await server.services.db.user.findMany({ where: { isAdmin: true } });
  expect(admins).toHaveLength(1);
  const { createSession } = await import('../../app/auth/session.server.ts');
  const { token } = await createSession(server.services.db, admins[0].id);
  await server.services.db.user.update({ where: { id: admins[0].id }, data: { language: 'ar' } });
  const context = await signedInContext(browser, server, token, { locale: 'ar' });
  try {
    const page = await context.newPage();
    await page.goto(`${server.url}/settings`);
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    const section = page.getByTestId('delete-account');
    await expect(section.getByRole('heading', { name: 'حذف الحساب' })).toBeVisible();
    await expect(section.getByRole('note')).toContainText('أنت آخر مسؤول');
    await expect(section.getByRole('button', { name: 'احذف حسابي' })).toHaveCount(0);
  } finally {
    await context.close();
  }
});

// Password reset in a real browser (issue 19): "Forgot password?" on the login page → the e-mail (caught by a real
// SMTP server) → the link → a new password → signed in. And Admin → Users → "Create reset link" shows the link once.
import { test as base, expect } from '@playwright/test';
import { startServer, type RunningServer } from '../../server.ts';
import { createTestDatabase } from '../helpers/test-database.ts';
import { temporaryDataDir } from '../helpers/data-dir.ts';
import { fakeGeoEnv, startFakeGeoServices } from '../helpers/fake-geo-services.ts';
import { startSmtpCatcher, type SmtpCatcher } from '../helpers/smtp-catcher.ts';
import { makePerson, signedInContext } from './own-server';

type Fixture = { server: RunningServer; smtp: SmtpCatcher };
const test = base.extend<object, { env: Fixture }>({
  env: [
    // eslint-disable-next-line no-empty-pattern -- Playwright fixtures must destructure their first argument
    async ({}, use) => {
      const database = await createTestDatabase();
      const fakes = await startFakeGeoServices();
      const smtp = await startSmtpCatcher();
      const dataDir = temporaryDataDir('e2e');
      const server = await startServer({
        PORT: '0',
        HOST: '127.0.0.1',
        DATABASE_URL: database.url,
        LOG_LEVEL: 'error',
        APP_URL: '',
        SMTP_URL: smtp.url,
        DATA_DIR: dataDir.path,
        ...fakeGeoEnv(fakes),
      });
      await use({ server, smtp });
      await server.close();
      await smtp.close();
      await fakes.close();
      await database.drop();
      dataDir.remove();
    },
    { scope: 'worker' },
  ],
});

test('forgot password → e-mail → new password → signed in', async ({ browser, env: { server, smtp } }) => {
  const sam = await makePerson(server, 'Sam Forgetful');
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.url}/login`);
  await page.getByRole('link', { name: 'Forgot password?' }).click();
  await expect(page.getByRole('heading', { name: 'Forgot your password?' })).toBeVisible();
  await page.getByLabel('E-mail').fill(sam.email);
  await page.getByLabel('E-mail').press('Enter');
  await expect(page.getByTestId('forgot-sent')).toContainText(sam.email);

  const mail = await smtp.waitFor(sam.email);
  const link = /https?:\/\/\S+\/reset-password\/\S+/.exec(mail.text)![0];
  await page.goto(link);
  await page.getByRole('textbox', { name: 'New password', exact: true }).fill('a fresh secret 42');
  await page.getByLabel('Repeat the new password').fill('a fresh secret 42');
  await page.getByRole('button', { name: 'Set new password' }).click();
  await expect(page).toHaveURL(`${server.url}/`);
  // Signed in: the settings page opens instead of the login page.
  await page.goto(`${server.url}/settings`);
  await expect(page).toHaveURL(/\/settings$/);
  // The old session ended; the link does not work a second time.
  expect(await server.services.db.session.count({ where: { userId: sam.user.id } })).toBe(1);
  await page.goto(link);
  await expect(page.getByTestId('reset-invalid')).toBeVisible();
  await context.close();
});

test('an admin creates a reset link and copies it; it opens the reset page (Arabic, right to left)', async ({ browser, env: { server } }) => {
  const admin = await makePerson(server, 'Ada Admin');
  await server.services.db.user.update({ where: { id: admin.user.id }, data: { isAdmin: true } });
  const bo = await makePerson(server, 'Bo Locked');
  const context = await signedInContext(browser, server, admin.token);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  const page = await context.newPage();
  await page.goto(`${server.url}/admin/users`);
  await page.getByTestId(`user-row-${bo.user.id}`).getByRole('button', { name: 'Create reset link' }).click();
  const dialog = page.getByRole('dialog', { name: 'Reset link for Bo Locked' });
  await expect(dialog).toBeVisible();
  const url = await dialog.getByLabel('Reset link').inputValue();
  expect(url).toMatch(/\/reset-password\/wmpr_/);
  await dialog.getByRole('button', { name: 'Copy link' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);

  const visitor = await browser.newContext({ locale: 'ar' });
  const other = await visitor.newPage();
  await other.goto(url);
  await expect(other.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(other.getByRole('heading', { name: 'اختر كلمة مرور جديدة' })).toBeVisible();
  await context.close();
  await visitor.close();
});

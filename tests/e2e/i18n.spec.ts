// Languages in a real browser: the settings switch changes the whole UI, Accept-Language picks the language before
// sign-in, and Arabic is laid out right to left.
import { test, expect } from '@playwright/test';
import { registerUser } from './fixtures';

test('switching the language to German in settings shows the app in German', async ({ page }) => {
  await registerUser(page);
  await page.goto('/settings');
  await page.getByLabel('Language').selectOption('de');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Einstellungen' })).toBeVisible();
  await expect(page.getByText('Profil gespeichert.')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(page.getByRole('button', { name: 'Abmelden', exact: true })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Einstellungen' })).toBeVisible();
});

test('a browser asking for German gets the login page in German', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, locale: 'de-DE', extraHTTPHeaders: { 'Accept-Language': 'de-DE,de;q=0.9' } });
  const page = await context.newPage();
  await page.goto('/login');
  await expect(page.getByRole('heading', { level: 1, name: 'Bei Waymark anmelden' })).toBeVisible();
  await expect(page.getByLabel('Passwort')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await context.close();
});

test('Arabic pages are right to left', async ({ page, browser, baseURL }) => {
  await registerUser(page);
  await page.goto('/settings');
  await page.getByLabel('Language').selectOption('ar');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('heading', { level: 1, name: 'الإعدادات' })).toBeVisible();

  const context = await browser.newContext({ baseURL, locale: 'ar', extraHTTPHeaders: { 'Accept-Language': 'ar' } });
  const anonymous = await context.newPage();
  await anonymous.goto('/login');
  await expect(anonymous.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(anonymous.locator('html')).toHaveAttribute('lang', 'ar');
  await context.close();
});

// An unknown URL in a real browser: the not-found page speaks the user's language (German, Arabic right to left), hydrates
// without errors, and its links lead back into the app.
import { test, expect, type Page } from '@playwright/test';
import { registerUser, switchLanguage } from './fixtures';

async function useLanguage(page: Page, language: string) {
  await registerUser(page);
  await switchLanguage(page, language);
}

/** Errors thrown in the page or logged to its console (a hydration mismatch shows up here), except the browser's own
 * notes that the unknown URLs (as a document or as client-side data, `<path>.data`) answered 404. */
function collectErrors(page: Page, ...unknownPaths: string[]) {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    const expected404 = message.text().includes('status of 404') && unknownPaths.includes(new URL(message.location().url).pathname.replace(/\.data$/, ''));
    if (message.type() === 'error' && !expected404) errors.push(message.text());
  });
  return errors;
}

test('a German user on an unknown URL sees the German not-found page and gets back to the dashboard', async ({ page }) => {
  await useLanguage(page, 'de');
  const errors = collectErrors(page, '/this-does-not-exist');
  const response = await page.goto('/this-does-not-exist');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'Seite nicht gefunden' })).toBeVisible();
  await expect(page.getByText('Diese Seite existiert nicht.')).toBeVisible();
  await expect(page).toHaveTitle('Seite nicht gefunden · Waymark');
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');

  await page.getByRole('link', { name: 'Zurück zu meinen Reisen' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Meine Reisen' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('an Arabic user gets the not-found page right to left, also after navigating within the app', async ({ page }) => {
  await useLanguage(page, 'ar');
  const errors = collectErrors(page, '/trips/abc/nothing', '/nowhere/else');
  const response = await page.goto('/trips/abc/nothing');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'الصفحة غير موجودة' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(page).toHaveTitle('الصفحة غير موجودة · Waymark');

  // Client-side navigations: from the catch-all page to a real route, then back to an unknown URL without a reload.
  await page.getByRole('navigation').getByRole('link', { name: 'رحلاتي' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'رحلاتي' })).toBeVisible();
  await page.evaluate(() => (window as unknown as { __remixRouter: { navigate(to: string): Promise<void> } }).__remixRouter.navigate('/nowhere/else'));
  await expect(page).toHaveURL(/\/nowhere\/else$/);
  await expect(page.getByRole('heading', { level: 1, name: 'الصفحة غير موجودة' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page).toHaveTitle('الصفحة غير موجودة · Waymark');
  expect(errors).toEqual([]);
});

test('a signed-out visitor asking for German is offered the login page', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, locale: 'de-DE', extraHTTPHeaders: { 'Accept-Language': 'de-DE,de;q=0.9' } });
  const page = await context.newPage();
  const response = await page.goto('/nothing/here');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'Seite nicht gefunden' })).toBeVisible();
  await page.getByRole('link', { name: 'Anmelden' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Bei Waymark anmelden' })).toBeVisible();
  await context.close();
});

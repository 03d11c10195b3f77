// In-app navigation: the main navigation and the settings tabs move between pages client-side, without errors in the
// browser (a route that drags server code into its browser bundle fails here, while a direct page load still works).
import { expect, test } from '@playwright/test';
import { registerUser } from './fixtures';

test('the main navigation and settings tabs reach every page without a browser error', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await registerUser(page);
  const nav = page.getByRole('navigation', { name: 'Main navigation' });

  await nav.getByRole('link', { name: 'Settings' }).click();
  await expect(page).toHaveURL(/\/settings$/);
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  await expect(page.locator('#profile-heading')).toBeVisible();

  await page.getByRole('link', { name: 'Integrations' }).click();
  await expect(page).toHaveURL(/\/settings\/integrations$/);
  await expect(page.locator('#mcp-heading')).toBeVisible();

  await page.getByRole('link', { name: 'Profile' }).click();
  await expect(page).toHaveURL(/\/settings$/);
  await expect(page.locator('#profile-heading')).toBeVisible();

  await nav.getByRole('link', { name: 'My trips' }).click();
  await expect(page).toHaveURL(/\/$/);
  expect(errors).toEqual([]);
});

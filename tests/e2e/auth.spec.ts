// Accounts in a real browser: register and land on the dashboard, log out, log in again, and a wrong password.
import { test, expect } from '@playwright/test';
import { logIn, registerUser } from './fixtures';

test('register → dashboard, log out, log in again', async ({ page }) => {
  const user = await registerUser(page);
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId('current-user')).toHaveText(user.displayName);

  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByTestId('current-user')).toHaveCount(0);
  await page.goto('/settings');
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fsettings/);

  await page.locator('input[type="email"]').fill(user.email);
  await page.locator('input[type="password"]').fill(user.password);
  await page.locator('input[type="password"]').press('Enter');
  await expect(page).toHaveURL(/\/settings$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expect(page.getByTestId('current-user')).toHaveText(user.displayName);
});

test('a wrong password shows an error and keeps the user on the login page', async ({ page }) => {
  const user = await registerUser(page);
  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await logIn(page, { email: user.email, password: 'not my password' });
  await expect(page.getByRole('alert')).toHaveText('E-mail or password is not correct.');
  await expect(page).toHaveURL(/\/login/);
  await expect(page.locator('input[type="email"]')).toHaveValue(user.email);
});

test('registration explains what is wrong with the form', async ({ page }) => {
  const user = await registerUser(page);
  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto('/register');
  await page.locator('input[name="email"]').fill(user.email);
  await page.locator('input[name="displayName"]').fill('Someone else');
  await page.locator('input[name="password"]').fill('correct horse battery');
  await page.locator('form button[type="submit"]').click();
  await expect(page.getByText('An account with this e-mail exists already.')).toBeVisible();
  await expect(page).toHaveURL(/\/register/);
});

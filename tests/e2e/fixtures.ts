// Shared end-to-end helpers: a fresh account registered through the real registration page.
import { expect, type Page } from '@playwright/test';

export interface RegisteredUser {
  email: string;
  displayName: string;
  password: string;
}

/** Registers through the UI; afterwards the page is signed in (on "/") and the credentials are returned. */
export async function registerUser(page: Page, options: Partial<RegisteredUser> = {}): Promise<RegisteredUser> {
  const tag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const user: RegisteredUser = {
    email: options.email ?? `e2e-${tag}@example.test`,
    displayName: options.displayName ?? `Tester ${tag}`,
    password: options.password ?? 'correct horse battery',
  };
  await page.goto('/register');
  await page.locator('input[name="email"]').fill(user.email);
  await page.locator('input[name="displayName"]').fill(user.displayName);
  await page.locator('input[name="password"]').fill(user.password);
  await page.locator('form button[type="submit"]').click();
  await expect(page).not.toHaveURL(/\/register/);
  return user;
}

/** Logs in through the login page with the given credentials. */
export async function logIn(page: Page, user: Pick<RegisteredUser, 'email' | 'password'>) {
  await page.goto('/login');
  await page.locator('input[type="email"]').fill(user.email);
  await page.locator('input[type="password"]').fill(user.password);
  await page.locator('input[type="password"]').press('Enter');
}

/** A tRPC call sent from the page itself (same cookies, same Origin); expects 200 and returns the procedure's result. */
async function trpcFromPage<T>(page: Page, path: string, input: unknown, kind: 'query' | 'mutation'): Promise<T> {
  const body = await page.evaluate(
    async ({ path, input, kind }) => {
      const res =
        kind === 'query'
          ? await fetch(`/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`)
          : await fetch(`/api/trpc/${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(input) });
      return { status: res.status, json: await res.json() };
    },
    { path, input, kind },
  );
  expect(body.status, JSON.stringify(body.json)).toBe(200);
  return body.json.result.data as T;
}

/** A tRPC mutation from the page (with the page's realtime socket id, so its own events are excluded). */
export const mutateFromPage = <T = any>(page: Page, path: string, input: unknown) => trpcFromPage<T>(page, path, input, 'mutation');

/** A tRPC query from the page. */
export const queryFromPage = <T = any>(page: Page, path: string, input: unknown) => trpcFromPage<T>(page, path, input, 'query');

/** Switches the signed-in user's language in Settings and waits until the page is in it. */
export async function switchLanguage(page: Page, language: string) {
  await page.goto('/settings');
  await page.getByLabel('Language').selectOption(language);
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', language);
}

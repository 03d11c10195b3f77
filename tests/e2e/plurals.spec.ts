// Counts in a real browser read as words in the user's language ("3 days", "3 дня"), the same in the server render
// and after hydration, for the dashboard card and the planner header and day columns.
import { test, expect, type Page } from '@playwright/test';
import { registerUser } from './fixtures';

/** A tRPC mutation from the page, with the page's own cookies. */
async function mutate<T = any>(page: Page, path: string, input: unknown): Promise<T> {
  const body = await page.evaluate(
    async ({ path, input }) => {
      const res = await fetch(`/api/trpc/${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(input) });
      return { status: res.status, json: await res.json() };
    },
    { path, input },
  );
  expect(body.status, JSON.stringify(body.json)).toBe(200);
  return body.json.result.data as T;
}

/** Switches an English-speaking user's language in the settings. */
async function switchLanguage(page: Page, language: string) {
  await page.goto('/settings');
  await page.getByLabel('Language').selectOption(language);
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', language);
}

test('counts use the plural forms of English and Russian on the dashboard and in the planner', async ({ page }) => {
  // React's production build reports a hydration mismatch as minified error #418/#423/#425.
  const errors: string[] = [];
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  page.on('pageerror', (error) => errors.push(error.message));
  await registerUser(page);
  const { trip } = await mutate(page, 'trips.createTrip', { title: 'Count trip', startDate: '2027-05-01', endDate: '2027-05-03' });
  await mutate(page, 'places.createPlace', { tripId: trip.id, name: 'Kremlin' });
  await mutate(page, 'places.createPlace', { tripId: trip.id, name: 'Bolshoi' });

  await page.goto('/');
  const card = page.getByTestId('trip-card').filter({ hasText: 'Count trip' });
  await expect(card).toContainText('2 places');
  await page.goto(`/trips/${trip.id}`);
  const header = page.locator('header').filter({ has: page.getByRole('heading', { level: 1, name: 'Count trip' }) });
  await expect(header).toContainText('3 days');
  await expect(header.getByRole('button', { name: '1 member' })).toBeVisible();
  await expect(page.getByTestId('day').first()).toContainText('0 places');

  await switchLanguage(page, 'ru');
  await page.goto('/');
  await expect(card).toContainText('2 места');
  await page.goto(`/trips/${trip.id}`);
  await expect(header).toContainText('3 дня');
  await expect(header.getByRole('button', { name: '1 участник' })).toBeVisible();
  await expect(page.getByTestId('day').first()).toContainText('0 мест');
  expect(errors.filter((text) => /hydrat|did not match|#41[89]|#42[35]/i.test(text))).toEqual([]);
});

// Counts in a real browser read as words in the user's language ("3 days", "3 дня"), the same in the server render
// and after hydration, for the dashboard card and the planner header and day columns.
import { test, expect } from '@playwright/test';
import { mutateFromPage, registerUser, switchLanguage } from './fixtures';

test('counts use the plural forms of English and Russian on the dashboard and in the planner', async ({ page }) => {
  // React's production build reports a hydration mismatch as minified error #418/#423/#425.
  const errors: string[] = [];
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  page.on('pageerror', (error) => errors.push(error.message));
  await registerUser(page);
  const { trip } = await mutateFromPage(page, 'trips.createTrip', { title: 'Count trip', startDate: '2027-05-01', endDate: '2027-05-03' });
  await mutateFromPage(page, 'places.createPlace', { tripId: trip.id, name: 'Kremlin' });
  await mutateFromPage(page, 'places.createPlace', { tripId: trip.id, name: 'Bolshoi' });

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

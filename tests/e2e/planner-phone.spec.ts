// The trip planner on a phone (390×844): a tab bar shows days, places or the map one at a time, works from the
// keyboard, remembers its tab, and "Add to day" says where the place went. At desktop width nothing changes.
import { test, expect, type Page } from '@playwright/test';
import { mutateFromPage, registerUser, switchLanguage } from './fixtures';

const PHONE = { width: 390, height: 844 };

/** A signed-in user with a trip (three days unless said otherwise) holding one place with coordinates; returns its id. */
async function tripWithAPlace(page: Page, endDate = '2027-05-03') {
  await registerUser(page, { displayName: 'Pia Phone' });
  const { trip } = await mutateFromPage(page, 'trips.createTrip', { title: 'Lisbon on foot', startDate: '2027-05-01', endDate });
  await mutateFromPage(page, 'places.createPlace', { tripId: trip.id, name: 'Belém Tower', lat: 38.6916, lng: -9.216 });
  return trip.id as number;
}

const tabs = (page: Page) => page.getByRole('tablist', { name: 'Trip sections' });
const tab = (page: Page, name: 'Days' | 'Places' | 'Map') => tabs(page).getByRole('tab', { name: new RegExp(`^${name}`) });
const daysSection = (page: Page) => page.getByTestId('day').first();
const placesSection = (page: Page) => page.getByRole('heading', { name: /^Places/ });
const mapSection = (page: Page) => page.getByTestId('trip-map');

test.beforeEach(async ({ page }) => {
  // Map tiles come from the internet; the map itself must render without them.
  await page.route('**/tile.openstreetmap.org/**', (route) => route.abort());
});

test.describe('on a phone', () => {
  test.use({ viewport: PHONE });

  test('one section at a time, switched by tab or keyboard, and the choice survives a reload', async ({ page }) => {
    const tripId = await tripWithAPlace(page, '2027-05-07');
    await page.goto(`/trips/${tripId}`);

    await expect(tabs(page)).toBeVisible();
    await expect(tabs(page).getByRole('tab')).toHaveCount(3);
    await expect(tab(page, 'Days')).toHaveAccessibleName('Days (7 days)');
    await expect(tab(page, 'Places')).toHaveAccessibleName('Places (1 place)');
    await expect(tab(page, 'Days')).toHaveAttribute('aria-selected', 'true');
    await expect(daysSection(page)).toBeVisible();
    await expect(placesSection(page)).toBeHidden();
    await expect(mapSection(page)).toBeHidden();
    await expect(page.getByRole('tabpanel')).toHaveCount(1);
    await expect(page.getByRole('tabpanel')).toHaveAttribute('aria-labelledby', 'planner-tab-days');

    // The bar stays at the top while the days scroll by.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expect(tabs(page)).toBeInViewport();
    expect((await tabs(page).boundingBox())!.y).toBeLessThan(2);

    // A tap shows the places and only them.
    await expect(async () => {
      await tab(page, 'Places').click();
      await expect(tab(page, 'Places')).toHaveAttribute('aria-selected', 'true', { timeout: 1000 });
    }).toPass();
    await expect(placesSection(page)).toBeInViewport();
    await expect(daysSection(page)).toBeHidden();
    await expect(mapSection(page)).toBeHidden();

    // Arrow keys move the focus (one Tab stop, roving), Enter or Space activates.
    await tab(page, 'Places').focus();
    await page.keyboard.press('ArrowRight');
    await expect(tab(page, 'Map')).toBeFocused();
    await expect(tab(page, 'Map')).toHaveAttribute('tabindex', '0');
    await expect(tab(page, 'Places')).toHaveAttribute('tabindex', '-1');
    await expect(tab(page, 'Places')).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('ArrowRight');
    await expect(tab(page, 'Days')).toBeFocused();
    await page.keyboard.press('ArrowLeft');
    await expect(tab(page, 'Map')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(tab(page, 'Map')).toHaveAttribute('aria-selected', 'true');
    await expect(placesSection(page)).toBeHidden();

    // The map, hidden until now, is measured again when its tab opens: full size, the place in the middle.
    const map = mapSection(page).locator('.leaflet-container');
    await expect(map).toBeVisible();
    const marker = map.locator('path.leaflet-interactive');
    await expect(marker).toHaveCount(1);
    await expect(async () => {
      const box = (await map.boundingBox())!;
      const dot = (await marker.boundingBox())!;
      expect(box.width).toBeGreaterThan(300);
      expect(box.height).toBeGreaterThan(200);
      expect(Math.abs(dot.x + dot.width / 2 - (box.x + box.width / 2))).toBeLessThan(4);
      expect(Math.abs(dot.y + dot.height / 2 - (box.y + box.height / 2))).toBeLessThan(4);
    }).toPass({ timeout: 5000 });
    await expect(page.getByRole('heading', { name: 'Accommodations' })).toBeVisible();

    await page.keyboard.press('Home');
    await expect(tab(page, 'Days')).toBeFocused();
    await page.keyboard.press('Space');
    await expect(tab(page, 'Days')).toHaveAttribute('aria-selected', 'true');
    await expect(daysSection(page)).toBeVisible();

    // The chosen tab is kept for this browser tab (sessionStorage), across a reload.
    await tab(page, 'Map').click();
    await expect(tab(page, 'Map')).toHaveAttribute('aria-selected', 'true');
    await page.reload();
    await expect(tab(page, 'Map')).toHaveAttribute('aria-selected', 'true');
    await expect(mapSection(page).locator('.leaflet-container')).toBeVisible();
    await expect(daysSection(page)).toBeHidden();
  });

  test('a new place is added from the Places tab and put on a day, and the notice leads to that day', async ({ page }) => {
    const tripId = await tripWithAPlace(page);
    await page.goto(`/trips/${tripId}`);
    await expect(async () => {
      await tab(page, 'Places').click();
      await expect(tab(page, 'Places')).toHaveAttribute('aria-selected', 'true', { timeout: 1000 });
    }).toPass();

    await page.getByRole('button', { name: 'New place' }).click();
    const dialog = page.getByRole('dialog', { name: 'New place' });
    await dialog.getByLabel('Name').fill('Pastéis de Belém');
    await dialog.getByRole('button', { name: 'Add place' }).click();
    await expect(dialog).toBeHidden();
    await expect(tab(page, 'Places')).toHaveAccessibleName('Places (2 places)');

    const place = page.getByTestId('place').filter({ hasText: 'Pastéis de Belém' });
    await place.getByLabel('Add Pastéis de Belém to a day').selectOption({ index: 2 });
    const notice = page.getByTestId('added-to-day');
    await expect(notice).toContainText(/Pastéis de Belém was added to Day 2/);
    await expect(place).toContainText('Planned');

    await notice.getByRole('button', { name: 'Show day' }).click();
    await expect(tab(page, 'Days')).toHaveAttribute('aria-selected', 'true');
    const day2 = page.getByTestId('day').nth(1);
    await expect(day2).toBeInViewport();
    await expect(day2.getByTestId('assignment-name')).toHaveText(['Pastéis de Belém']);
    await expect(notice).toHaveCount(0);
  });

  test('in Arabic the tabs run right to left and the arrow keys follow', async ({ page }) => {
    const tripId = await tripWithAPlace(page);
    await switchLanguage(page, 'ar');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await page.goto(`/trips/${tripId}`);

    const list = page.getByRole('tablist', { name: 'أقسام الرحلة' });
    const days = list.getByRole('tab', { name: /^الأيام/ });
    const places = list.getByRole('tab', { name: /^الأماكن/ });
    await expect(days).toHaveAccessibleName('الأيام (3 أيام)');
    await expect(places).toHaveAccessibleName('الأماكن (مكان واحد)');
    // The first tab sits at the right-hand end.
    const daysBox = (await days.boundingBox())!;
    const placesBox = (await places.boundingBox())!;
    expect(daysBox.x).toBeGreaterThan(placesBox.x);

    await days.focus();
    await page.keyboard.press('ArrowLeft');
    await expect(places).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(places).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByTestId('place')).toHaveCount(1);
    await days.click();
    await expect(page.getByTestId('day').first()).toBeVisible();
  });
});

test('at desktop width the tabs are hidden and days, places and map are all shown', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const tripId = await tripWithAPlace(page);
  await page.goto(`/trips/${tripId}`);
  await expect(daysSection(page)).toBeVisible();
  await expect(placesSection(page)).toBeVisible();
  await expect(mapSection(page).locator('.leaflet-container')).toBeVisible();
  await expect(tabs(page)).toBeHidden();
  await expect(page.getByRole('tabpanel')).toHaveCount(0);
  // Days and places sit side by side, not stacked.
  const dayBox = (await daysSection(page).boundingBox())!;
  const placesBox = (await placesSection(page).boundingBox())!;
  expect(Math.abs(dayBox.y - placesBox.y)).toBeLessThan(200);
  expect(dayBox.x).not.toBe(placesBox.x);
});

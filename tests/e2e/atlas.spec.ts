// The Atlas in a real browser: after a trip with places in France and Germany the map fills both countries, the
// counters and the list name them in the user's language, a country opens from the keyboard, regions can be ticked
// off, and a place added in Japan from another tab shows up live — in English and in Arabic (right to left).
import { test, expect, type Browser } from '@playwright/test';
import { makePerson, signedInContext, startOwnServer, type RunningServer } from './own-server';
import { mutateFromPage } from './fixtures';

let server: RunningServer;
test.beforeAll(async () => {
  server = await startOwnServer();
});
test.afterAll(async () => {
  await server?.close();
});

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000);

/** Anna, in `language`, back from a trip with places in Paris, Lyon and Berlin; her Atlas page. */
async function atlasPage(browser: Browser, language: 'en' | 'ar') {
  const anna = await makePerson(server, 'Anna');
  const db = server.services.db;
  await db.user.update({ where: { id: anna.user.id }, data: { language } });
  const trip = await db.trip.create({
    data: {
      ownerId: anna.user.id,
      title: 'Paris to Berlin',
      startDate: day(-30),
      endDate: day(-21),
      places: {
        create: [
          { name: 'Louvre', lat: 48.8606, lng: 2.3376 },
          { name: 'Lyon', lat: 45.764, lng: 4.8357 },
          { name: 'Reichstag', lat: 52.5186, lng: 13.3762 },
        ],
      },
    },
  });
  const context = await signedInContext(browser, server, anna.token, { locale: language === 'ar' ? 'ar' : 'en-US' });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${server.url}/atlas`);
  return { page, context, pageErrors, tripId: trip.id };
}

const TEXT = {
  en: {
    nav: 'Atlas', france: 'France', germany: 'Germany', japan: 'Japan', countries: 'Countries', regionFilter: 'Find a region', region: 'Île-de-France',
    bucketName: 'Place or country', lat: 'Latitude', lng: 'Longitude', add: 'Add to bucket list', delete: 'Delete',
  },
  ar: {
    nav: 'الأطلس', france: 'فرنسا', germany: 'ألمانيا', japan: 'اليابان', countries: 'الدول', regionFilter: 'ابحث عن منطقة', region: 'Île-de-France',
    bucketName: 'مكان أو دولة', lat: 'خط العرض', lng: 'خط الطول', add: 'أضف إلى قائمة الأمنيات', delete: 'حذف',
  },
};

for (const language of ['en', 'ar'] as const) {
  test(`${language}: the map after a trip in two countries, live when a place in a third is added`, async ({ browser }) => {
    const { page, context, pageErrors, tripId } = await atlasPage(browser, language);
    const text = TEXT[language];
    await expect(page.locator('html')).toHaveAttribute('dir', language === 'ar' ? 'rtl' : 'ltr');
    await expect(page.getByRole('navigation').getByRole('link', { name: text.nav })).toHaveAttribute('aria-current', 'page');

    const map = page.getByTestId('atlas-map');
    await expect(map.locator('path[data-country="FR"]')).toHaveAttribute('data-visited', 'trips');
    await expect(map.locator('path[data-country="DE"]')).toHaveAttribute('data-visited', 'trips');
    await expect(map.locator('path[data-country="JP"]')).not.toHaveAttribute('data-visited', /.+/);
    await expect(map.locator('path[data-visited]')).toHaveCount(2);
    const countries = page.getByTestId('atlas-counter-countries');
    await expect(countries).toContainText(text.countries);
    await expect(countries.locator('dd')).toHaveText(new Intl.NumberFormat(language).format(2));
    const list = page.getByTestId('atlas-countries');
    await expect(list.getByRole('button')).toHaveCount(2);
    await expect(list.getByRole('button', { name: new RegExp(text.france) })).toBeVisible();
    await expect(list.getByRole('button', { name: new RegExp(text.germany) })).toBeVisible();

    // From the keyboard: France on the map is a button; Enter opens its panel with the trip and its places.
    const france = map.getByRole('button', { name: text.france });
    await expect(async () => {
      await france.focus();
      await page.keyboard.press('Enter');
      await expect(page.getByTestId('atlas-country-panel')).toBeVisible({ timeout: 1000 });
    }).toPass();
    const panel = page.getByTestId('atlas-country-panel');
    await expect(panel.getByRole('heading', { name: text.france })).toBeVisible();
    await expect(panel.getByRole('link', { name: 'Paris to Berlin' })).toBeVisible();
    await expect(panel).toContainText('Louvre');

    // A region ticked off stays ticked (stored), and France counts one region.
    await panel.getByLabel(text.regionFilter).fill('Île');
    await panel.getByRole('checkbox', { name: new RegExp(text.region) }).check();
    await expect(page.getByTestId('atlas-counter-regions').locator('dd')).toHaveText(new Intl.NumberFormat(language).format(1));

    // Another tab adds a place in Tokyo to the trip: Japan fills in here without a reload.
    const other = await context.newPage();
    await other.goto(`${server.url}/`);
    await mutateFromPage(other, 'places.createPlace', { tripId, name: 'Senso-ji', lat: 35.7148, lng: 139.7967 });
    await expect(map.locator('path[data-country="JP"]')).toHaveAttribute('data-visited', 'trips');
    await expect(countries.locator('dd')).toHaveText(new Intl.NumberFormat(language).format(3));
    await expect(list.getByRole('button', { name: new RegExp(text.japan) })).toBeVisible();

    // A bucket-list place with coordinates: a pin, and Peru (found from them) drawn as wished for; deleting asks first.
    await page.getByLabel(text.bucketName).fill('Machu Picchu');
    await page.getByLabel(text.lat, { exact: true }).fill('-13.1631');
    await page.getByLabel(text.lng, { exact: true }).fill('-72.545');
    await page.getByRole('button', { name: text.add }).click();
    await expect(map.getByTestId('atlas-pin')).toHaveCount(1);
    await expect(map.locator('path[data-country="PE"]')).toHaveAttribute('data-wished', 'true');
    await page.getByRole('button', { name: `${text.delete} Machu Picchu` }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: text.delete, exact: true }).click();
    await expect(map.getByTestId('atlas-pin')).toHaveCount(0);
    await expect(page.getByTestId('atlas-bucket-empty')).toBeVisible();

    await page.reload();
    await expect(page.getByTestId('atlas-map').locator('path[data-visited]')).toHaveCount(3);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
}

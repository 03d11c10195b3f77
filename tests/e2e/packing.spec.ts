// The planner's Packing tab in two real browsers, in English and in German: Anna pastes a list (categories and
// quantities), Ben sees it arrive; Anna ticks with a click, Ben with the keyboard (Space), and each sees the other's
// tick and the progress at once; Alt+↑ moves an item within its category. Turning the lists addon off hides the tab.
import { test, expect, type Browser } from '@playwright/test';
import { makePerson, signedInContext, startOwnServer, type RunningServer } from './own-server';

let server: RunningServer;
test.beforeAll(async () => {
  server = await startOwnServer();
});
test.afterAll(async () => {
  await server?.close();
});

const TEXT = {
  en: { tab: 'Packing', import: 'Import', dialog: 'Import a packing list', lines: 'One item per line', add3: 'Add 3 items', progress: (c: number) => `${c} of 3 items packed` },
  de: { tab: 'Packen', import: 'Importieren', dialog: 'Packliste importieren', lines: 'Ein Teil pro Zeile', add3: '3 Teile hinzufügen', progress: (c: number) => `${c} von 3 Teilen gepackt` },
};

async function twoPackers(browser: Browser, language: 'en' | 'de') {
  const anna = await makePerson(server, 'Anna');
  const ben = await makePerson(server, 'Ben');
  const db = server.services.db;
  for (const p of [anna, ben]) await db.user.update({ where: { id: p.user.id }, data: { language } });
  const trip = await db.trip.create({ data: { ownerId: anna.user.id, title: 'Oslo', members: { create: [{ userId: ben.user.id }] } } });
  const locale = language === 'de' ? 'de-DE' : 'en-US';
  const contexts = [await signedInContext(browser, server, anna.token, { locale }), await signedInContext(browser, server, ben.token, { locale })];
  const [annaPage, benPage] = await Promise.all(contexts.map((c) => c.newPage()));
  const pageErrors: string[] = [];
  for (const page of [annaPage, benPage]) {
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${server.url}/trips/${trip.id}?tab=packing`);
    await expect(page.getByTestId('packing-tab')).toBeVisible();
  }
  return { annaPage, benPage, contexts, pageErrors, tripId: trip.id };
}

for (const language of ['en', 'de'] as const) {
  test(`${language}: two people pack one list and see each other's ticks live`, async ({ browser }) => {
    const text = TEXT[language];
    const { annaPage, benPage, contexts, pageErrors } = await twoPackers(browser, language);
    await expect(annaPage.getByRole('button', { name: text.tab })).toHaveAttribute('aria-current', 'page');

    // Anna pastes a list; a click before hydration does nothing, so click until the dialog opens.
    const dialog = annaPage.getByRole('dialog', { name: text.dialog });
    await expect(async () => {
      await annaPage.getByRole('button', { name: text.import }).click();
      await expect(dialog).toBeVisible({ timeout: 1000 });
    }).toPass();
    await dialog.getByLabel(text.lines).fill('Clothes: 3x socks\nClothes: shirt\nToiletries: toothbrush');
    await dialog.getByRole('button', { name: text.add3 }).click();
    await expect(dialog).toBeHidden();

    for (const page of [annaPage, benPage]) {
      await expect(page.getByTestId('packing-item')).toHaveCount(3);
      await expect(page.getByTestId('packing-category')).toHaveCount(2);
      await expect(page.getByTestId('packing-overall')).toContainText(text.progress(0));
    }
    await expect(benPage.getByTestId('packing-item').first()).toContainText('3× socks');

    // Anna ticks socks with a click; Ben sees it at once.
    await annaPage.getByRole('checkbox', { name: '3× socks' }).click();
    await expect(benPage.getByRole('checkbox', { name: '3× socks' })).toBeChecked();
    await expect(benPage.getByTestId('packing-overall')).toContainText(text.progress(1));

    // Ben ticks the toothbrush with the keyboard; Anna sees it.
    await benPage.getByRole('checkbox', { name: 'toothbrush' }).focus();
    await benPage.keyboard.press('Space');
    await expect(annaPage.getByRole('checkbox', { name: 'toothbrush' })).toBeChecked();
    await expect(annaPage.getByTestId('packing-overall')).toContainText(text.progress(2));

    // Alt+↑ moves "shirt" above "socks" within Clothes, for both.
    await annaPage.getByRole('checkbox', { name: 'shirt' }).focus();
    await annaPage.keyboard.press('Alt+ArrowUp');
    const clothes = (page: typeof annaPage) => page.getByTestId('packing-category').first().getByTestId('packing-item');
    await expect(clothes(annaPage).first()).toContainText('shirt');
    await expect(annaPage.getByRole('checkbox', { name: 'shirt' })).toBeFocused();
    await expect(clothes(benPage).first()).toContainText('shirt');

    // Stored, not just in the pages.
    await benPage.reload();
    await expect(benPage.getByRole('checkbox', { name: '3× socks' })).toBeChecked();
    await expect(clothes(benPage).first()).toContainText('shirt');
    expect(pageErrors).toEqual([]);
    for (const c of contexts) await c.close();
  });
}

test('with the lists addon off the Packing tab is gone; the list is kept and comes back', async ({ browser }) => {
  const { annaPage, contexts, tripId } = await twoPackers(browser, 'en');
  await server.services.db.packingItem.create({ data: { tripId, name: 'Passport', category: 'Documents' } });
  await server.services.addons.set('lists', false);
  try {
    await annaPage.goto(`${server.url}/trips/${tripId}?tab=packing`);
    await expect(annaPage.getByRole('button', { name: 'Budget' })).toBeVisible();
    await expect(annaPage.getByRole('button', { name: 'Packing' })).toHaveCount(0);
    await expect(annaPage.getByTestId('packing-tab')).toHaveCount(0);
  } finally {
    await server.services.addons.set('lists', true);
  }
  await annaPage.goto(`${server.url}/trips/${tripId}?tab=packing`);
  await expect(annaPage.getByRole('checkbox', { name: 'Passport' })).toBeVisible();
  for (const c of contexts) await c.close();
});

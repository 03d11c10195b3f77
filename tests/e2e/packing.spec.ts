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

test('de: a built-in template in German, applied twice without duplicates; a bag weighed against its limit after a drag', async ({ browser }) => {
  const { annaPage: page, contexts, pageErrors, tripId } = await twoPackers(browser, 'de');
  const dialog = page.getByRole('dialog', { name: 'Packvorlagen' });
  await expect(async () => {
    await page.getByRole('button', { name: 'Vorlagen' }).click();
    await expect(dialog).toBeVisible({ timeout: 1000 });
  }).toPass();
  await dialog.getByLabel('Vorlage', { exact: true }).selectOption({ label: 'Strandurlaub (6 Teile)' });
  await dialog.getByRole('button', { name: 'Vorlage anwenden' }).click();
  await expect(dialog.getByRole('status')).toHaveText('6 Teile hinzugefügt; was schon auf der Liste stand, wurde übersprungen.');
  await dialog.getByRole('button', { name: 'Vorlage anwenden' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Alles aus dieser Vorlage steht schon auf der Liste.');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('packing-item')).toHaveCount(6);
  await expect(page.getByRole('checkbox', { name: '2× Badesachen' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Dokumente' })).toContainText('Reisepass');

  // A bag with a 1 kg limit; the beach towel (600 g) is dragged into it and ticked.
  const towel = await server.services.db.packingItem.findFirstOrThrow({ where: { tripId, name: 'Strandtuch' } });
  await server.services.db.packingItem.update({ where: { id: towel.id }, data: { weightGrams: 600 } });
  await page.getByLabel('Tasche', { exact: true }).fill('Rucksack');
  await page.getByLabel('Limit (kg)').fill('1');
  await page.getByRole('button', { name: 'Tasche hinzufügen' }).click();
  const bag = page.getByTestId('packing-bag');
  await expect(bag).toContainText('Rucksack');
  // Adding the bag refetched the list, so the towel's weight (set in the database above) is known; no reload, which
  // would leave a moment before hydration in which a drag does nothing.
  // Tall enough that the list and the bag are both on screen for the mouse.
  await page.setViewportSize({ width: 1280, height: 1600 });
  const handle = page.getByRole('button', { name: 'Strandtuch ziehen' });
  await handle.scrollIntoViewIfNeeded();
  const from = (await handle.boundingBox())!;
  const to = (await page.getByTestId('packing-bag').boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + 20, from.y + 20, { steps: 5 });
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 10 });
  await page.mouse.up();
  await expect.poll(async () => (await server.services.db.packingItem.findUniqueOrThrow({ where: { id: towel.id } })).bagId).not.toBeNull();
  await expect(page.getByTestId('bag-weight')).toHaveText('0 g von 600 g gepackt · Limit 1 kg');
  await page.getByRole('checkbox', { name: 'Strandtuch' }).check();
  await expect(page.getByTestId('bag-weight')).toHaveText('600 g von 600 g gepackt · Limit 1 kg');

  // A lower limit: the bag is now over it.
  await page.getByRole('button', { name: 'Bearbeiten: Rucksack' }).click();
  const bagDialog = page.getByTestId('packing-bag-dialog');
  await bagDialog.getByLabel('Limit (kg)').fill('0,5');
  await bagDialog.getByRole('button', { name: 'Speichern' }).click();
  await expect(page.getByTestId('bag-weight')).toHaveText('600 g von 600 g gepackt · Limit 500 g — über dem Limit');
  expect(pageErrors).toEqual([]);
  for (const c of contexts) await c.close();
});

test('Admin → Packing templates: the built-in ones are listed, and an administrator adds one', async ({ browser }) => {
  const admin = await makePerson(server, 'Ada');
  await server.services.db.user.update({ where: { id: admin.user.id }, data: { isAdmin: true } });
  const context = await signedInContext(browser, server, admin.token);
  const page = await context.newPage();
  await page.goto(`${server.url}/admin/packing-templates`);
  await expect(page.getByRole('link', { name: 'Packing templates' })).toBeVisible();
  const templates = page.getByTestId('packing-template');
  await expect(templates.filter({ hasText: 'Beach holiday' })).toContainText('Built in');
  await expect(async () => {
    await page.getByRole('button', { name: 'New template' }).click();
    await expect(page.getByLabel('Name')).toBeVisible({ timeout: 1000 });
  }).toPass();
  await page.getByLabel('Name').fill('Ski week');
  await page.getByLabel('Items, one per line').fill('Gear: goggles\nClothes: 4x ski socks');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(templates.filter({ hasText: 'Ski week' })).toContainText('goggles, 4× ski socks');
  await context.close();
});

// The planner's Budget tab in a real browser: an expense split three ways, the live sum check of a split by amounts,
// and the settlement ("Ben pays Anna €30.00") — in English and in Arabic (right to left, Arabic number formatting).
// Starts its own server so it can create the three people and their sessions directly.
import { test, expect, type Browser } from '@playwright/test';
import { makePerson, signedInContext, startOwnServer, type RunningServer } from './own-server';

let server: RunningServer;
test.beforeAll(async () => {
  server = await startOwnServer();
});
test.afterAll(async () => {
  await server?.close();
});

/** Anna's trip with Ben and Cem on it; Anna's page on its Budget tab, in `language`. */
async function budgetTab(browser: Browser, language: 'en' | 'ar') {
  const anna = await makePerson(server, 'Anna');
  const ben = await makePerson(server, 'Ben');
  const cem = await makePerson(server, 'Cem');
  const db = server.services.db;
  await db.user.update({ where: { id: anna.user.id }, data: { language } });
  const trip = await db.trip.create({
    data: { ownerId: anna.user.id, title: 'Lisbon', members: { create: [{ userId: ben.user.id }, { userId: cem.user.id }] } },
  });
  const context = await signedInContext(browser, server, anna.token, { locale: language === 'ar' ? 'ar' : 'en-US' });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${server.url}/trips/${trip.id}?tab=budget`);
  return { page, context, pageErrors, tripId: trip.id };
}

const TEXT = {
  en: { add: 'Add expense', dialog: 'Add expense', what: 'What', amount: 'Amount', payers: 'Who paid', byAmounts: 'By amounts', equally: 'Equally', save: 'Save', tab: 'Budget', pays: 'pays' },
  ar: { add: 'إضافة مصروف', dialog: 'إضافة مصروف', what: 'البند', amount: 'المبلغ', payers: 'من دفع', byAmounts: 'حسب المبالغ', equally: 'بالتساوي', save: 'حفظ', tab: 'الميزانية', pays: 'يدفع' },
};

for (const language of ['en', 'ar'] as const) {
  test(`${language}: a dinner split three ways shows who pays whom`, async ({ browser }) => {
    const { page, context, pageErrors } = await budgetTab(browser, language);
    const text = TEXT[language];
    await expect(page.locator('html')).toHaveAttribute('dir', language === 'ar' ? 'rtl' : 'ltr');
    await expect(page.getByRole('button', { name: text.tab })).toHaveAttribute('aria-current', 'page');

    const dialog = page.getByRole('dialog', { name: text.dialog });
    // A click before the page has hydrated does nothing, so click until the dialog opens.
    await expect(async () => {
      await page.getByRole('button', { name: text.add }).click();
      await expect(dialog).toBeVisible({ timeout: 1000 });
    }).toPass();
    await dialog.getByLabel(text.what).fill('Dinner');
    await dialog.getByRole('textbox', { name: text.amount, exact: true }).fill('90');
    await dialog.getByRole('group', { name: text.payers }).getByLabel('Anna').check();

    // The live sum check: by amounts, 50 + 30 + 0 is not 90, and saving is not possible until it is.
    await dialog.getByLabel(text.byAmounts).check();
    const amountInputs = dialog.getByTestId('split-member').locator('input[inputmode="decimal"]');
    await amountInputs.nth(0).fill('50');
    await amountInputs.nth(1).fill('30');
    const sum = dialog.getByTestId('split-sum');
    const euros = (n: number) => page.evaluate(([lng, v]) => new Intl.NumberFormat(lng as string, { style: 'currency', currency: 'EUR' }).format(v as number), [language, n]);
    await expect(sum).toContainText(await euros(80));
    await expect(dialog.getByRole('button', { name: text.save })).toBeDisabled();
    await amountInputs.nth(2).fill('10');
    await expect(dialog.getByRole('button', { name: text.save })).toBeEnabled();

    // Equally after all: 30 each.
    await dialog.getByLabel(text.equally).check();
    await dialog.getByRole('button', { name: text.save }).click();
    await expect(dialog).toBeHidden();

    await expect(page.getByTestId('budget-item')).toHaveCount(1);
    await expect(page.getByTestId('budget-item')).toContainText('Dinner');
    const thirty = await euros(30);
    const settlement = page.getByTestId('settlement').getByRole('listitem');
    await expect(settlement).toHaveCount(2);
    await expect(settlement.nth(0)).toContainText('Ben');
    await expect(settlement.nth(0)).toContainText(text.pays);
    await expect(settlement.nth(0)).toContainText('Anna');
    await expect(settlement.nth(0)).toContainText(thirty);
    await expect(settlement.nth(1)).toContainText('Cem');
    await expect(page.getByTestId('budget-total')).toContainText(await euros(90));
    if (language === 'en') await expect(settlement.nth(0).locator('span').first()).toHaveText('Ben pays Anna €30.00');

    // Still there after a reload (stored, not just in the page).
    await page.reload();
    await expect(page.getByTestId('settlement').getByRole('listitem')).toHaveCount(2);

    if (language === 'en') {
      // "Mark settled": asks first (Escape keeps it), then the transfer leaves the list and shows as a payment.
      await settlement.nth(0).getByRole('button', { name: 'Mark settled' }).click();
      await expect(page.getByRole('alertdialog', { name: 'Mark this as settled?' })).toContainText('Ben paid Anna €30.00');
      await page.keyboard.press('Escape');
      await expect(settlement).toHaveCount(2);
      await settlement.nth(0).getByRole('button', { name: 'Mark settled' }).click();
      await page.getByRole('alertdialog').getByRole('button', { name: 'Mark settled' }).click();
      await expect(settlement).toHaveCount(1);
      await expect(settlement.nth(0)).toContainText('Cem');
      await expect(page.getByTestId('settlement-payments')).toContainText('Ben paid Anna €30.00');
      await page.getByTestId('settlement-payments').getByRole('button', { name: 'Undo' }).click();
      await expect(settlement).toHaveCount(2);
    }
    expect(pageErrors).toEqual([]);
    await context.close();
  });
}

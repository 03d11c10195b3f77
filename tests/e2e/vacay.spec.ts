// Vacay in real browsers: Anna invites Ben from the Vacation page, Ben accepts while his page is open, and from then on
// each sees the other's days appear live — booked by click, by drag and by keyboard — with each person's colour and
// remaining days; a weekend day is refused by the server. In Arabic the calendar runs right to left, the arrow keys
// follow it, and public holidays carry their Arabic names.
import { test, expect, type Browser, type Page } from '@playwright/test';
import { makePerson, signedInContext, startOwnServer, type RunningServer } from './own-server';

let server: RunningServer;
test.beforeAll(async () => {
  server = await startOwnServer();
});
test.afterAll(async () => {
  await server?.close();
});

const YEAR = new Date().getUTCFullYear();
const iso = (d: Date) => d.toISOString().slice(0, 10);
/** The first Monday of a month of this year, and the days after it. */
function mondayIn(month: number, plus = 0) {
  const d = new Date(Date.UTC(YEAR, month, 1));
  while (d.getUTCDay() !== 1) d.setUTCDate(d.getUTCDate() + 1);
  d.setUTCDate(d.getUTCDate() + plus);
  return iso(d);
}
function saturdayIn(month: number) {
  const d = new Date(Date.UTC(YEAR, month, 1));
  while (d.getUTCDay() !== 6) d.setUTCDate(d.getUTCDate() + 1);
  return iso(d);
}

async function openVacay(browser: Browser, token: string, locale = 'en-US') {
  const context = await signedInContext(browser, server, token, { locale });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${server.url}/`);
  return { page, context, pageErrors };
}

const day = (page: Page, date: string) => page.getByTestId(`vacay-day-${date}`);

test('two people fuse their plans and see each other book days live', async ({ browser }) => {
  const anna = await makePerson(server, 'Anna');
  const ben = await makePerson(server, 'Ben');
  const a = await openVacay(browser, anna.token);
  const b = await openVacay(browser, ben.token);

  // The navigation shows the planner while the addon is on.
  for (const { page } of [a, b]) {
    await page.getByRole('link', { name: 'Vacation' }).click();
    await expect(page.getByRole('heading', { name: 'Vacation planner' })).toBeVisible();
    await expect(page.getByTestId('vacay-year')).toHaveText(String(YEAR));
    await expect(page.getByTestId('vacay-calendar').locator('section')).toHaveCount(12);
  }

  // Anna invites Ben; his open page shows the invitation, and he accepts it there.
  const sharing = a.page.getByTestId('vacay-sharing');
  await expect(async () => {
    await sharing.getByLabel('Invite someone').selectOption({ label: `Ben (@${ben.user.username})` }, { timeout: 1000 });
  }).toPass();
  await sharing.getByRole('button', { name: 'Invite', exact: true }).click();
  await expect(sharing.getByTestId('vacay-pending-invite')).toContainText('Waiting for Ben');
  const invitation = b.page.getByTestId('vacay-incoming-invite');
  await expect(invitation).toContainText('Anna invites you to share a plan.');
  await invitation.getByRole('button', { name: 'Accept' }).click();
  await expect(b.page.getByTestId('vacay-sharing')).toContainText('You share the plan of Anna.');
  await expect(a.page.getByTestId('vacay-people').getByTestId(`vacay-person-${ben.user.id}`)).toBeVisible();
  await expect(a.page.getByTestId('vacay-sharing')).toContainText('You share this plan with 1 person.');

  // Anna clicks a Monday: it turns hers on Ben's screen too.
  const monday = mondayIn(2);
  await day(a.page, monday).click();
  await expect(day(a.page, monday)).toHaveAttribute('data-mine', 'true');
  await expect(day(b.page, monday)).toHaveAttribute('data-people', String(anna.user.id));
  // 30 days each this year (no earlier year to carry from): Anna has 29 left.
  await expect(a.page.getByTestId(`vacay-person-${anna.user.id}`).getByTestId('vacay-remaining')).toHaveAttribute('data-remaining', '29');

  // Ben drags across Tuesday to Thursday of that week: three days, live on Anna's screen.
  const [tue, thu] = [mondayIn(2, 1), mondayIn(2, 3)];
  await day(b.page, tue).hover();
  await b.page.mouse.down();
  await day(b.page, mondayIn(2, 2)).hover();
  await day(b.page, thu).hover();
  await b.page.mouse.up();
  for (const date of [tue, mondayIn(2, 2), thu]) await expect(day(a.page, date)).toHaveAttribute('data-people', String(ben.user.id));
  const bensRemaining = a.page.getByTestId(`vacay-person-${ben.user.id}`).getByTestId('vacay-remaining');
  await expect(bensRemaining).toHaveAttribute('data-remaining', '27');

  // Ben by keyboard: from Thursday, the right arrow to Friday, Space books it.
  await day(b.page, thu).focus();
  await b.page.keyboard.press('ArrowRight');
  await expect(day(b.page, mondayIn(2, 4))).toBeFocused();
  await b.page.keyboard.press('Space');
  await expect(day(a.page, mondayIn(2, 4))).toHaveAttribute('data-people', String(ben.user.id));
  await expect(bensRemaining).toHaveAttribute('data-remaining', '26');

  // A weekend day is refused by the server, with the reason shown.
  await day(b.page, saturdayIn(2)).click();
  await expect(b.page.getByTestId('vacay-error')).toContainText('weekend day');
  await expect(day(b.page, saturdayIn(2))).toHaveAttribute('data-people', '');

  // Still there after a reload.
  await a.page.reload();
  await expect(day(a.page, thu)).toHaveAttribute('data-people', String(ben.user.id));
  expect(a.pageErrors).toEqual([]);
  expect(b.pageErrors).toEqual([]);
  await a.context.close();
  await b.context.close();
});

test('ar: the calendar runs right to left, arrows follow it, and holidays have Arabic names', async ({ browser }) => {
  const layla = await makePerson(server, 'Layla');
  const db = server.services.db;
  await db.user.update({ where: { id: layla.user.id }, data: { language: 'ar' } });
  const plan = await db.vacayPlan.create({ data: { ownerId: layla.user.id, holidaysEnabled: true, years: { create: { year: YEAR } } } });
  await db.vacayHolidayCalendar.create({ data: { planId: plan.id, region: 'FR', label: 'باريس', color: '#fde68a' } });

  const { page, context, pageErrors } = await openVacay(browser, layla.token, 'ar');
  await page.goto(`${server.url}/vacay`);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('heading', { name: 'مخطط الإجازات' })).toBeVisible();
  const newYear = day(page, `${YEAR}-01-01`);
  await expect(newYear).toHaveAttribute('data-public-holiday', 'true');
  await expect(newYear).toHaveAttribute('aria-label', /عيد رأس السنة/);
  await expect(page.getByTestId('vacay-legend')).toContainText('باريس');

  // In right-to-left the left arrow goes to the next day.
  const monday = mondayIn(1);
  await day(page, monday).focus();
  await page.keyboard.press('ArrowLeft');
  await expect(day(page, mondayIn(1, 1))).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(day(page, mondayIn(1, 1))).toHaveAttribute('data-mine', 'true');
  expect(pageErrors).toEqual([]);
  await context.close();
});

// The planner's To-dos tab in a real browser, in English and in German: to-dos by due date with the overdue one
// highlighted, an assignee avatar, the "mine" filter, keyboard check-off (Space) and keyboard reordering (Alt+↓) in
// the list's own order; a change by another member arrives live.
import { test, expect } from '@playwright/test';
import { hydrated, makePerson, signedInContext, startOwnServer, type RunningServer } from './own-server';
import { mutateFromPage } from './fixtures';

let server: RunningServer;
test.beforeAll(async () => {
  server = await startOwnServer();
});
test.afterAll(async () => {
  await server?.close();
});

const TEXT = {
  en: { tab: 'To-dos', name: 'To-do', add: 'Add', mine: 'Only mine', order: 'Order', own: 'Own order', assignedTo: 'Assigned to Ben', overdue: 'Overdue since', done: 'Done (1)' },
  de: { tab: 'Aufgaben', name: 'Aufgabe', add: 'Hinzufügen', mine: 'Nur meine', order: 'Reihenfolge', own: 'Eigene Reihenfolge', assignedTo: 'Zugewiesen an Ben', overdue: 'Überfällig seit', done: 'Erledigt (1)' },
};

for (const language of ['en', 'de'] as const) {
  test(`${language}: to-dos by due date, overdue highlighted, mine filter and keyboard use`, async ({ browser }) => {
    const text = TEXT[language];
    const anna = await makePerson(server, 'Anna');
    const ben = await makePerson(server, 'Ben');
    const db = server.services.db;
    await db.user.update({ where: { id: anna.user.id }, data: { language } });
    const trip = await db.trip.create({ data: { ownerId: anna.user.id, title: 'Rome', members: { create: [{ userId: ben.user.id }] } } });
    await db.todo.createMany({
      data: [
        { tripId: trip.id, name: 'Pack snacks', position: 0 },
        { tripId: trip.id, name: 'Renew passport', dueDate: new Date('2020-01-10T00:00:00Z'), position: 1 },
        { tripId: trip.id, name: 'Book museum', dueDate: new Date('2099-05-01T00:00:00Z'), assignedUserId: ben.user.id, position: 2 },
      ],
    });
    const context = await signedInContext(browser, server, anna.token, { locale: language === 'de' ? 'de-DE' : 'en-US' });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${server.url}/trips/${trip.id}?tab=todos`);
    // React 18 does not take up text typed before hydration (the Add button would stay disabled): wait for it.
    await hydrated(page);
    await expect(page.getByRole('button', { name: text.tab })).toHaveAttribute('aria-current', 'page');

    // By due date: the overdue one first (highlighted), then the dated one, then the undated one.
    const open = page.getByTestId('todos-open').getByTestId('todo-item');
    await expect(open).toHaveCount(3);
    await expect(open.nth(0)).toContainText('Renew passport');
    await expect(open.nth(0)).toHaveAttribute('data-overdue', 'true');
    await expect(open.nth(0)).toContainText(text.overdue);
    await expect(open.nth(1)).toContainText('Book museum');
    await expect(open.nth(1).getByRole('img', { name: text.assignedTo })).toBeVisible();
    await expect(open.nth(2)).toContainText('Pack snacks');

    // Mine: Anna has nothing assigned yet.
    await page.getByLabel(text.mine).check();
    await expect(open).toHaveCount(0);
    await page.getByLabel(text.mine).uncheck();

    // Add one through the form (hydrated above: one click).
    await page.getByLabel(text.name, { exact: true }).fill('Buy tickets');
    await page.getByRole('button', { name: text.add, exact: true }).click();
    await expect(open).toHaveCount(4);

    // Space marks "Pack snacks" done.
    await page.getByRole('checkbox', { name: 'Pack snacks' }).focus();
    await page.keyboard.press('Space');
    await expect(page.getByTestId('todos-done').getByTestId('todo-item')).toHaveCount(1);
    await expect(page.getByText(text.done)).toBeVisible();

    // Own order: Renew passport, Book museum, Buy tickets; Alt+↓ moves "Renew passport" below "Book museum".
    await page.getByLabel(text.order).selectOption({ label: text.own });
    await expect(open.nth(0)).toContainText('Renew passport');
    await page.getByRole('checkbox', { name: 'Renew passport' }).focus();
    await page.keyboard.press('Alt+ArrowDown');
    await expect(open.nth(0)).toContainText('Book museum');
    await expect(open.nth(1)).toContainText('Renew passport');
    await expect(page.getByRole('checkbox', { name: 'Renew passport' })).toBeFocused();
    await expect
      .poll(async () => (await db.todo.findMany({ where: { tripId: trip.id, checked: false }, orderBy: { position: 'asc' } })).map((t) => t.name))
      .toEqual(['Book museum', 'Renew passport', 'Buy tickets']);

    // Ben assigns "Buy tickets" to Anna from elsewhere: it arrives live and "mine" now shows it.
    const buy = await db.todo.findFirstOrThrow({ where: { tripId: trip.id, name: 'Buy tickets' } });
    const benContext = await signedInContext(browser, server, ben.token);
    const benPage = await benContext.newPage();
    await benPage.goto(`${server.url}/trips/${trip.id}?tab=todos`);
    await mutateFromPage(benPage, 'todos.updateTodo', { tripId: trip.id, itemId: buy.id, assignedUserId: anna.user.id });
    await page.getByLabel(text.mine).check();
    await expect(open).toHaveCount(1);
    await expect(open.nth(0)).toContainText('Buy tickets');
    expect(pageErrors).toEqual([]);
    await benContext.close();
    await context.close();
  });
}

// Gallery order in a real browser: Anna moves a photo with the keyboard and drags another; Ben, an editor with the
// journey open, sees the new order live, and it is kept in the database.
import { test, expect, type Page } from '@playwright/test';
import { hydrated, makePerson, signedInContext, startOwnServer, type RunningServer } from './own-server';

let server: RunningServer;
test.beforeAll(async () => {
  server = await startOwnServer();
  await server.services.addons.set('journey', true);
});
test.afterAll(async () => {
  await server?.close();
});

const captions = (page: Page) => page.getByTestId('journey-gallery').getByTestId('journey-photo').locator('button[aria-label]:not([aria-label^="Move"])').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label')));

test('reorder the gallery by keyboard and by dragging; another editor sees it live, and the order is stored', async ({ browser }) => {
  const anna = await makePerson(server, 'Anna');
  const ben = await makePerson(server, 'Ben');
  const db = server.services.db;
  const journey = await db.journey.create({
    data: { ownerId: anna.user.id, title: 'Alps', status: 'active', contributors: { create: [{ userId: anna.user.id, role: 'owner' }, { userId: ben.user.id, role: 'editor' }] } },
  });
  for (const [n, caption] of ['Lake', 'Pass', 'Hut'].entries()) {
    await db.journeyPhoto.create({
      data: { journeyId: journey.id, storageKey: `journey-photos/e2e${n}`, thumbKey: `journey-photos/e2e${n}-thumb`, mime: 'image/jpeg', width: 4, height: 3, bytes: 1, sortOrder: n, caption },
    });
  }
  const pages = await Promise.all(
    [anna, ben].map(async (who) => {
      const context = await signedInContext(browser, server, who.token);
      const page = await context.newPage();
      await page.goto(`${server.url}/journey/${journey.id}`);
      await expect(page.getByTestId('journey-gallery').getByTestId('journey-photo')).toHaveCount(3);
      await hydrated(page);
      return page;
    }),
  );
  const [page, benPage] = pages;
  expect(await captions(page)).toEqual(['Lake', 'Pass', 'Hut']);
  const gallery = page.getByTestId('journey-gallery');
  await expect(gallery.getByRole('button', { name: 'Move earlier' }).first()).toBeDisabled();

  // Keyboard: focus "Move later" on the first photo and press Enter, once (the page is live, so it acts once).
  await gallery.getByTestId('journey-photo').first().getByRole('button', { name: 'Move later' }).focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => captions(page)).toEqual(['Pass', 'Lake', 'Hut']);
  await expect.poll(() => captions(benPage)).toEqual(['Pass', 'Lake', 'Hut']);
  // Until the reorder is saved and read back, the arrows are disabled, so a second press cannot race the first.
  await expect(gallery.getByRole('button', { name: 'Move later' }).first()).toBeEnabled();

  // Drag "Hut" onto the first photo: it goes first and the others keep their order.
  await gallery.getByTestId('journey-photo').nth(2).dragTo(gallery.getByTestId('journey-photo').first());
  await expect.poll(() => captions(page)).toEqual(['Hut', 'Pass', 'Lake']);
  await expect.poll(() => captions(benPage)).toEqual(['Hut', 'Pass', 'Lake']);

  const stored = await db.journeyPhoto.findMany({ where: { journeyId: journey.id }, orderBy: { sortOrder: 'asc' } });
  expect(stored.map((p) => p.caption)).toEqual(['Hut', 'Pass', 'Lake']);
});

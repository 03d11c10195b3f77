// Settings → "Sign out everywhere" in real browsers: asks first (Escape keeps everything), then signs out this browser
// and the other one, in the user's language.
import { test as base, expect } from '@playwright/test';
import { createSession } from '../../app/auth/session.server.ts';
import { makePerson, ownServer, signedInContext, type RunningServer } from './own-server';

const test = base.extend<object, { server: RunningServer }>({ server: ownServer });

test('signs out every browser after confirming; Escape cancels', async ({ browser, server }) => {
  const eve = await makePerson(server, 'Eve Everywhere');
  const { token: other } = await createSession(server.services.db, eve.user.id);
  const here = await signedInContext(browser, server, eve.token);
  const there = await signedInContext(browser, server, other);
  const page = await here.newPage();
  await page.goto(`${server.url}/settings`);

  await page.getByRole('button', { name: 'Sign out everywhere…' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Sign out everywhere?' });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  expect(await server.services.db.session.count({ where: { userId: eve.user.id } })).toBe(2);

  await page.getByRole('button', { name: 'Sign out everywhere…' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Sign out everywhere' }).click();
  await expect(page).toHaveURL(/\/login$/);
  expect(await server.services.db.session.count({ where: { userId: eve.user.id } })).toBe(0);

  const otherPage = await there.newPage();
  await otherPage.goto(`${server.url}/settings`);
  await expect(otherPage).toHaveURL(/\/login/);
  await here.close();
  await there.close();
});

test('is translated (German)', async ({ browser, server }) => {
  const kai = await makePerson(server, 'Kai Klein');
  await server.services.db.user.update({ where: { id: kai.user.id }, data: { language: 'de' } });
  const context = await signedInContext(browser, server, kai.token, { locale: 'de-DE' });
  const page = await context.newPage();
  await page.goto(`${server.url}/settings`);
  await expect(page.getByRole('heading', { name: 'Überall abmelden' })).toBeVisible();
  await context.close();
});

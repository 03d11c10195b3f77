// The admin panel in a real browser: the first account administers; promote/demote, delete after confirming (Escape
// cancels), and addon switches that stay switched. Starts its own server so its first user is the admin.
import { test as base, expect } from '@playwright/test';
import { ownServer, type RunningServer } from './own-server';
import { createUser } from '../../app/auth/users.server.ts';
import { logIn, registerUser } from './fixtures';

// This file's own server (so its first account is the admin), shared by its tests; pages talk to it.
const test = base.extend<object, { server: RunningServer }>({
  server: ownServer,
  baseURL: async ({ server }, use) => use(server.url),
});

test('the first account manages users and addons', async ({ page, server }) => {
  await registerUser(page, { displayName: 'Ada Admin' });
  const ben = await createUser(server.services.db, { email: 'ben@example.test', password: 'correct horse battery', displayName: 'Ben Booker' });
  await server.services.db.trip.create({ data: { ownerId: ben.id, title: 'Ben’s trip' } });

  await page.getByRole('link', { name: 'Admin' }).click();
  await expect(page).toHaveURL(/\/admin\/users$/);
  const row = page.getByTestId(`user-row-${ben.id}`);
  await expect(row).toContainText('Ben Booker');
  await expect(row).toContainText('User');

  await row.getByRole('button', { name: 'Make admin' }).click();
  await expect(row).toContainText('Administrator');
  await expect.poll(async () => (await server.services.db.user.findUniqueOrThrow({ where: { id: ben.id } })).isAdmin).toBe(true);
  await row.getByRole('button', { name: 'Remove admin' }).click();
  await expect(row.getByRole('button', { name: 'Make admin' })).toBeVisible();

  await row.getByRole('button', { name: 'Delete' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Delete Ben Booker?' });
  await expect(dialog).toContainText('This user owns 1 trip. Choose what happens to it:');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  expect(await server.services.db.user.findUnique({ where: { id: ben.id } })).not.toBeNull();
  await row.getByRole('button', { name: 'Delete' }).click();
  await dialog.getByLabel('Ben’s trip').selectOption({ label: 'Delete the trip' });
  await dialog.getByRole('button', { name: 'Delete user' }).click();
  await expect(row).toHaveCount(0);
  expect(await server.services.db.user.findUnique({ where: { id: ben.id } })).toBeNull();

  await page.getByRole('link', { name: 'Addons' }).click();
  const journey = page.getByRole('switch', { name: 'Journal' });
  await expect(journey).toHaveAttribute('aria-checked', 'false');
  await journey.click();
  await expect(journey).toHaveAttribute('aria-checked', 'true');
  await page.reload();
  await expect(page.getByRole('switch', { name: 'Journal' })).toHaveAttribute('aria-checked', 'true');
  expect(await server.services.addons.isEnabled('journey')).toBe(true);
});

test('Admin → MCP access lists every user’s static tokens with their owner and deletes one', async ({ page, server }) => {
  const owner = await createUser(server.services.db, { email: 'tess@example.test', password: 'correct horse battery', displayName: 'Tess Tokens' });
  await server.services.db.apiToken.create({ data: { userId: owner.id, name: 'Nightly export', tokenHash: 'x'.repeat(64), prefix: 'wm_abcdef' } });
  await createUser(server.services.db, { email: 'root@example.test', password: 'correct horse battery', displayName: 'Root', admin: true });
  await logIn(page, { email: 'root@example.test', password: 'correct horse battery' });
  // the login must have finished (session cookie set) before the next navigation replaces it
  await expect(page).not.toHaveURL(/\/login/);

  await page.goto('/admin/mcp');
  const row = page.getByRole('row', { name: /Nightly export/ });
  await expect(row).toContainText('tess@example.test');
  await row.getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('button', { name: 'Delete token' }).click();
  await expect(page.getByRole('row', { name: /Nightly export/ })).toHaveCount(0);
  expect(await server.services.db.apiToken.count({ where: { userId: owner.id } })).toBe(0);
});

test('Admin → Registration: invite only, an invitation link signs one person up in a signed-out browser', async ({ page, server, browser }) => {
  await createUser(server.services.db, { email: 'reg-admin@example.test', password: 'correct horse battery', displayName: 'Reg Admin', admin: true });
  await logIn(page, { email: 'reg-admin@example.test', password: 'correct horse battery' });
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto('/admin/registration');
  await page.getByRole('radio', { name: /Invite only/ }).check();
  await expect.poll(async () => (await server.services.db.instanceSetting.findUnique({ where: { key: 'registration' } }))?.value).toEqual({ mode: 'invite' });

  await page.getByLabel('Note').fill('for Nina');
  await page.getByRole('button', { name: 'Create link' }).click();
  const link = (await page.getByTestId('invite-link').textContent())!;
  expect(link).toMatch(/\/invite\/wmi_/);
  await expect(page.getByRole('row', { name: /for Nina/ })).toContainText('0 of 1');

  // A stranger without the link is told registration needs an invitation; with it, they sign up.
  const stranger = await browser.newContext({ baseURL: server.url });
  const visitor = await stranger.newPage();
  await visitor.goto('/register');
  await expect(visitor.getByTestId('registration-refused')).toContainText('needs an invitation');
  await visitor.goto(link);
  await expect(visitor).toHaveURL(/\/register$/);
  await expect(visitor.getByText('You have been invited')).toBeVisible();
  await visitor.locator('input[name="email"]').fill('nina@example.test');
  await visitor.locator('input[name="displayName"]').fill('Nina');
  await visitor.locator('input[name="password"]').fill('correct horse battery');
  await visitor.locator('form button[type="submit"]').click();
  await expect(visitor).not.toHaveURL(/\/register/);
  await stranger.close();

  await page.reload();
  const row = page.getByRole('row', { name: /for Nina/ });
  await expect(row).toContainText('1 of 1');
  await expect(row).toContainText('Used up or expired');
  await row.getByRole('button', { name: 'Revoke' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Revoke' }).click();
  await expect(page.getByRole('row', { name: /for Nina/ })).toHaveCount(0);
  await page.getByRole('radio', { name: /Open/ }).check();
  await expect.poll(async () => (await server.services.db.instanceSetting.findUnique({ where: { key: 'registration' } }))?.value).toEqual({ mode: 'open' });
});

test('Admin → MCP access lists self-registered apps and deletes the unused ones after asking', async ({ page, server }) => {
  const db = server.services.db;
  await db.oAuthClient.create({ data: { clientId: 'wmc_unused_app', name: 'Never Connected', redirectUris: ['https://never.example/cb'], allowedScopes: ['trips:read'], registeredDynamically: true } });
  const used = await db.oAuthClient.create({ data: { clientId: 'wmc_used_app', name: 'Busy Assistant', redirectUris: ['https://busy.example/cb'], allowedScopes: ['trips:read'], registeredDynamically: true } });
  const owner = await createUser(db, { email: 'user-of-app@example.test', password: 'correct horse battery' });
  await db.oAuthToken.create({
    data: { accessTokenHash: 'a'.repeat(64), familyId: 'fam-busy', clientId: used.clientId, userId: owner.id, scopes: ['trips:read'], resource: `${server.url}/mcp`, grantType: 'authorization_code', accessTokenExpiresAt: new Date(Date.now() + 3_600_000) },
  });
  await createUser(db, { email: 'apps-admin@example.test', password: 'correct horse battery', displayName: 'Apps Admin', admin: true });
  await logIn(page, { email: 'apps-admin@example.test', password: 'correct horse battery' });
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto('/admin/mcp');
  const section = page.getByRole('region', { name: 'Self-registered apps' });
  await expect(section.getByTestId('registered-client').filter({ hasText: 'Never Connected' })).toContainText('never used');
  await expect(section.getByTestId('registered-client').filter({ hasText: 'Busy Assistant' })).toContainText('busy.example');

  await section.getByRole('button', { name: 'Delete unused' }).click();
  await expect(section.getByText('Delete every app that never obtained a token?')).toBeVisible();
  await page.keyboard.press('Escape');
  expect(await db.oAuthClient.count({ where: { clientId: 'wmc_unused_app' } })).toBe(1);
  await section.getByRole('button', { name: 'Delete unused' }).click();
  await section.getByRole('button', { name: 'Yes, continue' }).click();
  await expect(section.getByText('Never Connected')).toHaveCount(0);
  await expect(section.getByText('Busy Assistant')).toBeVisible();
  expect(await db.oAuthClient.count({ where: { clientId: 'wmc_unused_app' } })).toBe(0);
});

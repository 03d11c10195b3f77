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
  await expect(dialog).toContainText('This user owns 1 trip; it will be deleted too.');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  expect(await server.services.db.user.findUnique({ where: { id: ben.id } })).not.toBeNull();
  await row.getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete user' }).click();
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

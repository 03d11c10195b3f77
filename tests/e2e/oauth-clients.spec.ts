// Settings → Integrations → OAuth clients in a real browser: a preset fills the form, the "Machine client" checkbox
// hides redirect URIs and shows a curl request, the secret is shown once and works, the list shows the Machine badge,
// and delete asks first. This spec starts its own server so it can create its user.
import { test, expect } from '@playwright/test';
import { startOwnServer, type RunningServer } from './own-server';
import { createUser } from '../../app/auth/users.server.ts';
import { createSession, SESSION_COOKIE } from '../../app/auth/session.server.ts';

let server: RunningServer;
test.beforeAll(async () => {
  server = await startOwnServer();
});
test.afterAll(async () => {
  await server?.close();
});

test('create a machine client, use its secret, see the badge, delete it', async ({ page, context }) => {
  const user = await createUser(server.services.db, { email: `ui-${Date.now()}@example.test`, password: 'correct horse battery', displayName: 'Ui User' });
  const { token } = await createSession(server.services.db, user.id);
  await context.addCookies([{ name: SESSION_COOKIE, value: token, url: server.url, httpOnly: true, sameSite: 'Lax' }]);
  await page.goto(`${server.url}/settings/integrations`);

  await expect(page.getByRole('heading', { name: 'OAuth clients' })).toBeVisible();
  await page.getByRole('button', { name: 'New client' }).click();
  await page.getByLabel('Preset').selectOption('vscode');
  await expect(page.locator('#oauth-name')).toHaveValue('VS Code');
  await expect(page.locator('#oauth-redirects')).toHaveValue('http://localhost');

  await page.locator('#oauth-name').fill('Nightly export');
  await page.getByLabel(/Machine client/).check();
  await expect(page.locator('#oauth-redirects')).toHaveCount(0);
  await expect(page.getByText('grant_type=client_credentials').first()).toBeVisible();
  await page.getByRole('button', { name: 'Create client' }).click();

  const secret = (await page.getByTestId('new-client-secret').textContent())!.trim();
  const clientId = (await page.getByTestId('new-client-id').textContent())!.trim();
  expect(secret).toMatch(/^wmcs_/);
  const res = await fetch(`${server.url}/oauth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}` },
    body: 'grant_type=client_credentials',
  });
  expect(res.status).toBe(200);
  const body = await res.json();
  expect(body.scope.split(' ')).toHaveLength(13); // the VS Code preset: the 13 read scopes
  await page.getByRole('button', { name: 'I have saved it' }).click();
  await expect(page.getByTestId('new-client-secret')).toHaveCount(0);

  const row = page.getByTestId('oauth-client').filter({ hasText: 'Nightly export' });
  await expect(row.getByText('Machine', { exact: true })).toBeVisible();
  await row.getByRole('button', { name: 'Delete' }).click();
  await expect(row.getByText(/Delete Nightly export\?/)).toBeVisible();
  await row.getByRole('button', { name: 'Yes, continue' }).click();
  await expect(page.getByTestId('oauth-client')).toHaveCount(0);
  expect(await server.services.db.oAuthClient.count({ where: { clientId } })).toBe(0);
});

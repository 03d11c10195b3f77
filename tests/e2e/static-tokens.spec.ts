// Static API tokens (deprecated) in Settings → Integrations: shown once, listed, deleted after confirmation.
// (Admin → MCP access listing everyone's tokens: admin.spec.ts, which has its own server and administrator.)
import { expect, test } from '@playwright/test';
import { registerUser } from './fixtures';

test('a static token is shown once, listed, and deleted after confirmation', async ({ page }) => {
  await registerUser(page, { displayName: 'Tina Tokens' });
  await page.goto('/settings/integrations');
  await page.getByLabel('Token name').fill('Home script');
  await page.getByRole('button', { name: 'Create token' }).click();
  await expect(page.getByTestId('new-token')).toHaveText(/^wm_/);
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByTestId('new-token')).toHaveCount(0);

  const row = page.getByRole('row', { name: /Home script/ });
  await expect(row).toContainText('Never');
  await expect(page.getByText('1 of 10 tokens')).toBeVisible();

  await page.getByRole('row', { name: /Home script/ }).getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('button', { name: 'Delete token' }).click();
  await expect(page.getByText('You have no static tokens.')).toBeVisible();
});

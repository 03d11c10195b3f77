// Two-factor sign-in and single sign-on in a real browser: enrol in Settings → Security (secret read from the page,
// code computed here), sign in with a TOTP code and with a backup code, by keyboard; and sign in through a real OpenID
// Connect provider's own login page (oidc-provider in this process), and delete such an account by signing in there
// again (the step-up of decision 041).
import { test, expect } from '@playwright/test';
import * as OTPAuth from 'otpauth';
import { registerUser, switchLanguage } from './fixtures';
import { startServer, type RunningServer } from '../../server.ts';
import { createTestDatabase } from '../helpers/test-database.ts';
import { temporaryDataDir, type TemporaryDataDir } from '../helpers/data-dir.ts';
import { startTestProvider, type TestProvider } from '../integration/oidc-provider.helpers.ts';
import { hydrated, makePerson } from './own-server.ts';

const codeAt = (secret: string, offsetSteps: number) =>
  new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) }).generate({ timestamp: Date.now() + offsetSteps * 30_000 });

test('enrol two-factor, then sign in with a code and with a backup code', async ({ page }) => {
  const user = await registerUser(page);
  await page.goto('/settings/security');
  await expect(page.getByRole('heading', { name: 'Two-factor sign-in' })).toBeVisible();
  await page.getByTestId('start-two-factor').click();
  await expect(page.getByRole('img', { name: 'QR code for your authenticator app' })).toBeVisible();
  const secret = (await page.getByTestId('totp-secret').textContent())!.trim();
  await page.getByLabel('6-digit code').fill(codeAt(secret, -1));
  await page.getByLabel('6-digit code').press('Enter');
  await expect(page.getByTestId('backup-code')).toHaveCount(10);
  const backupCodes = await page.getByTestId('backup-code').allTextContents();
  await expect(page.getByTestId('two-factor-on')).toContainText('10 backup codes left.');

  // sign in again: password, then a code from the app (keyboard only)
  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.locator('input[type="email"]').fill(user.email);
  await page.locator('input[type="password"]').fill(user.password);
  await page.locator('input[type="password"]').press('Enter');
  await expect(page).toHaveURL(/\/login\/two-factor$/);
  await expect(page.getByLabel('Code')).toBeFocused();
  await page.getByLabel('Code').fill('000000' === codeAt(secret, 0) ? '111111' : '000000');
  await page.getByLabel('Code').press('Enter');
  await expect(page.getByTestId('two-factor-error')).toHaveText('That code is not correct.');
  await page.getByLabel('Code').fill(codeAt(secret, 0));
  await page.getByLabel('Code').press('Enter');
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId('current-user')).toHaveText(user.displayName);

  // and with a backup code
  await page.getByRole('button', { name: 'Log out' }).click();
  await page.locator('input[type="email"]').fill(user.email);
  await page.locator('input[type="password"]').fill(user.password);
  await page.locator('input[type="password"]').press('Enter');
  await expect(page).toHaveURL(/\/login\/two-factor$/);
  await page.getByLabel('Code').fill(backupCodes[0]);
  await page.getByLabel('Code').press('Enter');
  await expect(page).toHaveURL(/\/$/);
  await page.goto('/settings/security');
  await expect(page.getByTestId('two-factor-on')).toContainText('9 backup codes left.');

  // turning it off asks first
  await page.getByLabel('Current code or password').fill(user.password);
  await page.getByTestId('disable-two-factor').click();
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Turn off two-factor' }).click();
  await expect(page.getByTestId('start-two-factor')).toBeVisible();
});

test('Settings → Security in Arabic is right-to-left and translated, and starts by keyboard', async ({ page }) => {
  await registerUser(page);
  await switchLanguage(page, 'ar');
  await page.goto('/settings/security');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('heading', { name: 'تسجيل الدخول بخطوتين' })).toBeVisible();
  await page.getByTestId('start-two-factor').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('img', { name: 'رمز QR لتطبيق المصادقة' })).toBeVisible();
  await expect(page.getByTestId('totp-secret')).toHaveAttribute('dir', 'ltr');
});

test.describe('single sign-on', () => {
  let provider: TestProvider;
  let server: RunningServer;
  let dropDatabase: () => Promise<void>;
  let dataDir: TemporaryDataDir;

  test.beforeAll(async () => {
    provider = await startTestProvider();
    dataDir = temporaryDataDir('e2e');
    const database = await createTestDatabase();
    dropDatabase = database.drop;
    server = await startServer({
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: database.url,
      LOG_LEVEL: 'error',
      APP_URL: '',
      DATA_DIR: dataDir.path,
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: provider.clientId,
      OIDC_CLIENT_SECRET: provider.clientSecret,
      OIDC_BUTTON_LABEL: 'Example ID',
      OUTBOUND_ALLOW_PRIVATE: 'true',
    });
    provider.start([`${server.url}/auth/oidc/callback`]);
  });
  test.afterAll(async () => {
    await server?.close();
    await dropDatabase?.();
    await provider?.close();
    dataDir?.remove();
  });

  test('sign in through the provider’s own login page; the account is created', async ({ page }) => {
    provider.accounts.set('grace', { email: 'grace@idp.example.test', email_verified: true, preferred_username: 'grace', name: 'Grace Hopper' });
    await page.goto(`${server.url}/login`);
    await page.getByRole('button', { name: 'Sign in with Example ID' }).click();
    // the provider's development login page
    await expect(page).toHaveURL(new RegExp(`^${provider.issuer}/interaction/`));
    await page.locator('input[name="login"]').fill('grace');
    await page.locator('input[name="password"]').fill('anything');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page).toHaveURL(`${server.url}/`);
    await expect(page.getByTestId('current-user')).toHaveText('Grace Hopper');

    // the first account administers this server: Admin → Security shows the policy and the single sign-on status
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${server.url}/admin/security`);
    await expect(page.getByTestId('sso-status')).toContainText('Example ID');
    await page.getByTestId('policy-admins').check();
    await page.getByTestId('save-policy').click();
    await expect(page.getByTestId('admin-security-done')).toHaveText('Saved.');
    // an SSO session is not sent to enrol: the provider is the factor
    await page.goto(`${server.url}/`);
    await expect(page).toHaveURL(`${server.url}/`);
    expect(errors).toEqual([]);
  });

  test('an SSO account confirms its deletion by signing in again at the provider, then deletes by keyboard', async ({ page }) => {
    // someone else administers the server (the last administrator could not leave)
    await makePerson(server, 'Admin Ada');
    provider.accounts.set('lin', { email: 'lin@idp.example.test', email_verified: true, preferred_username: 'lin', name: 'Lin Leaving' });
    const consent = page.getByRole('button', { name: 'Continue' });
    const atProvider = async (login = 'lin') => {
      await expect(page).toHaveURL(new RegExp(`^${provider.issuer}/interaction/`));
      await page.locator('input[name="login"]').fill(login);
      await page.locator('input[name="password"]').fill('anything');
      await page.getByRole('button', { name: 'Sign-in' }).click();
    };
    await page.goto(`${server.url}/login`);
    await page.getByRole('button', { name: 'Sign in with Example ID' }).click();
    await atProvider();
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByTestId('current-user')).toHaveText('Lin Leaving');
    const lin = await server.services.db.user.findUniqueOrThrow({ where: { email: 'lin@idp.example.test' } });
    const trip = await server.services.db.trip.create({ data: { ownerId: lin.id, title: 'Lin’s solo trip' } });

    await page.goto(`${server.url}/settings`);
    await hydrated(page);
    const section = page.getByTestId('delete-account');
    await expect(section.getByTestId('delete-step-up-status')).toContainText('You sign in with Example ID');
    await expect(section.getByLabel('Your password')).toHaveCount(0);
    const confirmAtProvider = section.getByRole('button', { name: 'Confirm with Example ID' });
    await expect(confirmAtProvider).toBeDisabled();
    const tripChoice = section.getByLabel('Lin’s solo trip');
    await tripChoice.selectOption({ label: 'Delete the trip' });
    await confirmAtProvider.click();

    // signing in there as somebody else confirms nothing, and says so; the trip's choice is kept
    await atProvider('grace');
    const refusal = section.getByTestId('delete-step-up-error');
    await expect(consent.or(refusal)).toBeVisible();
    if (await consent.isVisible()) await consent.click();
    await expect(refusal).toContainText('different account from the one linked');
    await expect(page).toHaveURL(`${server.url}/settings`);
    await hydrated(page);
    await expect(tripChoice).toHaveValue('delete');
    await confirmAtProvider.click();

    // the provider asks for the password again although its session is fresh (prompt=login)
    await atProvider();
    const dialog = page.getByRole('alertdialog', { name: 'Delete your account?' });
    await expect(consent.or(dialog)).toBeVisible();
    if (await consent.isVisible()) await consent.click();

    // back in Settings, with the trip's choice kept, the last dialog is open; confirm by keyboard
    await expect(page).toHaveURL(`${server.url}/settings`);
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(dialog.getByRole('button', { name: 'Delete account for good' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/login/, { timeout: 15_000 });
    expect(await server.services.db.user.count({ where: { id: lin.id } })).toBe(0);
    expect(await server.services.db.trip.count({ where: { id: trip.id } })).toBe(0);
  });
});

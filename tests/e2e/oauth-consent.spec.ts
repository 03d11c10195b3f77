// An interactive MCP client connecting for the first time: the SDK's auth() discovers Waymark's authorization
// server, registers itself and starts PKCE; a real browser logs in and approves (unticking one scope) on the consent
// page; the client exchanges the code and calls a tool. This spec starts its own server so it can create its user.
import { test, expect, type Page } from '@playwright/test';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { auth, type OAuthClientProvider } from '@modelcontextprotocol/sdk/client/auth.js';
import type { OAuthClientInformationMixed, OAuthClientMetadata, OAuthTokens } from '@modelcontextprotocol/sdk/shared/auth.js';
import { startOwnServer, type RunningServer } from './own-server';
import { createUser } from '../../app/auth/users.server.ts';
import { createSession, SESSION_COOKIE } from '../../app/auth/session.server.ts';

const CALLBACK = 'http://127.0.0.1:53682/callback';
const PASSWORD = 'correct horse battery';
let server: RunningServer;

test.beforeAll(async () => {
  server = await startOwnServer();
  await server.services.addons.set('mcp', true);
});
test.afterAll(async () => {
  await server?.close();
});

class BrowserFlowProvider implements OAuthClientProvider {
  info?: OAuthClientInformationMixed;
  saved?: OAuthTokens;
  verifier?: string;
  authorizationUrl?: URL;
  get redirectUrl() {
    return CALLBACK;
  }
  get clientMetadata(): OAuthClientMetadata {
    return { client_name: 'Playwright MCP client', redirect_uris: [CALLBACK], token_endpoint_auth_method: 'none', grant_types: ['authorization_code', 'refresh_token'], response_types: ['code'] };
  }
  clientInformation() {
    return this.info;
  }
  saveClientInformation(info: OAuthClientInformationMixed) {
    this.info = info;
  }
  tokens() {
    return this.saved;
  }
  saveTokens(tokens: OAuthTokens) {
    this.saved = tokens;
  }
  redirectToAuthorization(url: URL) {
    this.authorizationUrl = url;
  }
  saveCodeVerifier(v: string) {
    this.verifier = v;
  }
  codeVerifier() {
    return this.verifier!;
  }
}

/** Logs in on the login page Waymark redirected to (or, if that page is not there, with a fresh session cookie). */
async function logIn(page: Page, email: string, userId: number) {
  await expect(page).toHaveURL(/\/login\?redirectTo=/);
  const password = page.locator('input[type="password"]');
  if ((await password.count()) > 0) {
    await page.locator('input[type="email"], input[name="email"]').first().fill(email);
    await password.first().fill(PASSWORD);
    await password.first().press('Enter');
  } else {
    const redirectTo = new URL(page.url()).searchParams.get('redirectTo')!;
    const { token } = await createSession(server.services.db, userId);
    await page.context().addCookies([{ name: SESSION_COOKIE, value: token, url: server.url, httpOnly: true, sameSite: 'Lax' }]);
    await page.goto(`${server.url}${redirectTo}`);
  }
}

test('auth() + browser consent: the client gets only the approved scopes and can call a tool', async ({ page }) => {
  const email = `oauth-${Math.random().toString(36).slice(2, 8)}@example.test`;
  const user = await createUser(server.services.db, { email, password: PASSWORD, displayName: 'Ana Costa' });
  const provider = new BrowserFlowProvider();
  expect(await auth(provider, { serverUrl: `${server.url}/mcp`, scope: 'trips:read trips:write places:write' })).toBe('REDIRECT');
  const authorizationUrl = provider.authorizationUrl!;
  expect(authorizationUrl.searchParams.get('code_challenge_method')).toBe('S256');

  // The redirect target is the client's own loopback listener; the browser only needs to reach it.
  let callback: URL | undefined;
  await page.route(`${CALLBACK}**`, async (route) => {
    callback = new URL(route.request().url());
    await route.fulfill({ status: 200, contentType: 'text/html', body: '<p>You can close this window.</p>' });
  });

  await page.goto(authorizationUrl.toString());
  await logIn(page, email, user.id);

  await expect(page.getByRole('heading', { name: /Playwright MCP client/ })).toBeVisible();
  await expect(page.getByTestId('redirect-host')).toContainText('127.0.0.1:53682');
  await expect(page.getByText('Trips', { exact: true })).toBeVisible();
  await expect(page.getByText('The places in your trips', { exact: false })).toBeVisible();
  // Untick places:write; keep the trip scopes.
  const places = page.locator('#consent-places-write');
  await expect(places).toBeChecked();
  await places.uncheck();
  await page.getByRole('button', { name: 'Allow' }).click();

  await expect.poll(() => callback?.searchParams.get('code') ?? null).toMatch(/^wmac_/);
  expect(callback!.searchParams.get('state')).toBe(authorizationUrl.searchParams.get('state'));

  expect(await auth(provider, { serverUrl: `${server.url}/mcp`, authorizationCode: callback!.searchParams.get('code')! })).toBe('AUTHORIZED');
  expect(provider.saved?.scope).toBe('trips:read trips:write');

  const client = new Client({ name: 'playwright', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(`${server.url}/mcp`), { authProvider: provider }));
  const tools = (await client.listTools()).tools.map((t) => t.name);
  expect(tools).toContain('create_trip');
  expect(tools).not.toContain('create_place');
  const result = (await client.callTool({ name: 'create_trip', arguments: { title: 'Porto by consent' } })) as { isError?: boolean };
  expect(result.isError).toBeFalsy();
  expect(await server.services.db.trip.count({ where: { ownerId: user.id, title: 'Porto by consent' } })).toBe(1);
  await client.close();

  // Asking again for the same scopes goes straight back without a consent page.
  const again = new BrowserFlowProvider();
  again.info = provider.info;
  expect(await auth(again, { serverUrl: `${server.url}/mcp`, scope: 'trips:read trips:write' })).toBe('REDIRECT');
  // (With the browser's cookies, not followed: the loopback listener does not exist here.)
  const straightBack = await page.request.get(again.authorizationUrl!.toString(), { maxRedirects: 0 });
  expect(straightBack.status()).toBe(302);
  expect(new URL(straightBack.headers()['location']).searchParams.get('code')).toMatch(/^wmac_/);

  // Settings → Integrations lists the app; revoking asks first (Cancel focused, Escape returns focus), then removes it.
  await page.goto(`${server.url}/settings/integrations`);
  const revoke = page.getByRole('button', { name: 'Revoke access' });
  await revoke.click();
  await expect(page.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Revoke access' })).toBeFocused();
  await page.getByRole('button', { name: 'Revoke access' }).click();
  await page.getByRole('button', { name: 'Yes, continue' }).click();
  await expect(page.getByRole('button', { name: 'Revoke access' })).toHaveCount(0);
  await page.reload();
  await expect(page.locator('#mcp-heading')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Revoke access' })).toHaveCount(0);
});

test('Deny sends the browser back with access_denied', async ({ page }) => {
  const email = `deny-${Math.random().toString(36).slice(2, 8)}@example.test`;
  const user = await createUser(server.services.db, { email, password: PASSWORD, displayName: 'Ben Ito' });
  const provider = new BrowserFlowProvider();
  await auth(provider, { serverUrl: `${server.url}/mcp`, scope: 'trips:read' });
  let callback: URL | undefined;
  await page.route(`${CALLBACK}**`, async (route) => {
    callback = new URL(route.request().url());
    await route.fulfill({ status: 200, contentType: 'text/html', body: 'closed' });
  });
  await page.goto(provider.authorizationUrl!.toString());
  await logIn(page, email, user.id);
  await page.getByRole('button', { name: 'Deny' }).click();
  await expect.poll(() => callback?.searchParams.get('error') ?? null).toBe('access_denied');
  expect(await server.services.db.oAuthCode.count({ where: { userId: user.id } })).toBe(0);
});

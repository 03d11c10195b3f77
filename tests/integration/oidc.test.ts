// Single sign-on against a real OpenID Connect provider (oidc-provider, in this process on a random port), over real
// HTTP: the button, authorization code + PKCE + state + nonce, accounts created, linked by a verified e-mail or refused,
// later sign-ins by subject, Waymark's own two-factor skipped, errors back on the login page, and "SSO only".
import * as OTPAuth from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server';
import { makeUser } from '../helpers/users';
import { SESSION_COOKIE } from '~/auth/session.server';
import { hashSecret } from '~/auth/tokens.server';
import { signInAtProvider, startTestProvider, type TestProvider } from './oidc-provider.helpers';

let provider: TestProvider;
let server: TestServer; // auto-create on
let ssoOnly: TestServer; // OIDC_SSO_ONLY, OIDC_AUTO_CREATE off
let down: TestServer; // the issuer does not answer

beforeAll(async () => {
  provider = await startTestProvider();
  const oidc = { OIDC_ISSUER: provider.issuer, OIDC_CLIENT_ID: provider.clientId, OIDC_CLIENT_SECRET: provider.clientSecret, OUTBOUND_ALLOW_PRIVATE: 'true' };
  [server, ssoOnly, down] = await Promise.all([
    startTestServer({ ...oidc, OIDC_BUTTON_LABEL: 'Test IdP' }),
    startTestServer({ ...oidc, OIDC_SSO_ONLY: 'true', OIDC_AUTO_CREATE: 'false' }),
    startTestServer({ ...oidc, OIDC_ISSUER: 'http://127.0.0.1:9/' }),
  ]);
  provider.start([server, ssoOnly].map((s) => `${s.url}/auth/oidc/callback`));
}, 120_000);
afterAll(async () => {
  await Promise.all([server?.close(), ssoOnly?.close(), down?.close()]);
  await provider?.close();
});

let n = 0;
const unique = (name: string) => `${name}-${process.pid}-${++n}`;

/** Presses "Sign in with …" on `target`; returns the provider's URL and the state cookie. */
async function start(target: TestServer, redirectTo = '/') {
  const response = await fetch(`${target.url}/auth/oidc/start`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: target.url },
    body: new URLSearchParams({ redirectTo }),
  });
  expect(response.status).toBe(302);
  const stateCookie = response.headers.getSetCookie().find((c) => c.startsWith('waymark_oidc='))?.split(';')[0] ?? '';
  return { location: response.headers.get('Location')!, stateCookie };
}

/** The whole round trip: Waymark → provider's login and consent pages → Waymark's callback. */
async function signIn(target: TestServer, login: string, options: { redirectTo?: string; deny?: boolean } = {}) {
  const { location, stateCookie } = await start(target, options.redirectTo);
  const callback = await signInAtProvider(location, login, { deny: options.deny });
  const response = await fetch(callback, { redirect: 'manual', headers: { Cookie: stateCookie } });
  const session = response.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`))?.split(';')[0].split('=')[1];
  return { response, location: response.headers.get('Location'), session, callback };
}

describe('single sign-on', () => {
  it('the login page offers "Sign in with <label>"; the request to the provider carries PKCE (S256), state and nonce', async () => {
    const page = await (await fetch(`${server.url}/login`)).text();
    expect(page).toContain('Sign in with Test IdP');
    const { location, stateCookie } = await start(server);
    const url = new URL(location);
    expect(url.origin).toBe(provider.issuer);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('code_challenge')).toBeTruthy();
    expect(url.searchParams.get('nonce')).toBeTruthy();
    const state = url.searchParams.get('state')!;
    expect(stateCookie).toBe(`waymark_oidc=${state}`);
    // the verifier and nonce stay on the server, under the state's hash
    const row = await server.services.db.oidcLoginState.findUnique({ where: { id: hashSecret(state) } });
    expect(row?.nonce).toBe(url.searchParams.get('nonce'));
    expect(location).not.toContain(row!.codeVerifier);
  });

  it('a first sign-in creates the account (username from preferred_username) and an SSO session; later ones match by subject even after an e-mail change', async () => {
    const sub = unique('alice');
    provider.accounts.set(sub, { email: `${sub}@idp.test`, email_verified: true, preferred_username: sub, name: 'Alice Idp' });
    const first = await signIn(server, sub, { redirectTo: '/trips?x=1' });
    expect(first.location).toBe('/trips?x=1');
    expect(first.session).toBeTruthy();
    const user = await server.services.db.user.findUniqueOrThrow({ where: { email: `${sub}@idp.test` } });
    expect(user.username).toBe(sub);
    expect(user.displayName).toBe('Alice Idp');
    const session = await server.services.db.session.findUniqueOrThrow({ where: { id: hashSecret(first.session!) } });
    expect(session.signInMethod).toBe('sso');
    expect(session.userId).toBe(user.id);
    const home = await fetch(`${server.url}/`, { redirect: 'manual', headers: { Cookie: `${SESSION_COOKIE}=${first.session}` } });
    expect(home.status).toBe(200);

    provider.accounts.set(sub, { email: `${sub}-new@idp.test`, email_verified: true });
    const later = await signIn(server, sub);
    const laterSession = await server.services.db.session.findUniqueOrThrow({ where: { id: hashSecret(later.session!) } });
    expect(laterSession.userId).toBe(user.id);
    expect(await server.services.db.user.count({ where: { email: `${sub}-new@idp.test` } })).toBe(0);
    expect((await server.services.db.oidcLink.findFirstOrThrow({ where: { userId: user.id } })).email).toBe(`${sub}-new@idp.test`);
  });

  it('links an existing account only by a verified e-mail; Waymark’s own two-factor step is skipped for SSO', async () => {
    const { user, cookie } = await makeUser(server);
    // this user has two-factor on
    await fetch(`${server.url}/settings/security`, { method: 'POST', redirect: 'manual', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: server.url, Cookie: cookie }, body: new URLSearchParams({ intent: 'start' }) });
    const page = await (await fetch(`${server.url}/settings/security`, { headers: { Cookie: cookie } })).text();
    const secret = /data-testid="totp-secret"[^>]*>([A-Z2-7]+)</.exec(page)![1];
    const code = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) }).generate();
    await fetch(`${server.url}/settings/security`, { method: 'POST', redirect: 'manual', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: server.url, Cookie: cookie }, body: new URLSearchParams({ intent: 'confirm', code }) });
    expect(await server.services.db.twoFactor.count({ where: { userId: user.id, enabledAt: { not: null } } })).toBe(1);

    const unverified = unique('mallory');
    provider.accounts.set(unverified, { email: user.email, email_verified: false });
    const refused = await signIn(server, unverified);
    expect(refused.location).toBe('/login?sso_error=emailUnverified');
    expect(refused.session).toBeUndefined();
    expect(await server.services.db.oidcLink.count({ where: { userId: user.id } })).toBe(0);
    const shown = await (await fetch(`${server.url}${refused.location}`)).text();
    expect(shown).toContain('has not verified the e-mail');

    const verified = unique('owner');
    provider.accounts.set(verified, { email: user.email.toUpperCase(), email_verified: true });
    const linked = await signIn(server, verified);
    expect(linked.location).toBe('/');
    const session = await server.services.db.session.findUniqueOrThrow({ where: { id: hashSecret(linked.session!) } });
    expect(session.userId).toBe(user.id);
    expect(await server.services.db.oidcLink.count({ where: { userId: user.id } })).toBe(1);
  });

  it('a refused consent, a replayed callback and a callback without this browser’s state cookie land on the login page with a message', async () => {
    const sub = unique('carol');
    provider.accounts.set(sub, { email: `${sub}@idp.test`, email_verified: true });
    const denied = await signIn(server, sub, { deny: true });
    expect(denied.location).toBe('/login?sso_error=denied');
    expect(denied.session).toBeUndefined();

    const ok = await signIn(server, sub);
    expect(ok.session).toBeTruthy();
    const replay = await fetch(ok.callback, { redirect: 'manual' });
    expect(replay.headers.get('Location')).toBe('/login?sso_error=stateMismatch');

    // a callback planted from elsewhere: right state in the URL, but not this browser's cookie
    const { location } = await start(server);
    const planted = await signInAtProvider(location, sub);
    const foreign = await fetch(planted, { redirect: 'manual', headers: { Cookie: 'waymark_oidc=somebody-elses' } });
    expect(foreign.headers.get('Location')).toBe('/login?sso_error=stateMismatch');
    const page = await fetch(`${server.url}/login?sso_error=stateMismatch`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('no longer valid');
    // an unknown error key shows nothing (no message from the URL is echoed)
    expect(await (await fetch(`${server.url}/login?sso_error=%3Cscript%3E`)).text()).not.toContain('sso-error');
  });

  it('a provider that does not answer sends back to the login page with "cannot be reached", never a 500', async () => {
    const response = await fetch(`${down.url}/auth/oidc/start`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: down.url },
      body: new URLSearchParams({ redirectTo: '/' }),
    });
    expect(response.status).toBe(302);
    expect(response.headers.get('Location')).toBe('/login?sso_error=unavailable');
    expect(await (await fetch(`${down.url}/login?sso_error=unavailable`)).text()).toContain('cannot be reached right now');
  });
});

describe('SSO only, without automatic accounts', () => {
  it('no password form, password POSTs and registration refused; an unknown identity is not given an account', async () => {
    const page = await (await fetch(`${ssoOnly.url}/login`)).text();
    expect(page).toContain('signs in through single sign-on only');
    expect(page).not.toContain('name="password"');
    const { user } = await makeUser(ssoOnly);
    const password = await fetch(`${ssoOnly.url}/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: ssoOnly.url },
      body: new URLSearchParams({ email: user.email, password: 'correct horse battery' }),
    });
    expect(password.status).toBe(403);
    expect(password.headers.getSetCookie().some((c) => c.startsWith(`${SESSION_COOKIE}=`))).toBe(false);
    expect((await fetch(`${ssoOnly.url}/register`, { redirect: 'manual' })).headers.get('Location')).toBe('/login');

    const stranger = unique('dave');
    provider.accounts.set(stranger, { email: `${stranger}@idp.test`, email_verified: true });
    const refused = await signIn(ssoOnly, stranger);
    expect(refused.location).toBe('/login?sso_error=notLinked');
    expect(await ssoOnly.services.db.user.count({ where: { email: `${stranger}@idp.test` } })).toBe(0);

    // an existing account with the verified e-mail is linked and signs in
    const owner = unique('erin');
    provider.accounts.set(owner, { email: user.email, email_verified: true });
    expect((await signIn(ssoOnly, owner)).session).toBeTruthy();
  });
});

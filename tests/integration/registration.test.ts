// Who may sign up, through the real registration form: the administrator's setting (open, invite-only, closed), the
// invitation links (single use, expiry, revocation, a race for the last use), and the first account that is always
// allowed. Also the session cookie's `__Host-` name when APP_URL is https.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server';
import { SESSION_COOKIE } from '~/auth/session.server';
import { createInvite, setRegistrationMode, type RegistrationMode } from '~/auth/registration.server';

let server: TestServer;
beforeAll(async () => {
  // Many sign-ups from one address in a minute: the per-address registration throttle is not what is tested here.
  server = await startTestServer({ REGISTER_RATE_LIMIT: '1000' });
});
afterAll(() => server?.close());

const PASSWORD = 'correct horse battery';
let n = 0;
const email = () => `reg-${++n}@example.test`;

function register(fields: Record<string, string> = {}, cookie?: string) {
  return fetch(`${server.url}/register`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: server.url, ...(cookie ? { Cookie: cookie } : {}) },
    body: new URLSearchParams({ email: email(), displayName: 'New person', password: PASSWORD, ...fields }),
  });
}

/** Opens an invitation link the way a browser does; returns the cookie it hands on and where it sends the visitor. */
async function openInvite(url: string) {
  const res = await fetch(url.replace(/^https?:\/\/[^/]+/, server.url), { redirect: 'manual' });
  const setCookie = res.headers.getSetCookie().find((c) => c.startsWith('wm_invite='))!;
  return { status: res.status, location: res.headers.get('Location'), setCookie, cookie: setCookie.split(';')[0] };
}

const userCount = () => server.services.db.user.count();
const setMode = (mode: RegistrationMode) => setRegistrationMode(server.services.db, mode);
async function newInvite(options: { maxUses?: number; expiresInDays?: number } = {}) {
  const { token, invite } = await createInvite(server.services.db, { createdById: 1, expiresInDays: options.expiresInDays ?? 7, maxUses: options.maxUses ?? 1, note: '' });
  return { invite, url: `${server.url}/invite/${token}` };
}

describe('registration setting', () => {
  it('the first account is created even when registration is closed, and administers the installation', async () => {
    await setMode('closed');
    expect(await userCount()).toBe(0);
    const res = await register({ email: 'first@example.test' });
    expect(res.status).toBe(302);
    expect((await server.services.db.user.findUnique({ where: { email: 'first@example.test' } }))?.isAdmin).toBe(true);
  });

  it('closed: the form is replaced by an explanation, and a POST creates nobody', async () => {
    await setMode('closed');
    const page = await (await fetch(`${server.url}/register`)).text();
    expect(page).toContain('Registration is closed on this server');
    expect(page).not.toContain('name="password"');
    const before = await userCount();
    const res = await register();
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('Registration is closed on this server');
    expect(await userCount()).toBe(before);
    // The login page stops offering "Create an account".
    expect(await (await fetch(`${server.url}/login`)).text()).not.toContain('href="/register"');
  });

  it('open (the default): anyone signs up', async () => {
    await setMode('open');
    const before = await userCount();
    expect((await register()).status).toBe(302);
    expect(await userCount()).toBe(before + 1);
    expect(await (await fetch(`${server.url}/login`)).text()).toContain('href="/register"');
  });

  it('invite only: refused without an invitation, in the visitor\'s language', async () => {
    await setMode('invite');
    const page = await (await fetch(`${server.url}/register`, { headers: { 'Accept-Language': 'de' } })).text();
    expect(page).toContain('Für die Registrierung auf diesem Server brauchst du eine Einladung');
    const before = await userCount();
    expect((await register()).status).toBe(403);
    expect(await userCount()).toBe(before);
  });

  it('invite only: the link moves its token into a cookie for /register, then signs up once and only once', async () => {
    await setMode('invite');
    const { invite, url } = await newInvite();
    const opened = await openInvite(url);
    expect(opened.status).toBe(302);
    expect(opened.location).toBe('/register'); // the token leaves the address bar
    expect(opened.setCookie).toMatch(/HttpOnly/);
    expect(opened.setCookie).toMatch(/Max-Age=3600/);

    const page = await (await fetch(`${server.url}/register`, { headers: { Cookie: opened.cookie } })).text();
    expect(page).toContain('You have been invited');
    expect(page).toContain('name="password"');

    const res = await register({}, opened.cookie);
    expect(res.status).toBe(302);
    expect(res.headers.getSetCookie().some((c) => c.startsWith('wm_invite=;') && c.includes('Max-Age=0'))).toBe(true);
    expect((await server.services.db.invite.findUnique({ where: { id: invite.id } }))?.uses).toBe(1);

    // Used up: the same link now explains itself, and signs nobody up.
    const before = await userCount();
    const again = await register({}, opened.cookie);
    expect(again.status).toBe(403);
    expect(await again.text()).toContain('This invitation link is no longer valid');
    expect(await userCount()).toBe(before);
  });

  it('invite only: an expired, a revoked and a made-up invitation are refused', async () => {
    await setMode('invite');
    const expired = await newInvite();
    await server.services.db.invite.update({ where: { id: expired.invite.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const revoked = await newInvite();
    await server.services.db.invite.delete({ where: { id: revoked.invite.id } });
    const before = await userCount();
    for (const url of [expired.url, revoked.url, `${server.url}/invite/wmi_madeup`]) {
      expect((await register({}, (await openInvite(url)).cookie)).status).toBe(403);
    }
    expect(await userCount()).toBe(before);
  });

  it('invite only: a registration that fails (e-mail taken) does not use up the invitation', async () => {
    await setMode('invite');
    const { invite, url } = await newInvite();
    const { cookie } = await openInvite(url);
    const res = await register({ email: 'first@example.test' }, cookie);
    expect(res.status).toBe(400);
    expect((await server.services.db.invite.findUnique({ where: { id: invite.id } }))?.uses).toBe(0);
    expect((await register({}, cookie)).status).toBe(302);
  });

  it('invite only: five people racing for a two-use invitation — exactly two accounts', async () => {
    await setMode('invite');
    const { invite, url } = await newInvite({ maxUses: 2 });
    const { cookie } = await openInvite(url);
    const before = await userCount();
    const results = await Promise.all(Array.from({ length: 5 }, () => register({}, cookie)));
    expect(results.map((r) => r.status).sort()).toEqual([302, 302, 403, 403, 403]);
    expect(await userCount()).toBe(before + 2);
    expect((await server.services.db.invite.findUnique({ where: { id: invite.id } }))?.uses).toBe(2);
  });

  it('the command line still creates accounts while registration is closed', async () => {
    await setMode('closed');
    const { createUser } = await import('~/auth/users.server');
    const user = await createUser(server.services.db, { email: email(), password: PASSWORD });
    expect(user.id).toBeGreaterThan(0);
    await setMode('open');
  });
});

describe('session cookie name', () => {
  it('is __Host-prefixed (Secure, Path=/, no Domain) when APP_URL is https, and the prefixed cookie signs in', async () => {
    const https = await startTestServer({ APP_URL: 'https://waymark.test' }, undefined);
    try {
      const res = await fetch(`${https.url}/register`, {
        method: 'POST',
        redirect: 'manual',
        // As the TLS proxy in front forwards it: the public host name.
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'https://waymark.test', 'X-Forwarded-Host': 'waymark.test' },
        body: new URLSearchParams({ email: email(), displayName: 'Hosted', password: PASSWORD }),
      });
      expect(res.status).toBe(302);
      const cookie = res.headers.getSetCookie().find((c) => c.startsWith(`__Host-${SESSION_COOKIE}=`))!;
      expect(cookie).toMatch(/; Secure/);
      expect(cookie).toMatch(/; Path=\/(;|$)/);
      expect(cookie).not.toMatch(/Domain=/i);
      const signedIn = await fetch(`${https.url}/settings`, { headers: { Cookie: cookie.split(';')[0] }, redirect: 'manual' });
      expect(signedIn.status).toBe(200);
      // The unprefixed name (which a sibling subdomain could plant) is not a session on https.
      const planted = await fetch(`${https.url}/settings`, { headers: { Cookie: cookie.split(';')[0].replace('__Host-', '') }, redirect: 'manual' });
      expect(planted.status).toBe(302);
    } finally {
      await https.close();
    }
  });
});

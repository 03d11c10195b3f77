// Register, log in and log out through the real HTML forms (plain POSTs, as a browser without JavaScript sends them):
// session cookie attributes, the first user becoming admin, the login throttle and cross-site protection.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server';
import { makeUser } from '../helpers/users';
import { SESSION_COOKIE } from '~/auth/session.server';
import { hashSecret } from '~/auth/tokens.server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

let n = 0;
const uniqueEmail = () => `auth-${Date.now()}-${++n}@example.test`;

function post(path: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
  return fetch(`${server.url}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: server.url, ...headers },
    body: new URLSearchParams(fields),
  });
}

function sessionToken(response: Response) {
  const header = response.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  return header?.split(';')[0].split('=')[1];
}

const PASSWORD = 'correct horse battery';

describe('registration', () => {
  it('the first account becomes admin, the next ones do not; both land on "/" signed in', async () => {
    const first = await post('/register', { email: uniqueEmail(), displayName: 'Ada', password: PASSWORD });
    expect(first.status).toBe(302);
    expect(first.headers.get('Location')).toBe('/');
    const firstToken = sessionToken(first)!;
    const firstSession = await server.services.db.session.findUnique({ where: { id: hashSecret(firstToken) }, include: { user: true } });
    expect(firstSession?.user.isAdmin).toBe(true);
    expect(firstSession?.user.displayName).toBe('Ada');

    const second = await post('/register', { email: uniqueEmail(), displayName: 'Ben', password: PASSWORD, username: 'ben_t' });
    expect(second.status).toBe(302);
    const secondSession = await server.services.db.session.findUnique({ where: { id: hashSecret(sessionToken(second)!) }, include: { user: true } });
    expect(secondSession?.user.isAdmin).toBe(false);
    expect(secondSession?.user.username).toBe('ben_t');
  });

  it('sets an HttpOnly, SameSite=Lax session cookie valid for 30 days, and stores only its hash', async () => {
    const response = await post('/register', { email: uniqueEmail(), displayName: 'Cleo', password: PASSWORD });
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`))!;
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Lax/);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).not.toMatch(/; Secure/); // APP_URL is http here
    const expires = new Date(/Expires=([^;]+)/.exec(cookie)![1]).getTime();
    expect(Math.round((expires - Date.now()) / 86_400_000)).toBe(30);
    const token = sessionToken(response)!;
    expect(await server.services.db.session.findUnique({ where: { id: token } })).toBeNull();
    expect(await server.services.db.session.findUnique({ where: { id: hashSecret(token) } })).not.toBeNull();
  });

  it('rejects a short password and a taken e-mail with a message on the page, creating nothing', async () => {
    const email = uniqueEmail();
    const before = await server.services.db.user.count();
    const short = await post('/register', { email, displayName: 'Dora', password: 'short' });
    expect(short.status).toBe(400);
    expect(await short.text()).toContain('The password needs at least 8 characters.');
    expect(await server.services.db.user.count()).toBe(before);

    await post('/register', { email, displayName: 'Dora', password: PASSWORD });
    const taken = await post('/register', { email: email.toUpperCase(), displayName: 'Dora again', password: PASSWORD });
    expect(taken.status).toBe(400);
    expect(await taken.text()).toContain('An account with this e-mail exists already.');
  });
});

describe('login and logout', () => {
  it('logs in with the right password and goes to a same-site redirectTo, never to another site', async () => {
    const { user } = await makeUser(server);
    const ok = await post('/login', { email: user.email, password: PASSWORD, redirectTo: '/settings' });
    expect(ok.status).toBe(302);
    expect(ok.headers.get('Location')).toBe('/settings');
    expect(sessionToken(ok)).toBeTruthy();

    for (const evil of ['//evil.example/x', 'https://evil.example/', '/\\evil.example']) {
      const response = await post('/login', { email: user.email, password: PASSWORD, redirectTo: evil });
      expect(response.headers.get('Location')).toBe('/');
    }
  });

  it('a wrong password shows an error and sets no cookie', async () => {
    const { user } = await makeUser(server);
    const response = await post('/login', { email: user.email, password: 'wrong password' });
    expect(response.status).toBe(400);
    expect(sessionToken(response)).toBeUndefined();
    expect(await response.text()).toContain('E-mail or password is not correct.');
  });

  it('the error is in the browser language (Accept-Language: de)', async () => {
    const { user } = await makeUser(server);
    const response = await post('/login', { email: user.email, password: 'wrong password' }, { 'Accept-Language': 'de-DE,de;q=0.9' });
    expect(await response.text()).toContain('E-Mail-Adresse oder Passwort ist falsch.');
  });

  it('after five failures the account is locked for that address, even for the right password', async () => {
    const { user } = await makeUser(server);
    for (let i = 1; i <= 4; i++) {
      expect((await post('/login', { email: user.email, password: `wrong ${i}` })).status).toBe(400);
    }
    const fifth = await post('/login', { email: user.email, password: 'wrong 5' });
    expect(fifth.status).toBe(429);
    expect(await fifth.text()).toMatch(/Try again in \d+ seconds/);
    const right = await post('/login', { email: user.email, password: PASSWORD });
    expect(right.status).toBe(429);
    expect(sessionToken(right)).toBeUndefined();
    const row = await server.services.db.loginThrottle.findFirst({ where: { key: { startsWith: `${user.email}|` } } });
    expect(row?.lockedUntil?.getTime()).toBeGreaterThan(Date.now());
  });

  it('a successful login resets the failure count', async () => {
    const { user } = await makeUser(server);
    for (let i = 0; i < 4; i++) await post('/login', { email: user.email, password: 'wrong' });
    expect((await post('/login', { email: user.email, password: PASSWORD })).status).toBe(302);
    for (let i = 0; i < 4; i++) expect((await post('/login', { email: user.email, password: 'wrong' })).status).toBe(400);
  });

  it('logout deletes the session from the database and clears the cookie', async () => {
    const { user, cookie } = await makeUser(server);
    const token = cookie.split('=')[1];
    const response = await post('/logout', {}, { Cookie: cookie });
    expect(response.status).toBe(302);
    expect(response.headers.get('Location')).toBe('/login');
    expect(response.headers.getSetCookie().some((c) => c.startsWith(`${SESSION_COOKIE}=;`) && c.includes('Max-Age=0'))).toBe(true);
    expect(await server.services.db.session.findUnique({ where: { id: hashSecret(token) } })).toBeNull();
    expect(await server.services.db.session.count({ where: { userId: user.id } })).toBe(0);
    const settings = await fetch(`${server.url}/settings`, { headers: { Cookie: cookie }, redirect: 'manual' });
    expect(settings.status).toBe(302);
    expect(settings.headers.get('Location')).toBe('/login?redirectTo=%2Fsettings');
  });

  it('GET /logout does not log out', async () => {
    const { user, cookie } = await makeUser(server);
    const response = await fetch(`${server.url}/logout`, { headers: { Cookie: cookie }, redirect: 'manual' });
    expect(response.status).toBe(405);
    expect(await server.services.db.session.count({ where: { userId: user.id } })).toBe(1);
  });

  it('refuses cross-site form posts to login, register and logout', async () => {
    const { user, cookie } = await makeUser(server);
    // A foreign Origin (refused in front of Remix) and a browser that only sends Sec-Fetch-Site (the routes' own check).
    for (const cross of [{ Origin: 'https://evil.example' }, { Origin: '', 'Sec-Fetch-Site': 'cross-site' }]) {
      const headers = Object.fromEntries(Object.entries(cross).filter(([, v]) => v)) as Record<string, string>;
      const send = (path: string, fields: Record<string, string>, extra: Record<string, string> = {}) =>
        fetch(`${server.url}${path}`, {
          method: 'POST',
          redirect: 'manual',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers, ...extra },
          body: new URLSearchParams(fields),
        });
      const login = await send('/login', { email: user.email, password: PASSWORD });
      expect(login.status).toBe(403);
      expect(sessionToken(login)).toBeUndefined();
      const usersBefore = await server.services.db.user.count();
      expect((await send('/register', { email: uniqueEmail(), displayName: 'X', password: PASSWORD })).status).toBe(403);
      expect(await server.services.db.user.count()).toBe(usersBefore);
      expect((await send('/logout', {}, { Cookie: cookie })).status).toBe(403);
      expect(await server.services.db.session.count({ where: { userId: user.id } })).toBe(1);
    }
  });

  it('a signed-in user visiting /login or /register is sent on', async () => {
    const { cookie } = await makeUser(server);
    const login = await fetch(`${server.url}/login?redirectTo=%2Fsettings`, { headers: { Cookie: cookie }, redirect: 'manual' });
    expect(login.status).toBe(302);
    expect(login.headers.get('Location')).toBe('/settings');
    const register = await fetch(`${server.url}/register`, { headers: { Cookie: cookie }, redirect: 'manual' });
    expect(register.headers.get('Location')).toBe('/');
  });

  it('the login page has labelled e-mail and password inputs with autocomplete hints', async () => {
    const html = await (await fetch(`${server.url}/login`)).text();
    expect(html).toMatch(/<input[^>]*type="email"[^>]*autoComplete="email"|<input[^>]*autocomplete="email"[^>]*type="email"|type="email"[^>]*autocomplete="email"/i);
    expect(html).toMatch(/autocomplete="current-password"/i);
    expect(html).toContain('<label for="field-email"');
  });
});

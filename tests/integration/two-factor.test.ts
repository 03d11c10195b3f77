// Two-factor sign-in over real HTTP (the HTML forms, as a browser without JavaScript posts them): enrolment with a
// code computed here with otpauth, the second login step with a TOTP code (each used once) or a backup code (each
// used once), the login throttle counting wrong codes, the administrator's policy and reset, the sealed secret.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as OTPAuth from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server';
import { makeUser } from '../helpers/users';
import { SESSION_COOKIE } from '~/auth/session.server';

let server: TestServer;
let dataDir: string;
beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'waymark-2fa-'));
  // the client address comes from X-Forwarded-For, so each test throttles on its own address
  server = await startTestServer({ DATA_DIR: dataDir, TRUST_PROXY: '1' });
});
afterAll(async () => {
  await server?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const PASSWORD = 'correct horse battery';
let ipCounter = 10;
const nextIp = () => `198.51.100.${ipCounter++}`;

function post(pathname: string, fields: Record<string, string>, cookie = '', ip = '203.0.113.1') {
  return fetch(`${server.url}${pathname}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: server.url, Cookie: cookie, 'X-Forwarded-For': ip },
    body: new URLSearchParams(fields),
  });
}
const get = (pathname: string, cookie = '') => fetch(`${server.url}${pathname}`, { redirect: 'manual', headers: { Cookie: cookie } });

/** "name=value" of a Set-Cookie the response sets (with a value), or undefined. */
function cookieFrom(response: Response, name: string) {
  const header = response.headers.getSetCookie().find((c) => c.startsWith(`${name}=`) && !c.startsWith(`${name}=;`));
  return header?.split(';')[0];
}

const totp = (secret: string) => new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30 });
/** A code for the step before or after the current one (±1 step is accepted, each step once). */
const codeAt = (secret: string, offsetSteps: number) => totp(secret).generate({ timestamp: Date.now() + offsetSteps * 30_000 });

/** Enrols a user through Settings → Security; returns the secret (read from the page) and the ten backup codes. */
async function enrol(cookie: string) {
  const start = await post('/settings/security', { intent: 'start' }, cookie);
  expect(start.status).toBe(302);
  const page = await (await get('/settings/security', cookie)).text();
  const secret = /data-testid="totp-secret"[^>]*>([A-Z2-7]+)</.exec(page)?.[1];
  expect(secret).toBeTruthy();
  expect(page).toContain('data:image/svg+xml;base64,'); // the QR code, made on the server
  const wrong = await post('/settings/security', { intent: 'confirm', code: '000000' === codeAt(secret!, 0) ? '111111' : '000000' }, cookie);
  expect(wrong.status).toBe(400);
  const confirmed = await post('/settings/security', { intent: 'confirm', code: codeAt(secret!, -1) }, cookie);
  expect(confirmed.status).toBe(200);
  const html = await confirmed.text();
  const codes = [...html.matchAll(/data-testid="backup-code"[^>]*>([a-z0-9]{5}-[a-z0-9]{5})</g)].map((m) => m[1]);
  expect(codes).toHaveLength(10);
  return { secret: secret!, codes };
}

async function passwordStep(email: string, ip: string, redirectTo = '/') {
  const response = await post('/login', { email, password: PASSWORD, redirectTo }, '', ip);
  expect(response.status).toBe(302);
  return response;
}

describe('enrolment and the second step', () => {
  it('after enrolment the password alone gives no session; a TOTP code does, and the same code never works twice', async () => {
    const { user, cookie } = await makeUser(server);
    const { secret } = await enrol(cookie);

    const ip = nextIp();
    const first = await passwordStep(user.email, ip, '/trips/42?tab=plan');
    expect(first.headers.get('Location')).toBe('/login/two-factor');
    expect(cookieFrom(first, SESSION_COOKIE)).toBeUndefined();
    const pending = cookieFrom(first, 'waymark_2fa')!;
    expect(pending).toBeTruthy();
    expect(first.headers.getSetCookie().find((c) => c.startsWith('waymark_2fa='))).toMatch(/HttpOnly/);
    // the pending login row holds a hash and the user, never the cookie's value
    const token = pending.split('=')[1];
    expect(await server.services.db.pendingLogin.count({ where: { userId: user.id } })).toBe(1);
    expect(await server.services.db.pendingLogin.count({ where: { id: token } })).toBe(0);

    const code = codeAt(secret, 1);
    const second = await post('/login/two-factor', { code }, pending, ip);
    expect(second.status).toBe(302);
    expect(second.headers.get('Location')).toBe('/trips/42?tab=plan');
    expect(cookieFrom(second, SESSION_COOKIE)).toBeTruthy();
    expect(await server.services.db.pendingLogin.count({ where: { userId: user.id } })).toBe(0);

    // the same code again, on a fresh pending login: refused (and the pending cookie alone is not a session)
    const again = await passwordStep(user.email, ip);
    const replay = await post('/login/two-factor', { code }, cookieFrom(again, 'waymark_2fa')!, ip);
    expect(replay.status).toBe(400);
    expect(cookieFrom(replay, SESSION_COOKIE)).toBeUndefined();
    expect(await replay.text()).toContain('two-factor-error');
  });

  it('a backup code signs in once; the count left drops; regenerating replaces them all', async () => {
    const { user, cookie } = await makeUser(server);
    const { codes } = await enrol(cookie);
    const ip = nextIp();
    const ok = await post('/login/two-factor', { code: codes[3].toUpperCase() }, cookieFrom(await passwordStep(user.email, ip), 'waymark_2fa')!, ip);
    expect(ok.status).toBe(302);
    const reused = await post('/login/two-factor', { code: codes[3] }, cookieFrom(await passwordStep(user.email, ip), 'waymark_2fa')!, ip);
    expect(reused.status).toBe(400);
    expect(await server.services.db.twoFactorBackupCode.count({ where: { userId: user.id, usedAt: null } })).toBe(9);
    // stored only as hashes
    const stored = await server.services.db.twoFactorBackupCode.findMany({ where: { userId: user.id } });
    expect(stored.some((row) => codes.some((c) => row.codeHash.includes(c.replace('-', ''))))).toBe(false);

    const regenerated = await post('/settings/security', { intent: 'regenerate' }, cookie);
    expect(regenerated.status).toBe(200);
    const fresh = [...(await regenerated.text()).matchAll(/data-testid="backup-code"[^>]*>([a-z0-9]{5}-[a-z0-9]{5})</g)].map((m) => m[1]);
    expect(fresh).toHaveLength(10);
    const old = await post('/login/two-factor', { code: codes[0] }, cookieFrom(await passwordStep(user.email, ip), 'waymark_2fa')!, ip);
    expect(old.status).toBe(400);
    const fromFresh = await post('/login/two-factor', { code: fresh[0] }, cookieFrom(await passwordStep(user.email, ip), 'waymark_2fa')!, ip);
    expect(fromFresh.status).toBe(302);
  });

  it('wrong codes count in the login throttle: after five, even the right code is refused with 429', async () => {
    const { user, cookie } = await makeUser(server);
    const { secret } = await enrol(cookie);
    const ip = nextIp();
    const pending = cookieFrom(await passwordStep(user.email, ip), 'waymark_2fa')!;
    const right = codeAt(secret, 0);
    const wrong = right === '123456' ? '654321' : '123456';
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await post('/login/two-factor', { code: wrong }, pending, ip)).status);
    expect(statuses).toEqual([400, 400, 400, 400, 429]);
    const locked = await post('/login/two-factor', { code: right }, pending, ip);
    expect(locked.status).toBe(429);
    expect(cookieFrom(locked, SESSION_COOKIE)).toBeUndefined();
    const failures = await server.services.db.auditLog.count({ where: { userId: user.id, action: 'auth.login_second_factor', success: false } });
    expect(failures).toBe(5);
  });

  it('without a pending login the code page sends to /login, and an expired pending login is refused', async () => {
    expect((await get('/login/two-factor')).headers.get('Location')).toBe('/login');
    const { user, cookie } = await makeUser(server);
    const { secret } = await enrol(cookie);
    const ip = nextIp();
    const pending = cookieFrom(await passwordStep(user.email, ip), 'waymark_2fa')!;
    await server.services.db.pendingLogin.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const late = await post('/login/two-factor', { code: codeAt(secret, 0) }, pending, ip);
    // refused, and the page (whose pending login is gone) sends the browser back to the password step
    expect(late.headers.get('Location')).toBe('/login');
    expect(cookieFrom(late, SESSION_COOKIE)).toBeUndefined();
    expect(await server.services.db.session.count({ where: { userId: user.id } })).toBe(1); // makeUser's own only
  });

  it('turning it off needs a right code or the password', async () => {
    const { user, cookie } = await makeUser(server);
    await enrol(cookie);
    expect((await post('/settings/security', { intent: 'disable', proof: 'not my password' }, cookie)).status).toBe(400);
    expect(await server.services.db.twoFactor.count({ where: { userId: user.id } })).toBe(1);
    expect((await post('/settings/security', { intent: 'disable', proof: PASSWORD }, cookie)).status).toBe(302);
    expect(await server.services.db.twoFactor.count({ where: { userId: user.id } })).toBe(0);
    expect(await server.services.db.twoFactorBackupCode.count({ where: { userId: user.id } })).toBe(0);
    const login = await passwordStep(user.email, nextIp());
    expect(cookieFrom(login, SESSION_COOKIE)).toBeTruthy();
  });

  it('the secret is sealed with AES-256-GCM under a 0600 key file in the data directory', async () => {
    const { user, cookie } = await makeUser(server);
    const { secret } = await enrol(cookie);
    const row = await server.services.db.twoFactor.findUniqueOrThrow({ where: { userId: user.id } });
    expect(row.secretSealed).not.toContain(secret);
    expect(row.secretSealed).toMatch(/^v1\./);
    const stat = fs.statSync(path.join(dataDir, 'two-factor.key'));
    expect(stat.mode & 0o777).toBe(0o600);
  });
});

describe('policy and recovery', () => {
  it('with "everyone" required, a password sign-in without two-factor can only reach the enrolment page until enrolled', async () => {
    const { user: admin, cookie: adminCookie } = await makeUser(server, { admin: true });
    await enrol(adminCookie); // the policy covers the administrator setting it too
    const { user } = await makeUser(server);
    try {
      expect((await post('/admin/security', { intent: 'policy', policy: 'everyone' }, adminCookie)).status).toBe(200);
      const login = await passwordStep(user.email, nextIp());
      const session = cookieFrom(login, SESSION_COOKIE)!;
      const home = await get('/', session);
      expect(home.status).toBe(302);
      expect(home.headers.get('Location')).toBe('/settings/security?required=1');
      const trpc = await fetch(`${server.url}/api/trpc/trips.list`, { redirect: 'manual', headers: { Cookie: session } });
      expect(trpc.status).toBe(302);
      const page = await get('/settings/security', session);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('two-factor-required');
      await enrol(session);
      expect((await get('/', session)).status).toBe(200);
    } finally {
      await post('/admin/security', { intent: 'policy', policy: 'nobody' }, adminCookie);
    }
    expect(await server.services.db.auditLog.count({ where: { userId: admin.id, action: 'admin.two_factor_policy' } })).toBe(2);
  });

  it('"admins" covers administrators only; a bad policy value is refused and nothing changes', async () => {
    const { cookie: adminCookie } = await makeUser(server, { admin: true });
    await enrol(adminCookie);
    const { user: member } = await makeUser(server);
    expect((await post('/admin/security', { intent: 'policy', policy: 'sometimes' }, adminCookie)).status).toBe(400);
    try {
      expect((await post('/admin/security', { intent: 'policy', policy: 'admins' }, adminCookie)).status).toBe(200);
      const memberSession = cookieFrom(await passwordStep(member.email, nextIp()), SESSION_COOKIE)!;
      expect((await get('/', memberSession)).status).toBe(200);
      const { user: otherAdmin } = await makeUser(server, { admin: true });
      const adminSession = cookieFrom(await passwordStep(otherAdmin.email, nextIp()), SESSION_COOKIE)!;
      expect((await get('/', adminSession)).headers.get('Location')).toBe('/settings/security?required=1');
    } finally {
      await post('/admin/security', { intent: 'policy', policy: 'nobody' }, adminCookie);
    }
  });

  it('an administrator resets a user’s two-factor: it is off, their sessions end, the audit log says who', async () => {
    const { user: admin, cookie: adminCookie } = await makeUser(server, { admin: true });
    const { user, cookie } = await makeUser(server);
    await enrol(cookie);
    const { cookie: memberCookie } = await makeUser(server);
    expect((await post('/admin/security', { intent: 'reset', userId: String(user.id) }, memberCookie)).status).toBe(404);
    expect((await post('/admin/security', { intent: 'reset', userId: '99999999' }, adminCookie)).status).toBe(400);
    const reset = await post('/admin/security', { intent: 'reset', userId: String(user.id) }, adminCookie);
    expect(reset.status).toBe(200);
    expect(await server.services.db.twoFactor.count({ where: { userId: user.id } })).toBe(0);
    expect(await server.services.db.session.count({ where: { userId: user.id } })).toBe(0);
    expect((await get('/settings/security', cookie)).status).toBe(302); // signed out
    const audit = await server.services.db.auditLog.findFirst({ where: { action: 'admin.two_factor_reset', userId: admin.id } });
    expect(audit?.detail).toMatchObject({ targetUserId: user.id });
  });

  it('OAuth consent signs in through the same flow: the authorize URL survives the second step', async () => {
    const { user, cookie } = await makeUser(server);
    const { secret } = await enrol(cookie);
    const ip = nextIp();
    const authorize = '/oauth/authorize?client_id=wmc_x&response_type=code&state=s1';
    const first = await passwordStep(user.email, ip, authorize);
    const second = await post('/login/two-factor', { code: codeAt(secret, 0) }, cookieFrom(first, 'waymark_2fa')!, ip);
    expect(second.headers.get('Location')).toBe(authorize);
  });
});

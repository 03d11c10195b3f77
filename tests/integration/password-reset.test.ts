// Password reset (issue 19) over real HTTP, with mail through a real SMTP server: "Forgot password?" mails a link in
// the user's language that works once and expires; an unknown address gets the same page and no mail; using the link
// ends every session, app grant and MCP session; requests are throttled; without SMTP the page says so and an admin
// (Admin → Users) makes the link instead.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insideOneRateMinute } from '../helpers/rate-minute';
import { startTestServer, type TestServer } from '../helpers/server';
import { startSmtpCatcher, type SmtpCatcher } from '../helpers/smtp-catcher';
import { makeUser } from '../helpers/users';
import { createSession, SESSION_COOKIE } from '~/auth/session.server';
import { RESET_LINK_MINUTES, RESETS_PER_EMAIL_PER_MINUTE, resetPath } from '~/auth/password-reset.server';
import { redactedPath } from '~/ops/request-log.server';
import { connect, enableMcp } from './mcp.helpers';
import { authorizationCodeTokens, createInteractiveClient, resolveToken } from './oauth.helpers';

let smtp: SmtpCatcher;
let server: TestServer;
let noMail: TestServer;
beforeAll(async () => {
  smtp = await startSmtpCatcher();
  server = await startTestServer({ SMTP_URL: smtp.url, MAIL_FROM: 'Waymark <waymark@example.test>' });
  await enableMcp(server);
  noMail = await startTestServer();
});
afterAll(async () => {
  await server?.close();
  await noMail?.close();
  await smtp?.close();
});

function post(target: TestServer, path: string, form: Record<string, string>, cookie?: string) {
  return fetch(`${target.url}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: target.url, ...(cookie ? { Cookie: cookie } : {}) },
    body: new URLSearchParams(form),
  });
}

const forgot = (email: string, target = server) => post(target, '/forgot-password', { email });
const linkIn = (text: string) => {
  const match = /https?:\/\/\S+\/reset-password\/\S+/.exec(text);
  if (!match) throw new Error(`no reset link in: ${text}`);
  return new URL(match[0]);
};
const signedIn = async (cookie: string) => (await fetch(`${server.url}/settings`, { headers: { Cookie: cookie }, redirect: 'manual' })).status === 200;
const login = (email: string, password: string) => post(server, '/login', { email, password });

describe('password reset by e-mail', () => {
  it('mails a single-use link that sets the password, ends every session, grant and MCP session, and signs in', async () => {
    const eve = await makeUser(server, { displayName: 'Eve Reset' });
    await server.services.db.user.update({ where: { id: eve.user.id }, data: { language: 'de' } });
    const { token: second } = await createSession(server.services.db, eve.user.id);
    const app = await createInteractiveClient(server, { scopes: ['trips:read'] });
    const tokens = (await authorizationCodeTokens(server, eve.cookie, app, 'trips:read')).body as unknown as { access_token: string };
    const mcp = await connect(server, tokens.access_token);
    const bystander = await makeUser(server);

    const asked = await forgot(eve.user.email.toUpperCase());
    expect(asked.status).toBe(200);
    const page = await asked.text();
    expect(page).toContain('data-testid="forgot-sent"');

    const mail = await smtp.waitFor(eve.user.email);
    expect(mail.from).toBe('Waymark <waymark@example.test>');
    // In the user's language (German), naming how long it works.
    expect(mail.subject).toBe('Dein Waymark-Passwort zurücksetzen');
    expect(mail.text).toContain(`${RESET_LINK_MINUTES} Min.`);
    const link = linkIn(mail.text);
    expect(link.origin).toBe(server.url);
    const token = link.pathname.split('/').pop()!;
    // Only the hash is stored, and the request log masks the token.
    expect(await server.services.db.passwordReset.count({ where: { tokenHash: token } })).toBe(0);
    expect(redactedPath(link.pathname)).toBe('/reset-password/:redacted');

    // Opening the page (as a mail scanner would) does not use the link up; it is not cached and sends no Referer to other sites.
    const opened = await fetch(link, { redirect: 'manual' });
    expect(opened.status).toBe(200);
    expect(opened.headers.get('Cache-Control')).toBe('no-store');
    expect(opened.headers.get('Referrer-Policy')).toBe('same-origin');
    expect(await opened.text()).not.toContain('data-testid="reset-invalid"');

    // The registration rules apply; a refusal leaves the link usable.
    const short = await post(server, link.pathname, { password: 'short', confirmPassword: 'short' });
    expect(short.status).toBe(400);
    expect(await short.text()).toContain('data-testid="reset-error"');
    const mismatch = await post(server, link.pathname, { password: 'a brand new secret', confirmPassword: 'another one' });
    expect(mismatch.status).toBe(400);

    const done = await post(server, link.pathname, { password: 'a brand new secret', confirmPassword: 'a brand new secret' });
    expect(done.status).toBe(302);
    expect(done.headers.get('Location')).toBe('/');
    const fresh = done.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`))!;
    expect(await signedIn(fresh.split(';')[0])).toBe(true);

    // Every earlier session, the app's token and the MCP session are gone; the bystander is untouched.
    expect(await signedIn(eve.cookie)).toBe(false);
    expect(await signedIn(`${SESSION_COOKIE}=${second}`)).toBe(false);
    expect(await resolveToken(server, tokens.access_token)).toBeNull();
    await expect(mcp.client.listTools()).rejects.toThrow();
    expect(await signedIn(bystander.cookie)).toBe(true);

    // The new password works, the old one does not.
    expect((await login(eve.user.email, 'correct horse battery')).status).toBe(400);
    expect((await login(eve.user.email, 'a brand new secret')).status).toBe(302);

    // The link works once.
    const again = await post(server, link.pathname, { password: 'yet another secret', confirmPassword: 'yet another secret' });
    expect(again.status).toBe(400);
    expect(await again.text()).toContain('data-testid="reset-invalid"');
    expect(await (await fetch(link)).text()).toContain('data-testid="reset-invalid"');
    const audit = await server.services.db.auditLog.findMany({ where: { userId: eve.user.id, action: { startsWith: 'auth.password_reset' } } });
    expect(audit.map((a) => a.action).sort()).toEqual(['auth.password_reset', 'auth.password_reset_request']);
  });

  it('an expired link sets nothing', async () => {
    const ann = await makeUser(server);
    await forgot(ann.user.email);
    const link = linkIn((await smtp.waitFor(ann.user.email)).text);
    await server.services.db.passwordReset.updateMany({ where: { userId: ann.user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const res = await post(server, link.pathname, { password: 'a brand new secret', confirmPassword: 'a brand new secret' });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('data-testid="reset-invalid"');
    expect((await login(ann.user.email, 'correct horse battery')).status).toBe(302);
    expect(await signedIn(ann.cookie)).toBe(true);
  });

  it('a newer link replaces the older one', async () => {
    const bo = await makeUser(server);
    await forgot(bo.user.email);
    const first = linkIn((await smtp.waitFor(bo.user.email)).text);
    await forgot(bo.user.email);
    const second = linkIn((await smtp.waitFor(bo.user.email, (m) => !m.text.includes(first.pathname))).text);
    expect(second.pathname).not.toBe(first.pathname);
    expect(await (await fetch(first)).text()).toContain('data-testid="reset-invalid"');
    expect(await (await fetch(second)).text()).not.toContain('data-testid="reset-invalid"');
  });

  it('an unknown address gets the same page and no mail', async () => {
    const known = await makeUser(server);
    const before = smtp.messages.length;
    const unknown = await forgot('nobody-here@example.test');
    const unknownPage = await unknown.text();
    const knownResponse = await forgot(known.user.email);
    const knownPage = await knownResponse.text();
    expect(unknown.status).toBe(knownResponse.status);
    // The same answer, apart from the address echoed back.
    const normalized = (page: string, email: string) => page.replaceAll(email, 'X').replace(/nonce="[^"]*"/g, '');
    expect(normalized(unknownPage, 'nobody-here@example.test')).toBe(normalized(knownPage, known.user.email));
    await smtp.waitFor(known.user.email);
    expect(smtp.messages.slice(before).flatMap((m) => m.to)).toEqual([known.user.email]);
    expect(await server.services.db.passwordReset.count({ where: { user: { email: 'nobody-here@example.test' } } })).toBe(0);
  });

  it('throttles requests per e-mail address', async () => {
    const email = 'throttle-me@example.test';
    await insideOneRateMinute();
    for (let i = 0; i < RESETS_PER_EMAIL_PER_MINUTE; i++) expect((await forgot(email)).status).toBe(200);
    const refused = await forgot(email);
    expect(refused.status).toBe(429);
    expect(await refused.text()).toContain('data-testid="forgot-error"');
  });

  it('a bad address or a cross-site post is refused', async () => {
    expect((await forgot('not an address')).status).toBe(400);
    const cross = await fetch(`${server.url}/forgot-password`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'https://evil.example' },
      body: new URLSearchParams({ email: 'x@example.test' }),
    });
    expect(cross.status).toBe(403);
  });
});

describe('password reset without e-mail', () => {
  it('the page says e-mail is not set up; an admin creates a link instead, which works', async () => {
    const page = await (await fetch(`${noMail.url}/forgot-password`)).text();
    expect(page).toContain('data-testid="forgot-no-mail"');
    expect((await forgot('someone@example.test', noMail)).status).toBe(503);

    const admin = await makeUser(noMail, { admin: true });
    const plain = await makeUser(noMail);
    // Not for non-admins.
    expect((await post(noMail, '/admin/users', { userId: String(admin.user.id) }, plain.cookie)).status).toBe(404);
    // The page's fetcher posts to the route's single-fetch endpoint; the link is in its (turbo-stream) answer.
    const made = await post(noMail, '/admin/users.data', { userId: String(plain.user.id) }, admin.cookie);
    expect(made.status).toBe(200);
    const url = /"(http[^"]+\/reset-password\/[^"]+)"/.exec(await made.text())?.[1] ?? '';
    expect(url.startsWith(`${noMail.url}${resetPath('')}`)).toBe(true);
    const done = await post(noMail, new URL(url).pathname, { password: 'set by link', confirmPassword: 'set by link' });
    expect(done.status).toBe(302);
    expect((await fetch(`${noMail.url}/settings`, { headers: { Cookie: plain.cookie }, redirect: 'manual' })).status).toBe(302);
    expect(await noMail.services.db.auditLog.count({ where: { action: 'admin.password_reset_link', userId: admin.user.id } })).toBe(1);
  });
});

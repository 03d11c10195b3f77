// The signed-in user's own account: profile (display name, language) and password, over tRPC and the settings form.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server';
import { expectTrpcError, makeUser, trpcClient } from '../helpers/users';
import { createSession, SESSION_COOKIE } from '~/auth/session.server';
import { hashSecret } from '~/auth/tokens.server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

const PASSWORD = 'correct horse battery';

function login(email: string, password: string) {
  return fetch(`${server.url}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: server.url },
    body: new URLSearchParams({ email, password }),
  });
}

describe('account', () => {
  it('me returns the signed-in user; without a session it asks to sign in', async () => {
    const anna = await makeUser(server, { displayName: 'Anna' });
    const { user } = await anna.trpc.account.me.query();
    expect(user).toMatchObject({ id: anna.user.id, email: anna.user.email, displayName: 'Anna', language: 'en' });
    expect(user).not.toHaveProperty('passwordHash');
    const error = await expectTrpcError(trpcClient(server).account.me.query());
    expect(error.code).toBe('UNAUTHORIZED');
  });

  it('updates display name and language', async () => {
    const anna = await makeUser(server);
    const { user } = await anna.trpc.account.updateProfile.mutate({ displayName: '  Anna Maria ', language: 'pt-BR' });
    expect(user.displayName).toBe('Anna Maria');
    const row = await server.services.db.user.findUniqueOrThrow({ where: { id: anna.user.id } });
    expect(row).toMatchObject({ displayName: 'Anna Maria', language: 'pt-BR' });
  });

  it('the chosen language is the language of the pages', async () => {
    const anna = await makeUser(server);
    await anna.trpc.account.updateProfile.mutate({ language: 'ar' });
    const html = await (await fetch(`${server.url}/settings`, { headers: { Cookie: anna.cookie, 'Accept-Language': 'en' } })).text();
    expect(html).toMatch(/<html lang="ar" dir="rtl"/);
    expect(html).toContain('الإعدادات');
  });

  it('rejects an unknown language and an empty display name, naming the field, and changes nothing', async () => {
    const anna = await makeUser(server, { displayName: 'Anna' });
    const language = await expectTrpcError(anna.trpc.account.updateProfile.mutate({ language: 'xx' as never }));
    expect(language.code).toBe('BAD_REQUEST');
    expect(language.message).toContain('language');
    const name = await expectTrpcError(anna.trpc.account.updateProfile.mutate({ displayName: '   ' }));
    expect(name.message).toContain('displayName');
    const row = await server.services.db.user.findUniqueOrThrow({ where: { id: anna.user.id } });
    expect(row).toMatchObject({ displayName: 'Anna', language: 'en' });
  });

  it('changing the password needs the current one', async () => {
    const anna = await makeUser(server);
    const error = await expectTrpcError(anna.trpc.account.changePassword.mutate({ currentPassword: 'not it', newPassword: 'another long one' }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.data?.i18n?.key).toBe('errors.currentPasswordWrong');
    const short = await expectTrpcError(anna.trpc.account.changePassword.mutate({ currentPassword: PASSWORD, newPassword: 'short' }));
    expect(short.message).toContain('newPassword');
    expect((await login(anna.user.email, PASSWORD)).status).toBe(302);
  });

  it('after a password change only the new password works', async () => {
    const anna = await makeUser(server);
    await anna.trpc.account.changePassword.mutate({ currentPassword: PASSWORD, newPassword: 'a brand new secret' });
    expect((await login(anna.user.email, PASSWORD)).status).toBe(400);
    expect((await login(anna.user.email, 'a brand new secret')).status).toBe(302);
  });

  it('the settings form changes the password, keeps this browser signed in and signs out the others', async () => {
    const anna = await makeUser(server);
    const other = await createSession(server.services.db, anna.user.id);
    const response = await fetch(`${server.url}/settings?index`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: server.url, Cookie: anna.cookie },
      body: new URLSearchParams({ intent: 'password', currentPassword: PASSWORD, newPassword: 'fresh password 1', confirmPassword: 'fresh password 1' }),
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('Password changed.');
    const current = anna.cookie.slice(`${SESSION_COOKIE}=`.length);
    expect(await server.services.db.session.findUnique({ where: { id: hashSecret(current) } })).not.toBeNull();
    expect(await server.services.db.session.findUnique({ where: { id: hashSecret(other.token) } })).toBeNull();
    expect((await login(anna.user.email, 'fresh password 1')).status).toBe(302);
  });

  it('the settings form refuses mismatched new passwords', async () => {
    const anna = await makeUser(server);
    const response = await fetch(`${server.url}/settings?index`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: server.url, Cookie: anna.cookie },
      body: new URLSearchParams({ intent: 'password', currentPassword: PASSWORD, newPassword: 'fresh password 1', confirmPassword: 'fresh password 2' }),
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('The new passwords do not match.');
    expect((await login(anna.user.email, PASSWORD)).status).toBe(302);
  });

  it('the settings form saves the profile', async () => {
    const anna = await makeUser(server);
    const response = await fetch(`${server.url}/settings?index`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: server.url, Cookie: anna.cookie },
      body: new URLSearchParams({ intent: 'profile', displayName: 'Anna K.', language: 'de' }),
    });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('Profil gespeichert.');
    const row = await server.services.db.user.findUniqueOrThrow({ where: { id: anna.user.id } });
    expect(row).toMatchObject({ displayName: 'Anna K.', language: 'de' });
  });
});

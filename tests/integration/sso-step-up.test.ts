// Deleting an account that signs in through single sign-on (issue 19, decision 041), against a real OpenID Connect
// provider (oidc-provider in this process): the deletion needs a fresh sign-in at the provider as the linked account,
// recorded on the session that asked for it, valid 5 minutes and once; another account, an old sign-in or no
// step-up at all are refused and change nothing; the step-up never starts a session.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server';
import { expectTrpcError, makeUser, trpcClient } from '../helpers/users';
import { createSession, SESSION_COOKIE } from '~/auth/session.server';
import { hashSecret } from '~/auth/tokens.server';
import { signInAtProvider, startTestProvider, type TestProvider } from './oidc-provider.helpers';

let provider: TestProvider;
let server: TestServer;

beforeAll(async () => {
  provider = await startTestProvider();
  server = await startTestServer({
    OIDC_ISSUER: provider.issuer,
    OIDC_CLIENT_ID: provider.clientId,
    OIDC_CLIENT_SECRET: provider.clientSecret,
    OIDC_BUTTON_LABEL: 'Test IdP',
    OUTBOUND_ALLOW_PRIVATE: 'true',
  });
  provider.start([`${server.url}/auth/oidc/callback`]);
  // the server's first account administers it (and, as the last administrator, could not leave): someone else is
  await makeUser(server, { displayName: 'Admin Ada' });
}, 120_000);
afterAll(async () => {
  await server?.close();
  await provider?.close();
});

let n = 0;
const unique = (name: string) => `${name}-${process.pid}-${++n}`;
const form = (fields: Record<string, string>) => new URLSearchParams(fields);
const stateCookieOf = (response: Response) => response.headers.getSetCookie().find((c) => c.startsWith('waymark_oidc='))?.split(';')[0] ?? '';
const sessionCookieOf = (response: Response) => response.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`))?.split(';')[0];

/** A new account made by signing in through the provider as `sub`; returns its session cookie and tRPC client. */
async function ssoUser(name: string) {
  const sub = unique(name);
  provider.accounts.set(sub, { email: `${sub}@idp.test`, email_verified: true, name });
  const start = await fetch(`${server.url}/auth/oidc/start`, { method: 'POST', redirect: 'manual', headers: { Origin: server.url }, body: form({ redirectTo: '/' }) });
  const callback = await signInAtProvider(start.headers.get('Location')!, sub);
  const back = await fetch(callback, { redirect: 'manual', headers: { Cookie: stateCookieOf(start) } });
  const cookie = sessionCookieOf(back)!;
  expect(cookie).toBeTruthy();
  const user = await server.services.db.user.findUniqueOrThrow({ where: { email: `${sub}@idp.test` } });
  return { sub, user, cookie, sessionId: hashSecret(cookie.split('=')[1]), trpc: trpcClient(server, cookie) };
}

/**
 * "Confirm with Test IdP": the step-up from the browser holding `cookie`, signing in at the provider as `login`.
 * `beforeProvider` runs once Waymark has sent the browser off (the test's stand-in for what happens meanwhile);
 * `backWith` is the session cookie the browser holds when it comes back (by default the same).
 */
async function stepUp(cookie: string, login: string, { beforeProvider, backWith = cookie }: { beforeProvider?: (providerUrl: URL) => Promise<void>; backWith?: string } = {}) {
  const start = await fetch(`${server.url}/auth/oidc/start`, {
    method: 'POST',
    redirect: 'manual',
    headers: { Origin: server.url, Cookie: cookie },
    body: form({ purpose: 'reauthenticate' }),
  });
  expect(start.status).toBe(302);
  const providerUrl = new URL(start.headers.get('Location')!);
  await beforeProvider?.(providerUrl);
  const callback = await signInAtProvider(providerUrl.href, login);
  const back = await fetch(callback, { redirect: 'manual', headers: { Cookie: `${stateCookieOf(start)}; ${backWith}` } });
  return { providerUrl, location: back.headers.get('Location'), newSession: sessionCookieOf(back) };
}

const proofOf = async (sessionId: string) => (await server.services.db.session.findUniqueOrThrow({ where: { id: sessionId } })).reauthenticatedAt;

describe('single sign-on step-up before deleting the account', () => {
  it('a fresh sign-in at the provider as the linked account confirms the deletion; the step-up starts no session', async () => {
    const lea = await ssoUser('lea');
    const db = server.services.db;
    const trip = await db.trip.create({ data: { ownerId: lea.user.id, title: 'Lea’s trip' } });
    expect(await lea.trpc.account.deletionPlan.query()).toMatchObject({ confirmWith: 'provider', provider: 'Test IdP', confirmedUntil: null });

    // typing the e-mail, or nothing at all, no longer confirms anything
    for (const confirmation of [lea.user.email, undefined]) {
      const refused = await expectTrpcError(lea.trpc.account.deleteAccount.mutate({ confirmation, trips: [{ tripId: trip.id, action: 'delete' }] }));
      expect(refused.data?.i18n?.key).toBe('errors.accountDeletionStepUpMissing');
    }
    expect(await db.user.count({ where: { id: lea.user.id } })).toBe(1);

    const sessionsBefore = await db.session.count({ where: { userId: lea.user.id } });
    const confirmed = await stepUp(lea.cookie, lea.sub);
    // the provider is asked for a new sign-in, not its remembered one
    expect(confirmed.providerUrl.searchParams.get('prompt')).toBe('login');
    expect(confirmed.providerUrl.searchParams.get('max_age')).toBe('0');
    expect(confirmed.location).toBe('/settings?stepup=done');
    expect(confirmed.newSession).toBeUndefined();
    expect(await db.session.count({ where: { userId: lea.user.id } })).toBe(sessionsBefore);
    expect(await proofOf(lea.sessionId)).toBeInstanceOf(Date);
    const plan = await lea.trpc.account.deletionPlan.query();
    expect(Date.parse(plan.confirmedUntil!) - Date.now()).toBeGreaterThan(4 * 60_000);

    expect(await lea.trpc.account.deleteAccount.mutate({ trips: [{ tripId: trip.id, action: 'delete' }] })).toEqual({ deleted: true, transferredTrips: 0, deletedTrips: 1 });
    expect(await db.user.count({ where: { id: lea.user.id } })).toBe(0);
    expect(await db.trip.count({ where: { id: trip.id } })).toBe(0);
  });

  it('signing in at the provider as another account is refused: nothing recorded, nobody else signed in', async () => {
    const max = await ssoUser('max');
    const other = await ssoUser('other');
    const otherSessions = await server.services.db.session.count({ where: { userId: other.user.id } });
    const refused = await stepUp(max.cookie, other.sub);
    expect(refused.location).toBe('/settings?stepup_error=otherAccount');
    expect(refused.newSession).toBeUndefined();
    expect(await proofOf(max.sessionId)).toBeNull();
    expect(await server.services.db.session.count({ where: { userId: other.user.id } })).toBe(otherSessions);
    // an identity the provider knows but Waymark does not is no better
    const stranger = unique('stranger');
    provider.accounts.set(stranger, { email: `${stranger}@idp.test`, email_verified: true });
    expect((await stepUp(max.cookie, stranger)).location).toBe('/settings?stepup_error=otherAccount');
    expect(await server.services.db.user.count({ where: { email: `${stranger}@idp.test` } })).toBe(0);
    expect((await expectTrpcError(max.trpc.account.deleteAccount.mutate({ trips: [] }))).data?.i18n?.key).toBe('errors.accountDeletionStepUpMissing');
  });

  it('a sign-in older than the step-up (a provider that ignored max_age) is refused', async () => {
    const olga = await ssoUser('olga');
    // The provider's answer is checked against the step-up's start: moving that start a minute on makes the
    // provider's auth_time, whatever it is, an earlier sign-in.
    const refused = await stepUp(olga.cookie, olga.sub, {
      beforeProvider: async (url) => {
        await server.services.db.oidcLoginState.update({ where: { id: hashSecret(url.searchParams.get('state')!) }, data: { createdAt: new Date(Date.now() + 60_000) } });
      },
    });
    expect(refused.location).toBe('/settings?stepup_error=notFresh');
    expect(await proofOf(olga.sessionId)).toBeNull();
    expect(await olga.trpc.account.deletionPlan.query()).toMatchObject({ confirmedUntil: null });
  });

  it('the confirmation belongs to its session, runs out after 5 minutes and is used up by one deletion attempt', async () => {
    const ida = await ssoUser('ida');
    const db = server.services.db;
    const trip = await db.trip.create({ data: { ownerId: ida.user.id, title: 'Ida’s trip' } });
    expect((await stepUp(ida.cookie, ida.sub)).location).toBe('/settings?stepup=done');

    // the same user in another browser has not confirmed anything, and cannot finish a step-up this one started
    const otherCookie = `${SESSION_COOKIE}=${(await createSession(db, ida.user.id, 'sso')).token}`;
    const elsewhere = trpcClient(server, otherCookie);
    const crossed = await stepUp(ida.cookie, ida.sub, { backWith: otherCookie });
    expect(crossed.location).toBe('/settings?stepup_error=stateMismatch');
    expect(await proofOf(hashSecret(otherCookie.split('=')[1]))).toBeNull();
    expect((await expectTrpcError(elsewhere.account.deleteAccount.mutate({ trips: [{ tripId: trip.id, action: 'delete' }] }))).data?.i18n?.key).toBe(
      'errors.accountDeletionStepUpMissing',
    );

    // six minutes later it no longer counts
    await db.session.update({ where: { id: ida.sessionId }, data: { reauthenticatedAt: new Date(Date.now() - 6 * 60_000) } });
    expect(await ida.trpc.account.deletionPlan.query()).toMatchObject({ confirmedUntil: null });
    expect((await expectTrpcError(ida.trpc.account.deleteAccount.mutate({ trips: [{ tripId: trip.id, action: 'delete' }] }))).data?.i18n?.key).toBe(
      'errors.accountDeletionStepUpMissing',
    );

    // a fresh one is spent by an attempt that fails for another reason (the trip was not chosen)
    expect((await stepUp(ida.cookie, ida.sub)).location).toBe('/settings?stepup=done');
    expect((await expectTrpcError(ida.trpc.account.deleteAccount.mutate({ trips: [] }))).data?.i18n?.key).toBe('errors.accountDeletionTripMissing');
    expect(await proofOf(ida.sessionId)).toBeNull();
    expect((await expectTrpcError(ida.trpc.account.deleteAccount.mutate({ trips: [{ tripId: trip.id, action: 'delete' }] }))).data?.i18n?.key).toBe(
      'errors.accountDeletionStepUpMissing',
    );
    expect(await db.user.count({ where: { id: ida.user.id } })).toBe(1);
    expect(await db.trip.count({ where: { id: trip.id } })).toBe(1);
  });

  it('a step-up callback opened again (its state used up) tells the signed-in user why, in Settings, not via the login page', async () => {
    const uma = await ssoUser('uma');
    const start = await fetch(`${server.url}/auth/oidc/start`, {
      method: 'POST',
      redirect: 'manual',
      headers: { Origin: server.url, Cookie: uma.cookie },
      body: form({ purpose: 'reauthenticate' }),
    });
    const callback = await signInAtProvider(start.headers.get('Location')!, uma.sub);
    const cookies = `${stateCookieOf(start)}; ${uma.cookie}`;
    expect((await fetch(callback, { redirect: 'manual', headers: { Cookie: cookies } })).headers.get('Location')).toBe('/settings?stepup=done');
    // a reload of the callback: its state row is gone, so nothing says it was a step-up
    const again = await fetch(callback, { redirect: 'manual', headers: { Cookie: cookies } });
    expect(again.headers.get('Location')).toBe('/settings?stepup_error=stateMismatch');
    expect(sessionCookieOf(again)).toBeUndefined();
    // signed out, the same failure still goes to the login page
    const signedOut = await fetch(callback, { redirect: 'manual', headers: { Cookie: stateCookieOf(start) } });
    expect(signedOut.headers.get('Location')).toBe('/login?sso_error=stateMismatch');
  });

  it('a password account on the same server still confirms with its password, which a step-up does not replace', async () => {
    const pat = await makeUser(server);
    expect(await pat.trpc.account.deletionPlan.query()).toMatchObject({ confirmWith: 'password', provider: null, confirmedUntil: null });
    expect((await expectTrpcError(pat.trpc.account.deleteAccount.mutate({ trips: [] }))).data?.i18n?.key).toBe('errors.accountDeletionConfirmWrong');
    expect(await pat.trpc.account.deleteAccount.mutate({ confirmation: 'correct horse battery', trips: [] })).toMatchObject({ deleted: true });
  });
});

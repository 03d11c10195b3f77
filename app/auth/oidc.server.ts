// Single sign-on with an OpenID Connect provider (openid-client): authorization code + PKCE + state + nonce. The
// verifier and nonce stay on the server (an OidcLoginState row keyed by the state's hash); the browser holds the state
// in a short-lived HttpOnly cookie, so a callback URL planted from elsewhere is refused. Discovery happens once,
// lazily, through the outbound guard. An account is found by its link (issuer + subject), else linked by an e-mail the
// provider verified, else created (OIDC_AUTO_CREATE). The same round trip also re-authenticates a signed-in user before
// they delete their account (purpose "reauthenticate": prompt=login, max_age=0, and a proof on their session instead
// of a new session). Decisions: docs/decisions/031-two-factor-and-single-sign-on.md, 041-sso-step-up.md.
import * as client from 'openid-client';
import type { Services } from '~/services/types.server';
import type { OidcSettings } from '~/env.server';
import { guardedFetch, OutboundRefusedError } from '~/geo/outbound-guard.server';
import { createUser, usernameSchema } from './users.server';
import { hashSecret, randomSecret } from './tokens.server';
import { readCookie, readSessionToken } from './session.server';

const STATE_LIFETIME_MS = 10 * 60_000;
const STATE_COOKIE = 'waymark_oidc';
const TIMEOUT_MS = 10_000;
/** How long a step-up proves the session's user was just at the provider. */
export const STEP_UP_LIFETIME_MS = 5 * 60_000;
/** How far the provider's clock may lag ours when its auth_time is compared with the step-up's start. */
const AUTH_TIME_TOLERANCE_S = 5;
export const CALLBACK_PATH = '/auth/oidc/callback';
/** Where a step-up comes back to, and where single sign-on errors reach a signed-in user (Settings → Delete account). */
export const STEP_UP_RETURN = '/settings';

/** The error keys the login page can show (security:sso.errors.<key>). */
export const SSO_ERRORS = ['unavailable', 'stateMismatch', 'denied', 'notLinked', 'emailUnverified', 'noEmail', 'failed', 'otherAccount', 'notFresh'] as const;
export type SsoError = (typeof SSO_ERRORS)[number];

class SsoFailure extends Error {
  constructor(readonly key: SsoError, message: string) {
    super(message);
  }
}

/** What the login page needs to know: the button's label, and whether the password form is off. */
export function ssoForLoginPage(services: Services) {
  const oidc = services.config.oidc;
  return oidc ? { label: oidc.buttonLabel, ssoOnly: oidc.ssoOnly } : null;
}

/**
 * The user signs in through the configured provider (a link to its issuer): such an account confirms its deletion at
 * the provider (decision 041), whatever its password.
 */
export async function hasSsoLink(services: Services, userId: number) {
  const issuer = services.config.oidc?.issuer;
  return !!issuer && (await services.db.oidcLink.count({ where: { userId, issuer } })) > 0;
}

/**
 * Uses up the session's step-up proof (at most STEP_UP_LIFETIME_MS old): true once, then false until the user signs
 * in at the provider again.
 */
export async function consumeStepUp(services: Services, sessionId: string) {
  const { count } = await services.db.session.updateMany({
    where: { id: sessionId, reauthenticatedAt: { gte: new Date(Date.now() - STEP_UP_LIFETIME_MS) } },
    data: { reauthenticatedAt: null },
  });
  return count === 1;
}

/** Password sign-in, registration and password reset are off (OIDC_SSO_ONLY). */
export const passwordSignInDisabled = (services: Services) => !!services.config.oidc?.ssoOnly;

const configurations = new WeakMap<Services, Promise<client.Configuration>>();

function outboundFetch(services: Services): client.CustomFetch {
  return async (url, options) => {
    try {
      return await guardedFetch(
        new URL(url),
        { method: options.method, headers: options.headers, body: options.body as never, signal: AbortSignal.timeout(TIMEOUT_MS) },
        { allowPrivate: services.config.outboundAllowPrivate },
      );
    } catch (error) {
      throw new SsoFailure('unavailable', `the provider cannot be reached (${error instanceof OutboundRefusedError ? error.message : (error as Error).name})`);
    }
  };
}

/** The provider's configuration, discovered on first use and kept; a failed discovery is tried again next time. */
function configuration(services: Services, oidc: OidcSettings) {
  let found = configurations.get(services);
  if (!found) {
    const fetcher = outboundFetch(services);
    found = client
      .discovery(new URL(oidc.issuer), oidc.clientId, oidc.clientSecret ? { client_secret: oidc.clientSecret } : undefined, oidc.clientSecret ? undefined : client.None(), {
        [client.customFetch]: fetcher,
        // an http:// issuer is the administrator's explicit choice (a provider on the LAN, tests)
        execute: oidc.issuer.startsWith('http://') ? [client.allowInsecureRequests] : [],
      })
      .then((config) => {
        config[client.customFetch] = fetcher;
        return config;
      });
    configurations.set(services, found);
    found.catch(() => configurations.delete(services));
  }
  return found;
}

const stateCookieName = (secure: boolean) => (secure ? `__Host-${STATE_COOKIE}` : STATE_COOKIE);
function stateCookie(services: Services, state: string | null) {
  const secure = services.config.appUrlIsHttps;
  const attrs = [`${stateCookieName(secure)}=${state ?? ''}`, 'HttpOnly', 'SameSite=Lax', 'Path=/', state ? `Max-Age=${STATE_LIFETIME_MS / 1000}` : 'Max-Age=0'];
  if (secure) attrs.push('Secure');
  return attrs.join('; ');
}

export const clearStateCookie = (services: Services) => stateCookie(services, null);

/**
 * What a round trip to the provider is for: signing in, or proving that the user of web session `sessionId` (the
 * session's hash) has just signed in at the provider again.
 */
export type OidcPurpose = { kind: 'login' } | { kind: 'reauthenticate'; sessionId: string };

/** The provider's authorization URL for a new sign-in (or step-up), and the cookie that ties its state to this browser. */
export async function startOidcLogin(
  services: Services,
  redirectTo: string,
  purpose: OidcPurpose = { kind: 'login' },
): Promise<{ ok: true; location: string; cookie: string } | { ok: false; error: SsoError }> {
  const oidc = services.config.oidc;
  if (!oidc) return { ok: false, error: 'failed' };
  try {
    const config = await configuration(services, oidc);
    const state = client.randomState();
    const nonce = client.randomNonce();
    const codeVerifier = client.randomPKCECodeVerifier();
    await services.db.oidcLoginState.deleteMany({ where: { expiresAt: { lt: new Date() } } });
    await services.db.oidcLoginState.create({
      data: {
        id: hashSecret(state),
        codeVerifier,
        nonce,
        redirectTo,
        expiresAt: new Date(Date.now() + STATE_LIFETIME_MS),
        // the step-up's start, which the provider's auth_time must not precede
        createdAt: new Date(),
        purpose: purpose.kind,
        sessionId: purpose.kind === 'reauthenticate' ? purpose.sessionId : null,
      },
    });
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: `${services.config.appUrl}${CALLBACK_PATH}`,
      scope: 'openid email profile',
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
      // a step-up needs a fresh sign-in at the provider, not its remembered session
      ...(purpose.kind === 'reauthenticate' ? { prompt: 'login', max_age: '0' } : {}),
    });
    return { ok: true, location: url.href, cookie: stateCookie(services, state) };
  } catch (error) {
    return { ok: false, error: logged(services, error, 'unavailable') };
  }
}

function logged(services: Services, error: unknown, fallback: SsoError): SsoError {
  const cause = (error as { cause?: unknown })?.cause;
  const key = error instanceof SsoFailure ? error.key : cause instanceof SsoFailure ? cause.key : fallback;
  if (services.config.logLevel !== 'silent') console.error(`[waymark] single sign-on: ${key}: ${(error as Error).message}`);
  return key;
}

export type OidcCallbackResult =
  | { ok: true; purpose: 'login'; userId: number; redirectTo: string }
  | { ok: true; purpose: 'reauthenticate'; redirectTo: string }
  | { ok: false; purpose: OidcPurpose['kind']; error: SsoError; redirectTo: string };

/**
 * The provider's redirect back: checks state (cookie and row), exchanges the code, then finds, links or creates the
 * account (login), or records the step-up on the session that asked for it (reauthenticate).
 */
export async function finishOidcLogin(services: Services, request: Request, ip: string | null): Promise<OidcCallbackResult> {
  const oidc = services.config.oidc;
  if (!oidc) return { ok: false, purpose: 'login', error: 'failed', redirectTo: '/' };
  const params = new URL(request.url).searchParams;
  const state = params.get('state') ?? '';
  const cookieState = readCookie(request.headers.get('Cookie'), stateCookieName(services.config.appUrlIsHttps));
  const row = state ? await services.db.oidcLoginState.findUnique({ where: { id: hashSecret(state) } }) : null;
  if (row) await services.db.oidcLoginState.deleteMany({ where: { id: row.id } }); // single use, whatever follows
  const purpose: OidcPurpose['kind'] = row?.purpose === 'reauthenticate' ? 'reauthenticate' : 'login';
  const action = purpose === 'login' ? 'auth.sso_login' : 'auth.sso_reauthenticate';
  const failed = (error: SsoError) => ({ ok: false as const, purpose, error, redirectTo: row?.redirectTo ?? '/' });
  if (params.get('error')) {
    await services.audit({ action, success: false, ip, detail: { error: params.get('error')?.slice(0, 100) } });
    return failed(params.get('error') === 'access_denied' ? 'denied' : 'failed');
  }
  if (!row || !cookieState || cookieState !== state || row.expiresAt.getTime() <= Date.now()) return failed('stateMismatch');
  try {
    const config = await configuration(services, oidc);
    // the URL the provider sent the browser to, on the configured public address (behind a proxy the request's own differs)
    const currentUrl = new URL(`${services.config.appUrl}${CALLBACK_PATH}?${params.toString()}`);
    const tokens = await client.authorizationCodeGrant(config, currentUrl, {
      pkceCodeVerifier: row.codeVerifier,
      expectedState: state,
      expectedNonce: row.nonce,
      idTokenExpected: true,
    });
    const idClaims = tokens.claims();
    if (!idClaims) throw new SsoFailure('failed', 'the provider sent no ID token');
    if (row.purpose === 'reauthenticate') {
      const userId = await recordStepUp(services, oidc, { sessionId: row.sessionId, startedAt: row.createdAt }, request, idClaims);
      await services.audit({ action, userId, ip, detail: { issuer: oidc.issuer } });
      return { ok: true, purpose: 'reauthenticate', redirectTo: row.redirectTo };
    }
    // Many providers put e-mail and profile only in the UserInfo answer (the subject must match the ID token's)
    const claims: AccountClaims =
      typeof idClaims.email === 'string' ? idClaims : { ...(await client.fetchUserInfo(config, tokens.access_token, idClaims.sub)), sub: idClaims.sub };
    const userId = await accountFor(services, oidc, claims, ip);
    await services.audit({ action, userId, ip, detail: { issuer: oidc.issuer } });
    return { ok: true, purpose: 'login', userId, redirectTo: row.redirectTo };
  } catch (error) {
    const key = logged(services, error, 'failed');
    await services.audit({ action, success: false, ip, detail: { error: key } });
    return failed(key);
  }
}

/**
 * A step-up counts only for the browser session that started it, for the provider account linked to that session's
 * user, and for a sign-in at the provider after the step-up began. It marks that session; it never starts one.
 */
async function recordStepUp(
  services: Services,
  oidc: OidcSettings,
  started: { sessionId: string | null; startedAt: Date },
  request: Request,
  claims: { sub: string; auth_time?: number },
) {
  const token = readSessionToken(request, services.config.appUrlIsHttps);
  const session = started.sessionId && token && hashSecret(token) === started.sessionId ? await services.db.session.findUnique({ where: { id: started.sessionId } }) : null;
  if (!session || session.expiresAt.getTime() <= Date.now()) throw new SsoFailure('stateMismatch', 'the step-up came back to another (or an ended) session');
  const link = await services.db.oidcLink.findUnique({ where: { issuer_subject: { issuer: oidc.issuer, subject: claims.sub } } });
  if (link?.userId !== session.userId) throw new SsoFailure('otherAccount', 'the provider signed in an account not linked to this user');
  const authTime = typeof claims.auth_time === 'number' ? claims.auth_time : 0;
  if (authTime + AUTH_TIME_TOLERANCE_S < Math.floor(started.startedAt.getTime() / 1000)) {
    throw new SsoFailure('notFresh', 'the provider did not ask for a fresh sign-in (auth_time before the step-up began)');
  }
  await services.db.session.update({ where: { id: session.id }, data: { reauthenticatedAt: new Date() } });
  return session.userId;
}

type AccountClaims = { sub: string; email?: unknown; email_verified?: unknown; preferred_username?: unknown; name?: unknown };

async function accountFor(services: Services, oidc: OidcSettings, claims: AccountClaims, ip: string | null) {
  const db = services.db;
  const issuer = oidc.issuer;
  const subject = claims.sub;
  const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : '';
  const link = await db.oidcLink.findUnique({ where: { issuer_subject: { issuer, subject } } });
  if (link) {
    if (email && email !== link.email) await db.oidcLink.update({ where: { id: link.id }, data: { email } });
    return link.userId;
  }
  const existing = email ? await db.user.findUnique({ where: { email } }) : null;
  if (existing) {
    // Linking by e-mail only when the provider vouches for it: otherwise anyone able to set that address at the
    // provider could take the account over.
    if (claims.email_verified !== true) throw new SsoFailure('emailUnverified', `the provider has not verified ${email}`);
    await db.oidcLink.create({ data: { issuer, subject, userId: existing.id, email } });
    await services.audit({ action: 'auth.sso_linked', userId: existing.id, ip, detail: { issuer } });
    return existing.id;
  }
  if (!oidc.autoCreate) throw new SsoFailure('notLinked', 'no account matches and OIDC_AUTO_CREATE is off');
  if (!email) throw new SsoFailure('noEmail', 'the provider shared no e-mail address');
  const preferred = typeof claims.preferred_username === 'string' ? claims.preferred_username : '';
  const username = usernameSchema.safeParse(preferred).success && !(await db.user.findUnique({ where: { username: preferred } })) ? preferred : undefined;
  const name = typeof claims.name === 'string' ? claims.name.trim().slice(0, 100) : '';
  // The account gets a random password nobody knows: it signs in through the provider (or after a password reset).
  const user = await createUser(db, { email, password: randomSecret(), displayName: name || preferred || undefined, username });
  await db.oidcLink.create({ data: { issuer, subject, userId: user.id, email } });
  await services.audit({ action: 'auth.register', userId: user.id, ip, detail: { sso: issuer, admin: user.isAdmin } });
  return user.id;
}

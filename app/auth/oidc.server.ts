// Single sign-on with an OpenID Connect provider (openid-client): authorization code + PKCE + state + nonce. The
// verifier and nonce stay on the server (an OidcLoginState row keyed by the state's hash); the browser holds the state
// in a short-lived HttpOnly cookie, so a callback URL planted from elsewhere is refused. Discovery happens once,
// lazily, through the outbound guard. An account is found by its link (issuer + subject), else linked by an e-mail the
// provider verified, else created (OIDC_AUTO_CREATE). Decisions: docs/decisions/031-two-factor-and-single-sign-on.md.
import * as client from 'openid-client';
import type { Services } from '~/services/types.server';
import type { OidcSettings } from '~/env.server';
import { guardedFetch, OutboundRefusedError } from '~/geo/outbound-guard.server';
import { createUser, usernameSchema } from './users.server';
import { hashSecret, randomSecret } from './tokens.server';
import { readCookie } from './session.server';

const STATE_LIFETIME_MS = 10 * 60_000;
const STATE_COOKIE = 'waymark_oidc';
const TIMEOUT_MS = 10_000;
export const CALLBACK_PATH = '/auth/oidc/callback';

/** The error keys the login page can show (security:sso.errors.<key>). */
export const SSO_ERRORS = ['unavailable', 'stateMismatch', 'denied', 'notLinked', 'emailUnverified', 'noEmail', 'failed'] as const;
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

/** The provider's authorization URL for a new sign-in, and the cookie that ties its state to this browser. */
export async function startOidcLogin(services: Services, redirectTo: string): Promise<{ ok: true; location: string; cookie: string } | { ok: false; error: SsoError }> {
  const oidc = services.config.oidc;
  if (!oidc) return { ok: false, error: 'failed' };
  try {
    const config = await configuration(services, oidc);
    const state = client.randomState();
    const nonce = client.randomNonce();
    const codeVerifier = client.randomPKCECodeVerifier();
    await services.db.oidcLoginState.deleteMany({ where: { expiresAt: { lt: new Date() } } });
    await services.db.oidcLoginState.create({
      data: { id: hashSecret(state), codeVerifier, nonce, redirectTo, expiresAt: new Date(Date.now() + STATE_LIFETIME_MS) },
    });
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: `${services.config.appUrl}${CALLBACK_PATH}`,
      scope: 'openid email profile',
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
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

export type OidcCallbackResult = { ok: true; userId: number; redirectTo: string } | { ok: false; error: SsoError };

/** The provider's redirect back: checks state (cookie and row), exchanges the code, finds, links or creates the account. */
export async function finishOidcLogin(services: Services, request: Request, ip: string | null): Promise<OidcCallbackResult> {
  const oidc = services.config.oidc;
  if (!oidc) return { ok: false, error: 'failed' };
  const params = new URL(request.url).searchParams;
  const state = params.get('state') ?? '';
  const cookieState = readCookie(request.headers.get('Cookie'), stateCookieName(services.config.appUrlIsHttps));
  const row = state ? await services.db.oidcLoginState.findUnique({ where: { id: hashSecret(state) } }) : null;
  if (row) await services.db.oidcLoginState.deleteMany({ where: { id: row.id } }); // single use, whatever follows
  if (params.get('error')) {
    await services.audit({ action: 'auth.sso_login', success: false, ip, detail: { error: params.get('error')?.slice(0, 100) } });
    return { ok: false, error: params.get('error') === 'access_denied' ? 'denied' : 'failed' };
  }
  if (!row || !cookieState || cookieState !== state || row.expiresAt.getTime() <= Date.now()) return { ok: false, error: 'stateMismatch' };
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
    // Many providers put e-mail and profile only in the UserInfo answer (the subject must match the ID token's)
    const claims: AccountClaims =
      typeof idClaims.email === 'string' ? idClaims : { ...(await client.fetchUserInfo(config, tokens.access_token, idClaims.sub)), sub: idClaims.sub };
    const userId = await accountFor(services, oidc, claims, ip);
    await services.audit({ action: 'auth.sso_login', userId, ip, detail: { issuer: oidc.issuer } });
    return { ok: true, userId, redirectTo: row.redirectTo };
  } catch (error) {
    const key = logged(services, error, 'failed');
    await services.audit({ action: 'auth.sso_login', success: false, ip, detail: { error: key } });
    return { ok: false, error: key };
  }
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

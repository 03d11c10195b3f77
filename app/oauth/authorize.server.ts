// /oauth/authorize: validating the request, remembered consent, CSRF protection of the consent form, and the
// redirect back to the client with a code or an error.
import type { Services } from '~/services/types.server';
import type { OAuthClient } from '~/generated/prisma/client';
import { ALL_SCOPES, parseScopeString, type Scope } from '~/auth/scopes';
import { hashSecret } from '~/auth/tokens.server';
import { readSessionToken } from '~/auth/session.server';
import { formatScopes } from '~/auth/scopes';
import { redirectUriMatches } from './redirect-uris';
import { issueAuthorizationCode } from './grants.server';
import { mcpResource } from './http.server';

const AUTHORIZE_PARAMS = ['response_type', 'client_id', 'redirect_uri', 'scope', 'state', 'code_challenge', 'code_challenge_method', 'resource'] as const;
export type AuthorizeParams = Partial<Record<(typeof AUTHORIZE_PARAMS)[number], string>>;

export function readAuthorizeParams(source: URLSearchParams | FormData): AuthorizeParams {
  const out: AuthorizeParams = {};
  for (const key of AUTHORIZE_PARAMS) {
    const value = source.get(key);
    if (typeof value === 'string' && value !== '') out[key] = value;
  }
  return out;
}

/** Problems shown on our own error page: we cannot trust the redirect URI, so we never redirect. */
export type AuthorizePageError = 'unknown_client' | 'missing_redirect_uri' | 'redirect_mismatch' | 'not_interactive';

export type AuthorizeCheck =
  | { kind: 'page_error'; error: AuthorizePageError }
  | { kind: 'redirect_error'; location: string }
  | { kind: 'ok'; client: OAuthClient; redirectUri: string; scopes: Scope[]; state?: string; codeChallenge: string; resource: string };

function redirectWith(redirectUri: string, params: Record<string, string | undefined>) {
  const url = new URL(redirectUri);
  for (const [key, value] of Object.entries(params)) if (value !== undefined) url.searchParams.set(key, value);
  return url.toString();
}

export async function checkAuthorizeRequest(services: Services, params: AuthorizeParams): Promise<AuthorizeCheck> {
  const client = params.client_id ? await services.db.oAuthClient.findUnique({ where: { clientId: params.client_id } }) : null;
  if (!client) return { kind: 'page_error', error: 'unknown_client' };
  if (client.redirectUris.length === 0) return { kind: 'page_error', error: 'not_interactive' };
  let redirectUri = params.redirect_uri;
  if (!redirectUri) {
    if (client.redirectUris.length !== 1) return { kind: 'page_error', error: 'missing_redirect_uri' };
    redirectUri = client.redirectUris[0];
  }
  if (!redirectUriMatches(client.redirectUris, redirectUri)) return { kind: 'page_error', error: 'redirect_mismatch' };

  const iss = services.config.appUrl;
  const fail = (error: string, description: string) => ({
    kind: 'redirect_error' as const,
    location: redirectWith(redirectUri, { error, error_description: description, state: params.state, iss }),
  });
  if (params.response_type !== 'code') return fail('unsupported_response_type', 'response_type must be code');
  if (!params.code_challenge) return fail('invalid_request', 'PKCE is required: send code_challenge with code_challenge_method=S256');
  if (params.code_challenge_method !== 'S256') return fail('invalid_request', 'code_challenge_method must be S256');
  if (!/^[A-Za-z0-9\-._~]{43,128}$/.test(params.code_challenge)) return fail('invalid_request', 'code_challenge is malformed');
  const resource = mcpResource(services);
  if (params.resource !== undefined && params.resource !== resource) return fail('invalid_target', `The only resource served here is ${resource}`);

  // Scopes are narrowed to what the client may ask for; no scope means everything it may ask for.
  const requested = params.scope === undefined ? client.allowedScopes : parseScopeString(params.scope).known;
  const scopes = ALL_SCOPES.filter((s) => requested.includes(s) && client.allowedScopes.includes(s));
  return { kind: 'ok', client, redirectUri, scopes, state: params.state, codeChallenge: params.code_challenge, resource };
}

/** The scopes this user already approved for this client, or null when they never approved it. */
export async function rememberedConsent(services: Services, userId: number, clientId: string): Promise<string[] | null> {
  const consent = await services.db.oAuthConsent.findUnique({ where: { userId_clientId: { userId, clientId } } });
  return consent?.scopes ?? null;
}

/** Records the approval (as the union with earlier ones), issues a code and returns where to send the browser. */
export async function approve(
  services: Services,
  check: Extract<AuthorizeCheck, { kind: 'ok' }>,
  userId: number,
  granted: Scope[],
  options: { recordConsent: boolean; ip: string | null },
) {
  if (options.recordConsent) {
    const before = (await rememberedConsent(services, userId, check.client.clientId)) ?? [];
    const union = ALL_SCOPES.filter((s) => before.includes(s) || granted.includes(s));
    await services.db.oAuthConsent.upsert({
      where: { userId_clientId: { userId, clientId: check.client.clientId } },
      create: { userId, clientId: check.client.clientId, scopes: union },
      update: { scopes: union },
    });
    await services.audit({
      action: 'oauth.consent_granted',
      userId,
      clientId: check.client.clientId,
      ip: options.ip,
      detail: { scope: formatScopes(granted), remembered: formatScopes(union) },
    });
  }
  const code = await issueAuthorizationCode(services, {
    clientId: check.client.clientId,
    userId,
    redirectUri: check.redirectUri,
    scopes: granted,
    codeChallenge: check.codeChallenge,
    resource: check.resource,
  });
  return redirectWith(check.redirectUri, { code, state: check.state, iss: services.config.appUrl });
}

export function denyLocation(services: Services, check: Extract<AuthorizeCheck, { kind: 'ok' }>) {
  return redirectWith(check.redirectUri, {
    error: 'access_denied',
    error_description: 'The user denied the request',
    state: check.state,
    iss: services.config.appUrl,
  });
}

/**
 * The consent form's anti-CSRF value: derived from the session cookie (which another site cannot read) and the
 * client, so a forged POST from elsewhere cannot carry it.
 */
export function consentCsrfToken(request: Request, clientId: string, secure: boolean) {
  const session = readSessionToken(request, secure) ?? '';
  return hashSecret(`oauth-consent:${session}:${clientId}`);
}

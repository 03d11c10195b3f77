// POST /oauth/token. Client authentication, resource binding and rate limits are ours; the grants themselves run in
// @node-oauth/oauth2-server with the Prisma model from model.server.ts.
import OAuth2Server from '@node-oauth/oauth2-server';
import type { Services } from '~/services/types.server';
import { clientIp } from '~/utils/request.server';
import { log } from '~/utils/log.server';
import { rateWindows } from '~/utils/rate-window.server';
import { ACCESS_TOKEN_LIFETIME_S, FAILED_CLIENT_AUTH_PER_MINUTE, REFRESH_TOKEN_LIFETIME_S, TOKEN_REQUESTS_PER_MINUTE } from './constants';
import { authenticateClient } from './clients.server';
import { createModel } from './model.server';
import { graceSuccessor, storeSuccessor } from './successor.server';
import { auditClientAuthFailure, invalidClient, mcpResource, oauthError, oauthJson, presentedCredentials, readForm, tooManyRequests } from './http.server';

const SUPPORTED_GRANTS = new Set(['authorization_code', 'refresh_token', 'client_credentials']);

export async function handleTokenRequest(request: Request, services: Services): Promise<Response> {
  if (request.method !== 'POST') return oauthError('invalid_request', 'Use POST', 405, { Allow: 'POST' });
  const form = await readForm(request);
  if (!form) return oauthError('invalid_request', 'The body must be application/x-www-form-urlencoded');
  const ip = clientIp(request);

  const presented = presentedCredentials(request, form);
  if (presented === 'malformed') {
    return oauthError('invalid_client', 'Malformed HTTP Basic credentials', 401, { 'WWW-Authenticate': 'Basic realm="Waymark"' });
  }

  const grantType = form.grant_type;
  if (!grantType) return oauthError('invalid_request', 'Missing parameter: grant_type');
  if (!SUPPORTED_GRANTS.has(grantType)) return oauthError('unsupported_grant_type', `Unsupported grant type: ${grantType}`);

  const resource = mcpResource(services);
  if (form.resource !== undefined && form.resource !== resource) {
    return oauthError('invalid_target', `The only resource served here is ${resource}`);
  }

  const auth = await authenticateClient(services, presented);
  if (!auth.ok) {
    await auditClientAuthFailure(services, presented, ip, { reason: auth.reason, grantType, method: presented.method });
    const failures = ip ? await rateWindows(services).hit(`oauth-auth-fail:${ip}`, FAILED_CLIENT_AUTH_PER_MINUTE) : null;
    if (failures && !failures.allowed) return tooManyRequests(failures.retryAfter);
    return invalidClient(presented, auth.reason === 'missing_secret' ? 'Client authentication required' : 'Client authentication failed');
  }
  const client = auth.client;

  const window = await rateWindows(services).hit(`oauth-token:${client.clientId}:${ip ?? '-'}`, TOKEN_REQUESTS_PER_MINUTE);
  if (!window.allowed) return tooManyRequests(window.retryAfter);

  // Inside the grace window a reused refresh token gets its successor back: a second, independent successor would
  // fork the family (and only one fork's holder could be told apart from a thief later).
  const refreshToken = grantType === 'refresh_token' && typeof form.refresh_token === 'string' ? form.refresh_token : null;
  if (refreshToken) {
    const again = await graceSuccessor(services, client.clientId, refreshToken);
    if (again) return oauthJson(again);
  }

  const body: Record<string, string> = { ...form, client_id: client.clientId };
  delete body.client_secret;
  const libRequest = new OAuth2Server.Request({
    method: 'POST',
    query: {},
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(JSON.stringify(body).length) },
    body,
  });
  const libResponse = new OAuth2Server.Response({ headers: {} });
  const server = new OAuth2Server({
    model: createModel(services, { client, grantType, resource, ip, authMethod: presented.method }) as never,
    accessTokenLifetime: ACCESS_TOKEN_LIFETIME_S,
    refreshTokenLifetime: REFRESH_TOKEN_LIFETIME_S,
    requireClientAuthentication: { authorization_code: false, refresh_token: false, client_credentials: false },
    alwaysIssueNewRefreshToken: true,
    allowExtendedTokenAttributes: false,
  });

  try {
    await server.token(libRequest, libResponse);
  } catch (error) {
    const e = error as { name?: string; message?: string; code?: number; inner?: unknown };
    if (!e.name || e.name === 'server_error' || !e.code || e.code >= 500) {
      log(services.config, 'error', `token endpoint failed: ${String((e.inner as Error | undefined)?.message ?? e.message)}`);
      return oauthError('server_error', 'The token could not be issued', 500);
    }
    if (refreshToken && e.name === 'invalid_grant') {
      // A concurrent request with the same refresh token won the rotation; its successor is being filed (bounded wait).
      for (let i = 0; i < 40; i++) {
        const again = await graceSuccessor(services, client.clientId, refreshToken);
        if (again) return oauthJson(again);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    }
    const status = e.name === 'invalid_client' ? 401 : 400;
    return oauthError(e.name, e.message ?? e.name, status);
  }
  if (refreshToken) await storeSuccessor(services, refreshToken, libResponse.body as Record<string, unknown>);
  return oauthJson(libResponse.body);
}

// POST /oauth/register — RFC 7591 dynamic client registration. Registered clients have no owner and can never use
// client_credentials; they are capped in number and rate limited per IP.
import type { Services } from '~/services/types.server';
import { clientIp } from '~/utils/request.server';
import { rateLimitAddress } from '~/utils/client-ip';
import { rateWindows } from '~/utils/rate-window.server';
import { parseScopeString } from '~/auth/scopes';
import { DEFAULT_REGISTRATION_SCOPES, MAX_OWNERLESS_CLIENTS, REGISTRATIONS_PER_MINUTE_PER_IP, UNUSED_REGISTRATION_TTL_MS } from './constants';
import { createClient, deleteUnusedRegistrations, type TokenEndpointAuthMethod } from './clients.server';
import { redirectUriProblem } from './redirect-uris';
import { oauthError, oauthJson } from './http.server';

const AUTH_METHODS = new Set(['none', 'client_secret_basic', 'client_secret_post']);

export async function handleRegistration(request: Request, services: Services): Promise<Response> {
  if (request.method !== 'POST') return oauthError('invalid_request', 'Use POST', 405, { Allow: 'POST' });
  // Registration only serves MCP clients: with the addon off it answers as /mcp does.
  if (!(await services.addons.isEnabled('mcp'))) {
    return Response.json({ error: 'mcp_disabled', message: 'The MCP server is turned off by the administrator' }, { status: 403 });
  }
  const ip = clientIp(request);
  const window = await rateWindows(services).hit(`oauth-register:${rateLimitAddress(ip)}`, REGISTRATIONS_PER_MINUTE_PER_IP);
  if (!window.allowed) return oauthError('slow_down', 'Too many registrations; try again later', 429, { 'Retry-After': String(window.retryAfter) });

  let metadata: Record<string, unknown>;
  try {
    metadata = (await request.json()) as Record<string, unknown>;
    if (!metadata || typeof metadata !== 'object' || Array.isArray(metadata)) throw new Error('not an object');
  } catch {
    return oauthError('invalid_client_metadata', 'The body must be a JSON object');
  }

  const redirectUris = metadata.redirect_uris;
  if (!Array.isArray(redirectUris) || redirectUris.length === 0 || redirectUris.length > 10 || !redirectUris.every((u) => typeof u === 'string' && u.length <= 2000)) {
    return oauthError('invalid_redirect_uri', 'redirect_uris must be a list of 1 to 10 URIs');
  }
  for (const uri of redirectUris as string[]) {
    const problem = redirectUriProblem(uri);
    if (problem) return oauthError('invalid_redirect_uri', `redirect URI ${uri.slice(0, 200)} ${problem}`);
  }

  const method = (metadata.token_endpoint_auth_method ?? 'client_secret_basic') as string;
  if (typeof method !== 'string' || !AUTH_METHODS.has(method)) {
    return oauthError('invalid_client_metadata', 'token_endpoint_auth_method must be none, client_secret_basic or client_secret_post');
  }
  const grantTypes = (metadata.grant_types ?? ['authorization_code', 'refresh_token']) as unknown;
  if (!Array.isArray(grantTypes) || !grantTypes.every((g) => typeof g === 'string')) {
    return oauthError('invalid_client_metadata', 'grant_types must be a list');
  }
  if (grantTypes.includes('client_credentials')) {
    return oauthError('invalid_client_metadata', 'Machine clients (client_credentials) are created by a user in Settings, not by registration');
  }
  if (grantTypes.some((g) => g !== 'authorization_code' && g !== 'refresh_token')) {
    return oauthError('invalid_client_metadata', 'Only authorization_code and refresh_token can be registered');
  }
  const responseTypes = (metadata.response_types ?? ['code']) as unknown;
  if (!Array.isArray(responseTypes) || responseTypes.some((r) => r !== 'code')) {
    return oauthError('invalid_client_metadata', 'response_types must be ["code"]');
  }

  // Unknown scopes are dropped silently (MCP-SURFACE.md); no scope at all means the defaults.
  const scopeText = typeof metadata.scope === 'string' ? metadata.scope : undefined;
  const parsed = parseScopeString(scopeText);
  const scopes = scopeText === undefined || (parsed.known.length === 0 && parsed.unknown.length === 0) ? DEFAULT_REGISTRATION_SCOPES : parsed.known;

  const name = typeof metadata.client_name === 'string' && metadata.client_name.trim() ? metadata.client_name.trim().slice(0, 100) : 'Unnamed MCP client';

  await deleteUnusedRegistrations(services, new Date(Date.now() - UNUSED_REGISTRATION_TTL_MS));
  const ownerless = await services.db.oAuthClient.count({ where: { ownerId: null } });
  if (ownerless >= MAX_OWNERLESS_CLIENTS) {
    return oauthError('access_denied', 'This server has reached its limit of registered clients; ask the administrator', 403);
  }

  const { client, clientSecret } = await createClient(services, {
    name,
    ownerId: null,
    redirectUris: redirectUris as string[],
    allowedScopes: scopes,
    tokenEndpointAuthMethod: method as TokenEndpointAuthMethod,
    machine: false,
    registeredDynamically: true,
  });
  return oauthJson(
    {
      client_id: client.clientId,
      ...(clientSecret ? { client_secret: clientSecret, client_secret_expires_at: 0 } : {}),
      client_id_issued_at: Math.floor(client.createdAt.getTime() / 1000),
      client_name: client.name,
      redirect_uris: client.redirectUris,
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      token_endpoint_auth_method: client.tokenEndpointAuthMethod,
      scope: client.allowedScopes.join(' '),
    },
    201,
  );
}


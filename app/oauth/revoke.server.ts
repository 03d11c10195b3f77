// POST /oauth/revoke (RFC 7009) and POST /oauth/introspect (RFC 7662).
import type { Services } from '~/services/types.server';
import { clientIp } from '~/utils/request.server';
import { hashSecret } from '~/auth/tokens.server';
import { authenticateClient, isConfidential } from './clients.server';
import { revokeTokens } from './grants.server';
import { auditClientAuthFailure, invalidClient, oauthError, oauthJson, presentedCredentials, readForm } from './http.server';

async function authenticatedClient(request: Request, services: Services, form: Record<string, string>) {
  const presented = presentedCredentials(request, form);
  if (presented === 'malformed') return { error: oauthError('invalid_client', 'Malformed HTTP Basic credentials', 401, { 'WWW-Authenticate': 'Basic realm="Waymark"' }) };
  const auth = await authenticateClient(services, presented);
  if (!auth.ok) {
    await auditClientAuthFailure(services, presented, clientIp(request), { reason: auth.reason, endpoint: new URL(request.url).pathname });
    return { error: invalidClient(presented) };
  }
  return { client: auth.client };
}

async function findToken(services: Services, token: string, clientId: string) {
  const hash = hashSecret(token);
  const row = await services.db.oAuthToken.findFirst({ where: { OR: [{ accessTokenHash: hash }, { refreshTokenHash: hash }] } });
  if (!row || row.clientId !== clientId) return null;
  return { row, isRefresh: row.refreshTokenHash === hash };
}

export async function handleRevocation(request: Request, services: Services): Promise<Response> {
  if (request.method !== 'POST') return oauthError('invalid_request', 'Use POST', 405, { Allow: 'POST' });
  const form = await readForm(request);
  if (!form) return oauthError('invalid_request', 'The body must be application/x-www-form-urlencoded');
  const auth = await authenticatedClient(request, services, form);
  if (auth.error) return auth.error;
  if (!form.token) return oauthError('invalid_request', 'Missing parameter: token');
  const found = await findToken(services, form.token, auth.client.clientId);
  // RFC 7009 §2.2: unknown or foreign tokens still get 200, so the endpoint reveals nothing.
  if (found) {
    // Revoking either token ends the grant it belongs to, and the MCP sessions opened with it.
    const revoked = await revokeTokens(services, { familyId: found.row.familyId });
    await services.audit({
      action: 'oauth.token_revoked',
      userId: found.row.userId,
      clientId: auth.client.clientId,
      ip: clientIp(request),
      detail: { familyId: found.row.familyId, kind: found.isRefresh ? 'refresh_token' : 'access_token', revokedTokens: revoked },
    });
  }
  return new Response(null, { status: 200, headers: { 'Cache-Control': 'no-store', 'Access-Control-Allow-Origin': '*' } });
}

export async function handleIntrospection(request: Request, services: Services): Promise<Response> {
  if (request.method !== 'POST') return oauthError('invalid_request', 'Use POST', 405, { Allow: 'POST' });
  const form = await readForm(request);
  if (!form) return oauthError('invalid_request', 'The body must be application/x-www-form-urlencoded');
  const auth = await authenticatedClient(request, services, form);
  if (auth.error) return auth.error;
  if (!isConfidential(auth.client)) return oauthError('invalid_client', 'Introspection is for confidential clients', 401);
  if (!form.token) return oauthError('invalid_request', 'Missing parameter: token');
  const found = await findToken(services, form.token, auth.client.clientId);
  const now = Date.now();
  if (!found || found.row.revokedAt) return oauthJson({ active: false });
  const { row, isRefresh } = found;
  const expiresAt = isRefresh ? row.refreshTokenExpiresAt : row.accessTokenExpiresAt;
  if (!expiresAt || expiresAt.getTime() <= now || (isRefresh && row.rotatedAt)) return oauthJson({ active: false });
  const user = await services.db.user.findUnique({ where: { id: row.userId }, select: { username: true } });
  return oauthJson({
    active: true,
    scope: row.scopes.join(' '),
    client_id: row.clientId,
    username: user?.username,
    sub: String(row.userId),
    token_type: isRefresh ? 'refresh_token' : 'Bearer',
    exp: Math.floor(expiresAt.getTime() / 1000),
    iat: Math.floor(row.createdAt.getTime() / 1000),
    aud: row.resource,
    iss: services.config.appUrl,
  });
}

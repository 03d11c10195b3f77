// OAuth clients: creation (settings, CLI, dynamic registration), authentication at the token endpoint, secret
// rotation and deletion. Secrets are `wmcs_…`, shown once and stored as SHA-256.
import type { Services } from '~/services/types.server';
import type { OAuthClient } from '~/generated/prisma/client';
import { TOKEN_PREFIX, hashSecret, randomSecret, secretMatchesHash } from '~/auth/tokens.server';
import { ALL_SCOPES, formatScopes, type Scope } from '~/auth/scopes';
import { oauthClientKey } from '~/auth/mcp-session-keys';
import type { PresentedCredentials } from './http.server';
import { revokeTokens } from './grants.server';

export type TokenEndpointAuthMethod = 'client_secret_basic' | 'client_secret_post' | 'none';

export interface NewClient {
  name: string;
  ownerId: number | null;
  redirectUris: string[];
  allowedScopes: Scope[];
  tokenEndpointAuthMethod: TokenEndpointAuthMethod;
  machine: boolean;
  registeredDynamically: boolean;
}

/** Creates a client; returns the row and, for confidential clients, the secret (the only time it exists in clear). */
export async function createClient(services: Services, input: NewClient) {
  const confidential = input.machine || input.tokenEndpointAuthMethod !== 'none';
  const clientSecret = confidential ? randomSecret(TOKEN_PREFIX.clientSecret) : null;
  const client = await services.db.oAuthClient.create({
    data: {
      clientId: randomSecret(TOKEN_PREFIX.clientId),
      secretHash: clientSecret ? hashSecret(clientSecret) : null,
      name: input.name,
      ownerId: input.ownerId,
      redirectUris: input.redirectUris,
      allowedScopes: ALL_SCOPES.filter((s) => input.allowedScopes.includes(s)),
      tokenEndpointAuthMethod: confidential && input.tokenEndpointAuthMethod === 'none' ? 'client_secret_basic' : input.tokenEndpointAuthMethod,
      allowsClientCredentials: input.machine,
      registeredDynamically: input.registeredDynamically,
    },
  });
  await services.audit({
    action: 'oauth.client_created',
    userId: input.ownerId,
    clientId: client.clientId,
    detail: { name: client.name, machine: input.machine, dynamic: input.registeredDynamically, scopes: formatScopes(client.allowedScopes) },
  });
  return { client, clientSecret };
}

export function isConfidential(client: Pick<OAuthClient, 'secretHash'>) {
  return client.secretHash !== null;
}

/** The grants a client may use. client_credentials only for owned, confidential clients created with the flag. */
export function clientGrants(client: OAuthClient): string[] {
  const grants: string[] = [];
  if (client.redirectUris.length > 0) grants.push('authorization_code', 'refresh_token');
  if (client.allowsClientCredentials && client.ownerId !== null && isConfidential(client) && !client.registeredDynamically) {
    grants.push('client_credentials');
  }
  return grants;
}

export type ClientAuthResult =
  | { ok: true; client: OAuthClient }
  | { ok: false; reason: 'unknown_client' | 'missing_secret' | 'wrong_secret' | 'secret_for_public_client' };

/**
 * Authenticates the presented credentials. Confidential clients must present their secret (Basic or form); public
 * clients identify themselves by client_id alone and must not present a secret.
 */
export async function authenticateClient(services: Services, presented: PresentedCredentials): Promise<ClientAuthResult> {
  if (!presented.clientId) return { ok: false, reason: 'unknown_client' };
  // Plain SQL rather than the ORM: this runs on every token request (the machine-client hot path). The columns are
  // named, not `*`: a prepared statement whose result shape a later migration changed would fail on every connection.
  const rows = (await services.database.sql.query(
    `SELECT "id", "clientId", "secretHash", "name", "ownerId", "redirectUris", "allowedScopes", "tokenEndpointAuthMethod",
            "allowsClientCredentials", "registeredDynamically", "createdAt"
       FROM "OAuthClient" WHERE "clientId" = $1`,
    [presented.clientId],
  )) as OAuthClient[];
  const client = rows[0];
  if (!client) return { ok: false, reason: 'unknown_client' };
  if (client.secretHash === null) {
    return presented.clientSecret ? { ok: false, reason: 'secret_for_public_client' } : { ok: true, client };
  }
  if (!presented.clientSecret) return { ok: false, reason: 'missing_secret' };
  if (!secretMatchesHash(presented.clientSecret, client.secretHash)) return { ok: false, reason: 'wrong_secret' };
  return { ok: true, client };
}

export async function rotateClientSecret(services: Services, client: OAuthClient, actorUserId: number) {
  const clientSecret = randomSecret(TOKEN_PREFIX.clientSecret);
  await services.db.oAuthClient.update({ where: { id: client.id }, data: { secretHash: hashSecret(clientSecret) } });
  const revoked = await revokeTokens(services, { clientId: client.clientId });
  await services.audit({ action: 'oauth.client_secret_rotated', userId: actorUserId, clientId: client.clientId, detail: { revokedTokens: revoked } });
  return clientSecret;
}

export async function deleteClient(services: Services, client: OAuthClient, actorUserId: number) {
  await services.mcpSessions.close({ clientKey: oauthClientKey(client.clientId) });
  await services.db.oAuthClient.delete({ where: { id: client.id } });
  await services.audit({ action: 'oauth.client_deleted', userId: actorUserId, clientId: client.clientId, detail: { name: client.name } });
}

/**
 * Deletes dynamically registered clients created before `before` that never obtained a token or a code (a client that
 * did is in use and stays). Registration calls it first, so abandoned registrations cannot fill the cap for good.
 */
export async function deleteUnusedRegistrations(services: Pick<Services, 'db'>, before: Date) {
  const { count } = await services.db.oAuthClient.deleteMany({
    where: { ownerId: null, registeredDynamically: true, createdAt: { lt: before }, tokens: { none: {} }, codes: { none: {} } },
  });
  return count;
}

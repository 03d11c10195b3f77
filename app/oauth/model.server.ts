// The @node-oauth/oauth2-server model, backed by Prisma. Built per token request (a plain object, cheap) so it can
// see the request's grant type. The library runs the grants (code + PKCE verification, refresh, client_credentials);
// what it lacks — resource binding, replay detection, the grace window, machine-client rules — happens here or in
// token.server.ts.
import OAuth2Server from '@node-oauth/oauth2-server';
import type { Services } from '~/services/types.server';
import type { OAuthClient } from '~/generated/prisma/client';
import { TOKEN_PREFIX, hashSecret, randomSecret } from '~/auth/tokens.server';
import { ALL_SCOPES, formatScopes } from '~/auth/scopes';
import { REFRESH_GRACE_MS } from './constants';
import { clientGrants } from './clients.server';
import { newFamilyId, revokeTokens } from './grants.server';

export interface ModelClient {
  id: string;
  grants: string[];
  redirectUris: string[];
  row: OAuthClient;
}

export interface ModelUser {
  id: number;
  /** Set when the user object comes from a refresh token: the new token joins the same family. */
  familyId?: string;
}

/** saveToken's refusal when the family it would join is revoked; the library answers it as invalid_grant. */
function familyRevoked() {
  return new OAuth2Server.InvalidGrantError('Invalid grant: this grant has been revoked');
}

/** The family of a grant started by an authorization code is derived from the code, so a replayed code can end it. */
function codeFamilyId(code: string) {
  return hashSecret(`family:${code}`);
}

function modelClient(row: OAuthClient): ModelClient {
  return { id: row.clientId, grants: clientGrants(row), redirectUris: row.redirectUris, row };
}

export function createModel(services: Services, context: { client: OAuthClient; grantType: string; resource: string; ip: string | null; authMethod: string }) {
  const db = services.db;
  return {
    // Client authentication already happened in token.server.ts (it needs the reason for the audit log and the
    // status code); the library only gets the authenticated client back.
    async getClient(clientId: string) {
      return clientId === context.client.clientId ? modelClient(context.client) : null;
    },

    async generateAccessToken() {
      return randomSecret(TOKEN_PREFIX.accessToken);
    },

    async generateRefreshToken() {
      return randomSecret(TOKEN_PREFIX.refreshToken);
    },

    async getAuthorizationCode(code: string) {
      const row = await db.oAuthCode.findUnique({ where: { codeHash: hashSecret(code) } });
      if (!row) return null;
      if (row.usedAt) {
        // A code presented twice was intercepted: end the grant it produced (OAuth 2.1 §4.1.3), and delete the code,
        // so a first exchange still in flight finds it gone and issues nothing.
        const revoked = await revokeTokens(services, { familyId: codeFamilyId(code) }, async (tx) => {
          await tx.oAuthCode.deleteMany({ where: { codeHash: row.codeHash } });
        });
        await services.audit({
          action: 'oauth.code_replay_detected',
          userId: row.userId,
          clientId: row.clientId,
          success: false,
          ip: context.ip,
          detail: { revokedTokens: revoked },
        });
        return null;
      }
      // The code is bound to the resource of the authorize request; a token request naming another is refused.
      if (row.resource !== context.resource) return null;
      return {
        authorizationCode: code,
        expiresAt: row.expiresAt,
        redirectUri: row.redirectUri,
        scope: row.scopes,
        codeChallenge: row.codeChallenge,
        codeChallengeMethod: row.codeChallengeMethod,
        client: { id: row.clientId },
        user: { id: row.userId } satisfies ModelUser,
      };
    },

    /** Single use: only the first request flips usedAt. */
    async revokeAuthorizationCode(code: { authorizationCode: string }) {
      const { count } = await db.oAuthCode.updateMany({
        where: { codeHash: hashSecret(code.authorizationCode), usedAt: null },
        data: { usedAt: new Date() },
      });
      return count === 1;
    },

    async getRefreshToken(refreshToken: string) {
      const row = await db.oAuthToken.findUnique({ where: { refreshTokenHash: hashSecret(refreshToken) } });
      if (!row || row.revokedAt || !row.refreshTokenExpiresAt) return null;
      if (row.rotatedAt && Date.now() - row.rotatedAt.getTime() > REFRESH_GRACE_MS) {
        // A rotated refresh token came back after the grace window: someone holds a stolen copy. End the family.
        const revoked = await revokeTokens(services, { familyId: row.familyId });
        await services.audit({
          action: 'oauth.refresh_replay_detected',
          userId: row.userId,
          clientId: row.clientId,
          success: false,
          ip: context.ip,
          detail: { familyId: row.familyId, revokedTokens: revoked },
        });
        return null;
      }
      return {
        refreshToken,
        refreshTokenExpiresAt: row.refreshTokenExpiresAt,
        scope: row.scopes,
        client: { id: row.clientId },
        user: { id: row.userId, familyId: row.familyId } satisfies ModelUser,
      };
    },

    /**
     * Marks the presented refresh token rotated. Only the first request wins; a later one inside the grace window is
     * answered with the winner's successor by token.server.ts, never with a second successor.
     */
    async revokeToken(token: { refreshToken: string }) {
      const { count } = await db.oAuthToken.updateMany({
        where: { refreshTokenHash: hashSecret(token.refreshToken), rotatedAt: null, revokedAt: null },
        data: { rotatedAt: new Date() },
      });
      return count === 1;
    },

    async getUserFromClient(client: ModelClient) {
      // Only owned machine clients reach this (clientGrants); the token acts as the owner.
      return client.row.ownerId === null ? null : ({ id: client.row.ownerId } satisfies ModelUser);
    },

    async validateScope(_user: ModelUser, client: ModelClient, requested: string[] | undefined) {
      if (context.grantType === 'client_credentials') {
        const allowed = client.row.allowedScopes;
        if (!requested || requested.length === 0) return ALL_SCOPES.filter((s) => allowed.includes(s));
        if (!requested.every((s) => allowed.includes(s))) return false;
        return ALL_SCOPES.filter((s) => requested.includes(s));
      }
      // authorization_code: the scopes approved on the consent page, stored with the code.
      return requested ?? [];
    },

    async saveToken(
      token: { accessToken: string; accessTokenExpiresAt: Date; authorizationCode?: string; refreshToken?: string; refreshTokenExpiresAt?: Date; scope?: string[] },
      client: ModelClient,
      user: ModelUser,
    ) {
      const scopes = ALL_SCOPES.filter((s) => (token.scope ?? []).includes(s));
      const refreshToken = context.grantType === 'client_credentials' ? undefined : token.refreshToken;
      const familyId = token.authorizationCode ? codeFamilyId(token.authorizationCode) : (user.familyId ?? newFamilyId());
      // One SQL statement writes the token row and its audit entry: issuing tokens is the hot path of machine
      // clients (see bench/oauth.ts), and two ORM round trips cost about a third of the request.
      const insert = `WITH issued AS (
           INSERT INTO "OAuthToken" ("accessTokenHash", "refreshTokenHash", "refreshTokenExpiresAt", "familyId", "clientId",
                                     "userId", "scopes", "resource", "grantType", "accessTokenExpiresAt")
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING "id")
         INSERT INTO "AuditLog" ("action", "userId", "clientId", "success", "detail", "ip")
         SELECT $11, $6, $5, true, $12::jsonb, $13 FROM issued`;
      const params = [
          hashSecret(token.accessToken),
          refreshToken ? hashSecret(refreshToken) : null,
          refreshToken ? (token.refreshTokenExpiresAt ?? null) : null,
          familyId,
          client.id,
          user.id,
          scopes,
          context.resource,
          context.grantType,
          token.accessTokenExpiresAt,
          context.grantType === 'refresh_token' ? 'oauth.token_refreshed' : 'oauth.token_issued',
          JSON.stringify({ grantType: context.grantType, authMethod: context.authMethod, scope: formatScopes(scopes), familyId }),
          context.ip,
      ];
      if (context.grantType === 'client_credentials') {
        // A new family nobody can have revoked yet: no lock needed on the hot path.
        await services.database.sql.query(insert, params);
      } else {
        // Joining an existing family (refresh) or a code's family: take the family's lock, which revocation takes too,
        // and refuse if the family was revoked (or the code's replay deleted it) — so a revoked family never gains a token.
        await db.$transaction(async (tx) => {
          await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${familyId}))`;
          const revoked = await tx.oAuthToken.count({ where: { familyId, revokedAt: { not: null } } });
          const codeGone =
            token.authorizationCode !== undefined &&
            (await tx.oAuthCode.count({ where: { codeHash: hashSecret(token.authorizationCode) } })) === 0;
          if (revoked > 0 || codeGone) throw familyRevoked();
          await tx.$executeRawUnsafe(insert, ...params);
        });
      }
      return {
        accessToken: token.accessToken,
        accessTokenExpiresAt: token.accessTokenExpiresAt,
        refreshToken,
        refreshTokenExpiresAt: refreshToken ? token.refreshTokenExpiresAt : undefined,
        scope: scopes,
        client,
        user,
      };
    },
  };
}

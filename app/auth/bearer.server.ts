// Resolves `Authorization: Bearer …` to an Actor: static API tokens (`wm_`, deprecated, every scope) and OAuth access
// tokens (`wmat_`, bound to `<APP_URL>/mcp`, scopes from the grant). Never looks at the session cookie.
import type { Database } from '~/db/client.server';
import type { User } from '~/generated/prisma/client';
import type { Actor } from './actor.server';
import { isScope, type Scope } from './scopes';
import { TOKEN_PREFIX, hashSecret } from './tokens.server';
import { staticTokenClientKey } from './mcp-session-keys';

/** lastUsedAt is written at most this often per token, so a busy session does not write on every request. */
const LAST_USED_RESOLUTION_MS = 60_000;

export function readBearer(request: { headers: { get(name: string): string | null } }): string | null {
  const header = request.headers.get('Authorization');
  if (!header) return null;
  const match = /^Bearer[ ]+([^\s]+)\s*$/i.exec(header);
  return match ? match[1] : null;
}

type UserRow = User;

const USER_COLUMNS = `u."id", u."email", u."username", u."displayName", u."passwordHash", u."language", u."temperatureUnit", u."theme", u."distanceUnit", u."timeFormat", u."weekStart", u."isAdmin", u."createdAt", u."avatarKey"`;

/**
 * The actor for a bearer token, or null when it is unknown, expired, revoked, issued for another resource, or its
 * client is gone. One SQL round trip per request (this runs on every MCP request).
 */
export async function resolveBearerToken(database: Pick<Database, 'sql'>, token: string, options: { resource: string; now?: Date }): Promise<Actor | null> {
  return (await resolveBearer(database, token, options))?.actor ?? null;
}

/** Like resolveBearerToken, with the token's expiry (null: until deleted) so callers may cache the result until then. */
export async function resolveBearer(
  database: Pick<Database, 'sql'>,
  token: string,
  options: { resource: string; now?: Date },
): Promise<{ actor: Actor; expiresAt: Date | null } | null> {
  const now = options.now ?? new Date();
  if (token.startsWith(TOKEN_PREFIX.accessToken)) {
    const rows = (await database.sql.query(
      `SELECT t."clientId" AS "t_clientId", t."familyId" AS "t_familyId", t."scopes" AS "t_scopes", t."grantType" AS "t_grantType",
              t."resource" AS "t_resource", t."accessTokenExpiresAt" AS "t_expiresAt", t."revokedAt" AS "t_revokedAt", ${USER_COLUMNS}
         FROM "OAuthToken" t
         JOIN "User" u ON u."id" = t."userId"
         JOIN "OAuthClient" c ON c."clientId" = t."clientId"
        WHERE t."accessTokenHash" = $1`,
      [hashSecret(token)],
    )) as Array<Record<string, unknown>>;
    const row = rows[0];
    if (!row || row.t_revokedAt) return null;
    if (new Date(row.t_expiresAt as string | Date).getTime() <= now.getTime()) return null;
    if (row.t_resource !== options.resource) return null;
    const actor: Actor = {
      user: userFrom(row),
      scopes: (row.t_scopes as string[]).filter(isScope) as Scope[],
      via: row.t_grantType === 'client_credentials' ? 'machine' : 'oauth',
      clientId: row.t_clientId as string,
      tokenFamily: row.t_familyId as string,
    };
    return { actor, expiresAt: new Date(row.t_expiresAt as string | Date) };
  }
  if (token.startsWith(TOKEN_PREFIX.staticToken)) {
    const rows = (await database.sql.query(
      `SELECT t."id" AS "t_id", t."lastUsedAt" AS "t_lastUsedAt", ${USER_COLUMNS}
         FROM "ApiToken" t JOIN "User" u ON u."id" = t."userId"
        WHERE t."tokenHash" = $1`,
      [hashSecret(token)],
    )) as Array<Record<string, unknown>>;
    const row = rows[0];
    if (!row) return null;
    const lastUsed = row.t_lastUsedAt ? new Date(row.t_lastUsedAt as string | Date).getTime() : 0;
    if (now.getTime() - lastUsed > LAST_USED_RESOLUTION_MS) {
      await database.sql.query(`UPDATE "ApiToken" SET "lastUsedAt" = $1::timestamp WHERE "id" = $2`, [now, row.t_id]);
    }
    return { actor: { user: userFrom(row), scopes: null, via: 'static', clientId: staticTokenClientKey(row.t_id as number) }, expiresAt: null };
  }
  return null;
}

function userFrom(row: Record<string, unknown>): UserRow {
  return {
    id: row.id as number,
    email: row.email as string,
    username: row.username as string,
    displayName: row.displayName as string,
    passwordHash: row.passwordHash as string,
    language: row.language as string,
    temperatureUnit: (row.temperatureUnit as string | null) ?? null,
    theme: (row.theme as string | null) ?? null,
    distanceUnit: (row.distanceUnit as string | null) ?? null,
    timeFormat: (row.timeFormat as string | null) ?? null,
    weekStart: (row.weekStart as string | null) ?? null,
    isAdmin: row.isAdmin as boolean,
    createdAt: new Date(row.createdAt as string | Date),
    avatarKey: (row.avatarKey as string | null) ?? null,
  };
}

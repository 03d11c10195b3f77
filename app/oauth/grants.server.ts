// Token rows and families: revoking tokens and grants (and closing their MCP sessions), and
// the authorization codes the consent page hands out.
import type { Services } from '~/services/types.server';
import type { Prisma } from '~/generated/prisma/client';
import { TOKEN_PREFIX, hashSecret, randomSecret } from '~/auth/tokens.server';
import { oauthClientKey } from '~/auth/mcp-session-keys';
import { AUTHORIZATION_CODE_LIFETIME_MS } from './constants';

export function newFamilyId() {
  return randomSecret();
}

/** Whose tokens to revoke: one refresh-token family, or an OAuth client's (for one user, or for every user). */
export type TokenSelection = { familyId: string } | { clientId: string; userId?: number };

/**
 * Revokes every live token of the selection and closes the MCP sessions opened with them, so a revoked token is
 * refused on its next MCP request too. Returns how many tokens were revoked. Every revocation goes through here.
 */
export async function revokeTokens(
  services: Services,
  selection: TokenSelection,
  /** more work under the family's lock (code replay deletes its code there) */
  alsoUnderLock?: (tx: Prisma.TransactionClient) => Promise<void>,
) {
  const byFamily = 'familyId' in selection;
  const userOnly = !byFamily && selection.userId !== undefined ? { userId: selection.userId } : {};
  const where = { ...(byFamily ? { familyId: selection.familyId } : { clientId: selection.clientId, ...userOnly }), revokedAt: null };
  // A family is revoked under its lock, which saveToken takes too: a token being issued into the family either
  // commits first (and is revoked here) or finds the family revoked and is refused.
  const count = byFamily
    ? await services.db.$transaction(async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${selection.familyId}))`;
        const { count } = await tx.oAuthToken.updateMany({ where, data: { revokedAt: new Date() } });
        if (alsoUnderLock) await alsoUnderLock(tx);
        return count;
      })
    : (await services.db.oAuthToken.updateMany({ where, data: { revokedAt: new Date() } })).count;
  await services.mcpSessions.close(byFamily ? { tokenFamily: selection.familyId } : { ...userOnly, clientKey: oauthClientKey(selection.clientId) });
  return count;
}

/**
 * Ends what a user granted a client (from the user's settings or the admin page): its tokens, its sessions and the
 * remembered consent, so the next authorization asks again.
 */
export async function revokeGrant(services: Services, grant: { userId: number; clientId: string }, by: { actorUserId: number; ip?: string | null }) {
  const count = await revokeTokens(services, grant);
  await services.db.oAuthConsent.deleteMany({ where: grant });
  await services.audit({
    action: 'oauth.token_revoked',
    userId: by.actorUserId,
    clientId: grant.clientId,
    ip: by.ip ?? null,
    detail: { grantUserId: grant.userId, revokedTokens: count, by: by.actorUserId === grant.userId ? 'user' : 'admin' },
  });
  return count;
}

export async function issueAuthorizationCode(
  services: Services,
  input: { clientId: string; userId: number; redirectUri: string; scopes: string[]; codeChallenge: string; resource: string },
) {
  const code = randomSecret(TOKEN_PREFIX.authorizationCode);
  await services.db.oAuthCode.create({
    data: {
      codeHash: hashSecret(code),
      clientId: input.clientId,
      userId: input.userId,
      redirectUri: input.redirectUri,
      scopes: input.scopes,
      codeChallenge: input.codeChallenge,
      codeChallengeMethod: 'S256',
      resource: input.resource,
      expiresAt: new Date(Date.now() + AUTHORIZATION_CODE_LIFETIME_MS),
    },
  });
  return code;
}

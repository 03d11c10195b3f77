// Token rows and families: writing OAuthToken rows the way the bearer check reads them, revoking a family, and
// the authorization codes the consent page hands out.
import type { Services } from '~/services.server';
import { TOKEN_PREFIX, hashSecret, randomSecret } from '~/auth/tokens.server';
import { AUTHORIZATION_CODE_LIFETIME_MS } from './constants';

export function newFamilyId() {
  return randomSecret();
}

/** Revokes every live token of a refresh-token family and closes the MCP sessions opened with it. */
export async function revokeFamily(services: Services, familyId: string) {
  const { count } = await services.db.oAuthToken.updateMany({
    where: { familyId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  await services.mcpSessions.close({ tokenFamily: familyId });
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

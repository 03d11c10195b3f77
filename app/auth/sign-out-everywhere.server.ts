// "Sign out everywhere": every way this user is signed in ends at once — web sessions (this browser's too), the
// OAuth grants of every app (tokens revoked family by family under the family lock, pending authorization codes
// deleted, remembered consents forgotten so each app asks again), open MCP sessions and live sockets.
// Deprecated static API tokens are not sessions: they stay until revoked on their own page.
import type { Services } from '~/services/types.server';
import { revokeTokens } from '~/oauth/grants.server';

export async function signOutEverywhere(services: Services, userId: number, ip: string | null) {
  const db = services.db;
  const { count: sessions } = await db.session.deleteMany({ where: { userId } });
  await db.oAuthCode.deleteMany({ where: { userId } });
  const families = await db.oAuthToken.findMany({ where: { userId, revokedAt: null }, distinct: ['familyId'], select: { familyId: true } });
  let tokens = 0;
  for (const { familyId } of families) tokens += await revokeTokens(services, { familyId });
  const { count: consents } = await db.oAuthConsent.deleteMany({ where: { userId } });
  const mcpSessions = await services.mcpSessions.close({ userId });
  await services.realtime.disconnectUser?.(userId);
  await services.audit({ action: 'auth.sign_out_everywhere', userId, ip, detail: { sessions, tokens, consents, mcpSessions } });
  return { sessions, tokens, consents, mcpSessions };
}

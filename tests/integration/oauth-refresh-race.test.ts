// Refresh rotation without forks (issue 11): inside the grace window a reused refresh token gets the SAME successor,
// and a family that is revoked never gains a token, however the requests interleave.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server';
import { makeUser } from '../helpers/users';
import { authorizationCodeTokens, createInteractiveClient, postForm } from './oauth.helpers';

let server: TestServer;
let resource: string;
beforeAll(async () => {
  server = await startTestServer();
  resource = `${server.url}/mcp`;
});
afterAll(async () => {
  await server?.close();
});

async function tokens() {
  const { cookie } = await makeUser(server);
  const client = await createInteractiveClient(server, { scopes: ['trips:read'], public: true });
  const res = await authorizationCodeTokens(server, cookie, client, 'trips:read');
  expect(res.status).toBe(200);
  return { client, refresh: res.body.refresh_token as string };
}
const refreshWith = (clientId: string, refreshToken: string) =>
  postForm(server, '/oauth/token', { grant_type: 'refresh_token', refresh_token: refreshToken, client_id: clientId, resource });

describe('refresh grace window', () => {
  it('a second use inside the grace window returns the same successor, not a new one', async () => {
    const t = await tokens();
    const first = await refreshWith(t.client.clientId, t.refresh);
    const second = await refreshWith(t.client.clientId, t.refresh);
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(second.body.refresh_token).toBe(first.body.refresh_token);
    expect(second.body.access_token).toBe(first.body.access_token);
    expect(await server.services.db.oAuthToken.count({ where: { clientId: t.client.clientId } })).toBe(2);
  });

  it('concurrent uses get the same successor', async () => {
    const t = await tokens();
    const answers = await Promise.all([1, 2, 3].map(() => refreshWith(t.client.clientId, t.refresh)));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(new Set(answers.map((a) => a.body.refresh_token)).size).toBe(1);
    expect(await server.services.db.oAuthToken.count({ where: { clientId: t.client.clientId } })).toBe(2);
  });

  it('a family revoked while a refresh is in flight ends with no live token', async () => {
    for (let i = 0; i < 8; i++) {
      const t = await tokens();
      const row = await server.services.db.oAuthToken.findFirstOrThrow({ where: { clientId: t.client.clientId } });
      await Promise.all([
        refreshWith(t.client.clientId, t.refresh),
        postForm(server, '/oauth/revoke', { token: t.refresh, client_id: t.client.clientId }),
      ]);
      expect(await server.services.db.oAuthToken.count({ where: { familyId: row.familyId, revokedAt: null } })).toBe(0);
    }
  });
});

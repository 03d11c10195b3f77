// Settings → "Sign out everywhere" (issue 11): one POST ends every web session of the account, every app's grant
// (access and refresh tokens, pending codes, remembered consent), open MCP sessions and live sockets — and nothing of
// anyone else's. Static API tokens stay (they are revoked on their own page).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type Pusher from 'pusher-js';
import { startTestServer, type TestServer } from '../helpers/server';
import { makeUser } from '../helpers/users';
import { createSession, SESSION_COOKIE } from '~/auth/session.server';
import { connect, createStaticToken, enableMcp } from './mcp.helpers';
import { authorizationCodeTokens, basic, createInteractiveClient, postForm, resolveToken } from './oauth.helpers';
import { connectClient, realtimeOfServer } from './realtime.helpers';
import { userChannel } from '~/realtime/channels';

let server: TestServer;
const sockets: Pusher[] = [];
beforeAll(async () => {
  server = await startTestServer();
  await enableMcp(server);
});
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await server?.close();
});

const logout = (cookie: string, fields: Record<string, string>, origin = server.url) =>
  fetch(`${server.url}/logout`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: origin, Cookie: cookie },
    body: new URLSearchParams(fields),
  });

/** A user signed in in two browsers, with an app authorized through the real consent flow and an MCP session open. */
async function signedInEverywhere() {
  const user = await makeUser(server, { displayName: 'Eve Everywhere' });
  const { token: second } = await createSession(server.services.db, user.user.id);
  const app = await createInteractiveClient(server, { scopes: ['trips:read'] });
  const tokens = (await authorizationCodeTokens(server, user.cookie, app, 'trips:read')).body as unknown as { access_token: string; refresh_token: string };
  const mcp = await connect(server, tokens.access_token);
  const { token: staticToken } = await createStaticToken(server, user.user.id);
  const socket = await connectClient(server, user.cookie);
  sockets.push(socket);
  await new Promise<void>((resolve) => socket.subscribe(userChannel(user.user.id)).bind('pusher:subscription_succeeded', () => resolve()));
  return { user, secondCookie: `${SESSION_COOKIE}=${second}`, app, tokens, mcp, staticToken, socket };
}

const listeners = (channel: string) => realtimeOfServer(server).embedded!.deliver(channel, 'probe', '{}');

describe('sign out everywhere', () => {
  it('ends every session, grant, MCP session and socket of the account, and nothing of anyone else', async () => {
    const eve = await signedInEverywhere();
    const bystander = await makeUser(server, { displayName: 'Bea Bystander' });
    const { token: bystanderToken } = await (async () => {
      const app = await createInteractiveClient(server, { scopes: ['trips:read'] });
      const r = (await authorizationCodeTokens(server, bystander.cookie, app, 'trips:read')).body as unknown as { access_token: string };
      return { token: r.access_token };
    })();
    expect(await eve.mcp.client.listTools()).toBeTruthy();
    expect(listeners(userChannel(eve.user.user.id))).toBe(1);

    const res = await logout(eve.user.cookie, { everywhere: '1' });
    expect(res.status).toBe(302);
    expect(res.headers.get('Location')).toBe('/login');
    expect(res.headers.getSetCookie().some((c) => c.startsWith(`${SESSION_COOKIE}=;`))).toBe(true);

    // Both browsers are signed out.
    for (const cookie of [eve.user.cookie, eve.secondCookie]) {
      expect((await fetch(`${server.url}/settings`, { headers: { Cookie: cookie }, redirect: 'manual' })).status).toBe(302);
    }
    // The app's access token is dead, its refresh token mints nothing, and it must ask for consent again.
    expect(await resolveToken(server, eve.tokens.access_token)).toBeNull();
    const refreshed = await postForm(
      server,
      '/oauth/token',
      { grant_type: 'refresh_token', refresh_token: eve.tokens.refresh_token, resource: `${server.url}/mcp` },
      { Authorization: basic(eve.app.clientId, eve.app.clientSecret!) },
    );
    expect(refreshed.status).toBe(400);
    expect(refreshed.body).toMatchObject({ error: 'invalid_grant' });
    expect(await server.services.db.oAuthConsent.count({ where: { userId: eve.user.user.id } })).toBe(0);
    // The open MCP session is closed.
    await expect(eve.mcp.client.listTools()).rejects.toThrow();
    // The live socket no longer hears the user's channel.
    expect(listeners(userChannel(eve.user.user.id))).toBe(0);
    // The deprecated static token is not a session: it still works until revoked on its own page.
    expect(await resolveToken(server, eve.staticToken)).not.toBeNull();

    // Someone else is untouched.
    expect((await fetch(`${server.url}/settings`, { headers: { Cookie: bystander.cookie }, redirect: 'manual' })).status).toBe(200);
    expect(await resolveToken(server, bystanderToken)).not.toBeNull();
    expect(await server.services.db.auditLog.count({ where: { action: 'auth.sign_out_everywhere', userId: eve.user.user.id } })).toBe(1);
  });

  it('a plain log-out still ends only this browser', async () => {
    const eve = await signedInEverywhere();
    expect((await logout(eve.user.cookie, {})).status).toBe(302);
    expect((await fetch(`${server.url}/settings`, { headers: { Cookie: eve.secondCookie }, redirect: 'manual' })).status).toBe(200);
    expect(await resolveToken(server, eve.tokens.access_token)).not.toBeNull();
  });

  it('a cross-site POST ends nothing', async () => {
    const eve = await signedInEverywhere();
    expect((await logout(eve.user.cookie, { everywhere: '1' }, 'https://evil.example')).status).toBe(403);
    expect((await fetch(`${server.url}/settings`, { headers: { Cookie: eve.user.cookie }, redirect: 'manual' })).status).toBe(200);
    expect(await resolveToken(server, eve.tokens.access_token)).not.toBeNull();
  });
});

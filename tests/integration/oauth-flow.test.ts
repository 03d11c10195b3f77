// The interactive OAuth 2.1 flow without a browser: metadata, registration, authorize + consent, code exchange,
// refresh rotation with grace window and replay detection, revocation, introspection, and the negative cases.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { insideOneRateMinute } from '../helpers/rate-minute';
import { FAILED_CLIENT_AUTH_PER_MINUTE } from '~/oauth/constants';
import * as oauth from 'oauth4webapi';
import { startTestServer, type TestServer } from '../helpers/server';
import { makeUser } from '../helpers/users';
import {
  approveConsent,
  authorizationCodeTokens,
  basic,
  createInteractiveClient,
  getAuthorize,
  pkcePair,
  postForm,
  resolveToken,
} from './oauth.helpers';

let server: TestServer;
let resource: string;
beforeAll(async () => {
  server = await startTestServer();
  // dynamic registration serves MCP clients only: it is open while the MCP addon is on
  await server.services.addons.set('mcp', true);
  resource = `${server.url}/mcp`;
});
afterAll(async () => {
  await server?.close();
});

function authorizeParams(client: { clientId: string; redirectUri: string }, extra: Record<string, string> = {}) {
  const { challenge, verifier } = pkcePair();
  return {
    verifier,
    params: {
      response_type: 'code',
      client_id: client.clientId,
      redirect_uri: client.redirectUri,
      scope: 'trips:read places:write',
      state: 'state-123',
      code_challenge: challenge,
      code_challenge_method: 'S256',
      resource,
      ...extra,
    } as Record<string, string>,
  };
}

describe('metadata', () => {
  it('serves RFC 8414 metadata as JSON that oauth4webapi accepts', async () => {
    const issuer = new URL(server.config.appUrl);
    const response = await oauth.discoveryRequest(issuer, { algorithm: 'oauth2', [oauth.allowInsecureRequests]: true });
    expect(response.headers.get('content-type')).toContain('application/json');
    const as = await oauth.processDiscoveryResponse(issuer, response);
    expect(as.issuer).toBe(server.config.appUrl);
    expect(as.token_endpoint).toBe(`${server.config.appUrl}/oauth/token`);
    expect(as.authorization_endpoint).toBe(`${server.config.appUrl}/oauth/authorize`);
    expect(as.registration_endpoint).toBe(`${server.config.appUrl}/oauth/register`);
    expect(as.revocation_endpoint).toBe(`${server.config.appUrl}/oauth/revoke`);
    expect(as.introspection_endpoint).toBe(`${server.config.appUrl}/oauth/introspect`);
    expect(as.response_types_supported).toEqual(['code']);
    expect(as.grant_types_supported).toEqual(['authorization_code', 'refresh_token', 'client_credentials']);
    expect(as.code_challenge_methods_supported).toEqual(['S256']);
    expect(as.token_endpoint_auth_methods_supported).toEqual(['client_secret_basic', 'client_secret_post', 'none']);
    expect(as.scopes_supported).toHaveLength(27);
  });

  it('serves the protected-resource metadata that oauth4webapi accepts, pointing at this issuer', async () => {
    const response = await oauth.resourceDiscoveryRequest(new URL(resource), { [oauth.allowInsecureRequests]: true });
    const prm = await oauth.processResourceDiscoveryResponse(new URL(resource), response);
    expect(prm.resource).toBe(resource);
    expect(prm.authorization_servers).toEqual([server.config.appUrl]);
  });
});

describe('dynamic registration', () => {
  const register = (body: unknown, ip?: string) =>
    fetch(`${server.url}/oauth/register`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...(ip ? {} : {}) }, body: JSON.stringify(body) });

  it('registers a public client with default scopes and a confidential one with a wmcs_ secret, dropping unknown scopes', async () => {
    const pub = await register({ client_name: 'Inspector', redirect_uris: ['http://localhost:6274/oauth/callback'], token_endpoint_auth_method: 'none' });
    expect(pub.status).toBe(201);
    const p = await pub.json();
    expect(p.client_id).toMatch(/^wmc_/);
    expect(p).not.toHaveProperty('client_secret');
    expect(p.token_endpoint_auth_method).toBe('none');
    expect(p.scope.split(' ')).toHaveLength(26);
    expect(p.scope).not.toContain('trips:delete');

    const conf = await register({ client_name: 'Agent', redirect_uris: ['com.example.agent:/cb'], scope: 'trips:read teleport:now places:write' });
    expect(conf.status).toBe(201);
    const c = await conf.json();
    expect(c.client_secret).toMatch(/^wmcs_/);
    expect(c.scope).toBe('trips:read places:write');
    const row = await server.services.db.oAuthClient.findUniqueOrThrow({ where: { clientId: c.client_id } });
    expect(row.ownerId).toBeNull();
    expect(row.allowsClientCredentials).toBe(false);
    expect(row.secretHash).not.toBe(c.client_secret);
  });

  it('refuses dangerous redirect URIs and machine clients', async () => {
    for (const uri of ['javascript:alert(1)', 'data:text/html,hi', 'file:///etc/passwd', 'http://evil.example.com/cb', 'myapp:/cb']) {
      const res = await register({ redirect_uris: [uri] });
      expect(res.status, uri).toBe(400);
      expect((await res.json()).error).toBe('invalid_redirect_uri');
    }
    const machine = await register({ redirect_uris: ['https://x.example/cb'], grant_types: ['client_credentials'] });
    expect(machine.status).toBe(400);
    expect((await machine.json()).error).toBe('invalid_client_metadata');
  });

  it('limits registrations to 10 per minute per IP', async () => {
    // Earlier tests in this file already registered a few; keep going until the window is full.
    await server.services.db.rateWindow.deleteMany({ where: { key: { startsWith: 'oauth-register:' } } });
    await insideOneRateMinute();
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await register({ redirect_uris: ['https://x.example/cb'] })).status);
    expect(statuses.slice(0, 10).every((s) => s === 201)).toBe(true);
    expect(statuses[10]).toBe(429);
    await server.services.db.rateWindow.deleteMany({ where: { key: { startsWith: 'oauth-register:' } } });
  });

  it('caps ownerless clients at 500', async () => {
    const existing = await server.services.db.oAuthClient.count({ where: { ownerId: null } });
    await server.services.db.oAuthClient.createMany({
      data: Array.from({ length: 500 - existing }, (_, i) => ({ clientId: `wmc_filler_${i}`, name: 'filler', redirectUris: ['https://x.example/cb'], allowedScopes: [], registeredDynamically: true })),
    });
    const res = await register({ redirect_uris: ['https://x.example/cb'] });
    expect(res.status).toBe(403);
    await server.services.db.oAuthClient.deleteMany({ where: { clientId: { startsWith: 'wmc_filler_' } } });
    await server.services.db.rateWindow.deleteMany({ where: { key: { startsWith: 'oauth-register:' } } });
  });
});

describe('authorize and consent', () => {
  it('sends a signed-out browser to the login page first', async () => {
    const client = await createInteractiveClient(server, { scopes: ['trips:read'] });
    const res = await getAuthorize(server, undefined, authorizeParams(client).params);
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('Location')!, server.url);
    expect(location.pathname).toBe('/login');
    expect(location.searchParams.get('redirectTo')).toMatch(/^\/oauth\/authorize\?/);
  });

  it('shows the client name, redirect host and grouped scopes; narrows scopes to the allowed ones', async () => {
    const { cookie } = await makeUser(server);
    const client = await createInteractiveClient(server, { scopes: ['trips:read', 'places:write'] });
    const res = await getAuthorize(server, cookie, authorizeParams(client, { scope: 'trips:read places:write budget:write' }).params);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Test app');
    expect(html).toContain('app.example.test');
    expect(html).toContain('value="trips:read"');
    expect(html).toContain('value="places:write"');
    expect(html).not.toContain('value="budget:write"');
    expect(html).toContain('The places in your trips');
  });

  it('shows an error page and never redirects on a redirect URI mismatch or unknown client', async () => {
    const { cookie } = await makeUser(server);
    const client = await createInteractiveClient(server, { scopes: ['trips:read'] });
    const res = await getAuthorize(server, cookie, authorizeParams(client, { redirect_uri: 'https://attacker.example/cb' }).params);
    expect(res.status).toBe(400);
    expect(res.headers.get('Location')).toBeNull();
    expect(await res.text()).toContain('not one it registered');
    const unknown = await getAuthorize(server, cookie, authorizeParams({ clientId: 'wmc_nope', redirectUri: 'https://x/cb' }).params);
    expect(unknown.status).toBe(400);
    expect(unknown.headers.get('Location')).toBeNull();
  });

  it('refuses a request without PKCE, with plain PKCE, or for another resource — redirecting with the error and state', async () => {
    const { cookie } = await makeUser(server);
    const client = await createInteractiveClient(server, { scopes: ['trips:read'] });
    const { params } = authorizeParams(client);
    const { code_challenge: _c, ...noPkce } = params;
    const missing = await getAuthorize(server, cookie, noPkce);
    expect(missing.status).toBe(302);
    const l1 = new URL(missing.headers.get('Location')!);
    expect(l1.origin + l1.pathname).toBe(client.redirectUri);
    expect(l1.searchParams.get('error')).toBe('invalid_request');
    expect(l1.searchParams.get('state')).toBe('state-123');
    const plain = await getAuthorize(server, cookie, { ...params, code_challenge_method: 'plain' });
    expect(new URL(plain.headers.get('Location')!).searchParams.get('error')).toBe('invalid_request');
    const target = await getAuthorize(server, cookie, { ...params, resource: 'https://elsewhere.example/mcp' });
    expect(new URL(target.headers.get('Location')!).searchParams.get('error')).toBe('invalid_target');
  });

  it('Deny redirects with access_denied and the state', async () => {
    const { cookie } = await makeUser(server);
    const client = await createInteractiveClient(server, { scopes: ['trips:read'] });
    const location = await approveConsent(server, cookie, authorizeParams(client).params, { decision: 'deny' });
    expect(location.searchParams.get('error')).toBe('access_denied');
    expect(location.searchParams.get('state')).toBe('state-123');
    expect(location.searchParams.get('code')).toBeNull();
  });

  it('refuses a consent POST without the CSRF field or from another site', async () => {
    const { cookie } = await makeUser(server);
    const client = await createInteractiveClient(server, { scopes: ['trips:read'] });
    const { params } = authorizeParams(client);
    const body = new URLSearchParams({ ...params, decision: 'approve', grant: 'trips:read' }).toString();
    const noCsrf = await fetch(`${server.url}/oauth/authorize`, {
      method: 'POST',
      redirect: 'manual',
      headers: { Cookie: cookie, Origin: server.url, 'Content-Type': 'application/x-www-form-urlencoded' },
      body,
    });
    expect(noCsrf.status).toBe(403);
    const crossSite = await fetch(`${server.url}/oauth/authorize`, {
      method: 'POST',
      redirect: 'manual',
      headers: { Cookie: cookie, Origin: 'https://evil.example', 'Content-Type': 'application/x-www-form-urlencoded' },
      body,
    });
    // Remix itself aborts an action whose Origin does not match the host (500); either way nothing is issued.
    expect(crossSite.status).toBeGreaterThanOrEqual(400);
    const fetchSite = await fetch(`${server.url}/oauth/authorize`, {
      method: 'POST',
      redirect: 'manual',
      headers: { Cookie: cookie, 'Sec-Fetch-Site': 'cross-site', 'Content-Type': 'application/x-www-form-urlencoded' },
      body,
    });
    expect(fetchSite.status).toBe(403);
    expect(await server.services.db.oAuthCode.count({ where: { clientId: client.clientId } })).toBe(0);
  });

  it('approves with the ticked scopes only, remembers consent as a union and skips the page when nothing new is asked', async () => {
    const { cookie, user } = await makeUser(server);
    const client = await createInteractiveClient(server, { scopes: ['trips:read', 'places:write', 'budget:read'] });
    const first = await approveConsent(server, cookie, authorizeParams(client).params, { grant: ['trips:read'] });
    expect(first.searchParams.get('code')).toMatch(/^wmac_/);
    expect(first.searchParams.get('state')).toBe('state-123');
    expect(first.searchParams.get('iss')).toBe(server.config.appUrl);
    const code = await server.services.db.oAuthCode.findFirstOrThrow({ where: { clientId: client.clientId } });
    expect(code.scopes).toEqual(['trips:read']);

    // Asking only for what was approved: straight back, no page.
    const again = await getAuthorize(server, cookie, authorizeParams(client, { scope: 'trips:read' }).params);
    expect(again.status).toBe(302);
    expect(new URL(again.headers.get('Location')!).searchParams.get('code')).toMatch(/^wmac_/);

    // Asking for something new shows the page again; approving adds to the remembered set.
    const more = await getAuthorize(server, cookie, authorizeParams(client, { scope: 'budget:read' }).params);
    expect(more.status).toBe(200);
    await approveConsent(server, cookie, authorizeParams(client, { scope: 'budget:read' }).params);
    const consent = await server.services.db.oAuthConsent.findUniqueOrThrow({ where: { userId_clientId: { userId: user.id, clientId: client.clientId } } });
    expect(consent.scopes).toEqual(['trips:read', 'budget:read']);
    expect(await server.services.db.auditLog.count({ where: { action: 'oauth.consent_granted', clientId: client.clientId } })).toBe(2);
  });
});

describe('authorization_code at the token endpoint', () => {
  it('exchanges a code for wmat_/wmrt_ tokens bound to /mcp, with no-store', async () => {
    const { cookie, user } = await makeUser(server);
    const client = await createInteractiveClient(server, { scopes: ['trips:read', 'places:write'], public: true });
    const res = await authorizationCodeTokens(server, cookie, client, 'trips:read places:write');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toContain('no-store');
    expect(res.body.access_token).toMatch(/^wmat_/);
    expect(res.body.refresh_token).toMatch(/^wmrt_/);
    expect(res.body.scope).toBe('trips:read places:write');
    const actor = await resolveToken(server, res.body.access_token as string);
    expect(actor?.user.id).toBe(user.id);
    expect(actor?.via).toBe('oauth');
    const row = await server.services.db.oAuthToken.findFirstOrThrow({ where: { clientId: client.clientId } });
    expect(row.resource).toBe(resource);
    expect(row.refreshTokenExpiresAt!.getTime() - Date.now()).toBeGreaterThan(29 * 24 * 3600_000);
  });

  async function freshCode(publicClient = true) {
    const { cookie } = await makeUser(server);
    const client = await createInteractiveClient(server, { scopes: ['trips:read'], public: publicClient });
    const { params, verifier } = authorizeParams(client, { scope: 'trips:read' });
    const location = await approveConsent(server, cookie, params);
    const code = location.searchParams.get('code')!;
    const form = { grant_type: 'authorization_code', code, redirect_uri: client.redirectUri, code_verifier: verifier, client_id: client.clientId, resource };
    return { client, code, verifier, form };
  }

  it('rejects a wrong verifier and a missing verifier (and the code is then spent)', async () => {
    const a = await freshCode();
    const wrong = await postForm(server, '/oauth/token', { ...a.form, code_verifier: pkcePair().verifier });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toBe('invalid_grant');
    const retry = await postForm(server, '/oauth/token', a.form);
    expect(retry.body.error).toBe('invalid_grant');

    const b = await freshCode();
    const { code_verifier: _v, ...noVerifier } = b.form;
    const missing = await postForm(server, '/oauth/token', noVerifier);
    expect(missing.status).toBe(400);
    expect(missing.body.error).toBe('invalid_grant');
  });

  it('rejects a reused code and revokes the tokens the first exchange produced', async () => {
    const a = await freshCode();
    const first = await postForm(server, '/oauth/token', a.form);
    expect(first.status).toBe(200);
    expect(await resolveToken(server, first.body.access_token as string)).not.toBeNull();
    const again = await postForm(server, '/oauth/token', a.form);
    expect(again.status).toBe(400);
    expect(again.body.error).toBe('invalid_grant');
    expect(await resolveToken(server, first.body.access_token as string)).toBeNull();
    expect(await server.services.db.auditLog.count({ where: { action: 'oauth.code_replay_detected', clientId: a.client.clientId } })).toBe(1);
  });

  it('rejects an expired code (2-minute life)', async () => {
    const a = await freshCode();
    const row = await server.services.db.oAuthCode.findFirstOrThrow({ where: { clientId: a.client.clientId } });
    expect(row.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(120_000);
    await server.services.db.oAuthCode.update({ where: { codeHash: row.codeHash }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const res = await postForm(server, '/oauth/token', a.form);
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('invalid_grant');
  });

  it('rejects a redirect_uri that differs from the authorize request', async () => {
    const a = await freshCode();
    const res = await postForm(server, '/oauth/token', { ...a.form, redirect_uri: 'https://app.example.test/other' });
    expect(res.status).toBe(400);
    expect(['invalid_request', 'invalid_grant']).toContain(res.body.error);
  });

  it('rejects another resource with invalid_target', async () => {
    const a = await freshCode();
    const res = await postForm(server, '/oauth/token', { ...a.form, resource: 'https://elsewhere.example/mcp' });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('invalid_target');
  });

  it('requires the secret of a confidential client', async () => {
    const a = await freshCode(false);
    const res = await postForm(server, '/oauth/token', a.form);
    expect(res.status).toBe(401);
    expect(res.body.error).toBe('invalid_client');
  });

  it('answers unsupported grants and non-form bodies in RFC 6749 form', async () => {
    const res = await postForm(server, '/oauth/token', { grant_type: 'password', client_id: 'x' });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('unsupported_grant_type');
    const json = await fetch(`${server.url}/oauth/token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(json.status).toBe(400);
    expect((await json.json()).error).toBe('invalid_request');
  });

  it('rate limits failed client authentication per IP', async () => {
    // The window is the clock minute: if the run straddles a minute boundary the count starts again, so keep going
    // (up to two windows' worth) until refused.
    const statuses: number[] = [];
    let last: Awaited<ReturnType<typeof postForm>> | undefined;
    while (statuses.length < 2 * (FAILED_CLIENT_AUTH_PER_MINUTE + 1) && statuses.at(-1) !== 429) {
      last = await postForm(server, '/oauth/token', { grant_type: 'client_credentials' }, { Authorization: basic('wmc_nobody', 'wmcs_guess') });
      statuses.push(last.status);
    }
    expect(statuses.at(-1)).toBe(429);
    // Retry-After is what is left of the window (the clock minute), not a fixed minute.
    const secondsLeft = 60 - new Date().getUTCSeconds();
    expect(Math.abs(Number(last!.headers.get('retry-after')) - secondsLeft)).toBeLessThanOrEqual(1);
    await server.services.db.rateWindow.deleteMany({ where: { key: { startsWith: 'oauth-auth-fail:' } } });
  });
});

describe('refresh tokens', () => {
  async function tokens() {
    const { cookie } = await makeUser(server);
    const client = await createInteractiveClient(server, { scopes: ['trips:read'], public: true });
    const res = await authorizationCodeTokens(server, cookie, client, 'trips:read');
    expect(res.status).toBe(200);
    return { client, access: res.body.access_token as string, refresh: res.body.refresh_token as string };
  }
  const refreshWith = (clientId: string, refreshToken: string) =>
    postForm(server, '/oauth/token', { grant_type: 'refresh_token', refresh_token: refreshToken, client_id: clientId, resource });

  it('rotates: each use returns a new refresh token in the same family', async () => {
    const t = await tokens();
    const r1 = await refreshWith(t.client.clientId, t.refresh);
    expect(r1.status).toBe(200);
    expect(r1.body.refresh_token).toMatch(/^wmrt_/);
    expect(r1.body.refresh_token).not.toBe(t.refresh);
    const rows = await server.services.db.oAuthToken.findMany({ where: { clientId: t.client.clientId }, orderBy: { id: 'asc' } });
    expect(rows).toHaveLength(2);
    expect(rows[0].familyId).toBe(rows[1].familyId);
    expect(rows[0].rotatedAt).not.toBeNull();
    expect(rows[1].grantType).toBe('refresh_token');
    expect(await resolveToken(server, r1.body.access_token as string)).not.toBeNull();
  });

  it('a concurrent double refresh inside the grace window does not break the client', async () => {
    const t = await tokens();
    const [a, b] = await Promise.all([refreshWith(t.client.clientId, t.refresh), refreshWith(t.client.clientId, t.refresh)]);
    expect(a.status).toBe(200);
    expect(b.status).toBe(200);
    expect(await resolveToken(server, a.body.access_token as string)).not.toBeNull();
    expect(await resolveToken(server, b.body.access_token as string)).not.toBeNull();
    // Either successor keeps working.
    expect((await refreshWith(t.client.clientId, b.body.refresh_token as string)).status).toBe(200);
  });

  it('replay after the grace window revokes the whole family and closes its MCP sessions', async () => {
    const t = await tokens();
    const r1 = await refreshWith(t.client.clientId, t.refresh);
    const row = await server.services.db.oAuthToken.findFirstOrThrow({ where: { clientId: t.client.clientId }, orderBy: { id: 'asc' } });
    await server.services.db.oAuthToken.update({ where: { id: row.id }, data: { rotatedAt: new Date(Date.now() - 31_000) } });
    const close = vi.spyOn(server.services.mcpSessions, 'close');
    const replay = await refreshWith(t.client.clientId, t.refresh);
    expect(replay.status).toBe(400);
    expect(replay.body.error).toBe('invalid_grant');
    expect(close).toHaveBeenCalledWith({ tokenFamily: row.familyId });
    close.mockRestore();
    // The legitimate holder's newest tokens are dead too.
    expect(await resolveToken(server, r1.body.access_token as string)).toBeNull();
    expect((await refreshWith(t.client.clientId, r1.body.refresh_token as string)).body.error).toBe('invalid_grant');
    const live = await server.services.db.oAuthToken.count({ where: { familyId: row.familyId, revokedAt: null } });
    expect(live).toBe(0);
    expect(await server.services.db.auditLog.count({ where: { action: 'oauth.refresh_replay_detected', clientId: t.client.clientId } })).toBe(1);
  });

  it('refuses a refresh token presented by another client', async () => {
    const t = await tokens();
    const other = await createInteractiveClient(server, { scopes: ['trips:read'], public: true });
    const res = await refreshWith(other.clientId, t.refresh);
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('invalid_grant');
  });
});

describe('revocation and introspection', () => {
  it('revoking a refresh token ends the family and closes its sessions; unknown tokens still get 200', async () => {
    const { cookie } = await makeUser(server);
    const client = await createInteractiveClient(server, { scopes: ['trips:read'] });
    const res = await authorizationCodeTokens(server, cookie, client, 'trips:read');
    const auth = { Authorization: basic(client.clientId, client.clientSecret!) };

    const introspect1 = await postForm(server, '/oauth/introspect', { token: res.body.access_token as string }, auth);
    expect(introspect1.body.active).toBe(true);
    expect(introspect1.body.scope).toBe('trips:read');
    expect(introspect1.body.client_id).toBe(client.clientId);
    expect(introspect1.body.aud).toBe(resource);

    const close = vi.spyOn(server.services.mcpSessions, 'close');
    const revoked = await postForm(server, '/oauth/revoke', { token: res.body.refresh_token as string, token_type_hint: 'refresh_token' }, auth);
    expect(revoked.status).toBe(200);
    const row = await server.services.db.oAuthToken.findFirstOrThrow({ where: { clientId: client.clientId } });
    expect(row.revokedAt).not.toBeNull();
    expect(close).toHaveBeenCalledWith({ tokenFamily: row.familyId });
    close.mockRestore();
    expect(await resolveToken(server, res.body.access_token as string)).toBeNull();

    const introspect2 = await postForm(server, '/oauth/introspect', { token: res.body.access_token as string }, auth);
    expect(introspect2.body).toEqual({ active: false });
    expect((await postForm(server, '/oauth/revoke', { token: 'wmat_unknown' }, auth)).status).toBe(200);
    expect((await postForm(server, '/oauth/revoke', { token: 'wmat_unknown' }, { Authorization: basic(client.clientId, 'wmcs_bad') })).status).toBe(401);
    expect(await server.services.db.auditLog.count({ where: { action: 'oauth.token_revoked', clientId: client.clientId } })).toBe(1);
  });

  it('introspection is only for authenticated confidential clients', async () => {
    const pub = await createInteractiveClient(server, { scopes: ['trips:read'], public: true });
    const res = await postForm(server, '/oauth/introspect', { token: 'wmat_x', client_id: pub.clientId });
    expect(res.status).toBe(401);
  });

  it('a user can see and revoke an authorized app; an admin sees grants across users', async () => {
    const { cookie, trpc, user } = await makeUser(server);
    const client = await createInteractiveClient(server, { scopes: ['trips:read'], public: true });
    const res = await authorizationCodeTokens(server, cookie, client, 'trips:read');
    const apps = await trpc.oauthClients.listAuthorizedApps.query();
    expect(apps.apps.map((a) => a.clientId)).toContain(client.clientId);
    expect(apps.apps.find((a) => a.clientId === client.clientId)?.scopes).toEqual(['trips:read']);

    const admin = await makeUser(server, { admin: true });
    const grants = await admin.trpc.oauthClients.listAllOAuthGrants.query();
    expect(grants.grants.some((g) => g.clientId === client.clientId && g.user.id === user.id)).toBe(true);

    await trpc.oauthClients.revokeAuthorizedApp.mutate({ clientId: client.clientId });
    expect(await resolveToken(server, res.body.access_token as string)).toBeNull();
    expect((await trpc.oauthClients.listAuthorizedApps.query()).apps).toHaveLength(0);
    // Consent is forgotten: the next authorize shows the page again.
    const page = await getAuthorize(server, cookie, authorizeParams(client, { scope: 'trips:read' }).params);
    expect(page.status).toBe(200);
  });
});

describe('browser-based clients', () => {
  it('answers CORS preflights on the token and registration endpoints and lets any origin read token answers', async () => {
    for (const path of ['/oauth/token', '/oauth/register']) {
      const pre = await fetch(`${server.url}${path}`, {
        method: 'OPTIONS',
        headers: { Origin: 'http://localhost:6274', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,content-type' },
      });
      expect(pre.status, path).toBe(204);
      expect(pre.headers.get('access-control-allow-origin')).toBe('*');
      expect(pre.headers.get('access-control-allow-headers')).toContain('Authorization');
    }
    const res = await postForm(server, '/oauth/token', { grant_type: 'password' }, { Origin: 'http://localhost:6274' });
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });
});

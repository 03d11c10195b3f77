// Machine clients (client_credentials, RFC 6749 §4.4): the rules of MCP-SURFACE.md one by one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insideOneRateMinute } from '../helpers/rate-minute';
import { startTestServer, type TestServer } from '../helpers/server';
import { makeUser, expectTrpcError } from '../helpers/users';
import { basic, createInteractiveClient, createMachineClient, postForm, resolveToken } from './oauth.helpers';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  // dynamic registration (one case registers an ownerless client) is open while the MCP addon is on
  await server.services.addons.set('mcp', true);
});
afterAll(async () => {
  await server?.close();
});

describe('client_credentials', () => {
  it('issues a Bearer token with no refresh token, acting as the owner with the allowed scopes', async () => {
    const { user } = await makeUser(server);
    const machine = await createMachineClient(server, user.id, ['trips:read', 'places:write']);
    const res = await postForm(server, '/oauth/token', { grant_type: 'client_credentials' }, { Authorization: basic(machine.clientId, machine.clientSecret) });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toContain('no-store');
    expect(res.body.token_type).toBe('Bearer');
    expect(res.body.expires_in).toBeGreaterThan(3500);
    expect(res.body.expires_in).toBeLessThanOrEqual(3600);
    expect(res.body.scope).toBe('trips:read places:write');
    expect(res.body).not.toHaveProperty('refresh_token');
    const token = res.body.access_token as string;
    expect(token.startsWith('wmat_')).toBe(true);

    const actor = await resolveToken(server, token);
    expect(actor?.user.id).toBe(user.id);
    expect(actor?.via).toBe('machine');
    expect(actor?.scopes).toEqual(['trips:read', 'places:write']);
    // Stored only as a hash.
    const rows = await server.services.db.oAuthToken.findMany({ where: { clientId: machine.clientId } });
    expect(rows).toHaveLength(1);
    expect(rows[0].accessTokenHash).not.toContain(token);
    expect(rows[0].refreshTokenHash).toBeNull();
    expect(rows[0].grantType).toBe('client_credentials');
  });

  it('accepts client_secret_post and grants a requested subset', async () => {
    const { user } = await makeUser(server);
    const machine = await createMachineClient(server, user.id, ['trips:read', 'places:read', 'places:write']);
    const res = await postForm(server, '/oauth/token', {
      grant_type: 'client_credentials',
      client_id: machine.clientId,
      client_secret: machine.clientSecret,
      scope: 'places:read',
    });
    expect(res.status).toBe(200);
    expect(res.body.scope).toBe('places:read');
  });

  it('refuses a scope outside the allowed set with 400 invalid_scope', async () => {
    const { user } = await makeUser(server);
    const machine = await createMachineClient(server, user.id, ['trips:read']);
    const res = await postForm(server, '/oauth/token', { grant_type: 'client_credentials', scope: 'trips:read trips:delete' }, { Authorization: basic(machine.clientId, machine.clientSecret) });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('invalid_scope');
    expect(await server.services.db.oAuthToken.count({ where: { clientId: machine.clientId } })).toBe(0);
  });

  it('answers a wrong secret with 401 invalid_client and WWW-Authenticate for Basic, and audits it', async () => {
    const { user } = await makeUser(server);
    const machine = await createMachineClient(server, user.id, ['trips:read']);
    const res = await postForm(server, '/oauth/token', { grant_type: 'client_credentials' }, { Authorization: basic(machine.clientId, 'wmcs_wrong') });
    expect(res.status).toBe(401);
    expect(res.body.error).toBe('invalid_client');
    expect(res.headers.get('www-authenticate')).toMatch(/^Basic /);
    const audit = await server.services.db.auditLog.findFirst({ where: { action: 'oauth.client_auth_failed', clientId: machine.clientId } });
    expect(audit?.success).toBe(false);
    expect(JSON.stringify(audit?.detail)).not.toContain('wmcs_wrong');
  });

  it('answers a missing secret with 401 invalid_client', async () => {
    const { user } = await makeUser(server);
    const machine = await createMachineClient(server, user.id, ['trips:read']);
    const res = await postForm(server, '/oauth/token', { grant_type: 'client_credentials', client_id: machine.clientId });
    expect(res.status).toBe(401);
    expect(res.body.error).toBe('invalid_client');
  });

  it('gives a confidential client without the machine flag 400 unauthorized_client', async () => {
    const { user } = await makeUser(server);
    const app = await createInteractiveClient(server, { ownerId: user.id, scopes: ['trips:read'] });
    const res = await postForm(server, '/oauth/token', { grant_type: 'client_credentials' }, { Authorization: basic(app.clientId, app.clientSecret!) });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('unauthorized_client');
  });

  it('gives a public client and an ownerless registered client 400 unauthorized_client', async () => {
    const pub = await createInteractiveClient(server, { scopes: ['trips:read'], public: true });
    const res1 = await postForm(server, '/oauth/token', { grant_type: 'client_credentials', client_id: pub.clientId });
    expect(res1.status).toBe(400);
    expect(res1.body.error).toBe('unauthorized_client');

    const registered = await fetch(`${server.url}/oauth/register`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ client_name: 'DCR', redirect_uris: ['https://dcr.example.test/cb'], token_endpoint_auth_method: 'client_secret_post' }),
    }).then((r) => r.json());
    const res2 = await postForm(server, '/oauth/token', { grant_type: 'client_credentials', client_id: registered.client_id, client_secret: registered.client_secret });
    expect(res2.status).toBe(400);
    expect(res2.body.error).toBe('unauthorized_client');
  });

  it('creating a machine client in settings needs no redirect URI and returns a secret shown once', async () => {
    const { trpc } = await makeUser(server);
    const created = await trpc.oauthClients.createOAuthClient.mutate({ name: 'Cron', machine: true, redirectUris: [], allowedScopes: ['trips:read'] });
    expect(created.clientSecret).toMatch(/^wmcs_/);
    expect(created.client.machine).toBe(true);
    expect(created.client.redirectUris).toEqual([]);
    const listed = await trpc.oauthClients.listOAuthClients.query();
    expect(JSON.stringify(listed)).not.toContain(created.clientSecret);
    const res = await postForm(server, '/oauth/token', { grant_type: 'client_credentials', client_id: created.client.clientId, client_secret: created.clientSecret });
    expect(res.status).toBe(200);
    expect(res.body.scope).toBe('trips:read');
  });

  it('an ordinary client in settings needs a redirect URI, rejects unknown scopes and is capped at 10', async () => {
    const { trpc } = await makeUser(server);
    const noRedirect = await expectTrpcError(trpc.oauthClients.createOAuthClient.mutate({ name: 'X', machine: false, redirectUris: [], allowedScopes: [] }));
    expect(noRedirect.code).toBe('BAD_REQUEST');
    const unknown = await expectTrpcError(trpc.oauthClients.createOAuthClient.mutate({ name: 'X', redirectUris: ['https://x.test/cb'], allowedScopes: ['trips:fly'] }));
    expect(unknown.message).toContain('trips:fly');
    const bad = await expectTrpcError(trpc.oauthClients.createOAuthClient.mutate({ name: 'X', redirectUris: ['javascript:alert(1)'], allowedScopes: [] }));
    expect(bad.code).toBe('BAD_REQUEST');
    for (let i = 0; i < 10; i++) await trpc.oauthClients.createOAuthClient.mutate({ name: `C${i}`, preset: 'vscode', redirectUris: [], allowedScopes: ['trips:read'] });
    const eleventh = await expectTrpcError(trpc.oauthClients.createOAuthClient.mutate({ name: 'C11', machine: true, allowedScopes: [] }));
    expect(eleventh.message).toContain('at most 10');
  });

  it('rotating the secret revokes the tokens and the old secret stops working; deleting removes the client', async () => {
    const { trpc, user } = await makeUser(server);
    const created = await trpc.oauthClients.createOAuthClient.mutate({ name: 'Cron', machine: true, allowedScopes: ['trips:read'] });
    const first = await postForm(server, '/oauth/token', { grant_type: 'client_credentials', client_id: created.client.clientId, client_secret: created.clientSecret });
    const rotated = await trpc.oauthClients.rotateOAuthClientSecret.mutate({ clientId: created.client.clientId });
    expect(rotated.clientSecret).not.toBe(created.clientSecret);
    expect(await resolveToken(server, first.body.access_token as string)).toBeNull();
    const old = await postForm(server, '/oauth/token', { grant_type: 'client_credentials', client_id: created.client.clientId, client_secret: created.clientSecret });
    expect(old.status).toBe(401);
    const fresh = await postForm(server, '/oauth/token', { grant_type: 'client_credentials', client_id: created.client.clientId, client_secret: rotated.clientSecret });
    expect(fresh.status).toBe(200);
    await trpc.oauthClients.deleteOAuthClient.mutate({ clientId: created.client.clientId });
    expect(await server.services.db.oAuthClient.count({ where: { clientId: created.client.clientId } })).toBe(0);
    const actions = (await server.services.db.auditLog.findMany({ where: { clientId: created.client.clientId }, select: { action: true } })).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['oauth.client_created', 'oauth.token_issued', 'oauth.client_secret_rotated', 'oauth.client_deleted']));
    expect(user.id).toBeGreaterThan(0);
  });
});

describe('token endpoint rate limit', () => {
  it('answers 429 with Retry-After after 600 token requests per minute from one client and IP', async () => {
    const { user } = await makeUser(server);
    const machine = await createMachineClient(server, user.id, ['trips:read']);
    const auth = { Authorization: basic(machine.clientId, machine.clientSecret) };
    const token = () => postForm(server, '/oauth/token', { grant_type: 'client_credentials' }, auth);
    // The window is a fixed minute; start well inside one so the few requests below cannot straddle a reset.
    await insideOneRateMinute(5_000);
    // The first request opens this client's window (its key names the client and the address the server saw); the
    // window is then filled to 599 hits directly, as 598 more requests would (600 real requests take longer than a
    // minute on a loaded machine, and the window would reset under them).
    expect((await token()).status).toBe(200);
    const windows = await server.services.db.rateWindow.findMany({ where: { key: { startsWith: `oauth-token:${machine.clientId}:` } } });
    expect(windows).toHaveLength(1);
    await server.services.db.rateWindow.update({ where: { key_windowStart: { key: windows[0].key, windowStart: windows[0].windowStart } }, data: { count: 599 } });
    expect((await token()).status).toBe(200); // the 600th
    const refused = await token();
    expect(refused.status).toBe(429);
    expect(refused.body.error).toBe('slow_down');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another client from the same address is counted on its own.
    const other = await createMachineClient(server, user.id, ['trips:read']);
    expect((await postForm(server, '/oauth/token', { grant_type: 'client_credentials' }, { Authorization: basic(other.clientId, other.clientSecret) })).status).toBe(200);
  });
});

describe('CLI: waymark client create', () => {
  it('creates a machine client whose printed credentials get a token', async () => {
    const { createClientFromCli } = await import('../../bin/commands/client.ts');
    const { user } = await makeUser(server);
    const created = await createClientFromCli(server.services, { owner: user.email, name: 'Backup bot', machine: true, scopes: 'trips:read,places:write' });
    expect(created.client_id).toMatch(/^wmc_/);
    expect(created.client_secret).toMatch(/^wmcs_/);
    const res = await postForm(server, '/oauth/token', { grant_type: 'client_credentials' }, { Authorization: basic(created.client_id, created.client_secret) });
    expect(res.status).toBe(200);
    expect(res.body.scope).toBe('trips:read places:write');
  });

  it('without --machine needs a redirect URI and creates an ordinary confidential client', async () => {
    const { createClientFromCli } = await import('../../bin/commands/client.ts');
    const { CliUsageError } = await import('../../bin/commands/database.ts');
    const { user } = await makeUser(server);
    await expect(createClientFromCli(server.services, { owner: user.email, name: 'App' })).rejects.toBeInstanceOf(CliUsageError);
    await expect(createClientFromCli(server.services, { owner: user.email, name: 'App', machine: true, scopes: 'trips:fly' })).rejects.toThrow(/Unknown scope/);
    const created = await createClientFromCli(server.services, { owner: user.email, name: 'App', scopes: 'trips:read', redirectUri: ['https://app.example/cb'] });
    const row = await server.services.db.oAuthClient.findUniqueOrThrow({ where: { clientId: created.client_id } });
    expect(row.allowsClientCredentials).toBe(false);
    expect(row.redirectUris).toEqual(['https://app.example/cb']);
    const res = await postForm(server, '/oauth/token', { grant_type: 'client_credentials' }, { Authorization: basic(created.client_id, created.client_secret) });
    expect(res.body.error).toBe('unauthorized_client');
  });
});

// The MCP SDK as a real client of Waymark's authorization server: ClientCredentialsProvider through discovery (Basic
// and client_secret_post), and the interactive auth() helper (discovery → dynamic registration → PKCE → code exchange
// → tool call), with the consent step driven over HTTP as a browser would. Needs /mcp (the mcp addon on).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { ClientCredentialsProvider } from '@modelcontextprotocol/sdk/client/auth-extensions.js';
import { auth, type OAuthClientProvider } from '@modelcontextprotocol/sdk/client/auth.js';
import type { OAuthClientInformationMixed, OAuthClientMetadata, OAuthTokens } from '@modelcontextprotocol/sdk/shared/auth.js';
import { startTestServer, type TestServer } from '../helpers/server';
import { makeUser } from '../helpers/users';
import { createMachineClient, approveConsent, postForm, createInteractiveClient, resolveToken } from './oauth.helpers';
import { randomSecret, hashSecret, TOKEN_PREFIX } from '~/auth/tokens.server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  await server.services.addons.set('mcp', true);
});
afterAll(async () => {
  await server?.close();
});

async function connectWith(authProvider: OAuthClientProvider) {
  const transport = new StreamableHTTPClientTransport(new URL(`${server.url}/mcp`), { authProvider });
  const client = new Client({ name: 'oauth-sdk-test', version: '1.0.0' });
  await client.connect(transport);
  return client;
}

/** ClientCredentialsProvider that authenticates with client_secret_post instead of Basic. */
class PostCredentialsProvider extends ClientCredentialsProvider {
  clientInformation() {
    return { ...super.clientInformation(), token_endpoint_auth_method: 'client_secret_post' } as OAuthClientInformationMixed;
  }
}

describe('machine clients through the MCP SDK', () => {
  it('ClientCredentialsProvider discovers the server, gets a token and lists only the allowed tools', async () => {
    const { user } = await makeUser(server);
    const machine = await createMachineClient(server, user.id, ['trips:read']);
    const provider = new ClientCredentialsProvider({ clientId: machine.clientId, clientSecret: machine.clientSecret, expectedIssuer: server.config.appUrl });
    const client = await connectWith(provider);
    const names = (await client.listTools()).tools.map((t) => t.name);
    expect(names).toContain('list_trips');
    expect(names).toContain('list_trip_members');
    expect(names).not.toContain('create_trip');
    expect(names).not.toContain('create_place');
    expect(provider.tokens()?.refresh_token).toBeUndefined();
    const issued = await server.services.db.auditLog.findFirst({ where: { action: 'oauth.token_issued', clientId: machine.clientId } });
    expect(issued?.detail).toMatchObject({ grantType: 'client_credentials', authMethod: 'client_secret_basic' });
    await client.close();
  });

  it('works the same with client_secret_post and a requested scope subset', async () => {
    const { user } = await makeUser(server);
    const machine = await createMachineClient(server, user.id, ['trips:read', 'trips:write', 'places:write']);
    const provider = new PostCredentialsProvider({ clientId: machine.clientId, clientSecret: machine.clientSecret, expectedIssuer: server.config.appUrl, scope: 'places:write' });
    const client = await connectWith(provider);
    const names = (await client.listTools()).tools.map((t) => t.name);
    expect(names).toContain('create_place');
    expect(names).not.toContain('create_trip');
    expect(provider.tokens()?.scope).toBe('places:write');
    const issued = await server.services.db.auditLog.findFirst({ where: { action: 'oauth.token_issued', clientId: machine.clientId } });
    expect(issued?.detail).toMatchObject({ grantType: 'client_credentials', authMethod: 'client_secret_post' });
    const created = await client.callTool({ name: 'list_trips', arguments: {} });
    expect(created.isError).toBeFalsy();
    await client.close();
  });
});

/** An in-memory OAuthClientProvider for an interactive client, capturing the authorization URL. */
class RecordingProvider implements OAuthClientProvider {
  info?: OAuthClientInformationMixed;
  saved?: OAuthTokens;
  verifier?: string;
  authorizationUrl?: URL;
  constructor(readonly redirect: string) {}
  get redirectUrl() {
    return this.redirect;
  }
  get clientMetadata(): OAuthClientMetadata {
    return { client_name: 'SDK interactive test', redirect_uris: [this.redirect], token_endpoint_auth_method: 'none', grant_types: ['authorization_code', 'refresh_token'], response_types: ['code'] };
  }
  clientInformation() {
    return this.info;
  }
  saveClientInformation(info: OAuthClientInformationMixed) {
    this.info = info;
  }
  tokens() {
    return this.saved;
  }
  saveTokens(tokens: OAuthTokens) {
    this.saved = tokens;
  }
  redirectToAuthorization(url: URL) {
    this.authorizationUrl = url;
  }
  saveCodeVerifier(v: string) {
    this.verifier = v;
  }
  codeVerifier() {
    return this.verifier!;
  }
}

describe('interactive clients through the MCP SDK', () => {
  it('auth() discovers, registers dynamically, starts PKCE; after consent the code is exchanged and a tool works', async () => {
    const { cookie, user } = await makeUser(server);
    const provider = new RecordingProvider('http://127.0.0.1:53682/callback');
    const first = await auth(provider, { serverUrl: `${server.url}/mcp`, scope: 'trips:read trips:write' });
    expect(first).toBe('REDIRECT');
    expect(provider.info?.client_id).toMatch(/^wmc_/);
    const url = provider.authorizationUrl!;
    expect(url.origin + url.pathname).toBe(`${server.config.appUrl}/oauth/authorize`);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('resource')).toBe(`${server.url}/mcp`);

    const back = await approveConsent(server, cookie, Object.fromEntries(url.searchParams));
    expect(back.searchParams.get('state')).toBe(url.searchParams.get('state'));
    const second = await auth(provider, { serverUrl: `${server.url}/mcp`, authorizationCode: back.searchParams.get('code')! });
    expect(second).toBe('AUTHORIZED');
    expect(provider.saved?.refresh_token).toMatch(/^wmrt_/);

    const client = await connectWith(provider);
    const result = (await client.callTool({ name: 'create_trip', arguments: { title: 'Lisbon via OAuth' } })) as { isError?: boolean };
    expect(result.isError).toBeFalsy();
    const trip = await server.services.db.trip.findFirst({ where: { ownerId: user.id, title: 'Lisbon via OAuth' } });
    expect(trip).not.toBeNull();
    await client.close();
  });
});

describe('the bearer check at /mcp', () => {
  const initialize = { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } } };
  const callMcp = (token: string) =>
    fetch(`${server.url}/mcp`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream', Authorization: `Bearer ${token}` },
      body: JSON.stringify(initialize),
    });

  it('rejects a token issued for another audience', async () => {
    const { user } = await makeUser(server);
    const client = await createInteractiveClient(server, { scopes: ['trips:read'], ownerId: user.id });
    const token = randomSecret(TOKEN_PREFIX.accessToken);
    await server.services.db.oAuthToken.create({
      data: {
        accessTokenHash: hashSecret(token),
        familyId: 'other-audience',
        clientId: client.clientId,
        userId: user.id,
        scopes: ['trips:read'],
        resource: 'https://other.example/mcp',
        grantType: 'authorization_code',
        accessTokenExpiresAt: new Date(Date.now() + 3600_000),
      },
    });
    const res = await callMcp(token);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toContain('invalid_token');
  });

  it('accepts a machine token, and rejects it once revoked at /oauth/revoke', async () => {
    const { user } = await makeUser(server);
    const machine = await createMachineClient(server, user.id, ['trips:read']);
    const tokenRes = await postForm(server, '/oauth/token', { grant_type: 'client_credentials', client_id: machine.clientId, client_secret: machine.clientSecret });
    const token = tokenRes.body.access_token as string;
    expect((await callMcp(token)).status).toBe(200);
    await postForm(server, '/oauth/revoke', { token, client_id: machine.clientId, client_secret: machine.clientSecret });
    expect(await resolveToken(server, token)).toBeNull();
    expect((await callMcp(token)).status).toBe(401);
  });
});

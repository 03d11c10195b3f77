// Shared set-up for the OAuth integration tests: clients, form posts to the token endpoint, the consent round trip.
import crypto from 'node:crypto';
import type { RunningServer } from '../../server.ts';
import { createClient } from '~/oauth/clients.server';
import type { Scope } from '~/auth/scopes';

export async function createMachineClient(server: RunningServer, ownerId: number, scopes: Scope[]) {
  const { client, clientSecret } = await createClient(server.services, {
    name: 'Nightly script',
    ownerId,
    redirectUris: [],
    allowedScopes: scopes,
    tokenEndpointAuthMethod: 'client_secret_basic',
    machine: true,
    registeredDynamically: false,
  });
  return { clientId: client.clientId, clientSecret: clientSecret! };
}

export async function createInteractiveClient(
  server: RunningServer,
  options: { ownerId?: number | null; scopes: Scope[]; redirectUris?: string[]; public?: boolean },
) {
  const { client, clientSecret } = await createClient(server.services, {
    name: 'Test app',
    ownerId: options.ownerId ?? null,
    redirectUris: options.redirectUris ?? ['https://app.example.test/callback'],
    allowedScopes: options.scopes,
    tokenEndpointAuthMethod: options.public ? 'none' : 'client_secret_basic',
    machine: false,
    registeredDynamically: options.ownerId == null,
  });
  return { clientId: client.clientId, clientSecret: clientSecret ?? undefined, redirectUri: client.redirectUris[0] };
}

export function basic(clientId: string, secret: string) {
  return `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(secret)}`).toString('base64')}`;
}

export async function postForm(server: RunningServer, path: string, form: Record<string, string>, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(form).toString(),
  });
  const text = await response.text();
  let body: Record<string, unknown> = {};
  try {
    body = text ? JSON.parse(text) : {};
  } catch {
    body = { raw: text };
  }
  return { status: response.status, headers: response.headers, body };
}

export function pkcePair() {
  const verifier = crypto.randomBytes(32).toString('base64url');
  const challenge = crypto.createHash('sha256').update(verifier).digest('base64url');
  return { verifier, challenge };
}

/** GET /oauth/authorize as a signed-in browser; returns the response without following redirects. */
export async function getAuthorize(server: RunningServer, cookie: string | undefined, params: Record<string, string>) {
  return fetch(`${server.url}/oauth/authorize?${new URLSearchParams(params)}`, {
    redirect: 'manual',
    headers: cookie ? { Cookie: cookie } : {},
  });
}

/** Runs authorize → consent → approve like the browser does; returns the redirect location. */
export async function approveConsent(
  server: RunningServer,
  cookie: string,
  params: Record<string, string>,
  options: { grant?: string[]; decision?: 'approve' | 'deny' } = {},
) {
  const page = await getAuthorize(server, cookie, params);
  if (page.status === 302) return new URL(page.headers.get('Location')!);
  const html = await page.text();
  if (page.status !== 200) throw new Error(`authorize page answered ${page.status}: ${html.slice(0, 300)}`);
  const csrf = /name="csrf" value="([^"]+)"/.exec(html)?.[1];
  if (!csrf) throw new Error('no csrf field on the consent page');
  const offered = [...html.matchAll(/<input[^>]*name="grant"[^>]*>/g)].map((m) => /value="([^"]+)"/.exec(m[0])![1]);
  const form = new URLSearchParams({ ...params, csrf, decision: options.decision ?? 'approve' });
  for (const scope of options.grant ?? offered) form.append('grant', scope);
  const response = await fetch(`${server.url}/oauth/authorize?${new URLSearchParams(params)}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { Cookie: cookie, Origin: server.url, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
  });
  if (response.status !== 302) throw new Error(`consent POST answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
  return new URL(response.headers.get('Location')!);
}

/** Authorize + consent + code exchange; returns the token response. */
export async function authorizationCodeTokens(
  server: RunningServer,
  cookie: string,
  client: { clientId: string; clientSecret?: string; redirectUri: string },
  scope: string,
) {
  const { verifier, challenge } = pkcePair();
  const location = await approveConsent(server, cookie, {
    response_type: 'code',
    client_id: client.clientId,
    redirect_uri: client.redirectUri,
    scope,
    state: 'xyz',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    resource: `${server.url}/mcp`,
  });
  const code = location.searchParams.get('code');
  if (!code) throw new Error(`no code in ${location}`);
  const form: Record<string, string> = {
    grant_type: 'authorization_code',
    code,
    redirect_uri: client.redirectUri,
    code_verifier: verifier,
    client_id: client.clientId,
    resource: `${server.url}/mcp`,
  };
  if (client.clientSecret) form.client_secret = client.clientSecret;
  return postForm(server, '/oauth/token', form);
}

/** What /mcp's bearer check makes of a token (null = rejected). */
export async function resolveToken(server: RunningServer, token: string) {
  const { resolveBearerToken } = await import('~/auth/bearer.server');
  return resolveBearerToken(server.services.database, token, { resource: `${server.config.appUrl}/mcp` });
}

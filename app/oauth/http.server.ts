// Small HTTP helpers for the OAuth endpoints: RFC 6749 JSON answers, form bodies, client credentials, the token endpoint's 429.
import type { Services } from '~/services/types.server';

const NO_STORE = { 'Cache-Control': 'no-store', Pragma: 'no-cache' };
// Browser-based MCP clients (e.g. MCP Inspector) call these endpoints from their own origin. No cookies are involved,
// so any origin may read the answers.
const CORS = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': 'WWW-Authenticate, Retry-After' };

/** Answers a CORS preflight for a POST endpoint, or null when the request is not one. */
export function corsPreflight(request: Request): Response | null {
  if (request.method !== 'OPTIONS') return null;
  return new Response(null, {
    status: 204,
    headers: {
      ...CORS,
      'Access-Control-Allow-Methods': 'POST, OPTIONS',
      'Access-Control-Allow-Headers': 'Authorization, Content-Type, MCP-Protocol-Version',
      'Access-Control-Max-Age': '86400',
    },
  });
}

export function oauthJson(body: unknown, status = 200, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', ...NO_STORE, ...CORS, ...headers },
  });
}

/** An RFC 6749 §5.2 error body. */
export function oauthError(error: string, description: string, status = 400, headers: Record<string, string> = {}) {
  return oauthJson({ error, error_description: description }, status, headers);
}

export function tooManyRequests(retryAfterSeconds: number) {
  return oauthError('slow_down', 'Too many requests; try again later', 429, { 'Retry-After': String(retryAfterSeconds) });
}

/** Parses an application/x-www-form-urlencoded body into a flat record (the first value of each field). */
export async function readForm(request: Request): Promise<Record<string, string> | null> {
  const type = request.headers.get('Content-Type') ?? '';
  if (!type.toLowerCase().startsWith('application/x-www-form-urlencoded')) return null;
  const params = new URLSearchParams(await request.text());
  const out: Record<string, string> = {};
  for (const [key, value] of params) if (!(key in out)) out[key] = value;
  return out;
}

export interface PresentedCredentials {
  clientId: string | undefined;
  clientSecret: string | undefined;
  method: 'client_secret_basic' | 'client_secret_post' | 'none';
}

/** Client credentials from HTTP Basic (RFC 6749 §2.3.1, form-encoded parts) or from the form body. */
export function presentedCredentials(request: Request, form: Record<string, string>): PresentedCredentials | 'malformed' {
  const header = request.headers.get('Authorization');
  if (header && /^basic\s/i.test(header)) {
    try {
      const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      if (colon < 0) return 'malformed';
      return {
        clientId: decodeURIComponent(decoded.slice(0, colon).replace(/\+/g, ' ')),
        clientSecret: decodeURIComponent(decoded.slice(colon + 1).replace(/\+/g, ' ')),
        method: 'client_secret_basic',
      };
    } catch {
      return 'malformed';
    }
  }
  if (form.client_secret) return { clientId: form.client_id, clientSecret: form.client_secret, method: 'client_secret_post' };
  return { clientId: form.client_id, clientSecret: undefined, method: 'none' };
}

export function mcpResource(services: Services) {
  return `${services.config.appUrl}/mcp`;
}

/** The audit entry for a failed client authentication at an OAuth endpoint (the presented id, never the secret). */
export function auditClientAuthFailure(
  services: Services,
  presented: PresentedCredentials,
  ip: string | null,
  detail: Record<string, unknown>,
) {
  return services.audit({ action: 'oauth.client_auth_failed', clientId: presented.clientId?.slice(0, 100) ?? null, success: false, ip, detail });
}

/** RFC 6749 §5.2 invalid_client; a client that tried HTTP Basic gets a Basic challenge. */
export function invalidClient(presented: PresentedCredentials, description = 'Client authentication failed') {
  const headers: Record<string, string> = presented.method === 'client_secret_basic' ? { 'WWW-Authenticate': 'Basic realm="Waymark"' } : {};
  return oauthError('invalid_client', description, 401, headers);
}

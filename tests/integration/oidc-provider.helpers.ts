// A real OpenID Connect provider (oidc-provider) on a random port in the test process, with its development login
// pages (any login name is accepted; the accounts below give the claims), and a small cookie-keeping client that walks
// through those pages the way a browser does.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export interface TestAccount {
  email?: string;
  email_verified?: boolean;
  preferred_username?: string;
  name?: string;
}

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** the claims each login name gets (changeable between sign-ins) */
  accounts: Map<string, TestAccount>;
  /** registers the Waymark servers' callback URLs (the provider is built once they are known) */
  start(redirectUris: string[]): void;
  close(): Promise<void>;
}

export async function startTestProvider(): Promise<TestProvider> {
  let handler: http.RequestListener = (_req, res) => res.writeHead(503).end();
  const server = http.createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const accounts = new Map<string, TestAccount>();
  const clientId = 'waymark-test';
  const clientSecret = 'a-test-client-secret-that-is-long-enough';
  return {
    issuer,
    clientId,
    clientSecret,
    accounts,
    start(redirectUris) {
      const provider = new Provider(issuer, {
        clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: redirectUris, grant_types: ['authorization_code'], response_types: ['code'] }],
        claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'preferred_username'] },
        cookies: { keys: ['test-cookie-key-one', 'test-cookie-key-two'] },
        features: { devInteractions: { enabled: true } },
        async findAccount(_ctx, sub) {
          return { accountId: sub, claims: async () => ({ sub, ...(accounts.get(sub) ?? {}) }) };
        },
      });
      // the development pages warn on every start; nothing to see in test output
      provider.on('server_error', (_ctx, error) => console.error('[test provider]', error));
      handler = provider.callback();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Cookies by name, as a browser keeps them for one site (paths ignored: enough for these pages). */
export class CookieJar {
  private readonly cookies = new Map<string, string>();
  take(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1);
      if (!value || attrs.some((a) => /max-age=0|expires=thu, 01 jan 1970/i.test(a.trim()))) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

/**
 * Follows the provider's pages from its authorization URL: the login form (login name = account id, any password) and
 * the consent form, until it redirects back to the client. Returns that redirect (the client's callback URL).
 */
export async function signInAtProvider(authorizationUrl: string, login: string, options: { deny?: boolean } = {}) {
  const jar = new CookieJar();
  let url = authorizationUrl;
  let init: RequestInit = {};
  for (let hop = 0; hop < 20; hop++) {
    const response = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers ?? {}), Cookie: jar.header() } });
    jar.take(response);
    const location = response.headers.get('Location');
    if (location) {
      const next = new URL(location, url);
      if (next.origin !== new URL(authorizationUrl).origin) return next.href;
      url = next.href;
      init = {};
      continue;
    }
    const html = await response.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (!action) throw new Error(`the provider answered ${response.status} without a form: ${html.slice(0, 300)}`);
    const prompt = /name="prompt" value="([^"]+)"/.exec(html)?.[1];
    const fields: Record<string, string> = { prompt: prompt ?? '' };
    if (prompt === 'login') Object.assign(fields, { login, password: 'any password' });
    const target = new URL(action.replace(/&amp;/g, '&'), url);
    if (options.deny) {
      // the user cancels at the provider: its abort page answers the client with access_denied
      url = `${target.href}/abort`;
      init = {};
      continue;
    }
    url = target.href;
    init = { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields) };
  }
  throw new Error('the provider did not send the browser back');
}

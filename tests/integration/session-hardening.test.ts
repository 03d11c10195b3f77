// Web sessions and transport headers (issue 11): an absolute session lifetime besides the sliding one, and HSTS when
// APP_URL is https, and a Content-Security-Policy on every page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server';
import { makeUser } from '../helpers/users';
import { createSession, SESSION_ABSOLUTE_LIFETIME_MS, validateSessionToken } from '~/auth/session.server';
import { hashSecret } from '~/auth/tokens.server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

describe('absolute session lifetime', () => {
  it('a session older than the absolute lifetime is refused even while it keeps sliding', async () => {
    const { user } = await makeUser(server);
    const { token } = await createSession(server.services.db, user.id);
    expect(await validateSessionToken(server.services.db, token)).not.toBeNull();
    await server.services.db.session.update({
      where: { id: hashSecret(token) },
      data: { createdAt: new Date(Date.now() - SESSION_ABSOLUTE_LIFETIME_MS - 60_000), expiresAt: new Date(Date.now() + 86_400_000) },
    });
    expect(await validateSessionToken(server.services.db, token)).toBeNull();
    expect(await server.services.db.session.count({ where: { id: hashSecret(token) } })).toBe(0);
  });
});

describe('HSTS', () => {
  it('is sent when APP_URL is https and not when it is http', async () => {
    const https = await startTestServer({ APP_URL: 'https://waymark.test' });
    try {
      const res = await fetch(`${https.url}/login`);
      expect(res.headers.get('strict-transport-security')).toMatch(/^max-age=\d+/);
    } finally {
      await https.close();
    }
    expect((await fetch(`${server.url}/login`)).headers.get('strict-transport-security')).toBeNull();
  });
});

describe('Content-Security-Policy', () => {
  const policyOf = (res: Response) =>
    Object.fromEntries(
      (res.headers.get('content-security-policy') ?? '').split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name, values];
      }),
    ) as Record<string, string[]>;

  it('every page allows scripts only from this origin or with its own fresh nonce, which every inline script carries', async () => {
    const { cookie } = await makeUser(server);
    const nonces = new Set<string>();
    for (const [path, headers] of [['/login', {}], ['/', { Cookie: cookie }], ['/settings', { Cookie: cookie }], ['/no-such-page', {}]] as const) {
      const res = await fetch(`${server.url}${path}`, { headers });
      const policy = policyOf(res);
      const nonce = /^'nonce-([A-Za-z0-9+/=]{20,})'$/.exec(policy['script-src']?.find((s) => s.startsWith("'nonce-")) ?? '')?.[1];
      expect(nonce, path).toBeTruthy();
      expect(policy['script-src']).toEqual(["'self'", `'nonce-${nonce}'`]);
      expect(policy['object-src']).toEqual(["'none'"]);
      expect(policy['frame-ancestors']).toEqual(["'none'"]);
      expect(policy['base-uri']).toEqual(["'self'"]);
      const html = await res.text();
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      expect(scripts.length, path).toBeGreaterThan(0);
      for (const tag of scripts) {
        // an inline script runs only with the nonce; a script file only from this origin
        if (!/\ssrc=/.test(tag)) expect(tag, path).toContain(`nonce="${nonce}"`);
        else expect(tag, path).not.toMatch(/src="(https?:)?\/\//);
      }
      nonces.add(nonce!);
    }
    expect(nonces.size).toBe(4);
  });

  it('with hosted Pusher, live updates may connect to its host and nowhere else', async () => {
    const hosted = await startTestServer({ PUSHER_APP_ID: '1', PUSHER_KEY: 'key', PUSHER_SECRET: 'secret', PUSHER_CLUSTER: 'eu' });
    try {
      const policy = policyOf(await fetch(`${hosted.url}/login`));
      expect(policy['connect-src']).toEqual(["'self'", 'wss://ws-eu.pusher.com']);
    } finally {
      await hosted.close();
    }
    expect(policyOf(await fetch(`${server.url}/login`))['connect-src']).toEqual(["'self'"]);
  });
});

// Web sessions and transport headers (issue 11): an absolute session lifetime besides the sliding one, and HSTS when
// APP_URL is https.
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

// The consent page carries a CSRF value: it must reach the browser with Cache-Control: no-store (issue 11).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server';
import { makeUser } from '../helpers/users';
import { createInteractiveClient, getAuthorize, pkcePair } from './oauth.helpers';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

describe('consent page headers', () => {
  it('is sent with Cache-Control: no-store and X-Frame-Options: DENY', async () => {
    const { cookie } = await makeUser(server);
    const client = await createInteractiveClient(server, { scopes: ['trips:read'], public: true });
    const { challenge } = pkcePair();
    const res = await getAuthorize(server, cookie, {
      response_type: 'code',
      client_id: client.clientId,
      redirect_uri: client.redirectUri,
      scope: 'trips:read',
      state: 's',
      code_challenge: challenge,
      code_challenge_method: 'S256',
      resource: `${server.url}/mcp`,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
  });
});

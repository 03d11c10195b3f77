// Client IPs behind a proxy and the throttles keyed by them (issue 11): a stranger cannot lock the owner out, one
// address cannot guess freely across accounts, and registrations are rate limited per address.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server';
import { makeUser } from '../helpers/users';

let server: TestServer;
beforeAll(async () => {
  // the test client is the "proxy": one hop is trusted, the client address comes from X-Forwarded-For
  server = await startTestServer({ TRUST_PROXY: '1' });
});
afterAll(async () => {
  await server?.close();
});

const login = (email: string, password: string, from: string) =>
  fetch(`${server.url}/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Forwarded-For': from },
    body: new URLSearchParams({ email, password }),
    redirect: 'manual',
  });

describe('login lockout behind a trusted proxy', () => {
  it('a stranger failing ten times does not lock the owner out from the owner’s own address', async () => {
    const { user } = await makeUser(server);
    const statuses = [];
    for (let i = 0; i < 10; i++) statuses.push((await login(user.email, 'wrong guess', '198.51.100.66')).status);
    expect(statuses.at(-1)).toBe(429);
    const owner = await login(user.email, 'correct horse battery', '203.0.113.10');
    expect(owner.status).toBe(302);
  });

  it('one address guessing across many accounts is locked out as a whole', async () => {
    const emails = [];
    for (let i = 0; i < 6; i++) emails.push((await makeUser(server)).user.email);
    let last = 0;
    // three guesses per account stay under the per-account limit; the per-address cap still trips
    for (let round = 0; round < 3; round++) for (const email of emails) last = (await login(email, 'nope', '198.51.100.77')).status;
    const more = [];
    for (const email of emails) more.push((await login(email, 'nope', '198.51.100.77')).status);
    expect(last === 429 || more.includes(429)).toBe(true);
    // the owner of one of them from elsewhere is fine
    expect((await login(emails[0], 'correct horse battery', '203.0.113.11')).status).toBe(302);
  });
});

describe('registration throttle', () => {
  it('one address gets 429 after a burst of registrations; another address still registers', async () => {
    const register = (n: number, from: string) =>
      fetch(`${server.url}/register`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Forwarded-For': from },
        body: new URLSearchParams({ email: `burst-${from}-${n}-${Date.now()}@example.test`, displayName: 'B', password: 'long enough pw' }),
        redirect: 'manual',
      });
    // Windows are wall-clock minutes, so a burst may straddle two. 21 tries against the default limit of 10 put at
    // least 11 into one window however they split: one of them must be refused.
    const statuses = [];
    for (let i = 0; i < 21; i++) statuses.push((await register(i, '198.51.100.88')).status);
    expect(statuses.slice(0, 5).every((s) => s === 302)).toBe(true);
    expect(statuses).toContain(429);
    expect((await register(99, '203.0.113.12')).status).toBe(302);
  });
});

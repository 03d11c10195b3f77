// Waymark on a machine whose clock zone is not UTC (a laptop in Tokyo, a NAS in California): tokens written and read
// by raw SQL and by Prisma must agree on when they expire. Node applies a change of process.env.TZ at once.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server';
import { makeUser } from '../helpers/users';
import { connect, createOAuthToken, enableMcp } from './mcp.helpers';
import { authorizationCodeTokens, basic, createInteractiveClient, createMachineClient, postForm, resolveToken } from './oauth.helpers';

const zoneBefore = process.env.TZ;
let server: TestServer;

beforeAll(async () => {
  process.env.TZ = 'Asia/Tokyo'; // UTC+9: local wall-clock time is ahead of the stored UTC
  server = await startTestServer();
  await enableMcp(server);
});
afterEach(() => {
  process.env.TZ = 'Asia/Tokyo';
});
afterAll(async () => {
  await server?.close();
  if (zoneBefore === undefined) delete process.env.TZ;
  else process.env.TZ = zoneBefore;
});

describe('a server in a time zone east of UTC (Asia/Tokyo)', () => {
  it('a token from the browser consent works at once, and its expiry reads the same through Prisma', async () => {
    expect(new Date(Date.UTC(2026, 0, 1)).getHours()).toBe(9); // the zone is really in force
    const { cookie } = await makeUser(server);
    const client = await createInteractiveClient(server, { scopes: ['trips:read'], public: true });
    const issued = await authorizationCodeTokens(server, cookie, client, 'trips:read');
    expect(issued.status).toBe(200);
    const mcp = await connect(server, issued.body.access_token as string);
    const { tools } = await mcp.client.listTools();
    expect(tools.map((t) => t.name)).toContain('list_trips');
    await mcp.client.close();

    const row = await server.services.db.oAuthToken.findFirstOrThrow({ where: { clientId: client.clientId } });
    const expiresIn = (row.accessTokenExpiresAt.getTime() - Date.now()) / 1000;
    expect(Math.abs(expiresIn - (issued.body.expires_in as number))).toBeLessThan(60);
  });

  it('a machine client token works, and its expiry is stored as UTC like every other time', async () => {
    const { user } = await makeUser(server);
    const machine = await createMachineClient(server, user.id, ['trips:read']);
    const issued = await postForm(server, '/oauth/token', { grant_type: 'client_credentials' }, { Authorization: basic(machine.clientId, machine.clientSecret) });
    expect(issued.status).toBe(200);
    expect((await resolveToken(server, issued.body.access_token as string))?.user.id).toBe(user.id);

    // what the connected-apps page and the purge of expired tokens read (Prisma)
    const row = await server.services.db.oAuthToken.findFirstOrThrow({ where: { clientId: machine.clientId } });
    const expiresIn = (row.accessTokenExpiresAt.getTime() - Date.now()) / 1000;
    expect(Math.abs(expiresIn - (issued.body.expires_in as number))).toBeLessThan(60);
  });
});

describe('a server in a time zone west of UTC (America/Los_Angeles)', () => {
  it('refuses an access token a minute past its expiry, and takes one a minute before it', async () => {
    process.env.TZ = 'America/Los_Angeles'; // UTC−8 or −7: local wall-clock time is behind the stored UTC
    expect(new Date(Date.UTC(2026, 0, 1, 12)).getHours()).toBe(4);
    const { user } = await makeUser(server);
    const expired = await createOAuthToken(server, user.id, ['trips:read'], { expiresInMs: -60_000 });
    const valid = await createOAuthToken(server, user.id, ['trips:read'], { expiresInMs: 60_000 });
    expect(await resolveToken(server, expired.token)).toBeNull();
    expect((await resolveToken(server, valid.token))?.user.id).toBe(user.id);
  });
});

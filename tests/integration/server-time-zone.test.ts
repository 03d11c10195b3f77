// Waymark on a machine whose clock zone is not UTC (a laptop in Tokyo, a NAS in California): tokens written and read
// by raw SQL and by Prisma must agree on when they expire. Node applies a change of process.env.TZ at once.
import fs from 'node:fs';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, startTestServer, type TestServer } from '../helpers/server';
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

/** Makes zone the database's default: every new session starts in it (as on a cluster initialised in that zone). */
async function inDatabaseZone(url: string, zone: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`ALTER DATABASE "${new URL(url).pathname.slice(1)}" SET TimeZone = '${zone}'`);
  await client.end();
}

describe('booking times (timestamptz) on a database whose default zone is not UTC', () => {
  it('are stored as the instants they are, and read back as they were entered', async () => {
    const database = await createTestDatabase();
    await inDatabaseZone(database.url, 'Asia/Tokyo');
    const own = await startTestServer({}, database);
    try {
      const { user } = await makeUser(own);
      const trip = await own.services.db.trip.create({ data: { ownerId: user.id, title: 'Tokyo' } });
      const booked = await own.services.db.reservation.create({
        data: { tripId: trip.id, type: 'flight', title: 'NH 204', startsAt: new Date('2027-05-01T19:50:00Z') },
      });
      const [row] = await own.services.database.sql.query(
        `SELECT to_char("startsAt" AT TIME ZONE 'UTC', 'HH24:MI') AS utc FROM "Reservation" WHERE "id" = $1`,
        [booked.id],
      );
      expect(row.utc).toBe('19:50');
      const again = await own.services.db.reservation.findUniqueOrThrow({ where: { id: booked.id } });
      expect(again.startsAt).toEqual(new Date('2027-05-01T19:50:00Z'));
    } finally {
      await own.close();
      await database.drop();
    }
  });

  it('the upgrade puts right the times an earlier version stored shifted by the zone', async () => {
    const migration = fs.readFileSync('prisma/migrations/20261203020000_booking_times_utc/migration.sql', 'utf8');
    const database = await createTestDatabase();
    await inDatabaseZone(database.url, 'Asia/Tokyo');
    // a session in the database's zone, given UTC wall-clock text without an offset: what Prisma's writes were
    const before = new pg.Client({ connectionString: database.url });
    await before.connect();
    try {
      const user = await before.query(`INSERT INTO "User" ("email", "username", "displayName", "passwordHash") VALUES ('t@z.test', 'tz', 'TZ', 'x') RETURNING "id"`);
      const trip = await before.query(`INSERT INTO "Trip" ("ownerId", "title", "updatedAt") VALUES ($1, 'T', now()) RETURNING "id"`, [user.rows[0].id]);
      await before.query(
        `INSERT INTO "Reservation" ("tripId", "type", "title", "startsAt", "endsAt", "updatedAt") VALUES ($1, 'flight', 'F', '2027-05-01 19:50:00', NULL, now())`,
        [trip.rows[0].id],
      );
      const utc = `SELECT to_char("startsAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') AS t FROM "Reservation"`;
      expect((await before.query(utc)).rows[0].t).toBe('2027-05-01 10:50'); // 19:50 read in Tokyo
      await before.query(migration);
      expect((await before.query(utc)).rows[0].t).toBe('2027-05-01 19:50');
    } finally {
      await before.end();
      await database.drop();
    }
  });
});

// "Download my data" (issue 19) over real HTTP: the JSON holds the user's own trips with their contents, trips they
// are a member of, their journeys — and no password hash, session or token of any kind. Signed out: nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server';
import { makeUser } from '../helpers/users';
import { EXPORT_FORMAT } from '~/auth/account-export.server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

describe('account export', () => {
  it('contains owned trips with places, memberships and journeys, and no secrets', async () => {
    const ada = await makeUser(server, { displayName: 'Ada Export' });
    const bo = await makeUser(server, { displayName: 'Bo Owner' });
    const db = server.services.db;
    const own = await db.trip.create({ data: { ownerId: ada.user.id, title: 'Lisbon in spring', members: { create: [{ userId: ada.user.id }] } } });
    await db.place.create({ data: { tripId: own.id, name: 'Time Out Market', createdById: ada.user.id } });
    const other = await db.trip.create({ data: { ownerId: bo.user.id, title: 'Bo’s Alps trip', members: { create: [{ userId: bo.user.id }, { userId: ada.user.id }] } } });
    await db.journey.create({ data: { ownerId: ada.user.id, title: 'Portugal diary' } });
    await db.trip.create({ data: { ownerId: bo.user.id, title: 'Not Ada’s business' } });

    const res = await fetch(`${server.url}/api/account/export`, { headers: { Cookie: ada.cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Disposition')).toMatch(/^attachment; filename="waymark-\d+-\d{4}-\d{2}-\d{2}\.json"$/);
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    const text = await res.text();
    const data = JSON.parse(text) as {
      format: string;
      profile: Record<string, unknown>;
      ownedTrips: Array<{ title: string; places: Array<{ name: string }> }>;
      memberOf: Array<{ trip: { id: number; title: string } }>;
      journeys: Array<{ title: string }>;
    };
    expect(data.format).toBe(EXPORT_FORMAT);
    expect(data.profile).toMatchObject({ email: ada.user.email, displayName: 'Ada Export' });
    expect(data.ownedTrips.map((t) => t.title)).toEqual(['Lisbon in spring']);
    expect(data.ownedTrips[0].places.map((p) => p.name)).toEqual(['Time Out Market']);
    expect(data.memberOf.map((m) => m.trip.id)).toEqual([other.id]);
    expect(data.journeys.map((j) => j.title)).toEqual(['Portugal diary']);
    expect(text).not.toContain('Not Ada’s business');
    // No secrets: not the hash, not the session, no key that names one.
    expect(text).not.toContain(ada.user.passwordHash);
    expect(text).not.toContain('$argon2');
    expect(text).not.toContain(ada.cookie.split('=')[1]);
    expect(text).not.toMatch(/"[^"]*(hash|secret|token|password)[^"]*":/i);
    expect(await db.auditLog.count({ where: { action: 'account.export', userId: ada.user.id } })).toBe(1);
  });

  it('signed out gets nothing', async () => {
    expect((await fetch(`${server.url}/api/account/export`)).status).toBe(401);
  });
});

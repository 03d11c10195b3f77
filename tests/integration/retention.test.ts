// Retention (issue 11): expired tokens, codes, sessions, old audit rows, long-read notifications and long-expired
// invitations are deleted; live ones stay.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server';
import { makeUser } from '../helpers/users';
import { purgeExpired } from '~/db/retention.server';
import { createOAuthToken } from './mcp.helpers';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

const DAY = 86_400_000;

describe('retention purge', () => {
  it('deletes what has expired and audit rows past the retention, and keeps what is live', async () => {
    const db = server.services.db;
    const { user } = await makeUser(server);
    const old = new Date(Date.now() - 3 * DAY);
    await db.session.create({ data: { id: crypto.randomBytes(16).toString('hex'), userId: user.id, expiresAt: old } });
    const expired = await createOAuthToken(server, user.id, ['trips:read'], { expiresInMs: -3 * DAY });
    const live = await createOAuthToken(server, user.id, ['trips:read']);
    await db.oAuthCode.create({
      data: { codeHash: crypto.randomBytes(16).toString('hex'), clientId: live.clientId, userId: user.id, redirectUri: 'http://localhost/cb', scopes: [], codeChallenge: 'x', resource: 'r', expiresAt: old },
    });
    await db.auditLog.create({ data: { action: 'test.ancient', createdAt: new Date(Date.now() - 400 * DAY) } });
    await db.auditLog.create({ data: { action: 'test.recent' } });
    const note = (readAt: Date | null, type: string) => db.notification.create({ data: { userId: user.id, type, readAt } });
    await note(new Date(Date.now() - 100 * DAY), 'trip_added');
    await note(new Date(Date.now() - 5 * DAY), 'trip_removed');
    await db.notification.create({ data: { userId: user.id, type: 'mention', createdAt: new Date(Date.now() - 400 * DAY) } });
    const invite = (expiresAt: Date, tokenHash: string) => db.invite.create({ data: { tokenHash, expiresAt } });
    await invite(new Date(Date.now() - 10 * DAY), `old-${user.id}`);
    await invite(new Date(Date.now() - 1 * DAY), `recent-${user.id}`);

    const counts = await purgeExpired(db, { auditRetentionDays: 365, mcpIdleMs: 3600_000 });
    expect(counts.sessions).toBeGreaterThanOrEqual(1);
    expect(counts.codes).toBeGreaterThanOrEqual(1);
    expect(counts.tokens).toBeGreaterThanOrEqual(1);
    expect(counts.auditRows).toBeGreaterThanOrEqual(1);
    expect(await db.oAuthToken.count({ where: { familyId: expired.familyId } })).toBe(0);
    expect(await db.oAuthToken.count({ where: { familyId: live.familyId } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: 'test.ancient' } })).toBe(0);
    expect(await db.auditLog.count({ where: { action: 'test.recent' } })).toBe(1);
    expect(await db.session.count({ where: { userId: user.id, expiresAt: { gt: new Date() } } })).toBe(1);
    // Read long ago: gone; read recently or never read (however old): kept.
    expect((await db.notification.findMany({ where: { userId: user.id }, orderBy: { type: 'asc' } })).map((n) => n.type)).toEqual(['mention', 'trip_removed']);
    expect((await db.invite.findMany({ where: { tokenHash: { endsWith: `-${user.id}` } } })).map((i) => i.tokenHash)).toEqual([`recent-${user.id}`]);
  });

  it('AUDIT_RETENTION_DAYS is validated at boot', async () => {
    const { parseConfig } = await import('~/env.server');
    expect(() => parseConfig({ AUDIT_RETENTION_DAYS: 'forever' })).toThrow(/AUDIT_RETENTION_DAYS/);
    expect(parseConfig({ AUDIT_RETENTION_DAYS: '30' }).auditRetentionDays).toBe(30);
  });
});

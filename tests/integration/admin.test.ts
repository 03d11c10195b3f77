// Administration: only admins get in; promote/demote; delete a user with their trips; addon switches persist and gate
// procedures (meta.addon) and the MCP endpoint.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server';
import { expectTrpcError, makeUser } from '../helpers/users';
import { authedProcedure, createCallerFactory, createContext, router } from '~/trpc/init';
import { hashSecret } from '~/auth/tokens.server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

describe('admin', () => {
  it('a non-admin is refused by every admin procedure and does not see the admin pages', async () => {
    await makeUser(server, { admin: true });
    const ben = await makeUser(server);
    for (const call of [
      () => ben.trpc.admin.listUsers.query(),
      () => ben.trpc.admin.listAddons.query(),
      () => ben.trpc.admin.setAddon.mutate({ id: 'budget', enabled: false }),
      () => ben.trpc.admin.setAdmin.mutate({ userId: ben.user.id, isAdmin: true }),
      () => ben.trpc.admin.deleteUser.mutate({ userId: 1 }),
    ]) {
      const error = await expectTrpcError(call());
      expect(error.code).toBe('FORBIDDEN');
    }
    expect((await server.services.db.user.findUniqueOrThrow({ where: { id: ben.user.id } })).isAdmin).toBe(false);
    for (const path of ['/admin/users', '/admin/addons']) {
      const response = await fetch(`${server.url}${path}`, { headers: { Cookie: ben.cookie } });
      expect(response.status).toBe(404);
    }
  });

  it('an admin sees the users page and the user list', async () => {
    const admin = await makeUser(server, { admin: true, displayName: 'Root Admin' });
    const ben = await makeUser(server, { displayName: 'Ben Listed' });
    const { users } = await admin.trpc.admin.listUsers.query();
    expect(users.find((u) => u.id === ben.user.id)).toMatchObject({ displayName: 'Ben Listed', isAdmin: false, ownedTripCount: 0 });
    expect(users.find((u) => u.id === admin.user.id)?.isAdmin).toBe(true);
    const page = await fetch(`${server.url}/admin/users`, { headers: { Cookie: admin.cookie } });
    expect(page.status).toBe(200);
    const index = await fetch(`${server.url}/admin`, { headers: { Cookie: admin.cookie }, redirect: 'manual' });
    expect(index.headers.get('Location')).toBe('/admin/users');
  });

  it('promotes and demotes a user, writing the audit log', async () => {
    const admin = await makeUser(server, { admin: true });
    const ben = await makeUser(server);
    await admin.trpc.admin.setAdmin.mutate({ userId: ben.user.id, isAdmin: true });
    expect((await server.services.db.user.findUniqueOrThrow({ where: { id: ben.user.id } })).isAdmin).toBe(true);
    expect((await ben.trpc.admin.listUsers.query()).users.length).toBeGreaterThan(1);
    await admin.trpc.admin.setAdmin.mutate({ userId: ben.user.id, isAdmin: false });
    expect((await server.services.db.user.findUniqueOrThrow({ where: { id: ben.user.id } })).isAdmin).toBe(false);
    const audit = await server.services.db.auditLog.findMany({ where: { userId: admin.user.id, action: { startsWith: 'admin.user_' } } });
    expect(audit.map((a) => a.action).sort()).toEqual(['admin.user_demote', 'admin.user_promote']);
  });

  it('an admin cannot demote or delete themselves, and unknown users are not found', async () => {
    const admin = await makeUser(server, { admin: true });
    const demote = await expectTrpcError(admin.trpc.admin.setAdmin.mutate({ userId: admin.user.id, isAdmin: false }));
    expect(demote.code).toBe('BAD_REQUEST');
    expect(demote.message).toBe('You cannot remove your own administrator rights');
    const remove = await expectTrpcError(admin.trpc.admin.deleteUser.mutate({ userId: admin.user.id }));
    expect(remove.code).toBe('BAD_REQUEST');
    expect((await server.services.db.user.findUniqueOrThrow({ where: { id: admin.user.id } })).isAdmin).toBe(true);
    expect((await expectTrpcError(admin.trpc.admin.deleteUser.mutate({ userId: 987654 }))).code).toBe('NOT_FOUND');
    expect((await expectTrpcError(admin.trpc.admin.setAdmin.mutate({ userId: -1, isAdmin: true }))).code).toBe('BAD_REQUEST');
  });

  it('deleting a user removes their sessions and owned trips, but not trips they were only a member of', async () => {
    const admin = await makeUser(server, { admin: true });
    const ben = await makeUser(server);
    const cleo = await makeUser(server);
    const { trip: bensTrip } = await ben.trpc.trips.createTrip.mutate({ title: 'Ben’s trip', startDate: '2027-01-01', endDate: '2027-01-03' });
    const { trip: cleosTrip } = await cleo.trpc.trips.createTrip.mutate({ title: 'Cleo’s trip' });
    await server.services.db.tripMember.create({ data: { tripId: cleosTrip.id, userId: ben.user.id } });

    const result = await admin.trpc.admin.deleteUser.mutate({ userId: ben.user.id, trips: [{ tripId: bensTrip.id, action: 'delete' }] });
    expect(result).toEqual({ deletedUserId: ben.user.id, deletedTrips: 1 });
    expect(await server.services.db.user.findUnique({ where: { id: ben.user.id } })).toBeNull();
    expect(await server.services.db.trip.findUnique({ where: { id: bensTrip.id } })).toBeNull();
    expect(await server.services.db.day.count({ where: { tripId: bensTrip.id } })).toBe(0);
    expect(await server.services.db.trip.findUnique({ where: { id: cleosTrip.id } })).not.toBeNull();
    const token = ben.cookie.split('=')[1];
    expect(await server.services.db.session.findUnique({ where: { id: hashSecret(token) } })).toBeNull();
    expect((await expectTrpcError(ben.trpc.account.me.query())).code).toBe('UNAUTHORIZED');
    const audit = await server.services.db.auditLog.findFirst({ where: { action: 'admin.user_delete', userId: admin.user.id } });
    expect(audit?.detail).toMatchObject({ targetUserId: ben.user.id, deletedTrips: 1 });
  });

  it('addon switches persist and gate procedures that declare meta.addon', async () => {
    const admin = await makeUser(server, { admin: true });
    const before = await admin.trpc.admin.listAddons.query();
    expect(before.addons.map((a) => a.id)).toEqual(['lists', 'budget', 'collab', 'atlas', 'vacay', 'journey', 'mcp']);
    expect(before.addons.find((a) => a.id === 'journey')?.defaultEnabled).toBe(false);

    const probe = router({ overview: authedProcedure.meta({ scope: 'budget:read', addon: 'budget' }).query(() => ({ ok: true })) });
    const call = () =>
      createCallerFactory(probe)(createContext({ services: server.services, actor: { user: admin.user, scopes: null, via: 'web' }, origin: 'ui' })).overview();

    await admin.trpc.admin.setAddon.mutate({ id: 'budget', enabled: false });
    expect((await server.services.db.addon.findUniqueOrThrow({ where: { id: 'budget' } })).enabled).toBe(false);
    expect((await admin.trpc.admin.listAddons.query()).addons.find((a) => a.id === 'budget')?.enabled).toBe(false);
    await expect(call()).rejects.toThrow('The budget addon is turned off by the administrator');

    await admin.trpc.admin.setAddon.mutate({ id: 'budget', enabled: true });
    await expect(call()).resolves.toEqual({ ok: true });
    const audit = await server.services.db.auditLog.findMany({ where: { userId: admin.user.id, action: { startsWith: 'admin.addon_' } } });
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['admin.addon_disable', 'admin.addon_enable']));
  });

  it('the mcp switch opens and closes the MCP endpoint', async () => {
    const admin = await makeUser(server, { admin: true });
    await admin.trpc.admin.setAddon.mutate({ id: 'mcp', enabled: false });
    expect((await fetch(`${server.url}/mcp`, { method: 'POST' })).status).toBe(403);
    await admin.trpc.admin.setAddon.mutate({ id: 'mcp', enabled: true });
    expect((await fetch(`${server.url}/mcp`, { method: 'POST' })).status).toBe(401);
    await admin.trpc.admin.setAddon.mutate({ id: 'mcp', enabled: false });
  });

  it('rejects an unknown addon id, listing the valid ones', async () => {
    const admin = await makeUser(server, { admin: true });
    const error = await expectTrpcError(admin.trpc.admin.setAddon.mutate({ id: 'teleport' as never, enabled: true }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toContain('lists, budget, collab, atlas, vacay, journey, mcp');
  });
});

// Deleting one's own account (issue 19, decision 037) over real HTTP: owned trips go to the chosen member or are
// deleted, in one transaction; afterwards the user's sessions and tokens are refused and no row of any table still
// points at them (found from the schema, so new tables are covered); the last administrator, a wrong password and
// incomplete or wrong trip choices change nothing.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { procedureSuite } from '../helpers/procedure-suite';
import { expectTrpcError, makeUser, trpcClient } from '../helpers/users';
import { connect, createOAuthToken, createStaticToken, enableMcp, rawSession, tableCounts } from './mcp.helpers';

const PASSWORD = 'correct horse battery';
const suite = procedureSuite([{ displayName: 'Admin Ida' }]);

/** Every column of the schema that names a user: the relations to User, and user-id columns without a relation. */
function userColumns() {
  const schema = fs.readFileSync(new URL('../../prisma/schema.prisma', import.meta.url), 'utf8');
  const columns: { model: string; column: string; array: boolean }[] = [];
  for (const [, model, body] of schema.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)) {
    const fields = body.split('\n').map((line) => line.trim().split(/\s+/));
    const related = new Set<string>();
    for (const line of body.split('\n')) {
      const relation = /^\s*\w+\s+User\??\s+@relation\((?:"\w+",\s*)?fields: \[(\w+)\]/.exec(line);
      if (relation) related.add(relation[1]);
    }
    for (const [name, type] of fields) {
      if (!name || !type) continue;
      const named = /^(userId|ownerId|authorId|actorId|uploaderId)$|(UserId|ById|EditorId)$|UserIds$/.test(name);
      if ((related.has(name) || named) && /^Int(\?|\[\])?$/.test(type)) columns.push({ model, column: name, array: type === 'Int[]' });
    }
  }
  return columns;
}

/** The columns that still point at the user, as "Model.column: rows". */
async function rowsNaming(userId: number) {
  const left: string[] = [];
  for (const { model, column, array } of userColumns()) {
    // The audit log keeps the bare id of who did what (decision 037): no name, no e-mail.
    if (model === 'AuditLog') continue;
    const where = array ? `$1 = ANY("${column}")` : `"${column}" = $1`;
    const [row] = (await suite.server.services.database.sql.query(`SELECT count(*)::int AS n FROM "${model}" WHERE ${where}`, [userId])) as { n: number }[];
    if (row.n > 0) left.push(`${model}.${column}: ${row.n}`);
  }
  return left;
}

describe('account deletion', () => {
  it('finds the user columns of the schema, with and without a relation', () => {
    const names = userColumns().map((c) => `${c.model}.${c.column}`);
    expect(names).toEqual(expect.arrayContaining(['Session.userId', 'Trip.ownerId', 'ReminderSent.userId', 'BudgetItem.createdById', 'CollabMessage.mentionedUserIds', 'JourneyPhoto.uploaderId', 'Todo.updatedById', 'PackingItem.updatedById']));
  });

  it('transfers and deletes the trips as chosen, keeps contributions without the author, and leaves no row naming the user', async () => {
    const db = suite.server.services.db;
    await enableMcp(suite.server);
    const leaver = await makeUser(suite.server, { displayName: 'Leaving Lea' });
    const heir = await makeUser(suite.server, { displayName: 'Heir Hugo' });
    const host = await makeUser(suite.server, { displayName: 'Host Hana' });
    const kept = await db.trip.create({ data: { ownerId: leaver.user.id, title: 'Kept trip', members: { create: [{ userId: heir.user.id }] } } });
    await db.place.create({ data: { tripId: kept.id, name: 'Belém tower', createdById: leaver.user.id } });
    const gone = await db.trip.create({ data: { ownerId: leaver.user.id, title: 'Gone trip', members: { create: [{ userId: heir.user.id }] } } });
    const alone = await db.trip.create({ data: { ownerId: leaver.user.id, title: 'Solo trip' } });
    // Contributions to someone else's trip, through relations and through columns without one.
    const hosted = await db.trip.create({ data: { ownerId: host.user.id, title: 'Hana’s trip', members: { create: [{ userId: leaver.user.id }] } } });
    const place = await db.place.create({ data: { tripId: hosted.id, name: 'Lea’s café', createdById: leaver.user.id } });
    const item = await db.budgetItem.create({ data: { tripId: hosted.id, name: 'Dinner', amount: 4200n, currency: 'EUR', createdById: leaver.user.id, members: { create: [{ userId: leaver.user.id }, { userId: host.user.id }] } } });
    await db.budgetSettlement.create({ data: { tripId: hosted.id, fromUserId: leaver.user.id, toUserId: host.user.id, amount: 2100n, currency: 'EUR', createdById: host.user.id } });
    const message = await db.collabMessage.create({ data: { tripId: hosted.id, authorId: leaver.user.id, text: 'See you @Hana', mentionedUserIds: [leaver.user.id, host.user.id] } });
    const todo = await db.todo.create({ data: { tripId: hosted.id, name: 'Book the ferry', updatedById: leaver.user.id } });
    const packed = await db.packingItem.create({ data: { tripId: hosted.id, name: 'Sunscreen', updatedById: leaver.user.id } });
    await db.reminderSent.create({ data: { kind: 'todo_due', target: 'todo:1', userId: leaver.user.id, day: '2026-12-02' } });
    await db.journey.create({ data: { ownerId: leaver.user.id, title: 'Lea’s diary' } });
    await db.tag.create({ data: { userId: leaver.user.id, name: 'beach' } });
    await db.notification.create({ data: { userId: host.user.id, type: 'trip_added', tripId: hosted.id, actorId: leaver.user.id, params: { actor: 'Leaving Lea', trip: 'Hana’s trip' } } });
    const { token: staticToken } = await createStaticToken(suite.server, leaver.user.id);
    const { token: oauthToken } = await createOAuthToken(suite.server, leaver.user.id, ['trips:read']);
    const mcpSession = await rawSession(suite.server, staticToken);
    expect(await rowsNaming(leaver.user.id)).not.toEqual([]);

    const plan = await leaver.trpc.account.deletionPlan.query();
    expect(plan).toMatchObject({ confirmWith: 'password', lastAdmin: false });
    expect(plan.trips.map((t) => [t.title, t.members.map((m) => m.id)])).toEqual([
      ['Kept trip', [heir.user.id]],
      ['Gone trip', [heir.user.id]],
      ['Solo trip', []],
    ]);

    const answer = await leaver.trpc.account.deleteAccount.mutate({
      confirmation: PASSWORD,
      trips: [
        { tripId: kept.id, action: 'transfer', newOwnerId: heir.user.id },
        { tripId: gone.id, action: 'delete' },
        { tripId: alone.id, action: 'delete' },
      ],
    });
    expect(answer).toEqual({ deleted: true, transferredTrips: 1, deletedTrips: 2 });

    // The heir owns the kept trip (no longer also a member row) and sees it with its places; the others are gone.
    const summary = await heir.trpc.trips.getTripSummary.query({ tripId: kept.id });
    expect(summary.members).toEqual([expect.objectContaining({ id: heir.user.id, role: 'owner' })]);
    expect(await db.place.count({ where: { tripId: kept.id } })).toBe(1);
    expect(await db.trip.count({ where: { id: { in: [gone.id, alone.id] } } })).toBe(0);
    // Contributions elsewhere stay, without their author.
    expect(await db.place.findUnique({ where: { id: place.id } })).toMatchObject({ createdById: null });
    expect(await db.budgetItem.findUnique({ where: { id: item.id } })).toMatchObject({ createdById: null });
    expect(await db.collabMessage.findUnique({ where: { id: message.id } })).toMatchObject({ authorId: null, text: 'See you @Hana', mentionedUserIds: [host.user.id] });
    expect(await db.todo.findUnique({ where: { id: todo.id } })).toMatchObject({ name: 'Book the ferry', updatedById: null });
    expect(await db.packingItem.findUnique({ where: { id: packed.id } })).toMatchObject({ name: 'Sunscreen', updatedById: null });
    expect(await rowsNaming(leaver.user.id)).toEqual([]);
    // Hana's inbox keeps the event but no longer the leaver's name.
    const inbox = await host.trpc.notifications.listNotifications.query();
    expect(inbox.notifications.filter((n) => n.type === 'trip_added').map((n) => n.text)).toEqual(['Someone added you to the trip “Hana’s trip”']);

    // Every way in is closed.
    expect((await expectTrpcError(leaver.trpc.account.me.query())).code).toBe('UNAUTHORIZED');
    for (const token of [staticToken, oauthToken]) {
      const res = await fetch(`${suite.server.url}/mcp`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream', 'Mcp-Session-Id': mcpSession },
        body: JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/list' }),
      });
      expect(res.status, token.slice(0, 5)).toBe(401);
    }

    // The other members hear of it: the new owner on the trip channel, the deleted trip on the heir's dashboard.
    expect(suite.events).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ channel: `private-trip-${kept.id}`, event: 'trip.ownerChanged', payload: expect.objectContaining({ ownerId: heir.user.id, ownerName: 'Heir Hugo' }) }),
        expect.objectContaining({ channel: `private-user-${heir.user.id}`, event: 'trip.deleted', payload: expect.objectContaining({ tripId: gone.id }) }),
      ]),
    );
    const audit = await db.auditLog.findFirst({ where: { action: 'account.delete', userId: leaver.user.id, success: true } });
    expect(audit?.detail).toEqual({ transferredTrips: 1, deletedTrips: 2 });
    expect(JSON.stringify(audit)).not.toContain(leaver.user.email);
  });

  it('a wrong password, a missing trip, a stranger as heir or a trip of someone else: BAD_REQUEST, nothing changed', async () => {
    const owner = await makeUser(suite.server, { displayName: 'Owner Olga' });
    const member = await makeUser(suite.server, { displayName: 'Member Max' });
    const stranger = await makeUser(suite.server, { displayName: 'Stranger Sam' });
    const db = suite.server.services.db;
    const trip = await db.trip.create({ data: { ownerId: owner.user.id, title: 'Olga’s trip', members: { create: [{ userId: member.user.id }] } } });
    const other = await db.trip.create({ data: { ownerId: stranger.user.id, title: 'Sam’s trip' } });
    const before = await tableCounts(suite.server);
    const attempts: Array<[Parameters<typeof owner.trpc.account.deleteAccount.mutate>[0], string]> = [
      [{ confirmation: 'not my password', trips: [{ tripId: trip.id, action: 'delete' }] }, 'errors.accountDeletionConfirmWrong'],
      [{ confirmation: PASSWORD, trips: [] }, 'errors.accountDeletionTripMissing'],
      [{ confirmation: PASSWORD, trips: [{ tripId: trip.id, action: 'transfer', newOwnerId: stranger.user.id }] }, 'errors.accountDeletionNotMember'],
      [{ confirmation: PASSWORD, trips: [{ tripId: trip.id, action: 'delete' }, { tripId: other.id, action: 'delete' }] }, 'errors.accountDeletionNotOwned'],
      [{ confirmation: PASSWORD, trips: [{ tripId: trip.id, action: 'delete' }, { tripId: trip.id, action: 'delete' }] }, 'errors.accountDeletionTripChoices'],
    ];
    for (const [input, key] of attempts) {
      const error = await expectTrpcError(owner.trpc.account.deleteAccount.mutate(input));
      expect(error.code, key).toBe('BAD_REQUEST');
      expect(error.data?.i18n?.key).toBe(key);
    }
    expect(await tableCounts(suite.server)).toEqual(before);
    expect((await owner.trpc.account.me.query()).user.id).toBe(owner.user.id);
    expect(await db.trip.findUnique({ where: { id: trip.id } })).toMatchObject({ ownerId: owner.user.id });
  });

  it('the last administrator is refused, with a translated reason; with a second administrator they may go', async () => {
    const admin = suite.users[0];
    expect(admin.user.isAdmin).toBe(true);
    const others = await suite.server.services.db.user.count({ where: { isAdmin: true, id: { not: admin.user.id } } });
    expect(others).toBe(0);
    expect(await admin.trpc.account.deletionPlan.query()).toMatchObject({ lastAdmin: true });
    const error = await expectTrpcError(admin.trpc.account.deleteAccount.mutate({ confirmation: PASSWORD, trips: [] }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.data?.i18n?.key).toBe('errors.lastAdminCannotDelete');
    expect(await suite.server.services.db.user.count({ where: { id: admin.user.id } })).toBe(1);

    const second = await makeUser(suite.server, { displayName: 'Second admin', admin: true });
    await expect(second.trpc.account.deleteAccount.mutate({ confirmation: PASSWORD, trips: [] })).resolves.toMatchObject({ deleted: true });
    expect((await expectTrpcError(admin.trpc.account.deleteAccount.mutate({ confirmation: PASSWORD, trips: [] }))).data?.i18n?.key).toBe('errors.lastAdminCannotDelete');
  });

  it('an administrator deletes another user with the same trip choice per owned trip', async () => {
    const admin = suite.users[0];
    const db = suite.server.services.db;
    const gone = await makeUser(suite.server, { displayName: 'Gone Gus' });
    const heir = await makeUser(suite.server, { displayName: 'Heir Hedda' });
    const kept = await db.trip.create({ data: { ownerId: gone.user.id, title: 'Handed over', members: { create: [{ userId: heir.user.id }] } } });
    await db.reminderSent.create({ data: { kind: 'todo_due', target: 'todo:2', userId: gone.user.id, day: '2026-12-02' } });
    const stranger = await makeUser(suite.server);
    const wrong = await expectTrpcError(admin.trpc.admin.deleteUser.mutate({ userId: gone.user.id, trips: [{ tripId: kept.id, action: 'transfer', newOwnerId: stranger.user.id }] }));
    expect(wrong.data?.i18n?.key).toBe('errors.accountDeletionNotMember');
    expect(await db.user.count({ where: { id: gone.user.id } })).toBe(1);

    const answer = await admin.trpc.admin.deleteUser.mutate({ userId: gone.user.id, trips: [{ tripId: kept.id, action: 'transfer', newOwnerId: heir.user.id }] });
    expect(answer).toEqual({ deletedUserId: gone.user.id, deletedTrips: 0 });
    expect(await db.trip.findUnique({ where: { id: kept.id } })).toMatchObject({ ownerId: heir.user.id });
    expect(await rowsNaming(gone.user.id)).toEqual([]);
    expect((await expectTrpcError(gone.trpc.account.me.query())).code).toBe('UNAUTHORIZED');

    const owner = await makeUser(suite.server);
    const own = await db.trip.create({ data: { ownerId: owner.user.id, title: 'Goes too', members: { create: [{ userId: heir.user.id }] } } });
    expect(await admin.trpc.admin.deleteUser.mutate({ userId: owner.user.id, trips: [{ tripId: own.id, action: 'delete' }] })).toMatchObject({ deletedTrips: 1 });
    expect(await db.trip.count({ where: { id: own.id } })).toBe(0);
    expect(await rowsNaming(owner.user.id)).toEqual([]);
  });

  it('an administrator who leaves out the choice for owned trips is refused, naming how many, and nothing is deleted', async () => {
    const admin = suite.users[0];
    const db = suite.server.services.db;
    const owner = await makeUser(suite.server, { displayName: 'Owner Olga' });
    const member = await makeUser(suite.server);
    const shared = await db.trip.create({ data: { ownerId: owner.user.id, title: 'Shared', members: { create: [{ userId: member.user.id }] } } });
    const alone = await db.trip.create({ data: { ownerId: owner.user.id, title: 'Alone' } });
    const audits = () => db.auditLog.count({ where: { userId: { in: [admin.user.id, owner.user.id] } } });
    const auditsBefore = await audits();

    const none = await expectTrpcError(admin.trpc.admin.deleteUser.mutate({ userId: owner.user.id }));
    expect(none.code).toBe('BAD_REQUEST');
    expect(none.message).toBe('2 trips this user owns need a choice: give each to a member or delete it.');
    expect(none.data?.i18n).toEqual({ key: 'errors.adminDeletionTripChoicesMissing', params: { count: 2 } });
    const oneLeftOut = await expectTrpcError(admin.trpc.admin.deleteUser.mutate({ userId: owner.user.id, trips: [{ tripId: alone.id, action: 'delete' }] }));
    expect(oneLeftOut.data?.i18n).toEqual({ key: 'errors.adminDeletionTripChoicesMissing', params: { count: 1 } });

    expect(await db.user.count({ where: { id: owner.user.id } })).toBe(1);
    expect(await db.trip.count({ where: { id: { in: [shared.id, alone.id] }, ownerId: owner.user.id } })).toBe(2);
    expect(await audits()).toBe(auditsBefore);
    expect((await owner.trpc.account.me.query()).user.id).toBe(owner.user.id);
  });

  it('is not an MCP tool and not reachable with a bearer token', async () => {
    const user = await makeUser(suite.server);
    const { token } = await createStaticToken(suite.server, user.user.id);
    const res = await trpcClient(suite.server, undefined, { Authorization: `Bearer ${token}` }).account.deleteAccount.mutate({ confirmation: PASSWORD, trips: [] }).then(
      () => 'deleted',
      (e: { data?: { code?: string } }) => e.data?.code,
    );
    expect(res).toBe('UNAUTHORIZED');
    // An agent acting for the user is offered no tool that deletes the account.
    await enableMcp(suite.server);
    const { client } = await connect(suite.server, token);
    const { tools } = await client.listTools();
    expect(tools.length).toBeGreaterThan(20);
    expect(tools.map((t) => t.name).filter((name) => /account|delete_user/.test(name))).toEqual([]);
    await client.close();
    expect(await suite.server.services.db.user.count({ where: { id: user.user.id } })).toBe(1);
  });
});

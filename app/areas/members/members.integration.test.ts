import { beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../../tests/helpers/server';
import { procedureSuite, type TestUser } from '../../../tests/helpers/procedure-suite';
import { expectTrpcError, notMemberMessage } from '../../../tests/helpers/users';

const suite = procedureSuite([{ displayName: 'Anna' }, { displayName: 'Ben' }, { displayName: 'Carla' }, { displayName: 'Dave' }]);
const { events } = suite;
let server: TestServer;
let anna: TestUser;
let ben: TestUser;
let carla: TestUser;
let dave: TestUser;
beforeAll(() => {
  ({ server, users: [anna, ben, carla, dave] } = suite);
});

const memberIds = async (tripId: number) =>
  (await server.services.db.tripMember.findMany({ where: { tripId }, orderBy: { id: 'asc' } })).map((m) => m.userId);

async function newTrip() {
  const { trip } = await anna.trpc.trips.createTrip.mutate({ title: 'Oslo' });
  suite.clearEvents();
  return trip;
}

describe('members.addTripMember', () => {
  it('adds by username (with or without @) and by e-mail (any case), telling the trip and the new member', async () => {
    const trip = await newTrip();
    const byName = await anna.trpc.members.addTripMember.mutate({ tripId: trip.id, identifier: `@${ben.user.username}` });
    expect(byName.member).toEqual({ id: ben.user.id, username: ben.user.username, displayName: 'Ben', role: 'member' });
    const byMail = await anna.trpc.members.addTripMember.mutate({ tripId: trip.id, identifier: carla.user.email.toUpperCase() });
    expect(byMail.member.id).toBe(carla.user.id);
    expect(await memberIds(trip.id)).toEqual([ben.user.id, carla.user.id]);
    expect(events.filter((e) => e.event === 'member.added').map((e) => e.channel)).toEqual([`private-trip-${trip.id}`, `private-trip-${trip.id}`]);
    expect(events.find((e) => e.event === 'trip.shared')?.channel).toBe(`private-user-${ben.user.id}`);
    // The new member now sees the trip.
    expect((await ben.trpc.trips.listTrips.query()).trips.map((t) => t.id)).toContain(trip.id);
  });

  it('rejects an empty identifier, an unknown user, the owner and a duplicate, writing nothing', async () => {
    const trip = await newTrip();
    await anna.trpc.members.addTripMember.mutate({ tripId: trip.id, identifier: ben.user.email });
    const empty = await expectTrpcError(anna.trpc.members.addTripMember.mutate({ tripId: trip.id, identifier: '  ' }));
    expect(empty.code).toBe('BAD_REQUEST');
    expect(empty.message).toBe('identifier: must not be empty');
    const unknown = await expectTrpcError(anna.trpc.members.addTripMember.mutate({ tripId: trip.id, identifier: 'nobody@example.test' }));
    expect(unknown.code).toBe('NOT_FOUND');
    expect(unknown.message).toBe('No user with the username or e-mail "nobody@example.test"');
    const owner = await expectTrpcError(anna.trpc.members.addTripMember.mutate({ tripId: trip.id, identifier: anna.user.username }));
    expect(owner.message).toBe('Anna owns this trip already');
    const dup = await expectTrpcError(anna.trpc.members.addTripMember.mutate({ tripId: trip.id, identifier: ben.user.username }));
    expect(dup.message).toBe('Ben is already a member of this trip');
    expect(await memberIds(trip.id)).toEqual([ben.user.id]);
  });

  it('denies a non-member and writes nothing', async () => {
    const trip = await newTrip();
    const error = await expectTrpcError(dave.trpc.members.addTripMember.mutate({ tripId: trip.id, identifier: dave.user.username }));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toBe(notMemberMessage(trip.id));
    expect(await memberIds(trip.id)).toEqual([]);
  });
});

describe('members.listTripMembers', () => {
  it('lists the owner first, then members in the order they were added', async () => {
    const trip = await newTrip();
    await anna.trpc.members.addTripMember.mutate({ tripId: trip.id, identifier: carla.user.username });
    await anna.trpc.members.addTripMember.mutate({ tripId: trip.id, identifier: ben.user.username });
    const { members } = await carla.trpc.members.listTripMembers.query({ tripId: trip.id });
    expect(members.map((m) => [m.displayName, m.role])).toEqual([
      ['Anna', 'owner'],
      ['Carla', 'member'],
      ['Ben', 'member'],
    ]);
    expect(Object.keys(members[0]).sort()).toEqual(['displayName', 'id', 'role', 'username']);
  });

  it('rejects a malformed trip id, naming the field', async () => {
    const error = await expectTrpcError(anna.trpc.members.listTripMembers.query({ tripId: 'abc' as never }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toContain('tripId');
  });

  it('denies a non-member', async () => {
    const trip = await newTrip();
    const error = await expectTrpcError(dave.trpc.members.listTripMembers.query({ tripId: trip.id }));
    expect(error.message).toBe(notMemberMessage(trip.id));
  });
});

describe('members.removeTripMember', () => {
  it('lets the owner remove a member and a member leave, with events', async () => {
    const trip = await newTrip();
    await anna.trpc.members.addTripMember.mutate({ tripId: trip.id, identifier: ben.user.username });
    await anna.trpc.members.addTripMember.mutate({ tripId: trip.id, identifier: carla.user.username });
    suite.clearEvents();
    expect(await anna.trpc.members.removeTripMember.mutate({ tripId: trip.id, userId: ben.user.id })).toEqual({ removed: true, userId: ben.user.id });
    expect(await carla.trpc.members.removeTripMember.mutate({ tripId: trip.id, userId: carla.user.id })).toEqual({ removed: true, userId: carla.user.id });
    expect(await memberIds(trip.id)).toEqual([]);
    expect(events.filter((e) => e.event === 'member.removed').map((e) => e.payload.userId)).toEqual([ben.user.id, carla.user.id]);
    expect(events.filter((e) => e.event === 'trip.unshared').map((e) => e.channel)).toEqual([`private-user-${ben.user.id}`, `private-user-${carla.user.id}`]);
    // Ben no longer reaches the trip.
    expect((await expectTrpcError(ben.trpc.trips.getTrip.query({ tripId: trip.id }))).message).toBe(notMemberMessage(trip.id));
  });

  it('refuses a member removing someone else and removing the owner, changing nothing', async () => {
    const trip = await newTrip();
    await anna.trpc.members.addTripMember.mutate({ tripId: trip.id, identifier: ben.user.username });
    await anna.trpc.members.addTripMember.mutate({ tripId: trip.id, identifier: carla.user.username });
    const other = await expectTrpcError(ben.trpc.members.removeTripMember.mutate({ tripId: trip.id, userId: carla.user.id }));
    expect(other.code).toBe('FORBIDDEN');
    expect(other.message).toBe('Only the trip owner can remove members');
    const owner = await expectTrpcError(anna.trpc.members.removeTripMember.mutate({ tripId: trip.id, userId: anna.user.id }));
    expect(owner.message).toBe('The owner cannot be removed from the trip');
    const bad = await expectTrpcError(anna.trpc.members.removeTripMember.mutate({ tripId: trip.id, userId: 0 }));
    expect(bad.code).toBe('BAD_REQUEST');
    expect(bad.message).toContain('userId');
    const notThere = await expectTrpcError(anna.trpc.members.removeTripMember.mutate({ tripId: trip.id, userId: dave.user.id }));
    expect(notThere.message).toBe(`User ${dave.user.id} is not a member of this trip`);
    expect(await memberIds(trip.id)).toEqual([ben.user.id, carla.user.id]);
  });

  it('denies a non-member', async () => {
    const trip = await newTrip();
    await anna.trpc.members.addTripMember.mutate({ tripId: trip.id, identifier: ben.user.username });
    const error = await expectTrpcError(dave.trpc.members.removeTripMember.mutate({ tripId: trip.id, userId: ben.user.id }));
    expect(error.message).toBe(notMemberMessage(trip.id));
    expect(await memberIds(trip.id)).toEqual([ben.user.id]);
  });
});

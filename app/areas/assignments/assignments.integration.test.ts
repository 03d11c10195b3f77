import { beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../../tests/helpers/server';
import { procedureSuite, type TestUser } from '../../../tests/helpers/procedure-suite';
import { expectTrpcError, notMemberMessage } from '../../../tests/helpers/users';

const suite = procedureSuite(3);
const { tripEvents } = suite;
let server: TestServer;
let anna: TestUser;
let ben: TestUser;
let carla: TestUser;
beforeAll(() => {
  ({ server, users: [anna, ben, carla] } = suite);
});

/** A trip with three days, places A–D, A/B/C on day 0 and D on day 1. */
async function setup() {
  const { trip } = await anna.trpc.trips.createTrip.mutate({ title: 'Rome', startDate: '2027-09-01', endDate: '2027-09-03' });
  const { days } = await anna.trpc.days.listDays.query({ tripId: trip.id });
  const make = (name: string, day: number) => anna.trpc.places.createAndAssignPlace.mutate({ tripId: trip.id, name, dayId: days[day].id });
  const a = await make('A', 0);
  const b = await make('B', 0);
  const c = await make('C', 0);
  const d = await make('D', 1);
  suite.clearEvents();
  return { trip, days, a, b, c, d };
}

async function dayOrder(dayId: number) {
  const rows = await server.services.db.assignment.findMany({ where: { dayId }, orderBy: { position: 'asc' }, include: { place: true } });
  return rows.map((r) => `${r.place.name}${r.position}`);
}

describe('assignments.assignPlaceToDay', () => {
  it('inserts at a position, shifting later entries, and emits assignment.created with the place', async () => {
    const { trip, days, d } = await setup();
    const { assignment } = await anna.trpc.assignments.assignPlaceToDay.mutate({
      tripId: trip.id,
      placeId: d.place.id,
      dayId: days[0].id,
      position: 1,
      startTime: '09:00',
      endTime: '10:30',
    });
    expect(assignment).toMatchObject({ dayId: days[0].id, placeId: d.place.id, position: 1, startTime: '09:00', endTime: '10:30' });
    expect(await dayOrder(days[0].id)).toEqual(['A0', 'D1', 'B2', 'C3']);
    expect(tripEvents()).toMatchObject([{ event: 'assignment.created', payload: { assignment: { id: assignment.id, place: { name: 'D' } } } }]);
  });

  it('rejects bad times and a place from another trip, writing nothing', async () => {
    const { trip, days, a } = await setup();
    const other = await setup();
    const before = await server.services.db.assignment.count();
    const order = await expectTrpcError(
      anna.trpc.assignments.assignPlaceToDay.mutate({ tripId: trip.id, placeId: a.place.id, dayId: days[2].id, startTime: '18:00', endTime: '08:00' }),
    );
    expect(order.code).toBe('BAD_REQUEST');
    expect(order.message).toBe('endTime: must not be before startTime');
    const format = await expectTrpcError(anna.trpc.assignments.assignPlaceToDay.mutate({ tripId: trip.id, placeId: a.place.id, dayId: days[2].id, startTime: '25:00' }));
    expect(format.message).toContain('startTime: must be a time in the form HH:MM');
    const foreign = await expectTrpcError(anna.trpc.assignments.assignPlaceToDay.mutate({ tripId: trip.id, placeId: other.a.place.id, dayId: days[2].id }));
    expect(foreign.message).toBe(`Place ${other.a.place.id} not found in trip ${trip.id}`);
    expect(await server.services.db.assignment.count()).toBe(before);
  });

  it('denies a non-member', async () => {
    const { trip, days, a } = await setup();
    const error = await expectTrpcError(ben.trpc.assignments.assignPlaceToDay.mutate({ tripId: trip.id, placeId: a.place.id, dayId: days[2].id }));
    expect(error.message).toBe(notMemberMessage(trip.id));
    expect(await dayOrder(days[2].id)).toEqual([]);
  });
});

describe('assignments.unassignPlace', () => {
  it('removes the entry, keeps the place, closes the gap and emits assignment.deleted', async () => {
    const { trip, days, b } = await setup();
    const result = await anna.trpc.assignments.unassignPlace.mutate({ tripId: trip.id, assignmentId: b.assignment.id });
    expect(result).toEqual({ deleted: true, assignmentId: b.assignment.id, dayId: days[0].id });
    expect(await dayOrder(days[0].id)).toEqual(['A0', 'C1']);
    expect(await server.services.db.place.count({ where: { id: b.place.id } })).toBe(1);
    expect(tripEvents()).toMatchObject([{ event: 'assignment.deleted', payload: { assignmentId: b.assignment.id, dayId: days[0].id } }]);
  });

  it('rejects an assignment of another trip and a malformed id, deleting nothing', async () => {
    const { trip, days } = await setup();
    const other = await setup();
    const wrong = await expectTrpcError(anna.trpc.assignments.unassignPlace.mutate({ tripId: trip.id, assignmentId: other.a.assignment.id }));
    expect(wrong.message).toBe(`Assignment ${other.a.assignment.id} not found in trip ${trip.id}`);
    const bad = await expectTrpcError(anna.trpc.assignments.unassignPlace.mutate({ tripId: trip.id, assignmentId: 0 }));
    expect(bad.code).toBe('BAD_REQUEST');
    expect(bad.message).toContain('assignmentId');
    expect(await dayOrder(days[0].id)).toEqual(['A0', 'B1', 'C2']);
    expect(await dayOrder(other.days[0].id)).toEqual(['A0', 'B1', 'C2']);
  });

  it('denies a non-member', async () => {
    const { trip, days, a } = await setup();
    const error = await expectTrpcError(ben.trpc.assignments.unassignPlace.mutate({ tripId: trip.id, assignmentId: a.assignment.id }));
    expect(error.message).toBe(notMemberMessage(trip.id));
    expect(await dayOrder(days[0].id)).toEqual(['A0', 'B1', 'C2']);
  });
});

describe('assignments.updateAssignmentTime', () => {
  it('sets and clears times and emits assignment.updated', async () => {
    const { trip, a } = await setup();
    const set = await anna.trpc.assignments.updateAssignmentTime.mutate({ tripId: trip.id, assignmentId: a.assignment.id, startTime: '08:15', endTime: '09:00' });
    expect(set.assignment).toMatchObject({ startTime: '08:15', endTime: '09:00' });
    const cleared = await anna.trpc.assignments.updateAssignmentTime.mutate({ tripId: trip.id, assignmentId: a.assignment.id, startTime: null, endTime: null });
    expect(cleared.assignment).toMatchObject({ startTime: null, endTime: null });
    expect(tripEvents().map((e) => e.event)).toEqual(['assignment.updated', 'assignment.updated']);
  });

  it('rejects an end before the start and leaves the times unchanged', async () => {
    const { trip, a } = await setup();
    const error = await expectTrpcError(
      anna.trpc.assignments.updateAssignmentTime.mutate({ tripId: trip.id, assignmentId: a.assignment.id, startTime: '10:00', endTime: '09:59' }),
    );
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toBe('endTime: must not be before startTime');
    const row = await server.services.db.assignment.findUniqueOrThrow({ where: { id: a.assignment.id } });
    expect([row.startTime, row.endTime]).toEqual([null, null]);
  });

  it('denies a non-member', async () => {
    const { trip, a } = await setup();
    const error = await expectTrpcError(
      ben.trpc.assignments.updateAssignmentTime.mutate({ tripId: trip.id, assignmentId: a.assignment.id, startTime: '10:00', endTime: null }),
    );
    expect(error.message).toBe(notMemberMessage(trip.id));
    expect((await server.services.db.assignment.findUniqueOrThrow({ where: { id: a.assignment.id } })).startTime).toBeNull();
  });
});

describe('assignments.moveAssignment', () => {
  it('moves to another day at a position, keeps both days contiguous and emits assignment.moved', async () => {
    const { trip, days, a } = await setup();
    const { assignment } = await anna.trpc.assignments.moveAssignment.mutate({ tripId: trip.id, assignmentId: a.assignment.id, toDayId: days[1].id, position: 0 });
    expect(assignment).toMatchObject({ id: a.assignment.id, dayId: days[1].id, position: 0 });
    expect(await dayOrder(days[0].id)).toEqual(['B0', 'C1']);
    expect(await dayOrder(days[1].id)).toEqual(['A0', 'D1']);
    expect(tripEvents()).toMatchObject([{ event: 'assignment.moved', payload: { assignment: { id: a.assignment.id }, fromDayId: days[0].id } }]);
    // Within the same day, to the end.
    await anna.trpc.assignments.moveAssignment.mutate({ tripId: trip.id, assignmentId: a.assignment.id, toDayId: days[1].id });
    expect(await dayOrder(days[1].id)).toEqual(['D0', 'A1']);
  });

  it('rejects a day of another trip and a negative position, changing nothing', async () => {
    const { trip, days, a } = await setup();
    const other = await setup();
    const wrong = await expectTrpcError(anna.trpc.assignments.moveAssignment.mutate({ tripId: trip.id, assignmentId: a.assignment.id, toDayId: other.days[0].id }));
    expect(wrong.message).toBe(`Day ${other.days[0].id} not found in trip ${trip.id}`);
    const negative = await expectTrpcError(
      anna.trpc.assignments.moveAssignment.mutate({ tripId: trip.id, assignmentId: a.assignment.id, toDayId: days[1].id, position: -1 }),
    );
    expect(negative.message).toBe('position: must be 0 or more');
    expect(await dayOrder(days[0].id)).toEqual(['A0', 'B1', 'C2']);
    expect(await dayOrder(other.days[0].id)).toEqual(['A0', 'B1', 'C2']);
  });

  it('denies a non-member', async () => {
    const { trip, days, a } = await setup();
    const error = await expectTrpcError(ben.trpc.assignments.moveAssignment.mutate({ tripId: trip.id, assignmentId: a.assignment.id, toDayId: days[1].id }));
    expect(error.message).toBe(notMemberMessage(trip.id));
    expect(await dayOrder(days[0].id)).toEqual(['A0', 'B1', 'C2']);
  });
});

describe('assignments.reorderDayAssignments', () => {
  it('sets the order of a day and emits assignment.reordered', async () => {
    const { trip, days, a, b, c } = await setup();
    const ids = [c.assignment.id, a.assignment.id, b.assignment.id];
    const { assignments } = await anna.trpc.assignments.reorderDayAssignments.mutate({ tripId: trip.id, dayId: days[0].id, assignmentIds: ids });
    expect(assignments.map((x) => [x.id, x.position])).toEqual([
      [c.assignment.id, 0],
      [a.assignment.id, 1],
      [b.assignment.id, 2],
    ]);
    expect(await dayOrder(days[0].id)).toEqual(['C0', 'A1', 'B2']);
    expect(tripEvents()).toMatchObject([{ event: 'assignment.reordered', payload: { dayId: days[0].id, assignmentIds: ids } }]);
  });

  it('rejects a list that is not exactly the day’s entries, changing nothing', async () => {
    const { trip, days, a, b, d } = await setup();
    const error = await expectTrpcError(
      anna.trpc.assignments.reorderDayAssignments.mutate({ tripId: trip.id, dayId: days[0].id, assignmentIds: [b.assignment.id, a.assignment.id, d.assignment.id] }),
    );
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toBe('assignmentIds: must list each of the day’s 3 assignments exactly once');
    expect(await dayOrder(days[0].id)).toEqual(['A0', 'B1', 'C2']);
  });

  it('denies a non-member', async () => {
    const { trip, days, a, b, c } = await setup();
    const error = await expectTrpcError(
      ben.trpc.assignments.reorderDayAssignments.mutate({ tripId: trip.id, dayId: days[0].id, assignmentIds: [c.assignment.id, b.assignment.id, a.assignment.id] }),
    );
    expect(error.message).toBe(notMemberMessage(trip.id));
    expect(await dayOrder(days[0].id)).toEqual(['A0', 'B1', 'C2']);
  });
});

describe('assignments participants', () => {
  it('sets and reads participants from the owner and members, emitting assignment.updated', async () => {
    const { trip, a } = await setup();
    await anna.trpc.members.addTripMember.mutate({ tripId: trip.id, identifier: ben.user.username });
    suite.clearEvents();
    const { participants } = await anna.trpc.assignments.setAssignmentParticipants.mutate({
      tripId: trip.id,
      assignmentId: a.assignment.id,
      userIds: [ben.user.id, anna.user.id],
    });
    expect(participants.map((p) => p.id).sort()).toEqual([anna.user.id, ben.user.id].sort());
    const read = await ben.trpc.assignments.getAssignmentParticipants.query({ tripId: trip.id, assignmentId: a.assignment.id });
    expect(read.participants.map((p) => p.username).sort()).toEqual([anna.user.username, ben.user.username].sort());
    expect(tripEvents()).toMatchObject([{ event: 'assignment.updated', payload: { assignment: { id: a.assignment.id } } }]);
    expect(((tripEvents()[0].payload.assignment as { participantIds: number[] }).participantIds ?? []).sort()).toEqual([anna.user.id, ben.user.id].sort());
  });

  it('rejects a user who is not on the trip, keeping the participants', async () => {
    const { trip, a } = await setup();
    await anna.trpc.assignments.setAssignmentParticipants.mutate({ tripId: trip.id, assignmentId: a.assignment.id, userIds: [anna.user.id] });
    const error = await expectTrpcError(
      anna.trpc.assignments.setAssignmentParticipants.mutate({ tripId: trip.id, assignmentId: a.assignment.id, userIds: [carla.user.id] }),
    );
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toBe(`userIds: user ${carla.user.id} is not the owner or a member of this trip`);
    const bad = await expectTrpcError(anna.trpc.assignments.getAssignmentParticipants.query({ tripId: trip.id, assignmentId: 'x' as never }));
    expect(bad.message).toContain('assignmentId');
    const rows = await server.services.db.assignmentParticipant.findMany({ where: { assignmentId: a.assignment.id } });
    expect(rows.map((r) => r.userId)).toEqual([anna.user.id]);
  });

  it('denies a non-member for reading and writing', async () => {
    const { trip, a } = await setup();
    const read = await expectTrpcError(carla.trpc.assignments.getAssignmentParticipants.query({ tripId: trip.id, assignmentId: a.assignment.id }));
    expect(read.message).toBe(notMemberMessage(trip.id));
    const write = await expectTrpcError(
      carla.trpc.assignments.setAssignmentParticipants.mutate({ tripId: trip.id, assignmentId: a.assignment.id, userIds: [carla.user.id] }),
    );
    expect(write.message).toBe(notMemberMessage(trip.id));
    expect(await server.services.db.assignmentParticipant.count({ where: { assignmentId: a.assignment.id } })).toBe(0);
  });
});

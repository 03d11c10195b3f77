// Journey through real HTTP and a real database: roles hold on every door (viewer reads, editor writes entries, only
// the owner manages the journey), a journey links only trips the caller can see, skeletons follow the trip's places and
// assignments, bad input writes nothing, and events reach only the journey's current contributors.
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../helpers/server';
import { procedureSuite, type TestUser } from '../helpers/procedure-suite';
import { bearerCaller, expectTrpcError, makeUser } from '../helpers/users';
import { createStaticToken } from './mcp.helpers';

const suite = procedureSuite(0);
let server: TestServer;
beforeAll(async () => {
  server = suite.server;
  await server.services.addons.set('journey', true);
});

const person = (displayName: string) => makeUser(server, { displayName });
const journeyRows = async () => {
  const db = server.services.db;
  return { journeys: await db.journey.count(), links: await db.journeyTrip.count(), entries: await db.journeyEntry.count(), people: await db.journeyContributor.count() };
};
const eventsTo = (userId: number) => suite.events.filter((e) => e.channel === `private-user-${userId}`).map((e) => e.event);

/** A trip of the owner's with two dated days, a museum and a café on day 1 and a viewpoint on day 2. */
async function plannedTrip(owner: TestUser) {
  const { trip } = await owner.trpc.trips.createTrip.mutate({ title: 'Lisbon', startDate: '2027-05-01', endDate: '2027-05-02' });
  const { days } = await owner.trpc.days.listDays.query({ tripId: trip.id });
  const p = owner.trpc.places;
  const { place: museum, assignment: museumVisit } = await p.createAndAssignPlace.mutate({ tripId: trip.id, dayId: days[0].id, name: 'MAAT', lat: 38.69, lng: -9.19, startTime: '10:00' });
  const { place: cafe } = await p.createAndAssignPlace.mutate({ tripId: trip.id, dayId: days[0].id, name: 'Café A Brasileira' });
  const { place: view } = await p.createAndAssignPlace.mutate({ tripId: trip.id, dayId: days[1].id, name: 'Miradouro' });
  return { tripId: trip.id, days, museum, museumVisit, cafe, view };
}

async function team() {
  const [owner, editor, viewer, outsider] = [await person('Olga'), await person('Ed'), await person('Vi'), await person('Otto')];
  const trip = await plannedTrip(owner);
  const { journey } = await owner.trpc.journey.createJourney.mutate({ title: 'Portugal', tripIds: [trip.tripId] });
  await owner.trpc.journey.addJourneyContributor.mutate({ journeyId: journey.id, identifier: editor.user.username, role: 'editor' });
  await owner.trpc.journey.addJourneyContributor.mutate({ journeyId: journey.id, targetUserId: viewer.user.id, role: 'viewer' });
  suite.clearEvents();
  return { owner, editor, viewer, outsider, trip, journeyId: journey.id, journey };
}

describe('skeletons follow the trip', () => {
  it('linking a trip makes one placeholder per day-assigned place, with the day’s date, time and coordinates', async () => {
    const { journey, trip } = await team();
    const skeletons = journey.entries.filter((e) => e.type === 'skeleton');
    expect(skeletons.map((e) => [e.title, e.entryDate, e.entryTime])).toEqual([
      ['MAAT', '2027-05-01', '10:00'],
      ['Café A Brasileira', '2027-05-01', null],
      ['Miradouro', '2027-05-02', null],
    ]);
    expect(skeletons[0]).toMatchObject({ lat: 38.69, lng: -9.19, sourceTripId: trip.tripId, sourcePlaceId: trip.museum.id });
    expect(journey.trips).toEqual([expect.objectContaining({ tripId: trip.tripId, placeCount: 3 })]);
  });

  it('a new assignment adds one, a renamed place and a moved assignment refresh it, a deleted place removes an empty one and detaches a written one', async () => {
    const { owner, editor, journeyId, trip } = await team();
    const entries = async () => (await owner.trpc.journey.listJourneyEntries.query({ journeyId })).entries;
    const { place: tram } = await owner.trpc.places.createAndAssignPlace.mutate({ tripId: trip.tripId, dayId: trip.days[1].id, name: 'Tram 28' });
    expect((await entries()).filter((e) => e.sourcePlaceId === tram.id)).toEqual([expect.objectContaining({ type: 'skeleton', title: 'Tram 28', entryDate: '2027-05-02' })]);
    expect(eventsTo(editor.user.id)).toContain('journey.entries.changed');

    await owner.trpc.places.updatePlace.mutate({ tripId: trip.tripId, placeId: trip.cafe.id, name: 'Café Brasileira' });
    await owner.trpc.assignments.moveAssignment.mutate({ tripId: trip.tripId, assignmentId: trip.museumVisit.id, toDayId: trip.days[1].id });
    const now = await entries();
    expect(now.find((e) => e.sourcePlaceId === trip.cafe.id)?.title).toBe('Café Brasileira');
    expect(now.find((e) => e.sourcePlaceId === trip.museum.id)?.entryDate).toBe('2027-05-02');

    // The editor writes into the museum's placeholder: it becomes their entry, and a later rename changes only its location.
    const museumEntry = now.find((e) => e.sourcePlaceId === trip.museum.id)!;
    const { entry } = await editor.trpc.journey.updateJourneyEntry.mutate({ entryId: museumEntry.id, story: 'Light on the river', title: 'Morning at MAAT' });
    expect(entry).toMatchObject({ type: 'entry', authorId: editor.user.id });
    await owner.trpc.places.updatePlace.mutate({ tripId: trip.tripId, placeId: trip.museum.id, name: 'MAAT museum' });
    expect((await entries()).find((e) => e.id === entry.id)).toMatchObject({ title: 'Morning at MAAT', locationName: 'MAAT museum', story: 'Light on the river' });

    await owner.trpc.places.deletePlace.mutate({ tripId: trip.tripId, placeId: trip.museum.id });
    await owner.trpc.places.deletePlace.mutate({ tripId: trip.tripId, placeId: trip.view.id });
    const after = await entries();
    expect(after.find((e) => e.id === entry.id)).toMatchObject({ type: 'entry', sourceTripId: null, sourcePlaceId: null, story: 'Light on the river' });
    expect(after.some((e) => e.title === 'Miradouro')).toBe(false);
  });

  it('deleting a written trip entry turns it back into the placeholder; unlinking the trip removes placeholders and keeps written entries', async () => {
    const { owner, journeyId, trip } = await team();
    const skeleton = (await owner.trpc.journey.listJourneyEntries.query({ journeyId })).entries.find((e) => e.sourcePlaceId === trip.cafe.id)!;
    await owner.trpc.journey.updateJourneyEntry.mutate({ entryId: skeleton.id, story: 'Bica at the counter', mood: 'good' });
    expect(await owner.trpc.journey.deleteJourneyEntry.mutate({ entryId: skeleton.id })).toEqual({ success: true, reverted: true });
    const reverted = (await owner.trpc.journey.listJourneyEntries.query({ journeyId })).entries.find((e) => e.id === skeleton.id);
    expect(reverted).toMatchObject({ type: 'skeleton', story: '', mood: '', title: 'Café A Brasileira' });

    await owner.trpc.journey.updateJourneyEntry.mutate({ entryId: skeleton.id, story: 'Again' });
    await owner.trpc.journey.removeJourneyTrip.mutate({ journeyId, tripId: trip.tripId });
    const left = (await owner.trpc.journey.listJourneyEntries.query({ journeyId })).entries;
    expect(left).toEqual([expect.objectContaining({ id: skeleton.id, type: 'entry', sourceTripId: null })]);
  });
});

describe('a deleted trip', () => {
  it('takes its untouched placeholders with it; entries someone wrote stay, detached, and every door agrees', async () => {
    const { owner, editor, journeyId, trip } = await team();
    const skeleton = (await owner.trpc.journey.listJourneyEntries.query({ journeyId })).entries.find((e) => e.sourcePlaceId === trip.cafe.id)!;
    await editor.trpc.journey.updateJourneyEntry.mutate({ entryId: skeleton.id, story: 'Bica at the counter' });
    const placeholders = (await owner.trpc.journey.listJourneyEntries.query({ journeyId })).entries.filter((e) => e.type === 'skeleton');
    expect(placeholders).toHaveLength(2);

    await owner.trpc.trips.deleteTrip.mutate({ tripId: trip.tripId });
    expect(await server.services.db.journeyEntry.count({ where: { id: { in: placeholders.map((e) => e.id) } } })).toBe(0);
    const left = (await editor.trpc.journey.listJourneyEntries.query({ journeyId })).entries;
    expect(left).toEqual([expect.objectContaining({ id: skeleton.id, type: 'entry', sourceTripId: null, story: 'Bica at the counter' })]);
    const { journey } = await editor.trpc.journey.getJourney.query({ journeyId });
    expect(journey).toMatchObject({ trips: [], tripCount: 0, entryCount: 1, stats: { entries: 1 } });
    expect((await expectTrpcError(editor.trpc.journey.updateJourneyEntry.mutate({ entryId: placeholders[0].id, story: 'x' }))).code).toBe('NOT_FOUND');
  });
});

describe('the journey list', () => {
  it('answers 1 or 3 journeys (with trips, entries, photos and private entries) in the same number of queries', async () => {
    const [me, other] = [await person('Lia'), await person('Max')];
    const trip = await plannedTrip(me);
    const make = async (title: string) => {
      const { journey } = await me.trpc.journey.createJourney.mutate({ title, tripIds: [trip.tripId] });
      await me.trpc.journey.addJourneyContributor.mutate({ journeyId: journey.id, targetUserId: other.user.id, role: 'editor' });
      await me.trpc.journey.createJourneyEntry.mutate({ journeyId: journey.id, entryDate: '2027-05-01', title: 'Shared' });
      await other.trpc.journey.createJourneyEntry.mutate({ journeyId: journey.id, entryDate: '2027-05-01', title: 'Mine', visibility: 'private' });
      return journey.id;
    };
    const { journeyRows } = await import('~/areas/journey/procedures.server');
    let queries = 0;
    const counted = server.services.db.$extends({
      query: { $allModels: { $allOperations: ({ args, query }) => ((queries += 1), query(args)) } },
    }) as unknown as typeof server.services.db;
    const listed = async () => {
      queries = 0;
      const memberships = await server.services.db.journeyContributor.findMany({ where: { userId: me.user.id }, include: { journey: true } });
      return { rows: await journeyRows(counted, memberships, me.user.id), queries };
    };
    await make('One');
    const one = await listed();
    await make('Two');
    await make('Three');
    const three = await listed();
    expect(three.rows).toHaveLength(3);
    expect(three.queries).toBe(one.queries);
    for (const row of three.rows) {
      expect(row).toMatchObject({ myRole: 'owner', entryCount: 1, tripCount: 1, placeCount: 3, tripDateMin: '2027-05-01', tripDateMax: '2027-05-02' });
    }
    const seenByOther = (await other.trpc.journey.listJourneys.query()).journeys;
    expect(seenByOther.map((j) => [j.title, j.myRole, j.entryCount])).toEqual([
      ['Three', 'editor', 2],
      ['Two', 'editor', 2],
      ['One', 'editor', 2],
    ]);
  });
});

describe('roles on every door', () => {
  it('a viewer reads but cannot write entries, link trips or manage the journey; an outsider finds nothing', async () => {
    const { viewer, outsider, journeyId, trip, owner } = await team();
    expect((await viewer.trpc.journey.getJourney.query({ journeyId })).journey.myRole).toBe('viewer');
    const before = await journeyRows();
    for (const call of [
      () => viewer.trpc.journey.createJourneyEntry.mutate({ journeyId, entryDate: '2027-05-01', story: 'x' }),
      () => viewer.trpc.journey.updateJourney.mutate({ journeyId, title: 'Mine' }),
      () => viewer.trpc.journey.addJourneyContributor.mutate({ journeyId, targetUserId: outsider.user.id, role: 'editor' }),
    ]) {
      expect((await expectTrpcError(call())).code).toBe('FORBIDDEN');
    }
    // A viewer who is on another trip still cannot link it.
    const { trip: own } = await viewer.trpc.trips.createTrip.mutate({ title: 'Viewer trip' });
    expect((await expectTrpcError(viewer.trpc.journey.addJourneyTrip.mutate({ journeyId, tripId: own.id }))).data?.i18n?.key).toBe('errors.journeyEditorOnly');
    for (const call of [() => outsider.trpc.journey.getJourney.query({ journeyId }), () => outsider.trpc.journey.listJourneyEntries.query({ journeyId })]) {
      const error = await expectTrpcError(call());
      expect(error.code).toBe('NOT_FOUND');
      expect(error.data?.i18n?.key).toBe('errors.journeyNotFound');
    }
    expect(await journeyRows()).toEqual(before);
    expect((await owner.trpc.journey.getJourney.query({ journeyId })).journey.trips.map((t) => t.tripId)).toEqual([trip.tripId]);
  });

  it('an editor writes entries but cannot unlink trips, change the journey or its people; the same rules hold for a bearer token', async () => {
    const { editor, journeyId, trip, owner } = await team();
    const { entry } = await editor.trpc.journey.createJourneyEntry.mutate({ journeyId, entryDate: '2027-05-01', title: 'Pastéis', story: 'Warm **custard**' });
    expect(entry).toMatchObject({ authorId: editor.user.id, visibility: 'shared', type: 'entry' });
    expect((await expectTrpcError(editor.trpc.journey.removeJourneyContributor.mutate({ journeyId, targetUserId: owner.user.id }))).data?.i18n?.key).toBe('errors.journeyOwnerOnly');
    // The editor is not on the trip: to them it does not exist.
    expect((await expectTrpcError(editor.trpc.journey.removeJourneyTrip.mutate({ journeyId, tripId: trip.tripId }))).data?.i18n?.key).toBe('errors.tripNotFound');
    expect((await expectTrpcError(editor.trpc.journey.deleteJourney.mutate({ journeyId }))).code).toBe('FORBIDDEN');
    const { token } = await createStaticToken(server, editor.user.id);
    const agent = await bearerCaller(server, token);
    await expect(agent.journey.updateJourney({ journeyId, title: 'Agent title' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(agent.journey.updateJourneyEntry({ entryId: entry.id, mood: 'amazing' })).resolves.toMatchObject({ entry: { mood: 'amazing' } });
    expect((await owner.trpc.journey.getJourney.query({ journeyId })).journey.title).toBe('Portugal');
  });

  it('a private entry is its author’s alone: others neither list nor change it', async () => {
    const { editor, owner, journeyId } = await team();
    const { entry } = await editor.trpc.journey.createJourneyEntry.mutate({ journeyId, entryDate: '2027-05-02', title: 'Diary', visibility: 'private' });
    expect((await owner.trpc.journey.listJourneyEntries.query({ journeyId })).entries.some((e) => e.id === entry.id)).toBe(false);
    expect((await expectTrpcError(owner.trpc.journey.updateJourneyEntry.mutate({ entryId: entry.id, title: 'Read it' }))).code).toBe('NOT_FOUND');
    expect((await editor.trpc.journey.listJourneyEntries.query({ journeyId })).entries.some((e) => e.id === entry.id)).toBe(true);
  });
});

describe('trips one cannot see', () => {
  it('a journey cannot link a trip its caller is not on: NOT_FOUND as for a missing trip, nothing written', async () => {
    const { owner, outsider, journeyId } = await team();
    const { trip: secret } = await outsider.trpc.trips.createTrip.mutate({ title: 'Secret trip', startDate: '2027-01-01', endDate: '2027-01-01' });
    suite.clearEvents();
    const before = await journeyRows();
    for (const call of [
      () => owner.trpc.journey.addJourneyTrip.mutate({ journeyId, tripId: secret.id }),
      () => owner.trpc.journey.createJourney.mutate({ title: 'Sneaky', tripIds: [secret.id] }),
    ]) {
      const error = await expectTrpcError(call());
      expect(error.code).toBe('NOT_FOUND');
      expect(error.data?.i18n).toEqual({ key: 'errors.tripNotFound', params: { tripId: secret.id } });
    }
    expect(await journeyRows()).toEqual(before);
    expect(suite.events).toEqual([]);
  });
});

describe('bad input writes nothing', () => {
  it('bad dates, times, lists and roles are BAD_REQUEST naming the field', async () => {
    const { owner, journeyId, editor } = await team();
    const before = await journeyRows();
    const cases: Array<[() => Promise<unknown>, string]> = [
      [() => owner.trpc.journey.createJourneyEntry.mutate({ journeyId, entryDate: '2027-02-30' }), 'entryDate'],
      [() => owner.trpc.journey.createJourneyEntry.mutate({ journeyId, entryDate: '2027-02-01', entryTime: '7pm' }), 'entryTime'],
      [() => owner.trpc.journey.createJourneyEntry.mutate({ journeyId, entryDate: '2027-02-01', lat: 40 }), 'lng'],
      [() => owner.trpc.journey.createJourneyEntry.mutate({ journeyId, entryDate: '2027-02-01', visibility: 'everyone' as 'public' }), 'visibility'],
      [() => owner.trpc.journey.createJourney.mutate({ title: 'x'.repeat(201) }), 'title'],
      [() => owner.trpc.journey.updateJourneyContributorRole.mutate({ journeyId, targetUserId: editor.user.id, role: 'owner' as 'editor' }), 'role'],
    ];
    for (const [call, field] of cases) {
      const error = await expectTrpcError(call());
      expect(error.code, field).toBe('BAD_REQUEST');
      expect(error.message).toMatch(new RegExp(`(^|; )${field}[.:]`));
    }
    const mismatch = await expectTrpcError(owner.trpc.journey.reorderJourneyEntries.mutate({ journeyId, orderedIds: [1_999_999_999] }));
    expect(mismatch.data?.i18n?.key).toBe('errors.journeyReorderMismatch');
    expect(await journeyRows()).toEqual(before);
    expect(suite.events).toEqual([]);
  });
});

describe('realtime reaches the current contributors only', () => {
  it('an entry reaches editor and viewer; a removed contributor gets journey.removed and then nothing', async () => {
    const { owner, editor, viewer, outsider, journeyId } = await team();
    await owner.trpc.journey.createJourneyEntry.mutate({ journeyId, entryDate: '2027-05-01', title: 'Sunset' });
    expect(eventsTo(editor.user.id)).toEqual(['journey.entries.changed']);
    expect(eventsTo(viewer.user.id)).toEqual(['journey.entries.changed']);
    expect(eventsTo(outsider.user.id)).toEqual([]);
    await owner.trpc.journey.removeJourneyContributor.mutate({ journeyId, targetUserId: viewer.user.id });
    expect(eventsTo(viewer.user.id)).toEqual(['journey.entries.changed', 'journey.removed']);
    suite.clearEvents();
    await editor.trpc.journey.createJourneyEntry.mutate({ journeyId, entryDate: '2027-05-01', title: 'Late dinner' });
    expect(eventsTo(viewer.user.id)).toEqual([]);
    expect((await expectTrpcError(viewer.trpc.journey.getJourney.query({ journeyId }))).code).toBe('NOT_FOUND');
  });
});

describe('suggestions', () => {
  it('a trip that ended within 30 days and is in no journey of mine is suggested; once linked it is not', async () => {
    const u = await person('Sue');
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const { trip: recent } = await u.trpc.trips.createTrip.mutate({ title: 'Recent', startDate: day(-10), endDate: day(-5) });
    await u.trpc.trips.createTrip.mutate({ title: 'Old', startDate: day(-90), endDate: day(-80) });
    await u.trpc.trips.createTrip.mutate({ title: 'Coming', startDate: day(10), endDate: day(12) });
    expect((await u.trpc.journey.getJourneySuggestions.query()).trips.map((t) => t.title)).toEqual(['Recent']);
    await u.trpc.journey.createJourney.mutate({ title: 'Recent memories', tripIds: [recent.id] });
    expect((await u.trpc.journey.getJourneySuggestions.query()).trips).toEqual([]);
  });
});

// Every trip-core procedure, enumerated from appRouter, through real HTTP and a real database: a valid call succeeds
// (a query writes nothing, a mutation changes something), one bad input is a BAD_REQUEST naming the field with
// nothing written or published, and a non-member gets exactly the "not found" a non-existent trip gets.
// A new procedure in these routers without an entry in `cases` fails the first test.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { inferRouterInputs } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRouter, type AppRouter } from '~/trpc/root';
import type { TestServer } from '../helpers/server';
import { procedureSuite, type TestUser } from '../helpers/procedure-suite';
import { expectTrpcError, notMemberMessage } from '../helpers/users';

const CORE_AREAS = ['trips', 'members', 'days', 'places', 'assignments', 'tags', 'dayNotes', 'accommodations'] as const;
type CoreArea = (typeof CORE_AREAS)[number];
type Inputs = inferRouterInputs<AppRouter>;

/** A fresh trip owned by anna, with ben as member, three dated days and one of everything. */
interface Fixture {
  tripId: number;
  dayIds: [number, number, number];
  placeId: number;
  hotelId: number;
  /** placeId on day 1 (position 0) and hotelId on day 1 (position 1). */
  assignmentId: number;
  secondAssignmentId: number;
  noteId: number;
  accommodationId: number;
  tagId: number;
  annaId: number;
  benId: number;
  /** someone not yet on the trip, to add */
  doraEmail: string;
}

interface Case<I> {
  /** Input that succeeds for the trip's owner. */
  valid(f: Fixture): I;
  /** Input zod rejects, and the field its message must name; null (with the reason) when the procedure takes no input. */
  bad: { input(f: Fixture): unknown; field: string } | { none: string };
  /** What the successful call answers (matched with toMatchObject). */
  outcome(f: Fixture): Record<string, unknown>;
}

type CaseTable = { [A in CoreArea]: { [P in keyof Inputs[A]]-?: Case<Inputs[A][P]> } };

const LONG = 'x'.repeat(201);
const MISSING_TRIP_ID = 2_000_000_000;

const cases: CaseTable = {
  trips: {
    listTrips: {
      valid: () => ({ includeArchived: true }),
      bad: { input: () => ({ includeArchived: 'yes' }), field: 'includeArchived' },
      outcome: (f) => ({ trips: expect.arrayContaining([expect.objectContaining({ id: f.tripId, role: 'owner', placeCount: 2, dayCount: 3 })]) }),
    },
    getTrip: {
      valid: (f) => ({ tripId: f.tripId }),
      bad: { input: () => ({ tripId: 'first' }), field: 'tripId' },
      outcome: (f) => ({ trip: { id: f.tripId, title: 'Lisbon' }, role: 'owner' }),
    },
    getTripSummary: {
      valid: (f) => ({ tripId: f.tripId }),
      bad: { input: () => ({ tripId: 1.5 }), field: 'tripId' },
      outcome: (f) => ({
        trip: { id: f.tripId },
        members: [
          { id: f.annaId, role: 'owner' },
          { id: f.benId, role: 'member' },
        ],
        days: [
          { id: f.dayIds[0], assignments: [{ id: f.assignmentId }, { id: f.secondAssignmentId }], notes: [{ id: f.noteId }] },
          { id: f.dayIds[1] },
          { id: f.dayIds[2] },
        ],
        accommodations: [{ id: f.accommodationId }],
      }),
    },
    createTrip: {
      valid: () => ({ title: 'Porto', startDate: '2027-06-01', endDate: '2027-06-02' }),
      bad: { input: () => ({ title: '   ', startDate: '2027-06-01', endDate: '2027-06-02' }), field: 'title' },
      outcome: (f) => ({ trip: { title: 'Porto', startDate: '2027-06-01', endDate: '2027-06-02', ownerId: f.annaId }, dayCount: 2 }),
    },
    updateTrip: {
      valid: (f) => ({ tripId: f.tripId, title: 'Lisbon and Sintra', description: 'Spring' }),
      bad: { input: (f) => ({ tripId: f.tripId, title: 'Renamed', startDate: '2027-05-03', endDate: '2027-05-01' }), field: 'endDate' },
      outcome: (f) => ({ trip: { id: f.tripId, title: 'Lisbon and Sintra', description: 'Spring' } }),
    },
    setTripArchived: {
      valid: (f) => ({ tripId: f.tripId, archived: true }),
      bad: { input: (f) => ({ tripId: f.tripId, archived: 'yes' }), field: 'archived' },
      outcome: (f) => ({ trip: { id: f.tripId, archived: true } }),
    },
    deleteTrip: {
      valid: (f) => ({ tripId: f.tripId }),
      bad: { input: () => ({ tripId: -4 }), field: 'tripId' },
      outcome: (f) => ({ deleted: true, tripId: f.tripId }),
    },
    copyTrip: {
      valid: (f) => ({ tripId: f.tripId, title: 'Lisbon again' }),
      bad: { input: (f) => ({ tripId: f.tripId, title: LONG }), field: 'title' },
      outcome: (f) => ({ trip: { title: 'Lisbon again', ownerId: f.annaId, startDate: '2027-05-01' } }),
    },
    exportTripIcs: {
      valid: (f) => ({ tripId: f.tripId }),
      bad: { input: () => ({ tripId: null }), field: 'tripId' },
      outcome: () => ({ filename: 'Lisbon.ics', ics: expect.stringContaining('BEGIN:VCALENDAR') }),
    },
  },
  members: {
    listTripMembers: {
      valid: (f) => ({ tripId: f.tripId }),
      bad: { input: () => ({ tripId: '12' }), field: 'tripId' },
      outcome: (f) => ({
        members: [
          { id: f.annaId, role: 'owner' },
          { id: f.benId, role: 'member' },
        ],
      }),
    },
    addTripMember: {
      valid: (f) => ({ tripId: f.tripId, identifier: f.doraEmail }),
      bad: { input: (f) => ({ tripId: f.tripId, identifier: '  ' }), field: 'identifier' },
      outcome: () => ({ member: { displayName: 'Dora', role: 'member' } }),
    },
    removeTripMember: {
      valid: (f) => ({ tripId: f.tripId, userId: f.benId }),
      bad: { input: (f) => ({ tripId: f.tripId, userId: 0 }), field: 'userId' },
      outcome: (f) => ({ removed: true, userId: f.benId }),
    },
  },
  days: {
    listDays: {
      valid: (f) => ({ tripId: f.tripId }),
      bad: { input: () => ({ tripId: 0 }), field: 'tripId' },
      outcome: (f) => ({
        days: [
          { id: f.dayIds[0], date: '2027-05-01', assignments: [{ id: f.assignmentId }, { id: f.secondAssignmentId }], notes: [{ id: f.noteId }] },
          { id: f.dayIds[1], date: '2027-05-02' },
          { id: f.dayIds[2], date: '2027-05-03' },
        ],
      }),
    },
    createDay: {
      valid: (f) => ({ tripId: f.tripId, title: 'Spare day' }),
      bad: { input: (f) => ({ tripId: f.tripId, date: '2027-05-32' }), field: 'date' },
      outcome: (f) => ({ day: { tripId: f.tripId, title: 'Spare day', date: null, position: 3 } }),
    },
    updateDay: {
      valid: (f) => ({ tripId: f.tripId, dayId: f.dayIds[1], title: 'Sintra' }),
      bad: { input: (f) => ({ tripId: f.tripId, dayId: f.dayIds[1], title: LONG }), field: 'title' },
      outcome: (f) => ({ day: { id: f.dayIds[1], title: 'Sintra' } }),
    },
    deleteDay: {
      valid: (f) => ({ tripId: f.tripId, dayId: f.dayIds[2] }),
      bad: { input: (f) => ({ tripId: f.tripId, dayId: 'last' }), field: 'dayId' },
      outcome: (f) => ({ deleted: true, dayId: f.dayIds[2] }),
    },
  },
  places: {
    listPlaces: {
      valid: (f) => ({ tripId: f.tripId, assigned: 'assigned', search: 'mus' }),
      bad: { input: (f) => ({ tripId: f.tripId, assigned: 'sometimes' }), field: 'assigned' },
      outcome: (f) => ({ places: [{ id: f.placeId, name: 'Museum of Art' }] }),
    },
    createPlace: {
      valid: (f) => ({ tripId: f.tripId, name: 'Time Out Market', lat: 38.7069, lng: -9.1458, tagIds: [f.tagId] }),
      bad: { input: (f) => ({ tripId: f.tripId, name: 'Nowhere', lat: 91, lng: 0 }), field: 'lat' },
      outcome: (f) => ({ place: { tripId: f.tripId, name: 'Time Out Market', lat: 38.7069, lng: -9.1458, tagIds: [f.tagId], assignedDayIds: [] } }),
    },
    createAndAssignPlace: {
      valid: (f) => ({ tripId: f.tripId, name: 'Pastéis de Belém', dayId: f.dayIds[1], startTime: '10:00', endTime: '10:30' }),
      bad: { input: (f) => ({ tripId: f.tripId, name: 'Late', dayId: f.dayIds[1], startTime: '10:00', endTime: '09:00' }), field: 'endTime' },
      outcome: (f) => ({
        place: { name: 'Pastéis de Belém', assignedDayIds: [f.dayIds[1]] },
        assignment: { dayId: f.dayIds[1], position: 0, startTime: '10:00', endTime: '10:30' },
      }),
    },
    updatePlace: {
      valid: (f) => ({ tripId: f.tripId, placeId: f.placeId, notes: 'Closed on Mondays', url: 'https://example.test/museum' }),
      bad: { input: (f) => ({ tripId: f.tripId, placeId: f.placeId, url: 'ftp://example.test' }), field: 'url' },
      outcome: (f) => ({ place: { id: f.placeId, name: 'Museum of Art', notes: 'Closed on Mondays', url: 'https://example.test/museum' } }),
    },
    deletePlace: {
      valid: (f) => ({ tripId: f.tripId, placeId: f.placeId }),
      bad: { input: (f) => ({ tripId: f.tripId, placeId: -1 }), field: 'placeId' },
      outcome: (f) => ({ deleted: true, placeId: f.placeId }),
    },
    bulkDeletePlaces: {
      valid: (f) => ({ tripId: f.tripId, placeIds: [f.placeId, f.hotelId] }),
      bad: { input: (f) => ({ tripId: f.tripId, placeIds: [] }), field: 'placeIds' },
      outcome: (f) => ({ deleted: 2, placeIds: [f.placeId, f.hotelId] }),
    },
    listCategories: {
      valid: () => undefined,
      bad: { none: 'takes no input' },
      outcome: () => ({ categories: expect.arrayContaining([expect.objectContaining({ key: 'hotel' })]) }),
    },
    categoriesResource: {
      valid: () => undefined,
      bad: { none: 'takes no input' },
      outcome: () => ({ categories: expect.arrayContaining([expect.objectContaining({ key: 'hotel' })]) }),
    },
    searchPlace: {
      valid: () => ({ query: 'Belém', limit: 3 }),
      bad: { input: () => ({ query: 'Belém', limit: 21 }), field: 'limit' },
      outcome: () => ({ results: [{ name: 'Belém', lat: 38.69, lng: -9.21 }] }),
    },
    importPlacesFromUrl: {
      valid: (f) => ({ tripId: f.tripId, url: 'https://www.openstreetmap.org/?mlat=38.6916&mlon=-9.2160#map=17/38.6916/-9.2160' }),
      bad: { input: (f) => ({ tripId: f.tripId, url: '' }), field: 'url' },
      outcome: (f) => ({ places: [{ tripId: f.tripId, lat: 38.6916, lng: -9.216 }] }),
    },
  },
  assignments: {
    assignPlaceToDay: {
      valid: (f) => ({ tripId: f.tripId, placeId: f.hotelId, dayId: f.dayIds[1], startTime: '15:00' }),
      bad: { input: (f) => ({ tripId: f.tripId, placeId: f.hotelId, dayId: f.dayIds[1], position: -1 }), field: 'position' },
      outcome: (f) => ({ assignment: { placeId: f.hotelId, dayId: f.dayIds[1], position: 0, startTime: '15:00', endTime: null } }),
    },
    unassignPlace: {
      valid: (f) => ({ tripId: f.tripId, assignmentId: f.assignmentId }),
      bad: { input: (f) => ({ tripId: f.tripId, assignmentId: 'a' }), field: 'assignmentId' },
      outcome: (f) => ({ deleted: true, assignmentId: f.assignmentId, dayId: f.dayIds[0] }),
    },
    updateAssignmentTime: {
      valid: (f) => ({ tripId: f.tripId, assignmentId: f.assignmentId, startTime: '09:00', endTime: '11:00' }),
      bad: { input: (f) => ({ tripId: f.tripId, assignmentId: f.assignmentId, startTime: '25:00', endTime: null }), field: 'startTime' },
      outcome: (f) => ({ assignment: { id: f.assignmentId, startTime: '09:00', endTime: '11:00' } }),
    },
    moveAssignment: {
      valid: (f) => ({ tripId: f.tripId, assignmentId: f.assignmentId, toDayId: f.dayIds[2] }),
      bad: { input: (f) => ({ tripId: f.tripId, assignmentId: f.assignmentId, toDayId: 0 }), field: 'toDayId' },
      outcome: (f) => ({ assignment: { id: f.assignmentId, dayId: f.dayIds[2], position: 0 } }),
    },
    reorderDayAssignments: {
      valid: (f) => ({ tripId: f.tripId, dayId: f.dayIds[0], assignmentIds: [f.secondAssignmentId, f.assignmentId] }),
      bad: { input: (f) => ({ tripId: f.tripId, dayId: f.dayIds[0], assignmentIds: String(f.assignmentId) }), field: 'assignmentIds' },
      outcome: (f) => ({
        assignments: [
          { id: f.secondAssignmentId, position: 0 },
          { id: f.assignmentId, position: 1 },
        ],
      }),
    },
    getAssignmentParticipants: {
      valid: (f) => ({ tripId: f.tripId, assignmentId: f.assignmentId }),
      bad: { input: (f) => ({ tripId: f.tripId, assignmentId: 2.5 }), field: 'assignmentId' },
      outcome: () => ({ participants: [] }),
    },
    setAssignmentParticipants: {
      valid: (f) => ({ tripId: f.tripId, assignmentId: f.assignmentId, userIds: [f.annaId, f.benId] }),
      bad: { input: (f) => ({ tripId: f.tripId, assignmentId: f.assignmentId, userIds: [f.annaId, 0] }), field: 'userIds' },
      outcome: (f) => ({ participants: [{ id: f.annaId }, { id: f.benId }] }),
    },
  },
  tags: {
    listTags: {
      valid: () => undefined,
      bad: { none: 'takes no input' },
      outcome: (f) => ({ tags: expect.arrayContaining([expect.objectContaining({ id: f.tagId, name: `art-${f.tripId}` })]) }),
    },
    createTag: {
      valid: (f) => ({ name: `food-${f.tripId}`, color: '#AA3300' }),
      bad: { input: () => ({ name: 'food', color: 'red' }), field: 'color' },
      outcome: (f) => ({ tag: { name: `food-${f.tripId}`, color: '#aa3300' } }),
    },
    updateTag: {
      valid: (f) => ({ tagId: f.tagId, name: `museums-${f.tripId}` }),
      bad: { input: (f) => ({ tagId: f.tagId, name: 'y'.repeat(51) }), field: 'name' },
      outcome: (f) => ({ tag: { id: f.tagId, name: `museums-${f.tripId}` } }),
    },
    deleteTag: {
      valid: (f) => ({ tagId: f.tagId }),
      bad: { input: () => ({ tagId: 'art' }), field: 'tagId' },
      outcome: (f) => ({ deleted: true, tagId: f.tagId }),
    },
  },
  dayNotes: {
    listDayNotes: {
      valid: (f) => ({ tripId: f.tripId, dayId: f.dayIds[0] }),
      bad: { input: (f) => ({ tripId: f.tripId }), field: 'dayId' },
      outcome: (f) => ({ notes: [{ id: f.noteId, text: 'Breakfast' }] }),
    },
    createDayNote: {
      valid: (f) => ({ tripId: f.tripId, dayId: f.dayIds[1], text: 'Train at 9', time: 'Morning', icon: 'transport' }),
      bad: { input: (f) => ({ tripId: f.tripId, dayId: f.dayIds[1], text: '   ' }), field: 'text' },
      outcome: (f) => ({ note: { dayId: f.dayIds[1], text: 'Train at 9', time: 'Morning', icon: 'transport', position: 0 } }),
    },
    updateDayNote: {
      valid: (f) => ({ tripId: f.tripId, noteId: f.noteId, text: 'Breakfast at 8' }),
      bad: { input: (f) => ({ tripId: f.tripId, noteId: f.noteId, icon: 'rocket-ship' }), field: 'icon' },
      outcome: (f) => ({ note: { id: f.noteId, text: 'Breakfast at 8', icon: 'note' } }),
    },
    deleteDayNote: {
      valid: (f) => ({ tripId: f.tripId, noteId: f.noteId }),
      bad: { input: (f) => ({ tripId: f.tripId, noteId: 0 }), field: 'noteId' },
      outcome: (f) => ({ deleted: true, noteId: f.noteId, dayId: f.dayIds[0] }),
    },
  },
  accommodations: {
    listAccommodations: {
      valid: (f) => ({ tripId: f.tripId }),
      bad: { input: () => ({ tripId: [1] }), field: 'tripId' },
      outcome: (f) => ({ accommodations: [{ id: f.accommodationId, placeId: f.hotelId, checkInDayId: f.dayIds[0], checkOutDayId: f.dayIds[1] }] }),
    },
    createAccommodation: {
      valid: (f) => ({ tripId: f.tripId, placeId: f.hotelId, checkInDayId: f.dayIds[1], checkOutDayId: f.dayIds[2], checkInTime: '15:00' }),
      bad: {
        input: (f) => ({ tripId: f.tripId, placeId: f.hotelId, checkInDayId: f.dayIds[1], checkOutDayId: f.dayIds[2], checkInTime: '3pm' }),
        field: 'checkInTime',
      },
      outcome: (f) => ({ accommodation: { placeId: f.hotelId, checkInDayId: f.dayIds[1], checkOutDayId: f.dayIds[2], checkInTime: '15:00' } }),
    },
    createPlaceAccommodation: {
      valid: (f) => ({ tripId: f.tripId, place: { name: 'Hotel Avenida', address: 'Av. da Liberdade' }, checkInDayId: f.dayIds[0], checkOutDayId: f.dayIds[2] }),
      bad: { input: (f) => ({ tripId: f.tripId, place: { name: '' }, checkInDayId: f.dayIds[0], checkOutDayId: f.dayIds[2] }), field: 'place.name' },
      outcome: (f) => ({ place: { name: 'Hotel Avenida', tripId: f.tripId }, accommodation: { checkInDayId: f.dayIds[0], checkOutDayId: f.dayIds[2] } }),
    },
    updateAccommodation: {
      valid: (f) => ({ tripId: f.tripId, accommodationId: f.accommodationId, confirmation: 'ABC123', checkOutTime: '11:00' }),
      bad: { input: (f) => ({ tripId: f.tripId, accommodationId: f.accommodationId, confirmation: LONG }), field: 'confirmation' },
      outcome: (f) => ({ accommodation: { id: f.accommodationId, confirmation: 'ABC123', checkOutTime: '11:00' } }),
    },
    deleteAccommodation: {
      valid: (f) => ({ tripId: f.tripId, accommodationId: f.accommodationId }),
      bad: { input: () => ({ tripId: 1, accommodationId: 'hotel' }), field: 'accommodationId' },
      outcome: (f) => ({ deleted: true, accommodationId: f.accommodationId }),
    },
  },
};

// A local stand-in for Nominatim, so searchPlace succeeds offline.
const nominatim = http.createServer((req, res) => {
  const q = new URL(req.url ?? '/', 'http://fake').searchParams.get('q') ?? '';
  res.setHeader('Content-Type', 'application/json');
  res.end(JSON.stringify([{ osm_type: 'node', osm_id: 1, lat: '38.69', lon: '-9.21', name: q, display_name: `${q}, Lisboa`, category: 'tourism', type: 'attraction' }]));
});
let nominatimPort = 0;
beforeAll(async () => {
  await new Promise<void>((resolve) => nominatim.listen(0, '127.0.0.1', resolve));
  nominatimPort = (nominatim.address() as AddressInfo).port;
});
afterAll(() => new Promise((resolve) => nominatim.close(resolve)));

const suite = procedureSuite(
  [{ displayName: 'Anna' }, { displayName: 'Ben' }, { displayName: 'Carol' }, { displayName: 'Dora' }],
  () => ({ NOMINATIM_URL: `http://127.0.0.1:${nominatimPort}`, OUTBOUND_ALLOW_PRIVATE: 'true' }),
);
let server: TestServer;
/** anna owns every fixture trip, ben is a member, carol is an outsider, dora is someone to add. */
let anna: TestUser, ben: TestUser, carol: TestUser, dora: TestUser;
beforeAll(() => {
  ({ server, users: [anna, ben, carol, dora] } = suite);
});

async function buildFixture(): Promise<Fixture> {
  const t = anna.trpc;
  const { trip } = await t.trips.createTrip.mutate({ title: 'Lisbon', startDate: '2027-05-01', endDate: '2027-05-03' });
  const tripId = trip.id;
  await t.members.addTripMember.mutate({ tripId, identifier: ben.user.email });
  const { days } = await t.days.listDays.query({ tripId });
  const dayIds = days.map((d) => d.id) as Fixture['dayIds'];
  const { place } = await t.places.createPlace.mutate({ tripId, name: 'Museum of Art' });
  const { place: hotel } = await t.places.createPlace.mutate({ tripId, name: 'Hotel Lisboa' });
  const { assignment } = await t.assignments.assignPlaceToDay.mutate({ tripId, placeId: place.id, dayId: dayIds[0] });
  const { assignment: second } = await t.assignments.assignPlaceToDay.mutate({ tripId, placeId: hotel.id, dayId: dayIds[0] });
  const { note } = await t.dayNotes.createDayNote.mutate({ tripId, dayId: dayIds[0], text: 'Breakfast' });
  const { accommodation } = await t.accommodations.createAccommodation.mutate({
    tripId,
    placeId: hotel.id,
    checkInDayId: dayIds[0],
    checkOutDayId: dayIds[1],
  });
  const { tag } = await t.tags.createTag.mutate({ name: `art-${tripId}` });
  suite.clearEvents();
  return {
    tripId,
    dayIds,
    placeId: place.id,
    hotelId: hotel.id,
    assignmentId: assignment.id,
    secondAssignmentId: second.id,
    noteId: note.id,
    accommodationId: accommodation.id,
    tagId: tag.id,
    annaId: anna.user.id,
    benId: ben.user.id,
    doraEmail: dora.user.email,
  };
}

/** Everything a call could change: row counts of every table, plus the fixture trip and anna's tags in full. */
async function snapshot(f: Fixture) {
  const db = server.services.db;
  const counts = {
    trips: await db.trip.count(),
    members: await db.tripMember.count(),
    days: await db.day.count(),
    places: await db.place.count(),
    placeTags: await db.placeTag.count(),
    assignments: await db.assignment.count(),
    participants: await db.assignmentParticipant.count(),
    notes: await db.dayNote.count(),
    accommodations: await db.accommodation.count(),
    tags: await db.tag.count(),
  };
  const trip = await db.trip.findUnique({
    where: { id: f.tripId },
    include: {
      members: { orderBy: { userId: 'asc' } },
      days: { orderBy: { id: 'asc' }, include: { notes: { orderBy: { id: 'asc' } }, assignments: { orderBy: { id: 'asc' }, include: { participants: true } } } },
      places: { orderBy: { id: 'asc' }, include: { tags: { orderBy: { tagId: 'asc' } } } },
      accommodations: { orderBy: { id: 'asc' } },
    },
  });
  const tags = await db.tag.findMany({ where: { userId: anna.user.id }, orderBy: { id: 'asc' } });
  return { counts, trip, tags };
}

type Caller = (input: unknown) => Promise<unknown>;
interface DeclaredProcedure {
  _def: { type: 'query' | 'mutation' | 'subscription'; inputs: Array<{ shape?: Record<string, unknown> }> };
}
/** The procedures of the trip-core routers as appRouter declares them: "area.name" → procedure. */
const coreProcedures = Object.entries(appRouter._def.procedures as unknown as Record<string, DeclaredProcedure>).filter(([path]) =>
  (CORE_AREAS as readonly string[]).includes(path.split('.')[0]),
);

function callerFor(user: TestUser, path: string): Caller {
  const [area, name] = path.split('.');
  const type = coreProcedures.find(([p]) => p === path)![1]._def.type;
  const node = (user.trpc as unknown as Record<string, Record<string, Record<'query' | 'mutate', Caller>>>)[area][name];
  return (input) => (type === 'query' ? node.query(input) : node.mutate(input));
}

/** PostgreSQL's int4, the type of every id column. */
const INT4_MAX = 2_147_483_647;

/** The valid input with every id field (tripId, …Id, …Ids) one past the database's integer range. */
function withHugeIds(value: unknown): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => {
      if (/(^i|I)d$/.test(key) && typeof v === 'number') return [key, INT4_MAX + 1];
      if (/Ids$/.test(key) && Array.isArray(v)) return [key, [INT4_MAX + 1]];
      return [key, withHugeIds(v)];
    }),
  );
}
const hasIds = (value: unknown) => JSON.stringify(withHugeIds(value)) !== JSON.stringify(value);

/** One variant of the input per string field (nested too), with a NUL character appended: "path" → input. */
function withNulPerField(value: unknown, prefix = ''): Array<[string, unknown]> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return [];
  const record = value as Record<string, unknown>;
  return Object.entries(record).flatMap(([key, v]): Array<[string, unknown]> => {
    if (typeof v === 'string') return [[`${prefix}${key}`, { ...record, [key]: `${v}\u0000` }]];
    return withNulPerField(v, `${prefix}${key}.`).map(([field, inner]) => [field, { ...record, [key]: inner }]);
  });
}

/** Stand-in ids, only to see at collection time which fields an input has. */
const fixtureShape: Fixture = {
  tripId: 1,
  dayIds: [1, 2, 3],
  placeId: 1,
  hotelId: 2,
  assignmentId: 1,
  secondAssignmentId: 2,
  noteId: 1,
  accommodationId: 1,
  tagId: 1,
  annaId: 1,
  benId: 2,
  doraEmail: 'dora@example.test',
};

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function caseFor(path: string): Case<unknown> | undefined {
  const [area, name] = path.split('.');
  return (cases as unknown as Record<string, Record<string, Case<unknown>>>)[area]?.[name];
}

/** A procedure is trip-scoped when one of its input schemas has a tripId field (every tripMemberProcedure does). */
function isTripScoped(procedure: DeclaredProcedure) {
  return procedure._def.inputs.some((schema) => !!schema.shape && 'tripId' in schema.shape);
}

describe('procedure coverage', () => {
  it('every procedure of the trip-core routers has a coverage case, and every case names a real procedure', () => {
    const declared = coreProcedures.map(([path]) => path).sort();
    const covered = Object.entries(cases)
      .flatMap(([area, procs]) => Object.keys(procs).map((name) => `${area}.${name}`))
      .sort();
    expect(declared.length).toBeGreaterThan(40);
    expect({ withoutCase: declared.filter((p) => !covered.includes(p)), unknown: covered.filter((p) => !declared.includes(p)) }).toEqual({
      withoutCase: [],
      unknown: [],
    });
  });

  it('a procedure is declared "takes no input" only when it really has no input schema', () => {
    for (const [path, procedure] of coreProcedures) {
      const c = caseFor(path);
      if (c && 'none' in c.bad) expect(procedure._def.inputs, path).toHaveLength(0);
    }
  });
});

for (const [path, procedure] of coreProcedures) {
  const c = caseFor(path);
  if (!c) continue; // reported by "every procedure … has a coverage case"
  const type = procedure._def.type;
  const tripScoped = isTripScoped(procedure);

  describe(path, () => {
    /** f for the three cases above; g, a second trip, for the hostile inputs (which may write when they succeed). */
    let f: Fixture;
    let g: Fixture;
    beforeAll(async () => {
      f = await buildFixture();
      g = await buildFixture();
    });

    // Procedures without input (bad.none says why) and procedures that are not trip-scoped have no such case.
    const bad = c.bad;
    if (!('none' in bad)) {
      it(`bad input: BAD_REQUEST naming ${bad.field}, nothing written or published`, async () => {
        const before = await snapshot(f);
        const error = await expectTrpcError(callerFor(anna, path)(bad.input(f)));
        expect(error.code).toBe('BAD_REQUEST');
        expect(error.httpStatus).toBe(400);
        expect(error.message).toMatch(new RegExp(`(^|; )${escapeRegExp(bad.field)}[.:]`));
        expect(await snapshot(f)).toEqual(before);
        expect(suite.events).toEqual([]);
      });
    }

    if (tripScoped) {
      it('non-member: the same NOT_FOUND as for a trip that does not exist, nothing written or published', async () => {
        const before = await snapshot(f);
        const denied = await expectTrpcError(callerFor(carol, path)(c.valid(f)));
        const missing = await expectTrpcError(callerFor(anna, path)({ ...(c.valid(f) as object), tripId: MISSING_TRIP_ID }));
        expect(denied.code).toBe('NOT_FOUND');
        expect(denied.httpStatus).toBe(404);
        expect(denied.message).toBe(notMemberMessage(f.tripId));
        expect(missing.code).toBe('NOT_FOUND');
        expect(missing.message).toBe(notMemberMessage(MISSING_TRIP_ID));
        expect(denied.data?.i18n).toEqual({ key: 'errors.tripNotFound', params: { tripId: f.tripId } });
        expect(await snapshot(f)).toEqual(before);
        expect(suite.events).toEqual([]);
      });
    }

    const huge = c.valid(fixtureShape);
    if (hasIds(huge)) {
      it('ids beyond the database integer range: a clear BAD_REQUEST or NOT_FOUND (never a 500), nothing written', async () => {
        const before = await snapshot(g);
        const error = await expectTrpcError(callerFor(anna, path)(withHugeIds(c.valid(g))));
        expect(['BAD_REQUEST', 'NOT_FOUND'], error.message).toContain(error.code);
        expect(await snapshot(g)).toEqual(before);
      });
    }

    const nulFields = withNulPerField(c.valid(fixtureShape)).map(([field]) => field);
    if (nulFields.length) {
      it(`text with a NUL character (${nulFields.join(', ')}): stored cleanly or a BAD_REQUEST, never a 500`, async () => {
        const crashed: string[] = [];
        for (const [field, input] of withNulPerField(c.valid(g))) {
          const outcome = await callerFor(anna, path)(input).then(
            () => 'ok',
            (error: { data?: { code?: string } }) => error.data?.code ?? 'no code',
          );
          if (outcome !== 'ok' && outcome !== 'BAD_REQUEST') crashed.push(`${field} → ${outcome}`);
        }
        expect(crashed).toEqual([]);
      });
    }

    it(`success: the owner's valid call ${type === 'query' ? 'answers and writes nothing' : 'changes the data and publishes an event'}`, async () => {
      const before = await snapshot(f);
      const result = await callerFor(anna, path)(c.valid(f));
      expect(result).toMatchObject(c.outcome(f));
      if (type === 'query') {
        expect(await snapshot(f)).toEqual(before);
        expect(suite.events).toEqual([]);
      } else {
        expect(await snapshot(f)).not.toEqual(before);
        expect(suite.events.length).toBeGreaterThan(0);
      }
    });
  });
}

// Defects found while covering the routers that the generic cases above cannot express (fixed; these guard the fixes).
describe('regressions found by this suite', () => {
  it('trips.updateTrip: new dates that drop the check-in or check-out day of a stay need confirmDropDays (the stay is not deleted silently)', async () => {
    const f = await buildFixture(); // the stay checks in on day 1 and out on day 2; day 2 holds nothing else
    const error = await expectTrpcError(anna.trpc.trips.updateTrip.mutate({ tripId: f.tripId, startDate: '2027-05-01', endDate: '2027-05-01' }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.data?.i18n?.key).toBe('errors.dropDaysNeedsConfirmation');
    expect(await server.services.db.accommodation.count({ where: { tripId: f.tripId } })).toBe(1);
  });

  it("trips.copyTrip by a member: the copy carries none of the other users' personal tags (nobody could remove them there)", async () => {
    const f = await buildFixture();
    await anna.trpc.places.updatePlace.mutate({ tripId: f.tripId, placeId: f.placeId, tagIds: [f.tagId] });
    const { trip: copy } = await ben.trpc.trips.copyTrip.mutate({ tripId: f.tripId });
    const foreignTags = await server.services.db.placeTag.count({ where: { place: { tripId: copy.id }, tag: { userId: { not: ben.user.id } } } });
    expect(foreignTags).toBe(0);
  });

  it('places.listPlaces: search matches "%" and "_" literally, not as SQL wildcards', async () => {
    const f = await buildFixture();
    expect((await anna.trpc.places.listPlaces.query({ tripId: f.tripId, search: '%' })).places).toEqual([]);
    expect((await anna.trpc.places.listPlaces.query({ tripId: f.tripId, search: '_' })).places).toEqual([]);
  });
});

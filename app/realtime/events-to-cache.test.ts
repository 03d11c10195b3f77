import { describe, expect, it } from 'vitest';
import { applyToPlaces, applyToSummary, INVALIDATE, type PlacesData, type SummaryData } from './events-to-cache';
import { encodePayload, MAX_PAYLOAD_BYTES } from './publisher.server';

// Complete rows (the cached types are the procedures' outputs), with only what a test looks at varying.
const placeRow = (id: number, name: string) => ({
  id, tripId: 1, name, description: '', address: '', lat: null, lng: null, categoryId: null, url: '', phone: '', notes: '', photoUrl: '',
  tagIds: [], createdAt: '2027-01-01T00:00:00.000Z',
});
const place = (id: number, name: string, assignedDayIds: number[] = []) => ({ ...placeRow(id, name), assignedDayIds });
const assignment = (id: number, dayId: number, placeId: number, position: number, name = `P${placeId}`) => ({
  id,
  dayId,
  placeId,
  position,
  startTime: null,
  endTime: null,
  notes: '',
  participantIds: [],
  place: placeRow(placeId, name),
});
const day = (id: number, position: number, assignments: ReturnType<typeof assignment>[], notes: SummaryData['days'][number]['notes'] = []) => ({
  id, tripId: 1, position, date: null, title: '', assignments, notes,
});

function summary(): SummaryData {
  const sam = { id: 10, username: 'sam', displayName: 'Sam' };
  return {
    trip: { id: 1, title: 'Paris', description: '', startDate: null, endDate: null, currency: 'EUR', archived: false, ownerId: 10, createdAt: '', updatedAt: '' },
    owner: sam,
    members: [{ ...sam, role: 'owner' }],
    days: [
      day(100, 0, [assignment(1, 100, 7, 0), assignment(2, 100, 8, 1)]),
      day(200, 1, [assignment(3, 200, 7, 0)], [{ id: 50, dayId: 200, position: 0, text: '', time: '', icon: 'note' }]),
    ],
    accommodations: [
      { id: 9, tripId: 1, placeId: 8, checkInDayId: 100, checkOutDayId: 200, checkInTime: null, checkOutTime: null, confirmation: '', notes: '', place: placeRow(8, 'P8') },
    ],
    budget: null,
    packing: null,
    todos: null,
  };
}
const places = (): PlacesData => ({ places: [place(7, 'Louvre', [100, 200]), place(8, 'Hotel', [100])] });

describe('applyToSummary', () => {
  it('patches the trip, days and members in place', () => {
    const s = summary();
    const next = applyToSummary(s, 'trip.updated', { trip: { id: 1, title: 'Lyon' } }) as SummaryData;
    expect(next.trip.title).toBe('Lyon');
    expect(s.trip.title).toBe('Paris');
    expect(applyToSummary(s, 'trip.updated', { trip: { id: 1 }, daysChanged: true })).toBe(INVALIDATE);
    const renamed = applyToSummary(s, 'day.updated', { day: { id: 200, position: 1, title: 'Versailles' } }) as SummaryData;
    expect(renamed.days[1].title).toBe('Versailles');
    expect(renamed.days[1].assignments).toHaveLength(1);
    const added = applyToSummary(s, 'member.added', { member: { id: 11, displayName: 'Mia', role: 'member' } }) as SummaryData;
    expect(added.members.map((m) => m.id)).toEqual([10, 11]);
    const created = applyToSummary(s, 'day.created', { day: { id: 300, position: 2, title: '' } }) as SummaryData;
    expect(created.days.map((d) => d.id)).toEqual([100, 200, 300]);
    expect(created.days[2].assignments).toEqual([]);
  });

  it('moves, reorders and removes assignments', () => {
    const s = summary();
    const moved = applyToSummary(s, 'assignment.moved', {
      assignment: { id: 2, dayId: 200, placeId: 8, position: 0 },
      fromDayId: 100,
    }) as SummaryData;
    expect(moved.days[0].assignments.map((a) => a.id)).toEqual([1]);
    expect(moved.days[1].assignments.map((a) => [a.id, a.position])).toEqual([
      [2, 0],
      [3, 1],
    ]);
    expect(moved.days[1].assignments[0].place?.name).toBe('P8');

    const reordered = applyToSummary(s, 'assignment.reordered', { dayId: 100, assignmentIds: [2, 1] }) as SummaryData;
    expect(reordered.days[0].assignments.map((a) => a.id)).toEqual([2, 1]);
    expect(applyToSummary(s, 'assignment.reordered', { dayId: 100, assignmentIds: [2] })).toBe(INVALIDATE);

    const deleted = applyToSummary(s, 'assignment.deleted', { assignmentId: 1, dayId: 100 }) as SummaryData;
    expect(deleted.days[0].assignments.map((a) => [a.id, a.position])).toEqual([[2, 0]]);

    const placeGone = applyToSummary(s, 'place.deleted', { placeId: 7 }) as SummaryData;
    expect(placeGone.days.map((d) => d.assignments.map((a) => a.id))).toEqual([[2], []]);
  });

  it('invalidates when the payload is not enough or was trimmed', () => {
    const s = summary();
    expect(applyToSummary(s, 'assignment.created', { assignment: { id: 9, dayId: 999, placeId: 7, position: 0 } })).toBe(INVALIDATE);
    expect(applyToSummary(s, 'trip.updated', { trip: { id: 1 }, refetch: true })).toBe(INVALIDATE);
    expect(applyToSummary(s, 'something.new', {})).toBe(INVALIDATE);
    expect(applyToSummary(undefined, 'trip.updated', { trip: { id: 1 } })).toBeUndefined();
  });

  it('keeps notes and accommodations current', () => {
    const s = summary();
    const note = applyToSummary(s, 'day_note.created', { note: { id: 51, dayId: 100, position: 0, text: 'x' } }) as SummaryData;
    expect(note.days[0].notes.map((n) => n.id)).toEqual([51]);
    const noteGone = applyToSummary(s, 'day_note.deleted', { noteId: 50, dayId: 200 }) as SummaryData;
    expect(noteGone.days[1].notes).toEqual([]);
    const acc = applyToSummary(s, 'accommodation.updated', { accommodation: { id: 9, placeId: 8, notes: 'late' } }) as SummaryData;
    expect(acc.accommodations[0]).toMatchObject({ notes: 'late', place: { name: 'P8' } });
  });
});

describe('applyToPlaces', () => {
  it('adds, updates and removes places and tracks the days they are on', () => {
    const p = places();
    const s = summary();
    const created = applyToPlaces(p, 'place.created', { place: { id: 9, name: 'Orsay' } }) as PlacesData;
    expect(created.places.map((x) => [x.id, x.assignedDayIds])).toEqual([
      [7, [100, 200]],
      [8, [100]],
      [9, []],
    ]);
    const deletedAssignment = applyToPlaces(p, 'assignment.deleted', { assignmentId: 2, dayId: 100 }, s) as PlacesData;
    expect(deletedAssignment.places[1].assignedDayIds).toEqual([]);
    const moved = applyToPlaces(p, 'assignment.moved', { assignment: { id: 1, dayId: 200, placeId: 7 }, fromDayId: 100 }, s) as PlacesData;
    expect(moved.places[0].assignedDayIds).toEqual([200]);
    const bulk = applyToPlaces(p, 'places.deleted', { placeIds: [7, 8] }) as PlacesData;
    expect(bulk.places).toEqual([]);
  });
});

describe('encodePayload', () => {
  it('keeps small payloads and trims big ones to ids with refetch: true', () => {
    const small = { place: { id: 1, name: 'Louvre' }, origin: 'ui', actor: { id: 2, name: 'Sam' } };
    expect(JSON.parse(encodePayload(small))).toEqual(small);
    const big = {
      place: { id: 1, tripId: 3, name: 'x'.repeat(20_000) },
      origin: 'mcp',
      actor: { id: 2, name: 'Sam' },
    };
    const encoded = encodePayload(big);
    expect(Buffer.byteLength(encoded)).toBeLessThanOrEqual(MAX_PAYLOAD_BYTES);
    expect(JSON.parse(encoded)).toEqual({ refetch: true, place: { id: 1, tripId: 3 }, origin: 'mcp', actor: { id: 2, name: 'Sam' } });
    const many = { placeIds: Array.from({ length: 5000 }, (_, i) => i + 1), origin: 'ui', actor: null };
    const trimmed = JSON.parse(encodePayload(many));
    expect(trimmed).toEqual({ refetch: true, origin: 'ui', actor: null });
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../../tests/helpers/server';
import { procedureSuite, type TestUser } from '../../../tests/helpers/procedure-suite';
import { expectTrpcError, notMemberMessage } from '../../../tests/helpers/users';

const suite = procedureSuite(2);
const { tripEvents } = suite;
let server: TestServer;
let anna: TestUser;
let ben: TestUser;
beforeAll(() => {
  ({ server, users: [anna, ben] } = suite);
});

async function setup() {
  const { trip } = await anna.trpc.trips.createTrip.mutate({ title: 'Kyoto', startDate: '2027-04-01', endDate: '2027-04-02' });
  const { days } = await anna.trpc.days.listDays.query({ tripId: trip.id });
  suite.clearEvents();
  return { trip, days };
}
const noteCount = (dayId: number) => server.services.db.dayNote.count({ where: { dayId } });

describe('dayNotes.createDayNote', () => {
  it('adds notes in order with time label and icon and emits day_note.created', async () => {
    const { trip, days } = await setup();
    const first = await anna.trpc.dayNotes.createDayNote.mutate({ tripId: trip.id, dayId: days[0].id, text: 'Temple opens early', time: 'Morning', icon: 'info' });
    const second = await anna.trpc.dayNotes.createDayNote.mutate({ tripId: trip.id, dayId: days[0].id, text: 'Ramen', time: '19:30', icon: 'food' });
    expect(first.note).toMatchObject({ dayId: days[0].id, text: 'Temple opens early', time: 'Morning', icon: 'info', position: 0 });
    expect(second.note.position).toBe(1);
    const plain = await anna.trpc.dayNotes.createDayNote.mutate({ tripId: trip.id, dayId: days[1].id, text: 'Rest' });
    expect(plain.note).toMatchObject({ time: '', icon: 'note' });
    expect(tripEvents().map((e) => e.event)).toEqual(['day_note.created', 'day_note.created', 'day_note.created']);
    expect(tripEvents()[0].payload.note).toMatchObject({ id: first.note.id });
  });

  it('rejects empty or long text, a long time label, an unknown icon and a foreign day, writing nothing', async () => {
    const { trip, days } = await setup();
    const other = await setup();
    const cases: [Record<string, unknown>, string][] = [
      [{ text: '   ' }, 'text: must not be empty'],
      [{ text: 't'.repeat(5001) }, 'text: must be at most 5000 characters'],
      [{ text: 'ok', time: 't'.repeat(51) }, 'time: must be at most 50 characters'],
      [{ text: 'ok', icon: 'rocket' }, 'icon: must be one of note, food'],
    ];
    for (const [input, message] of cases) {
      const error = await expectTrpcError(anna.trpc.dayNotes.createDayNote.mutate({ tripId: trip.id, dayId: days[0].id, ...input } as never));
      expect(error.code, message).toBe('BAD_REQUEST');
      expect(error.message).toContain(message);
    }
    const foreign = await expectTrpcError(anna.trpc.dayNotes.createDayNote.mutate({ tripId: trip.id, dayId: other.days[0].id, text: 'x' }));
    expect(foreign.message).toBe(`Day ${other.days[0].id} not found in trip ${trip.id}`);
    expect(await noteCount(days[0].id)).toBe(0);
    expect(await noteCount(other.days[0].id)).toBe(0);
  });

  it('denies a non-member', async () => {
    const { trip, days } = await setup();
    const error = await expectTrpcError(ben.trpc.dayNotes.createDayNote.mutate({ tripId: trip.id, dayId: days[0].id, text: 'x' }));
    expect(error.message).toBe(notMemberMessage(trip.id));
    expect(await noteCount(days[0].id)).toBe(0);
  });
});

describe('dayNotes.listDayNotes', () => {
  it('lists a day’s notes in order', async () => {
    const { trip, days } = await setup();
    await anna.trpc.dayNotes.createDayNote.mutate({ tripId: trip.id, dayId: days[1].id, text: 'one' });
    await anna.trpc.dayNotes.createDayNote.mutate({ tripId: trip.id, dayId: days[1].id, text: 'two' });
    const { notes } = await anna.trpc.dayNotes.listDayNotes.query({ tripId: trip.id, dayId: days[1].id });
    expect(notes.map((x) => x.text)).toEqual(['one', 'two']);
    expect((await anna.trpc.dayNotes.listDayNotes.query({ tripId: trip.id, dayId: days[0].id })).notes).toEqual([]);
  });

  it('rejects a missing day id, naming the field', async () => {
    const { trip } = await setup();
    const error = await expectTrpcError(anna.trpc.dayNotes.listDayNotes.query({ tripId: trip.id } as never));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toContain('dayId');
  });

  it('denies a non-member', async () => {
    const { trip, days } = await setup();
    const error = await expectTrpcError(ben.trpc.dayNotes.listDayNotes.query({ tripId: trip.id, dayId: days[0].id }));
    expect(error.message).toBe(notMemberMessage(trip.id));
  });
});

describe('dayNotes.updateDayNote', () => {
  it('changes only the sent fields and emits day_note.updated', async () => {
    const { trip, days } = await setup();
    const { note } = await anna.trpc.dayNotes.createDayNote.mutate({ tripId: trip.id, dayId: days[0].id, text: 'Train', time: '08:00', icon: 'transport' });
    suite.clearEvents();
    const { note: updated } = await anna.trpc.dayNotes.updateDayNote.mutate({ tripId: trip.id, noteId: note.id, time: '08:30' });
    expect(updated).toMatchObject({ text: 'Train', time: '08:30', icon: 'transport' });
    expect(tripEvents()).toMatchObject([{ event: 'day_note.updated', payload: { note: { id: note.id, time: '08:30' } } }]);
  });

  it('rejects an unknown icon and a note of another trip, leaving notes unchanged', async () => {
    const { trip, days } = await setup();
    const other = await setup();
    const { note } = await anna.trpc.dayNotes.createDayNote.mutate({ tripId: trip.id, dayId: days[0].id, text: 'Keep' });
    const { note: foreign } = await anna.trpc.dayNotes.createDayNote.mutate({ tripId: other.trip.id, dayId: other.days[0].id, text: 'Theirs' });
    const icon = await expectTrpcError(anna.trpc.dayNotes.updateDayNote.mutate({ tripId: trip.id, noteId: note.id, icon: 'nope' as never }));
    expect(icon.message).toContain('icon: must be one of');
    const wrong = await expectTrpcError(anna.trpc.dayNotes.updateDayNote.mutate({ tripId: trip.id, noteId: foreign.id, text: 'Mine' }));
    expect(wrong.message).toBe(`Day note ${foreign.id} not found in trip ${trip.id}`);
    expect((await server.services.db.dayNote.findUniqueOrThrow({ where: { id: note.id } })).icon).toBe('note');
    expect((await server.services.db.dayNote.findUniqueOrThrow({ where: { id: foreign.id } })).text).toBe('Theirs');
  });

  it('denies a non-member', async () => {
    const { trip, days } = await setup();
    const { note } = await anna.trpc.dayNotes.createDayNote.mutate({ tripId: trip.id, dayId: days[0].id, text: 'Keep' });
    const error = await expectTrpcError(ben.trpc.dayNotes.updateDayNote.mutate({ tripId: trip.id, noteId: note.id, text: 'Mine' }));
    expect(error.message).toBe(notMemberMessage(trip.id));
    expect((await server.services.db.dayNote.findUniqueOrThrow({ where: { id: note.id } })).text).toBe('Keep');
  });
});

describe('dayNotes.deleteDayNote', () => {
  it('deletes the note and emits day_note.deleted', async () => {
    const { trip, days } = await setup();
    const { note } = await anna.trpc.dayNotes.createDayNote.mutate({ tripId: trip.id, dayId: days[0].id, text: 'Bye' });
    suite.clearEvents();
    expect(await anna.trpc.dayNotes.deleteDayNote.mutate({ tripId: trip.id, noteId: note.id })).toEqual({ deleted: true, noteId: note.id, dayId: days[0].id });
    expect(await noteCount(days[0].id)).toBe(0);
    expect(tripEvents()).toMatchObject([{ event: 'day_note.deleted', payload: { noteId: note.id, dayId: days[0].id } }]);
  });

  it('rejects a malformed id, naming the field, and deletes nothing', async () => {
    const { trip, days } = await setup();
    await anna.trpc.dayNotes.createDayNote.mutate({ tripId: trip.id, dayId: days[0].id, text: 'Stay' });
    const error = await expectTrpcError(anna.trpc.dayNotes.deleteDayNote.mutate({ tripId: trip.id, noteId: 2.5 }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toContain('noteId');
    expect(await noteCount(days[0].id)).toBe(1);
  });

  it('denies a non-member', async () => {
    const { trip, days } = await setup();
    const { note } = await anna.trpc.dayNotes.createDayNote.mutate({ tripId: trip.id, dayId: days[0].id, text: 'Stay' });
    const error = await expectTrpcError(ben.trpc.dayNotes.deleteDayNote.mutate({ tripId: trip.id, noteId: note.id }));
    expect(error.message).toBe(notMemberMessage(trip.id));
    expect(await noteCount(days[0].id)).toBe(1);
  });
});

// Realtime events of the day-notes area: notes added to, changed on (or moved between) and deleted from days.
import { defineEvents, INVALIDATE, onView } from '~/realtime/events';
import type { dayNoteJson } from '~/trpc/shape';
import { byPosition, dayNumber, mapDays, tripSummaryView, upsert, type TripSummary } from '../views';

type DayNoteJson = ReturnType<typeof dayNoteJson>;

function withNote(summary: TripSummary, note: DayNoteJson) {
  if (!summary.days.some((d) => d.id === note.dayId)) return INVALIDATE;
  return mapDays(summary, (d) => {
    if (d.id === note.dayId) return { ...d, notes: upsert(d.notes, note, byPosition) };
    return d.notes.some((n) => n.id === note.id) ? { ...d, notes: d.notes.filter((n) => n.id !== note.id) } : d;
  });
}

export const dayNoteEvents = defineEvents<{
  'day_note.created': { note: DayNoteJson };
  'day_note.updated': { note: DayNoteJson };
  'day_note.deleted': { noteId: number; dayId: number };
}>()({
  'day_note.created': {
    views: [onView(tripSummaryView, (summary, p) => withNote(summary, p.note))],
    notice: (p, before) => ({ key: 'notice.noteCreated', params: { day: dayNumber(before(tripSummaryView), p.note.dayId) } }),
  },
  'day_note.updated': {
    views: [onView(tripSummaryView, (summary, p) => withNote(summary, p.note))],
    notice: (p, before) => ({ key: 'notice.noteUpdated', params: { day: dayNumber(before(tripSummaryView), p.note.dayId) } }),
  },
  'day_note.deleted': {
    views: [
      onView(tripSummaryView, (summary, p) =>
        mapDays(summary, (d) => (d.notes.some((n) => n.id === p.noteId) ? { ...d, notes: d.notes.filter((n) => n.id !== p.noteId) } : d)),
      ),
    ],
    notice: (p, before) => ({ key: 'notice.noteDeleted', params: { day: dayNumber(before(tripSummaryView), p.dayId) } }),
  },
});

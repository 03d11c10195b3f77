// Notes on a day: free text with an optional time label ("09:30", "Morning") and an icon from a fixed set.
import { z } from 'zod';
import { router, tripMemberProcedure } from '~/trpc/init';
import { id, text } from '~/trpc/schemas';
import { dayNoteJson } from '~/trpc/shape';
import { DAY_NOTE_ICONS, DAY_NOTE_TIME_MAX } from '~/domain/day-notes';
import { findDay, findDayNote } from '../trip-data.server';
import { tripChannel } from '~/realtime/channels';
import { dayNoteEvents } from './events';

const noteText = text().trim().min(1, 'must not be empty');
const timeLabel = z.string({ error: 'must be text' }).trim().max(DAY_NOTE_TIME_MAX, `must be at most ${DAY_NOTE_TIME_MAX} characters`);
const icon = z.enum(DAY_NOTE_ICONS, { error: `must be one of ${DAY_NOTE_ICONS.join(', ')}` });

export const dayNotesRouter = router({
  listDayNotes: tripMemberProcedure
    .meta({
      scope: 'trips:any',
      mcp: {
        name: 'list_day_notes',
        kind: 'read',
        description: 'The notes of one day.',
        resource: { uri: 'waymark://trips/{tripId}/days/{dayId}/notes', name: 'day-notes', description: 'Notes of a day', onlyResource: true },
      },
    })
    .input(z.object({ dayId: id('day') }))
    .query(async ({ ctx, input }) => {
      await findDay(ctx.db, input.tripId, input.dayId);
      const notes = await ctx.db.dayNote.findMany({ where: { dayId: input.dayId }, orderBy: [{ position: 'asc' }, { id: 'asc' }] });
      return { notes: notes.map(dayNoteJson) };
    }),

  createDayNote: tripMemberProcedure
    .meta({
      scope: 'trips:write',
      mcp: {
        name: 'create_day_note',
        kind: 'write',
        description: `Add a note to a day. text up to 5000 characters; time is a free label such as "09:30" or "Morning"; icon is one of ${DAY_NOTE_ICONS.join(', ')}.`,
      },
    })
    .input(z.object({ dayId: id('day'), text: noteText, time: timeLabel.optional(), icon: icon.optional() }))
    .mutation(async ({ ctx, input }) => {
      await findDay(ctx.db, input.tripId, input.dayId);
      const note = await ctx.db.$transaction(async (tx) => {
        const last = await tx.dayNote.findFirst({ where: { dayId: input.dayId }, orderBy: { position: 'desc' } });
        return tx.dayNote.create({
          data: { dayId: input.dayId, text: input.text, time: input.time ?? '', icon: input.icon ?? 'note', position: last ? last.position + 1 : 0 },
        });
      });
      ctx.emit(tripChannel(input.tripId), dayNoteEvents.make('day_note.created', { note: dayNoteJson(note) }));
      return { note: dayNoteJson(note) };
    }),

  updateDayNote: tripMemberProcedure
    .meta({
      scope: 'trips:write',
      mcp: { name: 'update_day_note', kind: 'idempotent', description: 'Change a day note’s text, time label or icon; only the fields you send change.' },
    })
    .input(z.object({ noteId: id('note'), text: noteText.optional(), time: timeLabel.optional(), icon: icon.optional() }))
    .mutation(async ({ ctx, input }) => {
      await findDayNote(ctx.db, input.tripId, input.noteId);
      const note = await ctx.db.dayNote.update({ where: { id: input.noteId }, data: { text: input.text, time: input.time, icon: input.icon } });
      ctx.emit(tripChannel(input.tripId), dayNoteEvents.make('day_note.updated', { note: dayNoteJson(note) }));
      return { note: dayNoteJson(note) };
    }),

  deleteDayNote: tripMemberProcedure
    .meta({ scope: 'trips:write', mcp: { name: 'delete_day_note', kind: 'destructive', description: 'Delete a day note.' } })
    .input(z.object({ noteId: id('note') }))
    .mutation(async ({ ctx, input }) => {
      const note = await findDayNote(ctx.db, input.tripId, input.noteId);
      await ctx.db.dayNote.delete({ where: { id: note.id } });
      ctx.emit(tripChannel(input.tripId), dayNoteEvents.make('day_note.deleted', { noteId: note.id, dayId: note.dayId }));
      return { deleted: true as const, noteId: note.id, dayId: note.dayId };
    }),
});

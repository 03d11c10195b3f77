// Notes on a day, with an optional time and icon.
import { defineArea } from '../area';
import { dayNotesRouter } from './procedures.server';
import { copyDayNotes } from './copy.server';
import { dayNoteEvents } from './events';

export const dayNotesArea = defineArea({ id: 'dayNotes', router: dayNotesRouter, namespaces: ['planner'], events: dayNoteEvents, copy: copyDayNotes });

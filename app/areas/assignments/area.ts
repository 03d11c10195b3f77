// Places on days (the itinerary): order, times, moves between days, participants.
import { defineArea } from '../area';
import { assignmentsRouter } from './procedures.server';
import { copyAssignments } from './copy.server';
import { assignmentEvents } from './events';

export const assignmentsArea = defineArea({
  id: 'assignments',
  router: assignmentsRouter,
  namespaces: ['planner'],
  events: assignmentEvents,
  copy: copyAssignments,
  notCopied: { AssignmentParticipant: 'participants are members of the original trip, and members are not copied' },
});

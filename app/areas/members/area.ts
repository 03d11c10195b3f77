// Members: who is on a trip besides its owner.
import { defineArea } from '../area';
import { membersRouter } from './procedures.server';
import { memberEvents } from './events';

export const membersArea = defineArea({
  id: 'members',
  router: membersRouter,
  namespaces: ['trips'],
  events: memberEvents,
  notCopied: { TripMember: 'a copy belongs to whoever makes it; they invite whom they like' },
});

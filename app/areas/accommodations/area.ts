// Accommodations: where the trip stays, from a check-in day to a check-out day.
import { defineArea } from '../area';
import { accommodationsRouter } from './procedures.server';
import { copyAccommodations } from './copy.server';
import { accommodationEvents } from './events';

export const accommodationsArea = defineArea({
  id: 'accommodations',
  router: accommodationsRouter,
  namespaces: ['planner'],
  events: accommodationEvents,
  copy: copyAccommodations,
});

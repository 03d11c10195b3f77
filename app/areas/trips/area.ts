// Trips: create, change, archive, delete, list, copy, export; the trip summary the planner is built from.
import { defineArea } from '../area';
import { tripsRouter } from './procedures.server';
import { tripEvents } from './events';

export const tripsArea = defineArea({ id: 'trips', router: tripsRouter, namespaces: ['trips', 'planner', 'realtime'], events: tripEvents });

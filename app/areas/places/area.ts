// Places of a trip, their categories, place search and import from map links.
import { defineArea } from '../area';
import { placesRouter } from './procedures.server';
import { copyPlaces } from './copy.server';
import { placeEvents } from './events';

export const placesArea = defineArea({ id: 'places', router: placesRouter, namespaces: ['planner'], events: placeEvents, copy: copyPlaces });

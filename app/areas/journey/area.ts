// Journey: travel journals across trips, written together by their contributors (owner, editor, viewer); linked trips
// give placeholder entries that follow the trip. Its own page (/journey) while the journey addon is on. Not trip data:
// a journey links trips, and a trip copy leaves journeys alone.
import { defineArea } from '../area';
import { journeyRouter } from './procedures.server';
import { journeyEvents } from './events';

export const journeyArea = defineArea({ id: 'journey', router: journeyRouter, namespaces: ['journey'], events: journeyEvents });

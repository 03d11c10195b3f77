// Days of a trip: one per date of the trip's range, plus undated days; titles and order.
import { defineArea } from '../area';
import { daysRouter } from './procedures.server';
import { copyDays } from './copy.server';
import { dayEvents } from './events';

export const daysArea = defineArea({ id: 'days', router: daysRouter, namespaces: ['planner'], events: dayEvents, copy: copyDays });

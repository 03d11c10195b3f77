// Vacay: each user's leave plan for a year (allowance, booked days, colour), shared plans, company holidays and
// public-holiday calendars from offline data; its own page (/vacay) while the vacay addon is on. Not trip data.
import { defineArea } from '../area';
import { vacayRouter } from './procedures.server';
import { vacayEvents } from './events';

export const vacayArea = defineArea({ id: 'vacay', router: vacayRouter, namespaces: ['vacay'], events: vacayEvents });

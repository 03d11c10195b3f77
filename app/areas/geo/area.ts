// Geo lookups (place details, reverse geocoding, map links): read-only, no events, nothing to copy.
import { defineArea } from '../area';
import { geoRouter } from './procedures.server';

export const geoArea = defineArea({ id: 'geo', router: geoRouter, namespaces: ['planner'] });

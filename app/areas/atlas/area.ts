// Atlas: the countries and regions a user has been to (from their trips' place coordinates, and marked by hand), a
// bucket list and travel stats; a page of its own while the atlas addon is on. Personal, so no trip data to copy.
import { defineArea } from '../area';
import { atlasRouter } from './procedures.server';
import { atlasEvents } from './events';

export const atlasArea = defineArea({ id: 'atlas', router: atlasRouter, namespaces: ['atlas'], events: atlasEvents });

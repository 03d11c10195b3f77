// Tags: each user's own labels for places (personal, not part of any trip; places keep links to them).
import { defineArea } from '../area';
import { tagsRouter } from './procedures.server';
import { tagEvents } from './events';

export const tagsArea = defineArea({ id: 'tags', router: tagsRouter, namespaces: ['planner'], events: tagEvents });

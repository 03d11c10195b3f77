// Packing (the "lists" addon, with to-dos): items by category with the people responsible for each category, bags
// with weight limits, bulk import and templates; a planner tab while the addon is on.
import { defineArea } from '../area';
import { packingRouter } from './procedures.server';
import { copyPacking } from './copy.server';
import { packingEvents } from './events';
import { PackingTab } from './PackingTab';

const PEOPLE = 'names people of the original trip, who are not on the copy';

export const packingArea = defineArea({
  id: 'packing',
  router: packingRouter,
  namespaces: ['packing'],
  events: packingEvents,
  copy: copyPacking,
  notCopied: { PackingCategoryAssignee: `who is responsible for a category ${PEOPLE}`, PackingBagMember: `who packs a bag ${PEOPLE}` },
  plannerTab: { id: 'packing', labelKey: 'packing:tab', addon: 'lists', Component: PackingTab },
});

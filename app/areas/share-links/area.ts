// Share links: a trip's public read-only link (app/routes/s.$token.tsx shows it), made from the planner's Share button.
import { defineArea } from '../area';
import { shareLinksRouter } from './procedures.server';
import { shareEvents } from './events';

export const shareLinksArea = defineArea({
  id: 'shareLinks',
  router: shareLinksRouter,
  namespaces: ['share'],
  events: shareEvents,
  notCopied: { ShareLink: 'a copy is a new private trip; its people decide whether to share it' },
});

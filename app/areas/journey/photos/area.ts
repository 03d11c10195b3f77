// Journey media (issue 17, part 2): photos after upload, the public link and its page's data. The upload, download,
// public page and PDF book are routes (app/routes/api.journeys.$journeyId.photos.ts, api.journey-photos.*,
// public.journey.*, api.journeys.$journeyId.book.ts); everything they decide lives beside this file.
import { defineArea } from '../../area';
import { journeyMediaRouter } from './procedures.server';
import { journeyMediaEvents } from './events';

export const journeyMediaArea = defineArea({
  id: 'journeyMedia',
  router: journeyMediaRouter,
  namespaces: ['journey-media'],
  events: journeyMediaEvents,
});

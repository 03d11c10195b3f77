// Journey: travel journals across trips, written together by their contributors (owner, editor, viewer); linked trips
// give placeholder entries that follow the trip. Its own page (/journey) while the journey addon is on. Not trip data:
// a journey links trips, and a trip copy leaves journeys alone (the schema's foreign keys reach the trip only through
// a link, an entry's source or a photo's entry, which is why every journey model is listed in notCopied).
import { defineArea } from '../area';
import { journeyRouter } from './procedures.server';
import { journeyEvents } from './events';

const JOURNAL = 'a journey is the people’s journal, not the trip’s data: it links the original trip, and a copy starts in no journey';

export const journeyArea = defineArea({
  id: 'journey',
  router: journeyRouter,
  namespaces: ['journey'],
  events: journeyEvents,
  notCopied: {
    Journey: JOURNAL,
    JourneyTrip: JOURNAL,
    JourneyEntry: JOURNAL,
    JourneyContributor: JOURNAL,
    JourneyPreference: JOURNAL,
    JourneyPhoto: JOURNAL,
    JourneyShareLink: JOURNAL,
  },
});

// Realtime events of Journey, sent on the private user channel of every contributor (a journey is not trip data, and
// only its contributors may hear it: someone removed gets the one "journey.removed" and then nothing more, because
// events go only to the current contributor rows — decision 022). The views refetch rather than patch: entries,
// skeletons, photos and preferences depend on each other and on the reader (private entries, own role).
import type { inferRouterOutputs } from '@trpc/server';
import { cacheView, defineEvents, INVALIDATE, onView } from '~/realtime/events';
import type { journeyRouter } from './procedures.server';

type Outputs = inferRouterOutputs<typeof journeyRouter>;
export type JourneyListData = Outputs['listJourneys'];
export type JourneyData = Outputs['getJourney'];

export const journeyListView = cacheView<JourneyListData>('journey.listJourneys', 'user');
export const journeyView = cacheView<JourneyData>('journey.getJourney', 'user');
export const journeyEntriesView = cacheView<Outputs['listJourneyEntries']>('journey.listJourneyEntries', 'user');
export const journeyContributorsView = cacheView<Outputs['listJourneyContributors']>('journey.listJourneyContributors', 'user');
export const journeySuggestionsView = cacheView<Outputs['getJourneySuggestions']>('journey.getJourneySuggestions', 'user');

const refetchAll = [
  onView(journeyListView, () => INVALIDATE),
  onView(journeyView, () => INVALIDATE),
  onView(journeyEntriesView, () => INVALIDATE),
  onView(journeyContributorsView, () => INVALIDATE),
  onView(journeySuggestionsView, () => INVALIDATE),
];

export const journeyEvents = defineEvents<{
  /** the journey itself, its trips or its contributors changed */
  'journey.changed': { journeyId: number };
  /** entries (or skeletons, or photos) of the journey changed */
  'journey.entries.changed': { journeyId: number; entryIds: number[] };
  /** the journey was deleted, or the receiver no longer contributes to it */
  'journey.removed': { journeyId: number };
}>()({
  'journey.changed': { views: refetchAll, notice: () => null },
  'journey.entries.changed': {
    views: [onView(journeyListView, () => INVALIDATE), onView(journeyView, () => INVALIDATE), onView(journeyEntriesView, () => INVALIDATE)],
    notice: () => null,
  },
  'journey.removed': { views: refetchAll, notice: () => null },
});

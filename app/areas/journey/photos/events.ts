// Realtime events of journey photos and the journey's public link, on the private user channel of every contributor
// (like the journey's own events, decision 022). Photos change the journey's views too (gallery, counts, entries, a
// skeleton promoted), so those refetch; the link view is patched from the payload.
import type { inferRouterOutputs } from '@trpc/server';
import { cacheView, defineEvents, INVALIDATE, onView } from '~/realtime/events';
import { journeyEntriesView, journeyListView, journeyView } from '../events';
import type { journeyMediaRouter } from './procedures.server';
import type { JourneyShareLinkJson } from '../share/procedures.server';

type Outputs = inferRouterOutputs<typeof journeyMediaRouter>;
export const journeyPhotosView = cacheView<Outputs['listJourneyPhotos']>('journeyMedia.listJourneyPhotos', 'user');
export const journeyShareLinkView = cacheView<Outputs['getJourneyShareLink']>('journeyMedia.getJourneyShareLink', 'user');

export const journeyMediaEvents = defineEvents<{
  /** photos of the journey were added, changed, reordered or removed (entryIds: the entries they belong to) */
  'journey.photos.changed': { journeyId: number; entryIds: number[] };
  /** the journey's public link was made, changed, rotated or revoked */
  'journey.share.changed': { journeyId: number; shareLink: JourneyShareLinkJson | null; rotated: boolean };
}>()({
  'journey.photos.changed': {
    views: [
      onView(journeyPhotosView, (data, p) => (data.journeyId === p.journeyId ? INVALIDATE : undefined)),
      // the journey's views that show photos (gallery, entries' photos, counts, cover): refetched, never patched
      onView(journeyView, () => INVALIDATE),
      onView(journeyEntriesView, () => INVALIDATE),
      onView(journeyListView, () => INVALIDATE),
    ],
    notice: () => null,
  },
  'journey.share.changed': {
    views: [onView(journeyShareLinkView, (data, p) => (data.journeyId === p.journeyId ? { ...data, shareLink: p.shareLink } : undefined))],
    notice: (p) => ({ key: p.shareLink ? (p.rotated ? 'journey-media:notice.linkRotated' : 'journey-media:notice.linkChanged') : 'journey-media:notice.linkDeleted', params: {} }),
  },
});

// Realtime events of share links: a trip's link was made, changed, rotated or revoked (the Share dialogs of the other
// people on the trip follow).
import type { inferRouterOutputs } from '@trpc/server';
import { cacheView, defineEvents, onView } from '~/realtime/events';
import type { shareLinksRouter, ShareLinkJson } from './procedures.server';

export type ShareLinkView = inferRouterOutputs<typeof shareLinksRouter>['getShareLink'];
export const shareLinkView = cacheView<ShareLinkView>('shareLinks.getShareLink', 'trip');

export const shareEvents = defineEvents<{
  'share.link.changed': { tripId: number; link: ShareLinkJson | null; rotated: boolean };
}>()({
  'share.link.changed': {
    views: [onView(shareLinkView, (_view, p) => ({ link: p.link }))],
    notice: (p) => ({ key: p.link ? (p.rotated ? 'share:notice.rotated' : 'share:notice.changed') : 'share:notice.deleted', params: {} }),
  },
});

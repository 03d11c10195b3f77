// The browser side of share-link and notification events: another member's Share dialog follows the link (made,
// changed, revoked) without a refetch; the bell's count and list are refetched when the inbox changes.
import { describe, expect, it } from 'vitest';
import { applyEventToView, INVALIDATE, joinHandlers } from '~/realtime/events';
import { shareEvents, shareLinkView } from './events';
import { notificationEvents, notificationListView, preferencesView, unreadCountView } from '../notifications/events';
import type { ShareLinkJson } from './procedures.server';

const handlers = joinHandlers([shareEvents, notificationEvents]);
const none = () => undefined;
const link: ShareLinkJson = {
  tripId: 1, tokenHint: 'wms_abcd', sections: ['bookings'], shareBookings: true, shareBudget: false, sharePacking: false,
  createdAt: '2027-01-01T00:00:00.000Z', updatedAt: '2027-01-01T00:00:00.000Z',
};

describe('share link events in the browser cache', () => {
  it('a link made or changed elsewhere replaces the cached one; a revoked one empties it', () => {
    expect(applyEventToView(handlers, shareLinkView, { link: null }, 'share.link.changed', { tripId: 1, link, rotated: false }, none)).toEqual({ link });
    expect(applyEventToView(handlers, shareLinkView, { link }, 'share.link.changed', { tripId: 1, link: null, rotated: false }, none)).toEqual({ link: null });
  });

  it('the notice says what happened, in the share namespace', () => {
    const notice = (p: object) => handlers['share.link.changed'].notice(p as never, none)?.key;
    expect([notice({ link, rotated: false }), notice({ link, rotated: true }), notice({ link: null, rotated: false })]).toEqual([
      'share:notice.changed',
      'share:notice.rotated',
      'share:notice.deleted',
    ]);
  });
});

describe('notification events in the browser cache', () => {
  it('a new or re-read notification refetches the count and the list, silently', () => {
    for (const [event, payload] of [['notification.created', { type: 'trip_added' }], ['notification.read', { notificationId: 3, read: true }]] as const) {
      expect(applyEventToView(handlers, unreadCountView, { count: 1 }, event, payload, none)).toBe(INVALIDATE);
      expect(applyEventToView(handlers, notificationListView, { notifications: [], total: 0, unreadCount: 0 }, event, payload, none)).toBe(INVALIDATE);
      expect(handlers[event].notice(payload as never, none)).toBeNull();
    }
    expect(applyEventToView(handlers, preferencesView, { preferences: [] }, 'notification.created', { type: 'x' }, none)).toBeUndefined();
  });
});

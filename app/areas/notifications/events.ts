// Realtime events of notifications, on the recipient's private channel: a notification arrived, one or all were
// marked read or unread, the preferences or channels changed. The bell's count and list are refetched (they are small).
import type { inferRouterOutputs } from '@trpc/server';
import { cacheView, defineEvents, INVALIDATE, onView } from '~/realtime/events';
import type { notificationsRouter } from './procedures.server';

type Outputs = inferRouterOutputs<typeof notificationsRouter>;
export const notificationListView = cacheView<Outputs['listNotifications']>('notifications.listNotifications', 'user');
export const unreadCountView = cacheView<Outputs['getUnreadNotificationCount']>('notifications.getUnreadNotificationCount', 'user');
export const preferencesView = cacheView<Outputs['getNotificationPreferences']>('notifications.getNotificationPreferences', 'user');
export const channelsView = cacheView<Outputs['listNotificationChannels']>('notifications.listNotificationChannels', 'user');

const refetchInbox = [onView(notificationListView, () => INVALIDATE), onView(unreadCountView, () => INVALIDATE)];

export const notificationEvents = defineEvents<{
  'notification.created': { type: string };
  'notification.read': { notificationId: number | null; read: boolean };
  'notification.preferences.changed': { type: string; enabled: boolean };
  'notification.channels.changed': Record<string, never>;
}>()({
  'notification.created': { views: refetchInbox, notice: () => null },
  'notification.read': { views: refetchInbox, notice: () => null },
  'notification.preferences.changed': { views: [onView(preferencesView, () => INVALIDATE)], notice: () => null },
  'notification.channels.changed': { views: [onView(channelsView, () => INVALIDATE)], notice: () => null },
});

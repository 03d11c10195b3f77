// In-app notifications: the inbox behind the header's bell, per-type preferences in the settings, and notify(), which
// other areas call (notify.server.ts); agents' changes are summarised per client and trip (agent-activity.server.ts).
import { defineArea } from '../area';
import { notificationsRouter } from './procedures.server';
import { notificationEvents } from './events';

export const notificationsArea = defineArea({
  id: 'notifications',
  router: notificationsRouter,
  namespaces: ['notifications'],
  events: notificationEvents,
  notCopied: {
    Notification: 'notifications belong to the people who received them, not to the trip',
    NotificationDelivery: 'a notification’s sending to a person’s channel goes with the notification',
  },
});

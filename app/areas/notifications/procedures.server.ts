// In-app notifications: the signed-in user's inbox (newest first, texts in their language), unread count, mark read
// or unread, mark all read, and which kinds they want; and where else they go (channels/procedures.server.ts). Each user reads and changes only their own.
import { z } from 'zod';
import { authedProcedure, router, type Context } from '~/trpc/init';
import type { Actor } from '~/auth/actor.server';
import { id } from '~/trpc/schemas';
import { notFound } from '~/domain/errors';
import { userChannel } from '~/realtime/channels';
import { notificationEvents } from './events';
import { notificationJson, notificationTranslator } from './render.server';
import { NOTIFICATION_TYPES } from './types';
import { channelProcedures } from './channels/procedures.server';

const listInput = z
  .object({
    limit: z.number({ error: 'must be a whole number from 1 to 50' }).int().min(1, 'must be at least 1').max(50, 'must be at most 50').default(20),
    offset: z.number({ error: 'must be a whole number of at least 0' }).int().min(0, 'must be at least 0').max(1_000_000, 'must be at most 1000000').default(0),
    unreadOnly: z.boolean({ error: 'must be true or false' }).default(false),
  })
  .default({ limit: 20, offset: 0, unreadOnly: false });

type Ctx = Context & { actor: Actor };

async function inbox(ctx: Ctx, { limit, offset, unreadOnly }: { limit: number; offset: number; unreadOnly: boolean }) {
  const userId = ctx.actor.user.id;
  const where = { userId, ...(unreadOnly ? { readAt: null } : {}) };
  const [rows, total, unreadCount, t] = await Promise.all([
    ctx.db.notification.findMany({ where, orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }], take: limit, skip: offset }),
    ctx.db.notification.count({ where }),
    ctx.db.notification.count({ where: { userId, readAt: null } }),
    notificationTranslator(ctx.actor.user.language),
  ]);
  return { notifications: rows.map((row) => notificationJson(t, row)), total, unreadCount };
}

async function setRead(ctx: Ctx, notificationId: number, read: boolean) {
  const row = await ctx.db.notification.findFirst({ where: { id: notificationId, userId: ctx.actor.user.id } });
  if (!row) throw notFound('Notification', notificationId);
  const updated =
    (row.readAt !== null) === read ? row : await ctx.db.notification.update({ where: { id: row.id }, data: { readAt: read ? new Date() : null } });
  if (updated !== row) ctx.emit(userChannel(ctx.actor.user.id), notificationEvents.make('notification.read', { notificationId, read }));
  return { success: true, notification: notificationJson(await notificationTranslator(ctx.actor.user.language), updated) };
}

const notificationId = z.object({ notificationId: id('notification') });

export const notificationsRouter = router({
  listNotifications: authedProcedure
    .meta({
      scope: 'notifications:read',
      mcp: {
        name: 'list_notifications',
        kind: 'read',
        description:
          'Your in-app notifications, most recently changed first: each with a readable text in your language, its type, trip and link. limit 1–50 (default 20), offset, unreadOnly. Also total and unreadCount.',
      },
    })
    .input(listInput)
    .query(({ ctx, input }) => inbox(ctx, input)),

  listInAppNotifications: authedProcedure
    .meta({
      scope: 'notifications:read',
      mcp: {
        name: 'in_app_notifications',
        kind: 'read',
        description: 'Your 50 most recent in-app notifications (most recently changed first), read and unread.',
        resource: { uri: 'waymark://notifications/in-app', name: 'in-app-notifications', description: 'Your 50 most recent in-app notifications, newest first', onlyResource: true },
      },
    })
    .query(({ ctx }) => inbox(ctx, { limit: 50, offset: 0, unreadOnly: false })),

  getUnreadNotificationCount: authedProcedure
    .meta({ scope: 'notifications:read', mcp: { name: 'get_unread_notification_count', kind: 'read', description: 'How many of your in-app notifications are unread.' } })
    .query(async ({ ctx }) => ({ count: await ctx.db.notification.count({ where: { userId: ctx.actor.user.id, readAt: null } }) })),

  markNotificationRead: authedProcedure
    .meta({ scope: 'notifications:write', mcp: { name: 'mark_notification_read', kind: 'idempotent', description: 'Mark one of your notifications as read.' } })
    .input(notificationId)
    .mutation(({ ctx, input }) => setRead(ctx, input.notificationId, true)),

  markNotificationUnread: authedProcedure
    .meta({ scope: 'notifications:write', mcp: { name: 'mark_notification_unread', kind: 'idempotent', description: 'Mark one of your notifications as unread again.' } })
    .input(notificationId)
    .mutation(({ ctx, input }) => setRead(ctx, input.notificationId, false)),

  markAllNotificationsRead: authedProcedure
    .meta({
      scope: 'notifications:write',
      mcp: { name: 'mark_all_notifications_read', kind: 'idempotent', description: 'Mark all your notifications as read; count is how many were unread.' },
    })
    .mutation(async ({ ctx }) => {
      const { count } = await ctx.db.notification.updateMany({ where: { userId: ctx.actor.user.id, readAt: null }, data: { readAt: new Date() } });
      if (count > 0) ctx.emit(userChannel(ctx.actor.user.id), notificationEvents.make('notification.read', { notificationId: null, read: true }));
      return { success: true, count };
    }),

  getNotificationPreferences: authedProcedure
    .meta({ scope: 'notifications:read' })
    .query(async ({ ctx }) => {
      const rows = await ctx.db.notificationPreference.findMany({ where: { userId: ctx.actor.user.id } });
      const off = new Set(rows.filter((r) => !r.enabled).map((r) => r.type));
      return { preferences: NOTIFICATION_TYPES.map((type) => ({ type, enabled: !off.has(type) })) };
    }),

  setNotificationPreference: authedProcedure
    .meta({ scope: 'notifications:write' })
    .input(z.object({ type: z.enum(NOTIFICATION_TYPES, { error: `must be one of ${NOTIFICATION_TYPES.join(', ')}` }), enabled: z.boolean({ error: 'must be true or false' }) }))
    .mutation(async ({ ctx, input }) => {
      const userId = ctx.actor.user.id;
      await ctx.db.notificationPreference.upsert({
        where: { userId_type: { userId, type: input.type } },
        create: { userId, type: input.type, enabled: input.enabled },
        update: { enabled: input.enabled },
      });
      ctx.emit(userChannel(userId), notificationEvents.make('notification.preferences.changed', input));
      return { preference: input };
    }),

  ...channelProcedures,
});

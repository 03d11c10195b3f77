// The signed-in user's notification channels (e-mail, webhook, ntfy): list with their delivery state, add, change,
// remove, send a test, retry what failed; and their time zone and reminder hour. Each user sees and changes only
// their own. Secrets (webhook signing secret, ntfy token) are write-only: the list says one is set, with its last
// four characters when it is long enough to keep the rest hidden.
import { z } from 'zod';
import { authedProcedure, type Context } from '~/trpc/init';
import type { Actor } from '~/auth/actor.server';
import { id } from '~/trpc/schemas';
import { badRequest, notFound } from '~/domain/errors';
import { userChannel } from '~/realtime/channels';
import { assertOutboundAllowed, OutboundRefusedError } from '~/geo/outbound-guard.server';
import { isTimeZone } from '~/areas/reservations/rules';
import type { NotificationChannel } from '~/generated/prisma/client';
import { notificationEvents } from '../events';
import { notificationTranslator } from '../render.server';
import { kickDelivery } from '../delivery.server';
import { NOTIFICATION_TYPES } from '../types';
import { ChannelError, sendToChannel } from './send.server';

type Ctx = Context & { actor: Actor };

export const CHANNEL_KINDS = ['email', 'webhook', 'ntfy'] as const;
export const DEFAULT_NTFY_SERVER = 'https://ntfy.sh';
const MAX_CHANNELS = 10;

const types = z
  .array(z.enum(NOTIFICATION_TYPES, { error: `each must be one of ${NOTIFICATION_TYPES.join(', ')}` }), { error: 'must be a list of notification types or null' })
  .max(NOTIFICATION_TYPES.length, `must list at most ${NOTIFICATION_TYPES.length} types`)
  .nullable()
  .optional();
const emailMode = z.enum(['immediate', 'digest'], { error: 'must be immediate or digest' });
const hour = z.number({ error: 'must be a whole hour from 0 to 23' }).int('must be a whole hour from 0 to 23').min(0, 'must be at least 0').max(23, 'must be at most 23');
const address = z.string({ error: 'must be an https:// address' }).trim().min(1, 'must not be empty').max(2000, 'must be at most 2000 characters');
const secret = z.string({ error: 'must be text' }).trim().max(500, 'must be at most 500 characters').nullable().optional();
const topic = z
  .string({ error: 'must be a topic name' })
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1–64 letters, digits, - or _');

const createInput = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('email'), emailMode: emailMode.default('immediate'), digestHour: hour.default(8), types }),
    z.object({ kind: z.literal('webhook'), url: address, secret, types }),
    z.object({ kind: z.literal('ntfy'), server: address.default(DEFAULT_NTFY_SERVER), topic, token: secret, types }),
  ],
  { error: 'kind: must be one of email, webhook, ntfy' },
);

const updateInput = z.object({
  channelId: id('channel'),
  enabled: z.boolean({ error: 'must be true or false' }).optional(),
  types,
  emailMode: emailMode.optional(),
  digestHour: hour.optional(),
  // the address, with the same rules as when the channel was added; a secret left out stays, null removes it
  url: address.optional(),
  secret,
  server: address.optional(),
  topic: topic.optional(),
  token: secret,
});

/** Which kind of channel each changeable address field belongs to (the e-mail settings have their own check). */
const FIELD_KIND = { url: 'webhook', secret: 'webhook', server: 'ntfy', topic: 'ntfy', token: 'ntfy' } as const;

const channelId = z.object({ channelId: id('channel') });

/** A webhook or ntfy address: https (http only where private addresses are allowed, i.e. a LAN or the tests), and not internal. */
async function checkAddress(ctx: Ctx, raw: string, field: string) {
  const allowPrivate = ctx.services.config.outboundAllowPrivate;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw badRequest('errors.channelUrlInvalid', `${field}: must be an https:// address`, { field });
  }
  if (url.protocol !== 'https:' && !(allowPrivate && url.protocol === 'http:')) throw badRequest('errors.channelUrlInvalid', `${field}: must be an https:// address`, { field });
  if (url.username || url.password) throw badRequest('errors.channelUrlInvalid', `${field}: must be an https:// address`, { field });
  try {
    await assertOutboundAllowed(url, allowPrivate);
  } catch (error) {
    // a name that does not resolve now may later: only internal addresses are refused here
    if (error instanceof OutboundRefusedError) {
      throw badRequest('errors.channelAddressRefused', `${field}: Waymark does not send to ${url.hostname} (${error.message})`, { field, host: url.hostname });
    }
  }
  return url.toString();
}

const hint = (value: string | null) => (value && value.length >= 12 ? `…${value.slice(-4)}` : null);

async function channelList(ctx: Ctx) {
  const userId = ctx.actor.user.id;
  const [channels, settings, counts, lastFailures] = await Promise.all([
    ctx.db.notificationChannel.findMany({ where: { userId }, orderBy: { id: 'asc' } }),
    ctx.db.notificationSettings.findUnique({ where: { userId } }),
    ctx.db.notificationDelivery.groupBy({ by: ['channelId', 'state'], where: { channel: { userId }, state: { in: ['pending', 'failed'] } }, _count: { _all: true } }),
    ctx.db.notificationDelivery.findMany({
      where: { channel: { userId }, state: 'failed' },
      orderBy: { id: 'desc' },
      distinct: ['channelId'],
      select: { channelId: true, lastError: true },
    }),
  ]);
  const count = (channel: number, state: string) => counts.find((c) => c.channelId === channel && c.state === state)?._count._all ?? 0;
  return {
    channels: channels.map((c) => channelJson(c, { pending: count(c.id, 'pending'), failed: count(c.id, 'failed'), failedError: lastFailures.find((f) => f.channelId === c.id)?.lastError ?? null })),
    settings: { timeZone: settings?.timeZone ?? 'UTC', reminderHour: settings?.reminderHour ?? 9, saved: settings !== null },
    mailConfigured: ctx.services.mail.configured,
  };
}

function channelJson(c: NotificationChannel, deliveries: { pending: number; failed: number; failedError: string | null } = { pending: 0, failed: 0, failedError: null }) {
  return {
    id: c.id,
    kind: c.kind as (typeof CHANNEL_KINDS)[number],
    enabled: c.enabled,
    url: c.url,
    topic: c.topic,
    emailMode: c.emailMode as 'immediate' | 'digest',
    digestHour: c.digestHour,
    types: c.allTypes ? null : c.types,
    secretSet: c.secret !== null,
    secretHint: hint(c.secret),
    lastStatus: c.lastStatus as 'sent' | 'failed' | null,
    lastError: c.lastError,
    lastAttemptAt: c.lastAttemptAt?.toISOString() ?? null,
    pending: deliveries.pending,
    failed: deliveries.failed,
    failedError: deliveries.failedError,
  };
}

async function ownChannel(ctx: Ctx, channelId: number) {
  const channel = await ctx.db.notificationChannel.findFirst({ where: { id: channelId, userId: ctx.actor.user.id } });
  if (!channel) throw notFound('Notification channel', channelId);
  return channel;
}

const changed = (ctx: Ctx) => ctx.emit(userChannel(ctx.actor.user.id), notificationEvents.make('notification.channels.changed', {}));

const typeFields = (list: readonly string[] | null | undefined) => (list === undefined ? {} : list === null ? { allTypes: true, types: [] } : { allTypes: false, types: [...new Set(list)] });

export const channelProcedures = {
  listNotificationChannels: authedProcedure.meta({ scope: 'notifications:read' }).query(({ ctx }) => channelList(ctx)),

  createNotificationChannel: authedProcedure
    .meta({ scope: 'notifications:write' })
    .input(createInput)
    .mutation(async ({ ctx, input }) => {
      const userId = ctx.actor.user.id;
      const existing = await ctx.db.notificationChannel.findMany({ where: { userId }, select: { kind: true } });
      if (existing.length >= MAX_CHANNELS) throw badRequest('errors.tooManyChannels', `You can have at most ${MAX_CHANNELS} notification channels`, { max: MAX_CHANNELS });
      let data;
      if (input.kind === 'email') {
        if (!ctx.services.mail.configured) throw badRequest('errors.mailNotConfigured', 'E-mail is not set up on this Waymark server (SMTP_URL); ask its administrator');
        if (existing.some((c) => c.kind === 'email')) throw badRequest('errors.emailChannelExists', 'You already have an e-mail channel; change that one');
        data = { kind: 'email', emailMode: input.emailMode, digestHour: input.digestHour };
      } else if (input.kind === 'webhook') {
        data = { kind: 'webhook', url: await checkAddress(ctx, input.url, 'url'), secret: input.secret || null };
      } else {
        data = { kind: 'ntfy', url: await checkAddress(ctx, input.server, 'server'), topic: input.topic, secret: input.token || null };
      }
      const channel = await ctx.db.notificationChannel.create({ data: { userId, ...data, ...typeFields(input.types) } });
      changed(ctx);
      return { channel: channelJson(channel) };
    }),

  updateNotificationChannel: authedProcedure
    .meta({ scope: 'notifications:write' })
    .input(updateInput)
    .mutation(async ({ ctx, input }) => {
      const channel = await ownChannel(ctx, input.channelId);
      if ((input.emailMode !== undefined || input.digestHour !== undefined) && channel.kind !== 'email') {
        throw badRequest('errors.emailOnlySetting', 'emailMode and digestHour: only an e-mail channel has them', { field: input.emailMode !== undefined ? 'emailMode' : 'digestHour' });
      }
      const foreign = (Object.keys(FIELD_KIND) as (keyof typeof FIELD_KIND)[]).find((field) => input[field] !== undefined && FIELD_KIND[field] !== channel.kind);
      if (foreign) {
        throw badRequest('errors.channelFieldOtherKind', `${foreign}: a ${channel.kind} channel has no such setting`, { field: foreign, kind: channel.kind });
      }
      const address = input.url ?? input.server;
      const newUrl = address === undefined ? undefined : await checkAddress(ctx, address, input.url !== undefined ? 'url' : 'server');
      const newSecret = channel.kind === 'webhook' ? input.secret : input.token;
      // a new address starts without the old one's delivery result
      const moved = (newUrl !== undefined && newUrl !== channel.url) || (input.topic !== undefined && input.topic !== channel.topic);
      const updated = await ctx.db.notificationChannel.update({
        where: { id: channel.id },
        data: {
          enabled: input.enabled,
          emailMode: input.emailMode,
          digestHour: input.digestHour,
          url: newUrl,
          topic: input.topic,
          secret: newSecret === undefined ? undefined : newSecret || null,
          ...(moved ? { lastStatus: null, lastError: null, lastAttemptAt: null } : {}),
          ...typeFields(input.types),
        },
      });
      changed(ctx);
      return { channel: channelJson(updated) };
    }),

  deleteNotificationChannel: authedProcedure
    .meta({ scope: 'notifications:write' })
    .input(channelId)
    .mutation(async ({ ctx, input }) => {
      const channel = await ownChannel(ctx, input.channelId);
      await ctx.db.notificationChannel.delete({ where: { id: channel.id } });
      changed(ctx);
      return { deleted: true };
    }),

  testNotificationChannel: authedProcedure
    .meta({ scope: 'notifications:write' })
    .input(channelId)
    .mutation(async ({ ctx, input }) => {
      const channel = await ownChannel(ctx, input.channelId);
      const t = await notificationTranslator(ctx.actor.user.language);
      const text = t('channels.testText') as string;
      const link = new URL('/settings/notifications', ctx.services.config.appUrl).toString();
      const now = new Date();
      let error: string | null = null;
      try {
        await sendToChannel(ctx.services, channel, ctx.actor.user, { subject: t('channels.subject', { text }), text, link, payload: { type: 'test', text, link, trip: null } }, now);
      } catch (e) {
        error = e instanceof ChannelError ? e.message : 'the test could not be sent';
      }
      // the test counts as the channel's last delivery attempt
      await ctx.db.notificationChannel.update({ where: { id: channel.id }, data: { lastStatus: error ? 'failed' : 'sent', lastError: error, lastAttemptAt: now } });
      changed(ctx);
      return { ok: error === null, error };
    }),

  retryNotificationDeliveries: authedProcedure
    .meta({ scope: 'notifications:write' })
    .input(channelId)
    .mutation(async ({ ctx, input }) => {
      const channel = await ownChannel(ctx, input.channelId);
      const now = new Date();
      // failed ones start over; pending ones waiting for their next attempt go now (a digest keeps its hour)
      const failed = await ctx.db.notificationDelivery.updateMany({
        where: { channelId: channel.id, state: 'failed' },
        data: { state: 'pending', attempts: 0, nextAttemptAt: now },
      });
      const waiting = await ctx.db.notificationDelivery.updateMany({
        where: { channelId: channel.id, state: 'pending', attempts: { gt: 0 }, nextAttemptAt: { gt: now } },
        data: { nextAttemptAt: now },
      });
      kickDelivery();
      changed(ctx);
      return { count: failed.count + waiting.count };
    }),

  setNotificationSettings: authedProcedure
    .meta({ scope: 'notifications:write' })
    .input(
      z.object({
        timeZone: z.string({ error: 'must be an IANA time zone such as Europe/Paris' }).trim().min(1, 'must not be empty').max(64, 'must be at most 64 characters'),
        reminderHour: hour,
      }),
    )
    .mutation(async ({ ctx, input }) => {
      if (!isTimeZone(input.timeZone)) throw badRequest('errors.unknownTimeZone', `timeZone: ${input.timeZone} is not an IANA time zone such as Europe/Paris`, { field: 'timeZone', zone: input.timeZone });
      const userId = ctx.actor.user.id;
      await ctx.db.notificationSettings.upsert({ where: { userId }, create: { userId, ...input }, update: input });
      changed(ctx);
      return { settings: { ...input, saved: true } };
    }),
};

// Editing a notification channel in place (issue 19): a webhook's URL and secret, an ntfy server, topic and token,
// with the same rules as when adding (https, the outbound guard, topic names); a field of another kind of channel is
// refused; a new address forgets the old one's delivery result; the next test goes to the new address.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { procedureSuite } from '../helpers/procedure-suite';
import { expectTrpcError } from '../helpers/users';

/** A local webhook receiver recording the paths it was sent to. */
let receiver: http.Server;
let receiverUrl = '';
const paths: string[] = [];
beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    paths.push(req.url ?? '');
    req.resume();
    req.on('end', () => res.writeHead(200).end());
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

const suite = procedureSuite([{ displayName: 'Anna' }, { displayName: 'Ben' }], () => ({ OUTBOUND_ALLOW_PRIVATE: 'true' }));

describe('editing a notification channel', () => {
  it('changes a webhook’s URL and secret in place; the next test goes to the new URL', async () => {
    const [anna] = suite.users;
    const db = suite.server.services.db;
    const { channel } = await anna.trpc.notifications.createNotificationChannel.mutate({ kind: 'webhook', url: `${receiverUrl}/old`, secret: 'old-secret-1234' });
    await db.notificationChannel.update({ where: { id: channel.id }, data: { lastStatus: 'failed', lastError: 'old address answered HTTP 500', lastAttemptAt: new Date() } });
    suite.clearEvents();

    const { channel: edited } = await anna.trpc.notifications.updateNotificationChannel.mutate({ channelId: channel.id, url: `${receiverUrl}/new`, secret: 'new-secret-98765', types: ['mention'] });
    expect(edited).toMatchObject({ id: channel.id, url: `${receiverUrl}/new`, secretHint: '…8765', types: ['mention'], lastStatus: null, lastError: null });
    expect(suite.events).toEqual([expect.objectContaining({ event: 'notification.channels.changed' })]);
    // Left out, the secret stays; null removes it.
    expect((await anna.trpc.notifications.updateNotificationChannel.mutate({ channelId: channel.id, enabled: false })).channel.secretHint).toBe('…8765');
    expect((await anna.trpc.notifications.updateNotificationChannel.mutate({ channelId: channel.id, secret: null })).channel.secretSet).toBe(false);

    expect(await anna.trpc.notifications.testNotificationChannel.mutate({ channelId: channel.id })).toEqual({ ok: true, error: null });
    expect(paths).toContain('/new');
    expect(paths).not.toContain('/old');
  });

  it('changes an ntfy server, topic and token', async () => {
    const [anna] = suite.users;
    const { channel } = await anna.trpc.notifications.createNotificationChannel.mutate({ kind: 'ntfy', server: receiverUrl, topic: 'trips' });
    const { channel: edited } = await anna.trpc.notifications.updateNotificationChannel.mutate({ channelId: channel.id, server: `${receiverUrl}/ntfy`, topic: 'family-trips', token: 'tk_abcdefghijkl' });
    expect(edited).toMatchObject({ url: `${receiverUrl}/ntfy`, topic: 'family-trips', secretHint: '…ijkl' });
  });

  it('refuses what adding refuses, a field of another kind of channel and someone else’s channel: nothing changed', async () => {
    const [anna, ben] = suite.users;
    const db = suite.server.services.db;
    const { channel: hook } = await anna.trpc.notifications.createNotificationChannel.mutate({ kind: 'webhook', url: `${receiverUrl}/keep` });
    const { channel: ntfy } = await anna.trpc.notifications.createNotificationChannel.mutate({ kind: 'ntfy', server: receiverUrl, topic: 'keep' });
    const before = await db.notificationChannel.findMany({ where: { userId: anna.user.id }, orderBy: { id: 'asc' } });
    const config = suite.server.services.config as { outboundAllowPrivate: boolean };
    config.outboundAllowPrivate = false;
    try {
      const refused = await expectTrpcError(anna.trpc.notifications.updateNotificationChannel.mutate({ channelId: hook.id, url: 'https://127.0.0.1/hook' }));
      expect(refused).toMatchObject({ code: 'BAD_REQUEST', data: { i18n: { key: 'errors.channelAddressRefused' } } });
      const plain = await expectTrpcError(anna.trpc.notifications.updateNotificationChannel.mutate({ channelId: hook.id, url: 'http://hooks.example.test/x' }));
      expect(plain).toMatchObject({ code: 'BAD_REQUEST', message: 'url: must be an https:// address' });
      const server = await expectTrpcError(anna.trpc.notifications.updateNotificationChannel.mutate({ channelId: ntfy.id, server: 'https://10.0.0.1' }));
      expect(server).toMatchObject({ code: 'BAD_REQUEST', data: { i18n: { key: 'errors.channelAddressRefused', params: { field: 'server' } } } });
    } finally {
      config.outboundAllowPrivate = true;
    }
    const topic = await expectTrpcError(anna.trpc.notifications.updateNotificationChannel.mutate({ channelId: ntfy.id, topic: 'no spaces' }));
    expect(topic).toMatchObject({ code: 'BAD_REQUEST' });
    expect(topic.message).toContain('topic: must be 1–64 letters');
    const empty = await expectTrpcError(anna.trpc.notifications.updateNotificationChannel.mutate({ channelId: hook.id, url: ' ' }));
    expect(empty.message).toContain('url: must not be empty');
    const other = await expectTrpcError(anna.trpc.notifications.updateNotificationChannel.mutate({ channelId: hook.id, topic: 'trips' }));
    expect(other).toMatchObject({ code: 'BAD_REQUEST', message: 'topic: a webhook channel has no such setting', data: { i18n: { key: 'errors.channelFieldOtherKind', params: { field: 'topic', kind: 'webhook' } } } });
    const notMine = await expectTrpcError(ben.trpc.notifications.updateNotificationChannel.mutate({ channelId: hook.id, url: `${receiverUrl}/ben` }));
    expect(notMine.code).toBe('NOT_FOUND');
    expect(await db.notificationChannel.findMany({ where: { userId: anna.user.id }, orderBy: { id: 'asc' } })).toEqual(before);
  });
});

// Notification channels through a real server, a real database, a real SMTP server (the catcher) and a local HTTP
// server standing in for webhooks and ntfy: a notification reaches each enabled channel (body, signature, headers),
// failures are retried with backoff (time driven by passing `now`) and end as "failed", shown in the list, until
// "retry now"; the daily digest is one e-mail; "send test"; bad or internal addresses are refused, nothing written.
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TestServer } from '../helpers/server';
import { procedureSuite, type TestUser } from '../helpers/procedure-suite';
import { expectTrpcError } from '../helpers/users';
import { startSmtpCatcher, type SmtpCatcher } from '../helpers/smtp-catcher';
import { BACKOFF_MS, deliverDue, nextDigestAt } from '~/areas/notifications/delivery.server';

interface Hit {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A local HTTP server that records every request and answers with `status`. */
async function startFakeReceiver() {
  const hits: Hit[] = [];
  const waiters: Array<{ match: (hit: Hit) => boolean; resolve: (hit: Hit) => void }> = [];
  const receiver = {
    status: 200,
    hits,
    url: '',
    waitFor(match: (hit: Hit) => boolean) {
      const seen = hits.find(match);
      return seen ? Promise.resolve(seen) : new Promise<Hit>((resolve) => waiters.push({ match, resolve }));
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const hit = { path: req.url ?? '', headers: req.headers, body };
      hits.push(hit);
      res.writeHead(receiver.status).end();
      for (const waiter of [...waiters]) {
        if (waiter.match(hit)) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(hit);
        }
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return receiver;
}

let smtp: SmtpCatcher;
let receiver: Awaited<ReturnType<typeof startFakeReceiver>>;
beforeAll(async () => {
  smtp = await startSmtpCatcher();
  receiver = await startFakeReceiver();
});
afterAll(async () => {
  await smtp?.close();
  await receiver?.close();
});

const suite = procedureSuite([{ displayName: 'Anna' }, { displayName: 'Ben' }], () => ({
  SMTP_URL: smtp.url,
  MAIL_FROM: 'Waymark <waymark@example.test>',
  OUTBOUND_ALLOW_PRIVATE: 'true',
}));
let server: TestServer;
let anna: TestUser, ben: TestUser;
beforeAll(() => {
  ({ server, users: [anna, ben] } = suite);
});
beforeEach(async () => {
  receiver.status = 200;
  await server.services.db.notificationChannel.deleteMany({});
  await server.services.db.notificationSettings.deleteMany({});
});

/** anna adds ben to a new trip: ben is notified (trip_added). */
async function addBenToTrip(title: string) {
  const { trip } = await anna.trpc.trips.createTrip.mutate({ title });
  await anna.trpc.members.addTripMember.mutate({ tripId: trip.id, identifier: ben.user.email });
  const notification = await server.services.db.notification.findFirstOrThrow({ where: { userId: ben.user.id, tripId: trip.id } });
  return { tripId: trip.id, notification };
}

const deliveryOf = (notificationId: number) => server.services.db.notificationDelivery.findFirstOrThrow({ where: { notificationId } });

describe('delivery to each kind of channel', () => {
  it('webhook: JSON with type, text, absolute link, trip and time, signed with the secret', async () => {
    const url = `${receiver.url}/hooks/ben`;
    await ben.trpc.notifications.createNotificationChannel.mutate({ kind: 'webhook', url, secret: 'a-long-shared-secret' });
    const { tripId } = await addBenToTrip('Oslo');
    const hit = await receiver.waitFor((h) => h.path === '/hooks/ben' && h.body.includes(`"id":${tripId}`));
    const body = JSON.parse(hit.body);
    expect(body).toEqual({
      type: 'trip_added',
      text: 'Anna added you to the trip “Oslo”',
      link: `${server.services.config.appUrl}/trips/${tripId}`,
      trip: { id: tripId, title: 'Oslo' },
      createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });
    expect(hit.headers['content-type']).toBe('application/json');
    const expected = `sha256=${crypto.createHmac('sha256', 'a-long-shared-secret').update(hit.body).digest('hex')}`;
    expect(hit.headers['x-waymark-signature']).toBe(expected);
    // and the list says it went out, and never shows the secret
    await vi.waitFor(async () => expect((await ben.trpc.notifications.listNotificationChannels.query()).channels[0].lastStatus).toBe('sent'));
    const { channels } = await ben.trpc.notifications.listNotificationChannels.query();
    expect(channels[0]).toMatchObject({ kind: 'webhook', url, secretSet: true, secretHint: '…cret', pending: 0, failed: 0 });
    expect(JSON.stringify(channels)).not.toContain('a-long-shared-secret');
  });

  it('ntfy: the text as the body, the title, click link and token as headers, in the reader’s language', async () => {
    await server.services.db.user.update({ where: { id: ben.user.id }, data: { language: 'de' } });
    try {
      await ben.trpc.notifications.createNotificationChannel.mutate({ kind: 'ntfy', server: `${receiver.url}/ntfy`, topic: 'ben-trips', token: 'tk_secret_token_1234' });
      const { tripId } = await addBenToTrip('Bergen');
      const hit = await receiver.waitFor((h) => h.path === '/ntfy/ben-trips' && h.body.includes('Bergen'));
      expect(hit.body).toBe('Anna hat dich zur Reise „Bergen“ hinzugefügt');
      expect(hit.headers.authorization).toBe('Bearer tk_secret_token_1234');
      expect(hit.headers.click).toBe(`${server.services.config.appUrl}/trips/${tripId}`);
      // the title is not plain ASCII here („“): RFC 2047-encoded
      const title = String(hit.headers.title);
      expect(Buffer.from(title.replace(/^=\?UTF-8\?B\?|\?=$/g, ''), 'base64').toString('utf8')).toBe('Waymark: Anna hat dich zur Reise „Bergen“ hinzugefügt');
    } finally {
      await server.services.db.user.update({ where: { id: ben.user.id }, data: { language: 'en' } });
    }
  });

  it('e-mail right away: to the account’s address, with the link', async () => {
    await ben.trpc.notifications.createNotificationChannel.mutate({ kind: 'email' });
    const { tripId } = await addBenToTrip('Tromsø');
    const mail = await smtp.waitFor(ben.user.email, (m) => m.subject.includes('Tromsø'));
    expect(mail.subject).toBe('Waymark: Anna added you to the trip “Tromsø”');
    expect(mail.text).toContain(`${server.services.config.appUrl}/trips/${tripId}`);
  });

  it('only the chosen types: a channel for mentions gets no trip_added; a disabled channel gets nothing', async () => {
    await ben.trpc.notifications.createNotificationChannel.mutate({ kind: 'webhook', url: `${receiver.url}/typed`, types: ['mention'] });
    const { channel } = await ben.trpc.notifications.createNotificationChannel.mutate({ kind: 'webhook', url: `${receiver.url}/off` });
    await ben.trpc.notifications.updateNotificationChannel.mutate({ channelId: channel.id, enabled: false });
    const { notification } = await addBenToTrip('Narvik');
    expect(await server.services.db.notificationDelivery.count({ where: { notificationId: notification.id } })).toBe(0);
  });
});

describe('failures are retried with backoff and never lost silently', () => {
  it('a failing webhook: retried after 1 min, 5, 30, 2 h, 12 h, then failed and shown with its error; retry now delivers it', async () => {
    receiver.status = 503;
    const { channel } = await ben.trpc.notifications.createNotificationChannel.mutate({ kind: 'webhook', url: `${receiver.url}/flaky` });
    const { notification } = await addBenToTrip('Lofoten');
    // the first attempt runs right away (the delivery loop, kicked by notify)
    await vi.waitFor(async () => expect(await deliveryOf(notification.id)).toMatchObject({ attempts: 1, state: 'pending' }), { timeout: 15_000 });
    let row = await deliveryOf(notification.id);
    expect(row.lastError).toBe('127.0.0.1 answered HTTP 503');
    for (let attempt = 1; attempt <= BACKOFF_MS.length; attempt++) {
      const due = row.nextAttemptAt;
      // not yet: a second before it is due nothing is tried
      expect((await deliverDue(server.services, new Date(due.getTime() - 1000))).tried).toBe(0);
      const before = row;
      expect((await deliverDue(server.services, due)).failed).toBe(1);
      row = await deliveryOf(notification.id);
      expect(row.attempts).toBe(before.attempts + 1);
      if (attempt < BACKOFF_MS.length) expect(row.nextAttemptAt.getTime() - due.getTime()).toBe(BACKOFF_MS[attempt]);
    }
    expect(row).toMatchObject({ state: 'failed', attempts: BACKOFF_MS.length + 1, lastError: '127.0.0.1 answered HTTP 503' });
    const listed = (await ben.trpc.notifications.listNotificationChannels.query()).channels.find((c) => c.id === channel.id)!;
    expect(listed).toMatchObject({ failed: 1, pending: 0, lastStatus: 'failed', failedError: '127.0.0.1 answered HTTP 503', lastError: '127.0.0.1 answered HTTP 503' });

    receiver.status = 200;
    expect(await ben.trpc.notifications.retryNotificationDeliveries.mutate({ channelId: channel.id })).toEqual({ count: 1 });
    await vi.waitFor(async () => expect((await deliveryOf(notification.id)).state).toBe('sent'), { timeout: 15_000 });
    expect((await ben.trpc.notifications.listNotificationChannels.query()).channels[0]).toMatchObject({ failed: 0, lastStatus: 'sent', lastError: null });
  });

  it('an e-mail the server refuses (451) is sent on the next attempt', async () => {
    await ben.trpc.notifications.createNotificationChannel.mutate({ kind: 'email' });
    smtp.refuseNext(1);
    const { notification } = await addBenToTrip('Ålesund');
    await vi.waitFor(async () => expect((await deliveryOf(notification.id)).attempts).toBe(1), { timeout: 15_000 });
    const row = await deliveryOf(notification.id);
    expect(row).toMatchObject({ state: 'pending', lastError: 'The mail server did not accept the message (451)' });
    await deliverDue(server.services, row.nextAttemptAt);
    expect((await deliveryOf(notification.id)).state).toBe('sent');
    expect((await smtp.waitFor(ben.user.email, (m) => m.subject.includes('Ålesund'))).subject).toBe('Waymark: Anna added you to the trip “Ålesund”');
  });
});

describe('daily digest', () => {
  it('one e-mail a day at the chosen hour in the user’s time zone, with the day’s notifications', async () => {
    await ben.trpc.notifications.setNotificationSettings.mutate({ timeZone: 'Asia/Tokyo', reminderHour: 9 });
    await ben.trpc.notifications.createNotificationChannel.mutate({ kind: 'email', emailMode: 'digest', digestHour: 7 });
    const first = await addBenToTrip('Kyoto');
    const second = await addBenToTrip('Nara');
    const rows = await Promise.all([deliveryOf(first.notification.id), deliveryOf(second.notification.id)]);
    const at = nextDigestAt(rows[0].createdAt, 7, 'Asia/Tokyo');
    expect(at.toISOString().slice(11, 16)).toBe('22:00'); // 07:00 in Tokyo is 22:00 UTC the day before
    for (const row of rows) expect(Math.abs(row.nextAttemptAt.getTime() - at.getTime())).toBeLessThan(86_400_000);
    const sendAt = new Date(Math.max(...rows.map((r) => r.nextAttemptAt.getTime())));
    expect(await deliverDue(server.services, sendAt)).toEqual({ tried: 1, failed: 0 });
    const mail = await smtp.waitFor(ben.user.email, (m) => m.subject.startsWith('Waymark: your daily summary'));
    expect(mail.subject).toBe('Waymark: your daily summary (2)');
    expect(mail.text).toContain('Anna added you to the trip “Kyoto”');
    expect(mail.text).toContain('Anna added you to the trip “Nara”');
  });
});

describe('send test', () => {
  it('answers whether the test arrived, with the reason when not', async () => {
    const { channel } = await ben.trpc.notifications.createNotificationChannel.mutate({ kind: 'webhook', url: `${receiver.url}/test` });
    expect(await ben.trpc.notifications.testNotificationChannel.mutate({ channelId: channel.id })).toEqual({ ok: true, error: null });
    const hit = await receiver.waitFor((h) => h.path === '/test');
    expect(JSON.parse(hit.body)).toMatchObject({ type: 'test', text: 'This is a test from Waymark: this channel works.' });
    receiver.status = 500;
    expect(await ben.trpc.notifications.testNotificationChannel.mutate({ channelId: channel.id })).toEqual({ ok: false, error: '127.0.0.1 answered HTTP 500' });
    // someone else's channel: not found
    expect((await expectTrpcError(anna.trpc.notifications.testNotificationChannel.mutate({ channelId: channel.id }))).code).toBe('NOT_FOUND');
  });
});

describe('bad input: a clear error, nothing written', () => {
  it('refuses internal addresses (the outbound guard), non-https addresses, bad topics, a second e-mail channel', async () => {
    const config = server.services.config as { outboundAllowPrivate: boolean };
    config.outboundAllowPrivate = false;
    try {
      const refused = await expectTrpcError(ben.trpc.notifications.createNotificationChannel.mutate({ kind: 'webhook', url: 'https://127.0.0.1/hook' }));
      expect(refused).toMatchObject({ code: 'BAD_REQUEST', data: { i18n: { key: 'errors.channelAddressRefused' } } });
      expect(refused.message).toContain('Waymark does not send to 127.0.0.1');
      const plain = await expectTrpcError(ben.trpc.notifications.createNotificationChannel.mutate({ kind: 'webhook', url: 'http://hooks.example.test/x' }));
      expect(plain).toMatchObject({ code: 'BAD_REQUEST', message: 'url: must be an https:// address' });
    } finally {
      config.outboundAllowPrivate = true;
    }
    const topic = await expectTrpcError(ben.trpc.notifications.createNotificationChannel.mutate({ kind: 'ntfy', topic: 'no spaces' }));
    expect(topic.message).toContain('topic: must be 1–64 letters');
    await ben.trpc.notifications.createNotificationChannel.mutate({ kind: 'email' });
    const second = await expectTrpcError(ben.trpc.notifications.createNotificationChannel.mutate({ kind: 'email', emailMode: 'digest' }));
    expect(second).toMatchObject({ code: 'BAD_REQUEST', data: { i18n: { key: 'errors.emailChannelExists' } } });
    const zone = await expectTrpcError(ben.trpc.notifications.setNotificationSettings.mutate({ timeZone: 'Mars/Olympus', reminderHour: 9 }));
    expect(zone).toMatchObject({ code: 'BAD_REQUEST', data: { i18n: { key: 'errors.unknownTimeZone' } } });
    expect(await server.services.db.notificationChannel.count()).toBe(1);
    expect(await server.services.db.notificationSettings.count()).toBe(0);
  });
});

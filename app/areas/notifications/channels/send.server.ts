// Sends one message to one channel: an e-mail to the account's address (services.mail), a signed JSON POST to a
// webhook, or a POST to an ntfy topic. Webhook and ntfy requests go through the outbound guard (private addresses are
// refused unless OUTBOUND_ALLOW_PRIVATE). A failure throws ChannelError with a short reason that is safe to show the
// user and to store (never the secret, never the SMTP URL).
import crypto from 'node:crypto';
import { MailError } from '~/mail/mailer.server';
import type { Services } from '~/services/types.server';
import { guardedFetch, outboundFailureReason } from '~/geo/outbound-guard.server';

export class ChannelError extends Error {}

export interface ChannelTarget {
  kind: string;
  url: string | null;
  topic: string | null;
  secret: string | null;
}

/** What goes out: one notification, several (the digest), or a test message. */
export interface OutgoingMessage {
  /** the e-mail's subject and the ntfy title */
  subject: string;
  /** the plain text (for a digest, one line per notification) */
  text: string;
  /** absolute link to the thing, if any */
  link: string | null;
  /** the webhook's JSON body (without createdAt, added here) */
  payload: { type: string; text: string; link: string | null; trip: { id: number; title: string } | null; createdAt?: string };
}

const TIMEOUT_MS = 10_000;
const USER_AGENT = 'Waymark trip planner (self-hosted)';

/** The signature header's value: HMAC-SHA256 of the exact body with the channel's secret, hex, prefixed "sha256=". */
export function signBody(secret: string, body: string) {
  return `sha256=${crypto.createHmac('sha256', secret).update(body).digest('hex')}`;
}

async function post(services: Services, url: URL, body: string, headers: Record<string, string>) {
  let response: Response;
  try {
    response = await guardedFetch(
      url,
      { method: 'POST', body, headers: { 'User-Agent': USER_AGENT, ...headers }, signal: AbortSignal.timeout(TIMEOUT_MS) },
      { allowPrivate: services.config.outboundAllowPrivate },
    );
  } catch (error) {
    throw new ChannelError(outboundFailureReason(error, url, TIMEOUT_MS));
  }
  if (!response.ok) throw new ChannelError(`${url.hostname} answered HTTP ${response.status}`);
}

export async function sendToChannel(services: Services, channel: ChannelTarget, to: { email: string }, message: OutgoingMessage, createdAt: Date) {
  if (channel.kind === 'email') {
    try {
      const text = message.link ? `${message.text}\n\n${message.link}` : message.text;
      await services.mail.send({ to: to.email, subject: message.subject, text });
    } catch (error) {
      throw new ChannelError(error instanceof MailError ? error.message : 'the e-mail could not be sent');
    }
    return;
  }
  if (channel.kind === 'webhook') {
    const body = JSON.stringify({ ...message.payload, createdAt: createdAt.toISOString() });
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (channel.secret) headers['X-Waymark-Signature'] = signBody(channel.secret, body);
    await post(services, new URL(channel.url!), body, headers);
    return;
  }
  if (channel.kind === 'ntfy') {
    const url = new URL(`${channel.url!.replace(/\/+$/, '')}/${encodeURIComponent(channel.topic!)}`);
    // ntfy reads headers as latin-1: a title with other characters is sent RFC 2047-encoded, which ntfy decodes.
    const headers: Record<string, string> = { 'Content-Type': 'text/plain; charset=utf-8', Title: headerText(message.subject) };
    if (message.link) headers.Click = message.link;
    if (channel.secret) headers.Authorization = `Bearer ${channel.secret}`;
    await post(services, url, message.text, headers);
    return;
  }
  throw new ChannelError(`unknown channel kind ${channel.kind}`);
}

function headerText(text: string) {
  return /^[\x20-\x7e]*$/.test(text) ? text : `=?UTF-8?B?${Buffer.from(text, 'utf8').toString('base64')}?=`;
}

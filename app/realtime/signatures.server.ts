// Pusher protocol signatures, shared by the embedded server (which verifies them) and the tests.
// Channel auth:  "<key>:" + hex HMAC-SHA256(secret, "<socket_id>:<channel>[:<channel_data>]")
// User auth:     "<key>:" + hex HMAC-SHA256(secret, "<socket_id>::user::<user_data>")  (pusher:signin)
// HTTP API:      auth_signature = hex HMAC-SHA256(secret, "<METHOD>\n<path>\n<sorted query without auth_signature>")
import crypto from 'node:crypto';

export const SOCKET_ID = /^\d+\.\d+$/;
/** Characters Pusher allows in channel names (max 200 long). */
export const CHANNEL_NAME = /^[A-Za-z0-9_\-=@,.;]{1,200}$/;
/** Largest event data Pusher accepts (10 KB). */
export const MAX_EVENT_DATA_BYTES = 10 * 1024;
/** HTTP API requests whose auth_timestamp is further than this from now are refused. */
export const MAX_CLOCK_SKEW_SECONDS = 600;

export function hmacHex(secret: string, data: string) {
  return crypto.createHmac('sha256', secret).update(data, 'utf8').digest('hex');
}

export function md5Hex(body: Buffer | string) {
  return crypto.createHash('md5').update(body).digest('hex');
}

/** Constant-time comparison of two strings of possibly different length. */
export function safeEqual(a: string, b: string) {
  const ab = Buffer.from(a, 'utf8');
  const bb = Buffer.from(b, 'utf8');
  if (ab.length !== bb.length) {
    crypto.timingSafeEqual(ab, ab);
    return false;
  }
  return crypto.timingSafeEqual(ab, bb);
}

export function newSocketId() {
  const part = () => crypto.randomInt(1, 2 ** 47).toString();
  return `${part()}.${part()}`;
}

export function channelAuthSignature(secret: string, socketId: string, channel: string, channelData?: string) {
  return hmacHex(secret, channelData === undefined ? `${socketId}:${channel}` : `${socketId}:${channel}:${channelData}`);
}

/** The `auth` string a client presents when subscribing to a private or presence channel. */
export function channelAuth(key: string, secret: string, socketId: string, channel: string, channelData?: string) {
  return `${key}:${channelAuthSignature(secret, socketId, channel, channelData)}`;
}

export function verifyChannelAuth(
  key: string,
  secret: string,
  input: { socketId: string; channel: string; auth: unknown; channelData?: unknown },
) {
  if (typeof input.auth !== 'string') return false;
  const colon = input.auth.indexOf(':');
  if (colon < 0 || !safeEqual(input.auth.slice(0, colon), key)) return false;
  if (input.channelData !== undefined && typeof input.channelData !== 'string') return false;
  const expected = channelAuthSignature(secret, input.socketId, input.channel, input.channelData as string | undefined);
  return safeEqual(input.auth.slice(colon + 1), expected);
}

export function sortedQueryString(params: Record<string, string>) {
  return Object.keys(params)
    .map((k) => [k.toLowerCase(), params[k]] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
}

/** Signs an HTTP API request the way the `pusher` SDK does; returns the full query string. Used by tests and tools. */
export function signApiRequest(options: {
  key: string;
  secret: string;
  method: string;
  path: string;
  body?: string;
  timestamp?: number;
  params?: Record<string, string>;
}) {
  const params: Record<string, string> = {
    auth_key: options.key,
    auth_timestamp: String(options.timestamp ?? Math.floor(Date.now() / 1000)),
    auth_version: '1.0',
    ...(options.body !== undefined ? { body_md5: md5Hex(options.body) } : {}),
    ...options.params,
  };
  const query = sortedQueryString(params);
  const signature = hmacHex(options.secret, `${options.method.toUpperCase()}\n${options.path}\n${query}`);
  return `${query}&auth_signature=${signature}`;
}

export type ApiAuthFailure = { status: 401; message: string };

/** Checks key, version, timestamp window, body_md5 and signature of an HTTP API request. */
export function verifyApiRequest(options: {
  key: string;
  secret: string;
  method: string;
  path: string;
  query: Record<string, unknown>;
  body: Buffer;
  now?: number;
}): ApiAuthFailure | null {
  const params: Record<string, string> = {};
  for (const [k, v] of Object.entries(options.query)) {
    if (typeof v !== 'string') return { status: 401, message: `Query parameter ${k} must appear once` };
    if (k !== 'auth_signature') params[k] = v;
  }
  const signature = options.query.auth_signature;
  if (typeof signature !== 'string' || !params.auth_key || !params.auth_timestamp) {
    return { status: 401, message: 'Missing auth_key, auth_timestamp or auth_signature' };
  }
  if (!safeEqual(params.auth_key, options.key)) return { status: 401, message: 'Unknown auth_key' };
  if (params.auth_version && params.auth_version !== '1.0') return { status: 401, message: 'Unsupported auth_version' };
  const timestamp = Number(params.auth_timestamp);
  const now = options.now ?? Date.now() / 1000;
  if (!Number.isFinite(timestamp) || Math.abs(now - timestamp) > MAX_CLOCK_SKEW_SECONDS) {
    return { status: 401, message: `Timestamp expired: given ${params.auth_timestamp}, allowed skew ${MAX_CLOCK_SKEW_SECONDS} s` };
  }
  if (options.body.length > 0) {
    if (!params.body_md5 || !safeEqual(params.body_md5, md5Hex(options.body))) {
      return { status: 401, message: 'body_md5 does not match the body' };
    }
  }
  const expected = hmacHex(options.secret, `${options.method.toUpperCase()}\n${options.path}\n${sortedQueryString(params)}`);
  if (!safeEqual(signature, expected)) return { status: 401, message: 'Invalid signature' };
  return null;
}

export function userAuthSignature(secret: string, socketId: string, userData: string) {
  return hmacHex(secret, `${socketId}::user::${userData}`);
}

/** The `auth` string of a pusher:signin. */
export function userAuth(key: string, secret: string, socketId: string, userData: string) {
  return `${key}:${userAuthSignature(secret, socketId, userData)}`;
}

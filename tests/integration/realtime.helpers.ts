// Real pusher-js clients in Node against a TestServer's embedded Pusher server, authorized through /api/realtime/auth.
import Pusher from 'pusher-js';
import type { Channel } from 'pusher-js';
import type { RunningServer } from '../../server.ts';
import type { WaymarkRealtime } from '~/realtime/create.server';

export function realtimeOfServer(server: RunningServer) {
  return server.services.realtime as unknown as WaymarkRealtime;
}

export interface Received {
  event: string;
  data: Record<string, unknown>;
  at: number;
}

/** Asks the auth route for a signature with the given cookie, as the browser would. */
export async function authorize(server: RunningServer, cookie: string | undefined, socketId: string, channelName: string) {
  return fetch(`${server.url}/api/realtime/auth`, {
    method: 'POST',
    headers: {
      ...(cookie ? { Cookie: cookie } : {}),
      Origin: server.url,
      'Content-Type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({ socket_id: socketId, channel_name: channelName }),
  });
}

export async function connectClient(
  server: RunningServer,
  cookie?: string,
  options: { forgeAuth?: boolean } = {},
): Promise<Pusher> {
  const rt = realtimeOfServer(server);
  const client = new Pusher(rt.clientConfig.key, {
    cluster: 'local',
    wsHost: '127.0.0.1',
    wsPort: server.port,
    forceTLS: false,
    enabledTransports: ['ws'],
    disableStats: true,
    channelAuthorization: {
      endpoint: '/unused',
      transport: 'ajax',
      customHandler: ({ socketId, channelName }, callback) => {
        if (options.forgeAuth) {
          callback(null, { auth: `${rt.clientConfig.key}:${'0'.repeat(64)}` });
          return;
        }
        authorize(server, cookie, socketId, channelName)
          .then(async (res) => {
            if (!res.ok) callback(new Error(`auth refused with ${res.status}`), null);
            else callback(null, await res.json());
          })
          .catch((error: Error) => callback(error, null));
      },
    },
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('pusher-js did not connect')), 5000);
    client.connection.bind('connected', () => {
      clearTimeout(timer);
      resolve();
    });
  });
  return client;
}

/** Subscribes and waits for success; rejects with the subscription error. */
export function subscribe(client: Pusher, channelName: string): Promise<Channel> {
  const channel = client.subscribe(channelName);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer subscribing to ${channelName}`)), 5000);
    channel.bind('pusher:subscription_succeeded', () => {
      clearTimeout(timer);
      resolve(channel);
    });
    channel.bind('pusher:subscription_error', (error: unknown) => {
      clearTimeout(timer);
      reject(Object.assign(new Error('subscription refused'), { detail: error }));
    });
  });
}

/** Collects every non-internal event of a channel. */
export function record(channel: Channel): Received[] {
  const got: Received[] = [];
  channel.bind_global((event: string, data: Record<string, unknown>) => {
    if (!event.startsWith('pusher:') && !event.startsWith('pusher_internal:')) got.push({ event, data, at: Date.now() });
  });
  return got;
}

export async function waitFor<T>(check: () => T | undefined | false, timeoutMs = 3000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() - start > timeoutMs) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// Realtime wiring behind one publisher interface.
// Hosted (PUSHER_* set): the `pusher` SDK talks to Pusher Channels or a Pusher-compatible server with the credentials.
// Embedded (default): random app id/key/secret per process; the embedded server is mounted on the app's own port (its
// Pusher HTTP events API stays open for outside triggers) and Waymark's own events are handed to it in-process.
import http from 'node:http';
import type Pusher from 'pusher';
import type { Config } from '~/env.server';
import type { HttpHook, RealtimePublisher, Services } from '~/services/types.server';
import { log } from '~/utils/log.server';
import { EmbeddedPusherServer, newRealtimeCredentials } from './embedded-server.server';
import { createInProcessPublisher, createPublisher } from './publisher.server';
import { channelAuth, userAuth } from './signatures.server';
import { clientIpFrom } from '~/utils/client-ip';
import { isOwnOrigin } from '~/utils/own-hosts';
import type { RealtimeClientConfig } from './types';

export type { RealtimeClientConfig };

/** The publisher plus what the channel-auth route needs; stored as services.realtime. */
export interface WaymarkRealtime extends RealtimePublisher {
  clientConfig: RealtimeClientConfig;
  /**
   * Signs a channel subscription for a socket on behalf of `userId` (presence channels get channel_data with the
   * member's info). The embedded server remembers the socket's user, so disconnectUser can cut it off later; null
   * when that user already holds the most sockets allowed.
   */
  authorizeChannel(socketId: string, channel: string, userId: number, presenceInfo?: Record<string, unknown>): {
    auth: string;
    channel_data?: string;
  } | null;
  /**
   * Signs pusher-js user authentication (pusher:signin) for the socket, so the Pusher server knows the connection's
   * user and terminate_connections reaches it: hosted mode's way of cutting a user off at once. Null when the user
   * already holds the most sockets allowed (embedded mode).
   */
  authenticateUser(socketId: string, userId: number, name: string): { auth: string; user_data: string } | null;
  /** The embedded server (embedded mode only), for tests and the benchmark. */
  embedded?: EmbeddedPusherServer;
}

export function realtimeOf(services: Pick<Services, 'realtime'>): WaymarkRealtime | null {
  const rt = services.realtime as Partial<WaymarkRealtime>;
  return typeof rt.authorizeChannel === 'function' && rt.clientConfig ? (rt as WaymarkRealtime) : null;
}

/** For the root loader: the browser's pusher-js configuration, or null when realtime is off. */
export function realtimeClientConfig(services: Pick<Services, 'realtime'>): RealtimeClientConfig | null {
  return realtimeOf(services)?.clientConfig ?? null;
}

export async function createRealtime(
  config: Config,
  _services: Services,
): Promise<{ publisher: WaymarkRealtime; httpHook?: HttpHook; close: () => Promise<void>; clientConfig: RealtimeClientConfig }> {
  const logger = (level: 'info' | 'error', message: string) => log(config, level, message);
  if (config.pusher.mode === 'hosted') {
    // Keep-alive so each publish reuses a connection.
    const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
    const p = config.pusher;
    // The pusher SDK is loaded only in hosted mode, not on every start (decision 036).
    const { default: PusherClient } = await import('pusher');
    const pusher = new PusherClient({
      appId: p.appId,
      key: p.key,
      secret: p.secret,
      useTLS: p.useTLS,
      timeout: 5000,
      ...(p.host ? { host: p.host, port: String(p.port) } : { cluster: p.cluster! }),
      ...(p.useTLS ? {} : { agent }),
    } as Pusher.Options);
    const clientConfig: RealtimeClientConfig = p.host
      ? { mode: 'hosted', key: p.key, wsHost: p.host, wsPort: p.port, forceTLS: p.useTLS, cluster: p.cluster }
      : { mode: 'hosted', key: p.key, cluster: p.cluster, forceTLS: p.useTLS };
    const publisher: WaymarkRealtime = {
      ...createPublisher(() => pusher, logger),
      clientConfig,
      authorizeChannel: (socketId, channel, userId, presenceInfo) =>
        pusher.authorizeChannel(socketId, channel, presenceInfo ? { user_id: String(userId), user_info: presenceInfo } : undefined),
      authenticateUser: (socketId, userId, name) => pusher.authenticateUser(socketId, { id: String(userId), user_info: { name } }),
      // Pusher knows a connection's user only once the browser signed in (pusher-js user authentication).
      async disconnectUser(userId) {
        try {
          await pusher.terminateUserConnections(String(userId));
        } catch (error) {
          logger('error', `realtime: terminating the connections of user ${userId} failed (${(error as Error).message})`);
        }
      },
    };
    return { publisher, clientConfig, close: async () => agent.destroy() };
  }

  const { appId, key, secret } = newRealtimeCredentials();
  const embedded = new EmbeddedPusherServer({
    appId,
    key,
    secret,
    log: logger,
    // config.appUrl is read per upgrade: with PORT=0 it is only known after listen.
    originAllowed: (origin) => isOwnOrigin(origin, config.appUrl),
    clientAddress: (req) => clientIpFrom(req.socket.remoteAddress ?? '', req.headers['x-forwarded-for'], config.trustProxy),
    maxConnectionsPerAddress: config.realtimeLimits.connectionsPerIp,
    maxConnectionsPerUser: config.realtimeLimits.connectionsPerUser,
  });

  const clientConfig: RealtimeClientConfig = { mode: 'embedded', key };
  const publisher: WaymarkRealtime = {
    ...createInProcessPublisher(embedded, logger),
    clientConfig,
    embedded,
    authorizeChannel(socketId, channel, userId, presenceInfo) {
      // null: the user already holds the most sockets allowed (REALTIME_MAX_CONNECTIONS_PER_USER).
      if (!embedded.bindUser(socketId, String(userId))) return null;
      if (!presenceInfo) return { auth: channelAuth(key, secret, socketId, channel) };
      const channelData = JSON.stringify({ user_id: String(userId), user_info: presenceInfo });
      return { auth: channelAuth(key, secret, socketId, channel, channelData), channel_data: channelData };
    },
    authenticateUser(socketId, userId, name) {
      if (!embedded.bindUser(socketId, String(userId))) return null;
      const userData = JSON.stringify({ id: String(userId), user_info: { name } });
      return { auth: userAuth(key, secret, socketId, userData), user_data: userData };
    },
    async disconnectUser(userId) {
      embedded.terminateUserConnections(String(userId));
    },
  };

  const httpHook: HttpHook = (app, httpServer) => embedded.attach(app, httpServer);

  return {
    publisher,
    clientConfig,
    httpHook,
    close: () => embedded.close(),
  };
}

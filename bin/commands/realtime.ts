// `waymark realtime` — the embedded Pusher-protocol server on its own, for self-hosters who run several Waymark
// instances and want no hosted Pusher: every instance gets the PUSHER_* settings it prints and treats it like Pusher.
// `waymark realtime --init` makes up an app id, key and secret and prints them once (the only place the secret shows).
import http from 'node:http';
import express from 'express';
import { Command } from 'commander';
import { z } from 'zod';
import { EmbeddedPusherServer, newRealtimeCredentials } from '../../app/realtime/embedded-server.server.ts';
import { ConfigError, parseConfig } from '../../app/env.server.ts';
import { clientIpFrom } from '../../app/utils/client-ip.ts';
import { CliUsageError } from './database.ts';

const NAME = /^[A-Za-z0-9_-]{1,100}$/;

const envSchema = z.object({
  REALTIME_PORT: z.coerce.number().int().min(0).max(65535).default(6001),
  REALTIME_HOST: z.string().min(1).default('0.0.0.0'),
  PUSHER_APP_ID: z.string().regex(NAME, 'must be letters, digits, - or _').optional(),
  PUSHER_KEY: z.string().regex(NAME, 'must be letters, digits, - or _').optional(),
  PUSHER_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  /** Browser origins whose pages may open sockets (comma-separated); unset: any (sockets still need signed channels). */
  REALTIME_ALLOWED_ORIGINS: z.string().optional(),
});

/** The settings this server shares with the app, read by the app's own parser (same defaults, limits and messages). */
const SHARED_SETTINGS = ['REALTIME_MAX_CONNECTIONS_PER_IP', 'REALTIME_MAX_CONNECTIONS_PER_USER', 'TRUST_PROXY'] as const;

export interface RealtimeOptions {
  port?: string;
  host?: string;
  appId?: string;
  key?: string;
  publicHost?: string;
  init?: boolean;
}

/** Credentials for a new realtime server, in the shape the app instances read. */
export { newRealtimeCredentials as newCredentials };

/** The server's settings from its options and environment; a bad value is a CliUsageError naming it. */
export function readSettings(options: RealtimeOptions, env: Record<string, string | undefined>) {
  const blank = (v: string | undefined) => (v === '' ? undefined : v);
  const parsed = envSchema.safeParse(Object.fromEntries(Object.keys(envSchema.shape).map((k) => [k, blank(env[k])])));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CliUsageError(`Invalid configuration: ${String(issue.path[0])} ${issue.message}`);
  }
  const e = parsed.data;
  const port = options.port !== undefined ? Number(options.port) : e.REALTIME_PORT;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliUsageError('--port must be a whole number from 0 to 65535');
  const appId = options.appId ?? e.PUSHER_APP_ID;
  const key = options.key ?? e.PUSHER_KEY;
  for (const [flag, value] of [['--app-id', options.appId], ['--key', options.key]] as const) {
    if (value !== undefined && !NAME.test(value)) throw new CliUsageError(`${flag} must be letters, digits, - or _`);
  }
  if (!appId || !key || !e.PUSHER_SECRET) {
    throw new CliUsageError('Set PUSHER_APP_ID, PUSHER_KEY and PUSHER_SECRET (run "waymark realtime --init" once to make them up)');
  }
  let shared;
  try {
    shared = parseConfig(Object.fromEntries(SHARED_SETTINGS.map((k) => [k, env[k]])));
  } catch (error) {
    if (error instanceof ConfigError) throw new CliUsageError(error.message.split('\n')[0]);
    throw error;
  }
  const origins = (e.REALTIME_ALLOWED_ORIGINS ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean)
    .map((o) => {
      try {
        return new URL(o).origin;
      } catch {
        throw new CliUsageError(`Invalid configuration: REALTIME_ALLOWED_ORIGINS "${o}" is not an origin such as https://trips.example.com`);
      }
    });
  return {
    port,
    host: options.host ?? e.REALTIME_HOST,
    publicHost: options.publicHost,
    appId,
    key,
    secret: e.PUSHER_SECRET,
    origins,
    trustProxy: shared.trustProxy,
    perIp: shared.realtimeLimits.connectionsPerIp,
    perUser: shared.realtimeLimits.connectionsPerUser,
  };
}

export interface StandaloneRealtime {
  url: string;
  port: number;
  appId: string;
  key: string;
  close(): Promise<void>;
}

/** Starts the Pusher-protocol server on its own HTTP server (WebSockets on /app/<key>, the HTTP API on /apps/<id>/…). */
export async function startStandaloneRealtime(
  options: RealtimeOptions,
  env: Record<string, string | undefined> = process.env,
): Promise<StandaloneRealtime & { settings: ReturnType<typeof readSettings> }> {
  const settings = readSettings(options, env);
  const embedded = new EmbeddedPusherServer({
    appId: settings.appId,
    key: settings.key,
    secret: settings.secret,
    log: (level, message) => (level === 'error' ? console.error : console.log)(`[waymark realtime] ${message}`),
    originAllowed: settings.origins.length ? (origin) => settings.origins.includes(origin) : undefined,
    clientAddress: (req) => clientIpFrom(req.socket.remoteAddress ?? '', req.headers['x-forwarded-for'], settings.trustProxy),
    maxConnectionsPerAddress: settings.perIp,
    maxConnectionsPerUser: settings.perUser,
  });
  const app = express();
  app.disable('x-powered-by');
  const server = http.createServer(app);
  embedded.attach(app, server);
  // A check for load balancers and container health probes: no credentials, no counts.
  app.get('/', (_req, res) => void res.json({ ok: true }));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(settings.port, settings.host, () => resolve());
  });
  const port = (server.address() as { port: number }).port;
  const shownHost = settings.host === '0.0.0.0' || settings.host === '::' ? 'localhost' : settings.host;
  let closed = false;
  return {
    url: `http://${shownHost}:${port}`,
    port,
    appId: settings.appId,
    key: settings.key,
    settings,
    async close() {
      if (closed) return;
      closed = true;
      await embedded.close();
      server.closeAllConnections?.();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The lines every Waymark instance needs (the secret only by name: it is the one this server was started with). */
export function instanceSettings(running: StandaloneRealtime, publicHost: string | undefined) {
  const host = publicHost ?? new URL(running.url).hostname;
  return [
    `PUSHER_APP_ID=${running.appId}`,
    `PUSHER_KEY=${running.key}`,
    'PUSHER_SECRET=<the PUSHER_SECRET this server was started with>',
    `PUSHER_HOST=${host}`,
    `PUSHER_PORT=${running.port}`,
    'PUSHER_USE_TLS=false',
  ];
}

export function realtimeCommand() {
  return new Command('realtime')
    .description('Run the Pusher-compatible realtime server on its own, for several Waymark instances')
    .option('--port <port>', 'port to listen on (REALTIME_PORT, default 6001; 0 picks a free one)')
    .option('--host <host>', 'address to listen on (REALTIME_HOST, default 0.0.0.0)')
    .option('--app-id <id>', 'Pusher app id (PUSHER_APP_ID)')
    .option('--key <key>', 'Pusher app key (PUSHER_KEY); the secret is read from PUSHER_SECRET only')
    .option('--public-host <host>', 'the host name app instances and browsers reach this server by (for the printed settings)')
    .option('--init', 'make up an app id, key and secret, print them once, and exit')
    .action(async (options: RealtimeOptions) => {
      if (options.init) {
        const fresh = newRealtimeCredentials();
        process.stdout.write(
          [
            '# Realtime server credentials. Shown this once: keep PUSHER_SECRET somewhere safe.',
            '# Give all three to "waymark realtime" and to every Waymark instance (with PUSHER_HOST/PUSHER_PORT).',
            `PUSHER_APP_ID=${fresh.appId}`,
            `PUSHER_KEY=${fresh.key}`,
            `PUSHER_SECRET=${fresh.secret}`,
            '',
          ].join('\n'),
        );
        return;
      }
      const running = await startStandaloneRealtime(options);
      const stop = () => void running.close().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      process.stdout.write(
        [
          `[waymark realtime] listening on ${running.url} (app id ${running.appId})`,
          '# Settings for every Waymark instance:',
          ...instanceSettings(running, running.settings.publicHost),
          '',
        ].join('\n'),
      );
      // Runs until a signal stops it.
      await new Promise(() => {});
    });
}

// The serverless entry (Vercel and other Fetch-style hosts): one handler, Request in, Response out, for the Remix
// pages, /api/trpc, /mcp and /oauth/*. No embedded servers, no timers, nothing written to local disk: the database is
// an external PostgreSQL (DATABASE_URL), realtime a Pusher-compatible service (PUSHER_*), uploads an S3-compatible
// bucket (S3_*). The services are made once per instance (a warm instance reuses its pool); every piece of state that
// must outlive one instance (MCP sessions, rate windows, OAuth codes, web sessions) lives in PostgreSQL.
//
// scripts/build-server.js bundles this file to build/serverless.js beside the Remix build (build/index.js);
// api/index.js hands Vercel's requests to it.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequestHandler, type ServerBuild } from '@remix-run/node';
import { ConfigError, parseConfig, type Config } from '~/env.server';
import type { Services } from '~/services/types.server';
import { bodyLimitFor, readFetchBodyWithin } from '~/utils/body-limit.server';
import { CLIENT_IP_HEADER, clientIpFrom, CROSS_SITE_REFUSAL, isCrossSiteWrite } from '~/utils/client-ip';
import { CRON_PATH, handleCron } from '~/ops/cron.server';

export interface ServerlessContext {
  /** The client's address as the platform reports it (Vercel: x-real-ip); X-Forwarded-For counts through TRUST_PROXY. */
  clientAddress?: string;
}

type Handle = (request: Request, context?: ServerlessContext) => Promise<Response>;

interface Instance {
  config: Config;
  services: Services;
  remix: ReturnType<typeof createRequestHandler>;
}

/** The configuration a serverless instance can run with, or a ConfigError naming what is missing. */
export function serverlessConfig(env: Record<string, string | undefined>): Config {
  const config = parseConfig(env);
  const missing = [
    !config.databaseUrl && 'DATABASE_URL (an external PostgreSQL: the embedded one needs a disk and a long-lived process)',
    config.pusher.mode !== 'hosted' && 'PUSHER_APP_ID, PUSHER_KEY, PUSHER_SECRET and PUSHER_CLUSTER or PUSHER_HOST (the embedded realtime server cannot run here)',
    !config.s3 && 'S3_BUCKET, S3_ENDPOINT, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY (uploads cannot go to the local disk)',
    !env.APP_URL && 'APP_URL (the public address: OAuth issuer and MCP resource)',
  ].filter(Boolean);
  if (missing.length) throw new ConfigError(missing.map((m) => `Invalid configuration for serverless: set ${m}`).join('\n'));
  return config;
}

/**
 * A handler over a given Remix build loader and environment. The instance (database pool, publisher) is made at the
 * first request; a failed start is retried at the next.
 */
export function createServerlessHandler(options: {
  loadBuild: () => Promise<ServerBuild>;
  env?: Record<string, string | undefined>;
}): Handle & { close(): Promise<void> } {
  const env = options.env ?? process.env;
  let starting: Promise<Instance> | null = null;
  const start = async (): Promise<Instance> => {
    const config = serverlessConfig(env);
    // Migrations and locale files are read from the project root (app/db/migrate.server.ts, app/i18n).
    process.env.WAYMARK_ROOT ??= projectRoot();
    const build = await options.loadBuild();
    const { createServices } = build.entry.module as unknown as {
      createServices(c: Config, o: { scheduledJobs: boolean }): Promise<Services>;
    };
    const services = await createServices(config, { scheduledJobs: false });
    return { config, services, remix: createRequestHandler(build, config.production ? 'production' : 'development') };
  };
  const instance = () => {
    starting ??= start().catch((error: unknown) => {
      starting = null;
      throw error;
    });
    return starting;
  };

  const handle: Handle = async (incoming, context = {}) => {
    let current: Instance;
    try {
      current = await instance();
    } catch (error) {
      const message = error instanceof ConfigError ? error.message : `could not start: ${(error as Error).message}`;
      console.error(`[waymark] ${message}`);
      return new Response('Waymark is not configured correctly; see the server log', { status: 500, headers: { 'Content-Type': 'text/plain' } });
    }
    const { config, services } = current;
    const url = new URL(incoming.url);
    if (isCrossSiteWrite(incoming.method, url.pathname, incoming.headers.get('Origin'), incoming.headers.get('x-forwarded-host'), url.host)) {
      return new Response(CROSS_SITE_REFUSAL, { status: 403, headers: { 'Content-Type': 'text/plain' } });
    }
    // The host's scheduler runs the scheduled jobs here (no timer outlives a serverless request).
    if (url.pathname === CRON_PATH) return handleCron(incoming, services, config.cronSecret);

    // The client address comes from the platform only: a client-sent value of Waymark's own header is replaced.
    const headers = new Headers(incoming.headers);
    headers.set(CLIENT_IP_HEADER, clientIpFrom(context.clientAddress ?? '', headers.get('x-forwarded-for') ?? undefined, config.trustProxy));
    let body: ArrayBuffer | undefined;
    if (incoming.method !== 'GET' && incoming.method !== 'HEAD') {
      const read = await readFetchBodyWithin(incoming, bodyLimitFor(url.pathname));
      if (read instanceof Response) return read;
      body = read;
    }
    const request = new Request(incoming.url, { method: incoming.method, headers, body, signal: incoming.signal });

    let response: Response;
    if (url.pathname === '/mcp' && services.mcpEndpoint) {
      // As under server.ts, /mcp skips Remix routing (same handler as the route app/routes/mcp.ts).
      response = await services.mcpEndpoint(request);
    } else {
      response = await current.remix(request, { services } as never);
    }
    if (config.appUrlIsHttps) response.headers.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    return response;
  };

  return Object.assign(handle, {
    async close() {
      const running = starting;
      starting = null;
      if (running) await (await running).services.close();
    },
  });
}

/** The project root, whether this runs bundled as build/serverless.js or from source as app/serverless/handler.ts. */
function projectRoot() {
  const here = path.dirname(fileURLToPath(import.meta.url));
  return path.basename(here) === 'build' ? path.dirname(here) : path.resolve(here, '../..');
}

/**
 * The handler with the Remix build of this project (build/index.js, loaded at the first request) and the process
 * environment. api/index.js imports the build statically instead, so Vercel's file tracing sees its packages.
 */
export const handler = createServerlessHandler({
  loadBuild: async () => (await import(pathToFileURL(path.join(projectRoot(), 'build/index.js')).href)) as ServerBuild,
});

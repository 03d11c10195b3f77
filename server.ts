// Node entry: one HTTP server on one port for the Remix app, its API routes and the embedded realtime server.
// `startServer()` is also what the integration tests call, with a random port and a fresh test database.
// `npm start` runs this file compiled to build/server.js (scripts/build-server.js); `npm run dev` runs it through tsx.
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import express from 'express';
import { createRequestHandler } from '@remix-run/express';
import type { ServerBuild } from '@remix-run/node';
import { ConfigError, parseConfig, type Config } from './app/env.server.ts';
import { startEmbeddedPostgres, type EmbeddedCluster } from './app/db/embedded-postgres.server.ts';
import type { Services } from './app/services/types.server.ts';
import { withBodyLimits } from './app/utils/body-limit.server.ts';
import { CLIENT_IP_HEADER, clientIpFrom, CROSS_SITE_REFUSAL, isCrossSiteWrite } from './app/utils/client-ip.ts';
import { log, logLine } from './app/utils/log.server.ts';
import { installOps } from './app/ops/http.server.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
// The project root, whether this runs as ./server.ts or compiled as ./build/server.js.
const root = path.basename(here) === 'build' ? path.dirname(here) : here;

export interface RunningServer {
  url: string;
  port: number;
  config: Config;
  services: Services;
  server: http.Server;
  close(): Promise<void>;
  /** SIGTERM: stop accepting, let requests in flight finish (up to SHUTDOWN_TIMEOUT_SECONDS), then close(). */
  shutdown(): Promise<void>;
}

async function loadBuild(): Promise<ServerBuild> {
  const file = path.join(root, 'build/index.js');
  try {
    return (await import(pathToFileURL(file).href)) as ServerBuild;
  } catch (error) {
    throw new Error(`No server build at ${file}: run "npm run build" first (${(error as Error).message})`);
  }
}

export async function startServer(env: Record<string, string | undefined> = process.env): Promise<RunningServer> {
  const config = parseConfig(env);
  process.env.WAYMARK_ROOT ??= root;
  // The embedded PostgreSQL starts (initdb too, on a first start) in its own process while this one loads the server
  // build, the larger part of a start; they took turns before (decision 028).
  const embedded = config.databaseUrl
    ? undefined
    : startEmbeddedPostgres({ dataDir: config.dataDir, role: 'server', log: (message) => log(config, 'info', message) });
  embedded?.catch(() => {}); // its error is thrown where it is awaited (createServices)
  let build: ServerBuild;
  try {
    build = await loadBuild();
  } catch (error) {
    await (await embedded?.catch(() => undefined))?.stop();
    throw error;
  }
  const { createServices } = build.entry.module as unknown as {
    createServices(c: Config, options: { embedded?: Promise<EmbeddedCluster> }): Promise<Services>;
  };
  const services = await createServices(config, { embedded });

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  app.use((req, _res, next) => {
    // Remix handlers read the client address from this header; never trust one sent by the client. X-Forwarded-For
    // counts only through the proxies TRUST_PROXY names.
    req.headers[CLIENT_IP_HEADER] = clientIpFrom(req.socket.remoteAddress ?? '', req.headers['x-forwarded-for'], config.trustProxy);
    next();
  });
  if (config.appUrlIsHttps) {
    // An https APP_URL means a TLS proxy in front: browsers must never fall back to plain http for this host.
    app.use((_req, res, next) => {
      res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
      next();
    });
  }
  app.use((req, res, next) => {
    if (!isCrossSiteWrite(req.method, req.path, req.headers.origin, req.headers['x-forwarded-host'] as string | undefined, req.headers.host)) return next();
    res.status(403).type('text/plain').send(CROSS_SITE_REFUSAL);
  });
  app.use('/build', express.static(path.join(root, 'public/build'), { immutable: true, maxAge: '1y' }));
  // The service worker is checked for a new version on every visit, never kept from an older build (decision 034).
  app.get('/sw.js', (_req, res, next) => {
    res.setHeader('Cache-Control', 'no-cache');
    next();
  });
  app.use(express.static(path.join(root, 'public'), { maxAge: '1h', index: false }));

  const server = http.createServer(app);
  // Keep idle connections longer than the clients and proxies in front do (load balancers commonly drop them after
  // 60 s), so it is always the client that closes one: a request sent on a connection the server is closing just then
  // is answered with a reset (ECONNRESET, or a 502 from the proxy).
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  for (const hook of services.httpHooks) hook(app, server);
  // Outermost: request ids and logs, /healthz, /readyz, /metrics, the in-flight count for a graceful stop.
  const ops = installOps(server, services);
  // Bodies are read within their route class's limit (413 beyond it) before Remix sees them.
  app.all('*', withBodyLimits(createRequestHandler({ build, getLoadContext: () => ({ services }) as never })));

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, () => resolve());
    });
  } catch (error) {
    await services.close();
    throw error;
  }
  const port = (server.address() as { port: number }).port;
  const url = `http://${config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host}:${port}`;
  if (!env.APP_URL && config.port === 0) config.appUrl = url;

  let closed = false;
  return {
    url,
    port,
    config,
    services,
    server,
    async shutdown(this: RunningServer) {
      const waiting = ops.inFlight();
      if (waiting) log(config, 'info', `stopping: waiting for ${waiting} request(s) in flight`);
      if (!(await ops.drain(config.shutdownTimeoutMs))) log(config, 'error', `stopping: requests still in flight after ${config.shutdownTimeoutMs} ms are cut off`);
      await this.close();
    },
    async close() {
      if (closed) return;
      closed = true;
      server.closeAllConnections?.();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await services.close();
    },
  };
}

/** `npm start`: start, log one line, stop cleanly (database included) on SIGINT or SIGTERM. */
export async function runFromCommandLine() {
  // Handlers first: a signal during start-up (initdb can take seconds) must still stop the PostgreSQL child cleanly.
  let running: RunningServer | undefined;
  let stopping = false;
  const stop = async () => {
    stopping = true;
    if (!running) return; // start-up finishes, then stops
    await running.shutdown();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    running = await startServer();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
    } else {
      console.error(`[waymark] could not start: ${(error as Error).message}`);
    }
    process.exit(1);
  }
  if (stopping) return stop();
  console.log(logLine(running.config, 'info', `listening on ${running.url} (database: ${running.services.database.kind}, app URL: ${running.config.appUrl})`));
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) await runFromCommandLine();

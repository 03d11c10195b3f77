// Operations on the HTTP server, in front of every other handler (express, /mcp, the realtime API): a request id on
// each request (X-Request-Id), one structured log line per request (LOG_FORMAT=json), /healthz, /readyz, /metrics
// (METRICS=on), and a count of requests in flight so SIGTERM can let them finish (see drain()).
import crypto from 'node:crypto';
import type http from 'node:http';
import { shippedMigrations } from '~/db/migrate.server';
import { onToolCall } from '../../mcp/audit';
import type { Services } from '~/services/types.server';
import { log } from '~/utils/log.server';
import { createMetrics, methodLabel, routeLabel, toolLabel, type Metrics } from './metrics.server';
import { bearerMatches } from '~/auth/tokens.server';
import { checkReadiness } from './readiness.server';
import { redactedPath, requestLogLine } from './request-log.server';

export interface Ops {
  /** Requests being answered right now. */
  inFlight(): number;
  /**
   * Stops accepting connections, answers /readyz 503, closes idle keep-alive connections, and resolves once every
   * request in flight has finished or timeoutMs passed (true: all finished).
   */
  drain(timeoutMs: number): Promise<boolean>;
}

type Listener = (req: http.IncomingMessage, res: http.ServerResponse) => void;

// A request id from a proxy in front is kept when it looks like one; anything else is replaced.
const INCOMING_ID = /^[A-Za-z0-9._:-]{8,128}$/;

export function installOps(server: http.Server, services: Services): Ops {
  const { config } = services;
  const expectedMigrations = shippedMigrations().map((m) => m.name);
  const metrics = config.metrics.enabled ? createMetrics(() => realtimeConnections(services)) : undefined;
  if (metrics) onToolCall(services, (tool, success) => metrics.countToolCall(toolLabel(tool), success));

  let inFlight = 0;
  let draining = false;
  const idleWaiters = new Set<() => void>();

  const listeners = server.listeners('request') as Listener[];
  server.removeAllListeners('request');
  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    const started = process.hrtime.bigint();
    const incoming = req.headers['x-request-id'];
    const requestId = typeof incoming === 'string' && INCOMING_ID.test(incoming) ? incoming : crypto.randomUUID();
    res.setHeader('X-Request-Id', requestId);
    if (draining) res.setHeader('Connection', 'close');
    const pathname = (req.url ?? '/').split('?')[0] || '/';
    inFlight += 1;
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      inFlight -= 1;
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      // Closed before the response was complete: the client went away (nginx's 499).
      const status = res.writableFinished ? res.statusCode : 499;
      metrics?.observeRequest(methodLabel(req.method), routeLabel(pathname, status), status, seconds);
      if (config.logFormat === 'json' && config.logLevel === 'info') {
        console.log(requestLogLine({ requestId, method: methodLabel(req.method), path: redactedPath(pathname), status, seconds }));
      }
      if (inFlight === 0) for (const resolve of idleWaiters) resolve();
    };
    res.once('finish', end);
    res.once('close', end);

    if (pathname === '/healthz') return void answer(req, res, 200, { status: 'ok' });
    if (pathname === '/readyz') return void ready(req, res);
    if (pathname === '/metrics' && metrics) return void serveMetrics(req, res, metrics);
    for (const listener of listeners) listener.call(server, req, res);
  });

  async function ready(req: http.IncomingMessage, res: http.ServerResponse) {
    const result = draining ? ({ ready: false, reason: 'shutting_down' } as const) : await checkReadiness(services.database.sql, expectedMigrations);
    answer(req, res, result.ready ? 200 : 503, result.ready ? { status: 'ready' } : { status: 'not_ready', reason: result.reason });
  }

  async function serveMetrics(req: http.IncomingMessage, res: http.ServerResponse, m: Metrics) {
    if (config.metrics.token && !bearerMatches(req.headers.authorization, config.metrics.token)) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
      return answer(req, res, 401, { error: 'unauthorized' });
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return answer(req, res, 405, { error: 'method_not_allowed' });
    try {
      const body = await m.registry.metrics();
      res.writeHead(200, { 'Content-Type': m.registry.contentType, 'Cache-Control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (error) {
      log(config, 'error', `metrics: ${(error as Error).message}`);
      answer(req, res, 500, { error: 'internal' });
    }
  }

  return {
    inFlight: () => inFlight,
    async drain(timeoutMs) {
      draining = true;
      server.close();
      server.closeIdleConnections?.();
      if (inFlight === 0) return true;
      return new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => {
          idleWaiters.delete(done);
          resolve(false);
        }, timeoutMs);
        const done = () => {
          clearTimeout(timer);
          idleWaiters.delete(done);
          // The last responses went out: their keep-alive connections are idle now.
          server.closeIdleConnections?.();
          resolve(true);
        };
        idleWaiters.add(done);
      });
    },
  };
}

function answer(req: http.IncomingMessage, res: http.ServerResponse, status: number, body: Record<string, unknown>) {
  if (req.method !== 'GET' && req.method !== 'HEAD' && status < 400) {
    status = 405;
    body = { error: 'method_not_allowed' };
  }
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Length': Buffer.byteLength(text) });
  res.end(req.method === 'HEAD' ? undefined : text);
}

function realtimeConnections(services: Services) {
  const embedded = (services.realtime as { embedded?: { stats(): { connections: number } } }).embedded;
  return embedded?.stats().connections ?? 0;
}


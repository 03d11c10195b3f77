// Prometheus metrics of one process (METRICS=on): requests by route and status, request latency, MCP tool calls by
// tool, open realtime connections. One registry per services object (no module state: tests run servers side by side).
import client from 'prom-client';
import { isSecretSegment } from './request-log.server';

export interface Metrics {
  registry: client.Registry;
  observeRequest(method: string, route: string, status: number, seconds: number): void;
  countToolCall(tool: string, success: boolean): void;
}

export function createMetrics(realtimeConnections: () => number): Metrics {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: 'waymark_' });
  const requests = new client.Counter({
    name: 'waymark_http_requests_total',
    help: 'HTTP requests answered, by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const latency = new client.Histogram({
    name: 'waymark_http_request_duration_seconds',
    help: 'Time from request to the end of the response, by method and route',
    labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const toolCalls = new client.Counter({
    name: 'waymark_mcp_tool_calls_total',
    help: 'MCP tool calls, by tool and outcome',
    labelNames: ['tool', 'outcome'] as const,
    registers: [registry],
  });
  new client.Gauge({
    name: 'waymark_realtime_connections',
    help: 'Open WebSocket connections to the embedded realtime server (0 with a hosted Pusher service)',
    registers: [registry],
    collect() {
      this.set(realtimeConnections());
    },
  });
  return {
    registry,
    observeRequest(method, route, status, seconds) {
      requests.inc({ method, route, status: String(status) });
      latency.observe({ method, route }, seconds);
    },
    countToolCall(tool, success) {
      toolCalls.inc({ tool, outcome: success ? 'ok' : 'error' });
    },
  };
}

// Tool names come from a fixed list, but a client may call any name: keep the label set bounded.
const TOOL_NAME = /^[a-z][a-z0-9_]{0,63}$/;
export function toolLabel(tool: unknown) {
  return typeof tool === 'string' && TOOL_NAME.test(tool) ? tool : '(other)';
}

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
export function methodLabel(method: string | undefined) {
  return method && METHODS.has(method) ? method : 'OTHER';
}

/**
 * A bounded route label for a request path: ids and tokens become `:id`, static files one label per folder, and
 * anything answered 404 `(unmatched)`, so scanners cannot grow the label set.
 */
export function routeLabel(pathname: string, status: number) {
  if (status === 404) return '(unmatched)';
  if (pathname.startsWith('/build/')) return '/build/*';
  if (pathname.startsWith('/locales/')) return '/locales/*';
  if (pathname.startsWith('/apps/')) return '/apps/*';
  if (pathname.startsWith('/api/trpc/')) {
    const procedure = pathname.slice('/api/trpc/'.length);
    return /^[A-Za-z0-9_.]{1,80}$/.test(procedure) ? pathname : '/api/trpc/(batch)';
  }
  const parts = pathname.split('/');
  const segments = parts.map((segment, i) =>
    segment === ''
      ? ''
      : isSecretSegment(segment, parts[i - 1]) || /^\d+$/.test(segment) || segment.length > 24 || (/\d/.test(segment) && /[a-z]/i.test(segment) && segment.length >= 8)
        ? ':id'
        : segment,
  );
  const label = segments.slice(0, 6).join('/');
  return label.length > 100 ? label.slice(0, 100) : label || '/';
}

// Operations endpoints over real HTTP: /healthz, /readyz (database and migrations), /metrics behind METRICS=on and a
// bearer token, the request id, and the structured request log (LOG_FORMAT=json) without secrets.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server';
import { makeUser } from '../helpers/users';
import { connect, createStaticToken, enableMcp } from './mcp.helpers';

const METRICS_TOKEN = 'metrics-token-0123456789';
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ METRICS: 'on', METRICS_TOKEN, LOG_FORMAT: 'json', LOG_LEVEL: 'info' });
});
afterAll(async () => {
  await server?.close();
});

describe('health and readiness', () => {
  it('/healthz answers 200 without a session and without touching the database', async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect((await fetch(`${server.url}/healthz`, { method: 'POST' })).status).toBe(405);
  });

  it('/readyz is 200 with every migration applied and 503 when one is missing', async () => {
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });

    const sql = server.services.database.sql;
    const [last] = await sql.query('SELECT id FROM "_prisma_migrations" ORDER BY migration_name DESC LIMIT 1');
    await sql.query('UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE id = $1', [last.id]);
    try {
      const pending = await fetch(`${server.url}/readyz`);
      expect(pending.status).toBe(503);
      expect(await pending.json()).toEqual({ status: 'not_ready', reason: 'migrations_pending' });
    } finally {
      await sql.query('UPDATE "_prisma_migrations" SET rolled_back_at = NULL WHERE id = $1', [last.id]);
    }
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
  });
});

describe('request ids and the JSON request log', () => {
  it('sends X-Request-Id, keeps a proxy’s id, and logs one line per request without query, cookies or tokens', async () => {
    const lines: string[] = [];
    const spy = vi.spyOn(console, 'log').mockImplementation((line: unknown) => void lines.push(String(line)));
    try {
      const first = await fetch(`${server.url}/login?next=%2Fsecret-query-value`, {
        headers: { Cookie: 'wm_session=cookie-secret-value', Authorization: 'Bearer bearer-secret-value' },
      });
      expect(first.status).toBe(200);
      const id = first.headers.get('x-request-id');
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      const kept = await fetch(`${server.url}/healthz`, { headers: { 'X-Request-Id': 'lb-request-12345678' } });
      expect(kept.headers.get('x-request-id')).toBe('lb-request-12345678');
      const share = await fetch(`${server.url}/s/Zm9vYmFyMTIzNDU2Nzg5MGFiY2RlZg`);
      await share.arrayBuffer();

      const entries = lines.filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>);
      const login = entries.find((e) => e.requestId === id);
      expect(login).toMatchObject({ level: 'info', msg: 'request', method: 'GET', path: '/login', status: 200 });
      expect(Object.keys(login!).sort()).toEqual(['durationMs', 'level', 'method', 'msg', 'path', 'requestId', 'status', 'time']);
      expect(typeof login!.durationMs).toBe('number');
      expect(entries.find((e) => e.requestId === 'lb-request-12345678')).toMatchObject({ path: '/healthz', status: 200 });
      expect(entries.find((e) => e.requestId === share.headers.get('x-request-id'))).toMatchObject({ path: '/s/:redacted' });
      const all = lines.join('\n');
      for (const secret of ['secret-query-value', 'cookie-secret-value', 'bearer-secret-value', 'Zm9vYmFy']) expect(all).not.toContain(secret);
    } finally {
      spy.mockRestore();
    }
  });
});

describe('/metrics', () => {
  it('needs the bearer token, then reports requests by route and status, latency, MCP tool calls and realtime connections', async () => {
    expect((await fetch(`${server.url}/metrics`)).status).toBe(401);
    expect((await fetch(`${server.url}/metrics`, { headers: { Authorization: 'Bearer wrong-token-0123456789' } })).status).toBe(401);

    const { user } = await makeUser(server);
    await enableMcp(server);
    const { token } = await createStaticToken(server, user.id);
    const { client } = await connect(server, token);
    await client.callTool({ name: 'list_trips', arguments: {} });
    await client.callTool({ name: 'list_trips', arguments: {} });
    await client.close();
    await fetch(`${server.url}/healthz`);
    await fetch(`${server.url}/no-such-page-4711`);

    const response = await fetch(`${server.url}/metrics`, { headers: { Authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await response.text();
    expect(text).toMatch(/waymark_http_requests_total\{method="GET",route="\/healthz",status="200"\} [1-9]/);
    expect(text).toMatch(/waymark_http_requests_total\{method="GET",route="\(unmatched\)",status="404"\} [1-9]/);
    expect(text).toMatch(/waymark_http_requests_total\{method="POST",route="\/mcp",status="200"\} [1-9]/);
    expect(text).toMatch(/waymark_http_request_duration_seconds_bucket\{le="0.005",method="GET",route="\/healthz"\} \d/);
    expect(text).toContain('waymark_mcp_tool_calls_total{tool="list_trips",outcome="ok"} 2');
    expect(text).toMatch(/^waymark_realtime_connections 0$/m);
    expect(text).not.toContain('no-such-page-4711');
  });

  it('is not served without METRICS=on', async () => {
    const plain = await startTestServer();
    try {
      const response = await fetch(`${plain.url}/metrics`);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain('waymark_http_requests_total');
    } finally {
      await plain.close();
    }
  });
});

describe('readiness without a database', () => {
  it('/readyz answers 503 once the database is gone, /healthz still 200', async () => {
    const doomed = await startTestServer({ LOG_LEVEL: 'silent' });
    try {
      await doomed.dropDatabase();
      const response = await fetch(`${doomed.url}/readyz`);
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ status: 'not_ready', reason: 'database_unreachable' });
      expect((await fetch(`${doomed.url}/healthz`)).status).toBe(200);
    } finally {
      await doomed.close();
    }
  });
});

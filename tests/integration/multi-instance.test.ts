// Several Node instances (issue 18): two `node build/server.js` processes on one PostgreSQL and one standalone
// realtime server (`npx waymark realtime`), as behind a load balancer. Each proof reaches the instances over HTTP only.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ElicitRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { openDatabase, type Database } from '~/db/client.server';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';
import { makeUser } from '../helpers/users';
import { createStaticToken, initializeMessage } from './mcp.helpers';
import { newCredentials, startStandaloneRealtime } from '../../bin/commands/realtime.ts';
import {
  APP_URL,
  mcpClientVia,
  proveOAuthCodeAcross,
  proveOAuthRateShared,
  proveRateLimitShared,
  proveRealtimeAcross,
  proveSessionCapShared,
  rawMcpAt,
  root,
  spawnUntilListening,
  startRealtimeChild,
  via,
  type Child,
  type StandaloneRealtimeChild,
} from './multi-instance.helpers';

const RATE_LIMIT = 12;
const SESSION_CAP = 3;

let database: TestDatabase;
let shared: Database;
let realtime: StandaloneRealtimeChild;
let a: Child;
let b: Child;
const dataDirs: string[] = [];

function startInstance() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'waymark-instance-'));
  dataDirs.push(dataDir);
  return spawnUntilListening(
    [path.join(root, 'build/server.js')],
    {
      PORT: '0',
      HOST: '127.0.0.1',
      APP_URL,
      DATABASE_URL: database.url,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'error',
      MCP_RATE_LIMIT: String(RATE_LIMIT),
      MCP_MAX_SESSION_PER_USER: String(SESSION_CAP),
      ...realtime.env,
    },
    /listening on (http:\/\/\S+)/,
  ).then((child) => ({ ...child, url: child.url.replace('localhost', '127.0.0.1') }));
}

beforeAll(async () => {
  database = await createTestDatabase();
  shared = await openDatabase({ databaseUrl: database.url, dataDir: '' });
  await shared.db.addon.upsert({ where: { id: 'mcp' }, update: { enabled: true }, create: { id: 'mcp', enabled: true } });
  realtime = await startRealtimeChild();
  [a, b] = await Promise.all([startInstance(), startInstance()]);
}, 120_000);

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await realtime?.stop();
  await shared?.close();
  await database?.drop();
  for (const dir of dataDirs) fs.rmSync(dir, { recursive: true, force: true });
});

/** A session's GET stream read by a plain HTTP client: its events (id + message) as they come. */
async function openStream(instanceUrl: string, token: string, sessionId: string, lastEventId?: string) {
  const controller = new AbortController();
  const res = await fetch(`${instanceUrl}/mcp`, {
    headers: { Accept: 'text/event-stream', Authorization: `Bearer ${token}`, 'Mcp-Session-Id': sessionId, ...(lastEventId ? { 'Last-Event-ID': lastEventId } : {}) },
    signal: controller.signal,
  });
  expect(res.status).toBe(200);
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  /** The next event that carries a message. */
  const next = async (): Promise<{ id: string; message: { method?: string; params?: { uri?: string } } }> => {
    for (;;) {
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const lines = buffer.slice(0, end).split('\n');
        buffer = buffer.slice(end + 2);
        const data = lines.find((l) => l.startsWith('data: '));
        if (data) return { id: lines.find((l) => l.startsWith('id: '))?.slice(4) ?? '', message: JSON.parse(data.slice(6)) };
      }
      const { value, done } = await reader.read();
      if (done) throw new Error('the stream ended');
      buffer += decoder.decode(value, { stream: true });
    }
  };
  return { next, close: () => controller.abort() };
}

async function until<T>(check: () => Promise<T | null | undefined>, timeoutMs = 10_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() - start > timeoutMs) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
}

function waymark(args: string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    const blank = { PUSHER_APP_ID: '', PUSHER_KEY: '', PUSHER_SECRET: '' };
    execFile(process.execPath, [path.join(root, 'bin/waymark.js'), ...args], { env: { ...process.env, ...blank, ...env } }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('npx waymark realtime', { timeout: 60_000 }, () => {
  it('makes up credentials once with --init, and refuses to start without them', async () => {
    const init = await waymark(['realtime', '--init']);
    expect(init.code).toBe(0);
    expect(init.stdout).toMatch(/^PUSHER_APP_ID=\d+$/m);
    expect(init.stdout).toMatch(/^PUSHER_KEY=[0-9a-f]{20}$/m);
    expect(init.stdout).toMatch(/^PUSHER_SECRET=[0-9a-f]{48}$/m);
    const missing = await waymark(['realtime', '--port', '0']);
    expect(missing).toMatchObject({ code: 1, stdout: '' });
    expect(missing.stderr.trim()).toBe('Set PUSHER_APP_ID, PUSHER_KEY and PUSHER_SECRET (run "waymark realtime --init" once to make them up)');
    const weak = await waymark(['realtime', '--port', '0'], { PUSHER_APP_ID: '1', PUSHER_KEY: 'k', PUSHER_SECRET: 'short' });
    expect(weak.stderr.trim()).toBe('Invalid configuration: PUSHER_SECRET must be at least 16 characters');
  });

  it('lets only the pages of REALTIME_ALLOWED_ORIGINS open sockets, when set', async () => {
    const { appId, key, secret } = newCredentials();
    const server = await startStandaloneRealtime(
      { port: '0', host: '127.0.0.1' },
      { PUSHER_APP_ID: appId, PUSHER_KEY: key, PUSHER_SECRET: secret, REALTIME_ALLOWED_ORIGINS: 'https://trips.example.com' },
    );
    const open = (origin: string) =>
      new Promise<string>((resolve) => {
        const ws = new WebSocket(`ws://127.0.0.1:${server.port}/app/${key}?protocol=7`, { origin });
        ws.once('message', (data) => {
          resolve(JSON.parse(String(data)).event);
          ws.close();
        });
        ws.once('unexpected-response', (_req, res) => resolve(`HTTP ${res.statusCode}`));
      });
    try {
      expect(await open('https://trips.example.com')).toBe('pusher:connection_established');
      expect(await open('https://evil.example')).toBe('HTTP 403');
      expect((await fetch(server.url.replace('localhost', '127.0.0.1'))).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('prints the settings for the instances, naming the secret without showing it', () => {
    const printed = realtime.output.join('\n');
    expect(printed).toContain(`PUSHER_KEY=${realtime.env.PUSHER_KEY}`);
    expect(printed).toContain(`PUSHER_PORT=${realtime.port}`);
    expect(printed).not.toContain(realtime.env.PUSHER_SECRET);
  });
});

describe('two instances, one database, one standalone realtime server', { timeout: 90_000 }, () => {
  it('runs as two separate processes on their own ports', () => {
    expect(a.child.pid).not.toBe(b.child.pid);
    expect(a.url).not.toBe(b.url);
  });

  it('continues an MCP session opened on A on B (the session lives in the McpSession table)', async () => {
    const { user } = await makeUser(via(a.url, shared.db));
    const { token } = await createStaticToken(via(a.url, shared.db), user.id);
    let target = a.url;
    const { client, transport } = await mcpClientVia(() => target, token);
    try {
      const sessionId = transport.sessionId!;
      const row = await shared.db.mcpSession.findUniqueOrThrow({ where: { id: sessionId } });
      expect(row).toMatchObject({ userId: user.id, closedAt: null });
      target = b.url;
      const tools = await client.listTools();
      expect(tools.tools.map((t) => t.name)).toContain('list_trips');
      const created = await client.callTool({ name: 'create_trip', arguments: { title: 'Made through B' } });
      expect(created.isError).toBeFalsy();
      target = a.url;
      const listed = await client.callTool({ name: 'list_trips', arguments: {} });
      expect(JSON.stringify(listed.structuredContent)).toContain('Made through B');
      expect(transport.sessionId).toBe(sessionId);
      const seen = await shared.db.mcpSession.findUniqueOrThrow({ where: { id: sessionId } });
      expect(seen.lastSeenAt.getTime()).toBeGreaterThan(row.lastSeenAt.getTime());
      // Ended on B: A no longer knows it either.
      target = b.url;
      await transport.terminateSession();
      const ended = await fetch(`${a.url}/mcp`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Mcp-Session-Id': sessionId, 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream' },
        body: JSON.stringify({ jsonrpc: '2.0', id: 9, method: 'tools/list' }),
      });
      expect(ended.status).toBe(404);
    } finally {
      await client.close();
    }
  });

  it('keeps a session’s log level and subscriptions (set through A) on B, and replays missed notifications after a reconnect with Last-Event-ID', async () => {
    const { user, trpc } = await makeUser(via(a.url, shared.db));
    const { token } = await createStaticToken(via(a.url, shared.db), user.id);
    const { trip } = await trpc.trips.createTrip.mutate({ title: 'Followed', startDate: '2027-07-01', endDate: '2027-07-02' });
    const uri = `waymark://trips/${trip.id}`;
    const opened = await rawMcpAt(a.url, token, initializeMessage);
    const sessionId = opened.headers.get('Mcp-Session-Id')!;
    // (Accepting JSON only, except where the test reads an SSE reply.)
    const rpc = async (instance: string, id: number, method: string, params: Record<string, unknown>, accept = 'application/json') => {
      const res = await fetch(`${instance}/mcp`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: accept, Authorization: `Bearer ${token}`, 'Mcp-Session-Id': sessionId },
        body: JSON.stringify({ jsonrpc: '2.0', id, method, params }),
      });
      expect(res.status).toBe(200);
      return { contentType: res.headers.get('Content-Type') ?? '', text: await res.text() };
    };
    // On A: the level (a JSON-only exchange, so no warning is sent yet) and one subscription.
    expect(JSON.parse((await rpc(a.url, 2, 'logging/setLevel', { level: 'debug' })).text)).toMatchObject({ result: {} });
    expect(JSON.parse((await rpc(a.url, 3, 'resources/subscribe', { uri })).text)).toMatchObject({ result: {} });
    expect(await shared.db.mcpSession.findUniqueOrThrow({ where: { id: sessionId } })).toMatchObject({ logLevel: 0, subscriptions: [uri] });

    // On B: the level holds (the static token's deprecation warning arrives as a log message on the SSE reply)…
    const listed = await rpc(b.url, 4, 'tools/list', {}, 'application/json, text/event-stream');
    expect(listed.contentType).toContain('text/event-stream');
    expect(listed.text).toContain('deprecated_static_token');
    // …and B's stream follows the subscription made on A.
    const stream = await openStream(b.url, token, sessionId);
    await trpc.trips.updateTrip.mutate({ tripId: trip.id, title: 'Followed, renamed' });
    const first = await stream.next();
    expect(first.message).toMatchObject({ method: 'notifications/resources/updated', params: { uri } });
    expect(first.id).toMatch(/^\d+$/);

    // A subscription made on A while the stream is open on B reaches B too.
    const { trip: other } = await trpc.trips.createTrip.mutate({ title: 'Followed later', startDate: '2027-08-01', endDate: '2027-08-02' });
    const dayUri = `waymark://trips/${other.id}`;
    expect(JSON.parse((await rpc(a.url, 5, 'resources/unsubscribe', { uri })).text)).toMatchObject({ result: {} });
    expect(JSON.parse((await rpc(a.url, 6, 'resources/subscribe', { uri: dayUri })).text)).toMatchObject({ result: {} });
    expect((await shared.db.mcpSession.findUniqueOrThrow({ where: { id: sessionId } })).subscriptions).toEqual([dayUri]);

    // The client drops its connection; a change meanwhile is recorded, and replayed when it reconnects — to A.
    stream.close();
    const before = await shared.db.mcpEvent.count({ where: { sessionId } });
    await until(async () => {
      await trpc.trips.updateTrip.mutate({ tripId: other.id, title: `Followed later ${Date.now()}` });
      return until(async () => (await shared.db.mcpEvent.count({ where: { sessionId } })) > before, 2_000).catch(() => false);
    });
    const resumed = await openStream(a.url, token, sessionId, first.id);
    const missed = await resumed.next();
    expect(missed.message).toMatchObject({ method: 'notifications/resources/updated', params: { uri: dayUri } });
    expect(BigInt(missed.id)).toBeGreaterThan(BigInt(first.id));
    resumed.close();
    await rawMcpAt(a.url, token, null, sessionId, 'DELETE');
  });

  it('deletes a trip once the user confirms, when the confirmation was asked by A and the answer POST lands on B', async () => {
    const { user, trpc } = await makeUser(via(a.url, shared.db));
    const { token } = await createStaticToken(via(a.url, shared.db), user.id);
    let target = a.url;
    const { client } = await mcpClientVia(() => target, token, { elicitation: {} });
    const asked: string[] = [];
    client.setRequestHandler(ElicitRequestSchema, (request) => {
      asked.push(request.params.message);
      // The load balancer sends the client's next request, its answer, to the other instance.
      target = b.url;
      return { action: 'accept', content: { confirm: true } };
    });
    try {
      const { trip } = await trpc.trips.createTrip.mutate({ title: 'Asked on A' });
      // (Unanswered, the question would wait 10 minutes: the call gives up long before.)
      const result = await client.callTool({ name: 'delete_trip', arguments: { tripId: trip.id } }, undefined, { timeout: 20_000 });
      expect(asked).toEqual([expect.stringMatching(/^Delete the trip “Asked on A”/)]);
      expect(result.structuredContent).toEqual({ deleted: true, tripId: trip.id });
      expect(await shared.db.trip.count({ where: { id: trip.id } })).toBe(0);

      // Declined through B: the answer reaches A just the same, and nothing is deleted.
      const { trip: kept } = await trpc.trips.createTrip.mutate({ title: 'Kept' });
      target = a.url;
      client.setRequestHandler(ElicitRequestSchema, () => {
        target = b.url;
        return { action: 'decline' };
      });
      const declined = await client.callTool({ name: 'delete_trip', arguments: { tripId: kept.id } }, undefined, { timeout: 20_000 });
      expect(declined).toMatchObject({ isError: true, content: [{ type: 'text', text: 'Not done: the user declined the confirmation. Nothing was changed.' }] });
      expect(await shared.db.trip.count({ where: { id: kept.id } })).toBe(1);
    } finally {
      await client.close();
    }
  });

  it('counts the MCP rate limit across both instances (RateWindow table)', async () => {
    await proveRateLimitShared(shared.db, [a.url, b.url], RATE_LIMIT);
  });

  it('counts the MCP session cap across both instances', async () => {
    await proveSessionCapShared(shared.db, [a.url, b.url], SESSION_CAP);
  });

  it('counts the OAuth token endpoint’s rate window across both instances', async () => {
    await proveOAuthRateShared(shared.db, [a.url, b.url]);
  });

  it('redeems on B an OAuth authorization code issued by A (PKCE)', async () => {
    await proveOAuthCodeAcross(shared.db, a.url, b.url);
  });

  it('delivers a change made through A to a pusher-js client authorized by B', async () => {
    await proveRealtimeAcross(shared.db, realtime, a.url, b.url);
  });
});

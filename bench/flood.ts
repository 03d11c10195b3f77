// npm run bench:flood — issue 11's load check: 20 MCP sessions of one user send 10× the MCP rate limit of mixed reads
// and writes while a browser (tRPC with a web session) edits the same trip. Expected: only 429 beyond the limit, no
// 5xx, every accepted write present afterwards, the browser's view equal to the database. Prints the figures; exits
// non-zero when an expectation fails. Runs the built server on a fresh embedded PostgreSQL in a temporary DATA_DIR.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTRPCClient, httpLink } from '@trpc/client';
import { startServer } from '../server.ts';
import { createUser } from '../app/auth/users.server.ts';
import { createSession, SESSION_COOKIE } from '../app/auth/session.server.ts';
import { hashSecret, randomSecret, TOKEN_PREFIX } from '../app/auth/tokens.server.ts';
import type { AppRouter } from '../app/trpc/root.ts';

const LIMIT = Number(process.env.FLOOD_RATE_LIMIT ?? 60);
const SESSIONS = 20;
const REQUESTS = LIMIT * 10;
const BROWSER_EDITS = 30;

const running = await startServer({
  PORT: '0',
  HOST: '127.0.0.1',
  DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'waymark-flood-')),
  LOG_LEVEL: 'error',
  MCP_RATE_LIMIT: String(LIMIT),
  MCP_MAX_SESSION_PER_USER: String(SESSIONS),
});
const { db } = running.services;
const failures: string[] = [];
try {
  await running.services.addons.set('mcp', true);
  const user = await createUser(db, { email: 'flood@example.test', password: 'correct horse battery', displayName: 'Flood' });
  const trip = await db.trip.create({ data: { ownerId: user.id, title: 'Flooded trip' } });
  const token = randomSecret(TOKEN_PREFIX.staticToken);
  await db.apiToken.create({ data: { userId: user.id, name: 'flood', tokenHash: hashSecret(token), prefix: token.slice(0, 9) } });
  const { token: sessionToken } = await createSession(db, user.id);
  const browser = createTRPCClient<AppRouter>({
    links: [httpLink({ url: `${running.url}/api/trpc`, headers: () => ({ Cookie: `${SESSION_COOKIE}=${sessionToken}`, Origin: running.url }) })],
  });

  const mcp = (body: unknown, sessionId?: string) =>
    fetch(`${running.url}/mcp`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/json, text/event-stream',
        Authorization: `Bearer ${token}`,
        ...(sessionId ? { 'Mcp-Session-Id': sessionId } : {}),
      },
      body: JSON.stringify(body),
    });

  const sessions: string[] = [];
  for (let i = 0; i < SESSIONS; i++) {
    const res = await mcp({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'flood', version: '1' } } });
    if (res.status !== 200) throw new Error(`initialize ${i} answered ${res.status}`);
    sessions.push(res.headers.get('mcp-session-id')!);
  }

  const statuses = new Map<number, number>();
  const acceptedPlaceIds: number[] = [];
  const started = performance.now();
  const agentWork = Array.from({ length: REQUESTS }, async (_, i) => {
    const write = i % 2 === 0;
    const body = write
      ? { jsonrpc: '2.0', id: i + 2, method: 'tools/call', params: { name: 'create_place', arguments: { tripId: trip.id, name: `Agent place ${i}` } } }
      : { jsonrpc: '2.0', id: i + 2, method: 'tools/call', params: { name: 'list_places', arguments: { tripId: trip.id } } };
    const res = await mcp(body, sessions[i % SESSIONS]);
    statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    const text = await res.text();
    if (res.status === 200 && write) {
      const result = JSON.parse(text).result;
      if (result?.isError) failures.push(`create_place ${i} failed: ${result.content?.[0]?.text}`);
      else acceptedPlaceIds.push(result.structuredContent.place.id as number);
    }
  });
  const browserWork = Array.from({ length: BROWSER_EDITS }, async (_, i) => {
    const { place } = await browser.places.createPlace.mutate({ tripId: trip.id, name: `Browser place ${i}` });
    await browser.places.updatePlace.mutate({ tripId: trip.id, placeId: place.id, name: `Browser place ${i} (edited)` });
  });
  await Promise.all([...agentWork, ...browserWork]);
  const seconds = (performance.now() - started) / 1000;

  const ok = statuses.get(200) ?? 0;
  const limited = statuses.get(429) ?? 0;
  const other = [...statuses].filter(([s]) => s !== 200 && s !== 429);
  const rows = await db.place.findMany({ where: { tripId: trip.id }, orderBy: { id: 'asc' } });
  const rowIds = new Set(rows.map((r) => r.id));
  const missing = acceptedPlaceIds.filter((id) => !rowIds.has(id));
  const view = await browser.places.listPlaces.query({ tripId: trip.id });
  const viewKey = JSON.stringify(view.places.map((p) => [p.id, p.name]).sort());
  const dbKey = JSON.stringify(rows.map((p) => [p.id, p.name]).sort());

  console.log(`flood: ${SESSIONS} MCP sessions, ${REQUESTS} requests (10× MCP_RATE_LIMIT=${LIMIT}) + ${BROWSER_EDITS} browser create+edit, ${seconds.toFixed(2)} s`);
  console.log(`  calls answered 200: ${ok} (the ${SESSIONS} initialize requests count in the same window), 429: ${limited}, other: ${other.length ? JSON.stringify(other) : 'none'}`);
  console.log(`  accepted agent writes: ${acceptedPlaceIds.length}, missing from the database: ${missing.length}`);
  console.log(`  places in the database: ${rows.length} (browser ${BROWSER_EDITS}), browser view equals database: ${viewKey === dbKey}`);
  console.log(`  server RSS: ${Math.round(process.memoryUsage().rss / 1048576)} MB (benchmark and server share this process)`);
  if (other.length) failures.push(`unexpected statuses ${JSON.stringify(other)}`);
  if (ok + SESSIONS > LIMIT * 2) failures.push(`${ok} calls accepted; at most ${LIMIT} requests per minute (two windows at most) expected`);
  if (missing.length) failures.push(`${missing.length} accepted writes missing`);
  if (viewKey !== dbKey) failures.push('the browser view differs from the database');
  if (rows.length !== acceptedPlaceIds.length + BROWSER_EDITS) failures.push(`expected ${acceptedPlaceIds.length + BROWSER_EDITS} places, found ${rows.length}`);
} finally {
  await running.close();
}
if (failures.length) {
  console.error(`flood: FAILED\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
console.log('flood: passed');

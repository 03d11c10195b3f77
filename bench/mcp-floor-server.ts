// Benchmark child: the floor — a bare MCP SDK server (McpServer per session, Streamable HTTP with sessions, JSON
// responses like Waymark's), a bearer check and no-op tools, no database.
// With FLOOR_DATABASE_URL (and FLOOR_USER_ID), the database floor: the same SDK server whose list_trips and
// create_place send the statements Waymark's must send at the least, by hand through `pg` on Waymark's own database — the
// trip list with members and counts, or the membership check and the insert, then the audit row — so that the ratio
// to it is Waymark's own overhead (tRPC, Prisma, the rules) rather than the cost of using a database at all.
import http from 'node:http';
import crypto from 'node:crypto';
import { createRequire } from 'node:module';
import { z } from 'zod';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js';

const TOKEN = `floor_${crypto.randomBytes(8).toString('hex')}`;
const TOOL_COUNT = Number(process.env.FLOOR_TOOLS ?? 40);
const transports = new Map<string, StreamableHTTPServerTransport>();

type Query = (name: string, text: string, values: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;
const database: Query | null = process.env.FLOOR_DATABASE_URL ? openDatabase(process.env.FLOOR_DATABASE_URL) : null;
const USER_ID = Number(process.env.FLOOR_USER_ID ?? 0);

function openDatabase(url: string): Query {
  const pg = createRequire(import.meta.url)('pg') as typeof import('pg');
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // named statements: parsed and planned once per connection
  return (name, text, values) => pool.query({ name, text, values });
}

const LIST_TRIPS = `SELECT t.id, t.title, t.description, t."startDate", t."endDate", t.currency, t.archived, t."ownerId",
    (SELECT json_agg(json_build_object('id', u.id, 'username', u.username, 'displayName', u."displayName"))
       FROM "User" u WHERE u.id = t."ownerId" OR u.id IN (SELECT m."userId" FROM "TripMember" m WHERE m."tripId" = t.id)) AS members,
    (SELECT count(*) FROM "Place" p WHERE p."tripId" = t.id)::int AS "placeCount",
    (SELECT count(*) FROM "Day" d WHERE d."tripId" = t.id)::int AS "dayCount"
  FROM "Trip" t
  WHERE (t."ownerId" = $1 OR EXISTS (SELECT 1 FROM "TripMember" m WHERE m."tripId" = t.id AND m."userId" = $1)) AND NOT t.archived
  ORDER BY t."startDate" ASC NULLS LAST, t.id DESC`;
const MAY_EDIT = `SELECT 1 FROM "Trip" t WHERE t.id = $1 AND (t."ownerId" = $2 OR EXISTS (SELECT 1 FROM "TripMember" m WHERE m."tripId" = t.id AND m."userId" = $2))`;
const INSERT_PLACE = `INSERT INTO "Place" ("tripId", name, "createdById", "updatedAt") VALUES ($1, $2, $3, now()) RETURNING *`;
const AUDIT = `INSERT INTO "AuditLog" ("createdAt", "userId", action, "clientId", success, detail, ip) VALUES (now(), $1, 'mcp.tool_call', 'floor', true, $2::jsonb, '127.0.0.1')`;

const reply = (value: unknown) => ({ content: [{ type: 'text' as const, text: JSON.stringify(value) }], structuredContent: value as Record<string, unknown> });

async function listTrips() {
  if (!database) return reply({ trips: [] });
  const { rows } = await database('floor_list_trips', LIST_TRIPS, [USER_ID]);
  await database('floor_audit', AUDIT, [USER_ID, '{"tool":"list_trips"}']);
  return reply({ trips: rows.map((t) => ({ ...t, role: t.ownerId === USER_ID ? 'owner' : 'member' })) });
}

async function createPlace(tripId: number, name: string) {
  if (!database) return reply({ place: { name } });
  const allowed = await database('floor_may_edit', MAY_EDIT, [tripId, USER_ID]);
  if (!allowed.rows.length) return { content: [{ type: 'text' as const, text: 'Trip not found' }], isError: true };
  const { rows } = await database('floor_insert_place', INSERT_PLACE, [tripId, name, USER_ID]);
  await database('floor_audit', AUDIT, [USER_ID, '{"tool":"create_place"}']);
  return reply({ place: rows[0] });
}

function newServer() {
  const server = new McpServer({ name: 'floor', version: '1.0.0' });
  server.registerTool('list_trips', { description: 'no-op', inputSchema: { includeArchived: z.boolean().optional() } }, listTrips);
  server.registerTool('create_place', { description: 'no-op', inputSchema: { tripId: z.number().int(), name: z.string().max(200) } }, ({ tripId, name }) =>
    createPlace(tripId, name),
  );
  for (let i = 2; i < TOOL_COUNT; i++) {
    server.registerTool(`noop_${i}`, { description: 'no-op', inputSchema: { tripId: z.number().int() } }, async () => ({ content: [] }));
  }
  return server;
}

async function readBody(req: http.IncomingMessage) {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : undefined;
}

const httpServer = http.createServer(async (req, res) => {
  if (req.headers.authorization !== `Bearer ${TOKEN}`) {
    res.writeHead(401, { 'WWW-Authenticate': 'Bearer' }).end();
    return;
  }
  const sessionId = req.headers['mcp-session-id'] as string | undefined;
  const body = req.method === 'POST' ? await readBody(req) : undefined;
  let transport = sessionId ? transports.get(sessionId) : undefined;
  if (!transport) {
    if (req.method !== 'POST' || !isInitializeRequest(body)) {
      res.writeHead(sessionId ? 404 : 400).end();
      return;
    }
    const t: StreamableHTTPServerTransport = new StreamableHTTPServerTransport({
      sessionIdGenerator: () => crypto.randomUUID(),
      enableJsonResponse: true,
      onsessioninitialized: (id) => void transports.set(id, t),
    });
    t.onclose = () => {
      if (t.sessionId) transports.delete(t.sessionId);
    };
    await newServer().connect(t);
    transport = t;
  }
  await transport.handleRequest(req, res, body);
});
httpServer.listen(0, '127.0.0.1', () => {
  const port = (httpServer.address() as { port: number }).port;
  process.send!({ type: 'ready', url: `http://127.0.0.1:${port}`, token: TOKEN, tripId: Number(process.env.FLOOR_TRIP_ID ?? 1) });
});
process.on('message', (msg: { type: string }) => {
  if (msg.type === 'rss') process.send!({ type: 'rss', rss: process.memoryUsage().rss });
  if (msg.type === 'cpu') process.send!({ type: 'cpu', cpu: process.cpuUsage() });
  if (msg.type === 'stop') httpServer.close(() => process.exit(0));
});
process.on('disconnect', () => process.exit(0)); // the bench that started this process is gone

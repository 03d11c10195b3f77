// Benchmark child: the floor — a bare MCP SDK server (McpServer per session, Streamable HTTP with sessions, JSON
// responses like Waymark's), a bearer check and no-op tools, no database.
import http from 'node:http';
import crypto from 'node:crypto';
import { z } from 'zod';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js';

const TOKEN = `floor_${crypto.randomBytes(8).toString('hex')}`;
const TOOL_COUNT = Number(process.env.FLOOR_TOOLS ?? 40);
const transports = new Map<string, StreamableHTTPServerTransport>();

function newServer() {
  const server = new McpServer({ name: 'floor', version: '1.0.0' });
  server.registerTool('list_trips', { description: 'no-op', inputSchema: { includeArchived: z.boolean().optional() } }, async () => ({
    content: [{ type: 'text', text: '{"trips":[]}' }],
    structuredContent: { trips: [] },
  }));
  server.registerTool(
    'create_place',
    { description: 'no-op', inputSchema: { tripId: z.number().int(), name: z.string().max(200) } },
    async ({ name }) => ({ content: [{ type: 'text', text: JSON.stringify({ place: { name } }) }], structuredContent: { place: { name } } }),
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
  process.send!({ type: 'ready', url: `http://127.0.0.1:${port}`, token: TOKEN, tripId: 1 });
});
process.on('message', (msg: { type: string }) => {
  if (msg.type === 'rss') process.send!({ type: 'rss', rss: process.memoryUsage().rss });
  if (msg.type === 'cpu') process.send!({ type: 'cpu', cpu: process.cpuUsage() });
  if (msg.type === 'stop') httpServer.close(() => process.exit(0));
});
process.on('disconnect', () => process.exit(0)); // the bench that started this process is gone

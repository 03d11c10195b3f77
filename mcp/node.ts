// Serves /mcp straight from Node's HTTP server, ahead of the Remix request handler (same handler as the Remix route
// app/routes/mcp.ts, without Remix's per-request routing and body conversion). Installed as an httpHook.
import type http from 'node:http';
import type { Express } from 'express';
import type { Services } from '~/services.server';
import { handleMcpRequest } from './http';

async function readBody(req: http.IncomingMessage) {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 4 * 1024 * 1024) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export async function serveMcp(services: Services, req: http.IncomingMessage, res: http.ServerResponse) {
  try {
    const headers = new Headers();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value === undefined) continue;
      if (Array.isArray(value)) for (const v of value) headers.append(key, v);
      else headers.set(key, value);
    }
    headers.set('x-waymark-client-ip', req.socket.remoteAddress ?? '');
    const method = req.method ?? 'GET';
    const body = method === 'POST' ? await readBody(req) : undefined;
    const request = new Request(`http://${req.headers.host ?? 'localhost'}${req.url ?? '/mcp'}`, { method, headers, body });
    const response = await handleMcpRequest(request, services);
    const out: Record<string, string> = {};
    response.headers.forEach((v, k) => (out[k] = v));
    const payload = response.body ? Buffer.from(await response.arrayBuffer()) : undefined;
    if (payload) out['content-length'] = String(payload.length);
    res.writeHead(response.status, out);
    res.end(payload);
  } catch (error) {
    console.error('[waymark] /mcp failed:', error);
    if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ error: 'server_error', message: 'Something went wrong on the server' }));
  }
}

/** services.httpHooks entry: mounts /mcp on the express app before the Remix catch-all. */
export function mcpHttpHook(services: Services) {
  return (app: Express) => {
    app.all('/mcp', (req, res) => void serveMcp(services, req, res));
  };
}

// Serves /mcp straight from Node's HTTP server, ahead of express and the Remix request handler (same handler as the
// Remix route app/routes/mcp.ts, without express middleware, Remix routing or Web Streams). Installed as an httpHook.
import type http from 'node:http';
import type { Express } from 'express';
import type { Services } from '~/services/types.server';
import { CLIENT_IP_HEADER, clientIpFrom } from '~/utils/request.server';
import { announcesTooLarge, BodyTooLarge, MCP_BODY_LIMIT, readBodyWithin, refuseTooLarge } from '~/utils/body-limit.server';
import { handleMcp, type McpHttpRequest } from './http';

/** The request as mcp/http.ts reads it. The client address comes from the socket (or proxies TRUST_PROXY trusts). */
function adapt(req: http.IncomingMessage, services: Services): McpHttpRequest {
  const method = req.method ?? 'GET';
  return {
    method,
    headers: {
      get(name: string) {
        const key = name.toLowerCase();
        if (key === CLIENT_IP_HEADER) return clientIpFrom(req.socket.remoteAddress ?? '', req.headers['x-forwarded-for'], services.config.trustProxy);
        const value = req.headers[key];
        if (value === undefined) return null;
        return Array.isArray(value) ? value.join(', ') : value;
      },
    },
    text: () => (method === 'POST' ? readBodyWithin(req, MCP_BODY_LIMIT).then((b) => b.toString('utf8')) : Promise.resolve('')),
  };
}

async function serveMcp(services: Services, req: http.IncomingMessage, res: http.ServerResponse) {
  // An announced oversize body is refused before authentication, so nothing waits on it.
  if (announcesTooLarge(req, MCP_BODY_LIMIT)) return refuseTooLarge(req, res, MCP_BODY_LIMIT);
  try {
    const reply = await handleMcp(adapt(req, services), services);
    if (reply.stream) {
      res.writeHead(reply.status, reply.headers);
      res.flushHeaders();
      const detach = reply.stream(
        (chunk) => res.write(chunk),
        () => res.end(),
      );
      res.on('close', detach);
      return;
    }
    if (reply.body === null) {
      res.writeHead(reply.status, reply.headers);
      res.end();
      return;
    }
    const payload = Buffer.from(reply.body, 'utf8');
    res.writeHead(reply.status, { ...reply.headers, 'Content-Length': String(payload.length) });
    res.end(payload);
  } catch (error) {
    if (error instanceof BodyTooLarge) return refuseTooLarge(req, res, MCP_BODY_LIMIT);
    console.error('[waymark] /mcp failed:', error);
    if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ error: 'server_error', message: 'Something went wrong on the server' }));
  }
}

/** True for the MCP endpoint's path (with or without a query string or trailing slash). */
function isMcpPath(url: string | undefined) {
  if (!url || !url.startsWith('/mcp')) return false;
  const rest = url.slice(4);
  return rest === '' || rest === '/' || rest.startsWith('?') || rest.startsWith('/?');
}

/**
 * services.httpHooks entry: answers /mcp on the HTTP server before express sees the request (express's static file
 * middleware alone costs a file-system lookup per request), and mounts the same handler on the express app as well.
 */
export function mcpHttpHook(services: Services) {
  return (app: Express, server?: http.Server) => {
    app.all('/mcp', (req, res) => void serveMcp(services, req, res));
    if (!server) return;
    const listeners = server.listeners('request') as Array<(req: http.IncomingMessage, res: http.ServerResponse) => void>;
    server.removeAllListeners('request');
    server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
      if (isMcpPath(req.url)) {
        void serveMcp(services, req, res);
        return;
      }
      for (const listener of listeners) listener.call(server, req, res);
    });
  };
}

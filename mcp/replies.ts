// The shapes /mcp answers with, shared by the HTTP layer and the JSON-RPC dispatch: plain replies, JSON-RPC errors,
// and the 403 insufficient_scope a call can end in.

/** A plain reply (no Web Streams on the hot path); handleMcpRequest wraps it in a Fetch `Response`. */
export interface McpHttpReply {
  status: number;
  headers: Record<string, string>;
  body: string | null;
  /** An SSE reply instead of `body`: its events, and `close` for when the client goes away before the end. */
  stream?: { events: AsyncIterable<string>; close(): void };
}

/** A JSON-RPC message already serialised (the cached tools/list answer), sent as it is. */
export class PreSerialised {
  constructor(readonly text: string) {}
}

/** A message (or an array of them) as JSON text; PreSerialised ones are spliced in without being serialised again. */
export function serialize(body: unknown): string {
  if (body instanceof PreSerialised) return body.text;
  if (Array.isArray(body) && body.some((m) => m instanceof PreSerialised)) return `[${body.map(serialize).join(',')}]`;
  return JSON.stringify(body);
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): McpHttpReply {
  return { status, headers: { 'Content-Type': 'application/json', ...headers }, body: serialize(body) };
}

export function empty(status: number): McpHttpReply {
  return { status, headers: {}, body: null };
}

export function rpcError(id: unknown, code: number, message: string) {
  return { jsonrpc: '2.0', id: id ?? null, error: { code, message } };
}

export function unauthorizedHeader(appUrl: string) {
  return `Bearer realm="Waymark", error="invalid_token", resource_metadata="${appUrl}/.well-known/oauth-protected-resource/mcp"`;
}

/** Thrown by the dispatch when a message must end the whole HTTP exchange with this reply. */
export class HttpFailure extends Error {
  constructor(readonly response: McpHttpReply) {
    super('http failure');
  }
}

export function insufficientScope(scope: string, id: unknown) {
  return new HttpFailure(
    json(403, rpcError(id, -32003, `This token lacks the ${scope} scope`), {
      'WWW-Authenticate': `Bearer error="insufficient_scope", scope="${scope}"`,
    }),
  );
}

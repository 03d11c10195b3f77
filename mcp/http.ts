// The /mcp endpoint's HTTP and session layer (MCP Streamable HTTP, JSON responses): per request only the bearer check,
// the rate window, the session lookup and then the JSON-RPC dispatch (./dispatch.ts) run. Waymark issues and checks
// Mcp-Session-Id itself, from a store that can live in PostgreSQL so any instance continues any session.
import { LATEST_PROTOCOL_VERSION, SUPPORTED_PROTOCOL_VERSIONS } from './protocol-versions';
import type { Services } from '~/services/types.server';
import { readBearer, resolveBearer } from '~/auth/bearer.server';
import { hashSecret } from '~/auth/tokens.server';
import { mcpClientKey, mcpRateKey } from '~/auth/mcp-session-keys';
import { clientIp } from '~/utils/request.server';
import { isLoopbackOrigin, isOwnHost, isOwnOrigin } from '~/utils/own-hosts';
import { STATIC_TOKEN_NOTICE } from './prompts';
import { CallContext, dispatch } from './dispatch';
import { ACTOR_TTL_MS, forgetSession, mcpRuntime, rememberActor, type ActorEntry, type McpRuntime } from './runtime';
import { noteActor } from './subscriptions';
import { openResumableStream } from './resume';
import { empty, HttpFailure, json, rpcError, unauthorizedHeader, type McpHttpReply } from './replies';
import { answerStreaming, EXTRA_CAPABILITIES, streamResponse } from './exchange';
import type { SessionRecord } from './store';
import { adoptSession, declaresElicitation, sessionState } from './session-state';
import { routeAnswer } from './answers';

const SERVER_INFO = { name: 'waymark', title: 'Waymark', version: '0.1.0' };
const CAPABILITIES = { tools: { listChanged: true }, resources: { subscribe: true, listChanged: true }, prompts: { listChanged: false } };
const INSTRUCTIONS =
  'Waymark is a collaborative trip planner. Start with list_trips to find trip ids, then get_trip_summary for ' +
  'everything about one trip. Every change you make is shown live to the trip’s members.';

/** What the handler reads from a request: a Fetch `Request` fits, and so does the light adapter in mcp/node.ts. */
export interface McpHttpRequest {
  method: string;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}

/** The Remix route's entry: Fetch Request in, Fetch Response out. */
export async function handleMcpRequest(request: Request, services: Services): Promise<Response> {
  const reply = await handleMcp(request, services);
  if (reply.stream) return streamResponse(reply.status, reply.headers, reply.stream);
  return new Response(reply.body, { status: reply.status, headers: reply.headers });
}

/** Null when Host and Origin (if sent) name this server; otherwise the refusal (the Streamable HTTP transport's DNS-rebinding rule). */
function foreignCaller(request: McpHttpRequest, appUrl: string): McpHttpReply | null {
  // A page on another site that rebinds its own name to this server's address sends its own name as Host (and its
  // origin as Origin): both must name this server.
  const host = (request.headers.get('Host') ?? '').toLowerCase();
  if (!isOwnHost(host, appUrl)) {
    return json(403, { error: 'forbidden_host', message: `This MCP server answers only at ${appUrl}/mcp (Host ${host || 'missing'} refused)` });
  }
  const origin = request.headers.get('Origin');
  if (origin && !isOwnOrigin(origin, appUrl) && !isLoopbackOrigin(origin)) return json(403, { error: 'forbidden_origin', message: 'Requests from other sites’ pages are refused' });
  return null;
}

export async function handleMcp(request: McpHttpRequest, services: Services): Promise<McpHttpReply> {
  const { config } = services;
  const foreign = foreignCaller(request, config.appUrl);
  if (foreign) return foreign;
  if (!(await services.addons.isEnabled('mcp'))) {
    return json(403, { error: 'mcp_disabled', message: 'The MCP server is turned off by the administrator' });
  }
  const rt = mcpRuntime(services);
  const authenticated = await authenticate(request, services, rt);
  if (!authenticated) {
    return json(
      401,
      { error: 'invalid_token', message: 'A valid bearer token is required (OAuth access token or API token)' },
      { 'WWW-Authenticate': unauthorizedHeader(config.appUrl) },
    );
  }
  const actor = authenticated.actor;
  const now = rt.now();
  const clientKey = mcpClientKey(actor);
  const limit = config.mcp.rateLimitPerMinute;
  const sessionId = request.headers.get('Mcp-Session-Id');
  const { rate, session } = await rt.store.admit(
    mcpRateKey(actor.user.id, clientKey),
    limit,
    sessionId ? { id: sessionId, idleMs: config.mcp.sessionIdleMs } : null,
    now,
  );
  // The session's own: live, and opened by this user through this client (another client of the same user gets 404,
  // as any stranger does).
  const owned = (s: SessionRecord | null): s is SessionRecord => !!s && s.userId === actor.user.id && s.clientKey === clientKey;
  if (sessionId && !session) forgetSession(rt, sessionId); // closed (maybe through another instance) or idle too long
  if (owned(session)) adoptSession(rt, session);
  if (!rate.allowed) {
    return json(
      429,
      {
        error: 'rate_limited',
        message: `Rate limit reached: at most ${limit} MCP requests per minute for this user and client. Try again in ${rate.retryAfter} s.`,
      },
      { 'Retry-After': String(rate.retryAfter) },
    );
  }

  if (request.method === 'GET' && sessionId) {
    // The session's stream of server-initiated messages (resource updates, list changes): mcp/subscriptions.ts.
    if (!owned(session)) return json(404, rpcError(null, -32001, 'Session not found'));
    return openResumableStream(services, session, actor, clientIp(request), request.headers.get('Accept'), request.headers.get('Last-Event-ID'));
  }
  if (request.method === 'GET') {
    // Server-initiated messages need a session to belong to.
    return json(405, rpcError(null, -32000, 'Method not allowed: this server sends no server-initiated messages'), { Allow: 'POST, DELETE' });
  }
  if (request.method === 'DELETE') {
    if (!sessionId) return json(400, rpcError(null, -32000, 'Bad Request: Mcp-Session-Id header is required'));
    // Only the client that opened a session may end it.
    if (!owned(session)) return json(404, rpcError(null, -32001, 'Session not found'));
    await rt.store.close(sessionId, now);
    forgetSession(rt, sessionId);
    return empty(200);
  }
  if (request.method !== 'POST') {
    return json(405, rpcError(null, -32000, 'Method not allowed'), { Allow: 'POST, DELETE' });
  }

  const version = request.headers.get('Mcp-Protocol-Version');
  if (version && !SUPPORTED_PROTOCOL_VERSIONS.includes(version)) {
    return json(400, rpcError(null, -32000, `Bad Request: unsupported protocol version ${version}`));
  }
  let body: unknown;
  try {
    body = JSON.parse(await request.text());
  } catch {
    return json(400, rpcError(null, -32700, 'Parse error: the body is not JSON'));
  }
  // Batches are refused: protocol 2025-06-18 removed them, and a batch would carry many calls through one admission
  // of the rate window (a probe created 500 trips with MCP_RATE_LIMIT=30). An array of one message is still one request.
  if (Array.isArray(body) && body.length > 1) {
    return json(400, rpcError(null, -32600, 'Invalid Request: JSON-RPC batches are not supported; send one message per request'));
  }
  const messages = (Array.isArray(body) ? body : [body]) as Array<Record<string, unknown>>;
  if (messages.length === 0 || messages.some((m) => !m || typeof m !== 'object' || m.jsonrpc !== '2.0')) {
    return json(400, rpcError(null, -32600, 'Invalid Request: expected JSON-RPC 2.0 messages'));
  }

  const init = messages.find((m) => m.method === 'initialize');
  if (init) {
    if (messages.length > 1) return json(400, rpcError(init.id, -32600, 'Invalid Request: initialize must be sent alone'));
    const params = (init.params ?? {}) as { protocolVersion?: string; capabilities?: unknown };
    const elicitation = declaresElicitation(params.capabilities);
    const opened = await rt.store.open(
      { userId: actor.user.id, clientKey, tokenFamily: actor.tokenFamily ?? null },
      { maxPerUser: config.mcp.maxSessionsPerUser, idleMs: config.mcp.sessionIdleMs },
      now,
      elicitation,
    );
    if (!opened.ok) {
      return json(
        429,
        rpcError(
          init.id,
          -32000,
          `Session limit reached: at most ${config.mcp.maxSessionsPerUser} concurrent MCP sessions per user. Close another session or wait until one expires.`,
        ),
        { 'Retry-After': '60' },
      );
    }
    rememberActor(rt, opened.id, authenticated);
    sessionState(rt, opened.id).elicitation = elicitation;
    const protocolVersion =
      params.protocolVersion && SUPPORTED_PROTOCOL_VERSIONS.includes(params.protocolVersion) ? params.protocolVersion : LATEST_PROTOCOL_VERSION;
    const result = {
      protocolVersion,
      capabilities: { ...CAPABILITIES, ...EXTRA_CAPABILITIES },
      serverInfo: SERVER_INFO,
      instructions: actor.via === 'static' ? `${STATIC_TOKEN_NOTICE}\n\n${INSTRUCTIONS}` : INSTRUCTIONS,
    };
    return json(200, { jsonrpc: '2.0', id: init.id, result }, { 'Mcp-Session-Id': opened.id });
  }

  if (!sessionId) return json(400, rpcError(null, -32000, 'Bad Request: Mcp-Session-Id header is required'));
  if (!owned(session)) {
    return json(404, rpcError(null, -32001, 'Session not found or expired: initialize a new session'));
  }

  for (const m of messages) if (m.method === undefined && m.id !== undefined && ('result' in m || 'error' in m)) await routeAnswer(services, sessionId, m);
  noteActor(services, sessionId, actor);
  const requests = messages.filter((m) => typeof m.method === 'string' && m.id !== undefined && m.id !== null);
  if (requests.length === 0) return empty(202);
  const call = new CallContext(services, actor, sessionId, clientIp(request));
  if ((request.headers.get('Accept') ?? '').includes('text/event-stream')) return answerStreaming(call, requests, Array.isArray(body));
  try {
    const responses = [];
    for (const message of requests) responses.push(await dispatch(call, message));
    return json(200, Array.isArray(body) ? responses : responses[0]);
  } catch (error) {
    if (error instanceof HttpFailure) return error.response;
    throw error;
  }
}

/**
 * The bearer's actor: from the session's cache entry when the same token was checked moments ago, else the database.
 * Returns the cache entry, so initialize can file it under the session it opens (its next request needs no lookup).
 */
async function authenticate(request: McpHttpRequest, services: Services, rt: McpRuntime): Promise<ActorEntry | null> {
  const token = readBearer(request);
  if (!token) return null;
  const sessionId = request.headers.get('Mcp-Session-Id');
  const wall = Date.now();
  const generation = rt.generation;
  const tokenHash = hashSecret(token);
  if (sessionId) {
    const cached = rt.actors.get(sessionId);
    if (cached && cached.tokenHash === tokenHash && wall - cached.checkedAt < ACTOR_TTL_MS && cached.expiresAt > rt.now().getTime()) {
      return cached;
    }
  }
  const resolved = await resolveBearer(services.database, token, { resource: `${services.config.appUrl}/mcp`, now: rt.now() });
  if (!resolved) {
    if (sessionId) rt.actors.delete(sessionId);
    return null;
  }
  const entry: ActorEntry = {
    tokenHash,
    actor: resolved.actor,
    expiresAt: resolved.expiresAt ? resolved.expiresAt.getTime() : Number.POSITIVE_INFINITY,
    checkedAt: wall,
    generation,
  };
  if (sessionId) rememberActor(rt, sessionId, entry);
  return entry;
}

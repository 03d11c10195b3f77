// The /mcp endpoint (MCP Streamable HTTP, JSON responses). One registry for the whole process; per request only the
// bearer check, the session lookup and the JSON-RPC dispatch run. Waymark issues and checks Mcp-Session-Id itself,
// from a store that can live in PostgreSQL so any instance continues any session.
import { TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import { LATEST_PROTOCOL_VERSION, SUPPORTED_PROTOCOL_VERSIONS } from '@modelcontextprotocol/sdk/types.js';
import type { Services } from '~/services.server';
import type { Actor } from '~/auth/actor.server';
import { readBearer, resolveBearer } from '~/auth/bearer.server';
import { hashSecret } from '~/auth/tokens.server';
import { grantAllows, scopeToRequest } from '~/auth/scopes';
import type { AddonId } from '~/domain/addons';
import { appRouter } from '~/trpc/root';
import { createContext, describeZodError, InsufficientScopeError } from '~/trpc/init';
import { buildRegistry, entryVisible, visibleTools, type RegistryEntry, type ToolEntry } from './registry';
import { createDatabaseStore, createMemoryStore, type McpStore, type SessionFilter } from './store';
import { PROMPTS, PromptArgumentError, STATIC_TOKEN_NOTICE } from './prompts';

/** Built once per process, from procedure meta. */
export const registry = buildRegistry(appRouter);

const SERVER_INFO = { name: 'waymark', title: 'Waymark', version: '0.1.0' };
const CAPABILITIES = { tools: { listChanged: false }, resources: { listChanged: false }, prompts: { listChanged: false } };
const INSTRUCTIONS =
  'Waymark is a collaborative trip planner. Start with list_trips to find trip ids, then get_trip_summary for ' +
  'everything about one trip. Every change you make is shown live to the trip’s members.';

export interface McpRuntime {
  store: McpStore;
  /** Shifts the clock (tests use it to expire sessions without waiting). */
  clockOffsetMs: number;
  now(): Date;
  /** Static-token sessions that already received the deprecation notice on a tool result. */
  noticeShown: Set<string>;
  /** tools/list results (frozen) by grant + enabled addons. */
  toolListCache: Map<string, readonly unknown[]>;
  /**
   * The actor of each live session, re-read from the database at most every ACTOR_TTL_MS. Closing sessions (token
   * revocation, token deletion) drops the entries, so a revoked token is refused on its next request.
   */
  actors: Map<string, { tokenHash: string; actor: Actor; expiresAt: number; checkedAt: number; generation: number }>;
  /** Bumped whenever sessions are closed; an actor resolved before a bump is not cached. */
  generation: number;
}

const ACTOR_TTL_MS = 15_000;

const RUNTIME = Symbol.for('waymark.mcp.runtime');

export function mcpRuntime(services: Services): McpRuntime {
  const holder = services as unknown as Record<symbol, McpRuntime | undefined>;
  let runtime = holder[RUNTIME];
  if (!runtime) {
    const rt: McpRuntime = {
      store: services.database.kind === 'embedded' ? createMemoryStore() : createDatabaseStore(services.db),
      clockOffsetMs: 0,
      now: () => new Date(Date.now() + rt.clockOffsetMs),
      noticeShown: new Set(),
      toolListCache: new Map(),
      actors: new Map(),
      generation: 0,
    };
    runtime = rt;
    Object.defineProperty(services, RUNTIME, { value: rt, enumerable: false });
    services.mcpSessions = mcpSessionCloser(services);
  }
  return runtime;
}

/** services.mcpSessions: closes sessions when the OAuth layer revokes or rotates tokens. */
export function mcpSessionCloser(services: Services) {
  return {
    close: (filter: SessionFilter) => {
      const rt = mcpRuntime(services);
      rt.generation += 1;
      rt.actors.clear();
      return rt.store.closeMatching(filter, rt.now());
    },
  };
}

// ───────────── HTTP helpers ─────────────

/** What the handler reads from a request: a Fetch `Request` fits, and so does the light adapter in mcp/node.ts. */
export interface McpHttpRequest {
  method: string;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}

/** A plain reply (no Web Streams on the hot path); handleMcpRequest wraps it in a Fetch `Response`. */
export interface McpHttpReply {
  status: number;
  headers: Record<string, string>;
  body: string | null;
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): McpHttpReply {
  return { status, headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) };
}

function empty(status: number): McpHttpReply {
  return { status, headers: {}, body: null };
}

function rpcError(id: unknown, code: number, message: string) {
  return { jsonrpc: '2.0', id: id ?? null, error: { code, message } };
}

export function unauthorizedHeader(appUrl: string) {
  return `Bearer realm="Waymark", error="invalid_token", resource_metadata="${appUrl}/.well-known/oauth-protected-resource/mcp"`;
}

class HttpFailure extends Error {
  constructor(readonly response: McpHttpReply) {
    super('http failure');
  }
}

function insufficientScope(scope: string, id: unknown) {
  return new HttpFailure(
    json(403, rpcError(id, -32003, `This token lacks the ${scope} scope`), {
      'WWW-Authenticate': `Bearer error="insufficient_scope", scope="${scope}"`,
    }),
  );
}

function clientKeyOf(actor: Actor) {
  return actor.via === 'static' ? actor.clientId! : `oauth:${actor.clientId ?? ''}`;
}

// ───────────── entry point ─────────────

/** The Remix route's entry: Fetch Request in, Fetch Response out. */
export async function handleMcpRequest(request: Request, services: Services): Promise<Response> {
  const reply = await handleMcp(request, services);
  return new Response(reply.body, { status: reply.status, headers: reply.headers });
}

export async function handleMcp(request: McpHttpRequest, services: Services): Promise<McpHttpReply> {
  const { config } = services;
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
  const clientKey = clientKeyOf(actor);
  const limit = config.mcp.rateLimitPerMinute;
  const sessionId = request.headers.get('Mcp-Session-Id');
  const { rate, session } = await rt.store.admit(
    `mcp:${actor.user.id}:${clientKey}`,
    limit,
    sessionId ? { id: sessionId, idleMs: config.mcp.sessionIdleMs } : null,
    now,
  );
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

  if (request.method === 'GET') {
    // No server-initiated messages: no standalone SSE stream.
    return json(405, rpcError(null, -32000, 'Method not allowed: this server sends no server-initiated messages'), { Allow: 'POST, DELETE' });
  }
  if (request.method === 'DELETE') {
    if (!sessionId) return json(400, rpcError(null, -32000, 'Bad Request: Mcp-Session-Id header is required'));
    if (!session || session.userId !== actor.user.id) return json(404, rpcError(null, -32001, 'Session not found'));
    await rt.store.close(sessionId, now);
    rt.noticeShown.delete(sessionId);
    rt.actors.delete(sessionId);
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
  const messages = (Array.isArray(body) ? body : [body]) as Array<Record<string, unknown>>;
  if (messages.length === 0 || messages.some((m) => !m || typeof m !== 'object' || m.jsonrpc !== '2.0')) {
    return json(400, rpcError(null, -32600, 'Invalid Request: expected JSON-RPC 2.0 messages'));
  }

  const init = messages.find((m) => m.method === 'initialize');
  if (init) {
    if (messages.length > 1) return json(400, rpcError(init.id, -32600, 'Invalid Request: initialize must be sent alone'));
    const opened = await rt.store.open(
      { userId: actor.user.id, clientKey, tokenFamily: actor.tokenFamily ?? null },
      { maxPerUser: config.mcp.maxSessionsPerUser, idleMs: config.mcp.sessionIdleMs },
      now,
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
    const params = (init.params ?? {}) as { protocolVersion?: string };
    const protocolVersion =
      params.protocolVersion && SUPPORTED_PROTOCOL_VERSIONS.includes(params.protocolVersion) ? params.protocolVersion : LATEST_PROTOCOL_VERSION;
    const result = {
      protocolVersion,
      capabilities: CAPABILITIES,
      serverInfo: SERVER_INFO,
      instructions: actor.via === 'static' ? `${STATIC_TOKEN_NOTICE}\n\n${INSTRUCTIONS}` : INSTRUCTIONS,
    };
    return json(200, { jsonrpc: '2.0', id: init.id, result }, { 'Mcp-Session-Id': opened.id });
  }

  if (!sessionId) return json(400, rpcError(null, -32000, 'Bad Request: Mcp-Session-Id header is required'));
  if (!session || session.userId !== actor.user.id || session.clientKey !== clientKey) {
    return json(404, rpcError(null, -32001, 'Session not found or expired: initialize a new session'));
  }

  const requests = messages.filter((m) => typeof m.method === 'string' && m.id !== undefined && m.id !== null);
  if (requests.length === 0) return empty(202);
  const call = new CallContext(services, actor, sessionId, request);
  try {
    const responses = [];
    for (const message of requests) responses.push(await dispatch(call, message));
    return json(200, Array.isArray(body) ? responses : responses[0]);
  } catch (error) {
    if (error instanceof HttpFailure) return error.response;
    throw error;
  }
}

type ActorEntry = McpRuntime['actors'] extends Map<string, infer E> ? E : never;

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

function rememberActor(rt: McpRuntime, sessionId: string, entry: ActorEntry) {
  if (entry.generation !== rt.generation) return;
  if (rt.actors.size > 10_000) rt.actors.clear();
  rt.actors.set(sessionId, entry);
}

// ───────────── JSON-RPC dispatch ─────────────

class CallContext {
  private addonValues: Record<AddonId, boolean> | undefined;
  constructor(
    readonly services: Services,
    readonly actor: Actor,
    readonly sessionId: string,
    readonly request: McpHttpRequest,
  ) {}
  async addons() {
    this.addonValues ??= await this.services.addons.all();
    return this.addonValues;
  }
  async visible(entry: RegistryEntry) {
    return entryVisible(entry, this.actor.scopes, await this.addons());
  }
  /** Runs the procedure as this actor with origin 'mcp' — the same middlewares, validation and events as the UI. */
  async call(entry: Pick<RegistryEntry, 'procedure' | 'path' | 'type'>, input: unknown) {
    const ctx = createContext({
      services: this.services,
      actor: this.actor,
      origin: 'mcp',
      ip: this.request.headers.get('x-waymark-client-ip'),
    });
    return entry.procedure({ ctx, getRawInput: async () => input, path: entry.path, type: entry.type, signal: undefined, batchIndex: 0 });
  }
  callPath(path: string, input: unknown) {
    const procedure = (appRouter._def as unknown as { procedures: Record<string, RegistryEntry['procedure']> }).procedures[path];
    const type = (procedure._def as unknown as { type: 'query' | 'mutation' }).type;
    return this.call({ procedure, path, type }, input);
  }
}

type Params = Record<string, unknown>;

async function dispatch(call: CallContext, message: Record<string, unknown>) {
  const id = message.id;
  const params = (message.params && typeof message.params === 'object' ? message.params : {}) as Params;
  const ok = (result: unknown) => ({ jsonrpc: '2.0', id, result });
  switch (message.method) {
    case 'ping':
      return ok({});
    case 'tools/list':
      return { jsonrpc: '2.0', id, result: { tools: await toolList(call) } };
    case 'tools/call':
      return ok(await callTool(call, params, id));
    case 'resources/list':
      return ok({ resources: await resourceList(call, false) });
    case 'resources/templates/list':
      return ok({ resourceTemplates: await resourceList(call, true) });
    case 'resources/read':
      return readResource(call, params, id);
    case 'prompts/list':
      return ok({
        prompts: PROMPTS.filter((p) => p.available(call.actor)).map(({ name, description, arguments: args }) => ({
          name,
          description,
          ...(args ? { arguments: args } : {}),
        })),
      });
    case 'prompts/get':
      return getPrompt(call, params, id);
    default:
      return rpcError(id, -32601, `Method not found: ${String(message.method)}`);
  }
}

async function toolList(call: CallContext) {
  const addons = await call.addons();
  const rt = mcpRuntime(call.services);
  const key = `${call.actor.scopes === null ? '*' : call.actor.scopes.join(' ')}|${Object.entries(addons)
    .filter(([, on]) => on)
    .map(([k]) => k)
    .join(',')}`;
  let cached = rt.toolListCache.get(key);
  if (!cached) {
    // Frozen deep copies: the cached lists are shared by every session with the same grant and are never mutated.
    cached = deepFreeze(JSON.parse(JSON.stringify(visibleTools(registry, call.actor.scopes, addons).map((t) => t.definition)))) as unknown[];
    if (rt.toolListCache.size > 500) rt.toolListCache.clear();
    rt.toolListCache.set(key, cached);
  }
  return cached;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

function errorMessage(error: unknown): { message: string; code: string } {
  if (error instanceof TRPCError) {
    const cause = error.cause as unknown;
    if (cause instanceof ZodError) return { message: describeZodError(cause), code: 'BAD_REQUEST' };
    if (cause && typeof cause === 'object' && Array.isArray((cause as { issues?: unknown }).issues)) {
      return { message: describeZodError(cause as ZodError), code: 'BAD_REQUEST' };
    }
    if (error.code === 'INTERNAL_SERVER_ERROR') {
      console.error('[waymark] MCP tool failed:', error.cause ?? error);
      return { message: 'Something went wrong on the server; nothing was changed', code: error.code };
    }
    return { message: error.message, code: error.code };
  }
  console.error('[waymark] MCP tool failed:', error);
  return { message: 'Something went wrong on the server; nothing was changed', code: 'INTERNAL_SERVER_ERROR' };
}

async function callTool(call: CallContext, params: Params, id: unknown) {
  const name = typeof params.name === 'string' ? params.name : '';
  const tool: ToolEntry | undefined = registry.toolsByName.get(name);
  const { actor, services } = call;
  if (!tool) {
    return { content: [{ type: 'text', text: `Unknown tool: ${name || '(no name)'}` }], isError: true };
  }
  if (!grantAllows(actor.scopes, tool.meta.scope)) {
    await services.audit({ action: 'mcp.tool_call', userId: actor.user.id, clientId: actor.clientId, success: false, detail: { tool: name, error: 'insufficient_scope' } });
    throw insufficientScope(scopeToRequest(tool.meta.scope) ?? 'unknown', id);
  }
  const args = params.arguments === undefined || params.arguments === null ? {} : params.arguments;
  if (typeof args !== 'object' || Array.isArray(args)) {
    await services.audit({ action: 'mcp.tool_call', userId: actor.user.id, clientId: actor.clientId ?? null, success: false, detail: { tool: name, error: 'BAD_REQUEST' } });
    return { content: [{ type: 'text', text: 'arguments: must be an object with named fields' }], isError: true };
  }
  let result: { content: Array<{ type: 'text'; text: string }>; structuredContent?: unknown; isError?: boolean };
  let success = true;
  let errorCode: string | undefined;
  try {
    const output = await call.call(tool, args);
    const structured = output !== null && typeof output === 'object' && !Array.isArray(output) ? output : { result: output ?? null };
    result = { content: [{ type: 'text', text: JSON.stringify(structured) }], structuredContent: structured };
  } catch (error) {
    if (error instanceof InsufficientScopeError) {
      await services.audit({ action: 'mcp.tool_call', userId: actor.user.id, clientId: actor.clientId, success: false, detail: { tool: name, error: 'insufficient_scope' } });
      throw insufficientScope(error.insufficientScope, id);
    }
    const described = errorMessage(error);
    success = false;
    errorCode = described.code;
    result = { content: [{ type: 'text', text: described.message }], isError: true };
  }
  if (actor.via === 'static') {
    const rt = mcpRuntime(services);
    if (!rt.noticeShown.has(call.sessionId)) {
      rt.noticeShown.add(call.sessionId);
      result.content.push({ type: 'text', text: `Notice: ${STATIC_TOKEN_NOTICE}` });
    }
  }
  await services.audit({
    action: 'mcp.tool_call',
    userId: actor.user.id,
    clientId: actor.clientId ?? null,
    success,
    detail: errorCode ? { tool: name, error: errorCode } : { tool: name },
    ip: call.request.headers.get('x-waymark-client-ip'),
  });
  return result;
}

async function resourceList(call: CallContext, templates: boolean) {
  const out = [];
  for (const r of registry.resources) {
    if (templates !== r.params.length > 0) continue;
    if (!(await call.visible(r))) continue;
    out.push(
      templates
        ? { uriTemplate: r.uri, name: r.name, description: r.description, mimeType: 'application/json' }
        : { uri: r.uri, name: r.name, description: r.description, mimeType: 'application/json' },
    );
  }
  return out;
}

async function readResource(call: CallContext, params: Params, id: unknown) {
  const uri = typeof params.uri === 'string' ? params.uri : '';
  for (const r of registry.resources) {
    const match = r.pattern.exec(uri);
    if (!match) continue;
    if (!grantAllows(call.actor.scopes, r.meta.scope)) throw insufficientScope(scopeToRequest(r.meta.scope) ?? 'unknown', id);
    const input: Record<string, unknown> = {};
    r.params.forEach((name, i) => {
      const raw = decodeURIComponent(match[i + 1]);
      input[name] = /^\d+$/.test(raw) ? Number(raw) : raw;
    });
    try {
      const output = await call.call(r, r.params.length ? input : undefined);
      return { jsonrpc: '2.0', id, result: { contents: [{ uri, mimeType: 'application/json', text: JSON.stringify(output) }] } };
    } catch (error) {
      if (error instanceof InsufficientScopeError) throw insufficientScope(error.insufficientScope, id);
      const described = errorMessage(error);
      return rpcError(id, described.code === 'NOT_FOUND' ? -32002 : described.code === 'BAD_REQUEST' ? -32602 : -32603, described.message);
    }
  }
  return rpcError(id, -32002, `Resource not found: ${uri}`);
}

async function getPrompt(call: CallContext, params: Params, id: unknown) {
  const name = typeof params.name === 'string' ? params.name : '';
  const prompt = PROMPTS.find((p) => p.name === name && p.available(call.actor));
  if (!prompt) return rpcError(id, -32602, `Unknown prompt: ${name}`);
  const args = (params.arguments && typeof params.arguments === 'object' ? params.arguments : {}) as Record<string, string>;
  try {
    const result = await prompt.get(args, { actor: call.actor, appUrl: call.services.config.appUrl, call: (p, i) => call.callPath(p, i) });
    return { jsonrpc: '2.0', id, result };
  } catch (error) {
    if (error instanceof PromptArgumentError) return rpcError(id, -32602, error.message);
    if (error instanceof InsufficientScopeError) throw insufficientScope(error.insufficientScope, id);
    return rpcError(id, -32602, errorMessage(error).message);
  }
}

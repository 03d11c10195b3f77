// JSON-RPC dispatch for /mcp: tools, resources and prompts, each answered by calling a tRPC procedure as the
// session's actor (origin 'mcp'), with the same middlewares, validation and events as the UI.
import { TRPCError } from '@trpc/server';
import type { Services } from '~/services/types.server';
import type { Actor } from '~/auth/actor.server';
import { grantAllows, scopeToRequest } from '~/auth/scopes';
import type { AddonId } from '~/domain/addons';
import { appRouter } from '~/trpc/root';
import { createContext, InsufficientScopeError } from '~/trpc/init';
import { describeError } from '~/utils/error-text.server';
import { buildRegistry, definitionsReady, entryVisible, visibleTools, type RegistryEntry, type ToolEntry } from './registry';
import { PROMPTS, PromptArgumentError, STATIC_TOKEN_NOTICE } from './prompts';
import { callProcedure } from './procedures';
import { auditToolCall, toolCallAudit } from './audit';
import { recordAgentActivity } from '~/areas/notifications/agent-activity.server';
import { mcpRuntime } from './runtime';
import { insufficientScope, PreSerialised, rpcError } from './replies';
import type { Outbox } from './stream';
import { complete } from './completions';
import { sessionWarnings, setLogLevel } from './logging';
import { withMcpProgress } from './progress';
import { confirmDestructive } from './confirm';
import { structuredContentOf } from './output-schemas';
import { subscribe, unsubscribe, type SubscribeCall } from './subscriptions';
import { keepSubscription } from './session-sync';
import { mcpClientKey } from '~/auth/mcp-session-keys';

/** Built once per process, from procedure meta. */
export const registry = buildRegistry(appRouter);

/** One HTTP exchange's messages share this: the actor, the session, the addon switches read once. */
export class CallContext {
  private addonValues: Record<AddonId, boolean> | undefined;
  /** Messages to the client before the response (log, progress, elicitation); null when it does not read SSE. */
  outbox: Outbox | null = null;
  constructor(
    readonly services: Services,
    readonly actor: Actor,
    readonly sessionId: string,
    /** the client address, for the context and the audit trail */
    readonly ip: string | null,
  ) {}
  async addons() {
    this.addonValues ??= await this.services.addons.all();
    return this.addonValues;
  }
  async visible(entry: RegistryEntry) {
    return entryVisible(entry, this.actor.scopes, await this.addons());
  }
  /** What resources/subscribe needs of this exchange. */
  subscriber(): SubscribeCall {
    const owner = { userId: this.actor.user.id, clientKey: mcpClientKey(this.actor), tokenFamily: this.actor.tokenFamily ?? null };
    return { services: this.services, actor: this.actor, sessionId: this.sessionId, owner, resources: registry.resources, read: (p, id) => readResource(this, p, id) };
  }
  /** Runs the procedure at `path` as this actor with origin 'mcp'. */
  call(path: string, input: unknown) {
    const ctx = createContext({ services: this.services, actor: this.actor, origin: 'mcp', ip: this.ip });
    return callProcedure(ctx, path, input);
  }
}

type Params = Record<string, unknown>;

/** Answers one JSON-RPC request; throws HttpFailure when the whole exchange must end in an HTTP error. */
export async function dispatch(call: CallContext, message: Record<string, unknown>) {
  const id = message.id;
  const params = (message.params && typeof message.params === 'object' ? message.params : {}) as Params;
  const ok = (result: unknown) => ({ jsonrpc: '2.0', id, result });
  sessionWarnings(call);
  switch (message.method) {
    case 'ping':
      return ok({});
    case 'tools/list':
      await definitionsReady(registry);
      return toolListReply(mcpRuntime(call.services).toolListCache, call.actor.scopes, await call.addons(), id);
    case 'tools/call':
      return ok(await callTool(call, params, id));
    case 'resources/list':
      return ok({ resources: await resourceList(call, false) });
    case 'resources/templates/list':
      return ok({ resourceTemplates: await resourceList(call, true) });
    case 'resources/read':
      return readResource(call, params, id);
    case 'resources/subscribe':
      return keepSubscription(call, params, await subscribe(call.subscriber(), params, id));
    case 'resources/unsubscribe':
      return keepSubscription(call, params, unsubscribe(call.services, call.sessionId, params, id), true);
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
    case 'completion/complete':
      return ok(await complete(call, params));
    case 'logging/setLevel': {
      const set = await setLogLevel(call, params);
      if (!set.ok) return rpcError(id, -32602, set.message);
      sessionWarnings(call);
      return ok({});
    }
    default:
      return rpcError(id, -32601, `Method not found: ${String(message.method)}`);
  }
}

/**
 * The tools/list response for a grant (null = every scope) with these addons on. The list is serialised once per grant
 * and addon state and kept in `cache` as JSON text (about 280 KB with every scope and addon): each session's tools/list
 * then costs a string concatenation, not a walk over the whole list. The definitions must be built (definitionsReady).
 */
export function toolListReply(cache: Map<string, string>, scopes: readonly string[] | null, addons: Partial<Record<string, boolean>>, id: unknown) {
  const key = `${scopes === null ? '*' : scopes.join(' ')}|${Object.entries(addons)
    .filter(([, on]) => on)
    .map(([k]) => k)
    .join(',')}`;
  let tools = cache.get(key);
  if (tools === undefined) {
    tools = JSON.stringify(visibleTools(registry, scopes, addons).map((t) => t.definition));
    if (cache.size > 500) cache.clear();
    cache.set(key, tools);
  }
  return new PreSerialised(`{"jsonrpc":"2.0","id":${JSON.stringify(id)},"result":{"tools":${tools}}}`);
}

/** The agent's text for a failed call: the server's English statement; unexpected failures are logged, not shown. */
function errorMessage(error: unknown) {
  const described = describeError(error);
  if (described.unexpected) console.error('[waymark] MCP tool failed:', error instanceof TRPCError ? (error.cause ?? error) : error);
  return described;
}

async function callTool(call: CallContext, params: Params, id: unknown) {
  const name = typeof params.name === 'string' ? params.name : '';
  const tool: ToolEntry | undefined = registry.toolsByName.get(name);
  const { actor, services, ip } = call;
  if (!tool) {
    return { content: [{ type: 'text', text: `Unknown tool: ${name || '(no name)'}` }], isError: true };
  }
  if (!grantAllows(actor.scopes, tool.meta.scope)) {
    await auditToolCall(services, actor, { tool: name, error: 'insufficient_scope', ip });
    throw insufficientScope(scopeToRequest(tool.meta.scope) ?? 'unknown', id);
  }
  const args = params.arguments === undefined || params.arguments === null ? {} : params.arguments;
  if (typeof args !== 'object' || Array.isArray(args)) {
    await auditToolCall(services, actor, { tool: name, error: 'BAD_REQUEST', ip });
    return { content: [{ type: 'text', text: 'arguments: must be an object with named fields' }], isError: true };
  }
  let result: { content: Array<{ type: 'text'; text: string }>; structuredContent?: unknown; isError?: boolean };
  let errorCode: string | undefined;
  try {
    const confirmed = await confirmDestructive(call, name, args as Record<string, unknown>);
    if (!confirmed.go) {
      await auditToolCall(services, actor, { tool: name, error: 'declined', ip });
      return confirmed.result;
    }
    const output = await withMcpProgress(call, params, () => call.call(tool.path, args));
    const structured = structuredContentOf(output);
    result = { content: [{ type: 'text', text: JSON.stringify(structured) }], structuredContent: structured };
  } catch (error) {
    if (error instanceof InsufficientScopeError) {
      await auditToolCall(services, actor, { tool: name, error: 'insufficient_scope', ip });
      throw insufficientScope(error.insufficientScope, id);
    }
    const described = errorMessage(error);
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
  // A change also goes into the agent-activity summary, which writes the audit row in the same statement (one round
  // trip for both on the common path); neither path throws.
  const changed = !result.isError && tool.meta.mcp?.kind !== 'read';
  if (changed) {
    const audit = toolCallAudit(services, actor, { tool: name, ip });
    await recordAgentActivity(services, actor, { tool: name, args, output: result.structuredContent }, audit);
  } else await auditToolCall(services, actor, { tool: name, error: errorCode, ip });
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
    for (const [i, name] of r.params.entries()) {
      let raw: string;
      try {
        raw = decodeURIComponent(match[i + 1]);
      } catch {
        // A client's malformed escape is its error, not the server's.
        return rpcError(id, -32602, `Invalid params: the URI ${uri.slice(0, 200)} has a malformed percent escape`);
      }
      input[name] = /^\d+$/.test(raw) ? Number(raw) : raw;
    }
    try {
      const output = await call.call(r.path, r.params.length ? input : undefined);
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
    const result = await prompt.get(args, { actor: call.actor, appUrl: call.services.config.appUrl, call: (p, i) => call.call(p, i) });
    return { jsonrpc: '2.0', id, result };
  } catch (error) {
    if (error instanceof PromptArgumentError) return rpcError(id, -32602, error.message);
    if (error instanceof InsufficientScopeError) throw insufficientScope(error.insufficientScope, id);
    return rpcError(id, -32602, errorMessage(error).message);
  }
}

// The MCP tool and resource registry, derived once from the tRPC router's procedure meta. A procedure with meta.mcp is
// a tool (unless it is only a resource); one with meta.mcp.resource is also a resource. Nothing here is hand-listed.
import { z } from 'zod';
import type { AnyTRPCRouter } from '@trpc/server';
import type { McpToolMeta, ProcedureMeta } from '~/trpc/init';
import { grantAllows } from '~/auth/scopes';
import { listProcedures } from './procedures';
import { hasOutputSchema, outputSchemaFor } from './output-schemas';
import { toolDescription } from './descriptions';

export interface ToolDefinition {
  name: string;
  title?: string;
  description: string;
  inputSchema: Record<string, unknown>;
  /** JSON Schema of structuredContent (mcp/output-schemas.ts) */
  outputSchema?: Record<string, unknown>;
  annotations: { readOnlyHint?: boolean; destructiveHint?: boolean; idempotentHint?: boolean; openWorldHint?: boolean };
}

export interface RegistryEntry {
  /** dotted tRPC path, e.g. trips.listTrips */
  path: string;
  type: 'query' | 'mutation';
  meta: ProcedureMeta & { mcp: McpToolMeta };
}

export interface ToolEntry extends RegistryEntry {
  definition: ToolDefinition;
}

export interface ResourceEntry extends RegistryEntry {
  uri: string;
  name: string;
  description: string;
  /** parameter names in the URI template, in order */
  params: string[];
  /** matches a concrete URI; groups are the params */
  pattern: RegExp;
}

export interface Registry {
  tools: ToolEntry[];
  toolsByName: Map<string, ToolEntry>;
  resources: ResourceEntry[];
}

const OBJECT_SCHEMA = { type: 'object', properties: {} } as const;

function jsonSchemaOf(schema: unknown): Record<string, unknown> | null {
  try {
    const json = z.toJSONSchema(schema as z.ZodType, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
    delete json.$schema;
    return json;
  } catch {
    return null;
  }
}

/** JSON Schema of all of a procedure's chained inputs, merged into one object schema. */
function inputJsonSchema(inputs: unknown[]): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  const required = new Set<string>();
  let additionalProperties: unknown;
  for (const input of inputs) {
    const json = jsonSchemaOf(input);
    if (!json || json.type !== 'object') continue;
    Object.assign(properties, (json.properties as Record<string, unknown>) ?? {});
    for (const key of (json.required as string[] | undefined) ?? []) required.add(key);
    if (json.additionalProperties === false) additionalProperties = false;
  }
  const result: Record<string, unknown> = { ...OBJECT_SCHEMA, properties };
  if (required.size) result.required = [...required];
  if (additionalProperties === false) result.additionalProperties = false;
  return result;
}

function annotationsFor(kind: McpToolMeta['kind']): ToolDefinition['annotations'] {
  switch (kind) {
    case 'read':
      return { readOnlyHint: true };
    case 'destructive':
      return { readOnlyHint: false, destructiveHint: true };
    case 'idempotent':
      return { readOnlyHint: false, destructiveHint: false, idempotentHint: true };
    default:
      return { readOnlyHint: false, destructiveHint: false };
  }
}

function templatePattern(uri: string) {
  const params: string[] = [];
  const escaped = uri
    .split(/(\{[a-zA-Z]+\})/)
    .map((part) => {
      const m = /^\{([a-zA-Z]+)\}$/.exec(part);
      if (m) {
        params.push(m[1]);
        return '([^/?#]+)';
      }
      return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  return { params, pattern: new RegExp(`^${escaped}$`) };
}

/**
 * A tool's definition whose description, input schema and output schema are made on first read (the first tools/list),
 * not at start-up: converting every tool's zod input and composing its description took about a tenth of the server's
 * start (decision 028). The keys keep the order tools/list has always had.
 */
function lazyDefinition(path: string, meta: RegistryEntry['meta'], inputs: unknown[]): ToolDefinition {
  let inputSchema: Record<string, unknown> | undefined;
  let description: string | undefined;
  const input = () => (inputSchema ??= inputJsonSchema(inputs));
  const hasOutput = hasOutputSchema(path);
  const output = () => (hasOutput ? outputSchemaFor(path) : undefined);
  const { scope, addon } = meta;
  const definition = { name: meta.mcp.name } as ToolDefinition;
  Object.defineProperties(definition, {
    description: {
      enumerable: true,
      get: () =>
        (description ??= toolDescription({ description: meta.mcp.description, scope, addon, example: meta.mcp.example, inputSchema: input(), ...(hasOutput ? { outputSchema: output() } : {}) })),
    },
    inputSchema: { enumerable: true, get: input },
    ...(hasOutput ? { outputSchema: { enumerable: true, get: output } } : {}),
  });
  definition.annotations = annotationsFor(meta.mcp.kind);
  return definition;
}

export function buildRegistry(appRouter: AnyTRPCRouter): Registry {
  const tools: ToolEntry[] = [];
  const resources: ResourceEntry[] = [];
  for (const { path, type, meta, inputs } of listProcedures(appRouter)) {
    if (!meta?.mcp) continue;
    if (type !== 'query' && type !== 'mutation') continue;
    const entry: RegistryEntry = { path, type, meta: meta as RegistryEntry['meta'] };
    const resource = meta.mcp.resource;
    if (!resource?.onlyResource) {
      tools.push({ ...entry, definition: lazyDefinition(path, entry.meta, inputs) });
    }
    if (resource) {
      resources.push({ ...entry, uri: resource.uri, name: resource.name, description: resource.description, ...templatePattern(resource.uri) });
    }
  }
  const toolsByName = new Map<string, ToolEntry>();
  for (const tool of tools) {
    if (toolsByName.has(tool.definition.name)) throw new Error(`two procedures declare the MCP tool ${tool.definition.name}`);
    toolsByName.set(tool.definition.name, tool);
  }
  return { tools, toolsByName, resources };
}

/** Is the entry offered to a grant (null = every scope) while these addons are on? */
export function entryVisible(entry: RegistryEntry, scopes: readonly string[] | null, addons: Partial<Record<string, boolean>>) {
  return grantAllows(scopes, entry.meta.scope) && (!entry.meta.addon || addons[entry.meta.addon] === true);
}

/** The tools a session lists. */
export function visibleTools(registry: Registry, scopes: readonly string[] | null, addons: Partial<Record<string, boolean>>) {
  return registry.tools.filter((t) => entryVisible(t, scopes, addons));
}

const built = new WeakMap<Registry, Promise<void>>();

/**
 * Builds every tool's definition one tool per turn of the event loop; the first tools/list awaits it. Building them
 * all is about 0.2 s of CPU (seconds on a loaded machine): in one piece it would stall every other request and let
 * idle keep-alive sockets time out under their clients.
 */
export function definitionsReady(registry: Registry): Promise<void> {
  let ready = built.get(registry);
  if (!ready) {
    ready = (async () => {
      for (const tool of registry.tools) {
        void tool.definition.description; // builds the input and output schemas too
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    })();
    built.set(registry, ready);
  }
  return ready;
}

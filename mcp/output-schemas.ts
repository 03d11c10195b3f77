// Each MCP tool's outputSchema: the JSON Schema of its procedure's answer (generated from the router's output types by
// mcp/output-schemas.generate.ts), shaped like the structuredContent the dispatch sends — an object answer as it is,
// anything else (an array, a number, null) under `result`.
import crypto from 'node:crypto';
import generated from './output-schemas.generated.json';

type Schema = Record<string, unknown>;

const OUTPUTS = generated as Record<string, Schema>;

function resultWrapper(schema: Schema): Schema {
  return { type: 'object', properties: { result: schema }, required: ['result'] };
}

/** The outputSchema for an answer of this JSON Schema (MCP requires an object schema at the top). */
export function toolOutputSchema(schema: Schema): Schema {
  if (schema.type === 'object') return schema;
  // Unknown shape: whatever arrives is an object once the dispatch has wrapped it.
  if (Object.keys(schema).length === 0) return { type: 'object' };
  const branches: Schema[] | null = Array.isArray(schema.anyOf)
    ? (schema.anyOf as Schema[])
    : Array.isArray(schema.type)
      ? (schema.type as string[]).map((type) => ({ type }))
      : null;
  const objects = branches?.filter((b) => b.type === 'object') ?? [];
  if (!branches || objects.length === 0) return resultWrapper(schema);
  // e.g. `Thing | null`: the object answered as it is, the rest wrapped.
  const others = branches.filter((b) => b.type !== 'object');
  // Only object shapes (one of several kinds of answer): no wrapped branch (an empty anyOf is not a valid schema).
  if (others.length === 0) return { type: 'object', anyOf: objects };
  return { type: 'object', anyOf: [...objects, resultWrapper(others.length === 1 ? others[0] : { anyOf: others })] };
}

/** Whether a schema was generated for the procedure at this dotted path (without building its outputSchema). */
export const hasOutputSchema = (path: string) => Object.hasOwn(OUTPUTS, path);

const cache = new Map<string, Schema | undefined>();

/**
 * The outputSchema of the procedure at this dotted path; undefined when none was generated (a new procedure). Each
 * carries an `$id` made from its content: tools answering the same shape (the six booking tools…) share it, and a
 * client that caches compiled validators by `$id` (the MCP SDK's Ajv validator does) compiles each shape once.
 */
export function outputSchemaFor(path: string): Schema | undefined {
  if (!cache.has(path)) {
    const schema = OUTPUTS[path] ? toolOutputSchema(OUTPUTS[path]) : undefined;
    const hash = schema && crypto.createHash('sha256').update(JSON.stringify(schema)).digest('hex').slice(0, 24);
    cache.set(path, schema && { $id: `urn:waymark:mcp-output:${hash}`, ...schema });
  }
  return cache.get(path);
}

/** What a tool answers as structuredContent: an object answer as it is, anything else under `result`. */
export function structuredContentOf(output: unknown): Record<string, unknown> {
  return output !== null && typeof output === 'object' && !Array.isArray(output) ? (output as Record<string, unknown>) : { result: output ?? null };
}

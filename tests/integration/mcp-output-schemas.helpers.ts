// Checks an answer against the outputSchema its MCP tool declares, with Ajv (the validator the MCP SDK client uses).
import { Ajv, type ValidateFunction } from 'ajv';
import { outputSchemaFor, structuredContentOf } from '../../mcp/output-schemas';

const ajv = new Ajv({ strict: false, allErrors: true });
const compiled = new Map<string, ValidateFunction>();

export function validatorFor(schema: Record<string, unknown>) {
  // Tools of the same shape share an $id (as the SDK client does, compile each once).
  const key = typeof schema.$id === 'string' ? schema.$id : JSON.stringify(schema);
  let v = compiled.get(key);
  if (!v) compiled.set(key, (v = (typeof schema.$id === 'string' ? ajv.getSchema(schema.$id) : undefined) ?? ajv.compile(schema)));
  return v;
}

/** The schema violations of `structured` (an empty list when it validates). */
export function outputSchemaErrors(schema: Record<string, unknown>, structured: unknown): string[] {
  const validate = validatorFor(schema);
  if (validate(structured)) return [];
  return (validate.errors ?? []).slice(0, 5).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}

/**
 * For procedure-coverage: the violations of a procedure's JSON answer (as the tRPC client received it) against its
 * tool's outputSchema, once wrapped as the MCP dispatch wraps it; [] for a procedure that is not an MCP tool.
 */
export function procedureOutputErrors(path: string, output: unknown): string[] {
  const schema = outputSchemaFor(path);
  return schema ? outputSchemaErrors(schema, structuredContentOf(output)) : [];
}

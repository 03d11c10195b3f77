// The procedures a tRPC router declares. tRPC 11 has no public API to list them, so this is the one place that reads
// its internals (`router._def.procedures`); it throws, naming what changed, when a tRPC upgrade moves them.
import type { AnyTRPCRouter } from '@trpc/server';

export interface DeclaredProcedure {
  /** "area.name", as the client and the HTTP endpoint spell it */
  path: string;
  type: 'query' | 'mutation';
  /** null when the procedure takes no input; otherwise the fields of its object input schemas */
  inputFields: string[] | null;
}

interface ProcedureInternals {
  _def?: { type?: unknown; inputs?: unknown };
}

export function declaredProcedures(router: AnyTRPCRouter): DeclaredProcedure[] {
  const procedures = (router._def as { procedures?: Record<string, ProcedureInternals> }).procedures;
  if (!procedures || typeof procedures !== 'object') throw new Error('tRPC internals changed: router._def.procedures is gone');
  return Object.entries(procedures).map(([path, procedure]) => {
    const { type, inputs } = procedure._def ?? {};
    if (type !== 'query' && type !== 'mutation') throw new Error(`tRPC internals changed: ${path} has _def.type ${String(type)}`);
    if (!Array.isArray(inputs)) throw new Error(`tRPC internals changed: ${path} has no _def.inputs array`);
    const fields = inputs.flatMap((schema: { shape?: Record<string, unknown> }) => Object.keys(schema?.shape ?? {}));
    return { path, type, inputFields: inputs.length ? fields : null };
  });
}

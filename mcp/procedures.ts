// The MCP adapter's only contact with tRPC's insides. Calls go through tRPC's public createCaller; listing a router's
// procedures with their meta and inputs has no public API in tRPC 11, so it reads `router._def` here and nowhere
// else (procedures.test.ts fails if an upgrade moves those fields).
import type { AnyTRPCRouter } from '@trpc/server';
import type { ProcedureMeta } from '~/trpc/init';
import { createCaller } from '~/trpc/root';
import type { Context } from '~/trpc/init';

export interface ProcedureInfo {
  /** dotted tRPC path, e.g. trips.listTrips */
  path: string;
  type: 'query' | 'mutation' | 'subscription';
  meta: ProcedureMeta | undefined;
  /** the zod schemas of the chained .input() calls, in order */
  inputs: unknown[];
}

interface ProcedureDef {
  type: ProcedureInfo['type'];
  meta?: ProcedureMeta;
  inputs?: unknown[];
}

/** Every procedure of a router (nested routers flattened to dotted paths), as tRPC 11 stores them. */
export function listProcedures(router: AnyTRPCRouter): ProcedureInfo[] {
  const procedures = (router._def as unknown as { procedures: Record<string, { _def: ProcedureDef }> }).procedures;
  return Object.entries(procedures).map(([path, procedure]) => ({
    path,
    type: procedure._def.type,
    meta: procedure._def.meta,
    inputs: procedure._def.inputs ?? [],
  }));
}

/** Calls the app router's procedure at `path` with `input`, through the same middlewares as any other caller. */
export function callProcedure(ctx: Context, path: string, input: unknown): Promise<unknown> {
  let target: unknown = createCaller(ctx);
  for (const key of path.split('.')) target = (target as Record<string, unknown>)[key];
  return (target as (input: unknown) => Promise<unknown>)(input);
}

// The adapter's reading of tRPC internals, pinned: if a tRPC upgrade moves router._def.procedures or a procedure's
// _def.type / meta / inputs, these fail before the MCP tool list silently empties.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { authedProcedure, publicProcedure, router } from '~/trpc/init';
import { appRouter } from '~/trpc/root';
import { listProcedures } from './procedures';

const input = z.object({ title: z.string() });
const fake = router({
  a: router({
    read: publicProcedure.meta({ scope: 'none', mcp: { name: 'read_a', kind: 'read', description: 'r' } }).query(() => ({ ok: true })),
    write: authedProcedure.meta({ scope: 'trips:write' }).input(input).input(z.object({ note: z.string() })).mutation(() => ({ ok: true })),
  }),
  top: publicProcedure.meta({ scope: 'none' }).query(() => ({})),
});

describe('listProcedures', () => {
  it('flattens nested routers to dotted paths with each procedure’s type, meta and chained inputs', () => {
    const listed = listProcedures(fake);
    expect(listed.map((p) => [p.path, p.type])).toEqual([
      ['a.read', 'query'],
      ['a.write', 'mutation'],
      ['top', 'query'],
    ]);
    expect(listed[0].meta?.mcp?.name).toBe('read_a');
    expect(listed[1].meta?.scope).toBe('trips:write');
    expect(listed[1].inputs).toHaveLength(2);
    expect(listed[1].inputs[0]).toBe(input);
  });

  it('finds the app router’s procedures and their MCP meta', () => {
    const listed = listProcedures(appRouter);
    expect(listed.length).toBeGreaterThan(20);
    expect(listed.find((p) => p.path === 'trips.listTrips')?.meta?.mcp?.name).toBe('list_trips');
  });
});

// The registry is derived from procedure meta only: tools, resources, merged input schemas, annotations, filtering.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { authedProcedure, router, tripMemberProcedure } from '~/trpc/init';
import { buildRegistry, visibleTools } from './registry';

const fake = router({
  a: router({
    listThings: authedProcedure
      .meta({ scope: 'none', mcp: { name: 'list_things', kind: 'read', description: 'List', resource: { uri: 'waymark://things', name: 'things', description: 'd' } } })
      .query(() => ({ things: [] })),
    getThing: tripMemberProcedure
      .meta({
        scope: 'trips:any',
        mcp: { name: 'get_thing', kind: 'read', description: 'One', resource: { uri: 'waymark://trips/{tripId}/things/{thingId}', name: 'thing', description: 'd', onlyResource: true } },
      })
      .input(z.object({ thingId: z.number().int().positive() }))
      .query(() => ({ thing: null })),
    updateThing: tripMemberProcedure
      .meta({ scope: 'trips:write', mcp: { name: 'update_thing', kind: 'idempotent', description: 'Update' } })
      .input(z.object({ title: z.string().max(20), note: z.string().default('') }))
      .mutation(() => ({ ok: true })),
    deleteThing: authedProcedure
      .meta({ scope: 'budget:write', addon: 'budget', mcp: { name: 'delete_budget_thing', kind: 'destructive', description: 'Delete' } })
      .input(z.object({ id: z.number() }))
      .mutation(() => ({ ok: true })),
    uiOnly: authedProcedure.meta({ scope: 'none' }).query(() => ({ ok: true })),
  }),
});

describe('buildRegistry', () => {
  const registry = buildRegistry(fake);

  it('makes a tool of every procedure with meta.mcp except resource-only ones, and nothing else', () => {
    expect(registry.tools.map((t) => t.definition.name)).toEqual(['list_things', 'update_thing', 'delete_budget_thing']);
    expect(registry.resources.map((r) => [r.uri, r.params])).toEqual([
      ['waymark://things', []],
      ['waymark://trips/{tripId}/things/{thingId}', ['tripId', 'thingId']],
    ]);
    expect(registry.resources[1].pattern.exec('waymark://trips/3/things/44')?.slice(1)).toEqual(['3', '44']);
    expect(registry.resources[1].pattern.test('waymark://trips/3/things')).toBe(false);
  });

  it('maps kinds to annotations and merges chained inputs into one object schema', () => {
    const update = registry.toolsByName.get('update_thing')!.definition;
    expect(update.annotations).toMatchObject({ idempotentHint: true, readOnlyHint: false });
    expect(registry.toolsByName.get('delete_budget_thing')!.definition.annotations).toMatchObject({ destructiveHint: true });
    expect(registry.toolsByName.get('list_things')!.definition.annotations).toEqual({ readOnlyHint: true });
    expect(update.inputSchema.type).toBe('object');
    expect(Object.keys(update.inputSchema.properties as object).sort()).toEqual(['note', 'tripId', 'title'].sort());
    expect((update.inputSchema.required as string[]).sort()).toEqual(['title', 'tripId']);
    expect((update.inputSchema.properties as Record<string, { maxLength?: number }>).title.maxLength).toBe(20);
  });

  it('filters by grant and by enabled addon', () => {
    const names = (scopes: string[] | null, budget: boolean) => visibleTools(registry, scopes, { budget }).map((t) => t.definition.name);
    expect(names(null, true)).toEqual(['list_things', 'update_thing', 'delete_budget_thing']);
    expect(names(null, false)).toEqual(['list_things', 'update_thing']);
    expect(names(['trips:read'], true)).toEqual(['list_things']);
    expect(names(['budget:write'], true)).toEqual(['list_things', 'delete_budget_thing']);
    expect(names(['budget:write'], false)).toEqual(['list_things']);
  });

  it('refuses two procedures declaring the same tool name', () => {
    const dup = router({
      x: authedProcedure.meta({ scope: 'none', mcp: { name: 'same', kind: 'read', description: 'x' } }).query(() => ({})),
      y: authedProcedure.meta({ scope: 'none', mcp: { name: 'same', kind: 'read', description: 'y' } }).query(() => ({})),
    });
    expect(() => buildRegistry(dup)).toThrow(/same/);
  });
});

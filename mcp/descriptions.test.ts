// Every tool's description says what it does, what it returns, which scope it needs and one example argument set, stays
// under MAX_DESCRIPTION_CHARS, and its example is accepted by the procedure's own input validation (zod, refinements
// included) and by the inputSchema tools/list publishes (Ajv, as a client would check it).
import { describe, expect, it } from 'vitest';
import { Ajv } from 'ajv';
import { z } from 'zod';
import { appRouter } from '~/trpc/root';
import { registry } from './dispatch';
import { listProcedures } from './procedures';
import { EXAMPLE_LABEL, exampleArguments, MAX_DESCRIPTION_CHARS, RETURNS_LABEL, scopeText, SCOPE_LABEL, toolDescription } from './descriptions';

const inputsByPath = new Map(listProcedures(appRouter).map((p) => [p.path, p.inputs]));
const ajv = new Ajv({ strict: false, allErrors: true });

describe('tool descriptions', () => {
  it('covers every tool', () => {
    expect(registry.tools.length).toBeGreaterThan(100);
  });

  for (const tool of registry.tools) {
    const { name, description, inputSchema } = tool.definition;
    it(`${name}: what it does, returns, scope, example; at most ${MAX_DESCRIPTION_CHARS} characters`, () => {
      expect(description.length).toBeLessThanOrEqual(MAX_DESCRIPTION_CHARS);
      const [does, ...rest] = description.split('\n');
      expect(does.length, 'what it does').toBeGreaterThan(10);
      expect(does).toBe(tool.meta.mcp.description.trim());
      expect(rest.map((line) => line.slice(0, line.indexOf(' ') + 1))).toEqual([RETURNS_LABEL.split(' ')[0] + ' ', SCOPE_LABEL, 'Example ']);
      expect(rest[0].length, 'what it returns').toBeGreaterThan(RETURNS_LABEL.length + 2);
      expect(rest[1]).toBe(`${SCOPE_LABEL}${scopeText(tool.meta.scope, tool.meta.addon)}`);
      expect(rest[1]).toContain(tool.meta.scope === 'none' ? 'none' : tool.meta.scope === 'trips:any' ? 'trips:' : tool.meta.scope);
      if (tool.meta.addon) expect(rest[1]).toContain(`the ${tool.meta.addon} addon`);
      expect(rest[2].startsWith(EXAMPLE_LABEL)).toBe(true);
    });

    it(`${name}: the example passes the procedure's validation and the published inputSchema`, () => {
      const example = JSON.parse(description.split('\n')[3].slice(EXAMPLE_LABEL.length));
      expect(example).toEqual(exampleArguments({ example: tool.meta.mcp.example, inputSchema }));
      for (const input of inputsByPath.get(tool.path) ?? []) {
        const parsed = (input as z.ZodType).safeParse(example);
        expect(parsed.success, parsed.success ? '' : z.prettifyError(parsed.error)).toBe(true);
      }
      const validate = ajv.compile(inputSchema);
      expect(validate(example), JSON.stringify(validate.errors)).toBe(true);
    });
  }

  it('the generated parts follow the metadata (a tool needing no scope, an addon tool, a trips:any tool)', () => {
    const base = { description: 'Does a thing.', inputSchema: { type: 'object', properties: { tripId: { type: 'integer', exclusiveMinimum: 0 } }, required: ['tripId'] } };
    expect(toolDescription({ ...base, scope: 'budget:read', addon: 'budget', outputSchema: { type: 'object', properties: { items: { type: 'array', items: { type: 'object', properties: { id: {} } } } } } })).toBe(
      'Does a thing.\nReturns: {items: [{id}]}\nScope: budget:read (or budget:write); only while an administrator has the budget addon turned on\nExample arguments: {"tripId":12}',
    );
    expect(toolDescription({ ...base, scope: 'trips:any', example: { tripId: 3 } })).toContain('Scope: any trips:* scope');
    expect(toolDescription({ ...base, scope: 'trips:any', example: { tripId: 3 } })).toContain('Example arguments: {"tripId":3}');
  });
});

// The committed output schemas match the router's output types (run `npm run mcp:output-schemas` after changing what a
// procedure answers), every tool declares one, and the wrapping follows the dispatch's structuredContent.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { registry } from './dispatch';
import { GENERATED_FILE, generateOutputSchemas, mcpProcedurePaths } from './output-schemas.generate';
import { structuredContentOf, toolOutputSchema } from './output-schemas';

describe('MCP output schemas', () => {
  it('mcp/output-schemas.generated.json is up to date with the procedures’ output types', { timeout: 300_000 }, async () => {
    const committed = JSON.parse(fs.readFileSync(GENERATED_FILE, 'utf8'));
    expect(generateOutputSchemas(await mcpProcedurePaths())).toEqual(committed);
  });

  it('every tool declares an object outputSchema', () => {
    const missing = registry.tools.filter((t) => t.definition.outputSchema?.type !== 'object').map((t) => t.definition.name);
    expect(missing).toEqual([]);
  });

  it('non-object answers are described as {result}, mixed ones as either', () => {
    expect(toolOutputSchema({ type: 'array', items: { type: 'number' } })).toEqual({
      type: 'object',
      properties: { result: { type: 'array', items: { type: 'number' } } },
      required: ['result'],
    });
    const thing = { type: 'object', properties: { id: { type: 'number' } } };
    expect(toolOutputSchema({ anyOf: [thing, { type: 'null' }] })).toEqual({
      type: 'object',
      anyOf: [thing, { type: 'object', properties: { result: { type: 'null' } }, required: ['result'] }],
    });
    expect(toolOutputSchema({})).toEqual({ type: 'object' });
    const other = { type: 'object', properties: { kind: { const: 'climate' } } };
    expect(toolOutputSchema({ anyOf: [thing, other] })).toEqual({ type: 'object', anyOf: [thing, other] });
    expect(structuredContentOf(null)).toEqual({ result: null });
    expect(structuredContentOf([1])).toEqual({ result: [1] });
    expect(structuredContentOf({ a: 1 })).toEqual({ a: 1 });
  });
});

// tools/list is answered from JSON text serialised once per grant and addon state; what a client receives must be the
// message it always was, for the grant and addons of the session asking.
import { describe, expect, it } from 'vitest';
import { ADDON_IDS } from '~/domain/addons';
import { registry, toolListReply } from './dispatch';
import { definitionsReady, visibleTools } from './registry';
import { json, PreSerialised, serialize } from './replies';
import { sseEvent } from './stream';

const allOn = Object.fromEntries(ADDON_IDS.map((id) => [id, true]));

describe('tools/list from the serialised cache', () => {
  it('answers byte for byte the JSON of the message with every visible tool definition', async () => {
    await definitionsReady(registry);
    const reply = toolListReply(new Map(), null, allOn, 7);
    const expected = JSON.stringify({ jsonrpc: '2.0', id: 7, result: { tools: visibleTools(registry, null, allOn).map((t) => t.definition) } });
    expect(json(200, reply).body).toBe(expected);
    expect(JSON.parse(expected).result.tools.every((t: { outputSchema?: unknown }) => t.outputSchema)).toBe(true);
  });

  it('keeps one list per grant and addon state: a narrower grant or an addon turned off lists fewer tools', async () => {
    await definitionsReady(registry);
    const cache = new Map<string, string>();
    const names = (reply: PreSerialised) => (JSON.parse(reply.text).result.tools as Array<{ name: string }>).map((t) => t.name);
    const everything = names(toolListReply(cache, null, allOn, 1));
    const readOnly = names(toolListReply(cache, ['trips:read'], allOn, 2));
    const noBudget = names(toolListReply(cache, null, { ...allOn, budget: false }, 3));
    expect(readOnly.length).toBeLessThan(everything.length);
    expect(readOnly).not.toContain('create_trip');
    expect(everything).toContain('list_budget_items');
    expect(noBudget).not.toContain('list_budget_items');
    expect(cache.size).toBe(3);
    // The same grant again: the cached text, under this request's id.
    const again = JSON.parse(toolListReply(cache, ['trips:read'], allOn, 'req-9').text);
    expect(again.id).toBe('req-9');
    expect(again.result.tools.map((t: { name: string }) => t.name)).toEqual(readOnly);
    expect(cache.size).toBe(3);
  });

  it('splices a serialised message into an array of one and into an SSE event unchanged', () => {
    const raw = new PreSerialised('{"jsonrpc":"2.0","id":1,"result":{"tools":[]}}');
    expect(JSON.parse(serialize([raw]))).toEqual([{ jsonrpc: '2.0', id: 1, result: { tools: [] } }]);
    expect(sseEvent(raw)).toBe(`event: message\ndata: ${raw.text}\n\n`);
    expect(serialize({ a: 1 })).toBe('{"a":1}');
  });
});

// Property test: generated invalid arguments sent to every tool never cause an HTTP 500, always come back as an
// isError tool result, and never change the database.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server';
import { makeUser } from '../helpers/users';
import { createStaticToken, enableMcp, rawMcp, rawSession, tableCounts } from './mcp.helpers';

let server: TestServer;
let token: string;
let sessionId: string;
let tripId: number;
let tools: Array<{ name: string; inputSchema: JsonSchema }>;

type JsonSchema = {
  type?: string | string[];
  anyOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  maxLength?: number;
  minimum?: number;
  exclusiveMinimum?: number;
  maxItems?: number;
  enum?: unknown[];
};

beforeAll(async () => {
  server = await startTestServer({ MCP_RATE_LIMIT: '1000000' });
  await enableMcp(server);
  const owner = await makeUser(server);
  const trip = await owner.trpc.trips.createTrip.mutate({ title: 'Fuzzed', startDate: '2027-01-01', endDate: '2027-01-03' });
  tripId = trip.trip.id;
  ({ token } = await createStaticToken(server, owner.user.id));
  sessionId = await rawSession(server, token);
  const list = await rawMcp(server, { jsonrpc: '2.0', id: 1, method: 'tools/list' }, { token, sessionId });
  tools = (await list.json()).result.tools;
});
afterAll(async () => {
  await server?.close();
});

const JSON_TYPES = ['string', 'number', 'boolean', 'object', 'array'] as const;

function acceptedTypes(schema: JsonSchema): Set<string> | null {
  const out = new Set<string>();
  const add = (s: JsonSchema): boolean => {
    if (s.anyOf) return s.anyOf.every(add);
    if (s.enum) {
      for (const v of s.enum) out.add(v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
      return true;
    }
    if (!s.type) return false; // unconstrained
    for (const t of Array.isArray(s.type) ? s.type : [s.type]) out.add(t === 'integer' ? 'number' : t);
    return true;
  };
  return add(schema) ? out : null;
}

/** A value the property can never accept. */
function invalidValue(schema: JsonSchema): fc.Arbitrary<unknown> | null {
  const accepted = acceptedTypes(schema);
  if (!accepted) return null;
  const options: fc.Arbitrary<unknown>[] = [];
  for (const t of JSON_TYPES) {
    if (accepted.has(t)) continue;
    if (t === 'string') options.push(fc.string({ maxLength: 20 }));
    if (t === 'number') options.push(fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })));
    if (t === 'boolean') options.push(fc.boolean());
    if (t === 'object') options.push(fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { minKeys: 1, maxKeys: 3 }));
    if (t === 'array') options.push(fc.array(fc.integer(), { minLength: 1, maxLength: 3 }));
  }
  const single = schema.anyOf ? null : schema;
  if (single?.type === 'string' && single.maxLength !== undefined && single.maxLength < 10_000) {
    options.push(fc.integer({ min: 1, max: 50 }).map((extra) => 'x'.repeat(single.maxLength! + extra)));
  }
  if (single?.type === 'integer') {
    options.push(fc.double({ min: 0.1, max: 1e6, noNaN: true }).filter((v) => !Number.isInteger(v)));
    const floor = single.exclusiveMinimum ?? (single.minimum !== undefined ? single.minimum - 1 : undefined);
    if (floor !== undefined) options.push(fc.integer({ min: -1000, max: floor }));
  }
  return options.length ? fc.oneof(...options) : null;
}

/** Plausible values for the required fields, so the corrupted one is the reason for the rejection. */
function baseArguments(schema: JsonSchema) {
  const out: Record<string, unknown> = {};
  for (const key of schema.required ?? []) {
    const prop = schema.properties?.[key] ?? {};
    const types = acceptedTypes(prop) ?? new Set(['string']);
    out[key] = types.has('number') ? tripId : types.has('string') ? 'x' : types.has('array') ? [] : types.has('object') ? {} : null;
  }
  return out;
}

function invalidArguments(schema: JsonSchema): fc.Arbitrary<unknown> {
  const nonObject = fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.boolean(), fc.array(fc.anything(), { maxLength: 3 }));
  const corrupted = Object.entries(schema.properties ?? {})
    .map(([key, prop]) => {
      const bad = invalidValue(prop);
      return bad ? bad.map((value) => ({ ...baseArguments(schema), [key]: value })) : null;
    })
    .filter((a): a is fc.Arbitrary<Record<string, unknown>> => a !== null);
  const missingRequired = (schema.required ?? []).length
    ? [fc.dictionary(fc.constantFrom('zz', 'unknownField'), fc.anything(), { maxKeys: 2 })]
    : [];
  return fc.oneof(nonObject, ...corrupted, ...missingRequired);
}

describe('invalid arguments to every tool', () => {
  it('covers the whole tool list', () => {
    expect(tools.length).toBeGreaterThanOrEqual(38);
  });

  it('never 500, always isError, database unchanged', async () => {
    const before = await tableCounts(server);
    let id = 100;
    for (const tool of tools) {
      await fc.assert(
        fc.asyncProperty(invalidArguments(tool.inputSchema), async (args) => {
          const res = await rawMcp(
            server,
            { jsonrpc: '2.0', id: ++id, method: 'tools/call', params: { name: tool.name, arguments: args } },
            { token, sessionId },
          );
          expect(res.status, `${tool.name} ${JSON.stringify(args)}`).toBe(200);
          const body = await res.json();
          expect(body.result?.isError, `${tool.name} ${JSON.stringify(args)} → ${JSON.stringify(body).slice(0, 300)}`).toBe(true);
          expect(body.result.content[0].text).not.toMatch(/Something went wrong/);
        }),
        { numRuns: 20 },
      );
      expect(await tableCounts(server), `after ${tool.name}`).toEqual(before);
    }
  }, 240_000);
});

// The MCP client side of the benchmarks, one SDK client for every server measured: sequential calls, concurrent
// sessions, fresh sessions. Used by bench/mcp.ts (ratios to the floor) and bench/memory.ts (memory after this load).
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { jsonSchemaValidator } from '@modelcontextprotocol/sdk/validation';
import { AjvJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/ajv';

export const SEQUENTIAL = Number(process.env.BENCH_CALLS ?? 300);
export const PLACES = Number(process.env.BENCH_PLACES ?? 200);
export const SESSIONS = 10;
export const PER_SESSION = 50;
export const FRESH = Number(process.env.BENCH_FRESH ?? 40);
/** Calls made on a session before its timed ones (BENCH_WARMUP): enough for V8 to optimise the hot path, so the figures are a warm server's. */
export const WARMUP = Number(process.env.BENCH_WARMUP ?? 300);

export interface McpTarget {
  name: string;
  url: string;
  token: string;
  tripId: number;
  /** The server's CPU time so far (user + system, ms), when the benchmark can ask the server for it. */
  cpu?: () => Promise<number>;
  /** PostgreSQL's CPU time so far (every postgres process, ms), for a server that uses the database. */
  databaseCpu?: () => number;
}

/** Per call: the server's CPU, this client's own (the SDK client: JSON, output-schema validation) and PostgreSQL's. */
export type Timing = { median: number; p95: number; perSecond: number; cpuPerCall: number; clientCpuPerCall: number; databaseCpuPerCall: number };

const cpu = async (t: McpTarget) => (t.cpu ? t.cpu() : 0);
const clientCpu = () => {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
};

/** validator: the client's output-schema validator, when not the SDK's default (a fresh one per client). */
export async function open(t: McpTarget, validator?: jsonSchemaValidator) {
  const transport = new StreamableHTTPClientTransport(new URL(`${t.url}/mcp`), {
    requestInit: { headers: { Authorization: `Bearer ${t.token}` } },
  });
  const client = new Client({ name: 'waymark-bench', version: '1.0.0' }, validator ? { jsonSchemaValidator: validator } : undefined);
  await client.connect(transport);
  return { client, transport };
}

export async function close(s: Awaited<ReturnType<typeof open>>) {
  await s.transport.terminateSession().catch(() => {});
  await s.client.close();
}

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
  return { median: q(0.5), p95: q(0.95) };
}

export async function timeCalls(t: McpTarget, n: number, call: (c: Client, i: number) => Promise<unknown>) {
  const s = await open(t);
  for (let i = 0; i < WARMUP; i++) await call(s.client, i); // warm-up
  const samples: number[] = [];
  const cpuBefore = await cpu(t);
  const databaseBefore = t.databaseCpu?.() ?? 0;
  const clientBefore = clientCpu();
  const began = performance.now();
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const r = (await call(s.client, i)) as { isError?: boolean };
    samples.push(performance.now() - t0);
    if (r?.isError) throw new Error(`${t.name}: tool call failed: ${JSON.stringify(r).slice(0, 300)}`);
  }
  const elapsed = performance.now() - began;
  const clientCpuPerCall = (clientCpu() - clientBefore) / n;
  const databaseCpuPerCall = ((t.databaseCpu?.() ?? 0) - databaseBefore) / n;
  const cpuPerCall = ((await cpu(t)) - cpuBefore) / n;
  await close(s);
  return { ...stats(samples), perSecond: (n / elapsed) * 1000, cpuPerCall, clientCpuPerCall, databaseCpuPerCall };
}

export async function concurrent(t: McpTarget) {
  const sessions = await Promise.all(Array.from({ length: SESSIONS }, () => open(t)));
  const cpuBefore = await cpu(t);
  const began = performance.now();
  await Promise.all(
    sessions.map(async (s) => {
      for (let i = 0; i < PER_SESSION; i++) await s.client.callTool({ name: 'list_trips', arguments: {} });
    }),
  );
  const elapsed = performance.now() - began;
  const cpuPerCall = ((await cpu(t)) - cpuBefore) / (SESSIONS * PER_SESSION);
  await Promise.all(sessions.map(close));
  return { perSecond: ((SESSIONS * PER_SESSION) / elapsed) * 1000, cpuPerCall };
}

/**
 * A validator that compiles a tool's output schema on the tool's first call, not when the tools are listed (what the
 * SDK client 1.32.2 does: every schema at tools/list).
 */
function compilingOnFirstUse(): jsonSchemaValidator {
  const ajv = new AjvJsonSchemaValidator();
  return {
    getValidator: (schema) => {
      let compiled: ReturnType<typeof ajv.getValidator> | undefined;
      return (input) => (compiled ??= ajv.getValidator(schema))(input) as never;
    },
  };
}

/**
 * A fresh session: initialize + tools/list. The SDK client compiles a validator for every distinct output schema when it
 * lists tools (its own CPU, not the server's). validators: 'own' — the SDK default, a fresh validator per client;
 * 'shared' — one validator for every session, which keeps what it compiled by the schemas' `$id` (what is left is the
 * server's share); 'on first use' — each client's validator compiles a schema only when its tool is first called.
 */
export async function freshSessions(t: McpTarget, validators: 'own' | 'shared' | 'on first use' = 'own') {
  const samples: number[] = [];
  const shared = validators === 'shared' ? new AjvJsonSchemaValidator() : undefined;
  for (let i = 0; i < FRESH + 5; i++) {
    const t0 = performance.now();
    const s = await open(t, shared ?? (validators === 'on first use' ? compilingOnFirstUse() : undefined));
    await s.client.listTools();
    const dt = performance.now() - t0;
    if (i >= 5) samples.push(dt);
    await close(s);
  }
  return stats(samples);
}

/** The whole load bench/mcp.ts puts on one server in one round. */
export async function mcpLoad(t: McpTarget) {
  await timeCalls(t, SEQUENTIAL, (c) => c.ping());
  await timeCalls(t, SEQUENTIAL, (c) => c.callTool({ name: 'list_trips', arguments: {} }));
  await timeCalls(t, PLACES, (c, i) => c.callTool({ name: 'create_place', arguments: { tripId: t.tripId, name: `Bench place ${i}` } }));
  await concurrent(t);
  await freshSessions(t);
}

// npm run bench:mcp-schemas — where a fresh MCP session's time goes, measured in one process without a server or a
// database, so the figures do not depend on the shared machine's load the way bench:mcp's do. Takes the real tools/list
// (every scope, every addon on) and prints its JSON size, the server's time to build it (once per process) and to answer
// it (each request), and the SDK client's share: parsing the answer and compiling every output schema with a fresh
// validator, exactly as Client.listTools does. CPU time, median of BENCH_SCHEMA_RUNS.
import { Ajv } from 'ajv';
import { ListToolsResultSchema } from '@modelcontextprotocol/sdk/types.js';
import { AjvJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/ajv';
import { ADDON_IDS } from '../app/domain/addons.ts';
import { registry, toolListReply } from '../mcp/dispatch.ts';
import { definitionsReady } from '../mcp/registry.ts';
import { json } from '../mcp/replies.ts';

const RUNS = Number(process.env.BENCH_SCHEMA_RUNS ?? 30);
const allAddons = Object.fromEntries(ADDON_IDS.map((id) => [id, true]));

function median(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** This process's CPU time in ms: on a shared machine the wall time stretches with the load, the CPU time far less. */
function cpuMs() {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** Median CPU time of `run`, after three warm-up runs. */
function time(run: () => void) {
  const samples: number[] = [];
  for (let i = 0; i < RUNS + 3; i++) {
    const t0 = cpuMs();
    run();
    if (i >= 3) samples.push(cpuMs() - t0);
  }
  return median(samples);
}

const cache = new Map<string, string>();
let t0 = cpuMs();
await definitionsReady(registry);
const buildDefinitions = cpuMs() - t0;
t0 = cpuMs();
toolListReply(cache, null, allAddons, 1);
const firstList = cpuMs() - t0;
const answer = () => json(200, toolListReply(cache, null, allAddons, 1)).body!;
const body = answer();
const tools = ListToolsResultSchema.parse(JSON.parse(body).result).tools;
const schemas = tools.flatMap((t) => (t.outputSchema ? [t.outputSchema] : []));
const schemaText = JSON.stringify(schemas);
let nodes = 0; // in the distinct schemas
JSON.parse(JSON.stringify([...new Map(schemas.map((s) => [s.$id, s])).values()]), (_key, value) => {
  if (value && typeof value === 'object' && !Array.isArray(value)) nodes += 1;
  return value;
});

const serverAnswer = time(() => void answer());
const clientParse = time(() => void ListToolsResultSchema.parse(JSON.parse(body).result));
const newValidator = time(() => void new AjvJsonSchemaValidator());
const compile = time(() => {
  const validator = new AjvJsonSchemaValidator();
  for (const schema of JSON.parse(schemaText) as Array<Record<string, unknown>>) validator.getValidator(schema as never);
});

// The JavaScript Ajv generates for all of them, with the SDK's options (ajv-provider.js) plus `code.source`: the
// compile work in a figure the machine's load does not move.
const sourceAjv = new Ajv({ strict: false, validateFormats: true, validateSchema: false, allErrors: true, code: { source: true } });
let generatedCode = 0;
for (const schema of JSON.parse(schemaText) as Array<Record<string, unknown>>) {
  if (sourceAjv.getSchema(schema.$id as string)) continue;
  generatedCode += sourceAjv.compile(schema).source?.validateCode.length ?? 0;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (v: number) => `${v.toFixed(2)} ms`;
console.log(`tools/list, every scope and addon: ${tools.length} tools, ${schemas.length} output schemas (${new Set(schemas.map((s) => s.$id)).size} distinct $id)`);
console.log(`  response JSON              ${kb(body.length)} (output schemas ${kb(schemaText.length)}, ${nodes} schema objects in the distinct ones)`);
console.log(`server, once per process: build definitions ${ms(buildDefinitions)}, first list ${ms(firstList)}`);
console.log(`server, each tools/list (cached answer)     ${(serverAnswer * 1000).toFixed(0)} µs`);
console.log(`client, parse the answer (JSON + zod)       ${ms(clientParse)}`);
console.log(`client, new AjvJsonSchemaValidator          ${ms(newValidator)}`);
console.log(`client, compile every output schema (fresh) ${ms(compile)}   CPU, median of ${RUNS}`);
console.log(`  validator code generated                 ${kb(generatedCode)}`);
console.log(`load average ${(await import('node:os')).loadavg().map((l) => l.toFixed(2)).join(' ')}`);

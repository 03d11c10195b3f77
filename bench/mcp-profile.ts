// Profiling helper (not a benchmark): starts the Waymark bench child with --cpu-prof and drives N calls of one tool,
// so the .cpuprofile shows where a tool call spends its time. BENCH_PROFILE_TOOL=list_trips|create_place|ping.
import { fork } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const N = Number(process.env.BENCH_CALLS ?? 2000);
const TOOL = process.env.BENCH_PROFILE_TOOL ?? 'list_trips';
const dir = process.env.BENCH_PROFILE_DIR ?? '/tmp';
const child = fork(path.join(root, 'bench/mcp-waymark-server.ts'), [], {
  execArgv: ['--import', 'tsx', '--cpu-prof', `--cpu-prof-dir=${dir}`],
  stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  cwd: root,
});
const ready = await new Promise<{ url: string; token: string; tripId: number }>((resolve) => child.once('message', resolve as never));
const transport = new StreamableHTTPClientTransport(new URL(`${ready.url}/mcp`), {
  requestInit: { headers: { Authorization: `Bearer ${ready.token}` } },
});
const client = new Client({ name: 'waymark-profile', version: '1.0.0' });
await client.connect(transport);
const call = (i: number) =>
  TOOL === 'ping'
    ? client.ping()
    : client.callTool({ name: TOOL, arguments: TOOL === 'create_place' ? { tripId: ready.tripId, name: `P ${i}` } : {} });
for (let i = 0; i < 50; i++) await call(i);
const t0 = performance.now();
for (let i = 0; i < N; i++) await call(i);
const dt = performance.now() - t0;
console.log(`${TOOL}: ${N} calls, ${((N / dt) * 1000).toFixed(0)}/s, ${(dt / N).toFixed(2)} ms/call`);
await transport.terminateSession().catch(() => {});
await client.close();
child.send({ type: 'stop' });
await new Promise((r) => child.once('exit', r));

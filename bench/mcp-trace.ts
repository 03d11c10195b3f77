// Diagnostic helper (not a benchmark): runs the Waymark bench child in this process and prints every SQL statement
// one tool call sends to PostgreSQL (round trips), for BENCH_PROFILE_TOOL=list_trips|create_place|ping.
import { fork } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TOOL = process.env.BENCH_PROFILE_TOOL ?? 'create_place';
const child = fork(path.join(root, 'bench/mcp-waymark-server.ts'), [], {
  execArgv: ['--import', 'tsx', '--import', path.join(root, 'bench/trace-pg.mjs')],
  stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  cwd: root,
});
const ready = await new Promise<{ url: string; token: string; tripId: number }>((resolve) => child.once('message', resolve as never));
const transport = new StreamableHTTPClientTransport(new URL(`${ready.url}/mcp`), {
  requestInit: { headers: { Authorization: `Bearer ${ready.token}` } },
});
const client = new Client({ name: 'waymark-trace', version: '1.0.0' });
await client.connect(transport);
const call = (i: number) =>
  TOOL === 'ping' ? client.ping() : client.callTool({ name: TOOL, arguments: TOOL === 'create_place' ? { tripId: ready.tripId, name: `P ${i}` } : {} });
for (let i = 0; i < 5; i++) await call(i);
for (let i = 0; i < 2; i++) {
  child.send({ type: 'trace', on: true });
  console.log(`--- call ${i + 1}`);
  await call(100 + i);
  child.send({ type: 'trace', on: false });
  await new Promise((r) => setTimeout(r, 200)); // let the not-awaited fan-out's statements print under this call
}
await transport.terminateSession().catch(() => {});
await client.close();
child.send({ type: 'stop' });
await new Promise((r) => child.once('exit', r));

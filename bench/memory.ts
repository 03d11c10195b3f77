// npm run bench:memory — the memory of a running Waymark: `npm start` on a fresh data directory (only PORT and
// DATA_DIR set; the MCP per-minute limits are lifted so the load below is not refused), wait for the first 200 on
// /login, then RSS and PSS (/proc/<pid>/smaps_rollup) of the Node process and every postgres process, summed: idle
// after start, and again after the load bench/mcp.ts puts on a server. npm's own process is shown apart: it only
// launches Waymark (a service manager would run `node scripts/start.js` directly).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../app/db/client.server.ts';
import { createUser } from '../app/auth/users.server.ts';
import { hashSecret, randomSecret, TOKEN_PREFIX } from '../app/auth/tokens.server.ts';
import { mcpLoad } from './mcp-load.ts';
import { isLauncher, mb, processTreeMemory, startWaymark } from './waymark-process.ts';

const VERBOSE = process.env.BENCH_VERBOSE === '1';

function report(label: string, pid: number) {
  const processes = processTreeMemory(pid);
  const launcher = processes.filter(isLauncher);
  const waymark = processes.filter((p) => !isLauncher(p));
  const node = waymark.filter((p) => !p.command.includes('postgres'));
  const postgres = waymark.filter((p) => p.command.includes('postgres'));
  const sum = (list: typeof processes, field: 'rssKb' | 'pssKb') => list.reduce((total, p) => total + p[field], 0);
  const row = (name: string, list: typeof processes) =>
    console.log(`  ${name.padEnd(34)} ${mb(sum(list, 'pssKb')).padStart(7)} ${mb(sum(list, 'rssKb')).padStart(7)}`);
  console.log(`${label}\n  ${'processes'.padEnd(34)} ${'PSS'.padStart(7)} ${'RSS'.padStart(7)}`);
  row(`Node (${node.length})`, node);
  row(`postgres (${postgres.length})`, postgres);
  row('Waymark total', waymark);
  row(`npm launcher, not counted (${launcher.length})`, launcher);
  if (VERBOSE) for (const p of processes) console.log(`    ${p.pid} ${mb(p.pssKb)} ${mb(p.rssKb)} ${p.command.slice(0, 70)}`);
  return sum(waymark, 'pssKb');
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'waymark-memory-'));
fs.chmodSync(dataDir, 0o755); // as root, the embedded PostgreSQL runs as another user, which must reach the data
const running = await startWaymark({ dataDir, env: { MCP_RATE_LIMIT: '1000000', MCP_MAX_SESSION_PER_USER: '100000' } });
try {
  console.log(`load average: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} (${os.cpus().length} cores); first 200 after ${(running.msToFirst200 / 1000).toFixed(2)} s`);
  await new Promise((r) => setTimeout(r, 2000)); // idle: let start-up's garbage be collected and background work settle
  report('idle after start', running.child.pid!);

  // Seed through the CLI's door (attached to the running server's PostgreSQL), then close it: its connections must not count.
  const database = await openDatabase({ databaseUrl: undefined, dataDir, role: 'cli' });
  const user = await createUser(database.db, { email: 'bench@example.test', password: 'correct horse battery', displayName: 'Bench' });
  let tripId = 0;
  for (let i = 0; i < 5; i++) tripId = (await database.db.trip.create({ data: { ownerId: user.id, title: `Trip ${i + 1}` } })).id;
  const token = randomSecret(TOKEN_PREFIX.staticToken);
  await database.db.apiToken.create({ data: { userId: user.id, name: 'bench', tokenHash: hashSecret(token), prefix: token.slice(0, 9) } });
  await database.db.addon.upsert({ where: { id: 'mcp' }, update: { enabled: true }, create: { id: 'mcp', enabled: true } });
  await database.close();
  await new Promise((r) => setTimeout(r, 2100)); // the server's addon switches are cached for two seconds

  await mcpLoad({ name: 'waymark', url: running.url, token, tripId });
  await new Promise((r) => setTimeout(r, 2000));
  report('after the bench:mcp load (one round)', running.child.pid!);
} finally {
  await running.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

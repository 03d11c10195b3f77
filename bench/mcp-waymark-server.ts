// Benchmark child: the built Waymark server on the embedded PostgreSQL in a fresh temporary DATA_DIR, as `npm start` runs
// it (or on the empty PostgreSQL database in BENCH_DATABASE_URL) with the mcp addon on, seeded with a user, trips
// and a static token. Reports {url, token, tripId} over IPC and answers {rss} requests.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer } from '../server.ts';
import { createUser } from '../app/auth/users.server.ts';
import { hashSecret, randomSecret, TOKEN_PREFIX } from '../app/auth/tokens.server.ts';

const dataDir = process.env.BENCH_DATABASE_URL ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'waymark-bench-'));
const running = await startServer({
  PORT: '0',
  HOST: '127.0.0.1',
  ...(dataDir ? { DATA_DIR: dataDir } : { DATABASE_URL: process.env.BENCH_DATABASE_URL }),
  LOG_LEVEL: 'error',
  // The benchmark measures throughput, so the per-minute limits are lifted; everything else is the default path.
  MCP_RATE_LIMIT: '1000000',
  MCP_MAX_SESSION_PER_USER: '100000',
});
const { db } = running.services;
// /mcp is answered as in production: by the Node hook mcp/node.ts installs ahead of express and Remix.
await running.services.addons.set('mcp', true);
const user = await createUser(db, { email: 'bench@example.test', password: 'correct horse battery', displayName: 'Bench' });
let tripId = 0;
for (let i = 0; i < 5; i++) {
  const trip = await db.trip.create({ data: { ownerId: user.id, title: `Trip ${i + 1}`, description: 'Seeded for the benchmark' } });
  tripId = trip.id;
}
const token = randomSecret(TOKEN_PREFIX.staticToken);
await db.apiToken.create({ data: { userId: user.id, name: 'bench', tokenHash: hashSecret(token), prefix: token.slice(0, 9) } });

process.on('message', (msg: { type: string }) => {
  if (msg.type === 'rss') process.send!({ type: 'rss', rss: process.memoryUsage().rss });
  if (msg.type === 'cpu') process.send!({ type: 'cpu', cpu: process.cpuUsage() });
  if (msg.type === 'stop') stop();
});
// The bench that started this process was killed (a timeout, Ctrl+C): stop too, with the database, instead of lingering.
process.on('disconnect', stop);
function stop() {
  void running.close().then(() => {
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true }); // a cluster per run would fill /tmp
    process.exit(0);
  });
}
// the database and the user, for the database floor (bench/mcp-floor-server.ts) on the same PostgreSQL
process.send!({ type: 'ready', url: running.url, token, tripId, databaseUrl: running.services.database.url, userId: user.id });

// npm run bench:mcp — Waymark's MCP server against a bare-SDK floor, with the same SDK client.
// Each server runs in its own child process (so its RSS is its own and it does not share an event loop with the
// client). Prints sequential list_trips (median, p95, calls/s), sequential create_place, 10 sessions × 50 calls
// concurrently, a fresh session's initialize + tools/list (median), RSS idle/after and the server's CPU time per call, each as a
// ratio to the floor; then the tool calls again against the database floor (the same SDK server sending by hand the
// statements those tools need, on Waymark's PostgreSQL), which shows Waymark's own overhead apart from the database's,
// with where a call's time goes: the server's CPU, PostgreSQL's (every postgres process, from /proc) and the client's.
import { fork, execSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { npmStartNodeOptions, processTreeCpu } from './waymark-process.ts';
import { concurrent, freshSessions, timeCalls, FRESH, PER_SESSION, PLACES, SEQUENTIAL, SESSIONS, type McpTarget, type Timing } from './mcp-load.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
/** BENCH_WAYMARK_CHECKOUT=<another checkout>: run that checkout's Waymark (before/after figures, each against the floor). */
const waymarkRoot = path.resolve(process.env.BENCH_WAYMARK_CHECKOUT ?? root);

interface Target extends McpTarget {
  child: ChildProcess;
  /** Waymark's: its database and the benchmark user, for the database floor */
  databaseUrl?: string;
  userId?: number;
}

function start(name: string, script: string, cwd = root, nodeOptions: string[] = [], env: Record<string, string> = {}): Promise<Target> {
  const execArgv = [...nodeOptions, '--import', 'tsx'];
  const child = fork(path.join(cwd, script), [], { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'], cwd, env: { ...process.env, ...env } });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code}`)));
    child.once('message', (m: { url: string; token: string; tripId: number; databaseUrl?: string; userId?: number }) => {
      const target: Target = { name, child, ...m, cpu: () => cpu(target) };
      resolve(target);
    });
  });
}

function rss(t: Target): Promise<number> {
  return new Promise((resolve) => {
    t.child.once('message', (m: { rss: number }) => resolve(m.rss));
    t.child.send({ type: 'rss' });
  });
}

/** The server process's CPU time so far (user + system), in ms: less sensitive than wall time to a busy machine. */
function cpu(t: Target): Promise<number> {
  return new Promise((resolve) => {
    t.child.once('message', (m: { cpu: { user: number; system: number } }) => resolve((m.cpu.user + m.cpu.system) / 1000));
    t.child.send({ type: 'cpu' });
  });
}

/**
 * Runs one measurement on both servers, alternating floor / Waymark for ROUNDS rounds, and keeps each side's best
 * round: the machine is shared, and interleaving exposes both sides to the same background load.
 */
async function both<T extends { median?: number; perSecond?: number }>(floor: Target, waymark: Target, run: (t: Target) => Promise<T>) {
  const best = (a: T | undefined, b: T) =>
    !a ? b : b.perSecond !== undefined ? (b.perSecond > (a.perSecond ?? 0) ? b : a) : (b.median ?? Infinity) < (a.median ?? Infinity) ? b : a;
  let f: T | undefined;
  let w: T | undefined;
  for (let round = 0; round < ROUNDS; round++) {
    f = best(f, await run(floor));
    w = best(w, await run(waymark));
  }
  return { floor: f!, waymark: w! };
}

async function measureAll(floor: Target, waymark: Target) {
  const rssIdle = { floor: await rss(floor), waymark: await rss(waymark) };
  const ping = await both<Timing>(floor, waymark, (t) => timeCalls(t, SEQUENTIAL, (c) => c.ping()));
  const listTrips = await both<Timing>(floor, waymark, (t) => timeCalls(t, SEQUENTIAL, (c) => c.callTool({ name: 'list_trips', arguments: {} })));
  const createPlace = await both<Timing>(floor, waymark, (t) =>
    timeCalls(t, PLACES, (c, i) => c.callTool({ name: 'create_place', arguments: { tripId: t.tripId, name: `Bench place ${i}` } })),
  );
  const conc = await both(floor, waymark, concurrent);
  const fresh = await both(floor, waymark, (t) => freshSessions(t));
  const freshShared = await both(floor, waymark, (t) => freshSessions(t, 'shared'));
  const freshLazy = await both(floor, waymark, (t) => freshSessions(t, 'on first use'));
  const rssAfter = { floor: await rss(floor), waymark: await rss(waymark) };
  return { rssIdle, ping, listTrips, createPlace, conc, fresh, freshShared, freshLazy, rssAfter };
}

/** The tool calls against the database floor, interleaved with Waymark's the same way. */
async function measureTools(dbFloor: Target, waymark: Target) {
  const listTrips = await both<Timing>(dbFloor, waymark, (t) => timeCalls(t, SEQUENTIAL, (c) => c.callTool({ name: 'list_trips', arguments: {} })));
  const createPlace = await both<Timing>(dbFloor, waymark, (t) =>
    timeCalls(t, PLACES, (c, i) => c.callTool({ name: 'create_place', arguments: { tripId: t.tripId, name: `Bench place ${i}` } })),
  );
  const conc = await both(dbFloor, waymark, concurrent);
  return { listTrips, createPlace, conc };
}

const ms = (v: number) => `${v.toFixed(2)} ms`;
const mb = (v: number) => `${(v / 1024 / 1024).toFixed(0)} MB`;
const rate = (v: number) => `${v.toFixed(0)}/s`;

async function main() {
  if (!fs.existsSync(path.join(root, 'build/index.js'))) {
    execSync('flock /tmp/waymark-build.lock npx remix build', { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  }
  console.log('/mcp served by the Node hook ahead of express and Remix (mcp/node.ts), as in production');
  console.log(`MCP benchmark: ${SEQUENTIAL} sequential ping and list_trips, ${PLACES} sequential create_place, ${SESSIONS}×${PER_SESSION} concurrent, ${FRESH} fresh sessions; best of ${ROUNDS} interleaved rounds`);
  const floor = await start('floor', 'bench/mcp-floor-server.ts');
  if (waymarkRoot !== root) console.log(`Waymark from ${waymarkRoot}`);
  // Waymark with the Node options of its `npm start`; the floor with Node's defaults.
  const waymark = await start('waymark', 'bench/mcp-waymark-server.ts', waymarkRoot, npmStartNodeOptions(waymarkRoot));
  // the embedded PostgreSQL runs under Waymark's benchmark process; the database floor uses the same one
  const databaseCpu = () => processTreeCpu(waymark.child.pid!).postgres * 1000;
  waymark.databaseCpu = databaseCpu;
  const r = await measureAll(floor, waymark);
  floor.child.send({ type: 'stop' });
  const dbFloor = await start('database floor', 'bench/mcp-floor-server.ts', root, [], {
    FLOOR_DATABASE_URL: waymark.databaseUrl!,
    FLOOR_USER_ID: String(waymark.userId),
    FLOOR_TRIP_ID: String(waymark.tripId),
  });
  dbFloor.databaseCpu = databaseCpu;
  const d = await measureTools(dbFloor, waymark);
  dbFloor.child.send({ type: 'stop' });
  waymark.child.send({ type: 'stop' });
  const wm = {
    ping: r.ping.waymark, listTrips: r.listTrips.waymark, createPlace: r.createPlace.waymark, conc: r.conc.waymark,
    fresh: r.fresh.waymark, freshShared: r.freshShared.waymark, freshLazy: r.freshLazy.waymark, rssIdle: r.rssIdle.waymark, rssAfter: r.rssAfter.waymark,
  };
  const floorResult = {
    ping: r.ping.floor, listTrips: r.listTrips.floor, createPlace: r.createPlace.floor, conc: r.conc.floor,
    fresh: r.fresh.floor, freshShared: r.freshShared.floor, freshLazy: r.freshLazy.floor, rssIdle: r.rssIdle.floor, rssAfter: r.rssAfter.floor,
  };

  const rows: Array<[string, string, string, string]> = [
    ['ping sequential median (auth + session, no tool)', ms(wm.ping.median), ms(floorResult.ping.median), `${(wm.ping.median / floorResult.ping.median).toFixed(2)}× time`],
    ['ping sequential calls/s', rate(wm.ping.perSecond), rate(floorResult.ping.perSecond), `${(wm.ping.perSecond / floorResult.ping.perSecond).toFixed(2)}× throughput`],
    ['list_trips sequential median', ms(wm.listTrips.median), ms(floorResult.listTrips.median), `${(wm.listTrips.median / floorResult.listTrips.median).toFixed(2)}× time`],
    ['list_trips sequential p95', ms(wm.listTrips.p95), ms(floorResult.listTrips.p95), `${(wm.listTrips.p95 / floorResult.listTrips.p95).toFixed(2)}× time`],
    ['list_trips sequential calls/s', rate(wm.listTrips.perSecond), rate(floorResult.listTrips.perSecond), `${(wm.listTrips.perSecond / floorResult.listTrips.perSecond).toFixed(2)}× throughput`],
    ['create_place sequential median', ms(wm.createPlace.median), ms(floorResult.createPlace.median), `${(wm.createPlace.median / floorResult.createPlace.median).toFixed(2)}× time`],
    ['create_place sequential p95', ms(wm.createPlace.p95), ms(floorResult.createPlace.p95), `${(wm.createPlace.p95 / floorResult.createPlace.p95).toFixed(2)}× time`],
    ['create_place sequential calls/s', rate(wm.createPlace.perSecond), rate(floorResult.createPlace.perSecond), `${(wm.createPlace.perSecond / floorResult.createPlace.perSecond).toFixed(2)}× throughput`],
    [`${SESSIONS} sessions × ${PER_SESSION} list_trips calls/s`, rate(wm.conc.perSecond), rate(floorResult.conc.perSecond), `${(wm.conc.perSecond / floorResult.conc.perSecond).toFixed(2)}× throughput`],
    ['server CPU per list_trips call (sequential)', ms(wm.listTrips.cpuPerCall), ms(floorResult.listTrips.cpuPerCall), `${(wm.listTrips.cpuPerCall / floorResult.listTrips.cpuPerCall).toFixed(2)}×`],
    ['server CPU per create_place call (sequential)', ms(wm.createPlace.cpuPerCall), ms(floorResult.createPlace.cpuPerCall), `${(wm.createPlace.cpuPerCall / floorResult.createPlace.cpuPerCall).toFixed(2)}×`],
    ['client CPU per list_trips / create_place call', `${ms(wm.listTrips.clientCpuPerCall)} / ${ms(wm.createPlace.clientCpuPerCall)}`, `${ms(floorResult.listTrips.clientCpuPerCall)} / ${ms(floorResult.createPlace.clientCpuPerCall)}`, ''],
    ['fresh session init + tools/list median', ms(wm.fresh.median), ms(floorResult.fresh.median), `${(wm.fresh.median / floorResult.fresh.median).toFixed(2)}× time`],
    ['  the same, validators kept across sessions (server share)', ms(wm.freshShared.median), ms(floorResult.freshShared.median), `${(wm.freshShared.median / floorResult.freshShared.median).toFixed(2)}× time`],
    ['  the same, a client compiling each validator on first use', ms(wm.freshLazy.median), ms(floorResult.freshLazy.median), `${(wm.freshLazy.median / floorResult.freshLazy.median).toFixed(2)}× time`],
    ['server RSS idle', mb(wm.rssIdle), mb(floorResult.rssIdle), `${(wm.rssIdle / floorResult.rssIdle).toFixed(2)}×`],
    ['server RSS after', mb(wm.rssAfter), mb(floorResult.rssAfter), `${(wm.rssAfter / floorResult.rssAfter).toFixed(2)}×`],
  ];
  const against = (label: string, w: Timing | { perSecond: number }, f: Timing | { perSecond: number }): [string, string, string, string] => [
    label,
    rate(w.perSecond),
    rate(f.perSecond),
    `${(w.perSecond / f.perSecond).toFixed(2)}× throughput`,
  ];
  const dbRows: Array<[string, string, string, string]> = [
    against('list_trips sequential calls/s', d.listTrips.waymark, d.listTrips.floor),
    ['list_trips sequential median', ms(d.listTrips.waymark.median), ms(d.listTrips.floor.median), `${(d.listTrips.waymark.median / d.listTrips.floor.median).toFixed(2)}× time`],
    against('create_place sequential calls/s', d.createPlace.waymark, d.createPlace.floor),
    against(`${SESSIONS} sessions × ${PER_SESSION} list_trips calls/s`, d.conc.waymark, d.conc.floor),
    ['server CPU per list_trips call (sequential)', ms(d.listTrips.waymark.cpuPerCall), ms(d.listTrips.floor.cpuPerCall), `${(d.listTrips.waymark.cpuPerCall / d.listTrips.floor.cpuPerCall).toFixed(2)}×`],
    ['server CPU per create_place call (sequential)', ms(d.createPlace.waymark.cpuPerCall), ms(d.createPlace.floor.cpuPerCall), `${(d.createPlace.waymark.cpuPerCall / d.createPlace.floor.cpuPerCall).toFixed(2)}×`],
    ...(['listTrips', 'createPlace'] as const).flatMap((tool): Array<[string, string, string, string]> => {
      const name = tool === 'listTrips' ? 'list_trips' : 'create_place';
      const w = d[tool].waymark;
      const f = d[tool].floor;
      return [
        [`  PostgreSQL CPU per ${name} call`, ms(w.databaseCpuPerCall), ms(f.databaseCpuPerCall), `${(w.databaseCpuPerCall / f.databaseCpuPerCall).toFixed(2)}×`],
        [`  client CPU per ${name} call`, ms(w.clientCpuPerCall), ms(f.clientCpuPerCall), `${(w.clientCpuPerCall / f.clientCpuPerCall).toFixed(2)}×`],
      ];
    }),
  ];
  const widths = [0, 1, 2, 3].map((i) => Math.max(...[...rows, ...dbRows].map((r) => r[i].length), ['measure', 'waymark', 'SDK floor', 'ratio'][i].length));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(line(['measure', 'waymark', 'SDK floor', 'ratio']));
  for (const r of rows) console.log(line(r));
  console.log('\nThe tool calls against the database floor: the same SDK server sending the statements by hand on the same PostgreSQL');
  console.log(line(['measure', 'waymark', 'db floor', 'ratio']));
  for (const r of dbRows) console.log(line(r));
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

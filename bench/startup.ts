// npm run bench:startup — `npm start` to the first 200 on /login, on a built checkout: with existing data (a data
// directory from an earlier start) and on a first start (empty data directory: initdb, migrations). Several runs each,
// min / median / max, and the CPU seconds all its processes had used by then (a busy machine stretches the wall time, not
// the CPU); also `node scripts/start.js` without npm, to show npm's own share. Prints the machine's load.
// BENCH_BASELINE=<another built checkout> times that checkout too, run for run interleaved with this one (before/after
// figures on a shared machine whose load changes by the minute).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { median, npmStartNodeOptions, root, startWaymark } from './waymark-process.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const checkouts = [{ name: 'this checkout', cwd: root }];
if (process.env.BENCH_BASELINE) checkouts.unshift({ name: 'baseline', cwd: path.resolve(process.env.BENCH_BASELINE) });

interface Case {
  label: string;
  command: (checkout: string) => string[];
  dataDir: (checkout: number) => string;
}

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'waymark-startup-'));
fs.chmodSync(scratch, 0o755); // as root, the embedded PostgreSQL runs as another user, which must reach the data
let fresh = 0;
const emptyDir = () => path.join(scratch, `first-${fresh++}`);
const existing = (checkout: number) => path.join(scratch, `existing-${checkout}`);
const cases: Case[] = [
  { label: 'npm start, existing data', command: () => ['npm', 'start'], dataDir: existing },
  { label: 'npm start, first start (empty data dir)', command: () => ['npm', 'start'], dataDir: emptyDir },
  // as a service manager would run it: the same Node options, without npm
  { label: 'node scripts/start.js, existing data', command: (cwd) => ['node', ...npmStartNodeOptions(cwd), 'scripts/start.js'], dataDir: existing },
];

const s = (v: number) => `${v.toFixed(2)} s`;
const cols = (values: number[]) => [Math.min(...values), median(values), Math.max(...values)].map((v) => s(v).padStart(7)).join(' ');
try {
  // Warm-up, not counted: builds if a source is newer than the build (as `npm start` would), creates the existing data.
  for (const [i, checkout] of checkouts.entries()) await (await startWaymark({ dataDir: existing(i), cwd: checkout.cwd })).stop();
  console.log(`load average before: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} (${os.cpus().length} cores)`);
  console.log(`${'start → first 200 on /login'.padEnd(60)} ${'min'.padStart(7)} ${'median'.padStart(7)} ${'max'.padStart(7)}   CPU used by then (all processes): min median max; ${RUNS} runs each`);
  for (const c of cases) {
    const wall = checkouts.map(() => [] as number[]);
    const cpu = checkouts.map(() => [] as number[]);
    for (let run = 0; run < RUNS; run++) {
      for (const [i, checkout] of checkouts.entries()) {
        const running = await startWaymark({ dataDir: c.dataDir(i), command: c.command(checkout.cwd), cwd: checkout.cwd });
        wall[i].push(running.msToFirst200 / 1000);
        const { launcher, node, postgres } = running.cpuAtFirst200;
        cpu[i].push(launcher + node + postgres);
        await running.stop();
      }
    }
    for (const [i, checkout] of checkouts.entries()) {
      const label = checkouts.length > 1 ? `${c.label} [${checkout.name}]` : c.label;
      console.log(`${label.padEnd(60)} ${cols(wall[i])}   CPU ${cols(cpu[i])}`);
    }
  }
  console.log(`load average after: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
} finally {
  fs.rmSync(scratch, { recursive: true, force: true });
}

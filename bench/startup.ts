// npm run bench:startup — `npm start` to the first 200 on /login, on a built checkout: with existing data (a data
// directory from an earlier start) and on a first start (empty data directory: initdb, migrations). Several runs each,
// min / median / max, and the CPU seconds all its processes had used by then (a busy machine stretches the wall time, not
// the CPU); also `node scripts/start.js` without npm, to show npm's own share. Prints the machine's load.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { median, startWaymark } from './waymark-process.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);

async function timeStarts(label: string, command: string[], dataDir: () => string) {
  const samples: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const dir = dataDir();
    const running = await startWaymark({ dataDir: dir, command });
    samples.push(running.msToFirst200 / 1000);
    const { launcher, node, postgres } = running.cpuAtFirst200;
    cpu.push(launcher + node + postgres);
    await running.stop();
  }
  const s = (v: number) => `${v.toFixed(2)} s`;
  const cols = (values: number[]) => [Math.min(...values), median(values), Math.max(...values)].map((v) => s(v).padStart(7)).join(' ');
  console.log(`${label.padEnd(46)} ${cols(samples)}   CPU ${cols(cpu)}`);
  return samples;
}

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'waymark-startup-'));
fs.chmodSync(scratch, 0o755); // as root, the embedded PostgreSQL runs as another user, which must reach the data
let fresh = 0;
const emptyDir = () => path.join(scratch, `first-${fresh++}`);
const existing = path.join(scratch, 'existing');
try {
  // Warm-up, not counted: builds if a source is newer than the build (as `npm start` would), creates the existing data.
  const warm = await startWaymark({ dataDir: existing });
  await warm.stop();
  console.log(`load average before: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} (${os.cpus().length} cores)`);
  console.log(`${'start → first 200 on /login'.padEnd(46)} ${'min'.padStart(7)} ${'median'.padStart(7)} ${'max'.padStart(7)}   CPU used by then (all processes): min median max; ${RUNS} runs each`);
  await timeStarts('npm start, existing data', ['npm', 'start'], () => existing);
  await timeStarts('npm start, first start (empty data dir)', ['npm', 'start'], emptyDir);
  await timeStarts('node scripts/start.js, existing data', ['node', 'scripts/start.js'], () => existing);
  console.log(`load average after: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
} finally {
  fs.rmSync(scratch, { recursive: true, force: true });
}

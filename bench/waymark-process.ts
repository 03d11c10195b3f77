// Shared by the start-up and memory benchmarks: starts Waymark as a user does (`npm start`, or another command) on a
// given DATA_DIR and port, times it to the first 200 on /login, measures the memory of its whole process tree
// (Linux /proc), and stops it the way Ctrl+C does.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface StartedWaymark {
  child: ChildProcess;
  url: string;
  /** Milliseconds from spawning the command to the first 200 on /login. */
  msToFirst200: number;
  /** CPU seconds (user + system) the process tree had used at the first 200: what a busy machine cannot inflate. */
  cpuAtFirst200: TreeCpu;
  output: () => string;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Starts `command` (default `npm start`) in its own process group with PORT and DATA_DIR (and `env`) set. */
export async function startWaymark(options: { dataDir: string; command?: string[]; env?: Record<string, string>; cwd?: string }): Promise<StartedWaymark> {
  const port = await freePort();
  const [cmd, ...args] = options.command ?? ['npm', 'start'];
  let log = '';
  const began = performance.now();
  const child = spawn(cmd, args, {
    cwd: options.cwd ?? root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PORT: String(port), DATA_DIR: options.dataDir, ...options.env },
  });
  child.stdout!.on('data', (d) => (log += d));
  child.stderr!.on('data', (d) => (log += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://localhost:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Waymark exited (${child.exitCode}) before answering: ${log}`);
    try {
      const response = await fetch(`${url}/login`);
      await response.arrayBuffer();
      if (response.status === 200) break;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 10));
    if (performance.now() - began > 120_000) throw new Error(`No 200 on /login within 120 s: ${log}`);
  }
  const msToFirst200 = performance.now() - began;
  const cpuAtFirst200 = processTreeCpu(child.pid!);
  return {
    child,
    url,
    msToFirst200,
    cpuAtFirst200,
    output: () => log,
    async stop() {
      if (child.exitCode === null) process.kill(-child.pid!, 'SIGINT');
      await exited;
      // postgres runs in its own process group; Waymark stops it on SIGINT. Wait for the socket's lock to go.
      for (let i = 0; i < 500 && fs.existsSync(path.join(options.dataDir, 'postgres', 'postmaster.pid')); i++) await new Promise((r) => setTimeout(r, 20));
    },
  };
}

export interface ProcessMemory {
  pid: number;
  command: string;
  rssKb: number;
  pssKb: number;
}

function childrenOf(pid: number): number[] {
  const found: number[] = [];
  for (const task of fs.readdirSync(`/proc/${pid}/task`)) {
    try {
      const text = fs.readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
      if (text) found.push(...text.split(/\s+/).map(Number));
    } catch {
      /* the thread ended */
    }
  }
  return found;
}

/** RSS and PSS (from /proc/<pid>/smaps_rollup) of pid and every descendant. */
export function processTreeMemory(pid: number): ProcessMemory[] {
  const result: ProcessMemory[] = [];
  const visit = (p: number) => {
    try {
      const rollup = fs.readFileSync(`/proc/${p}/smaps_rollup`, 'utf8');
      const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(rollup)?.[1] ?? 0);
      const command = fs.readFileSync(`/proc/${p}/cmdline`, 'utf8').split('\0').join(' ').trim();
      result.push({ pid: p, command, rssKb: field('Rss'), pssKb: field('Pss') });
      for (const c of childrenOf(p)) visit(c);
    } catch {
      /* the process ended */
    }
  };
  visit(pid);
  return result;
}

export interface TreeCpu {
  launcher: number;
  node: number;
  postgres: number;
}

/**
 * CPU seconds (user + system, /proc/<pid>/stat) of the live processes in the tree, by kind. Processes that already
 * exited (initdb, a finished `npm run build`) are counted only through their parent's reaped-children fields.
 */
export function processTreeCpu(pid: number): TreeCpu {
  const ticks = 100; // USER_HZ on Linux
  const result: TreeCpu = { launcher: 0, node: 0, postgres: 0 };
  const visit = (p: number) => {
    try {
      const stat = fs.readFileSync(`/proc/${p}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // utime, stime, cutime, cstime are fields 14-17 (1-based); after the command they start at index 11.
      const own = (Number(fields[11]) + Number(fields[12])) / ticks;
      const reaped = (Number(fields[13]) + Number(fields[14])) / ticks;
      const command = fs.readFileSync(`/proc/${p}/cmdline`, 'utf8').split('\0').join(' ').trim();
      const kind = isLauncher({ pid: p, command, rssKb: 0, pssKb: 0 }) ? 'launcher' : command.includes('postgres') ? 'postgres' : 'node';
      // A reaped child of Node is initdb or a build: Waymark's own start-up work.
      result[kind] += own;
      if (kind === 'node') result.node += reaped;
      for (const c of childrenOf(p)) visit(c);
    } catch {
      /* the process ended */
    }
  };
  visit(pid);
  return result;
}

/** npm (and the shell it runs the script with) only launch Waymark: counted apart from Waymark's own processes. */
export function isLauncher(p: ProcessMemory) {
  return /(^|\/)npm( |$)|npm-cli\.js|^sh -c /.test(p.command);
}

export const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;

export function median(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The Node options `npm start` gives Waymark in `checkout` (package.json's start script), to run it alike without npm. */
export function npmStartNodeOptions(checkout: string): string[] {
  const script = (JSON.parse(fs.readFileSync(path.join(checkout, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start;
  return script.split(/\s+/).filter((word) => word.startsWith('--'));
}

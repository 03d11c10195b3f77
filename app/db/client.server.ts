// Opens the database: embedded PGlite (default, data in DATA_DIR) or a real PostgreSQL (DATABASE_URL).
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '~/generated/prisma/client';
import type { SqlRunner } from './migrate.server';
import { withStatementCache } from './pglite-statements.server';
import { statementNamer } from './statement-names.server';

export type Db = PrismaClient;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  sql: SqlRunner;
  close(): Promise<void>;
}

export class EmbeddedDatabaseBusyError extends Error {
  constructor(dir: string, pid: number) {
    super(
      `The embedded database in ${dir} is in use by a running Waymark server (pid ${pid}). ` +
        'Stop the server first, or point DATABASE_URL at a PostgreSQL server.',
    );
  }
}

function processIsAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

// Directories opened by this process (shared through globalThis: the server build and tsx-loaded code are two copies).
const openDirs: Set<string> = ((globalThis as Record<string, unknown>).__waymarkOpenDataDirs ??= new Set<string>()) as Set<string>;

/** One opener at a time per embedded data directory; a stale lock from a dead process is taken over. */
function lockDataDir(dir: string) {
  fs.mkdirSync(dir, { recursive: true });
  const lockFile = path.join(dir, 'waymark.lock');
  if (openDirs.has(dir)) throw new EmbeddedDatabaseBusyError(dir, process.pid);
  try {
    const pid = Number(fs.readFileSync(lockFile, 'utf8'));
    if (pid && pid !== process.pid && processIsAlive(pid)) throw new EmbeddedDatabaseBusyError(dir, pid);
  } catch (error) {
    if (error instanceof EmbeddedDatabaseBusyError) throw error;
  }
  fs.writeFileSync(lockFile, String(process.pid));
  openDirs.add(dir);
  return () => {
    openDirs.delete(dir);
    try {
      if (fs.readFileSync(lockFile, 'utf8') === String(process.pid)) fs.rmSync(lockFile);
    } catch {
      /* already gone */
    }
  };
}

export async function openDatabase(options: { databaseUrl: string | undefined; dataDir: string }): Promise<Database> {
  const { databaseUrl, dataDir } = options;
  if (databaseUrl && databaseUrl !== 'memory://') {
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
    const db = new PrismaClient({ adapter: new PrismaPg(pool, { statementNameGenerator: statementNamer() }) });
    const sql: SqlRunner = {
      async query(text, params = []) {
        const result = await pool.query(text, params as unknown[]);
        return result.rows;
      },
      async transaction(fn) {
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          const result = await fn({
            query: async (text, params = []) => (await client.query(text, params as unknown[])).rows,
            exec: async (text) => void (await client.query(text)),
          });
          await client.query('COMMIT');
          return result;
        } catch (error) {
          await client.query('ROLLBACK').catch(() => {});
          throw error;
        } finally {
          client.release();
        }
      },
    };
    return {
      db,
      kind: 'postgres',
      sql,
      async close() {
        await db.$disconnect();
        await pool.end();
      },
    };
  }

  const inMemory = databaseUrl === 'memory://';
  const pgliteDir = path.resolve(dataDir, 'pglite');
  const unlock = inMemory ? () => {} : lockDataDir(path.resolve(dataDir));
  const client = inMemory ? new PGlite() : new PGlite(pgliteDir);
  await client.waitReady;
  // Prisma and Waymark's own SQL go through prepared statements (each SQL text parsed and planned once).
  const cached = withStatementCache(client);
  const db = new PrismaClient({ adapter: new PrismaPGlite(cached) });
  const sql: SqlRunner = {
    async query(text, params = []) {
      return (await cached.query(text, params as unknown[])).rows as Record<string, unknown>[];
    },
    async transaction(fn) {
      return cached.transaction((tx) =>
        fn({
          query: async (text, params = []) => (await tx.query(text, params as unknown[])).rows as Record<string, unknown>[],
          exec: async (text) => void (await tx.exec(text)),
        }),
      );
    },
  };
  return {
    db,
    kind: 'pglite',
    sql,
    async close() {
      await db.$disconnect();
      await client.close();
      unlock();
    },
  };
}

// Opens the database: the embedded PostgreSQL server (default, data in DATA_DIR) or the PostgreSQL server named by
// DATABASE_URL. Either way one driver (pg), one Prisma adapter, one SQL dialect.
import v8 from 'node:v8';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '~/generated/prisma/client';
import type { SqlRunner } from './migrate.server';
import { startEmbeddedPostgres, type EmbeddedCluster, type OwnerRole } from './embedded-postgres.server';
import { statementNamer } from './statement-names.server';

export { EmbeddedDatabaseBusyError, EmbeddedPostgresUnavailableError } from './embedded-postgres.server';

export type Db = PrismaClient;

// Prisma 7 plans queries in a WebAssembly module (3.4 MB) and caches the plans; V8's optimizing tier for that module
// cost ~70 MB of resident memory for no measurable gain in tool-call speed (bench:memory, bench:mcp). Liftoff, V8's
// baseline WebAssembly compiler, only. Set before the first query compiles the module; it concerns WebAssembly only.
v8.setFlagsFromString('--liftoff-only');

export interface Database {
  db: Db;
  /** 'embedded': this process's own (or its server's) PostgreSQL child in DATA_DIR; 'postgres': DATABASE_URL. */
  kind: 'embedded' | 'postgres';
  sql: SqlRunner;
  /** The embedded cluster, when kind is 'embedded' (backups use its binaries and socket). */
  cluster?: EmbeddedCluster;
  /** Connection URL (no password is ever part of the embedded one). */
  url: string;
  close(): Promise<void>;
}

export interface OpenOptions {
  databaseUrl: string | undefined;
  dataDir: string;
  /** Who opens the embedded cluster: a server owns it alone; a CLI command attaches to a running server's cluster. */
  role?: OwnerRole;
  log?: (message: string) => void;
  /** The embedded cluster already being started for this server (server.ts starts it while the server build loads). */
  embedded?: Promise<EmbeddedCluster>;
}

/** One namer for every runner in the process: a text has the same name on any pool, so two runners never clash. */
const rawStatementName = statementNamer(100, 'wr_');

// Waymark's `timestamp` columns hold UTC wall-clock time (Prisma writes and reads them so), and `date` columns plain
// calendar days. The pg driver on its own would read both as the process's local time and write a Date parameter as
// local time with an offset that `timestamp` drops: on a server whose clock zone is not UTC, raw SQL and Prisma would
// disagree by the zone's offset (an OAuth token read as expired hours early, or valid hours late).
const { TIMESTAMP, DATE } = pg.types.builtins;
const utcTypes = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === TIMESTAMP) return (value: string) => new Date(`${value.replace(' ', 'T')}Z`);
    if (oid === DATE) return (value: string) => new Date(`${value}T00:00:00Z`);
    return pg.types.getTypeParser(oid, format);
  }) as typeof pg.types.getTypeParser,
};
const utcValues = (params: unknown[]) => params.map((value) => (value instanceof Date ? value.toISOString() : value));

/** A query's config for pg: times as UTC both ways; `name` to prepare it. */
const utcQuery = (text: string, params: unknown[], name = '') => ({ text, values: utcValues(params), types: utcTypes, ...(name && { name }) });

/**
 * Raw SQL over a pool, with transactions on one pooled connection (migrations, backups, the audit insert). A statement
 * with parameters is a prepared one of the hot path (the bearer lookup, the audit row, an agent's activity summary):
 * named, so each connection parses and plans it once. One without (DDL, a migration's script) goes as simple text.
 * Timestamps are UTC either way, as with Prisma (utcTypes).
 */
export function sqlRunner(pool: pg.Pool): SqlRunner {
  return {
    async query(text, params = []) {
      const name = params.length > 0 ? rawStatementName({ sql: text }) : '';
      return (await pool.query(utcQuery(text, params as unknown[], name))).rows;
    },
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn({
          query: async (text, params = []) => (await client.query(utcQuery(text, params as unknown[]))).rows,
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
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  const role = options.role ?? 'server';
  const cluster = options.databaseUrl
    ? undefined
    : await (options.embedded ?? startEmbeddedPostgres({ dataDir: options.dataDir, role, attach: role === 'cli', log: options.log }));
  const url = options.databaseUrl ?? cluster!.url;
  try {
    const pool = new pg.Pool({
      connectionString: url,
      max: role === 'cli' ? 2 : 10,
      // Every session in UTC, whatever the server's default zone (an embedded cluster takes its machine's at initdb):
      // Prisma sends times as UTC wall-clock text without an offset, which PostgreSQL reads in the session's zone, and
      // SQL comparing a timestamp column with now() converts in it too (decision 047). Done before the pool hands the
      // connection out; a SET rather than a startup option, which poolers refuse.
      onConnect: async (client) => void (await client.query("SET TIME ZONE 'UTC'")),
    });
    // A connection dropped by the server (restart, admin termination) must not crash the process.
    pool.on('error', () => {});
    const db = new PrismaClient({ adapter: new PrismaPg(pool, { statementNameGenerator: statementNamer() }) });
    return {
      db,
      kind: cluster ? 'embedded' : 'postgres',
      sql: sqlRunner(pool),
      cluster,
      url,
      async close() {
        await db.$disconnect();
        await pool.end();
        await cluster?.stop();
      },
    };
  } catch (error) {
    await cluster?.stop();
    throw error;
  }
}

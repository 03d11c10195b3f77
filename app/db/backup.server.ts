// Logical backups of Waymark's database, written and restored over an ordinary connection. The embedded PostgreSQL
// packages ship initdb, pg_ctl and postgres but not pg_dump, so Waymark writes its own format: gzip'd JSON lines
// (a header naming the applied migrations, then one line per row and per sequence), read inside one REPEATABLE READ
// snapshot, so a backup taken while the server writes is consistent.
import fs from 'node:fs';
import { once } from 'node:events';
import readline from 'node:readline';
import zlib from 'node:zlib';
import pg from 'pg';
import { migrate, readMigrations } from './migrate.server';
import { sqlRunner } from './client.server';

export const BACKUP_FORMAT = 'waymark-backup';
const MIGRATIONS_TABLE = '_prisma_migrations';
const BATCH = 500;

interface Header {
  format: typeof BACKUP_FORMAT;
  version: 1;
  createdAt: string;
  migrations: string[];
  tables: string[];
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Writes a backup of the database at url to file; returns the number of rows written. */
export async function writeBackup(url: string, file: string): Promise<{ rows: number; tables: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const gzip = zlib.createGzip();
  const out = fs.createWriteStream(file, { mode: 0o600 });
  const finished = once(out, 'close');
  gzip.pipe(out);
  const write = async (value: unknown) => {
    if (!gzip.write(`${JSON.stringify(value)}\n`)) await once(gzip, 'drain');
  };
  let rows = 0;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const tables = (
      await client.query<{ name: string }>(
        `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> $1 ORDER BY tablename`,
        [MIGRATIONS_TABLE],
      )
    ).rows.map((r) => r.name);
    const migrations = (
      await client.query<{ name: string }>(
        `SELECT migration_name AS name FROM ${MIGRATIONS_TABLE} WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
      )
    ).rows.map((r) => r.name);
    const header: Header = { format: BACKUP_FORMAT, version: 1, createdAt: new Date().toISOString(), migrations, tables };
    await write(header);
    for (const table of tables) {
      const result = await client.query<{ row: unknown }>(`SELECT row_to_json(t) AS row FROM ${quoteIdent(table)} t`);
      for (const { row } of result.rows) await write({ table, row });
      rows += result.rowCount ?? 0;
    }
    const sequences = await client.query<{ name: string; value: string | null }>(
      `SELECT sequencename AS name, last_value::text AS value FROM pg_sequences WHERE schemaname = 'public'`,
    );
    for (const s of sequences.rows) if (s.value !== null) await write({ sequence: s.name, value: s.value });
    await client.query('COMMIT');
    gzip.end();
    await finished;
    return { rows, tables: tables.length };
  } catch (error) {
    gzip.destroy();
    out.destroy();
    fs.rmSync(file, { force: true });
    throw error;
  } finally {
    await client.end();
  }
}

export class BackupFormatError extends Error {}

/** Whether the database at url holds any Waymark tables (a restore refuses those without --force). */
export async function databaseHasTables(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT 1 FROM pg_tables WHERE schemaname = 'public' LIMIT 1`);
    return rows.length > 0;
  } finally {
    await client.end();
  }
}

/**
 * Restores file into the database at url: the backup's migrations first (so its rows fit the schema they came from),
 * the rows with triggers and foreign-key checks off (rows arrive in table-name order, not dependency order; needs a
 * superuser, as the embedded server's is), the sequences, then any newer migrations of this version.
 */
export async function restoreBackup(url: string, file: string, options: { wipe?: boolean } = {}) {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  // pool.end() resolves before its connection is closed; the server's fast shutdown right after must not crash the CLI.
  pool.on('error', () => {});
  const sql = sqlRunner(pool);
  const lines = readline.createInterface({ input: fs.createReadStream(file).pipe(zlib.createGunzip()), crlfDelay: Infinity });
  // Taken before any await: lines read while nobody iterates would be lost.
  const iterator = lines[Symbol.asyncIterator]();
  let rows = 0;
  try {
    if (options.wipe) await pool.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
    const first = await iterator.next();
    const header = (first.done ? undefined : JSON.parse(first.value)) as Header | undefined;
    if (header?.format !== BACKUP_FORMAT || header.version !== 1) throw new BackupFormatError(`${file} is not a Waymark backup`);
    const known = readMigrations();
    const unknown = header.migrations.filter((name) => !known.some((m) => m.name === name));
    if (unknown.length) throw new BackupFormatError(`The backup needs a newer Waymark (unknown migrations: ${unknown.join(', ')})`);
    await migrate(sql, known.filter((m) => header.migrations.includes(m.name)));

    await sql.transaction(async (tx) => {
      await tx.exec('SET LOCAL session_replication_role = replica');
      // Migrations may have inserted rows of their own (defaults): the backup's rows replace them.
      for (const table of header.tables) await tx.exec(`DELETE FROM ${quoteIdent(table)}`);
      let table = '';
      let batch: unknown[] = [];
      const flush = async () => {
        if (!batch.length) return;
        await tx.query(`INSERT INTO ${quoteIdent(table)} SELECT * FROM json_populate_recordset(NULL::${quoteIdent(table)}, $1::json)`, [
          JSON.stringify(batch),
        ]);
        rows += batch.length;
        batch = [];
      };
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
        if (!next.value) continue;
        const entry = JSON.parse(next.value) as { table?: string; row?: unknown; sequence?: string; value?: string };
        if (entry.table !== undefined) {
          if (entry.table !== table || batch.length >= BATCH) await flush();
          table = entry.table;
          batch.push(entry.row);
        } else if (entry.sequence !== undefined) {
          await flush();
          await tx.query('SELECT setval($1::regclass, $2::bigint)', [quoteIdent(entry.sequence), entry.value]);
        }
      }
      await flush();
    });
    await migrate(sql, known);
    return { rows, migrations: header.migrations.length };
  } finally {
    lines.close();
    await pool.end();
  }
}

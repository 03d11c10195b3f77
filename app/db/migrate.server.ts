// Applies prisma/migrations/*/migration.sql in order, one transaction each, recorded in Prisma's own
// `_prisma_migrations` table so `prisma migrate status/deploy` agree wherever the Prisma CLI is available.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

type Row = Record<string, unknown>;
export interface SqlTx {
  query(text: string, params?: unknown[]): Promise<Row[]>;
  exec(text: string): Promise<void>;
}
export interface SqlRunner {
  query(text: string, params?: unknown[]): Promise<Row[]>;
  transaction<T>(fn: (tx: SqlTx) => Promise<T>): Promise<T>;
}

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export function defaultMigrationsDir() {
  return path.resolve(process.env.WAYMARK_ROOT ?? process.cwd(), 'prisma/migrations');
}

const shipped = new Map<string, Migration[]>();

/** The migrations shipped with this build, read (and their checksums computed) once per process. */
export function shippedMigrations(dir = defaultMigrationsDir()): Migration[] {
  let migrations = shipped.get(dir);
  if (!migrations) shipped.set(dir, (migrations = readMigrations(dir)));
  return migrations;
}

export function readMigrations(dir = defaultMigrationsDir()): Migration[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && fs.existsSync(path.join(dir, e.name, 'migration.sql')))
    .map((e) => e.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: crypto.createHash('sha256').update(sql).digest('hex') };
    });
}

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

/** Applies pending migrations; returns the names applied. Safe to call from several instances at once on PostgreSQL. */
export async function migrate(sql: SqlRunner, migrations = shippedMigrations()): Promise<string[]> {
  // Every start of an up-to-date database: one round trip (it was four per migration, in a transaction each).
  if (await allApplied(sql, migrations)) return [];
  await sql.query(CREATE_TABLE);
  const applied: string[] = [];
  for (const migration of migrations) {
    const didApply = await sql.transaction(async (tx) => {
      // Serialises concurrent starters on a shared PostgreSQL; released at commit.
      await tx.query('SELECT pg_advisory_xact_lock(727274)');
      const done = await tx.query(
        'SELECT checksum FROM "_prisma_migrations" WHERE migration_name = $1 AND finished_at IS NOT NULL AND rolled_back_at IS NULL',
        [migration.name],
      );
      if (done.length > 0) {
        if (done[0].checksum !== migration.checksum) {
          throw new Error(`Migration ${migration.name} was changed after it was applied (checksum mismatch).`);
        }
        return false;
      }
      await tx.exec(migration.sql);
      await tx.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
         VALUES ($1, $2, now(), $3, now(), 1)`,
        [crypto.randomUUID(), migration.checksum, migration.name],
      );
      return true;
    });
    if (didApply) applied.push(migration.name);
  }
  return applied;
}

/** The applied migrations' checksums by name (empty when the table does not exist yet; other errors are thrown). */
export async function appliedMigrations(sql: SqlRunner): Promise<Map<string, string>> {
  let rows: Row[];
  try {
    rows = await sql.query('SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL');
  } catch (error) {
    if ((error as { code?: string }).code === '42P01') return new Map();
    throw error;
  }
  return new Map(rows.map((row) => [row.migration_name as string, row.checksum as string]));
}

/** Whether every migration is recorded as applied with its checksum (false when the table does not exist yet). */
async function allApplied(sql: SqlRunner, migrations: Migration[]) {
  let applied: Map<string, string>;
  try {
    applied = await appliedMigrations(sql);
  } catch {
    return false;
  }
  // A changed checksum takes the full path, which refuses it with the reason.
  return migrations.every((migration) => applied.get(migration.name) === migration.checksum);
}

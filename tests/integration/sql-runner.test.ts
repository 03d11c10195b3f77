// The raw SQL runner beside Prisma (bearer lookup, audit row, an agent's activity summary, migrations): statements with
// parameters are prepared once per connection; scripts without parameters still run as plain text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { sqlRunner } from '~/db/client.server';
import { createTestDatabase } from '../helpers/server';

describe('sqlRunner', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let pool: pg.Pool;

  beforeAll(async () => {
    database = await createTestDatabase();
    // one connection, so every statement below meets the same session's prepared statements
    pool = new pg.Pool({ connectionString: database.url, max: 1 });
    // pool.end() resolves before its connection closes; the forced DROP DATABASE afterwards may cut it
    pool.on('error', () => {});
  });
  afterAll(async () => {
    await pool?.end();
    await database?.drop();
  });

  const prepared = async () =>
    (await pool.query<{ name: string; statement: string }>('SELECT name, statement FROM pg_prepared_statements ORDER BY name')).rows;

  it('prepares a statement with parameters once and answers each call with its own values', async () => {
    const sql = sqlRunner(pool);
    const text = 'SELECT $1::int * 2 AS "doubled"';
    expect(await sql.query(text, [2])).toEqual([{ doubled: 4 }]);
    expect(await sql.query(text, [21])).toEqual([{ doubled: 42 }]);
    const statements = (await prepared()).filter((s) => s.statement === text);
    expect(statements).toHaveLength(1);
    expect(statements[0].name).toMatch(/^wr_/);
  });

  it('runs a script without parameters as plain text (several statements, as a migration has)', async () => {
    const sql = sqlRunner(pool);
    await sql.query('CREATE TABLE "RunnerCheck" ("id" int PRIMARY KEY, "label" text); INSERT INTO "RunnerCheck" VALUES (1, \'one\')');
    expect(await sql.query('SELECT "label" FROM "RunnerCheck" WHERE "id" = $1', [1])).toEqual([{ label: 'one' }]);
    expect((await prepared()).some((s) => s.statement.startsWith('CREATE TABLE'))).toBe(false);
  });

  it('a prepared statement that names its columns survives a column added later (one with `*` would not)', async () => {
    const sql = sqlRunner(pool);
    await sql.query('CREATE TABLE "ShapeCheck" ("id" int PRIMARY KEY, "name" text); INSERT INTO "ShapeCheck" VALUES (1, \'a\')');
    const named = 'SELECT "id", "name" FROM "ShapeCheck" WHERE "id" = $1';
    const star = 'SELECT * FROM "ShapeCheck" WHERE "id" = $1';
    await sql.query(named, [1]);
    await sql.query(star, [1]);
    // what another instance's migration does while this one runs
    await sql.query('ALTER TABLE "ShapeCheck" ADD COLUMN "extra" text');
    expect(await sql.query(named, [1])).toEqual([{ id: 1, name: 'a' }]);
    await expect(sql.query(star, [1])).rejects.toThrow(/cached plan must not change result type/);
  });
});

// Migrations and schema.prisma cannot drift: every model and scalar field the generated client knows about must exist
// as a table and column of a compatible type in the migrated database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server';

interface RuntimeField {
  name: string;
  kind: 'scalar' | 'object' | 'enum';
  type: string;
  dbName?: string | null;
}
interface RuntimeModel {
  fields: RuntimeField[];
  dbName: string | null;
}

const COMPATIBLE: Record<string, string[]> = {
  Int: ['integer', 'ARRAY'],
  BigInt: ['bigint'],
  String: ['text', 'character varying', 'ARRAY'],
  Boolean: ['boolean'],
  DateTime: ['timestamp without time zone', 'timestamp with time zone', 'date'],
  Float: ['double precision'],
  Json: ['jsonb'],
};

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

describe('schema and migrations', () => {
  it('every model and field of the generated client exists in the migrated database', async () => {
    const models = (server.services.db as unknown as { _runtimeDataModel: { models: Record<string, RuntimeModel> } })
      ._runtimeDataModel.models;
    expect(Object.keys(models).length).toBeGreaterThan(10);
    const rows = (await server.services.database.sql.query(
      `SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = current_schema()`,
    )) as { table_name: string; column_name: string; data_type: string }[];
    const columns = new Map(rows.map((r) => [`${r.table_name}.${r.column_name}`, r.data_type]));
    const missing: string[] = [];
    for (const [name, model] of Object.entries(models)) {
      const table = model.dbName ?? name;
      for (const field of model.fields.filter((f) => f.kind === 'scalar')) {
        const key = `${table}.${field.dbName ?? field.name}`;
        const type = columns.get(key);
        if (!type) missing.push(`${key} (missing)`);
        else if (!COMPATIBLE[field.type]?.includes(type)) missing.push(`${key} (${type}, schema says ${field.type})`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('records applied migrations in Prisma’s _prisma_migrations format', async () => {
    const rows = await server.services.database.sql.query(
      'SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name',
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.finished_at).not.toBeNull();
    }
  });
});

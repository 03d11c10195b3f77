// The PGlite statement cache answers exactly like PGlite's own query(), keeps transactions isolated, survives errors
// and schema changes, and stays within its size.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import { createStatementCache, withStatementCache } from '~/db/pglite-statements.server';

let pg: PGlite;

beforeAll(async () => {
  pg = new PGlite();
  await pg.exec(`
    CREATE TABLE item (id serial PRIMARY KEY, name text NOT NULL UNIQUE, data jsonb, at timestamp(3), price numeric(10,2),
      done boolean NOT NULL DEFAULT false, tags text[]);
  `);
});
afterAll(async () => {
  await pg.close();
});

describe('PGlite statement cache', () => {
  it('returns what PGlite returns, for every column type, in object and array row modes', async () => {
    const cached = withStatementCache(pg);
    const params = ['first', JSON.stringify({ nested: [1, 'two'] }), '2026-11-27T10:00:00.000Z', '12.50', true, ['a', 'b']];
    const inserted = await cached.query(
      'INSERT INTO item (name, data, at, price, done, tags) VALUES ($1, $2, $3, $4, $5, $6) RETURNING *',
      params,
    );
    expect(inserted.affectedRows).toBe(1);
    const select = 'SELECT * FROM item WHERE name = $1';
    for (const rowMode of ['object', 'array'] as const) {
      const mine = await cached.query(select, ['first'], { rowMode });
      const theirs = await pg.query(select, ['first'], { rowMode });
      expect(mine.rows).toEqual(theirs.rows);
      expect(mine.fields).toEqual(theirs.fields);
    }
    expect((await cached.query<{ data: unknown }>(select, ['first'])).rows[0].data).toEqual({ nested: [1, 'two'] });
    // null parameters and a statement that returns no rows
    expect((await cached.query('UPDATE item SET data = $1 WHERE name = $2', [null, 'first'])).affectedRows).toBe(1);
    expect((await cached.query<{ data: unknown }>(select, ['first'])).rows[0].data).toBeNull();
    expect((await cached.query(select, ['nobody'])).rows).toEqual([]);
  });

  it('prepares each SQL text once and closes the least recently used statement beyond its size', async () => {
    const prepared = async () => (await pg.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_prepared_statements')).rows[0].n;
    const before = await prepared();
    const cache = createStatementCache(pg, { maxStatements: 2 });
    await cache.query('SELECT 1 AS n');
    await cache.query('SELECT 1 AS n');
    expect(cache.size).toBe(1);
    await cache.query('SELECT 2 AS n');
    await cache.query('SELECT 3 AS n');
    expect(cache.size).toBe(2);
    // the evicted statement is prepared again on demand
    expect((await cache.query<{ n: number }>('SELECT 1 AS n')).rows).toEqual([{ n: 1 }]);
    expect(await prepared()).toBe(before + 2);
  });

  it('reports database errors with their codes and keeps working after them', async () => {
    const cached = withStatementCache(pg);
    await expect(cached.query('SELEC nothing')).rejects.toMatchObject({ code: '42601' });
    const insert = 'INSERT INTO item (name) VALUES ($1)';
    await cached.query(insert, ['unique-one']);
    await expect(cached.query(insert, ['unique-one'])).rejects.toMatchObject({ code: '23505' });
    await cached.query(insert, ['unique-two']);
    const names = await cached.query<{ name: string }>("SELECT name FROM item WHERE name LIKE 'unique-%' ORDER BY name");
    expect(names.rows.map((r) => r.name)).toEqual(['unique-one', 'unique-two']);
  });

  it('commits and rolls back transactions; other queries wait until a transaction ends', async () => {
    const cached = withStatementCache(pg);
    const count = async () => (await cached.query<{ n: number }>("SELECT count(*)::int AS n FROM item WHERE name LIKE 'tx-%'")).rows[0].n;
    await expect(
      cached.transaction(async (tx) => {
        await tx.query('INSERT INTO item (name) VALUES ($1)', ['tx-rolled-back']);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await count()).toBe(0);

    let seenOutside = -1;
    await cached.transaction(async (tx) => {
      await tx.query('INSERT INTO item (name) VALUES ($1)', ['tx-kept']);
      // started while the transaction holds the lock: it must see the committed state, never the half-done one
      const outside = count().then((n) => (seenOutside = n));
      expect((await tx.query<{ n: number }>("SELECT count(*)::int AS n FROM item WHERE name LIKE 'tx-%'")).rows[0].n).toBe(1);
      void outside;
    });
    await new Promise((r) => setTimeout(r, 10));
    expect(seenOutside).toBe(1);
    expect(await count()).toBe(1);
  });

  it('prepares a statement again when a schema change made it stale', async () => {
    const cached = withStatementCache(pg);
    await pg.exec('CREATE TABLE shape (id int)');
    await cached.query('INSERT INTO shape (id) VALUES ($1)', [1]);
    expect((await cached.query('SELECT * FROM shape')).fields.map((f) => f.name)).toEqual(['id']);
    await pg.exec('ALTER TABLE shape ADD COLUMN label text');
    const after = await cached.query('SELECT * FROM shape');
    expect(after.fields.map((f) => f.name)).toEqual(['id', 'label']);
    expect(after.rows).toEqual([{ id: 1, label: null }]);
  });
});

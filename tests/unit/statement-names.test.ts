// Which SQL texts the PostgreSQL adapter prepares as named statements.
import { describe, expect, it } from 'vitest';
import { statementNamer } from '~/db/statement-names.server';

describe('statementNamer', () => {
  it('gives one SQL text one name, and different texts different names', () => {
    const name = statementNamer();
    const a = name({ sql: 'SELECT "id" FROM "Trip" WHERE "id" = $1' });
    expect(a).toMatch(/^wm_/);
    expect(name({ sql: 'SELECT "id" FROM "Trip" WHERE "id" = $1' })).toBe(a);
    expect(name({ sql: 'SELECT "id" FROM "Place" WHERE "id" = $1' })).not.toBe(a);
  });

  it('leaves texts whose shape depends on the data unnamed (IN lists, multi-row VALUES)', () => {
    const name = statementNamer();
    expect(name({ sql: 'SELECT * FROM "Trip" AS "t0" WHERE "t0"."id" IN ($1,$2,$3)' })).toBe('');
    expect(name({ sql: 'INSERT INTO "Tag" ("name","userId") VALUES ($1,$2), ($3,$4)' })).toBe('');
    expect(name({ sql: 'SELECT * FROM "Trip" AS "t0" WHERE "t0"."id" IN ($1)' })).toMatch(/^wm_/);
    expect(name({ sql: 'INSERT INTO "Tag" ("name","userId") VALUES ($1,$2)' })).toMatch(/^wm_/);
  });

  it('names at most the given number of texts', () => {
    const name = statementNamer(2);
    expect(name({ sql: 'SELECT 1' })).not.toBe('');
    expect(name({ sql: 'SELECT 2' })).not.toBe('');
    expect(name({ sql: 'SELECT 3' })).toBe('');
    expect(name({ sql: 'SELECT 1' })).not.toBe('');
  });
});

// Start-up shortcuts (decision 028): initdb without fsync is flushed after the server is up (and at the next start if
// that was cut short); an up-to-date database is checked in one query, a changed migration is still refused; the seed
// statement adds what is missing, keeps what an admin changed, and does not advance the category id sequence.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '~/db/client.server';
import { startEmbeddedPostgres } from '~/db/embedded-postgres.server';
import { migrate, readMigrations } from '~/db/migrate.server';
import { seedDatabase, SEED_CATEGORIES } from '~/db/seed.server';
import { ADDONS } from '~/domain/addons';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'waymark-startup-'));
fs.chmodSync(dataDir, 0o755); // as root, PostgreSQL runs as another user, which must reach the data
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));
const marker = path.join(dataDir, 'postgres', 'waymark-initdb-unsynced');

describe('embedded start-up', { timeout: 120_000 }, () => {
  it('a first start is flushed to disk once the server is up; a flush cut short is done at the next start', async () => {
    const cluster = await startEmbeddedPostgres({ dataDir, role: 'server' });
    await cluster.stop();
    expect(fs.existsSync(path.join(dataDir, 'postgres', 'PG_VERSION'))).toBe(true);
    expect(fs.existsSync(marker)).toBe(false);

    fs.writeFileSync(marker, ''); // as if Waymark had been killed before the flush finished
    const again = await startEmbeddedPostgres({ dataDir, role: 'server' });
    try {
      expect(fs.existsSync(marker)).toBe(false);
    } finally {
      await again.stop();
    }
  });

  it('migrations: one check when up to date, a changed one still refused; the seed fills gaps and keeps changes', async () => {
    const database = await openDatabase({ databaseUrl: undefined, dataDir });
    try {
      const migrations = readMigrations();
      expect(await migrate(database.sql, migrations)).toEqual(migrations.map((m) => m.name));
      expect(await migrate(database.sql, migrations)).toEqual([]);
      const changed = migrations.map((m, i) => (i === migrations.length - 1 ? { ...m, checksum: '0'.repeat(64) } : m));
      await expect(migrate(database.sql, changed)).rejects.toThrow(/checksum mismatch/);

      await seedDatabase(database.sql);
      const firstIds = await database.db.category.findMany({ orderBy: { position: 'asc' }, select: { id: true, key: true } });
      expect(firstIds.map((c) => c.key)).toEqual(SEED_CATEGORIES.map((c) => c.key));
      expect(await database.db.addon.count()).toBe(ADDONS.length);

      // An admin switched an addon and deleted a category: the next start keeps the switch, brings the category back.
      const addon = ADDONS[0];
      await database.db.addon.update({ where: { id: addon.id }, data: { enabled: !addon.defaultEnabled } });
      await database.db.category.delete({ where: { key: 'bar' } });
      await seedDatabase(database.sql);
      await seedDatabase(database.sql);
      expect((await database.db.addon.findUnique({ where: { id: addon.id } }))?.enabled).toBe(!addon.defaultEnabled);
      const after = await database.db.category.findMany({ select: { id: true, key: true } });
      expect(after.map((c) => c.key).sort()).toEqual(SEED_CATEGORIES.map((c) => c.key).sort());
      // Only the one re-added row took a new id: starts do not burn through the sequence.
      const maxBefore = Math.max(...firstIds.map((c) => c.id));
      expect(after.find((c) => c.key === 'bar')?.id).toBe(maxBefore + 1);
    } finally {
      await database.close();
    }
  });
});

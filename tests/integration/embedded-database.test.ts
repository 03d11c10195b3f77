// The default install: PGlite data in DATA_DIR survives a restart, and a second process cannot open it at the same time.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer } from '../../server.ts';
import { createUser } from '~/auth/users.server';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'waymark-data-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const env = { PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'error' };

describe('embedded database', () => {
  it('keeps data across restarts and applies migrations only once', async () => {
    const first = await startServer(env);
    await createUser(first.services.db, { email: 'keep@example.test', password: 'long enough pw' });
    await expect(startServer(env)).rejects.toThrow(/in use by a running Waymark server/);
    await first.close();

    const second = await startServer(env);
    try {
      const user = await second.services.db.user.findUnique({ where: { email: 'keep@example.test' } });
      expect(user?.isAdmin).toBe(true);
      const migrations = await second.services.database.sql.query('SELECT count(*)::int AS n FROM "_prisma_migrations"');
      expect(migrations[0].n).toBe(fs.readdirSync('prisma/migrations').filter((n) => /^\d/.test(n)).length);
      const home = await fetch(`${second.url}/login`);
      expect(home.status).toBeLessThan(500);
    } finally {
      await second.close();
    }
  });
});

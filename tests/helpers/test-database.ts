// A fresh database per test file, copied from the run's migrated template (see global-setup.ts) on the run's one
// PostgreSQL server. Used by the vitest integration tests and by Playwright's servers.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase } from '../../app/db/client.server.ts';
import { startEmbeddedPostgres, type EmbeddedCluster } from '../../app/db/embedded-postgres.server.ts';
import { migrate } from '../../app/db/migrate.server.ts';
import { seedDatabase } from '../../app/db/seed.server.ts';

/** Environment variables through which global-setup.ts hands the server and template to the test workers. */
export const TEST_ADMIN_URL = 'WAYMARK_TEST_ADMIN_URL';
export const TEST_TEMPLATE = 'WAYMARK_TEST_TEMPLATE';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

async function run(adminUrl: string, text: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = process.env[TEST_ADMIN_URL];
  const template = process.env[TEST_TEMPLATE];
  if (!adminUrl || !template) throw new Error('No test PostgreSQL: run the tests through vitest (its globalSetup starts one).');
  const name = `waymark_test_${crypto.randomBytes(6).toString('hex')}`;
  await run(adminUrl, `CREATE DATABASE ${name} TEMPLATE ${template}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => run(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

/**
 * The run's one PostgreSQL: the embedded server in a temporary directory (no fsync: nothing here must survive a
 * crash), or the server named by TEST_DATABASE_URL. A template database is migrated and seeded once; each test file
 * copies it with CREATE DATABASE … TEMPLATE, which takes milliseconds instead of replaying every migration.
 */
export async function startTestCluster(): Promise<{ stop(): Promise<void> }> {
  let cluster: EmbeddedCluster | undefined;
  let dataDir: string | undefined;
  let adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'waymark-test-pg-'));
    cluster = await startEmbeddedPostgres({ dataDir, role: 'test', ephemeral: true });
    adminUrl = cluster.adminUrl;
  }
  const template = `waymark_template_${crypto.randomBytes(4).toString('hex')}`;
  await run(adminUrl, `CREATE DATABASE ${template}`);
  const templateUrl = new URL(adminUrl);
  templateUrl.pathname = `/${template}`;
  const database = await openDatabase({ databaseUrl: templateUrl.toString(), dataDir: '' });
  try {
    await migrate(database.sql);
    await seedDatabase(database.sql);
  } finally {
    await database.close();
  }
  // Test workers (vitest forks, Playwright workers) are started after this and inherit the environment.
  process.env[TEST_ADMIN_URL] = adminUrl;
  process.env[TEST_TEMPLATE] = template;
  const admin = adminUrl;
  return {
    async stop() {
      if (cluster) {
        await cluster.stop();
        fs.rmSync(dataDir!, { recursive: true, force: true });
      } else {
        await run(admin, `DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
      }
    },
  };
}

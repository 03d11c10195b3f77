// Starts the run's PostgreSQL (embedded, or TEST_DATABASE_URL) with its migrated template, and one Waymark server on a
// fresh copy of it (random port) for the whole end-to-end run. Spec files with servers of their own copy the template too.
import type { FullConfig } from '@playwright/test';
import { startServer } from '../../server.ts';
import { createTestDatabase, startTestCluster } from '../helpers/test-database.ts';

export default async function globalSetup(_config: FullConfig) {
  const cluster = await startTestCluster();
  const database = await createTestDatabase();
  const running = await startServer({
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: database.url,
    LOG_LEVEL: 'error',
    // every spec registers its own users from this one address
    REGISTER_RATE_LIMIT: '100000',
    APP_URL: '',
  });
  process.env.E2E_BASE_URL = running.url;
  return async () => {
    await running.close();
    await cluster.stop();
  };
}

// Starts the run's PostgreSQL (embedded, or TEST_DATABASE_URL) with its migrated template, and one Waymark server on a
// fresh copy of it (random port) for the whole end-to-end run. Spec files with servers of their own copy the template too.
// The outside services (weather, place details, photos, exchange rates) are the local fakes: the run needs no internet
// and a page never shows a console error because a service out there cannot be reached.
import type { FullConfig } from '@playwright/test';
import { startServer } from '../../server.ts';
import { createTestDatabase, startTestCluster } from '../helpers/test-database.ts';
import { fakeGeoEnv, startFakeGeoServices } from '../helpers/fake-geo-services.ts';
import { temporaryDataDir } from '../helpers/data-dir.ts';

export default async function globalSetup(_config: FullConfig) {
  const cluster = await startTestCluster();
  const database = await createTestDatabase();
  const fakes = await startFakeGeoServices();
  const dataDir = temporaryDataDir('e2e');
  const running = await startServer({
    ...process.env,
    ...fakeGeoEnv(fakes),
    DATA_DIR: dataDir.path,
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
    await fakes.close();
    await cluster.stop();
    dataDir.remove();
  };
}

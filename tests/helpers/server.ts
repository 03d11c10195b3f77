// Starts a real Waymark server on a random port for one test file, on a fresh database copied from the run's migrated
// template (on the run's embedded PostgreSQL, or on the server named by TEST_DATABASE_URL: CI runs the suite both ways),
// with a temporary DATA_DIR of its own unless the test names one (tests/helpers/data-dir.ts says why).
import { startServer, type RunningServer } from '../../server.ts';
import { createTestDatabase, type TestDatabase } from './test-database.ts';
import { installTestHttpClient } from './http-client.ts';
import { temporaryDataDir } from './data-dir.ts';

export { createTestDatabase };

export interface TestServer extends RunningServer {
  dropDatabase(): Promise<void>;
}

export async function startTestServer(env: Record<string, string> = {}, database?: TestDatabase): Promise<TestServer> {
  installTestHttpClient();
  const db = database ?? (await createTestDatabase());
  const dataDir = env.DATA_DIR ? null : temporaryDataDir();
  const running = await startServer({
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: db.url,
    LOG_LEVEL: 'error',
    ...(dataDir && { DATA_DIR: dataDir.path }),
    ...env,
  }).catch((error: unknown) => {
    dataDir?.remove();
    throw error;
  });
  return {
    ...running,
    async close() {
      await running.close();
      dataDir?.remove();
      if (!database) await db.drop();
    },
    dropDatabase: db.drop,
  };
}

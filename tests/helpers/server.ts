// Starts a real Waymark server on a random port for one test file, on a fresh database copied from the run's migrated
// template (on the run's embedded PostgreSQL, or on the server named by TEST_DATABASE_URL: CI runs the suite both ways).
import { startServer, type RunningServer } from '../../server.ts';
import { createTestDatabase, type TestDatabase } from './test-database.ts';
import { installTestHttpClient } from './http-client.ts';

export { createTestDatabase };

export interface TestServer extends RunningServer {
  dropDatabase(): Promise<void>;
}

export async function startTestServer(env: Record<string, string> = {}, database?: TestDatabase): Promise<TestServer> {
  installTestHttpClient();
  const db = database ?? (await createTestDatabase());
  const running = await startServer({
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: db.url,
    LOG_LEVEL: 'error',
    ...env,
  });
  return {
    ...running,
    async close() {
      await running.close();
      if (!database) await db.drop();
    },
    dropDatabase: db.drop,
  };
}

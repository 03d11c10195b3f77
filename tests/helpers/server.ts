// Starts a real Waymark server on a random port for one test file: in-memory PGlite by default, or a fresh database
// on the PostgreSQL named by TEST_DATABASE_URL (the CI runs the integration suite both ways).
import crypto from 'node:crypto';
import pg from 'pg';
import { startServer, type RunningServer } from '../../server.ts';

export interface TestServer extends RunningServer {
  dropDatabase(): Promise<void>;
}

export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const admin = process.env.TEST_DATABASE_URL;
  if (!admin) return { url: 'memory://', drop: async () => {} };
  const name = `waymark_test_${crypto.randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export async function startTestServer(env: Record<string, string> = {}, database?: { url: string; drop(): Promise<void> }): Promise<TestServer> {
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

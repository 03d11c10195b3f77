// Starts one Waymark server (in-memory database, random port) for the whole end-to-end run.
import type { FullConfig } from '@playwright/test';
import { startServer } from '../../server.ts';

export default async function globalSetup(_config: FullConfig) {
  const running = await startServer({
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: 'memory://',
    LOG_LEVEL: 'error',
    APP_URL: '',
  });
  process.env.E2E_BASE_URL = running.url;
  return async () => {
    await running.close();
  };
}

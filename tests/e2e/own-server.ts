// A Playwright worker fixture for spec files that need a server of their own (so their first registered account is
// the admin): `base.extend<object, { server: RunningServer }>({ server: ownServer })`.
import { startServer, type RunningServer } from '../../server.ts';

export type { RunningServer };

export const ownServer: [(args: object, use: (server: RunningServer) => Promise<void>) => Promise<void>, { scope: 'worker' }] = [
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures must destructure their first argument
  async ({}, use) => {
    const running = await startServer({ PORT: '0', HOST: '127.0.0.1', DATABASE_URL: 'memory://', LOG_LEVEL: 'error', APP_URL: '' });
    await use(running);
    await running.close();
  },
  { scope: 'worker' },
];

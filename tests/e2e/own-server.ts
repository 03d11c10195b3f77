// For spec files that need a server of their own (so they can create users and sessions directly, or so their first
// registered account is the admin): the server, people with sessions, and browser contexts signed in as them.
import type { Browser, BrowserContextOptions, Page } from '@playwright/test';
import { startServer, type RunningServer } from '../../server.ts';
import { createTestDatabase } from '../helpers/test-database.ts';
import { temporaryDataDir } from '../helpers/data-dir.ts';
import { fakeGeoEnv, startFakeGeoServices, type FakeGeoServices } from '../helpers/fake-geo-services.ts';
import { createUser } from '../../app/auth/users.server.ts';
import { createSession, SESSION_COOKIE } from '../../app/auth/session.server.ts';

export type { RunningServer };

/**
 * A fresh server on a fresh database (a copy of the run's migrated template) and a temporary DATA_DIR, on a random port,
 * with the outside services (weather, place details, photos, rates) answered by the local fakes, so no page depends on
 * the internet.
 */
export async function startOwnServer(): Promise<RunningServer & { fakes: FakeGeoServices }> {
  const database = await createTestDatabase();
  const fakes = await startFakeGeoServices();
  const dataDir = temporaryDataDir('e2e');
  const running = await startServer({ PORT: '0', HOST: '127.0.0.1', DATABASE_URL: database.url, LOG_LEVEL: 'error', APP_URL: '', DATA_DIR: dataDir.path, ...fakeGeoEnv(fakes) });
  return {
    ...running,
    /** the local fakes, so a spec can count requests, take a service down or expire photos */
    fakes,
    async close() {
      await running.close();
      await fakes.close();
      await database.drop();
      dataDir.remove();
    },
  };
}

/** The worker fixture form: `base.extend<object, { server: RunningServer }>({ server: ownServer })`. */
export const ownServer: [(args: object, use: (server: RunningServer) => Promise<void>) => Promise<void>, { scope: 'worker' }] = [
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures must destructure their first argument
  async ({}, use) => {
    const running = await startOwnServer();
    await use(running);
    await running.close();
  },
  { scope: 'worker' },
];

/** A new user ("Sam Rivers" → sam-<tag>@example.test) with a web session token. */
export async function makePerson(server: RunningServer, displayName: string) {
  const tag = Math.random().toString(36).slice(2, 8);
  const email = `${displayName.split(' ')[0].toLowerCase()}-${tag}@example.test`;
  const user = await createUser(server.services.db, { email, password: 'correct horse battery', displayName });
  const { token } = await createSession(server.services.db, user.id);
  return { user, email, token };
}

/**
 * Resolves once React has hydrated the page: before that a click or a key press on server-rendered HTML does nothing.
 * Use it before an action that must happen exactly once (a retried press would act twice once the page is live).
 */
export const hydrated = (page: Page) => page.waitForFunction(() => Object.keys(document.body).some((key) => key.startsWith('__reactFiber')));

/** A browser context carrying the session cookie for `token`. */
export async function signedInContext(browser: Browser, server: RunningServer, token: string, options: BrowserContextOptions = {}) {
  const context = await browser.newContext(options);
  await context.addCookies([{ name: SESSION_COOKIE, value: token, url: server.url, httpOnly: true, sameSite: 'Lax' }]);
  return context;
}

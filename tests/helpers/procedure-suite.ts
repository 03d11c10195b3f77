// One Waymark server per test file, with signed-in users and a log of the realtime events its procedures publish.
// Registers its own beforeAll/afterAll/beforeEach hooks; read the fields inside tests or later hooks.
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { PendingEvent } from '~/services/types.server';
import { startTestServer, type TestServer } from './server';
import { makeUser } from './users';

export type TestUser = Awaited<ReturnType<typeof makeUser>>;

export interface ProcedureSuite {
  server: TestServer;
  users: TestUser[];
  /** Every event published since the last clearEvents() (cleared before each test). */
  events: PendingEvent[];
  tripEvents(): PendingEvent[];
  clearEvents(): void;
}

export function procedureSuite(
  people: number | Array<{ displayName?: string; admin?: boolean }>,
  env: () => Record<string, string> = () => ({}),
): ProcedureSuite {
  const profiles = typeof people === 'number' ? Array.from({ length: people }, () => ({})) : people;
  const suite: ProcedureSuite = {
    server: undefined as unknown as TestServer,
    users: [],
    events: [],
    tripEvents: () => suite.events.filter((e) => e.channel.startsWith('private-trip-')),
    clearEvents: () => {
      suite.events.length = 0;
    },
  };
  beforeAll(async () => {
    suite.server = await startTestServer(env());
    const realtime = suite.server.services.realtime;
    const publish = realtime.publish.bind(realtime);
    realtime.publish = async (batch, options) => {
      suite.events.push(...batch);
      return publish(batch, options);
    };
    for (const profile of profiles) suite.users.push(await makeUser(suite.server, profile));
  });
  afterAll(() => suite.server?.close());
  beforeEach(() => suite.clearEvents());
  return suite;
}

// Two people on one trip, each in their own browser: changes by one (and by an AI client through /mcp) appear in the
// other's open planner without reload, and the header shows who else has the trip open.
// This spec starts its own server (in-memory database) so it can create users, sessions and tokens directly.
import { test, expect, type BrowserContext, type Page } from '@playwright/test';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { startOwnServer, makePerson, signedInContext, type RunningServer } from './own-server';
import { hashSecret, randomSecret, TOKEN_PREFIX } from '../../app/auth/tokens.server.ts';
import { mutateFromPage } from './fixtures';

let server: RunningServer;

// The harness page below is fulfilled by Playwright rather than fetched from 127.0.0.1, so Chromium would count it as a
// public page and block its WebSocket to the loopback address (Local Network Access). A real page is served locally.
test.use({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--no-first-run',
      '--disable-features=LocalNetworkAccessChecks,BlockInsecurePrivateNetworkRequests',
    ],
  },
});

test.beforeAll(async () => {
  server = await startOwnServer();
});
test.afterAll(async () => {
  await server?.close();
});

test('two people see each other’s changes live, MCP changes too, and presence shows both', async ({ browser }) => {
  const sam = await makePerson(server, 'Sam Rivers');
  const mia = await makePerson(server, 'Mia Lopez');
  const trip = await server.services.db.trip.create({
    data: {
      ownerId: sam.user.id,
      title: 'Lisbon weekend',
      startDate: new Date('2026-09-04T00:00:00Z'),
      endDate: new Date('2026-09-05T00:00:00Z'),
      days: {
        create: [
          { position: 0, date: new Date('2026-09-04T00:00:00Z') },
          { position: 1, date: new Date('2026-09-05T00:00:00Z') },
        ],
      },
      members: { create: [{ userId: mia.user.id }] },
    },
    include: { days: { orderBy: { position: 'asc' } } },
  });

  const contexts: BrowserContext[] = [await signedInContext(browser, server, sam.token), await signedInContext(browser, server, mia.token)];
  try {
    const [pageA, pageB] = await Promise.all(contexts.map((c) => c.newPage()));
    await pageA.goto(`${server.url}/trips/${trip.id}`);
    await pageB.goto(`${server.url}/trips/${trip.id}`);
    await expect(pageA.getByText('Lisbon weekend').first()).toBeVisible();
    await expect(pageB.getByText('Lisbon weekend').first()).toBeVisible();

    // Presence: each sees the other's initials in the planner header.
    await expect(pageA.getByTestId('presence-avatar').filter({ hasText: 'ML' })).toBeVisible({ timeout: 5000 });
    await expect(pageB.getByTestId('presence-avatar').filter({ hasText: 'SR' })).toBeVisible({ timeout: 5000 });

    // Sam renames the trip: Mia sees it within 2 s, without reload.
    const navigations: string[] = [];
    pageB.on('framenavigated', (frame) => {
      if (frame === pageB.mainFrame()) navigations.push(frame.url());
    });
    await mutateFromPage(pageA, 'trips.updateTrip', { tripId: trip.id, title: 'Lisbon long weekend' });
    await expect(pageB.getByText('Lisbon long weekend').first()).toBeVisible({ timeout: 2000 });
    await expect(pageB.getByTestId('realtime-notices')).toContainText('Sam Rivers', { timeout: 2000 });

    // Sam names day 2: Mia sees it within 2 s.
    await mutateFromPage(pageA, 'days.updateDay', { tripId: trip.id, dayId: trip.days[1].id, title: 'Sintra day trip' });
    await expect(pageB.getByText('Sintra day trip').first()).toBeVisible({ timeout: 2000 });

    // Sam adds a place: Mia sees it within 2 s.
    await mutateFromPage(pageA, 'places.createPlace', { tripId: trip.id, name: 'Belém Tower' });
    await expect(pageB.getByText('Belém Tower').first()).toBeVisible({ timeout: 2000 });

    // An AI client creates a place through /mcp: both browsers show it.
    await server.services.addons.set('mcp', true);
    const token = randomSecret(TOKEN_PREFIX.staticToken);
    await server.services.db.apiToken.create({
      data: { userId: mia.user.id, name: 'e2e', tokenHash: hashSecret(token), prefix: token.slice(0, 8) },
    });
    const mcp = new Client({ name: 'e2e', version: '1.0.0' });
    await mcp.connect(
      new StreamableHTTPClientTransport(new URL(`${server.url}/mcp`), { requestInit: { headers: { Authorization: `Bearer ${token}` } } }),
    );
    try {
      const result = await mcp.callTool({ name: 'create_place', arguments: { tripId: trip.id, name: 'Time Out Market' } });
      expect(result.isError).toBeFalsy();
    } finally {
      await mcp.close();
    }
    await expect(pageA.getByText('Time Out Market').first()).toBeVisible({ timeout: 2000 });
    await expect(pageB.getByText('Time Out Market').first()).toBeVisible({ timeout: 2000 });

    expect(navigations).toEqual([]);
  } finally {
    for (const c of contexts) await c.close();
  }
});

// The browser client on its own, independent of the planner page: app/realtime/client.tsx bundled into a minimal page
// that renders the planner's two queries, served on the Waymark origin (so cookies, /api/trpc, /api/realtime/auth and the
// WebSocket are the real ones).
const HARNESS = `
import { createRoot } from 'react-dom/client';
import { createMemoryRouter, RouterProvider } from 'react-router-dom';
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { createInstance } from 'i18next';
import { TrpcProvider, useTRPC } from '~/utils/trpc';
import { useTripRealtime, useUserRealtime, PresenceAvatars, RealtimeNotices } from '~/realtime/client';
import realtime from '../../public/locales/en/realtime.json';

const root = (window as any).__ROOT__;
const tripId = root.tripId;
function Planner() {
  const { connected } = useTripRealtime(tripId);
  const trpc = useTRPC();
  const summary = useQuery(trpc.trips.getTripSummary.queryOptions({ tripId }));
  const places = useQuery(trpc.places.listPlaces.queryOptions({ tripId }));
  useUserRealtime();
  const trips = useQuery(trpc.trips.listTrips.queryOptions());
  return (
    <main>
      <h1>{summary.data?.trip.title}</h1>
      <p data-testid="connected">{connected ? 'live' : 'offline'}</p>
      <PresenceAvatars tripId={tripId} />
      <ol>{summary.data?.days.map((d) => <li key={d.id} data-testid="day">{d.title || 'untitled'}</li>)}</ol>
      <ul>{places.data?.places.map((p) => <li key={p.id} data-testid="place">{p.name}</li>)}</ul>
      <p data-testid="trip-count">{trips.data?.trips.length}</p>
      <RealtimeNotices />
    </main>
  );
}
const i18n = createInstance();
i18n.use(initReactI18next).init({ lng: 'en', resources: { en: { realtime } }, ns: ['realtime'], interpolation: { escapeValue: false }, initImmediate: false });
const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: 60_000, retry: 0 } } });
const router = createMemoryRouter([{ id: 'root', path: '/', element: <Planner />, loader: () => root }], {
  hydrationData: { loaderData: { root } },
});
createRoot(document.getElementById('app')!).render(
  <I18nextProvider i18n={i18n}>
    <QueryClientProvider client={queryClient}>
      <TrpcProvider queryClient={queryClient}>
        <RouterProvider router={router} />
      </TrpcProvider>
    </QueryClientProvider>
  </I18nextProvider>,
);
`;

async function bundleHarness() {
  const esbuild = await import('esbuild');
  const path = await import('node:path');
  const result = await esbuild.build({
    stdin: { contents: HARNESS, loader: 'tsx', resolveDir: path.resolve(import.meta.dirname, '../../app/realtime') },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"development"' },
    logLevel: 'silent',
    // As Remix's browser build does: server-only modules (*.server.ts, e.g. an area's procedures) are empty there.
    plugins: [
      {
        name: 'empty-server-modules',
        setup(build) {
          build.onResolve({ filter: /\.server(\.[jt]sx?)?$/ }, (args) => ({ path: args.path, namespace: 'empty-server-module' }));
          build.onLoad({ filter: /.*/, namespace: 'empty-server-module' }, () => ({ contents: 'module.exports = {};', loader: 'js' }));
        },
      },
    ],
  });
  return result.outputFiles[0].text;
}

async function openHarness(page: Page, tripId: number, user: { id: number; displayName: string }, withRootConfig: boolean) {
  const bundle = await bundleHarness();
  const realtime = (server.services.realtime as unknown as { clientConfig: unknown }).clientConfig;
  const rootData = { tripId, user: { id: user.id, displayName: user.displayName }, ...(withRootConfig ? { realtime } : {}) };
  await page.route(`${server.url}/__realtime-harness`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html><body><div id="app"></div><script>window.__ROOT__=${JSON.stringify(rootData)}</script><script type="module" src="/__realtime-harness.js"></script></body></html>`,
    }),
  );
  await page.route(`${server.url}/__realtime-harness.js`, (route) => route.fulfill({ contentType: 'text/javascript', body: bundle }));
  page.on('console', (m) => {
    if (m.type() === 'error') console.log('[page]', m.text());
  });
  page.on('pageerror', (e) => console.log('[pageerror]', e.message));
  await page.goto(`${server.url}/__realtime-harness`);
  await expect(page.getByTestId('connected')).toHaveText('live');
}

test('browser client: patches the cache in place, excludes its own socket, shows notices and presence, unsubscribes', async ({ browser }) => {
  const sam = await makePerson(server, 'Sam Rivers');
  const mia = await makePerson(server, 'Mia Lopez');
  const trip = await server.services.db.trip.create({
    data: {
      ownerId: sam.user.id,
      title: 'Porto',
      days: { create: [{ position: 0 }, { position: 1 }] },
      members: { create: [{ userId: mia.user.id }] },
    },
    include: { days: { orderBy: { position: 'asc' } } },
  });
  const contexts = [await signedInContext(browser, server, sam.token), await signedInContext(browser, server, mia.token)];
  try {
    const [pageA, pageB] = await Promise.all(contexts.map((c) => c.newPage()));
    await openHarness(pageA, trip.id, sam.user, true);
    // Mia's page has no config from the root loader: the client asks /api/realtime/auth for it.
    await openHarness(pageB, trip.id, mia.user, false);
    await expect(pageA.locator('h1')).toHaveText('Porto');

    await expect(pageA.getByTestId('presence-avatar')).toHaveText(['ML']);
    await expect(pageB.getByTestId('presence-avatar')).toHaveText(['SR']);
    const summaryFetches: string[] = [];
    pageB.on('request', (r) => {
      if (r.url().includes('trips.getTripSummary')) summaryFetches.push(r.url());
    });

    await mutateFromPage(pageA, 'trips.updateTrip', { tripId: trip.id, title: 'Porto and Douro' });
    await expect(pageB.locator('h1')).toHaveText('Porto and Douro', { timeout: 2000 });
    await expect(pageB.getByTestId('realtime-notices')).toContainText('Sam Rivers updated the trip');
    // Patched in place, not refetched.
    expect(summaryFetches).toEqual([]);
    // Sam's own browser got no echo (its socket id went along with the call), so no notice there.
    await pageA.waitForTimeout(300);
    await expect(pageA.getByTestId('realtime-notices')).toHaveText('');

    await mutateFromPage(pageA, 'days.updateDay', { tripId: trip.id, dayId: trip.days[1].id, title: 'Douro valley' });
    await expect(pageB.getByTestId('day')).toHaveText(['untitled', 'Douro valley'], { timeout: 2000 });
    await expect(pageB.getByTestId('realtime-notices')).toContainText('Sam Rivers changed day 2');

    await mutateFromPage(pageA, 'places.createPlace', { tripId: trip.id, name: 'Livraria Lello' });
    await expect(pageB.getByTestId('place')).toHaveText(['Livraria Lello'], { timeout: 2000 });
    await expect(pageB.getByTestId('realtime-notices')).toContainText('Sam Rivers added Livraria Lello');

    // Per-user channel: a trip shared with Mia shows up in her trips list.
    await expect(pageB.getByTestId('trip-count')).toHaveText('1');
    const other = await server.services.db.trip.create({ data: { ownerId: sam.user.id, title: 'Braga' } });
    await mutateFromPage(pageA, 'members.addTripMember', { tripId: other.id, identifier: mia.user.email });
    await expect(pageB.getByTestId('trip-count')).toHaveText('2', { timeout: 2000 });

    // The server drops every connection (4200): the client reconnects on its own and refetches what it shows.
    const fetchesBefore = summaryFetches.length;
    (server.services.realtime as unknown as { embedded: { disconnectAll(): void } }).embedded.disconnectAll();
    await expect.poll(() => summaryFetches.length, { timeout: 5000 }).toBeGreaterThan(fetchesBefore);
    await expect(pageB.getByTestId('realtime-notices')).toContainText('Back online');
    await mutateFromPage(pageA, 'trips.updateTrip', { tripId: trip.id, title: 'Porto after reconnect' });
    await expect(pageB.locator('h1')).toHaveText('Porto after reconnect', { timeout: 2000 });

    // Mia leaves: Sam's avatars update; her channels are gone from the server.
    await pageB.goto('about:blank');
    await expect(pageA.getByTestId('presence-avatar')).toHaveCount(0, { timeout: 5000 });
  } finally {
    for (const c of contexts) await c.close();
  }
});

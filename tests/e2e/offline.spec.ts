// Installable and offline, Lighthouse-style, in real Chromium with the app's service worker allowed (the config
// blocks it for the other specs): the manifest is linked and valid with 192 and 512 px icons, the worker controls the
// page, an opened trip's planner, places, bookings, packing list and map tiles stay readable with the network cut
// (`context.setOffline` reaches the worker's own fetches in this Playwright), a page never opened shows the translated
// "not available offline" page, the banner comes and goes, and another user signing in on the same browser cannot
// read the first user’s saved trip. No console errors while online. Two travellers: a tick or a to-do edit made
// offline is shown pending, survives a reload and reaches the other on reconnect; made on an item the other changed
// meanwhile, it is a conflict naming them, resolved by "Apply mine anyway" or "Discard". To-dos created and deleted
// offline likewise; a deletion of a to-do the other changed meanwhile is a conflict ("Delete anyway" / "Keep it"); and
// packing item renames and quantities edited offline.
import { test, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { hydrated, makePerson, signedInContext, startOwnServer, type RunningServer } from './own-server';
import { setMapTiles } from '../../app/geo/map-settings.server.ts';
import { SESSION_COOKIE } from '../../app/auth/session.server.ts';

test.use({ serviceWorkers: 'allow' });

let server: Awaited<ReturnType<typeof startOwnServer>>;
test.beforeAll(async () => {
  server = await startOwnServer();
  await setMapTiles(server.services.db, { url: `${server.fakes.url}/tiles/{z}/{x}/{y}.png`, attribution: 'Test tiles' });
});
test.afterAll(async () => {
  await server?.close();
});

async function tripOf(srv: RunningServer, ownerId: number, title: string, memberIds: number[] = []) {
  const db = srv.services.db;
  const trip = await db.trip.create({ data: { ownerId, title, members: { create: memberIds.map((userId) => ({ userId })) } } });
  await db.place.create({ data: { tripId: trip.id, name: `${title} harbour`, lat: 59.91, lng: 10.75 } });
  await db.reservation.create({ data: { tripId: trip.id, type: 'restaurant', title: `${title} dinner` } });
  await db.packingItem.createMany({
    data: [
      { tripId: trip.id, name: `${title} socks`, category: 'Clothes', position: 0 },
      { tripId: trip.id, name: `${title} charger`, category: 'Tech', position: 1 },
    ],
  });
  return trip;
}

/** Console errors and uncaught exceptions of a page, while `watching` is on (the offline part expects failed fetches). */
function consoleErrors(page: Page) {
  const state = { watching: true, errors: [] as string[] };
  page.on('console', (message) => {
    if (state.watching && message.type() === 'error') state.errors.push(message.text());
  });
  page.on('pageerror', (error) => state.errors.push(`pageerror: ${error.message}`));
  return state;
}

async function controlledBy(page: Page) {
  await page.waitForFunction(() => !!navigator.serviceWorker?.controller, undefined, { timeout: 30_000 });
}

/** Opens the pages a traveller reads on the way, online, so the worker saves them. */
async function readTripOnline(page: Page, tripId: number, title: string) {
  await page.goto(`${server.url}/trips/${tripId}`);
  await expect(page.getByTestId('place').filter({ hasText: `${title} harbour` })).toBeVisible();
  await expect(page.locator('.leaflet-tile-loaded').first()).toBeAttached();
  await page.goto(`${server.url}/trips/${tripId}?tab=bookings`);
  await expect(page.getByTestId('bookings-tab')).toContainText(`${title} dinner`);
  await page.goto(`${server.url}/trips/${tripId}?tab=packing`);
  await expect(page.getByRole('checkbox', { name: `${title} socks` })).toBeVisible();
}

async function goOffline(context: BrowserContext, offline: boolean) {
  await context.setOffline(offline);
}

test('installable: manifest linked and valid, icons, theme colour, worker in control', async ({ browser }) => {
  const anna = await makePerson(server, 'Anna Install');
  const context = await signedInContext(browser, server, anna.token);
  const page = await context.newPage();
  const watch = consoleErrors(page);
  await page.goto(`${server.url}/`);
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBe('/manifest.webmanifest');
  await expect(page.locator('meta[name="theme-color"]')).toHaveAttribute('content', /^#[0-9a-f]{6}$/i);
  await expect(page.locator('link[rel="apple-touch-icon"]')).toHaveAttribute('href', '/icons/apple-touch-icon.png');

  const response = await page.request.get(`${server.url}${href}`, { headers: { 'Accept-Language': 'de-DE' } });
  expect(response.headers()['content-type']).toContain('application/manifest+json');
  const manifest = await response.json();
  expect(manifest).toMatchObject({ name: 'Waymark', short_name: 'Waymark', start_url: '/', scope: '/', display: 'standalone', lang: 'de' });
  expect(manifest.description).toMatch(/offline/i);
  const sizes = (purpose: string) => manifest.icons.filter((i: { purpose: string }) => i.purpose === purpose).map((i: { sizes: string }) => i.sizes);
  expect(sizes('any')).toEqual(expect.arrayContaining(['192x192', '512x512']));
  expect(sizes('maskable')).toEqual(expect.arrayContaining(['192x192', '512x512']));
  for (const icon of manifest.icons as { src: string; type: string }[]) {
    const file = await page.request.get(`${server.url}${icon.src}`);
    expect(file.status(), icon.src).toBe(200);
    expect(file.headers()['content-type'], icon.src).toContain(icon.type);
  }

  await controlledBy(page);
  const sw = await page.request.get(`${server.url}/sw.js`);
  expect(sw.headers()['cache-control']).toBe('no-cache');
  expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.scope)).toBe(`${server.url}/`);
  expect(watch.errors).toEqual([]);
  await context.close();
});

test('an opened trip stays readable offline; a page never opened says so; the banner comes and goes', async ({ browser }) => {
  const anna = await makePerson(server, 'Anna Offline');
  const trip = await tripOf(server, anna.user.id, 'Bergen');
  const neverOpened = await tripOf(server, anna.user.id, 'Tromso');
  const context = await signedInContext(browser, server, anna.token);
  const page = await context.newPage();
  const watch = consoleErrors(page);
  await page.goto(`${server.url}/`);
  await controlledBy(page);
  await readTripOnline(page, trip.id, 'Bergen');
  await expect(page.getByTestId('offline-banner')).toBeHidden();
  expect(watch.errors).toEqual([]);

  watch.watching = false; // offline, Chromium logs every refused fetch (realtime, a failed query) as an error
  await goOffline(context, true);
  await expect(page.getByTestId('offline-banner')).toBeVisible();
  await expect(page.getByRole('status').getByTestId('offline-banner')).toContainText('You are offline');

  // Reload each part with the network cut: the worker answers from what it saved.
  await page.goto(`${server.url}/trips/${trip.id}`);
  await expect(page.getByTestId('place').filter({ hasText: 'Bergen harbour' })).toBeVisible();
  await expect(page.locator('.leaflet-tile-loaded').first()).toBeAttached();
  await expect(page.getByTestId('offline-banner')).toBeVisible();
  await page.goto(`${server.url}/trips/${trip.id}?tab=bookings`);
  await expect(page.getByTestId('bookings-tab')).toContainText('Bergen dinner');
  await page.goto(`${server.url}/trips/${trip.id}?tab=packing`);
  await expect(page.getByRole('checkbox', { name: 'Bergen socks' })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Bergen charger' })).toBeVisible();

  // A trip never opened on this device: the friendly page, not the browser's error page.
  await page.goto(`${server.url}/trips/${neverOpened.id}`);
  await expect(page.getByTestId('offline-unavailable')).toContainText('Not available offline');
  await expect(page.getByRole('link', { name: 'Back to my trips' })).toBeVisible();
  await expect(page.getByText('Tromso harbour')).toHaveCount(0);

  // Back online: the banner goes.
  await page.goto(`${server.url}/trips/${trip.id}?tab=packing`);
  await expect(page.getByTestId('offline-banner')).toBeVisible();
  await goOffline(context, false);
  await expect(page.getByTestId('offline-banner')).toBeHidden();
  await context.close();
});

test('every tab of a trip opened once online can be switched to offline, by mouse and by keyboard', async ({ browser }) => {
  const anna = await makePerson(server, 'Anna Tabs');
  const db = server.services.db;
  const trip = await tripOf(server, anna.user.id, 'Alesund');
  await db.todo.create({ data: { tripId: trip.id, name: 'Alesund ferry tickets' } });
  await db.budgetItem.create({ data: { tripId: trip.id, name: 'Alesund museum', amount: 1500n, currency: 'EUR' } });
  await db.collabMessage.create({ data: { tripId: trip.id, authorId: anna.user.id, text: 'Alesund hello' } });
  const context = await signedInContext(browser, server, anna.token);
  const page = await context.newPage();
  const watch = consoleErrors(page);
  await page.goto(`${server.url}/`);
  await controlledBy(page);
  // The trip is opened once, by a full page load of its plan; none of its other tabs is opened online.
  await page.goto(`${server.url}/trips/${trip.id}`);
  await expect(page.getByTestId('place').filter({ hasText: 'Alesund harbour' })).toBeVisible();
  await expect.poll(() => savedTexts(page)).toContain('Alesund hello'); // the worker saved the tabs' reads
  await expect.poll(() => savedTexts(page)).toContain('Alesund ferry tickets');
  expect(watch.errors).toEqual([]);

  // Offline the browser logs each refused request (realtime sign-in, live updates) as an error; nothing else may be.
  watch.errors.length = 0;
  await goOffline(context, true);
  await expect(page.getByTestId('offline-banner')).toBeVisible();
  await hydrated(page);
  const tabs = page.getByRole('navigation', { name: 'Trip sections' });
  const checks: [string, boolean, () => Promise<void>][] = [
    ['Bookings', false, () => expect(page.getByTestId('bookings-tab')).toContainText('Alesund dinner')],
    ['Packing', true, () => expect(page.getByRole('checkbox', { name: 'Alesund socks' })).toBeVisible()],
    ['To-dos', false, () => expect(page.getByRole('checkbox', { name: 'Alesund ferry tickets' })).toBeVisible()],
    ['Budget', true, () => expect(page.getByTestId('budget-item').filter({ hasText: 'Alesund museum' })).toBeVisible()],
    ['Collab', false, () => expect(page.getByTestId('collab-tab')).toContainText('Alesund hello')],
    ['Plan', true, () => expect(page.getByTestId('place').filter({ hasText: 'Alesund harbour' })).toBeVisible()],
  ];
  for (const [name, byKeyboard, shows] of checks) {
    const tab = tabs.getByRole('button', { name, exact: true });
    if (byKeyboard) {
      await tab.focus();
      await page.keyboard.press('Enter');
    } else {
      await tab.click();
    }
    await expect(tab).toHaveAttribute('aria-current', 'page');
    await shows();
    await expect(page.getByText('The trip could not be loaded.')).toHaveCount(0);
    await expect(page).toHaveURL(name === 'Plan' ? /\/trips\/\d+$/ : /\?tab=/);
  }
  await expect(page.getByTestId('offline-banner')).toBeVisible();
  expect(watch.errors.filter((text) => !/^Failed to load resource: net::ERR_INTERNET_DISCONNECTED$/.test(text))).toEqual([]);
  await context.close();
});

test('in Arabic the offline banner and page are translated and right to left', async ({ browser }) => {
  const sara = await makePerson(server, 'Sara Rtl');
  await server.services.db.user.update({ where: { id: sara.user.id }, data: { language: 'ar' } });
  const context = await signedInContext(browser, server, sara.token, { locale: 'ar' });
  const page = await context.newPage();
  await page.goto(`${server.url}/`);
  await controlledBy(page);
  await page.reload(); // the worker now knows the language
  await goOffline(context, true);
  await expect(page.getByTestId('offline-banner')).toContainText('أنت غير متصل');
  await page.goto(`${server.url}/trips/999999`);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByTestId('offline-unavailable')).toContainText('غير متاح دون اتصال');
  await context.close();
});

test('another user signing in on the same browser cannot read the first user’s saved trip offline', async ({ browser }) => {
  const anna = await makePerson(server, 'Anna First');
  const ben = await makePerson(server, 'Ben Second');
  const trip = await tripOf(server, anna.user.id, 'Lofoten');
  const context = await signedInContext(browser, server, anna.token);
  const page = await context.newPage();
  await page.goto(`${server.url}/`);
  await controlledBy(page);
  await readTripOnline(page, trip.id, 'Lofoten');

  // Anna's session ends without a sign-out (say, it expired) and Ben signs in on this browser.
  await context.clearCookies();
  await context.addCookies([{ name: SESSION_COOKIE, value: ben.token, url: server.url, httpOnly: true, sameSite: 'Lax' }]);
  await page.goto(`${server.url}/`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect.poll(() => savedTexts(page)).not.toContain('Lofoten');

  await goOffline(context, true);
  for (const url of [`/trips/${trip.id}`, `/trips/${trip.id}?tab=packing`]) {
    await page.goto(`${server.url}${url}`);
    await expect(page.getByTestId('offline-unavailable')).toBeVisible();
    await expect(page.getByText('Lofoten')).toHaveCount(0);
  }
  const leaked = await page.evaluate(async (id) => {
    const res = await fetch(`/api/trpc/packing.listPackingItems?input=${encodeURIComponent(JSON.stringify({ tripId: id }))}`).catch(() => null);
    return res ? await res.text() : '';
  }, trip.id);
  expect(leaked).not.toContain('Lofoten');
  await context.close();
});

test('signing out deletes the saved trips', async ({ browser }) => {
  const anna = await makePerson(server, 'Anna Leaves');
  const trip = await tripOf(server, anna.user.id, 'Stavanger');
  const context = await signedInContext(browser, server, anna.token);
  const page = await context.newPage();
  await page.goto(`${server.url}/`);
  await controlledBy(page);
  await readTripOnline(page, trip.id, 'Stavanger');
  expect(await savedTexts(page)).toContain('Stavanger');
  await page.evaluate(() => fetch('/logout', { method: 'POST' }));
  await expect.poll(() => savedTexts(page)).not.toContain('Stavanger');
  await context.close();
});

test('ticks made offline are queued, survive a reload, reach the other traveller on reconnect; a deleted item is a shown conflict', async ({ browser }) => {
  const anna = await makePerson(server, 'Anna Queue');
  const ben = await makePerson(server, 'Ben Queue');
  const db = server.services.db;
  const trip = await tripOf(server, anna.user.id, 'Narvik', [ben.user.id]);
  const todo = await db.todo.create({ data: { tripId: trip.id, name: 'Narvik ferry tickets' } });
  const annaContext = await signedInContext(browser, server, anna.token);
  const benContext = await signedInContext(browser, server, ben.token);
  const annaPage = await annaContext.newPage();
  const benPage = await benContext.newPage();
  const watch = consoleErrors(annaPage);
  await annaPage.goto(`${server.url}/`);
  await controlledBy(annaPage);
  await annaPage.goto(`${server.url}/trips/${trip.id}?tab=todos`);
  await expect(annaPage.getByRole('checkbox', { name: 'Narvik ferry tickets' })).toBeVisible();
  await annaPage.goto(`${server.url}/trips/${trip.id}?tab=packing`);
  await expect(annaPage.getByRole('checkbox', { name: 'Narvik socks' })).not.toBeChecked();
  await benPage.goto(`${server.url}/trips/${trip.id}?tab=packing`);
  await expect(benPage.getByRole('checkbox', { name: 'Narvik socks' })).not.toBeChecked();
  expect(watch.errors).toEqual([]);

  watch.watching = false;
  await annaContext.setOffline(true);
  await annaPage.getByRole('checkbox', { name: 'Narvik socks' }).click();
  await expect(annaPage.getByRole('checkbox', { name: 'Narvik socks' })).toBeChecked();
  await annaPage.getByRole('checkbox', { name: 'Narvik charger' }).focus();
  await annaPage.keyboard.press('Space');
  await expect(annaPage.getByRole('checkbox', { name: 'Narvik charger' })).toBeChecked();
  await expect(annaPage.getByTestId('offline-banner')).toContainText('2 changes will be sent when you are back online.');

  // The queue survives a reload (the worker serves the saved list, the queue lays the ticks over it).
  await annaPage.reload();
  await expect(annaPage.getByRole('checkbox', { name: 'Narvik socks' })).toBeChecked();
  await expect(annaPage.getByRole('checkbox', { name: 'Narvik charger' })).toBeChecked();
  await annaPage.goto(`${server.url}/trips/${trip.id}?tab=todos`);
  await annaPage.getByRole('checkbox', { name: 'Narvik ferry tickets' }).click();
  await expect(annaPage.getByTestId('offline-banner')).toContainText('3 changes');
  expect(await db.packingItem.count({ where: { tripId: trip.id, checked: true } })).toBe(0);

  // Meanwhile Ben deletes the charger.
  await db.packingItem.deleteMany({ where: { tripId: trip.id, name: 'Narvik charger' } });

  await annaContext.setOffline(false);
  await expect(annaPage.getByTestId('offline-banner')).toBeHidden();
  await expect(benPage.getByRole('checkbox', { name: 'Narvik socks' })).toBeChecked();
  await expect.poll(async () => (await db.todo.findUniqueOrThrow({ where: { id: todo.id } })).checked).toBe(true);
  const conflict = annaPage.getByTestId('offline-conflict');
  await expect(conflict).toHaveCount(1);
  await expect(conflict).toContainText('Your change to “Narvik charger” could not be applied: it was deleted in the meantime.');
  await conflict.getByRole('button', { name: 'Dismiss' }).focus();
  await annaPage.keyboard.press('Enter');
  await expect(annaPage.getByTestId('offline-conflicts')).toBeHidden();
  expect(await annaPage.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('waymark:offline:')).map((k) => localStorage.getItem(k)))).toEqual(['[]', '[]']);
  await annaContext.close();
  await benContext.close();
});

/** Two travellers on a trip's list: Anna's page is controlled by the worker (so the list is saved for offline), Ben's is live. */
async function twoTravellers(browser: Browser, title: string, tab: 'packing' | 'todos', itemName: string) {
  const anna = await makePerson(server, `Anna ${title}`);
  const ben = await makePerson(server, `Ben ${title}`);
  const trip = await tripOf(server, anna.user.id, title, [ben.user.id]);
  if (tab === 'todos') await server.services.db.todo.create({ data: { tripId: trip.id, name: itemName } });
  const annaContext = await signedInContext(browser, server, anna.token);
  const benContext = await signedInContext(browser, server, ben.token);
  const annaPage = await annaContext.newPage();
  const benPage = await benContext.newPage();
  const watch = consoleErrors(annaPage);
  await annaPage.goto(`${server.url}/`);
  await controlledBy(annaPage);
  await annaPage.goto(`${server.url}/trips/${trip.id}?tab=${tab}`);
  await expect(annaPage.getByRole('checkbox', { name: itemName, exact: true })).not.toBeChecked();
  await benPage.goto(`${server.url}/trips/${trip.id}?tab=${tab}`);
  await expect(benPage.getByRole('checkbox', { name: itemName, exact: true })).not.toBeChecked();
  await hydrated(annaPage);
  await hydrated(benPage);
  expect(watch.errors).toEqual([]);
  watch.watching = false; // offline, Chromium logs every refused fetch as an error
  return { anna, trip, annaContext, benContext, annaPage, benPage, close: () => Promise.all([annaContext.close(), benContext.close()]) };
}

/** Ben renames an item through its edit dialog (its version changes; its tick stays as it was). */
async function renameIn(page: Page, itemName: string, newName: string, dialog: string, field: string) {
  await page.getByRole('button', { name: `Edit: ${itemName}`, exact: true }).click();
  const form = page.getByTestId(dialog);
  await form.getByRole('textbox', { name: field, exact: true }).fill(newName);
  await form.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(form).toBeHidden();
  await expect(page.getByRole('checkbox', { name: newName, exact: true })).toBeVisible();
}

test('a tick made offline on an item someone else changed meanwhile is a translated conflict; "Apply mine anyway" by keyboard reaches both', async ({ browser }) => {
  const { trip, annaContext, annaPage, benPage, close } = await twoTravellers(browser, 'Molde', 'packing', 'Molde socks');
  const db = server.services.db;

  await annaContext.setOffline(true);
  await expect(annaPage.getByTestId('offline-banner')).toBeVisible();
  await annaPage.getByRole('checkbox', { name: 'Molde socks', exact: true }).click();
  await expect(annaPage.getByRole('checkbox', { name: 'Molde socks', exact: true })).toBeChecked();
  await expect(annaPage.getByTestId('offline-banner')).toContainText('1 change will be sent when you are back online.');

  // Meanwhile Ben, online, renames the same item.
  await renameIn(benPage, 'Molde socks', 'Molde wool socks', 'packing-item-dialog', 'Item');
  await expect(benPage.getByRole('checkbox', { name: 'Molde wool socks', exact: true })).not.toBeChecked();

  await annaContext.setOffline(false);
  await expect(annaPage.getByTestId('offline-banner')).toBeHidden();
  const conflict = annaPage.getByTestId('offline-conflict');
  await expect(conflict).toHaveCount(1);
  await expect(conflict).toContainText('Ben Molde changed “Molde socks” while you were offline; your change was not applied.');
  // Nothing of Anna's was written; her list now shows Ben's version.
  await expect(annaPage.getByRole('checkbox', { name: 'Molde wool socks', exact: true })).not.toBeChecked();
  expect((await db.packingItem.findFirstOrThrow({ where: { tripId: trip.id, name: 'Molde wool socks' } })).checked).toBe(false);

  await conflict.getByRole('button', { name: 'Apply mine anyway' }).focus();
  await annaPage.keyboard.press('Enter');
  await expect(annaPage.getByTestId('offline-conflicts')).toBeHidden();
  await expect(annaPage.getByRole('checkbox', { name: 'Molde wool socks', exact: true })).toBeChecked();
  await expect(benPage.getByRole('checkbox', { name: 'Molde wool socks', exact: true })).toBeChecked(); // live, no reload
  expect((await db.packingItem.findFirstOrThrow({ where: { tripId: trip.id, name: 'Molde wool socks' } })).checked).toBe(true);
  expect(await annaPage.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('waymark:offline:')).map((k) => localStorage.getItem(k)))).toEqual(['[]', '[]']);
  await close();
});

test('"Discard" on a conflicting offline to-do tick leaves the other traveller’s version', async ({ browser }) => {
  const { trip, annaContext, annaPage, benPage, close } = await twoTravellers(browser, 'Hamar', 'todos', 'Hamar ferry');
  await annaContext.setOffline(true);
  await expect(annaPage.getByTestId('offline-banner')).toBeVisible();
  await annaPage.getByRole('checkbox', { name: 'Hamar ferry', exact: true }).click();
  await expect(annaPage.getByRole('checkbox', { name: 'Hamar ferry', exact: true })).toBeChecked();
  await renameIn(benPage, 'Hamar ferry', 'Hamar night ferry', 'todo-dialog', 'To-do');

  await annaContext.setOffline(false);
  const conflict = annaPage.getByTestId('offline-conflict');
  await expect(conflict).toContainText('Ben Hamar changed “Hamar ferry” while you were offline; your change was not applied.');
  await conflict.getByRole('button', { name: 'Discard' }).click();
  await expect(annaPage.getByTestId('offline-conflicts')).toBeHidden();
  await expect(annaPage.getByRole('checkbox', { name: 'Hamar night ferry', exact: true })).not.toBeChecked();
  await expect(benPage.getByRole('checkbox', { name: 'Hamar night ferry', exact: true })).not.toBeChecked();
  expect((await server.services.db.todo.findFirstOrThrow({ where: { tripId: trip.id } })).checked).toBe(false);
  await close();
});

/** Anna edits a to-do's title and due date through its dialog (offline, it goes to the queue and the dialog closes). */
async function editTodo(page: Page, itemName: string, newName: string, dueDate: string) {
  await page.getByRole('button', { name: `Edit: ${itemName}`, exact: true }).click();
  const form = page.getByTestId('todo-dialog');
  await form.getByRole('textbox', { name: 'To-do', exact: true }).fill(newName);
  await form.getByRole('textbox', { name: 'Due date', exact: true }).fill(dueDate);
  await form.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(form).toBeHidden();
}

test('a to-do edited offline shows pending with its new title and due date, survives a reload, and reaches the other traveller on reconnect', async ({ browser }) => {
  const { anna, trip, annaContext, annaPage, benPage, close } = await twoTravellers(browser, 'Bodo', 'todos', 'Bodo ferry');
  const db = server.services.db;
  await annaContext.setOffline(true);
  await expect(annaPage.getByTestId('offline-banner')).toBeVisible();
  await editTodo(annaPage, 'Bodo ferry', 'Bodo night ferry', '2027-03-05');
  const annaTodo = annaPage.getByTestId('todo-item').filter({ hasText: 'Bodo night ferry' });
  await expect(annaTodo).toContainText('Due Mar 5, 2027');
  await expect(annaTodo.getByTestId('todo-pending')).toHaveText('Waiting to be sent');
  await expect(annaPage.getByTestId('offline-banner')).toContainText('1 change will be sent when you are back online.');
  expect(await db.todo.findFirstOrThrow({ where: { tripId: trip.id } })).toMatchObject({ name: 'Bodo ferry', dueDate: null });

  // Still offline, a reload shows the edit (the worker serves the saved list, the queue lays the edit over it).
  await annaPage.reload();
  await expect(annaTodo).toContainText('Due Mar 5, 2027');
  await expect(annaTodo.getByTestId('todo-pending')).toBeVisible();
  await expect(benPage.getByRole('checkbox', { name: 'Bodo ferry', exact: true })).toBeVisible();

  await annaContext.setOffline(false);
  await expect(annaPage.getByTestId('offline-banner')).toBeHidden();
  await expect(benPage.getByTestId('todo-item').filter({ hasText: 'Bodo night ferry' })).toContainText('Due Mar 5, 2027'); // live, no reload
  await expect(annaTodo.getByTestId('todo-pending')).toHaveCount(0);
  await expect(annaPage.getByTestId('offline-conflicts')).toHaveCount(0);
  const saved = await db.todo.findFirstOrThrow({ where: { tripId: trip.id } });
  expect({ name: saved.name, dueDate: saved.dueDate?.toISOString().slice(0, 10), updatedById: saved.updatedById }).toEqual({ name: 'Bodo night ferry', dueDate: '2027-03-05', updatedById: anna.user.id });
  expect(await annaPage.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('waymark:offline:')).map((k) => localStorage.getItem(k)))).toEqual(['[]', '[]']);
  await close();
});

test('a to-do edited offline that the other traveller changed meanwhile is a conflict naming them; "Apply mine anyway" saves it for both', async ({ browser }) => {
  const { trip, annaContext, annaPage, benPage, close } = await twoTravellers(browser, 'Tromso', 'todos', 'Tromso museum');
  const db = server.services.db;
  await annaContext.setOffline(true);
  await expect(annaPage.getByTestId('offline-banner')).toBeVisible();
  await editTodo(annaPage, 'Tromso museum', 'Tromso art museum', '2027-04-01');
  await expect(annaPage.getByTestId('todo-pending')).toBeVisible();
  await renameIn(benPage, 'Tromso museum', 'Tromso polar museum', 'todo-dialog', 'To-do');

  await annaContext.setOffline(false);
  const conflict = annaPage.getByTestId('offline-conflict');
  await expect(conflict).toHaveCount(1);
  await expect(conflict).toContainText('Ben Tromso changed “Tromso museum” while you were offline; your change was not applied.');
  // Nothing of Anna's was written; her list now shows Ben's version, no longer pending.
  await expect(annaPage.getByRole('checkbox', { name: 'Tromso polar museum', exact: true })).toBeVisible();
  await expect(annaPage.getByTestId('todo-pending')).toHaveCount(0);
  expect(await db.todo.findFirstOrThrow({ where: { tripId: trip.id } })).toMatchObject({ name: 'Tromso polar museum', dueDate: null });

  await conflict.getByRole('button', { name: 'Apply mine anyway' }).click();
  await expect(annaPage.getByTestId('offline-conflicts')).toBeHidden();
  await expect(annaPage.getByRole('checkbox', { name: 'Tromso art museum', exact: true })).toBeVisible();
  await expect(benPage.getByTestId('todo-item').filter({ hasText: 'Tromso art museum' })).toContainText('Due Apr 1, 2027'); // live
  expect(await db.todo.findFirstOrThrow({ where: { tripId: trip.id } })).toMatchObject({ name: 'Tromso art museum' });
  await close();
});

/** Adds a to-do through the tab's form (offline, it goes to the queue and the form clears). */
async function addTodo(page: Page, name: string) {
  const form = page.getByRole('form', { name: 'Add' });
  await form.getByRole('textbox', { name: 'To-do', exact: true }).fill(name);
  await form.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(form.getByRole('textbox', { name: 'To-do', exact: true })).toHaveValue('');
}

/** Deletes a to-do through its button and the confirmation. */
async function deleteTodo(page: Page, name: string) {
  await page.getByRole('button', { name: `Delete: ${name}`, exact: true }).click();
  await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(page.getByTestId('confirm-dialog')).toBeHidden();
}

test('to-dos created and deleted offline show at once, survive a reload, and reach the other traveller once, on reconnect', async ({ browser }) => {
  const { trip, annaContext, annaPage, benPage, close } = await twoTravellers(browser, 'Narvik', 'todos', 'Narvik ferry');
  const db = server.services.db;
  await annaContext.setOffline(true);
  await expect(annaPage.getByTestId('offline-banner')).toBeVisible();
  await addTodo(annaPage, 'Narvik visa');
  const visa = annaPage.getByTestId('todo-item').filter({ hasText: 'Narvik visa' });
  await expect(visa.getByTestId('todo-pending')).toHaveText('Waiting to be sent');
  // ticked before it exists on the server: the tick follows the create
  await visa.getByRole('checkbox', { name: 'Narvik visa', exact: true }).click();
  await expect(annaPage.getByRole('checkbox', { name: 'Narvik visa', exact: true })).toBeChecked();
  // created and deleted offline: never sent
  await addTodo(annaPage, 'Narvik typo');
  await deleteTodo(annaPage, 'Narvik typo');
  await deleteTodo(annaPage, 'Narvik ferry');
  await expect(annaPage.getByRole('checkbox', { name: 'Narvik ferry', exact: true })).toHaveCount(0);
  await expect(annaPage.getByTestId('offline-banner')).toContainText('3 changes will be sent when you are back online.');
  expect((await db.todo.findMany({ where: { tripId: trip.id } })).map((t) => t.name)).toEqual(['Narvik ferry']);

  await annaPage.reload();
  await expect(visa.getByTestId('todo-pending')).toBeVisible();
  await expect(annaPage.getByRole('checkbox', { name: 'Narvik visa', exact: true })).toBeChecked();
  await expect(annaPage.getByRole('checkbox', { name: 'Narvik ferry', exact: true })).toHaveCount(0);
  await expect(annaPage.getByRole('checkbox', { name: 'Narvik typo', exact: true })).toHaveCount(0);

  await annaContext.setOffline(false);
  await expect(annaPage.getByTestId('offline-banner')).toBeHidden();
  // live on Ben's screen, no reload: the new to-do once and done, the deleted one gone
  await expect(benPage.getByRole('checkbox', { name: 'Narvik visa', exact: true })).toBeChecked();
  await expect(benPage.getByRole('checkbox', { name: 'Narvik ferry', exact: true })).toHaveCount(0);
  await expect(annaPage.getByTestId('todo-pending')).toHaveCount(0);
  await expect(annaPage.getByRole('checkbox', { name: 'Narvik visa', exact: true })).toHaveCount(1);
  await expect(annaPage.getByTestId('offline-conflicts')).toHaveCount(0);
  expect((await db.todo.findMany({ where: { tripId: trip.id } })).map((t) => [t.name, t.checked])).toEqual([['Narvik visa', true]]);
  expect(await annaPage.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('waymark:offline:')).map((k) => localStorage.getItem(k)))).toEqual(['[]', '[]']);
  await close();
});

test('a to-do deleted offline that the other traveller changed meanwhile is a conflict: "Keep it" keeps it, "Delete anyway" deletes it; one already deleted is simply done', async ({ browser }) => {
  const { trip, annaContext, annaPage, benPage, close } = await twoTravellers(browser, 'Alta', 'todos', 'Alta sauna');
  const db = server.services.db;
  await db.todo.createMany({ data: ['Alta museum', 'Alta bus'].map((name, i) => ({ tripId: trip.id, name, position: i + 1 })) });
  for (const page of [annaPage, benPage]) {
    await page.reload();
    await expect(page.getByRole('checkbox', { name: 'Alta bus', exact: true })).toBeVisible();
    await hydrated(page);
  }
  await annaContext.setOffline(true);
  await expect(annaPage.getByTestId('offline-banner')).toBeVisible();
  for (const name of ['Alta sauna', 'Alta museum', 'Alta bus']) await deleteTodo(annaPage, name);
  await expect(annaPage.getByTestId('todo-item')).toHaveCount(0);
  await renameIn(benPage, 'Alta sauna', 'Alta smoke sauna', 'todo-dialog', 'To-do');
  await renameIn(benPage, 'Alta museum', 'Alta rock art museum', 'todo-dialog', 'To-do');
  await deleteTodo(benPage, 'Alta bus');

  await annaContext.setOffline(false);
  const conflicts = annaPage.getByTestId('offline-conflict');
  await expect(conflicts).toHaveCount(2);
  await expect(conflicts.nth(0)).toContainText('Ben Alta changed “Alta sauna” while you were offline; your deletion was not applied.');
  await expect(conflicts.nth(1)).toContainText('Ben Alta changed “Alta museum” while you were offline; your deletion was not applied.');
  await expect(annaPage.getByRole('checkbox', { name: 'Alta smoke sauna', exact: true })).toBeVisible();
  expect((await db.todo.findMany({ where: { tripId: trip.id }, orderBy: { position: 'asc' } })).map((t) => t.name)).toEqual(['Alta smoke sauna', 'Alta rock art museum']);

  await conflicts.nth(0).getByRole('button', { name: 'Keep it' }).click();
  await conflicts.nth(0).getByRole('button', { name: 'Delete anyway' }).click();
  await expect(annaPage.getByTestId('offline-conflicts')).toBeHidden();
  await expect(benPage.getByRole('checkbox', { name: 'Alta rock art museum', exact: true })).toHaveCount(0); // live
  await expect(annaPage.getByRole('checkbox', { name: 'Alta rock art museum', exact: true })).toHaveCount(0);
  await expect(annaPage.getByRole('checkbox', { name: 'Alta smoke sauna', exact: true })).toBeVisible();
  expect((await db.todo.findMany({ where: { tripId: trip.id } })).map((t) => t.name)).toEqual(['Alta smoke sauna']);
  await close();
});

/** Anna edits a packing item's name and quantity through its dialog (offline, it goes to the queue and the dialog closes). */
async function editPackingItem(page: Page, itemName: string, newName: string, quantity: string) {
  await page.getByRole('button', { name: `Edit: ${itemName}`, exact: true }).click();
  const form = page.getByTestId('packing-item-dialog');
  await form.getByRole('textbox', { name: 'Item', exact: true }).fill(newName);
  await form.getByRole('spinbutton', { name: 'Qty', exact: true }).fill(quantity);
  await form.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(form).toBeHidden();
}

test('a packing item renamed and recounted offline shows pending, survives a reload and reaches the other traveller; one changed meanwhile is a conflict', async ({ browser }) => {
  const { trip, annaContext, annaPage, benPage, close } = await twoTravellers(browser, 'Lofoten', 'packing', 'Lofoten socks');
  const db = server.services.db;
  await annaContext.setOffline(true);
  await expect(annaPage.getByTestId('offline-banner')).toBeVisible();
  await editPackingItem(annaPage, 'Lofoten socks', 'Lofoten wool socks', '3');
  await editPackingItem(annaPage, 'Lofoten charger', 'Lofoten charger', '2');
  const socks = annaPage.getByTestId('packing-item').filter({ hasText: 'Lofoten wool socks' });
  await expect(socks.getByRole('checkbox', { name: '3× Lofoten wool socks', exact: true })).toBeVisible();
  await expect(socks.getByTestId('packing-pending')).toHaveText('Waiting to be sent');
  await expect(annaPage.getByTestId('offline-banner')).toContainText('2 changes will be sent when you are back online.');
  // Meanwhile Ben renames the charger.
  await renameIn(benPage, 'Lofoten charger', 'Lofoten USB charger', 'packing-item-dialog', 'Item');

  await annaPage.reload();
  await expect(socks.getByTestId('packing-pending')).toBeVisible();
  await expect(annaPage.getByRole('checkbox', { name: '2× Lofoten charger', exact: true })).toBeVisible();

  await annaContext.setOffline(false);
  await expect(annaPage.getByTestId('offline-banner')).toBeHidden();
  await expect(benPage.getByRole('checkbox', { name: '3× Lofoten wool socks', exact: true })).toBeVisible(); // live, no reload
  const conflict = annaPage.getByTestId('offline-conflict');
  await expect(conflict).toHaveCount(1);
  await expect(conflict).toContainText('Ben Lofoten changed “Lofoten charger” while you were offline; your change was not applied.');
  await expect(annaPage.getByRole('checkbox', { name: 'Lofoten USB charger', exact: true })).toBeVisible();
  await expect(annaPage.getByTestId('packing-pending')).toHaveCount(0);
  const saved = await db.packingItem.findMany({ where: { tripId: trip.id }, orderBy: { position: 'asc' } });
  expect(saved.map((i) => [i.name, i.quantity])).toEqual([
    ['Lofoten wool socks', 3],
    ['Lofoten USB charger', 1],
  ]);
  await conflict.getByRole('button', { name: 'Discard' }).click();
  await expect(annaPage.getByTestId('offline-conflicts')).toBeHidden();
  await close();
});

/** Everything the worker keeps for the user (pages, data), as text, to look for a trip's name. */
function savedTexts(page: Page) {
  return page.evaluate(async () => {
    let all = '';
    for (const name of await caches.keys()) {
      if (!name.startsWith('waymark-data')) continue;
      const cache = await caches.open(name);
      for (const request of await cache.keys()) all += await (await cache.match(request))!.text();
    }
    return all;
  });
}

// Exploratory smoke crawl: from the dashboard, click (client-side) every internal link and tab of the signed-in app
// breadth-first at desktop and phone width and in German, and open every dialog on the dashboard and planner; each
// page must load without browser errors, without a silent full reload, with an <h1> and without horizontal overflow.
import { test as base, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { ownServer, type RunningServer } from './own-server';
import { createUser } from '../../app/auth/users.server.ts';
import { logIn, mutateFromPage, queryFromPage, registerUser, type RegisteredUser } from './fixtures';

/** What the crawl needs: the admin (first account) and a trip with something in it to open dialogs on. */
interface World {
  admin: RegisteredUser;
  tripId: number;
}

// This file's own server (so its first account is the admin) and world, shared by its tests.
const test = base.extend<object, { server: RunningServer; world: World }>({
  server: ownServer,
  world: [
    async ({ server, browser }, use) => {
      const context = await browser.newContext({ baseURL: server.url, viewport: DESKTOP });
      const page = await context.newPage();
      await stubExternal(page, server.url);
      const world = await buildWorld(page);
      // A second account, so Admin → Users has a user the admin may delete.
      await createUser(server.services.db, { email: 'dora@example.test', password: 'correct horse battery', displayName: 'Dora Other' });
      // A static MCP token of the admin's, so Settings → Integrations and Admin → MCP have one to delete.
      const adminUser = await server.services.db.user.findUniqueOrThrow({ where: { email: world.admin.email } });
      await server.services.db.apiToken.create({ data: { userId: adminUser.id, name: 'Crawl token', tokenHash: 'c'.repeat(64), prefix: 'wm_crawl0' } });
      await use(world);
      await context.close();
    },
    { scope: 'worker' },
  ],
  baseURL: async ({ server }, use) => use(server.url),
});

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const TRANSPARENT_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

/** Links that leave the app or end the session are not followed. */
const SKIP = /^\/(logout|api\/|mcp|oauth\/|\.well-known)/;

/** Browser errors of a page, collected for the checks. */
function watchErrors(page: Page) {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  // Which request failed (the console line above does not say).
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`http ${response.status()} ${response.request().method()} ${new URL(response.url()).pathname}`);
  });
  return errors;
}

/** Requests to other hosts (map tiles) get an empty image so the offline test machine causes no console errors. */
async function stubExternal(page: Page, origin: string) {
  await page.route(
    (url) => url.origin !== origin,
    (route) => route.fulfill({ status: 200, contentType: 'image/png', body: TRANSPARENT_PNG }),
  );
}

/** Waits until React has hydrated the document (a click before that would be a plain browser navigation). */
async function hydrated(page: Page) {
  await page.waitForFunction(() => Object.keys(document.body).some((key) => key.startsWith('__reactFiber')));
}

/** Internal link targets visible on the page (path + query), in document order. */
async function internalLinks(page: Page): Promise<string[]> {
  const hrefs = await page.locator('a[href]').evaluateAll((links) =>
    links
      .filter((a) => (a as HTMLElement).checkVisibility() && !a.hasAttribute('download') && a.getAttribute('target') !== '_blank')
      .map((a) => new URL((a as HTMLAnchorElement).href))
      .filter((url) => url.origin === location.origin)
      .map((url) => url.pathname + url.search),
  );
  return [...new Set(hrefs)].filter((href) => !SKIP.test(href));
}

const here = (page: Page) => {
  const url = new URL(page.url());
  return url.pathname + url.search;
};

/** Page-level checks; returns the problems found (empty when the page is fine). */
async function checkPage(page: Page, errors: string[], label: string): Promise<string[]> {
  const problems: string[] = [];
  const h1 = await page.locator('h1').first().waitFor({ state: 'visible', timeout: 5000 }).then(() => true, () => false);
  if (!h1) problems.push(`${label}: no visible <h1>`);
  await page.waitForLoadState('networkidle', { timeout: 3000 }).catch(() => undefined);
  const width = await page.evaluate(() => {
    const wide = [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1 && (el as HTMLElement).checkVisibility())
      .slice(0, 3)
      .map((el) => `${el.tagName.toLowerCase()}.${String((el as HTMLElement).className).split(' ').slice(0, 3).join('.')}`);
    return { scroll: document.documentElement.scrollWidth, inner: window.innerWidth, wide };
  });
  if (width.scroll > width.inner) problems.push(`${label}: overflows horizontally (${width.scroll} > ${width.inner}; ${width.wide.join(', ')})`);
  problems.push(...errors.splice(0).map((e) => `${label}: ${e}`));
  return problems;
}

/** Clicks every role="tab" button (not link) on the page and checks the page after each. */
async function clickTabs(page: Page, errors: string[]): Promise<string[]> {
  const problems: string[] = [];
  const tabs = page.locator('[role="tab"]:not(a)');
  for (let i = 0; i < (await tabs.count()); i++) {
    const tab = tabs.nth(i);
    if (!(await tab.isVisible())) continue;
    const name = (await tab.textContent())?.trim();
    await tab.click();
    await expect(tab).toHaveAttribute('aria-selected', 'true');
    problems.push(...(await checkPage(page, errors, `${here(page)} tab "${name}"`)));
  }
  return problems;
}

interface CrawlResult {
  pages: string[];
  problems: string[];
}

/**
 * Breadth-first from the dashboard: for each link target not seen yet, open the page that shows the link, then click it
 * (client-side navigation) and check the target. `extra` adds checks per page.
 */
async function crawl(page: Page, errors: string[], extra?: (page: Page, url: string) => Promise<string[]>): Promise<CrawlResult> {
  const problems: string[] = [];
  const seen = new Set<string>(['/']);
  const queue: Array<{ from: string; to: string }> = [];
  const visit = async (url: string) => {
    problems.push(...(await checkPage(page, errors, url)));
    if (url.startsWith('/trips/')) problems.push(...(await clickTabs(page, errors)));
    if (extra) problems.push(...(await extra(page, url)));
    for (const to of await internalLinks(page)) {
      if (!seen.has(to)) {
        seen.add(to);
        queue.push({ from: here(page), to });
      }
    }
  };
  await page.goto('/');
  await hydrated(page);
  await visit('/');
  while (queue.length > 0) {
    const next = queue.shift()!;
    const { to } = next;
    // Follow the link from the current page when it shows it too (the navigation is on every page), else from where
    // it was found.
    const linkHere = await page.locator(`a[href="${to}"]`).filter({ visible: true }).count();
    const from = linkHere > 0 ? here(page) : next.from;
    if (here(page) !== from) await page.goto(from);
    await hydrated(page);
    await page.evaluate(() => ((window as unknown as { __crawlMarker: boolean }).__crawlMarker = true));
    const link = page.locator(`a[href="${to}"]`).filter({ visible: true }).first();
    await link.click();
    await page.waitForURL((url) => url.pathname + url.search !== from || url.pathname + url.search === to, { timeout: 5000 }).catch(() => undefined);
    const landed = here(page);
    // A redirect below the target (/admin → /admin/users) counts as arriving.
    if (landed !== to && !landed.startsWith(`${to.split('?')[0]}/`)) problems.push(`${to}: clicking the link from ${from} ended on ${landed}`);
    const kept = await page.evaluate(() => (window as unknown as { __crawlMarker?: boolean }).__crawlMarker === true).catch(() => false);
    if (!kept) problems.push(`${to}: clicking the link from ${from} reloaded the whole page (no client-side navigation)`);
    await visit(to);
  }
  return { pages: [...seen], problems };
}

async function signIn(page: Page, { admin }: World) {
  await logIn(page, admin);
  await expect(page).not.toHaveURL(/\/login/);
}

/**
 * Registers the admin through the UI, creates a trip with a place planned on day 1 (through the UI), a stay and a note,
 * and switches every addon on in Admin → Addons.
 */
async function buildWorld(page: Page): Promise<World> {
  const admin = await registerUser(page, { displayName: 'Cora Crawler' });

  // A trip with a place planned on day 1, a stay and a note (the dialogs need something to edit and delete).
  const { trip } = await mutateFromPage(page, 'trips.createTrip', { title: 'Crawl trip', startDate: '2027-05-01', endDate: '2027-05-02' });
  const tripId = trip.id as number;
  const { place } = await mutateFromPage(page, 'places.createPlace', { tripId, name: 'Old Harbour', lat: 41.89, lng: 12.49 });
  await page.goto(`/trips/${tripId}`);
  await hydrated(page);
  await expect(async () => {
    await page.getByLabel('Add Old Harbour to a day').selectOption({ index: 1 });
    await expect(page.getByTestId('day').first().getByTestId('assignment-name')).toHaveText(['Old Harbour'], { timeout: 1000 });
  }).toPass();
  const days = (await queryFromPage<{ days: Array<{ id: number }> }>(page, 'days.listDays', { tripId })).days.map((d) => d.id);
  await mutateFromPage(page, 'accommodations.createAccommodation', { tripId, placeId: place.id, checkInDayId: days[0], checkOutDayId: days[1] });
  await mutateFromPage(page, 'dayNotes.createDayNote', { tripId, dayId: days[0], text: 'Ferry at nine' });

  // Every addon on, through Admin → Addons.
  await page.goto('/admin/addons');
  await hydrated(page);
  const switches = page.getByRole('switch');
  await expect(switches.first()).toBeVisible();
  for (let i = 0; i < (await switches.count()); i++) {
    const toggle = switches.nth(i);
    if ((await toggle.getAttribute('aria-checked')) === 'false') {
      await toggle.click();
      await expect(toggle).toHaveAttribute('aria-checked', 'true');
    }
  }

  return { admin, tripId };
}

test('the crawl at 1280×800', async ({ page, server, world }) => {
  test.slow(); // every page the app links to
  await page.setViewportSize(DESKTOP);
  await stubExternal(page, server.url);
  await signIn(page, world);
  const errors = watchErrors(page);
  const result = await crawl(page, errors);
  test.info().annotations.push({ type: 'crawled (desktop)', description: result.pages.join(' ') });
  expect(result.problems).toEqual([]);
  for (const path of ['/settings', '/settings/integrations', '/admin', '/admin/addons', '/admin/mcp', '/admin/audit', `/trips/${world.tripId}`]) {
    expect(result.pages, `reached ${path}`).toContain(path);
  }
});

test('the crawl at 390×844', async ({ page, server, world }) => {
  test.slow(); // every page the app links to
  await page.setViewportSize(PHONE);
  await stubExternal(page, server.url);
  await signIn(page, world);
  const errors = watchErrors(page);
  const result = await crawl(page, errors);
  test.info().annotations.push({ type: 'crawled (phone)', description: result.pages.join(' ') });
  expect(result.pages.length).toBeGreaterThan(8);
  expect(result.problems).toEqual([]);
});

/**
 * Opens every dialog a button in <main> leads to (directly, or through the item of a menu), closes it with Escape and
 * checks the dialog is gone, focus is back on the opener and the browser reported no error.
 */
/** Buttons that may open a dialog (English or German labels), menu items that do, and buttons that act at once. */
const OPENER = /^(new|add|edit|delete|members|\d+ members?|neue?r?|mitglieder)\b|(hinzufügen|bearbeiten|löschen)$|\d+ mitglied/i;
const MENU_ITEM = /^(edit|members|delete)|bearbeiten$|^mitglieder$|löschen$/i;
const NO_DIALOG = new Set(['Add a day', 'Tag hinzufügen']);

async function openDialogs(page: Page, errors: string[], where: string, done = new Set<string>(), inspect?: (label: string) => Promise<string[]>) {
  const problems: string[] = [];
  const opened: string[] = [];
  const dialog = page.locator('[role="dialog"], [role="alertdialog"]');
  const openers = page.locator('main button').filter({ visible: true });
  const names = await openers.evaluateAll((buttons) =>
    buttons.filter((b) => !(b as HTMLButtonElement).disabled).map((b) => ({ name: (b.getAttribute('aria-label') ?? b.textContent ?? '').trim(), menu: b.getAttribute('aria-haspopup') === 'menu' || b.getAttribute('aria-haspopup') === 'true' })),
  );
  // "Add a day" adds a day at once (no dialog), so it is left alone.
  const candidates = names
    .filter(({ name, menu }) => menu || (OPENER.test(name) && !NO_DIALOG.has(name)))
    .filter(({ name }) => !done.has(name) && done.add(name));
  // The open dialog fits the viewport's width (nothing sticks out sideways on a phone).
  const dialogFits = async (label: string) => {
    const box = await dialog.last().boundingBox();
    const width = page.viewportSize()!.width;
    const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
    return box && (box.x < 0 || box.x + box.width > width + 1 || scroll > width) ? [`${where} ${label}: the dialog overflows the viewport (${Math.round(box.x)}+${Math.round(box.width)} > ${width})`] : [];
  };
  const closeAndCheck = async (label: string, focusTarget: string) => {
    await page.keyboard.press('Escape');
    if (!(await dialog.first().isHidden().catch(() => true))) await expect(dialog).toHaveCount(0, { timeout: 2000 }).catch(() => problems.push(`${where} ${label}: Escape did not close the dialog`));
    const focused = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return '<body>';
      return (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 80);
    });
    if (focused !== focusTarget) problems.push(`${where} ${label}: focus went to "${focused}" instead of the opener "${focusTarget}"`);
    problems.push(...errors.splice(0).map((e) => `${where} ${label}: ${e}`));
  };
  for (const { name, menu } of candidates) {
    const button = page.locator('main').getByRole('button', { name, exact: true }).filter({ visible: true }).and(page.locator(':enabled')).first();
    if (menu) {
      await button.click();
      const items = page.getByRole('menuitem');
      const itemNames = (await items.allTextContents()).map((t) => t.trim()).filter((t) => MENU_ITEM.test(t));
      await page.keyboard.press('Escape');
      for (const item of itemNames) {
        await button.click();
        await page.getByRole('menuitem', { name: item }).click();
        if (await dialog.first().waitFor({ timeout: 2000 }).then(() => true, () => false)) {
          opened.push(`${name} → ${item}`);
          problems.push(...(await dialogFits(`${name} → ${item}`)));
          if (inspect) problems.push(...(await inspect(`${where} ${name} → ${item}`)));
          await closeAndCheck(`${name} → ${item}`, name);
        } else problems.push(`${where} ${name} → ${item}: no dialog opened`);
      }
      continue;
    }
    await button.click();
    if (await dialog.first().waitFor({ timeout: 500 }).then(() => true, () => false)) {
      opened.push(name);
      problems.push(...(await dialogFits(name)));
      if (inspect) problems.push(...(await inspect(`${where} ${name}`)));
      await closeAndCheck(name, name);
    } else {
      // An inline editor (a note, a day title) rather than a dialog: leave it without saving.
      await page.keyboard.press('Escape');
      problems.push(...errors.splice(0).map((e) => `${where} ${name}: ${e}`));
    }
  }
  return { opened, problems };
}

for (const [size, viewport] of [['1280×800', DESKTOP], ['390×844', PHONE]] as const) {
  test(`every dialog on the dashboard and planner opens, closes with Escape and gives focus back at ${size}`, async ({ page, server, world }) => {
    await page.setViewportSize(viewport);
    await stubExternal(page, server.url);
    await signIn(page, world);
    const errors = watchErrors(page);
    await page.goto('/');
    await hydrated(page);
    const results = [await openDialogs(page, errors, '/')];
    await page.getByRole('link', { name: 'Crawl trip' }).click();
    await expect(page).toHaveURL(new RegExp(`/trips/${world.tripId}$`));
    await hydrated(page);
    // The planner loads its data in the browser; its buttons exist once the days are there.
    await expect(page.getByTestId('day').first()).toBeVisible();
    // On a phone the planner shows one section at a time: open each section's dialogs under its tab.
    const done = new Set<string>();
    results.push(await openDialogs(page, errors, `/trips/${world.tripId}`, done));
    const tabs = page.getByRole('tablist', { name: 'Trip sections' }).getByRole('tab').filter({ visible: true });
    for (let i = 0; i < (await tabs.count()); i++) {
      await tabs.nth(i).click();
      results.push(await openDialogs(page, errors, `/trips/${world.tripId} (tab ${i + 1})`, done));
    }
    // Settings and admin pages have dialogs too (tokens, OAuth clients, deleting users).
    for (const path of ['/settings/integrations', '/admin/users', '/admin/mcp']) {
      await page.goto(path);
      await hydrated(page);
      await page.waitForLoadState('networkidle', { timeout: 3000 }).catch(() => undefined);
      results.push(await openDialogs(page, errors, path));
    }
    const opened = results.flatMap((r) => r.opened);
    test.info().annotations.push({ type: `dialogs (${size})`, description: opened.join(' | ') });
    expect(opened.length).toBeGreaterThan(10);
    expect(results.flatMap((r) => r.problems)).toEqual([]);
  });
}

/** Every leaf string of a locale file, by dotted key. */
function leaves(lng: string, ns: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (node: unknown, prefix: string) => {
    for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
      if (typeof value === 'string') out.set(`${prefix}${key}`, value);
      else walk(value, `${prefix}${key}.`);
    }
  };
  walk(JSON.parse(readFileSync(`public/locales/${lng}/${ns}.json`, 'utf8')), '');
  return out;
}

/** English text → "ns:key" for every string of the app that German words differently (no placeholders, not tiny). */
const allEnglish = new Map<string, string>();
for (const ns of ['common', 'trips', 'planner', 'settings', 'admin', 'integrations', 'realtime', 'errors']) {
  const de = leaves('de', ns);
  for (const [key, en] of leaves('en', ns)) {
    if (en.length >= 4 && !en.includes('{{') && de.get(key) !== en && de.get(key) !== undefined) allEnglish.set(en, `${ns}:${key}`);
  }
}

/** A nested locale file value by dotted key. */
function localeText(lng: string, ns: string, key: string): string {
  const json = JSON.parse(readFileSync(`public/locales/${lng}/${ns}.json`, 'utf8')) as Record<string, unknown>;
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], json) as string;
}

test('the crawl in German: no English labels left', async ({ page, server, world }) => {
  // Every page and then every dialog of two pages: the work grows with the app, not with this test.
  test.slow();
  await page.setViewportSize(DESKTOP);
  await stubExternal(page, server.url);
  await signIn(page, world);
  // Labels shown on every signed-in page, and page titles shown on their own page.
  const everywhere = [['common', 'nav.trips'], ['common', 'nav.settings'], ['common', 'nav.admin'], ['common', 'nav.logout']];
  const titles: Record<string, string[]> = {
    '/': ['trips', 'dashboard.title'],
    '/settings': ['settings', 'title'],
    '/settings/integrations': ['settings', 'title'],
    '/admin': ['admin', 'title'],
    '/admin/addons': ['admin', 'title'],
    '/admin/mcp': ['admin', 'title'],
    '/admin/audit': ['admin', 'title'],
  };
  const english = [...everywhere, ...Object.values(titles), ['settings', 'tabs.profile'], ['settings', 'tabs.integrations'], ['admin', 'tabs.users'], ['admin', 'tabs.audit'], ['trips', 'dashboard.newTrip'], ['planner', 'places.new'], ['planner', 'header.edit']]
    .map(([ns, key]) => ({ en: localeText('en', ns, key), de: localeText('de', ns, key) }))
    .filter(({ en, de }) => en !== de);

  /** Visible text nodes under the last element matching `root`, trimmed. */
  const visibleTexts = (root: string) =>
    page.evaluate((root) => {
      const scope = [...document.querySelectorAll(root)].pop() ?? document.body;
      const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
      const found: string[] = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent?.trim();
        if (text && node.parentElement?.checkVisibility()) found.push(text);
      }
      return found;
    }, root);
  const englishIn = (texts: string[], label: string) =>
    texts.filter((text) => allEnglish.has(text)).map((text) => `${label}: English text "${text}" is shown (${allEnglish.get(text)})`);

  const germanChecks = async (_page: Page, url: string) => {
    const problems: string[] = [];
    const texts = await visibleTexts('body');
    for (const { en } of english) if (texts.includes(en)) problems.push(`${url}: English text "${en}" is shown`);
    // Beyond the known keys: any whole English sentence or label of any namespace that German translates differently.
    problems.push(...englishIn(texts, url));
    const expected = [...everywhere, ...(titles[url] ? [titles[url]] : [])].map(([ns, key]) => localeText('de', ns, key));
    for (const de of expected) if (!texts.includes(de)) problems.push(`${url}: German text "${de}" is missing`);
    return problems;
  };

  // The check itself works: in English the settings page fails it.
  await page.goto('/settings');
  await hydrated(page);
  expect(await germanChecks(page, '/settings')).toContain('/settings: German text "Einstellungen" is missing');
  expect((await germanChecks(page, '/settings')).filter((p) => p.includes('English text')).length).toBeGreaterThan(3);

  await page.getByLabel('Language').selectOption('de');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');

  const errors = watchErrors(page);
  try {
    const result = await crawl(page, errors, germanChecks);
    test.info().annotations.push({ type: 'crawled (German)', description: result.pages.join(' ') });
    expect(result.pages.length).toBeGreaterThan(8);
    // The dashboard's and planner's dialogs in German.
    await page.goto('/');
    await hydrated(page);
    const inspect = async (label: string) => englishIn(await visibleTexts('[role="dialog"], [role="alertdialog"]'), label);
    const dashboard = await openDialogs(page, errors, '/', new Set(), inspect);
    await page.goto(`/trips/${world.tripId}`);
    await hydrated(page);
    await expect(page.getByTestId('day').first()).toBeVisible();
    const planner = await openDialogs(page, errors, `/trips/${world.tripId}`, new Set(), inspect);
    test.info().annotations.push({ type: 'dialogs (German)', description: [...dashboard.opened, ...planner.opened].join(' | ') });
    expect(dashboard.opened.length + planner.opened.length).toBeGreaterThan(10);
    expect([...result.problems, ...dashboard.problems, ...planner.problems]).toEqual([]);
  } finally {
    // Back to English for whatever runs next in this worker.
    await mutateFromPage(page, 'account.updateProfile', { displayName: world.admin.displayName, language: 'en' });
  }
});

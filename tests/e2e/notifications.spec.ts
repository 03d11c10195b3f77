// The bell in real browsers: Ben's unread count rises live when Anna (in her own browser) adds him to a trip; he opens
// the list, marks the notification read and unread, follows its link, marks all read; he switches a kind off in the
// settings and is no longer told; in Arabic the bell speaks Arabic and the page runs right to left.
import { test, expect, type Page } from '@playwright/test';
import { makePerson, signedInContext, startOwnServer, type RunningServer } from './own-server';
import { mutateFromPage } from './fixtures';

let server: RunningServer;
test.beforeAll(async () => {
  server = await startOwnServer();
});
test.afterAll(async () => {
  await server?.close();
});

/** Waits until the user's browser listens on their private channel (so a change made now reaches it live). */
async function listening(userId: number) {
  const embedded = (server.services.realtime as unknown as { embedded: { channels: Map<string, Map<string, unknown>> } }).embedded;
  await expect.poll(() => embedded.channels.get(`private-user-${userId}`)?.size ?? 0, { timeout: 10_000 }).toBeGreaterThan(0);
}

async function openBell(page: Page) {
  const panel = page.getByTestId('notification-panel');
  await expect(async () => {
    if (!(await panel.isVisible())) await page.getByTestId('notification-bell').click();
    await expect(panel).toBeVisible({ timeout: 1000 });
  }).toPass();
  return panel;
}

test('the bell counts live when someone adds you to a trip; read, unread, all read, preferences', async ({ browser }) => {
  const anna = await makePerson(server, 'Anna');
  const ben = await makePerson(server, 'Ben');
  const db = server.services.db;
  const lisbon = await db.trip.create({ data: { ownerId: anna.user.id, title: 'Lisbon' } });
  const porto = await db.trip.create({ data: { ownerId: anna.user.id, title: 'Porto' } });
  const annaContext = await signedInContext(browser, server, anna.token);
  const benContext = await signedInContext(browser, server, ben.token);
  try {
    const annaPage = await annaContext.newPage();
    await annaPage.goto(`${server.url}/`);
    const benPage = await benContext.newPage();
    const pageErrors: string[] = [];
    benPage.on('pageerror', (error) => pageErrors.push(error.message));
    await benPage.goto(`${server.url}/settings`);
    const bell = benPage.getByTestId('notification-bell');
    await expect(bell).toHaveAccessibleName('Notifications, 0 unread');
    await expect(benPage.getByTestId('notification-count')).toHaveCount(0);
    await listening(ben.user.id);

    await mutateFromPage(annaPage, 'members.addTripMember', { tripId: lisbon.id, identifier: ben.email });
    await expect(benPage.getByTestId('notification-count')).toHaveText('1');
    await mutateFromPage(annaPage, 'members.addTripMember', { tripId: porto.id, identifier: ben.email });
    await expect(benPage.getByTestId('notification-count')).toHaveText('2');
    await expect(bell).toHaveAccessibleName('Notifications, 2 unread');

    const panel = await openBell(benPage);
    const items = panel.getByTestId('notification-item');
    await expect(items).toHaveCount(2);
    await expect(items.first()).toContainText('Anna added you to the trip “Porto”');
    await items.first().getByRole('button', { name: 'Mark read' }).click();
    await expect(benPage.getByTestId('notification-count')).toHaveText('1');
    await expect(items.first()).toHaveAttribute('data-read', 'true');
    await items.first().getByRole('button', { name: 'Mark unread' }).click();
    await expect(benPage.getByTestId('notification-count')).toHaveText('2');

    // Following the link opens the trip and marks it read; Escape closes the list.
    await items.nth(1).getByRole('link', { name: 'Anna added you to the trip “Lisbon”' }).click();
    await expect(benPage).toHaveURL(new RegExp(`/trips/${lisbon.id}$`));
    await expect(benPage.getByTestId('notification-count')).toHaveText('1');
    const again = await openBell(benPage);
    await benPage.keyboard.press('Escape');
    await expect(again).toBeHidden();
    await expect(bell).toBeFocused();
    await (await openBell(benPage)).getByRole('button', { name: 'Mark all read' }).click();
    await expect(benPage.getByTestId('notification-count')).toHaveCount(0);

    // Switched off in the settings: being added to a trip no longer rings.
    await benPage.goto(`${server.url}/settings/notifications`);
    const pref = benPage.getByLabel('Someone adds me to a trip');
    await expect(pref).toBeChecked();
    await expect(async () => {
      await pref.uncheck({ timeout: 1000 });
      await expect(pref).not.toBeChecked({ timeout: 1000 });
    }).toPass();
    await expect.poll(() => db.notificationPreference.count({ where: { userId: ben.user.id, enabled: false } })).toBe(1);
    const third = await db.trip.create({ data: { ownerId: anna.user.id, title: 'Faro' } });
    await mutateFromPage(annaPage, 'members.addTripMember', { tripId: third.id, identifier: ben.email });
    await mutateFromPage(annaPage, 'members.removeTripMember', { tripId: lisbon.id, userId: ben.user.id });
    // The removal (still on) arrives; the addition (off) never did.
    await expect(benPage.getByTestId('notification-count')).toHaveText('1');
    await expect((await openBell(benPage)).getByTestId('notification-item').first()).toContainText('Anna removed you from the trip “Lisbon”');
    expect(pageErrors).toEqual([]);
  } finally {
    await annaContext.close();
    await benContext.close();
  }
});

test('ar: the bell and its list in Arabic, right to left', async ({ browser }) => {
  const anna = await makePerson(server, 'Anna');
  const ben = await makePerson(server, 'Ben');
  const db = server.services.db;
  await db.user.update({ where: { id: ben.user.id }, data: { language: 'ar' } });
  const trip = await db.trip.create({ data: { ownerId: anna.user.id, title: 'Lisbon' } });
  const annaContext = await signedInContext(browser, server, anna.token);
  const benContext = await signedInContext(browser, server, ben.token, { locale: 'ar' });
  try {
    const annaPage = await annaContext.newPage();
    await annaPage.goto(`${server.url}/`);
    await mutateFromPage(annaPage, 'members.addTripMember', { tripId: trip.id, identifier: ben.email });
    const benPage = await benContext.newPage();
    await benPage.goto(`${server.url}/`);
    await expect(benPage.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(benPage.getByTestId('notification-bell')).toHaveAccessibleName('الإشعارات، إشعار واحد غير مقروء');
    const panel = await openBell(benPage);
    await expect(panel.getByTestId('notification-item')).toContainText('أضافك Anna إلى الرحلة «Lisbon»');
    await expect(panel.getByRole('button', { name: 'تعليم الكل كمقروء' })).toBeVisible();
  } finally {
    await annaContext.close();
    await benContext.close();
  }
});

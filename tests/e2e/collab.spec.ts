// The Collab tab in two real browsers: Sam and Mia chat live (typing shown, a mention highlighted, a reaction, a reply,
// a deleted message), vote in a poll and see the bars move without reloading — mostly by keyboard. A note's Markdown
// is rendered without its raw HTML, and two people editing one note get a conflict with both versions at hand.
// Starts its own server so it can create the people and their sessions directly.
import { test, expect, type BrowserContext, type Page } from '@playwright/test';
import { makePerson, signedInContext, startOwnServer, type RunningServer } from './own-server';

let server: RunningServer;
test.beforeAll(async () => {
  server = await startOwnServer();
});
test.afterAll(async () => {
  await server?.close();
});

async function twoPeople(browser: import('@playwright/test').Browser) {
  const sam = await makePerson(server, 'Sam Rivers');
  const mia = await makePerson(server, 'Mia Lopez');
  const trip = await server.services.db.trip.create({ data: { ownerId: sam.user.id, title: 'Porto', members: { create: [{ userId: mia.user.id }] } } });
  const contexts: BrowserContext[] = [await signedInContext(browser, server, sam.token), await signedInContext(browser, server, mia.token)];
  const [pageA, pageB] = await Promise.all(contexts.map((c) => c.newPage()));
  const errors: string[] = [];
  for (const page of [pageA, pageB]) page.on('pageerror', (e) => errors.push(e.message));
  await pageA.goto(`${server.url}/trips/${trip.id}?tab=collab`);
  await pageB.goto(`${server.url}/trips/${trip.id}?tab=collab`);
  // Both are connected once each sees the other in the header.
  await expect(pageA.getByTestId('presence-avatar').filter({ hasText: 'ML' })).toBeVisible();
  await expect(pageB.getByTestId('presence-avatar').filter({ hasText: 'SR' })).toBeVisible();
  return { sam, mia, trip, contexts, pageA, pageB, errors };
}

/** A click before the page has hydrated does nothing: retry until `opened` shows. */
async function clickUntil(page: Page, name: string, opened: import('@playwright/test').Locator) {
  await expect(async () => {
    await page.getByRole('button', { name, exact: true }).first().click();
    await expect(opened).toBeVisible({ timeout: 1000 });
  }).toPass();
}

test('two people chat live: typing, a mention, a reaction, a reply and a deleted message', async ({ browser }) => {
  const { mia, trip, contexts, pageA, pageB, errors } = await twoPeople(browser);
  try {
    const inputA = pageA.getByTestId('chat-input');
    const inputB = pageB.getByTestId('chat-input');
    await expect(pageA.getByTestId('chat-empty')).toBeVisible();
    // Wait for hydration: the composer reacts to typing once the page is live.
    await expect(async () => {
      await inputA.fill('x');
      await expect(pageA.getByTestId('chat-send')).toBeEnabled({ timeout: 1000 });
    }).toPass();
    await inputA.fill('');

    // Sam types: Mia sees that he is typing, then his message, with her name highlighted.
    await inputA.focus();
    await pageA.keyboard.type(`Ferry at 9, @${mia.user.username} ok?`);
    await expect(pageB.getByTestId('chat-typing')).toContainText('Sam Rivers');
    await pageA.keyboard.press('Enter');
    const messageB = pageB.getByTestId('chat-message').filter({ hasText: 'Ferry at 9' });
    await expect(messageB).toBeVisible();
    await expect(messageB.locator('span', { hasText: `@${mia.user.username}` })).toHaveClass(/bg-amber-100/);
    await expect(pageB.getByTestId('chat-typing')).toHaveText('');
    await expect(pageB.getByTestId('chat-unread-marker')).toHaveCount(0);
    await expect(inputA).toHaveValue('');

    // Mia reacts with 👍 by keyboard; Sam sees it.
    await messageB.getByTestId('chat-react').focus();
    await pageB.keyboard.press('Enter');
    await messageB.getByTestId('chat-emoji-👍').focus();
    await pageB.keyboard.press('Enter');
    await expect(pageA.getByTestId('chat-message').filter({ hasText: 'Ferry at 9' }).getByTestId('chat-reaction')).toHaveText('👍 1');

    // Mia replies; Sam sees the reply with its quote.
    await messageB.getByTestId('chat-reply').click();
    await inputB.fill('Yes, see you there');
    await inputB.press('Enter');
    const replyA = pageA.getByTestId('chat-message').filter({ hasText: 'Yes, see you there' });
    await expect(replyA).toContainText('Ferry at 9');

    // Sam deletes his message after confirming; Mia sees "Message deleted" in its place.
    await pageA.getByTestId('chat-message').filter({ hasText: 'Ferry at 9, @' }).getByTestId('chat-delete').click();
    const confirm = pageA.getByRole('alertdialog');
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await expect(confirm).toBeHidden();
    await expect(pageB.getByTestId('chat-message-text').first()).toHaveText('Message deleted');
    // The reply's quote of it goes too.
    await expect(pageB.getByTestId('chat-message').filter({ hasText: 'Ferry at 9' })).toHaveCount(0);

    // Mia left the chat with everything read; Sam writes meanwhile: on her return the marker sits above his message.
    await pageB.goto(`${server.url}/trips/${trip.id}?tab=budget`);
    await inputA.fill('Also: bring jackets');
    await inputA.press('Enter');
    await expect(pageA.getByTestId('chat-message').filter({ hasText: 'bring jackets' })).toBeVisible();
    await pageB.goto(`${server.url}/trips/${trip.id}?tab=collab`);
    const marker = pageB.getByTestId('chat-unread-marker');
    await expect(marker).toHaveText('New messages');
    await expect(marker.locator('xpath=following-sibling::li[1]')).toContainText('bring jackets');
    expect(errors).toEqual([]);
  } finally {
    for (const c of contexts) await c.close();
  }
});

test('a poll made by keyboard: votes show as bars in both browsers without reloading', async ({ browser }) => {
  const { contexts, pageA, pageB, errors } = await twoPeople(browser);
  try {
    // Arrow keys move along the section tabs.
    for (const page of [pageA, pageB]) {
      await expect(async () => {
        await page.getByRole('tab', { name: 'Chat' }).focus();
        await page.keyboard.press('ArrowRight');
        await expect(page.getByRole('tab', { name: 'Polls' })).toHaveAttribute('aria-selected', 'true', { timeout: 1000 });
      }).toPass();
      await expect(page.getByTestId('polls-empty')).toBeVisible();
    }

    const dialog = pageA.getByRole('dialog', { name: 'New poll' });
    await clickUntil(pageA, 'New poll', dialog);
    await expect(dialog.getByLabel('Question')).toBeFocused();
    await pageA.keyboard.type('Where do we eat?');
    await pageA.keyboard.press('Tab');
    await pageA.keyboard.type('Tasca');
    await pageA.keyboard.press('Tab');
    await pageA.keyboard.type('Francesinha bar');
    await pageA.keyboard.press('Enter');
    await expect(dialog).toBeHidden();

    const pollB = pageB.getByTestId('poll-card').filter({ hasText: 'Where do we eat?' });
    await expect(pollB).toBeVisible();
    // Mia votes with the keyboard; Sam sees the bar fill.
    await pollB.getByTestId('poll-option').nth(1).focus();
    await pageB.keyboard.press('Space');
    await expect(pollB.getByTestId('poll-option').nth(1)).toHaveAttribute('aria-pressed', 'true');
    const pollA = pageA.getByTestId('poll-card').filter({ hasText: 'Where do we eat?' });
    await expect(pollA.getByTestId('poll-count').nth(1)).toHaveText('1 vote · 100%');
    await expect(pollA.getByTestId('poll-bar').nth(1)).toHaveAttribute('style', /width: 100%/);

    // Sam votes for the other option; Mia sees 50/50, then Mia changes her vote and Sam sees 2 on one side.
    await pollA.getByTestId('poll-option').nth(0).click();
    await expect(pollB.getByTestId('poll-count').nth(0)).toHaveText('1 vote · 50%');
    await pollB.getByTestId('poll-option').nth(0).click();
    await expect(pollA.getByTestId('poll-count').nth(0)).toHaveText('2 votes · 100%');
    await expect(pollA.getByTestId('poll-count').nth(1)).toHaveText('0 votes · 0%');

    // Sam closes it; Mia can no longer vote.
    await pollA.getByRole('button', { name: 'Close poll' }).click();
    await expect(pollB.getByTestId('poll-closed')).toBeVisible();
    await expect(pollB.getByTestId('poll-option').nth(1)).toBeDisabled();
    expect(errors).toEqual([]);
  } finally {
    for (const c of contexts) await c.close();
  }
});

test('notes: Markdown without raw HTML, and a conflict when two people edit one note', async ({ browser }) => {
  const { sam, trip, contexts, pageA, pageB, errors } = await twoPeople(browser);
  try {
    await server.services.db.collabNote.create({
      data: {
        tripId: trip.id,
        authorId: sam.user.id,
        lastEditorId: sam.user.id,
        title: 'Links',
        content: '**Bold** <img src=x onerror="window.__pwned=1"> [site](https://example.org) [bad](javascript:alert(1))',
      },
    });
    for (const page of [pageA, pageB]) {
      await page.reload();
      await expect(async () => {
        await page.getByRole('tab', { name: 'Notes' }).click();
        await expect(page.getByTestId('note-card')).toBeVisible({ timeout: 1000 });
      }).toPass();
    }
    const body = pageA.getByTestId('note-body');
    await expect(body.locator('strong')).toHaveText('Bold');
    await expect(body.locator('img')).toHaveCount(0);
    await expect(body).toContainText('<img src=x');
    await expect(body.getByRole('link', { name: 'site' })).toHaveAttribute('rel', 'noopener noreferrer');
    await expect(body.getByRole('link')).toHaveCount(1);
    expect(await pageA.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();

    // Both open the editor; Mia saves first; Sam is told while still editing, and on saving gets the conflict.
    const dialogA = pageA.getByRole('dialog', { name: 'Edit note' });
    const dialogB = pageB.getByRole('dialog', { name: 'Edit note' });
    await pageA.getByTestId('note-card').getByRole('button', { name: 'Edit' }).click();
    await pageB.getByTestId('note-card').getByRole('button', { name: 'Edit' }).click();
    await dialogB.getByLabel('Title').fill('Links (Mia)');
    await dialogB.getByRole('button', { name: 'Save' }).click();
    await expect(dialogB).toBeHidden();
    await expect(dialogA.getByTestId('note-conflict')).toContainText('Mia Lopez has just changed this note');
    await dialogA.getByLabel('Title').fill('Links (Sam)');
    await dialogA.getByRole('button', { name: 'Save' }).click();
    await expect(dialogA.getByTestId('note-conflict')).toContainText('Mia Lopez saved this note while you were editing it');
    await expect(dialogA.getByTestId('note-conflict')).toContainText('Links (Mia)');
    await dialogA.getByTestId('note-keep-mine').click();
    await expect(dialogA).toBeHidden();
    await expect(pageB.getByTestId('note-card')).toContainText('Links (Sam)');
    expect(errors).toEqual([]);
  } finally {
    for (const c of contexts) await c.close();
  }
});

test('in Arabic, right to left: scrolling up through the chat loads the earlier messages page by page', async ({ browser }) => {
  const sam = await makePerson(server, 'Sam Rivers');
  const mia = await makePerson(server, 'Mia Lopez');
  const db = server.services.db;
  await db.user.update({ where: { id: mia.user.id }, data: { language: 'ar' } });
  const trip = await db.trip.create({ data: { ownerId: sam.user.id, title: 'Porto', members: { create: [{ userId: mia.user.id }] } } });
  await db.collabMessage.createMany({ data: Array.from({ length: 120 }, (_, i) => ({ tripId: trip.id, authorId: sam.user.id, text: `message ${i + 1}` })) });
  const context = await signedInContext(browser, server, mia.token, { locale: 'ar' });
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}/trips/${trip.id}?tab=collab`);
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.getByRole('tab', { name: 'الدردشة' })).toHaveAttribute('aria-selected', 'true');
    const messages = page.getByTestId('chat-message');
    await expect(messages).toHaveCount(50);
    await expect(messages.last()).toContainText('message 120');
    // Everything was unread for Mia: the marker sits above the first message shown.
    await expect(page.getByTestId('chat-unread-marker')).toHaveText('رسائل جديدة');

    // Scrolling to the top loads the page before, and keeps the view where it was.
    const scroller = page.getByTestId('chat-scroller');
    // (The messages come from a query made after hydration, so the scroll watcher is in place once they show.)
    await scroller.evaluate((el) => el.scrollTo({ top: 0 }));
    await expect(messages).toHaveCount(100);
    await expect(messages.first()).toContainText('message 21');
    expect(await scroller.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);

    // The last page by keyboard, with the button that stands in for scrolling.
    const earlier = page.getByTestId('chat-load-earlier');
    await earlier.focus();
    await page.keyboard.press('Enter');
    await expect(messages).toHaveCount(120);
    await expect(messages.first()).toContainText('message 1');
    await expect(page.getByText('هذه بداية الدردشة.')).toBeVisible();
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});

test('an admin switches the chat off: the Collab tab keeps notes and polls; parts wait for their addon', async ({ browser }) => {
  const sam = await makePerson(server, 'Sam Rivers');
  const db = server.services.db;
  await db.user.update({ where: { id: sam.user.id }, data: { isAdmin: true } });
  const trip = await db.trip.create({ data: { ownerId: sam.user.id, title: 'Porto' } });
  const context = await signedInContext(browser, server, sam.token);
  try {
    const page = await context.newPage();
    await page.goto(`${server.url}/admin/addons`);
    const chat = page.getByRole('switch', { name: 'Chat', exact: true });
    await expect(chat).toHaveAttribute('aria-checked', 'true');
    await expect(async () => {
      await chat.click();
      await expect(chat).toHaveAttribute('aria-checked', 'false', { timeout: 1000 });
    }).toPass();
    expect(await server.services.addons.isEnabled('collab.chat')).toBe(false);

    await page.goto(`${server.url}/trips/${trip.id}?tab=collab`);
    await expect(page.getByRole('tab', { name: 'Polls' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('tab', { name: 'Notes' })).toBeVisible();
    await expect(page.getByRole('tab', { name: 'Chat' })).toHaveCount(0);
    await expect(page.getByTestId('polls-empty')).toBeVisible();

    // With the whole addon off, its parts cannot be switched on their own.
    await page.goto(`${server.url}/admin/addons`);
    const collab = page.getByRole('switch', { name: 'Collaboration' });
    await expect(async () => {
      await collab.click();
      await expect(collab).toHaveAttribute('aria-checked', 'false', { timeout: 1000 });
    }).toPass();
    await expect(page.getByRole('switch', { name: 'Notes', exact: true })).toBeDisabled();
  } finally {
    await server.services.addons.set('collab', true);
    await server.services.addons.set('collab.chat', true);
    await context.close();
  }
});

// Settings → Notifications in a real browser: add a webhook channel (a local HTTP server stands in for the receiver),
// press "Send test" and see it arrived; a channel whose receiver fails shows the failure and its reason, inline and
// as the channel's last delivery status. Keyboard only for the second channel.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { test, expect } from '@playwright/test';
import { hydrated, makePerson, signedInContext, startOwnServer, type RunningServer } from './own-server';

let server: RunningServer;
let receiver: http.Server;
let receiverUrl = '';
const received: string[] = [];
test.beforeAll(async () => {
  server = await startOwnServer();
  receiver = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      received.push(req.url ?? '');
      res.writeHead(req.url === '/fail' ? 500 : 200).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
});
test.afterAll(async () => {
  await new Promise<void>((resolve) => receiver?.close(() => resolve()));
  await server?.close();
});

test('add a webhook, send a test and see it arrived; a failing one shows its error', async ({ browser }) => {
  const anna = await makePerson(server, 'Anna');
  const context = await signedInContext(browser, server, anna.token, { locale: 'en-US' });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${server.url}/settings/notifications`);
  await expect(page.getByTestId('channels-empty')).toBeVisible();

  const form = page.getByTestId('add-channel');
  await form.getByLabel('Webhook address').fill(`${receiverUrl}/ok`);
  await form.getByRole('button', { name: 'Add channel' }).click();
  const ok = page.getByTestId('channel-webhook').filter({ hasText: '/ok' });
  await expect(ok).toBeVisible();
  await ok.getByRole('button', { name: 'Send test' }).click();
  await expect(ok.getByTestId('channel-test-result')).toHaveText('Test sent.');
  await expect(ok.getByTestId('channel-status')).toContainText('Last delivered');
  expect(received).toContain('/ok');

  // the second one by keyboard: type the address, Enter submits; Tab to its Send test, Enter
  await form.getByLabel('Webhook address').fill(`${receiverUrl}/fail`);
  await form.getByLabel('Webhook address').press('Enter');
  const failing = page.getByTestId('channel-webhook').filter({ hasText: '/fail' });
  await expect(failing).toBeVisible();
  await failing.getByRole('button', { name: 'Send test' }).focus();
  await page.keyboard.press('Enter');
  await expect(failing.getByTestId('channel-test-result')).toHaveText('Test failed: 127.0.0.1 answered HTTP 500');
  await expect(failing.getByTestId('channel-status')).toContainText('Last attempt failed');
  await expect(failing.getByTestId('channel-status')).toContainText('127.0.0.1 answered HTTP 500');
  expect(pageErrors).toEqual([]);
  await context.close();
});

test('edit a webhook’s address by keyboard: the new one shows and its status starts over; a private address is refused and the old one kept', async ({ browser }) => {
  const cleo = await makePerson(server, 'Cleo');
  const context = await signedInContext(browser, server, cleo.token, { locale: 'en-US' });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${server.url}/settings/notifications`);
  await expect(page.getByTestId('channels-empty')).toBeVisible();
  await hydrated(page);

  const form = page.getByTestId('add-channel');
  await form.getByLabel('Webhook address').fill(`${receiverUrl}/before`);
  await form.getByLabel('Webhook address').press('Enter');
  const channel = page.getByTestId('channel-webhook');
  await expect(channel).toContainText(`${receiverUrl}/before`);
  await channel.getByRole('button', { name: 'Send test' }).click();
  await expect(channel.getByTestId('channel-status')).toContainText('Last delivered');

  // open the editor with the keyboard, type the new address, Enter saves
  const editButton = channel.getByRole('button', { name: 'Edit address' });
  await editButton.focus();
  await page.keyboard.press('Enter');
  await expect(editButton).toHaveAttribute('aria-expanded', 'true');
  const editor = channel.getByTestId('edit-channel');
  const address = editor.getByLabel('Webhook address');
  await expect(address).toHaveValue(`${receiverUrl}/before`);
  await address.fill(`${receiverUrl}/after`);
  await address.press('Enter');
  await expect(editor).toHaveCount(0);
  await expect(channel).toContainText(`${receiverUrl}/after`);
  await expect(channel).not.toContainText(`${receiverUrl}/before`);
  // a new address has no delivery history yet
  await expect(channel.getByTestId('channel-status')).toHaveText('');
  const stored = await server.services.db.notificationChannel.findFirstOrThrow({ where: { userId: cleo.user.id } });
  expect(stored).toMatchObject({ url: `${receiverUrl}/after`, lastStatus: null, lastError: null });

  // the outbound guard as on a public server: a private address is refused with the translated reason
  const config = server.services.config as { outboundAllowPrivate: boolean };
  config.outboundAllowPrivate = false;
  try {
    await editButton.focus();
    await page.keyboard.press('Enter');
    await expect(editor).toBeVisible();
    await editor.getByLabel('Webhook address').fill('https://10.0.0.1/hook');
    await editor.getByLabel('Webhook address').press('Enter');
    await expect(editor.getByRole('alert')).toHaveText('Waymark does not send to 10.0.0.1: it is a private or local address');
  } finally {
    config.outboundAllowPrivate = true;
  }
  await expect(editor.getByLabel('Webhook address')).toHaveValue('https://10.0.0.1/hook');
  await editor.getByRole('button', { name: 'Cancel' }).click();
  await expect(editor).toHaveCount(0);
  await expect(channel).toContainText(`${receiverUrl}/after`);
  await expect(channel).not.toContainText('10.0.0.1');
  const kept = await server.services.db.notificationChannel.findFirstOrThrow({ where: { userId: cleo.user.id } });
  expect(kept.url).toBe(`${receiverUrl}/after`);
  expect(pageErrors).toEqual([]);
  await context.close();
});

test('in Arabic, right to left: add a webhook and see its kind, its test result and its status in Arabic', async ({ browser }) => {
  const layla = await makePerson(server, 'Layla');
  await server.services.db.user.update({ where: { id: layla.user.id }, data: { language: 'ar' } });
  const context = await signedInContext(browser, server, layla.token, { locale: 'ar' });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${server.url}/settings/notifications`);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByTestId('channels-empty')).toHaveText('لا قنوات بعد: تظهر الإشعارات في الجرس فقط.');

  const form = page.getByTestId('add-channel');
  await form.getByLabel('عنوان خطاف الويب').fill(`${receiverUrl}/ar`);
  await form.getByRole('button', { name: 'إضافة القناة' }).click();
  const channel = page.getByTestId('channel-webhook');
  await expect(channel).toContainText('خطاف ويب');
  await expect(channel).toContainText(`${receiverUrl}/ar`);
  await channel.getByRole('button', { name: 'إرسال تجربة' }).click();
  await expect(channel.getByTestId('channel-test-result')).toHaveText('أُرسلت التجربة.');
  await expect(channel.getByTestId('channel-status')).toContainText('آخر تسليم');
  await expect(channel.getByRole('button', { name: 'تعديل العنوان' })).toBeVisible();
  expect(received).toContain('/ar');
  expect(pageErrors).toEqual([]);
  await context.close();
});

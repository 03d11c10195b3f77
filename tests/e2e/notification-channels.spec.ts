// Settings → Notifications in a real browser: add a webhook channel (a local HTTP server stands in for the receiver),
// press "Send test" and see it arrived; a channel whose receiver fails shows the failure and its reason, inline and
// as the channel's last delivery status. Keyboard only for the second channel.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { test, expect } from '@playwright/test';
import { makePerson, signedInContext, startOwnServer, type RunningServer } from './own-server';

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

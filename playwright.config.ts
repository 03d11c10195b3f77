import { defineConfig } from '@playwright/test';

// Debian's Chromium; `npx playwright install` cannot download browsers here.
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  globalSetup: './tests/e2e/global-setup.ts',
  use: {
    baseURL: process.env.E2E_BASE_URL,
    // E2E_TIMEZONE=America/Los_Angeles: the browser's clock zone (default: the machine's), for the screens' dates
    timezoneId: process.env.E2E_TIMEZONE || undefined,
    trace: 'retain-on-failure',
    // The app's service worker would answer requests that specs mock with page.route; tests/e2e/offline.spec.ts allows it.
    serviceWorkers: 'block',
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});

import { defineConfig } from '@playwright/test';

/**
 * End-to-end journeys in a real Chromium against the portal as the README
 * starts it (SQLite in memory, demo data, demo sign-in).
 *
 * Browser downloads are not needed: set CHROMIUM_PATH, or install Debian's
 * `chromium` package (the default path below).
 */
export default defineConfig({
  testDir: 'e2e-tests',
  timeout: 90_000,
  expect: { timeout: 30_000 },
  // One portal serves every journey; the journeys share its database.
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [
    ['list'],
    ['html', { open: 'never', outputFolder: 'e2e-test-report' }],
  ],
  webServer: [
    {
      command: 'yarn start backend',
      url: 'http://localhost:7007/.backstage/health/v1/readiness',
      reuseExistingServer: true,
      timeout: 180_000,
    },
    {
      command: 'yarn start app',
      url: 'http://localhost:3000',
      reuseExistingServer: true,
      timeout: 180_000,
    },
  ],
  use: {
    baseURL: process.env.PLAYWRIGHT_URL ?? 'http://localhost:3000',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    viewport: { width: 1400, height: 1000 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  outputDir: 'node_modules/.cache/e2e-test-results',
});

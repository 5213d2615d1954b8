import { defineConfig } from '@playwright/test';

/**
 * End-to-end journeys in a real Chromium against the portal as the README
 * starts it (SQLite in memory, demo data, demo sign-in).
 *
 * With E2E_APP=dist (CI) the backend serves the production build in
 * packages/app/dist, which CI has already built, instead of a dev server
 * compiling the app once more.
 *
 * Browser downloads are not needed: set CHROMIUM_PATH, or install Debian's
 * `chromium` package (the default path below).
 */
const servesBuiltApp = process.env.E2E_APP === 'dist';
const backendUrl = 'http://localhost:7007';
const backend = {
  command: 'yarn start backend',
  url: `${backendUrl}/.backstage/health/v1/readiness`,
  reuseExistingServer: true,
  timeout: 180_000,
};

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
  webServer: servesBuiltApp
    ? [
        {
          ...backend,
          // The app-backend serves packages/app/dist with this config injected.
          env: { APP_CONFIG_app_baseUrl: backendUrl },
        },
      ]
    : [
        backend,
        {
          command: 'yarn start app',
          url: 'http://localhost:3000',
          reuseExistingServer: true,
          timeout: 180_000,
        },
      ],
  use: {
    baseURL:
      process.env.PLAYWRIGHT_URL ??
      (servesBuiltApp ? backendUrl : 'http://localhost:3000'),
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

// End-to-end tests drive the release build (`trunk build --release` into dist/) served on
// 127.0.0.1 by a tiny static server, in Debian's Chromium. No browser is downloaded.
import { defineConfig } from '@playwright/test';

const port = Number(process.env.RUNGS_E2E_PORT ?? 8091);

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '*.spec.mjs',
  outputDir: 'tests/e2e/results',
  timeout: 30_000,
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    viewport: { width: 1280, height: 800 },
    // The service worker would answer requests that tests route or count; the tests of
    // offline use (offline.spec.mjs) allow it.
    serviceWorkers: 'block',
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: {
    command: `node tests/e2e/serve.mjs dist ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 20_000,
  },
});

// End-to-end tests: the release build (E2E_DIST, target/e2e-dist built by scripts/test.sh)
// served by a plain static file server under the sub-path E2E_BASE on E2E_PORT
// (scripts/e2e-serve.mjs), driven in Debian's headless Chromium. The launch options and
// the locale and time zone serve every browser the project starts (scripts/prerender.mjs,
// scripts/bench.mjs, the tests' own extra contexts).
import { defineConfig } from '@playwright/test';
import { E2E_BASE as base, E2E_PORT as port } from './scripts/e2e-serve.mjs';

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 30_000,
  expect: { timeout: 5_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}${base}`,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    launchOptions: {
      executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
      args: [
        '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic',
        '--disable-background-networking', '--disable-component-update', '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: {
    command: `node scripts/e2e-serve.mjs ${port}`,
    url: `http://127.0.0.1:${port}${base}index.html`,
    reuseExistingServer: false,
    timeout: 30_000,
  },
});

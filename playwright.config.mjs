// End-to-end tests: the release build (target/e2e-dist, built by scripts/test.sh) served by a
// plain static file server under a sub-path, driven in Debian's headless Chromium.
import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT || 4173);
const base = process.env.E2E_BASE || '/sous/chemin/';

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
    command: `bash scripts/e2e-serve.sh ${port}`,
    url: `http://127.0.0.1:${port}${base}index.html`,
    reuseExistingServer: false,
    timeout: 30_000,
  },
});

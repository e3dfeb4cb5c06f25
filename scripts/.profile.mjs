import { chromium } from '@playwright/test';
import { startServer } from '/work/main/scripts/static-server.mjs';
const server = await startServer({ '/sous/chemin/': process.env.DIST || '/work/main/target/e2e-dist' });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const path = process.argv[2] || 'simulateur/';
const runs = [];
for (let i = 0; i < 5; i++) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__tasks = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__tasks.push([Math.round(e.startTime), Math.round(e.duration)]); }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(`http://127.0.0.1:${server.address().port}/sous/chemin/${path}`);
  await page.locator('#app.apercu').waitFor({ state: 'detached' });
  await page.waitForTimeout(500);
  runs.push(await page.evaluate(() => window.__tasks));
  await context.close();
}
console.log(path, JSON.stringify(runs));
await browser.close(); server.close();

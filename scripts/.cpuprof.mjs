import { chromium } from '@playwright/test';
import { startServer } from '/work/main/scripts/static-server.mjs';
const server = await startServer({ '/sous/chemin/': '/work/main/target/e2e-dist' });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const context = await browser.newContext({ serviceWorkers: 'block' });
const page = await context.newPage();
await context.tracing.start({ screenshots: false, snapshots: false });
const cdp = await context.newCDPSession(page);
await cdp.send('Tracing.start', { categories: 'devtools.timeline,v8.execute,disabled-by-default-devtools.timeline', transferMode: 'ReturnAsStream' });
await page.goto(`http://127.0.0.1:${server.address().port}/sous/chemin/${process.argv[2]}`);
await page.locator('#app.apercu').waitFor({ state: 'detached' });
await page.waitForTimeout(300);
const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
await cdp.send('Tracing.end');
const { stream } = await done;
let data = '';
for (;;) { const c = await cdp.send('IO.read', { handle: stream }); data += c.data; if (c.eof) break; }
const events = JSON.parse(data).traceEvents ?? JSON.parse(data);
// Top-level tasks on the main thread, and their biggest children by name.
const main = events.filter((e) => e.ph === 'X' && e.dur);
const tasks = main.filter((e) => e.name === 'RunTask' && e.dur > 15000);
for (const t of tasks) {
  const inside = main.filter((e) => e.tid === t.tid && e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur && e !== t);
  const by = {};
  for (const e of inside) by[e.name] = (by[e.name] || 0) + e.dur;
  const top = Object.entries(by).sort((a, b) => b[1] - a[1]).slice(0, 12).map(([n, d]) => `${n}:${(d / 1000).toFixed(1)}`);
  console.log(`task ${(t.dur / 1000).toFixed(1)} ms:`, top.join(' '));
}
await browser.close(); server.close();

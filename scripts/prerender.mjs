// The release build's first screen without waiting for the app: loads the freshly built
// catalogue screen once in headless Chromium (Debian's, as the tests use it) from a plain
// static server, and returns what the app rendered into #app, its form controls disabled
// and its empty comment markers dropped
// (they work once the app has taken over; src/edge/preview.rs). scripts/post-build.mjs
// writes it into index.html, so the catalogue is shown as soon as the HTML and the
// stylesheet have arrived; the wasm is fetched after that.
import { chromium } from '@playwright/test';
import config from '../playwright.config.mjs';
import { startServer } from './static-server.mjs';

/**
 * The catalogue screen of the build staged in `dir`, to be served under `base`:
 * `{ html, title }`, what the app rendered into #app and the document title it set.
 */
export async function renderFirstScreen(dir, base) {
  const server = await startServer({ [base]: dir });
  const browser = await chromium.launch({ ...config.use.launchOptions, headless: true });
  try {
    const context = await browser.newContext({ serviceWorkers: 'block', locale: config.use.locale, timezoneId: config.use.timezoneId });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.goto(`http://127.0.0.1:${server.address().port}${base}`);
    await page.locator('#app main#contenu h1').waitFor({ timeout: 20_000 });
    await page.waitForLoadState('networkidle');
    if (errors.length) throw new Error(`the catalogue screen reported errors: ${errors.join('; ')}`);
    const html = await page.evaluate(() => {
      const root = document.getElementById('app').cloneNode(true);
      for (const control of root.querySelectorAll('input, select, textarea, button')) control.setAttribute('disabled', '');
      return root.innerHTML;
    });
    // Drop the app's empty markers: it replaces the preview, never hydrates it.
    return { html: html.replaceAll('<!---->', ''), title: await page.title() };
  } finally {
    await browser.close();
    server.close();
  }
}

// The release build's pages without waiting for their app: loads each freshly built page
// once in headless Chromium (Debian's, as the tests use it) from a plain static server, and
// returns what its app rendered into #app, its form controls disabled and its empty
// comment markers dropped (they work once the app has taken over; src/edge/preview.rs).
// scripts/post-build.mjs writes it into the page, so each screen is shown as soon as its
// HTML and the stylesheet have arrived; the wasm is fetched after that.
import { chromium } from '@playwright/test';
import config from '../playwright.config.mjs';
import { startServer } from './static-server.mjs';

/**
 * The pages `paths` (in-app addresses: `/`, `/simulateur`, `/module/3`) of the build in
 * `dir`, to be served under `base`: a Map from each path to `{ html, title }`, what its app
 * rendered into #app and the document title it set.
 */
export async function renderScreens(dir, base, paths) {
  const server = await startServer({ [base]: dir });
  const browser = await chromium.launch({ ...config.use.launchOptions, headless: true });
  const previews = new Map();
  try {
    const context = await browser.newContext({ serviceWorkers: 'block', locale: config.use.locale, timezoneId: config.use.timezoneId });
    for (const path of paths) {
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
      const folder = path === '/' ? '' : `${path.slice(1)}/`;
      await page.goto(`http://127.0.0.1:${server.address().port}${base}${folder}`);
      await page.locator('#app main#contenu h1').waitFor({ timeout: 20_000 });
      await page.waitForLoadState('networkidle');
      if (errors.length) throw new Error(`the page ${path} reported errors: ${errors.join('; ')}`);
      const html = await page.evaluate(() => {
        const root = document.getElementById('app').cloneNode(true);
        for (const control of root.querySelectorAll('input, select, textarea, button')) control.setAttribute('disabled', '');
        return root.innerHTML;
      });
      // Drop the app's empty markers: it replaces the preview, never hydrates it.
      previews.set(path, { html: html.replaceAll('<!---->', ''), title: await page.title() });
      await page.close();
    }
    return previews;
  } finally {
    await browser.close();
    server.close();
  }
}

// The release build's pages without waiting for their app: loads each freshly built page
// once in headless Chromium (Debian's, as the tests use it) from a plain static server, and
// returns what its app rendered into #app, its form controls disabled and its empty
// comment markers dropped (they work once the app has taken over; src/edge/preview.rs).
// scripts/post-build.mjs writes it into the page, so each screen is shown as soon as its
// HTML and the stylesheet have arrived; the wasm is fetched after that.
import { pageHref } from './routes.mjs';
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
  const origin = `127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ ...config.use.launchOptions, headless: true });
  const previews = new Map();
  try {
    const context = await browser.newContext({ serviceWorkers: 'block', locale: config.use.locale, timezoneId: config.use.timezoneId });
    for (const path of paths) {
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
      await page.goto(`http://${origin}${pageHref(base, path)}`);
      await page.locator('#app main#contenu h1').waitFor({ timeout: 20_000 });
      await page.waitForLoadState('networkidle');
      if (errors.length) throw new Error(`the page ${path} reported errors: ${errors.join('; ')}`);
      const html = await page.evaluate(() => {
        // A clone keeps what the controls hold (values, ticks, choices); the HTML gets it as
        // attributes, which is what a page's markup can carry.
        const root = document.getElementById('app').cloneNode(true);
        for (const control of root.querySelectorAll('input, select, textarea, button')) {
          control.setAttribute('disabled', '');
          if (control.type === 'checkbox' || control.type === 'radio') control.toggleAttribute('checked', control.checked);
          else if (control.tagName === 'INPUT') control.setAttribute('value', control.value);
          else if (control.tagName === 'TEXTAREA') control.textContent = control.value;
          else if (control.tagName === 'SELECT') for (const o of control.options) o.toggleAttribute('selected', o.selected);
        }
        // E-mails (they carry a share link) wait for the app; addresses lose the build
        // server's origin (a share link shown in the page becomes a path on the site).
        for (const link of root.querySelectorAll('a[href^="mailto:"]')) link.removeAttribute('href');
        return root.innerHTML
          .replaceAll(location.origin, '')
          .replaceAll(encodeURIComponent(location.origin), '');
      });
      if (html.includes(origin) || html.includes(encodeURIComponent(origin))) {
        throw new Error(`the page ${path} carries the build server's address ${origin}`);
      }
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

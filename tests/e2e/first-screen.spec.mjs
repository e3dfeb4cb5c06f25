// The release build's first screen: index.html carries the catalogue prerendered, shown
// before the app's wasm has arrived; the app then takes it over in place (every other page
// likewise: pages.spec.mjs).
import { test, expect, expectAppRunning, expectNoAxeViolation, holdTheApp, text, urlOf } from './fixtures.mjs';

const TITLE = "Conduire un projet d'ingénierie de certification professionnelle";

test('the catalogue is shown and readable while the app has not arrived', async ({ page }) => {
  await holdTheApp(page);
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  await expect(page.getByTestId('carte-module')).toHaveCount(5);
  const body = await text(page.locator('main'));
  expect(body).toContain('4 000,00 € HT par stagiaire');
  expect(body).toContain('Éligible au CPF');
  // What needs the app waits for it, visibly.
  await expect(page.getByLabel('Rechercher un module')).toBeDisabled();
  await expect(page.getByLabel('Durée', { exact: true })).toBeDisabled();
  await expect(page.locator('#app.apercu')).toHaveCount(1);
  await expectNoAxeViolation(page);
});

test('the wasm is fetched once the first screen is painted: after the stylesheet and the page\'s first frame, never preloaded', async ({ page }) => {
  // The first frame that follows the parsed page (its module script runs just before
  // DOMContentLoaded, and asks for its frames first).
  await page.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => {
      requestAnimationFrame(() => { window.frameAfterParse = performance.now(); });
    });
  });
  await page.goto('./');
  await expectAppRunning(page);
  const timing = await page.evaluate(() => {
    const resources = performance.getEntriesByType('resource');
    const css = resources.find((e) => /\.css$/.test(e.name));
    const app = resources
      .filter((e) => /\/[a-z]+-[0-9a-f]+(_bg\.wasm|\.js)$/.test(e.name))
      .map((e) => ({ name: e.name.split('/').pop(), start: e.startTime }));
    return { cssEnd: css.responseEnd, app, frame: window.frameAfterParse };
  });
  expect(timing.app.map((e) => e.name.endsWith('.wasm') ? 'wasm' : 'js').sort()).toEqual(['js', 'wasm']);
  // The page's module script starts the app once the page is painted, so the wasm never
  // competes with what the first paint needs. Only the small JS loader is preloaded
  // (modulepreload), to save a round trip.
  const wasm = timing.app.find((e) => e.name.endsWith('.wasm'));
  expect(wasm.start, 'the wasm starts after the stylesheet').toBeGreaterThanOrEqual(timing.cssEnd);
  expect(timing.frame, 'the page had a frame').toBeGreaterThan(0);
  expect(wasm.start, 'the wasm starts after the frame that paints the page').toBeGreaterThan(timing.frame);
  const head = await page.locator('head').innerHTML();
  expect(head).not.toContain('rel="preload"');
  expect(head.match(/rel="modulepreload"[^>]*href="[^"]*\.js"|href="[^"]*\.js"[^>]*rel="modulepreload"/g) ?? []).toHaveLength(1);
});

test('the app takes over the preview with the same text, keeping focus and scroll', async ({ page }) => {
  await page.setViewportSize({ width: 800, height: 500 });
  const release = await holdTheApp(page);
  await page.goto('./');
  await expect(page.getByTestId('carte-module')).toHaveCount(5);
  const before = await text(page.locator('#app'));
  const link = page.getByRole('link', { name: /^Module 3 :/ });
  await link.focus();
  const scroll = await page.evaluate(() => window.scrollY);
  expect(scroll).toBeGreaterThan(0);
  await release();
  await expectAppRunning(page);
  await expect(page.getByLabel('Rechercher un module')).toBeEnabled();
  expect(await text(page.locator('#app'))).toEqual(before);
  await expect(link).toBeFocused();
  expect(await page.evaluate(() => window.scrollY)).toEqual(scroll);
  // The app runs: the search filters.
  await page.getByLabel('Rechercher un module').fill('jury');
  await expect(page.getByTestId('nombre-modules')).toHaveText('1 module correspond.');
});

test('a module link followed in the preview opens the module page', async ({ page }) => {
  await holdTheApp(page);
  await page.goto('./');
  const link = page.getByRole('link', { name: /^Module 4 :/ });
  await expect(link).toBeVisible();
  await page.unrouteAll({ behavior: 'ignoreErrors' });
  await link.click();
  await expect(page).toHaveURL(urlOf(/module\/4\/?/));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Module 4 : Élaborer le dispositif de certification');
});

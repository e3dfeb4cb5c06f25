// Shared fixtures: every page records the requests it makes and fails the test on any
// request that leaves the local origin, on a page error (a Rust panic shows as one) and on
// a console error.
import { test as base, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

export const test = base.extend({
  page: async ({ page, baseURL }, use) => {
    const origin = new URL(baseURL).origin;
    const foreign = [];
    const errors = [];
    page.on('request', (r) => {
      const url = r.url();
      if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) foreign.push(url);
    });
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
    await use(page);
    expect(foreign, 'requests that left the local origin').toEqual([]);
    expect(errors, 'page errors and console errors').toEqual([]);
  },
});
export { expect };

/**
 * Opens an in-app address (relative to the base path) and waits for the app to render and,
 * on the catalogue, to take over the prerendered preview (first-screen.spec.mjs tests that
 * preview on its own).
 */
export async function open(page, path = '') {
  await page.goto(path || './');
  await expect(page.locator('main#contenu')).toBeVisible();
  await expectAppRunning(page);
}

/** Waits until the app runs in the page: no prerendered preview is left. */
export async function expectAppRunning(page) {
  await expect(page.locator('#app.apercu')).toHaveCount(0);
}

/**
 * Holds back the page's wasm requests (the app cannot start) until the returned function
 * is called; requests made after that go through.
 */
export async function holdTheApp(page) {
  const held = [];
  let holding = true;
  await page.route('**/*_bg.wasm', (route) => (holding ? held.push(route) : route.continue()));
  return async () => {
    holding = false;
    await Promise.all(held.map((route) => route.continue()));
  };
}

/** Runs axe-core (WCAG 2.1 A/AA rules) on the page and expects no violation. */
export async function expectNoAxeViolation(page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(summary).toEqual([]);
}

/** Text content with every kind of space folded to a plain space. */
export async function text(locator) {
  return (await locator.innerText()).replace(/[\s\u00a0\u202f]+/g, ' ').trim();
}

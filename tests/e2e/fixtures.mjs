// What the end-to-end specs share. The `page` fixture: every page records the requests it
// makes and fails the test on any request that leaves the local origin, on a page error (a
// Rust panic shows as one) and on a console error. Then the addresses under the base path,
// the catalogue the app was built with, the ways to open the app and reach its screens,
// and the checks several screens use.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test as base, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import config from '../../playwright.config.mjs';
import { E2E_BASE, E2E_DIST } from '../../scripts/e2e-serve.mjs';

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

// ---------------------------------------------------------------------------------------
// Addresses and data
// ---------------------------------------------------------------------------------------

/** The sub-path the build is served under (E2E_BASE, `/sous/chemin/` by default). */
export const BASE = E2E_BASE;
/** The release build under test (E2E_DIST). */
export const DIST = E2E_DIST;

const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * Matches a page URL ending at the in-app address `path` under the base path:
 * `urlOf('annulation')` for `…/sous/chemin/annulation`. A string is taken literally (a
 * query included: `urlOf('simulateur?module=3')`); a RegExp's source is used as is, for
 * the variable part of an address: `urlOf(/brouillons\/b[0-9-]+/)`.
 */
export function urlOf(path) {
  const tail = path instanceof RegExp ? path.source : escapeRegExp(path);
  return new RegExp(`${escapeRegExp(BASE)}${tail}$`);
}

/**
 * The catalogue the app under test was built with (build.rs reads COSENS_CATALOGUE;
 * scripts/test.sh builds on tests/fixtures/catalogue.json, the default here), parsed.
 */
export function builtCatalogue() {
  const file = process.env.COSENS_CATALOGUE || fileURLToPath(new URL('../fixtures/catalogue.json', import.meta.url));
  return JSON.parse(readFileSync(file, 'utf8'));
}

/**
 * A new browser context as the tests' pages have theirs (locale, time zone): someone
 * else's browser, which never saw the app. `options` adds to them.
 */
export function freshContext(browser, options = {}) {
  return browser.newContext({ locale: config.use.locale, timezoneId: config.use.timezoneId, ...options });
}

// ---------------------------------------------------------------------------------------
// Opening the app and reaching its screens
// ---------------------------------------------------------------------------------------

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

/** The main navigation (the menu in the header). */
export const nav = (page) => page.getByRole('navigation', { name: 'Navigation principale' });

/** The menu link `name`: Catalogue, Simulateur, Annulation, Pénalités de retard, Brouillons. */
export const navLink = (page, name) => nav(page).getByRole('link', { name, exact: true });

/**
 * Follows the menu link `name` and expects the in-app address `path` (see `urlOf`), then
 * the screen's app (another page group's screen is a page, shown prerendered first).
 */
export async function goVia(page, name, path) {
  await navLink(page, name).click();
  await expect(page).toHaveURL(urlOf(path));
  await expectAppRunning(page);
}

/**
 * Opens the app at the base address and reaches a screen through the menu link `name`, as
 * a visitor would; expects the in-app address `path`. (A screen's own address, answered by
 * its folder on a static host, is host.spec.mjs's matter.)
 */
export async function openVia(page, name, path) {
  await open(page);
  await goVia(page, name, path);
}

/** Opens the simulator through the menu, its formula choice shown. */
export async function openSimulator(page) {
  await openVia(page, 'Simulateur', 'simulateur');
  await expect(page.getByRole('radio', { name: 'Parcours complet' })).toBeVisible();
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

// ---------------------------------------------------------------------------------------
// Checks
// ---------------------------------------------------------------------------------------

/** Runs axe-core (WCAG 2.1 A/AA rules) on the page and expects no violation. */
export async function expectNoAxeViolation(page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(summary).toEqual([]);
}

/** `s` with every run of spaces of any kind (U+00A0, U+202F…) folded to a plain space. */
export const fold = (s) => s.replace(/[\s\u00a0\u202f]+/g, ' ').trim();

/** Text content with every kind of space folded to a plain space. */
export async function text(locator) {
  return fold(await locator.innerText());
}

/** The folded text of every element `locator` matches, in order. */
export async function texts(locator) {
  return (await locator.allInnerTexts()).map(fold);
}

/** Waits until the figure shown by `testid` reads `value` (spaces folded, see `text`). */
export async function expectFigure(page, testid, value) {
  await expect.poll(() => text(page.getByTestId(testid)), { message: testid }).toBe(value);
}

/** `expectFigure` for each `testid: value` of `figures`, in order. */
export async function expectFigures(page, figures) {
  for (const [testid, value] of Object.entries(figures)) await expectFigure(page, testid, value);
}

/** Euros in cents (integers, so no float drift) → `4 500,00 €` as folded by `text()`. */
export function eur(cents) {
  const negative = cents < 0;
  const abs = Math.abs(cents);
  const int = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  const frac = String(abs % 100).padStart(2, '0');
  return `${negative ? '-' : ''}${int},${frac} €`;
}

/**
 * Unfolds the disclosure (`<details>`) whose summary reads `name`, if it is folded: what
 * a visitor clicks to see the details under a result.
 */
export async function unfold(page, name) {
  const summary = page.locator('summary').filter({ hasText: new RegExp(`^\\s*${name}\\s*$`) }).first();
  const details = summary.locator('xpath=..');
  if ((await details.getAttribute('open')) === null) await summary.click();
  await expect(details).toHaveAttribute('open', '');
}

/** Every element whose right edge passes the window's width, for the failure message. */
export async function overflowing(page) {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const describe = (el) => {
      const parts = [];
      for (let e = el; e && e !== document.body && parts.length < 4; e = e.parentElement) {
        let p = e.tagName.toLowerCase();
        if (e.id) p += `#${e.id}`;
        else if (typeof e.className === 'string' && e.className.trim()) p += `.${e.className.trim().split(/\s+/).join('.')}`;
        if (e.dataset?.testid) p += `[data-testid=${e.dataset.testid}]`;
        parts.unshift(p);
      }
      return parts.join(' > ');
    };
    return [...document.body.querySelectorAll('*')]
      .map((el) => [el, el.getBoundingClientRect()])
      .filter(([, r]) => r.width > 0 && r.right > width + 0.5)
      .map(([el, r]) => `${describe(el)} (left ${Math.round(r.left)}, right ${Math.round(r.right)}, width ${Math.round(r.width)}) "${(el.innerText || '').trim().replace(/\s+/g, ' ').slice(0, 40)}"`);
  });
}

/** `s` without any spacing: PDF text runs split where the glyphs are placed. */
export const squeeze = (s) => s.replace(/[\s\u00a0\u202f]+/g, '');

/**
 * The page printed to PDF by headless Chromium (A4, the page's own CSS size): the text of
 * each printed page, squeezed; every page is checked to be A4 (595 × 842 points).
 */
export async function printedPages(page, options = {}) {
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, ...options });
  const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false }).promise;
  const pages = [];
  for (let n = 1; n <= doc.numPages; n += 1) {
    const printed = await doc.getPage(n);
    const [, , width, height] = printed.view;
    expect([Math.round(width), Math.round(height)], `page ${n} is A4`).toEqual([595, 842]);
    pages.push(squeeze((await printed.getTextContent()).items.map((item) => item.str).join('')));
  }
  await doc.destroy();
  return pages;
}

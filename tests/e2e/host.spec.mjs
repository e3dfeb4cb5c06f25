// The release build as a static host serves it: reloads on any screen, a host that honours
// 404.html, offline use through the service worker, a new deployment, the CSP in force, the
// manifest, and no request to any other origin on a tour of every screen.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test as plain } from '@playwright/test';
import { test, expect, open, BASE, DIST, urlOf, navLink } from './fixtures.mjs';
import { servedCopy } from '../../scripts/e2e-serve.mjs';
import { startServer } from '../../scripts/static-server.mjs';

// What scripts/e2e-serve.mjs serves under the base path: its own copy of the build.
const SERVED = servedCopy();

const SCREENS = [
  ['simulateur', 'Simulateur de prix'],
  ['annulation', /annulation/i],
  ['penalites', /pénalités/i],
  ['brouillons', /brouillons/i],
  ['devis', /^Devis/],
  ['module/3', /Module 3/],
];

test.describe('a plain static server, with no rewrite rule and no fallback', () => {
  for (const [screen, heading] of SCREENS) {
    test(`a reload on /${screen} gets back to a working screen`, async ({ page }) => {
      await page.goto(`./${screen}`);
      await expect(page.getByRole('heading', { level: 1 }).first()).toHaveText(heading);
      // The directory index answered under `screen/`; the app dropped the trailing slash.
      expect(new URL(page.url()).pathname).toBe(`${BASE}${screen}`);
      await page.reload();
      await expect(page.getByRole('heading', { level: 1 }).first()).toHaveText(heading);
    });
  }
});

// A host that serves 404.html for unknown paths, as GitHub Pages does.
async function withPagesLikeHost(run) {
  const server = await startServer({ [BASE]: DIST }, { notFound: join(DIST, '404.html') });
  try {
    await run(`http://127.0.0.1:${server.address().port}${BASE}`);
  } finally {
    server.close();
  }
}

plain('on a host that honours 404.html, any address opens the app: a draft address, an unknown one', async ({ page }) => {
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await withPagesLikeHost(async (site) => {
    await page.goto(`${site}brouillons/inconnu-42`);
    await expect(page.getByRole('link', { name: 'Brouillons' }).first()).toBeVisible();
    await expect(page.locator('main#contenu')).toContainText(/introuvable|n'existe pas|inconnu/i);
    await expect(page).toHaveTitle('Brouillon introuvable — Co&Sens');
    // The page's header (the build's): a draft's address is under « Brouillons ».
    const current = page.getByRole('navigation', { name: 'Navigation principale' }).locator('a[aria-current="page"]');
    await expect(current).toHaveText(['Brouillons']);
    await page.goto(`${site}nulle/part`);
    await expect(page.locator('main#contenu')).toContainText(/introuvable|n'existe pas/i);
    await expect(page).toHaveTitle('Page introuvable — Co&Sens');
    await expect(current).toHaveCount(0);
    await expect(page.locator('footer')).toContainText('Catalogue version');
    // A module the catalogue does not have: no page of its own, the same answer and the
    // way back to the catalogue.
    await page.goto(`${site}module/9`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page introuvable');
    await page.getByRole('link', { name: 'Revenir au catalogue' }).click();
    await expect(page.getByTestId('carte-module')).toHaveCount(5);
    await page.goBack();
    await navLink(page, 'Simulateur').click();
    await expect(page.getByTestId('total-ttc')).toBeVisible();
  });
  expect(pageErrors).toEqual([]);
});

/**
 * Visits every screen by in-app navigation from the catalogue: a module page (the
 * catalogue's own link), the menu screens, the devis ("Imprimer le devis" on the
 * simulator) and a draft's form ("Nouveau brouillon" on /brouillons).
 */
async function tourEveryScreen(page) {
  const visited = [];
  await page.getByRole('link', { name: /Module 2/ }).first().click();
  await expect(page).toHaveURL(urlOf('module/2'));
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Module 2');
  visited.push(new URL(page.url()).pathname);
  for (const name of ['Simulateur', 'Annulation', 'Pénalités de retard', 'Brouillons', 'Catalogue']) {
    await navLink(page, name).click();
    await expect(page.locator('main#contenu h1').first()).toBeVisible();
    visited.push(new URL(page.url()).pathname);
  }
  await navLink(page, 'Simulateur').click();
  await expect(page.getByTestId('total-ttc')).toBeVisible();
  await page.getByRole('link', { name: 'Imprimer le devis' }).click();
  await expect(page).toHaveURL(urlOf('devis'));
  await expect(page.getByTestId('devis-numero')).toBeVisible();
  visited.push(new URL(page.url()).pathname);
  await navLink(page, 'Brouillons').click();
  await expect(page).toHaveURL(urlOf('brouillons'));
  await page.getByRole('button', { name: 'Nouveau brouillon' }).click();
  await expect(page).toHaveURL(urlOf(/brouillons\/b[0-9-]+/));
  await expect(page.getByRole('heading', { level: 1, name: /^Brouillon : / })).toBeVisible();
  await expect(page.getByLabel('Nom du brouillon *')).toBeVisible();
  visited.push(new URL(page.url()).pathname.replace(/[^/]+$/, 'ID'));
  expect(visited).toEqual(['module/2', 'simulateur', 'annulation', 'penalites', 'brouillons', '', 'devis', 'brouillons/ID'].map((p) => `${BASE}${p}`));
}

test('a tour of every screen makes no request outside the site', async ({ page }) => {
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await open(page);
  await tourEveryScreen(page);
  const origin = new URL(page.url()).origin;
  expect(requests.length).toBeGreaterThan(3);
  expect(requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'))).toEqual([]);
});

plain.describe('Content-Security-Policy', () => {
  plain('is in force: no violation on a tour of every screen; injected scripts and foreign images are refused', async ({ page, baseURL }) => {
    await page.addInitScript(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await page.goto(baseURL);
    await expect(page.locator('main#contenu')).toBeVisible();
    const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(meta).toContain("default-src 'self'");
    expect(meta).toContain("'wasm-unsafe-eval'");
    expect(meta).not.toContain('unsafe-inline');
    expect(meta).not.toMatch(/https?:/);
    await tourEveryScreen(page);
    expect(await page.evaluate(() => window.__violations)).toEqual([]);

    // Now what the policy must stop (page.evaluate itself runs outside the page's CSP, so
    // the probes are elements inserted into the page): an inline script, a script from a
    // data: URL, an image from another origin.
    await page.evaluate(() => {
      const inline = document.createElement('script');
      inline.textContent = 'window.__injected = true;';
      document.body.appendChild(inline);
      const data = document.createElement('script');
      data.src = 'data:text/javascript,window.__fromData=true';
      document.body.appendChild(data);
      const img = document.createElement('img');
      img.src = 'https://exemple.invalid/pixel.png';
      img.alt = '';
      document.body.appendChild(img);
    });
    await expect.poll(() => page.evaluate(() => window.__violations.length)).toBeGreaterThanOrEqual(3);
    expect(await page.evaluate(() => [window.__injected, window.__fromData])).toEqual([undefined, undefined]);
    const violations = await page.evaluate(() => window.__violations);
    expect(violations.some((v) => v.startsWith('script-src') && v.includes('inline'))).toBe(true);
    expect(violations.some((v) => v.startsWith('img-src') && v.includes('exemple.invalid'))).toBe(true);
  });
});

test.describe('offline and new deployments', () => {
  test.describe.configure({ mode: 'serial' });

  async function controlledBy(page) {
    await open(page);
    await page.evaluate(async () => { await navigator.serviceWorker.ready; });
    await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller), { timeout: 15_000 }).toBe(true);
  }

  test('after one visit the whole app works with the network off', async ({ page, context }) => {
    await controlledBy(page);
    await context.setOffline(true);
    try {
      await page.reload();
      await expect(page.locator('main#contenu h1').first()).toBeVisible();
      await navLink(page, 'Simulateur').click();
      await page.getByRole('spinbutton', { name: 'Nombre de stagiaires' }).fill('2');
      // Full course with certification for 2 trainees: 9 000 € HT, 10 800 € TTC.
      await expect(page.getByTestId('total-ttc')).toHaveText(/10\s800,00\s€/);
      // A reload on a screen, and a share link, open from the cache too.
      await page.goto('./annulation');
      await expect(page.getByLabel('Date de notification')).toBeVisible();
      await page.goto('./?devis=1~2026.1~M3~1~0~0~N~0');
      await expect(page.getByTestId('total-ht')).toHaveText(/1\s500,00\s€/);
      // The JSON schemas ship with the site and are cached too.
      const schema = await page.evaluate(async () => (await fetch('public/schema/demande-inscription-v2.schema.json')).status);
      expect(schema).toBe(200);
    } finally {
      await context.setOffline(false);
    }
  });

  test('a new deployment is offered with "nouvelle version disponible", then loaded whole', async ({ page }) => {
    await controlledBy(page);
    const swPath = join(SERVED, 'sw.js');
    const original = await readFile(swPath, 'utf8');
    try {
      // Deploy "a new version": the service worker script changes on the server.
      await writeFile(swPath, original.replace(/const VERSION = "([0-9a-f]+)"/, 'const VERSION = "$1-next"'));
      await page.evaluate(async () => { const reg = await navigator.serviceWorker.getRegistration(); await reg.update(); });
      const banner = page.locator('#nouvelle-version');
      await expect(banner).toContainText('nouvelle version est disponible', { timeout: 15_000 });
      await expect(banner).toHaveAttribute('role', 'status');
      await Promise.all([
        page.waitForEvent('load'),
        banner.getByRole('button', { name: 'Charger la nouvelle version' }).click(),
      ]);
      await expect(page.locator('main#contenu')).toBeVisible();
      await expect(page.locator('#nouvelle-version')).toHaveCount(0);
      const caches = await page.evaluate(() => caches.keys());
      expect(caches).toHaveLength(1);
      expect(caches[0]).toMatch(/-next$/);
    } finally {
      await writeFile(swPath, original);
    }
  });
});

test('the web app manifest makes the app installable', async ({ page }) => {
  await open(page);
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  const manifest = await page.evaluate(async (h) => (await fetch(h)).json(), href);
  expect(manifest.lang).toBe('fr');
  expect(manifest.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
  const cdp = await page.context().newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  // Test browsers run in an incognito-like profile, which Chromium never offers to install
  // from; every other installability criterion (manifest, icons, service worker) must hold.
  expect(installabilityErrors.filter((e) => e.errorId !== 'in-incognito')).toEqual([]);
});

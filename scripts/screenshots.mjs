#!/usr/bin/env node
// The README's screenshots of the simulator, the cancellation screen and the comparison, on a phone
// (375 px wide) and a desktop (1 280 px), taken from a release build served as a static
// host has it (scripts/static-server.mjs under E2E_BASE), in the Chromium and with the
// launch options, locale and time zone of the end-to-end tests (playwright.config.mjs).
//
// Usage: node scripts/screenshots.mjs [DIST] [OUT]
//   DIST  the release build (default E2E_DIST, target/e2e-dist: see scripts/test.sh)
//   OUT   where the PNGs go (default docs/): simulateur-375.png, simulateur-1280.png,
//         annulation-375.png, annulation-1280.png, comparer-375.png, comparer-1280.png
//
// The phone shots show what a phone shows at once: the simulator while its form is
// edited (the total bar stuck to the bottom of the screen), the cancellation screen at
// its answer; the desktop shots show the whole screen.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import config from '../playwright.config.mjs';
import { startServer } from './static-server.mjs';
import { E2E_BASE, E2E_DIST } from './e2e-serve.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.resolve(process.argv[2] || E2E_DIST);
const out = path.resolve(ROOT, process.argv[3] || 'docs');

const PHONE = { width: 375, height: 812 };
const DESKTOP = { width: 1280, height: 900 };

/** Opens the app and reaches the screen behind the menu link `name`. */
async function reach(page, base, name) {
  await page.goto(base);
  await page.locator('#app.apercu').waitFor({ state: 'detached' });
  const from = page.url();
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name, exact: true }).click();
  // The screen's page: its prerendered view, then its app.
  await page.waitForURL((url) => url.href !== from);
  await page.locator('#app.apercu').waitFor({ state: 'detached' });
  await page.locator('main#contenu h1').first().waitFor();
}

/** The simulator with a quote: two trainees, one coaching day each, an OPCO's 3 000 €. */
async function simulator(page, base) {
  await reach(page, base, 'Simulateur');
  await page.getByRole('spinbutton', { name: 'Nombre de stagiaires' }).fill('2');
  await page.getByRole('spinbutton', { name: "Jours d'accompagnement" }).fill('1');
  await page.getByRole('combobox', { name: 'Financement' }).selectOption('opco');
  await page.getByRole('textbox', { name: "Montant pris en charge par l'OPCO" }).fill('3000');
  await page.getByTestId('reponse-devis').filter({ hasText: 'OPCO' }).waitFor();
}

/** The cancellation screen, the SPEC's example: start Tue 26 May 2026, notified Mon 4 May. */
async function cancellation(page, base) {
  await reach(page, base, 'Annulation');
  await page.getByLabel('Date de début de la formation', { exact: true }).fill('2026-05-26');
  await page.getByLabel('Date de notification', { exact: true }).fill('2026-05-04');
  await page.getByTestId('reponse-annulation').waitFor();
}

/** The comparison: the full course (devis 1) against modules 1 to 4 (devis 2). */
async function comparison(page, base) {
  await reach(page, base, 'Comparer');
  await page.locator('table').first().waitFor();
}

/** « Règles de calcul », reached from the footer, at the cancellation bands' examples. */
async function rules(page, base) {
  await page.goto(base);
  await page.locator('#app.apercu').waitFor({ state: 'detached' });
  await page.getByRole('link', { name: /^Règles de calcul/ }).click();
  await page.waitForURL(/regles/);
  await page.locator('#app.apercu').waitFor({ state: 'detached' });
  await page.locator('#regle-bareme').waitFor();
}

async function shoot(browser, base, { name, viewport, prepare, phone }) {
  const context = await browser.newContext({
    viewport, deviceScaleFactor: 1, locale: config.use.locale, timezoneId: config.use.timezoneId,
  });
  const page = await context.newPage();
  await prepare(page, base);
  if (phone && name === 'simulateur') {
    // Editing the trainees: the form fills the screen, the total bar sticks to its bottom.
    const modules = page.getByRole('group', { name: 'Modules' });
    await modules.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.getByRole('spinbutton', { name: 'Nombre de stagiaires' }).focus();
  } else {
    await page.evaluate(() => document.activeElement?.blur());
    const answer = {
      comparer: page.getByRole('heading', { name: 'Comparaison', exact: true }),
      regles: page.locator('#regle-bareme'),
    }[name] ?? page.locator('section.results');
    if (phone || name === 'regles') await answer.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    else await page.evaluate(() => window.scrollTo(0, 0));
  }
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(300);
  const file = path.join(out, `${name}-${viewport.width}.png`);
  // The rules page is long: its window at the bands, not the whole page.
  await page.screenshot({ path: file, fullPage: !phone && name !== 'regles' });
  await context.close();
  console.log(`screenshots: ${path.relative(ROOT, file)}`);
}

async function main() {
  await mkdir(out, { recursive: true });
  const server = await startServer({ [E2E_BASE]: dist });
  const base = `http://127.0.0.1:${server.address().port}${E2E_BASE}`;
  const browser = await chromium.launch(config.use.launchOptions);
  try {
    for (const [name, prepare] of [['simulateur', simulator], ['annulation', cancellation], ['comparer', comparison], ['regles', rules]]) {
      await shoot(browser, base, { name, viewport: PHONE, prepare, phone: true });
      await shoot(browser, base, { name, viewport: DESKTOP, prepare, phone: false });
    }
  } finally {
    await browser.close();
    server.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

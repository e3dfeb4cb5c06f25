#!/usr/bin/env node
// Smoke test of the release build in Safari's engine (WebKitGTK's MiniBrowser) and Firefox,
// through WebDriver: the `selenium-webdriver` npm package's plain HTTP client, pointed at
// the drivers that scripts/engines.sh starts on loopback ports (its Builder, which can
// look for or fetch a driver through Selenium Manager, is not used).
// The build (E2E_DIST) is served here by the plain static server of
// scripts/static-server.mjs under the sub-path E2E_BASE, as in the Playwright tests.
//
// Per engine, in a first browser session: the simulator's totals and a change of the number
// of trainees; a draft saved, listed and reopened; the cancellation screen with a result;
// the comparison screen when the build has one (src/ui/routes.json lists `/comparer`); no
// request off the local origin. Then, in a second session (a fresh profile), a page of
// another origin that embeds the simulator (integrer.js), and the share link read in the
// first one.
//
// Usage: node tests/engines/smoke.mjs ENGINE=DRIVER_PORT …   (engines: webkit, firefox)
// Prints a line per check, then "N passed, N failed"; exits 1 on any failure. On a
// failure, a screenshot goes to target/engines/ENGINE-CHECK.png.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../scripts/static-server.mjs';

const require = createRequire(import.meta.url);
const { WebDriver, Capabilities } = require('selenium-webdriver');
const { Executor, HttpClient } = require('selenium-webdriver/http');

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BASE = process.env.E2E_BASE || '/sous/chemin/';
const DIST = path.resolve(ROOT, process.env.E2E_DIST || 'target/e2e-dist');
const OUT = path.join(ROOT, 'target', 'engines');
const WAIT_MS = 15_000;

const MINIBROWSER = process.env.MINIBROWSER || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const FIREFOX = process.env.FIREFOX || '/usr/bin/firefox-esr';

/** The new-session capabilities of each engine. */
const ENGINES = {
  webkit: {
    'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
  },
  firefox: {
    browserName: 'firefox',
    'moz:firefoxOptions': { binary: FIREFOX, args: ['-headless'], prefs: { 'intl.accept_languages': 'fr-FR' } },
  },
};

// The default quote of the fixture catalogue (tests/fixtures/catalogue.json): the full
// course with certification for one trainee, 4 500 € HT, 5 400 € TTC; two trainees,
// 10 800 € TTC (as tests/e2e/simulator.spec.mjs and drafts.spec.mjs have it).
const DEFAULT_TTC = '5 400,00 €';
const TWO_TRAINEES_TTC = '10 800,00 €';

/** `s` with every run of spaces of any kind (U+00A0, U+202F…) folded to a plain space. */
const fold = (s) => String(s ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Polls `probe` until it returns a truthy value (returned), or throws `what` after WAIT_MS. */
async function until(what, probe, timeout = WAIT_MS) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}${last ? ` (${last.message.split('\n')[0]})` : ''}`);
    await sleep(100);
  }
}

/** Waits until `read()` returns `expected` (after folding); says what it last read otherwise. */
async function expectText(what, read, expected) {
  let seen;
  try {
    await until(what, async () => (seen = fold(await read())) === expected);
  } catch {
    throw new Error(`${what}: expected « ${expected} », read « ${seen} »`);
  }
}

/** The page helpers of one WebDriver session. */
function pageOf(driver, baseUrl) {
  const js = (fn, ...args) => driver.executeScript(`return (${fn}).apply(null, arguments)`, ...args);
  const page = {
    js,
    driver,
    async goto(address) {
      await driver.get(new URL(address, baseUrl).href);
    },
    url: () => driver.getCurrentUrl(),
    /** The element `css` matches (waits for it). */
    find: (css) => until(`« ${css} »`, () => js((s) => document.querySelector(s), css)),
    /** The folded text of the element `css` matches, or null. */
    text: (css) => js((s) => document.querySelector(s)?.textContent ?? null, css).then((t) => (t === null ? null : fold(t))),
    /** The figure shown by `testid` (spaces folded). */
    figure: (testid) => page.text(`[data-testid="${testid}"]`),
    async expectFigure(testid, value) {
      await expectText(testid, () => page.figure(testid), value);
    },
    /** The form control labelled `label` (its <label>'s text, spaces folded; waits for it). */
    control: (label) => until(`the field « ${label} »`, () => js((name) => {
      const f = (s) => s.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
      const l = [...document.querySelectorAll('label')].find((x) => f(x.textContent) === name);
      return l?.control ?? null;
    }, label)),
    /** The element matching `css` whose folded text is `name` (or starts with it, `prefix`). */
    byText: (css, name, { prefix = false } = {}) => until(`« ${name} » (${css})`, () => js((s, n, p) => {
      const f = (t) => t.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
      return [...document.querySelectorAll(s)].find((e) => (p ? f(e.textContent).startsWith(n) : f(e.textContent) === n)) ?? null;
    }, css, name, prefix)),
    click: (element) => element.click(),
    /** Types `value` into a text or number field, as a user would (clear, then keys). */
    async type(element, value) {
      await element.clear();
      await element.sendKeys(value);
      const now = await element.getProperty('value');
      if (now !== value) throw new Error(`typed « ${value} », the field holds « ${now} »`);
    },
    /**
     * Sets a date field: keys typed into <input type="date"> differ from engine to engine
     * (order of day, month, year; segments), so its value is set as the browser's date
     * picker does it, followed by `input` and `change` events.
     */
    async setDate(element, iso) {
      const now = await js((e, v) => {
        e.focus();
        e.value = v;
        e.dispatchEvent(new Event('input', { bubbles: true }));
        e.dispatchEvent(new Event('change', { bubbles: true }));
        e.blur();
        return e.value;
      }, element, iso);
      if (now !== iso) throw new Error(`date field holds « ${now} », not ${iso}`);
    },
    /** Waits until the app runs: its main landmark shown, the prerendered preview gone. */
    appRunning: () => until('the app to run', () => js(() => !!document.querySelector('main#contenu') && !document.querySelector('#app.apercu'))),
    /** Opens the app at the base address and follows the menu link `name`. */
    async openVia(name, tail) {
      await page.goto('');
      await page.appRunning();
      await page.click(await page.byText('nav[aria-label="Navigation principale"] a', name));
      await until(`the address …${BASE}${tail}`, async () => new URL(await page.url()).pathname === `${BASE}${tail}`);
      // The screen's page shows its prerendered view first; wait for its app.
      await page.appRunning();
    },
  };
  return page;
}

/** Whether the build has the comparison screen (being built on another branch). */
async function hasCompareScreen() {
  const routes = JSON.parse(await readFile(path.join(ROOT, 'src', 'ui', 'routes.json'), 'utf8'));
  return routes.screens.some((s) => s.path === '/comparer');
}

// ---------------------------------------------------------------------------------------
// The checks. Each starts from the app's base address; `state` carries the share link and
// the drafts' count from the first session to the second.
// ---------------------------------------------------------------------------------------

const FIRST_SESSION = [
  ['simulator: totals shown, then changed with 2 trainees', async (page, state) => {
    await page.openVia('Simulateur', 'simulateur');
    await page.expectFigure('total-ttc', DEFAULT_TTC);
    await page.type(await page.control('Nombre de stagiaires'), '2');
    await page.expectFigure('total-ttc', TWO_TRAINEES_TTC);
    state.link = await until('the share link', () => page.js(() => {
      const l = [...document.querySelectorAll('label')].find((x) => x.textContent.trim() === 'Lien de partage');
      return l?.control?.value.includes('?devis=') ? l.control.value : null;
    }));
  }],
  ['draft: saved from the simulator, listed, reopened with its total', async (page) => {
    await page.openVia('Simulateur', 'simulateur');
    await page.type(await page.control('Nombre de stagiaires'), '2');
    await page.expectFigure('total-ttc', TWO_TRAINEES_TTC);
    await page.click(await page.byText('button', 'Enregistrer le brouillon'));
    await until('the new draft\'s page', async () => new RegExp(`${BASE}brouillons/b[0-9-]+$`).test(new URL(await page.url()).pathname));
    await page.appRunning();
    await until('« enregistré » in the draft\'s status', async () => /enregistré/.test(await page.figure('statut-brouillon')));
    await page.click(await page.byText('nav[aria-label="Navigation principale"] a', 'Brouillons'));
    await until('the drafts page', async () => new URL(await page.url()).pathname === `${BASE}brouillons`);
    await page.appRunning();
    await until('one row in the drafts list', () => page.js(() => document.querySelectorAll('[data-testid="brouillon"]').length === 1));
    await page.expectFigure('brouillon-total', TWO_TRAINEES_TTC);
    await page.click(await page.byText('[data-testid="brouillon"] a', 'Ouvrir'));
    await until('the draft\'s page', async () => new RegExp(`${BASE}brouillons/b[0-9-]+$`).test(new URL(await page.url()).pathname));
    await page.expectFigure('brouillon-total-ttc', TWO_TRAINEES_TTC);
  }],
  ['cancellation: 4 000 € HT notified 4 May for 26 May 2026 → 50 %, 2 000,00 € HT', async (page) => {
    await page.openVia('Annulation', 'annulation');
    await page.setDate(await page.control('Date de début de la formation'), '2026-05-26');
    await page.setDate(await page.control('Date de notification'), '2026-05-04');
    await page.type(await page.control('Montant HT'), '4000');
    await page.expectFigure('taux-frais', '50 %');
    await page.expectFigure('frais-ht', '2 000,00 €');
  }],
  ['comparison: a heading and a table of two quotes with their total difference', async (page, state) => {
    if (!state.compare) return 'skipped: no /comparer screen in src/ui/routes.json';
    await page.goto('comparer/');
    await page.appRunning();
    await until('the page\'s h1', async () => (await page.text('h1'))?.length > 0);
    // At least three header cells (the row labels, then a column per quote), and a row whose
    // label starts with "Total" holding at least three amounts in euros: the two quotes'
    // totals and their difference.
    await until('a table of two quotes with a total difference', () => page.js(() => {
      const f = (s) => s.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
      return [...document.querySelectorAll('table')].some((t) => {
        const head = t.querySelector('thead tr') ?? t.querySelector('tr');
        const total = [...t.querySelectorAll('tr')].find((r) => /^Total/.test(f(r.cells[0]?.textContent ?? '')));
        const amounts = total ? f(total.textContent).match(/\d,\d\d €/g) ?? [] : [];
        return head && head.cells.length >= 3 && amounts.length >= 3;
      });
    }));
  }],
  ['no request left the local origin', async (page) => {
    const foreign = await page.js(() => performance.getEntriesByType('resource').map((e) => e.name)
      .filter((u) => !u.startsWith(location.origin) && !u.startsWith('data:') && !u.startsWith('blob:')));
    if (foreign.length) throw new Error(`requests elsewhere: ${foreign.join(', ')}`);
  }],
];

// The embedded simulator: a page of another origin (state.host) holds integrer.js's snippet.
const EMBEDDED = ['embedded: a page of another origin frames the simulator, at its height', async (page, state) => {
  await page.goto(state.host);
  const frame = await page.find('iframe');
  // The frame is lazy: in view at once here. Its height follows the framed page's.
  await page.driver.switchTo().frame(frame);
  try {
    await page.appRunning();
    await page.expectFigure('total-ttc', DEFAULT_TTC);
    const inside = await page.js(() => ({
      header: getComputedStyle(document.querySelector('.site-header')).display,
      height: Math.ceil(document.documentElement.getBoundingClientRect().height),
    }));
    if (inside.header !== 'none') throw new Error(`the framed page shows the site's header (${inside.header})`);
    state.framed = inside.height;
  } finally {
    await page.driver.switchTo().defaultContent();
  }
  await until(`the frame at the screen's height (${state.framed} px)`, () => page.js(
    (h) => Math.abs(document.querySelector('iframe').getBoundingClientRect().height - h) <= 1, state.framed));
}];

const SECOND_SESSION = [
  EMBEDDED,
  ['share link: opened in a fresh session, the same totals', async (page, state) => {
    if (!state.link) throw new Error('no share link was read in the first session');
    await page.goto(state.link);
    await page.appRunning();
    await until('the simulator', async () => new URL(await page.url()).pathname === `${BASE}simulateur`);
    await page.expectFigure('total-ttc', TWO_TRAINEES_TTC);
    const trainees = await page.js(() => document.getElementById('stagiaires')?.value);
    if (trainees !== '2') throw new Error(`« Nombre de stagiaires » reads « ${trainees} », not 2`);
    // A fresh profile: none of the first session's drafts is there.
    const drafts = await page.js(() => JSON.parse(localStorage.getItem('cosens.brouillons') || '{"drafts":[]}').drafts.length);
    if (drafts !== 0) throw new Error(`the new session is not a fresh profile: ${drafts} drafts stored`);
  }],
];

// ---------------------------------------------------------------------------------------

const results = [];

async function waitForDriver(port) {
  await until(`the driver on port ${port}`, async () => {
    const res = await fetch(`http://127.0.0.1:${port}/status`);
    return res.ok && (await res.json()).value?.ready !== false;
  }, 30_000);
}

/**
 * `promise`, or an error once `ms` have passed: a WebDriver call that never answers (a
 * browser that did not start, or hangs on closing) fails what it was for instead of holding
 * the whole run (seen once: a WebKit session that neither started nor failed).
 */
function bounded(promise, ms, what) {
  let timer;
  const late = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer after ${ms / 1000} s: ${what}`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

const SESSION_START_MS = 60_000;
const SESSION_QUIT_MS = 15_000;

/** A new session of `engine` on the driver at `port`: two tries, each bounded. */
async function newSession(engine, port) {
  let last;
  for (let attempt = 1; attempt <= 2; attempt += 1) {
    const executor = new Executor(new HttpClient(`http://127.0.0.1:${port}/`));
    const driver = WebDriver.createSession(executor, new Capabilities(ENGINES[engine]));
    try {
      await bounded(driver.getSession(), SESSION_START_MS, `a new ${engine} session`);
      return driver;
    } catch (e) {
      last = e;
      console.log(`[${engine}] session not started (try ${attempt}): ${e.message.split('\n')[0]}`);
    }
  }
  throw last;
}

async function runSession(engine, port, baseUrl, checks, state) {
  let driver;
  const started = Date.now();
  try {
    driver = await newSession(engine, port);
  } catch (e) {
    for (const [name] of checks) record(engine, name, 'failed', `no browser session: ${e.message.split('\n')[0]}`, 0);
    return;
  }
  console.log(`[${engine}] session started in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const page = pageOf(driver, baseUrl);
  try {
    await driver.manage().window().setRect({ width: 1280, height: 900 }).catch(() => {});
    for (const [name, check] of checks) {
      const t0 = Date.now();
      try {
        const note = await check(page, state);
        record(engine, name, note?.startsWith('skipped') ? 'skipped' : 'passed', note, Date.now() - t0);
      } catch (e) {
        record(engine, name, 'failed', e.message.split('\n')[0], Date.now() - t0);
        const file = path.join(OUT, `${engine}-${name.split(':')[0].replace(/\W+/g, '-')}.png`);
        await driver.takeScreenshot().then((png) => writeFile(file, png, 'base64')).catch(() => {});
      }
    }
  } finally {
    await bounded(driver.quit(), SESSION_QUIT_MS, `closing the ${engine} session`).catch(() => {});
  }
}

function record(engine, name, outcome, note, ms) {
  results.push(outcome);
  const word = { passed: 'ok', failed: 'FAILED', skipped: 'skipped' }[outcome];
  const detail = note && outcome !== 'skipped' ? ` — ${note}` : note ? ` — ${note.replace(/^skipped: /, '')}` : '';
  console.log(`[${engine}] ${word}: ${name} (${(ms / 1000).toFixed(1)} s)${detail}`);
}

async function main() {
  const targets = process.argv.slice(2).map((a) => a.split('='));
  if (!targets.length || targets.some(([e, p]) => !ENGINES[e] || !Number(p))) {
    throw new Error(`usage: smoke.mjs ENGINE=DRIVER_PORT … (engines: ${Object.keys(ENGINES).join(', ')})`);
  }
  await mkdir(OUT, { recursive: true });
  await readFile(path.join(DIST, 'index.html')).catch(() => {
    throw new Error(`no build in ${DIST} (scripts/test.sh makes one)`);
  });
  const server = await startServer({ [BASE]: DIST });
  const baseUrl = `http://127.0.0.1:${server.address().port}${BASE}`;
  // A partner's page on another origin (another port) holding the embedding snippet.
  const hostServer = await startServer({}, { pages: { '/partenaire.html': `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Partenaire</title></head><body><main><h1>Partenaire</h1><script src="${baseUrl}integrer.js" data-ecran="simulateur" async></script></main></body></html>` } });
  const host = `http://127.0.0.1:${hostServer.address().port}/partenaire.html`;
  const compare = await hasCompareScreen();
  console.log(`engines smoke: ${DIST} at ${baseUrl}${compare ? '' : ' (no /comparer screen: that check is skipped)'}`);
  try {
    for (const [engine, port] of targets) {
      const t0 = Date.now();
      const state = { compare, host };
      try {
        await waitForDriver(Number(port));
      } catch (e) {
        for (const [name] of [...FIRST_SESSION, ...SECOND_SESSION]) record(engine, name, 'failed', e.message, 0);
        continue;
      }
      await runSession(engine, Number(port), baseUrl, FIRST_SESSION, state);
      await runSession(engine, Number(port), baseUrl, SECOND_SESSION, state);
      console.log(`[${engine}] done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    }
  } finally {
    server.close();
    hostServer.close();
  }
  const count = (o) => results.filter((r) => r === o).length;
  const skipped = count('skipped');
  console.log(`${count('passed')} passed, ${count('failed')} failed${skipped ? `, ${skipped} skipped` : ''}`);
  process.exitCode = count('failed') || !results.length ? 1 : 0;
}

main()
  .catch((e) => {
    console.error(`engines smoke: ${e.message}`);
    console.log('0 passed, 1 failed');
    process.exitCode = 1;
  })
  // A WebDriver request left without an answer (see `bounded`) keeps its socket open: end
  // the process anyway, once its output has had time to go out.
  .finally(() => setTimeout(() => process.exit(), 2_000).unref());

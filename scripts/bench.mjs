#!/usr/bin/env node
// Performance benchmark of the release build, run by hand (not a test): it measures and
// prints, it asserts nothing.
//
// Usage, after a release build under the sub-path — `scripts/test.sh` makes one, or:
//   source scripts/env.sh && node scripts/build.mjs --public-url /sous/chemin/ --dist target/e2e-dist
// then:
//   node scripts/bench.mjs [--dist DIR] [--runs N] [--keys N] [--draft-runs N]
//
//   --dist DIR        the build to serve (default target/e2e-dist, built with
//                     --public-url /sous/chemin/)
//   --runs N          cold loads of the app and of the static page (default 20)
//   --keys N          keystrokes in the simulator (default 100)
//   --draft-runs N    rounds of four cold loads with 500 drafts stored and with none
//                     (default 10)
//
// The build is a set of pages, one per screen (index.html for the catalogue,
// simulateur/index.html, brouillons/index.html…), each with its screen prerendered in
// `<div id="app" class="apercu">` (controls disabled) and each loading its page group's own
// wasm. The app renders offstage, then replaces the preview: "app running" below always
// means that the page's `#app.apercu` is gone. A link to another page group is a page load.
//
// What it does, in Debian's headless Chromium (/usr/bin/chromium, never downloaded):
//  1. serves the build under E2E_BASE (/sous/chemin/) with a plain in-process static
//     server (no rewrite rule), and beside it /statique/: the catalogue as the app
//     rendered it, saved as plain HTML with the same stylesheet and no script — the floor
//     no app can beat;
//  2. cold loads (a new browser context each time, service workers blocked) of the
//     catalogue page and of the static page, interleaved. A probe installed before any
//     script of each page (MutationObserver, plus a check on each resource load and each
//     frame) records, in ms since that page's navigation start:
//     - first contentful paint;
//     - "catalogue rendered": main#contenu h1 present, visible, every stylesheet loaded
//       (in the app, the prerendered preview), and the second animation frame after it;
//     - "app running", in the app only: the catalogue's preview is gone (no #app.apercu),
//       and then "search works": in the task after that, the probe types a search
//       ("referentiel", an input event on #recherche) and waits until the result count
//       ([data-testid=nombre-modules]) changes (typed again every 100 ms should the app
//       not answer yet);
//     - "usable", in the app only: once the search works, Playwright clicks « Simulateur »
//       in the menu, which loads the simulator's page (simulateur/index.html). Measured
//       from the click (its time in the catalogue page, performance.timeOrigin + now,
//       handed over in sessionStorage) and from the simulator page's navigation start:
//       the simulator page's navigation start; its prerendered total TTC shown (visible,
//       styled); its app running (no #app.apercu, [data-testid=total-ttc] in the app);
//       "usable": the simulator page's app runs AND a first input changed its total TTC —
//       in the task after the preview is gone, the probe sets « Nombre de stagiaires »
//       (input#stagiaires) to another value by an input event, and "usable" is when the
//       text of [data-testid=total-ttc] changes (any start-up task the app still has
//       queued is waited for; the input is made again every 100 ms with another value
//       should the app not answer yet, the number of inputs is kept in target/bench.json);
//  3. keystroke latency, on the simulator's page once its app runs: « Nombre de
//     stagiaires » set to another value from 1 to 50 by an input event, until the total
//     TTC's text changes (DOM) and until the next frame;
//  4. 500 drafts in localStorage (built from one draft saved through the simulator), set
//     from a blank page of the same origin before each cold load, so the app's files are
//     still uncached. Each round makes four cold loads, with 500 drafts stored and with
//     none:
//     - of the catalogue, until its app runs (no #app.apercu; reported too, with 500
//       drafts stored and with none: does the catalogue's start read them?), then the click on
//       « Brouillons » (a page load of brouillons/index.html) until the drafts page's app
//       runs and lists the 500 drafts (500 [data-testid=brouillon] rows), or shows
//       « Aucun brouillon » ([data-testid=aucun-brouillon]) when none is stored: since the
//       click and since that page's navigation start;
//     - of brouillons/ itself, until its app runs with that same list shown;
//  5. prints a summary and writes every figure to target/bench.json.
// The machine may be busy: figures are noisy, compare medians of several runs.
import { createHash } from 'node:crypto';
import { readFile, stat, mkdir, writeFile, copyFile, rm } from 'node:fs/promises';
import path from 'node:path';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import config from '../playwright.config.mjs';
import { E2E_BASE as BASE } from './e2e-serve.mjs';
import { startServer } from './static-server.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const STATIC_BASE = '/statique/';
const BLANK = '/__bench/blank.html';
const STORAGE_KEY = 'cosens.brouillons';
const MAX_DRAFTS = 500; // src/domain/draft.rs
const TRAINEES_MAX = 50; // data/catalogue.json prices.trainees_max
const WAIT_MS = 30_000;
/** Where the probe hands the time of the last click over to the next page of the tab. */
const CLICK_KEY = '__bench.click';

// ------------------------------------------------------------------------------------
// Options
// ------------------------------------------------------------------------------------

function parseArgs(argv) {
  const opts = { dist: path.join(ROOT, 'target/e2e-dist'), runs: 20, keys: 100, draftRuns: 10 };
  const int = (name, v) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1) throw new Error(`${name} attend un entier positif, pas « ${v} »`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [key, inline] = a.includes('=') ? a.split(/=(.*)/s, 2) : [a, undefined];
    const value = () => inline ?? argv[++i];
    switch (key) {
      case '--dist': opts.dist = path.resolve(value()); break;
      case '--runs': opts.runs = int('--runs', value()); break;
      case '--keys': opts.keys = int('--keys', value()); break;
      case '--draft-runs': opts.draftRuns = int('--draft-runs', value()); break;
      case '-h': case '--help':
        console.log('node scripts/bench.mjs [--dist DIR] [--runs N] [--keys N] [--draft-runs N]');
        process.exit(0);
      default: throw new Error(`option inconnue : ${a}`);
    }
  }
  return opts;
}

// ------------------------------------------------------------------------------------
// Static file server
// ------------------------------------------------------------------------------------

/** Paths answered 404, reported at the end. */
const notFound = new Set();

// ------------------------------------------------------------------------------------
// In-page probes
// ------------------------------------------------------------------------------------

/**
 * Installed before any script of every page of the context (each page load runs it anew).
 * `pages` is a list of { name, path (a RegExp source matched against location.pathname as
 * the page is loaded), watch }; the first page that matches says what to watch, and its
 * name goes to window.__bench.page.
 *
 * Records in window.__bench.marks[name] the performance.now() at which each watched
 * selector is first present (at least `count` matches) and visible with the stylesheets
 * loaded, seen by a MutationObserver on the document (also checked on each resource load
 * and each frame, should a stylesheet or a change of style alone reveal it), and in
 * marks[name + 'Frame'] the time of the second animation frame after that (the frame
 * showing it has been produced).
 *
 * A watched entry with `poke` ({ name, input, target, kind: 'number' | values }) then
 * acts as a reader would, in a task of its own right after the mark: it sets the `input`
 * element to another value (for `number`: the next one of 1..TRAINEES_MAX; else the first
 * of `values` different from the current one) by an input event, and records in
 * marks[poke.name] the time at which the text of `target` has changed (and
 * marks[poke.name + 'Frame'] the second frame after it), in marks[poke.name + 'Poked'] the
 * time of the first input event, in marks[poke.name + 'Tries'] how many were needed:
 * without a change within 100 ms it tries again with another value (at most 300 times).
 *
 * Also records every click (capture phase) in window.__bench.clicks, and the last one's
 * absolute time (performance.timeOrigin + now) in sessionStorage, for the next page.
 */
function probe({ pages, clickKey, traineesMax }) {
  const page = pages.find((p) => new RegExp(p.path).test(location.pathname)) || { name: null, watch: [] };
  const watch = page.watch;
  const bench = (window.__bench = { page: page.name, path: location.pathname, marks: {}, clicks: [], origin: performance.timeOrigin });
  addEventListener('click', () => {
    const t = performance.now();
    bench.clicks.push(t);
    try { sessionStorage.setItem(clickKey, String(performance.timeOrigin + t)); } catch { /* storage blocked */ }
  }, true);
  const frameMark = (name) =>
    requestAnimationFrame(() => requestAnimationFrame(() => { bench.marks[name + 'Frame'] = performance.now(); }));
  // Visible, with every stylesheet of the page loaded (a parser-inserted heading is not
  // "rendered" while the render-blocking stylesheet is still on its way).
  const visible = (el) => {
    for (const link of document.querySelectorAll('link[rel="stylesheet"]')) if (!link.sheet) return false;
    if (el.checkVisibility && !el.checkVisibility()) return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  };
  const poke = (p) => {
    let tries = 0;
    let waits = 0;
    const text = () => document.querySelector(p.target)?.textContent ?? null;
    const attempt = () => {
      const input = document.querySelector(p.input);
      if (!input || input.disabled) { // not there yet: look again
        if (++waits < 300) setTimeout(attempt, 100);
        return;
      }
      const before = text();
      let done = false;
      const finish = () => {
        done = true;
        observer.disconnect();
        clearTimeout(timer);
        bench.marks[p.name] = performance.now();
        bench.marks[p.name + 'Tries'] = tries;
        frameMark(p.name);
      };
      const observer = new MutationObserver(() => {
        const now = text();
        if (!done && now !== null && now !== before) finish();
      });
      observer.observe(document, { childList: true, subtree: true, characterData: true });
      const timer = setTimeout(() => {
        if (done) return;
        observer.disconnect();
        bench.marks[p.name + 'Tries'] = tries;
        if (tries < 300) attempt();
      }, 100);
      const current = input.value;
      const next = p.kind === 'number'
        ? String(((Number(current) || 0) % traineesMax) + 1)
        : p.values.find((v) => v !== current) ?? p.values[0];
      tries++;
      input.value = next;
      if (bench.marks[p.name + 'Poked'] === undefined) bench.marks[p.name + 'Poked'] = performance.now();
      input.dispatchEvent(new Event('input', { bubbles: true }));
      const now = text();
      if (now !== null && now !== before) finish(); // updated synchronously
    };
    setTimeout(attempt, 0);
  };
  let observer = null;
  const check = () => {
    let pending = 0;
    for (const w of watch) {
      if (bench.marks[w.name] !== undefined) continue;
      const found = document.querySelectorAll(w.selector);
      if (found.length >= (w.count || 1) && visible(found[0])) {
        bench.marks[w.name] = performance.now();
        frameMark(w.name);
        if (w.poke) poke(w.poke);
      } else pending++;
    }
    if (!pending && observer) { observer.disconnect(); observer = null; }
    return pending;
  };
  if (!watch.length) return;
  observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
  addEventListener('load', () => { if (observer) check(); }, true); // a stylesheet loaded
  const frame = () => { if (check()) requestAnimationFrame(frame); };
  requestAnimationFrame(frame);
}

const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/** The RegExp source matching the page of `folder` under `base`, with or without its slash. */
const pagePath = (folder, base = BASE) =>
  folder ? `^${escapeRegExp(base + folder)}/?$` : `^${escapeRegExp(base)}(index\\.html)?$`;

/** In the app: the running app (the page's preview is gone) holds `selector`. */
const inApp = (selector) => `#app:not(.apercu) ${selector}`;

const RENDERED = { name: 'rendered', selector: 'main#contenu h1' };
/** The catalogue's app runs, then a typed search changes the result count. */
const CATALOGUE_RUNNING = {
  name: 'running',
  selector: inApp('main#contenu h1'),
  poke: {
    name: 'search',
    input: inApp('input#recherche'),
    target: inApp('[data-testid="nombre-modules"]'),
    values: ['referentiel', ''],
  },
};
/** The catalogue's app runs (nothing typed). */
const CATALOGUE_RUNNING_QUIET = { name: 'running', selector: inApp('main#contenu h1') };

/** What to watch on the app's pages in a cold load (catalogue, then the simulator's page). */
const APP_PAGES = [
  { name: 'catalogue', path: pagePath(''), watch: [RENDERED, CATALOGUE_RUNNING] },
  {
    name: 'simulator',
    path: pagePath('simulateur'),
    watch: [
      // The prerendered total first, then the app's own.
      { name: 'shown', selector: '[data-testid="total-ttc"]' },
      {
        name: 'running',
        selector: inApp('[data-testid="total-ttc"]'),
        poke: {
          name: 'usable',
          input: inApp('input#stagiaires'),
          target: inApp('[data-testid="total-ttc"]'),
          kind: 'number',
        },
      },
    ],
  },
];
const STATIC_PAGES = [{ name: 'static', path: pagePath('', STATIC_BASE), watch: [RENDERED] }];

/** The drafts page's app runs and shows `count` drafts (the « Aucun brouillon » notice for 0). */
const draftsPages = (count) => [
  { name: 'catalogue', path: pagePath(''), watch: [CATALOGUE_RUNNING_QUIET] },
  {
    name: 'drafts',
    path: pagePath('brouillons'),
    watch: [
      { name: 'running', selector: inApp('main#contenu h1') },
      count
        ? { name: 'list', selector: inApp('[data-testid="brouillon"]'), count }
        : { name: 'list', selector: inApp('[data-testid="aucun-brouillon"]') },
    ],
  },
];

// ------------------------------------------------------------------------------------
// Statistics
// ------------------------------------------------------------------------------------

const sorted = (xs) => [...xs].sort((a, b) => a - b);
function median(xs) {
  if (!xs.length) return null;
  const s = sorted(xs);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
/** Nearest-rank percentile. */
function pct(xs, p) {
  if (!xs.length) return null;
  const s = sorted(xs);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}
function summary(xs) {
  const v = xs.filter((x) => typeof x === 'number' && Number.isFinite(x));
  if (!v.length) return { n: 0, median: null, min: null, max: null, p95: null };
  const r = (x) => Math.round(x * 10) / 10;
  return { n: v.length, median: r(median(v)), min: r(Math.min(...v)), max: r(Math.max(...v)), p95: r(pct(v, 95)) };
}
const fmt = (x) => (x === null || x === undefined ? '—' : `${x.toFixed(1)} ms`);
const ratio = (a, b) => (a && b ? Math.round((a / b) * 100) / 100 : null);
const num = (x) => (typeof x === 'number' && Number.isFinite(x) ? x.toFixed(0) : '—');

// ------------------------------------------------------------------------------------
// Browser helpers
// ------------------------------------------------------------------------------------

const problems = [];

async function freshPage(browser, pages) {
  const context = await browser.newContext({ serviceWorkers: 'block', locale: config.use.locale, timezoneId: config.use.timezoneId });
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  if (pages) await page.addInitScript(probe, { pages, clickKey: CLICK_KEY, traineesMax: TRAINEES_MAX });
  return { context, page };
}

/** Waits until the page loaded as `pageName` (see probe) has every mark of `names`. */
const waitMarks = (page, pageName, ...names) =>
  page.waitForFunction(([p, ns]) => window.__bench?.page === p && ns.every((n) => window.__bench.marks[n] !== undefined),
    [pageName, names], { timeout: WAIT_MS, polling: 'raf' });
/**
 * The marks of the page loaded as `pageName`, with its time origin and the absolute time of
 * the last click handed over by the page before it (NaN when none).
 */
const pageState = (page, pageName) => page.evaluate(([p, key]) => {
  if (window.__bench?.page !== p) throw new Error(`expected the ${p} page, at ${location.href}`);
  return { marks: { ...window.__bench.marks }, origin: performance.timeOrigin, clickAt: Number(sessionStorage.getItem(key) ?? NaN) };
}, [pageName, CLICK_KEY]);
const fcp = async (page) => {
  await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0,
    null, { timeout: WAIT_MS, polling: 100 });
  return page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0].startTime);
};
const nav = (page) => page.getByRole('navigation', { name: 'Navigation principale' });
const navLink = (page, name) => nav(page).getByRole('link', { name, exact: true });
/** Waits until the page's app runs: its prerendered preview is gone. */
const appRunning = (page) => page.locator('#app.apercu').waitFor({ state: 'detached', timeout: WAIT_MS });

/**
 * Times of `state`'s marks `names` since the click handed over to its page (the click's
 * absolute time against the page's time origin plus the mark), as { [name]: ms }.
 */
function sinceClick(state, names) {
  const out = {};
  for (const n of names) out[n] = state.origin + state.marks[n] - state.clickAt;
  return out;
}

/**
 * One cold load of `url`: FCP and catalogue rendered; for the app, its running app and a
 * search that works, then the click on « Simulateur » until the simulator page's app runs
 * and its total TTC answers an input.
 */
async function coldLoad(browser, url, { simulator }) {
  const { context, page } = await freshPage(browser, simulator ? APP_PAGES : STATIC_PAGES);
  const home = simulator ? 'catalogue' : 'static';
  try {
    await page.goto(url, { waitUntil: 'commit' });
    await waitMarks(page, home, 'rendered');
    const out = { fcp: await fcp(page) };
    // The catalogue's marks, before its page is left.
    await waitMarks(page, home, ...(simulator ? ['rendered', 'renderedFrame', 'running', 'search'] : ['rendered', 'renderedFrame']));
    const cat = await pageState(page, home);
    out.rendered = cat.marks.rendered;
    out.renderedFrame = cat.marks.renderedFrame;
    if (simulator) {
      out.running = cat.marks.running;
      out.search = cat.marks.search;
      out.searchTries = cat.marks.searchTries;
      await navLink(page, 'Simulateur').click();
      await waitMarks(page, 'simulator', 'shown', 'running', 'usable', 'usableFrame');
      const sim = await pageState(page, 'simulator');
      if (!Number.isFinite(sim.clickAt)) throw new Error('no click handed over to the simulator page');
      const since = sinceClick(sim, ['shown', 'running', 'usable', 'usableFrame']);
      out.sim = {
        // ms since the simulator page's navigation start
        shown: sim.marks.shown, running: sim.marks.running, usable: sim.marks.usable,
        usableFrame: sim.marks.usableFrame, poked: sim.marks.usablePoked, tries: sim.marks.usableTries,
        // ms since the click on « Simulateur »
        navStartSinceClick: sim.origin - sim.clickAt,
        shownSinceClick: since.shown, runningSinceClick: since.running,
        usableSinceClick: since.usable, usableFrameSinceClick: since.usableFrame,
      };
    }
    return out;
  } finally {
    await context.close();
  }
}

// ------------------------------------------------------------------------------------
// The static page
// ------------------------------------------------------------------------------------

/** Loads the catalogue's page until its app runs and saves it as a page without any script. */
async function makeStaticPage(browser, origin, dist, dir) {
  const { context, page } = await freshPage(browser, null);
  try {
    await page.goto(origin + BASE, { waitUntil: 'load' });
    await appRunning(page);
    await page.locator('main#contenu h1').waitFor({ state: 'visible', timeout: WAIT_MS });
    await page.waitForLoadState('networkidle');
    const { html, css } = await page.evaluate(() => {
      const root = document.documentElement.cloneNode(true);
      root.querySelectorAll('script, link[rel="modulepreload"], link[rel="preload"], meta[http-equiv="Content-Security-Policy" i], base')
        .forEach((e) => e.remove());
      let css = null;
      for (const link of root.querySelectorAll('link[href]')) {
        const resolved = new URL(link.getAttribute('href'), document.baseURI);
        if (link.rel === 'stylesheet') {
          css = resolved.pathname;
          link.setAttribute('href', resolved.pathname.split('/').pop());
          link.removeAttribute('integrity');
        } else {
          // Icons and manifest: where the app has them (path only).
          link.setAttribute('href', resolved.pathname);
        }
      }
      return { html: '<!DOCTYPE html>\n' + root.outerHTML, css };
    });
    if (!css) throw new Error('the rendered app has no stylesheet link');
    if (!/<main[^>]*id="contenu"[\s\S]*<h1/.test(html)) throw new Error('the rendered catalogue has no main#contenu h1');
    if (/<script/i.test(html)) throw new Error('a script is left in the static page');
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    const cssName = css.split('/').pop();
    await copyFile(path.join(dist, decodeURIComponent(css.slice(BASE.length))), path.join(dir, cssName));
    await writeFile(path.join(dir, 'index.html'), html);
    return { bytes: Buffer.byteLength(html), css: cssName };
  } finally {
    await context.close();
  }
}

// ------------------------------------------------------------------------------------
// Keystrokes
// ------------------------------------------------------------------------------------

/** In the page: sets the trainees to each of `values`, timing DOM update and next frame. */
function typeTrainees(values) {
  const input = document.querySelector('input#stagiaires');
  const results = document.querySelector('section.results');
  const totalText = () => document.querySelector('[data-testid="total-ttc"]')?.textContent ?? null;
  const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  const idle = () => new Promise((r) => setTimeout(r, 30));
  return (async () => {
    const out = [];
    for (const v of values) {
      await idle();
      const before = totalText();
      const { t0, t1, timedOut } = await new Promise((resolve) => {
        let t0 = 0;
        let done = false;
        const finish = (timedOut) => {
          if (done) return;
          done = true;
          observer.disconnect();
          clearTimeout(timer);
          resolve({ t0, t1: performance.now(), timedOut });
        };
        const observer = new MutationObserver(() => {
          const now = totalText();
          if (now !== null && now !== before) finish(false);
        });
        observer.observe(results, { childList: true, subtree: true, characterData: true });
        const timer = setTimeout(() => finish(true), 5000);
        input.value = String(v);
        t0 = performance.now();
        input.dispatchEvent(new Event('input', { bubbles: true }));
        const now = totalText();
        if (now !== null && now !== before) finish(false); // updated synchronously
      });
      await frame();
      const t2 = performance.now();
      out.push({ value: v, dom: t1 - t0, frame: t2 - t0, timedOut, total: totalText() });
    }
    return out;
  })();
}

/** Loads the simulator's page until its app runs, then times `n` keystrokes (+5 warm-up). */
async function keystrokes(browser, origin, n) {
  const { context, page } = await freshPage(browser, null);
  try {
    await page.goto(origin + BASE + 'simulateur/');
    await appRunning(page);
    await page.locator('[data-testid="total-ttc"]').waitFor({ state: 'visible', timeout: WAIT_MS });
    const start = Number(await page.locator('input#stagiaires').inputValue()) || 1;
    // 17 is prime to 50: every value of 1..50 comes, never twice in a row.
    const seq = (count, from) => Array.from({ length: count }, (_, i) => ((from - 1 + (i + 1) * 17) % TRAINEES_MAX) + 1);
    const warm = seq(5, start);
    await page.evaluate(typeTrainees, warm);
    const samples = await page.evaluate(typeTrainees, seq(n, warm[warm.length - 1]));
    return samples;
  } finally {
    await context.close();
  }
}

// ------------------------------------------------------------------------------------
// Drafts
// ------------------------------------------------------------------------------------

/** Saves one draft through the simulator's page (its app running) and returns the stored document. */
async function sampleStore(browser, origin) {
  const { context, page } = await freshPage(browser, null);
  try {
    await page.goto(origin + BASE + 'simulateur/');
    await appRunning(page);
    await page.locator('[data-testid="total-ttc"]').waitFor({ state: 'visible', timeout: WAIT_MS });
    await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await page.getByTestId('statut-enregistrement').filter({ hasText: 'enregistré' }).waitFor({ timeout: WAIT_MS });
    const raw = await page.evaluate((k) => localStorage.getItem(k), STORAGE_KEY);
    if (!raw) throw new Error(`nothing stored under ${STORAGE_KEY} after "Enregistrer le brouillon"`);
    return JSON.parse(raw);
  } finally {
    await context.close();
  }
}

/** A version-1 store of `n` distinct drafts modelled on the one in `sample`. */
function buildStore(sample, n) {
  if (sample?.version !== 1 || !Array.isArray(sample.drafts) || sample.drafts.length !== 1) {
    throw new Error(`unexpected stored document: ${JSON.stringify(sample).slice(0, 300)}`);
  }
  const model = sample.drafts[0];
  const keys = Object.keys(model).sort().join(',');
  if (keys !== 'created,enrolment,form,id,name,updated') throw new Error(`unexpected draft keys: ${keys}`);
  const newest = Date.parse(model.updated) || Date.now();
  const drafts = Array.from({ length: n }, (_, i) => {
    const when = new Date(newest - i * 60_000).toISOString(); // distinct, newest first
    const d = structuredClone(model);
    d.id = `bench-${String(i + 1).padStart(4, '0')}`; // A–Z a–z 0–9 - _, at most 64
    d.name = `Brouillon de mesure n° ${i + 1}`;
    d.created = when;
    d.updated = when;
    if (typeof d.form?.trainees === 'string') d.form.trainees = String((i % TRAINEES_MAX) + 1);
    return d;
  });
  return { version: 1, drafts };
}


/**
 * A cold load with `json` stored (set from a blank page of the same origin first, so that
 * the app's files are still uncached; null: nothing stored), `count` drafts in it. `via`:
 * 'click' loads the catalogue until its app runs, then clicks « Brouillons » (a page load);
 * 'load' loads brouillons/ itself. Either way, until the drafts page's app runs and shows
 * the `count` drafts (the « Aucun brouillon » notice for none).
 */
async function draftsRun(browser, origin, json, count, via) {
  const { context, page } = await freshPage(browser, draftsPages(count));
  try {
    await page.goto(origin + BLANK);
    await page.evaluate(([k, v]) => { if (v === null) localStorage.removeItem(k); else localStorage.setItem(k, v); }, [STORAGE_KEY, json]);
    const out = {};
    if (via === 'click') {
      await page.goto(origin + BASE, { waitUntil: 'commit' });
      await waitMarks(page, 'catalogue', 'running');
      out.catalogueRunning = (await pageState(page, 'catalogue')).marks.running;
      const notice = await page.getByTestId('avis-stockage').count();
      if (notice) problems.push(`drafts: storage notice shown on the catalogue: ${await page.getByTestId('avis-stockage').first().innerText()}`);
      await navLink(page, 'Brouillons').click();
    } else {
      await page.goto(origin + BASE + 'brouillons/', { waitUntil: 'commit' });
    }
    await waitMarks(page, 'drafts', 'running', 'list', 'listFrame');
    const drafts = await pageState(page, 'drafts');
    // ms since the drafts page's navigation start
    out.running = drafts.marks.running;
    out.list = drafts.marks.list;
    out.listFrame = drafts.marks.listFrame;
    if (via === 'click') {
      if (!Number.isFinite(drafts.clickAt)) throw new Error('no click handed over to the drafts page');
      const since = sinceClick(drafts, ['running', 'list', 'listFrame']);
      out.navStartSinceClick = drafts.origin - drafts.clickAt;
      out.runningSinceClick = since.running;
      out.listSinceClick = since.list;
      out.listFrameSinceClick = since.listFrame;
    }
    out.rows = await page.getByTestId('brouillon').count();
    const notice = await page.getByTestId('avis-stockage').count();
    if (notice) problems.push(`drafts: storage notice shown on the drafts page: ${await page.getByTestId('avis-stockage').first().innerText()}`);
    return out;
  } finally {
    await context.close();
  }
}

// ------------------------------------------------------------------------------------
// Main
// ------------------------------------------------------------------------------------

async function retrying(label, fn, failures) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (e) {
      failures.push(`${label}: ${e.message.split('\n')[0]}`);
      console.error(`  ! ${label} failed (${e.message.split('\n')[0]})${attempt < 2 ? ', retrying' : ''}`);
      if (attempt >= 2) return null;
    }
  }
}

/** The pages the benchmark loads, hashed: they name the build's files. */
const PAGE_FILES = ['index.html', 'simulateur/index.html', 'brouillons/index.html'];
async function fingerprint(dist) {
  const hash = createHash('sha256');
  for (const f of PAGE_FILES) hash.update(await readFile(path.join(dist, f), 'utf8'));
  return hash.digest('hex').slice(0, 16);
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  for (const f of PAGE_FILES) {
    if (!(await stat(path.join(opts.dist, f)).catch(() => null))) {
      console.error(`No ${f} in ${opts.dist}. Build the pages first:\n  source scripts/env.sh && node scripts/build.mjs --public-url ${BASE} --dist target/e2e-dist`);
      process.exit(2);
    }
  }
  const distPrint = await fingerprint(opts.dist);
  const staticDir = path.join(ROOT, 'target/bench-static');
  const server = await startServer({ [BASE]: opts.dist, [STATIC_BASE]: staticDir }, {
    pages: { [BLANK]: '<!DOCTYPE html><title>blank</title><link rel="icon" href="data:,">' },
    onNotFound: (url) => notFound.add(url),
  });
  const origin = `http://127.0.0.1:${server.address().port}`;
  // The tests' launch options (Debian's Chromium, CHROME_PATH).
  const browser = await chromium.launch({ ...config.use.launchOptions, headless: true });
  const failures = [];
  const t0 = Date.now();
  console.log(`Build ${path.relative(ROOT, opts.dist) || opts.dist} (pages ${distPrint}), served at ${origin}${BASE}`);
  console.log(`Chromium ${browser.version()}, ${os.cpus().length} CPU, load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);

  try {
    // 1. The static page.
    const staticPage = await makeStaticPage(browser, origin, opts.dist, staticDir);
    console.log(`Static page: ${origin}${STATIC_BASE} (${staticPage.bytes} bytes of HTML, ${staticPage.css}), saved in target/bench-static/`);

    // 2. Cold loads, app and static page interleaved, after one discarded warm-up of each.
    console.log(`\nCold loads: ${opts.runs} × catalogue then « Simulateur », ${opts.runs} × static page (+1 warm-up each)…`);
    await retrying('warm-up app', () => coldLoad(browser, origin + BASE, { simulator: true }), failures);
    await retrying('warm-up static', () => coldLoad(browser, origin + STATIC_BASE, { simulator: false }), failures);
    const app = [];
    const stat_ = [];
    for (let i = 0; i < opts.runs; i++) {
      const a = await retrying(`app run ${i + 1}`, () => coldLoad(browser, origin + BASE, { simulator: true }), failures);
      if (a) app.push(a);
      const s = await retrying(`static run ${i + 1}`, () => coldLoad(browser, origin + STATIC_BASE, { simulator: false }), failures);
      if (s) stat_.push(s);
      process.stdout.write(`  ${i + 1}/${opts.runs}: app FCP ${num(a?.fcp)}, rendered ${num(a?.rendered)}, running ${num(a?.running)}, search ${num(a?.search)} ms;`
        + ` « Simulateur » → usable ${num(a?.sim.usableSinceClick)} ms after the click;`
        + ` static FCP ${num(s?.fcp)}, rendered ${num(s?.rendered)} ms\n`);
    }

    // 3. Keystrokes.
    console.log(`\nKeystrokes: ${opts.keys} × "Nombre de stagiaires" (+5 warm-up)…`);
    const keys = (await retrying('keystrokes', () => keystrokes(browser, origin, opts.keys), failures)) || [];
    const keyTimeouts = keys.filter((k) => k.timedOut).length;
    if (keyTimeouts) failures.push(`keystrokes: ${keyTimeouts} without a change of the total TTC within 5 s`);
    const keysOk = keys.filter((k) => !k.timedOut);

    // 4. Drafts.
    console.log(`\nDrafts: one saved through the UI, ${MAX_DRAFTS} built from it; ${opts.draftRuns} × four cold loads (catalogue then « Brouillons », and brouillons/, with ${MAX_DRAFTS} drafts and with none)…`);
    const sample = await sampleStore(browser, origin);
    const store = buildStore(sample, MAX_DRAFTS);
    const json = JSON.stringify(store);
    console.log(`  stored document: version ${sample.version}, draft keys ${Object.keys(sample.drafts[0]).join(', ')}; ${MAX_DRAFTS} drafts = ${(json.length / 1024).toFixed(0)} KiB`);
    const drafts = { clickFull: [], clickEmpty: [], loadFull: [], loadEmpty: [] };
    const kinds = [
      ['clickFull', json, MAX_DRAFTS, 'click'], ['clickEmpty', null, 0, 'click'],
      ['loadFull', json, MAX_DRAFTS, 'load'], ['loadEmpty', null, 0, 'load'],
    ];
    for (let i = 0; i < opts.draftRuns; i++) {
      const got = {};
      for (const [kind, stored, count, via] of kinds) {
        const r = await retrying(`drafts ${kind} run ${i + 1}`, () => draftsRun(browser, origin, stored, count, via), failures);
        if (!r) continue;
        drafts[kind].push(r);
        got[kind] = r;
        if (r.rows !== count) failures.push(`drafts ${kind} run ${i + 1}: ${r.rows} rows listed, not ${count}`);
      }
      const { clickFull: cf, clickEmpty: ce, loadFull: lf, loadEmpty: le } = got;
      process.stdout.write(`  ${i + 1}/${opts.draftRuns}: « Brouillons » → ${MAX_DRAFTS} rows ${num(cf?.listSinceClick)} ms after the click (none: ${num(ce?.listSinceClick)});`
        + ` brouillons/ running with ${MAX_DRAFTS} ${num(lf?.list)} ms, with none ${num(le?.list)} ms;`
        + ` catalogue running with ${MAX_DRAFTS} ${num(cf?.catalogueRunning)} ms, with none ${num(ce?.catalogueRunning)} ms\n`);
    }

    // 5. Summary.
    const col = (rows, key) => summary(rows.map((r) => key.split('.').reduce((o, k) => o?.[k], r)));
    const sims = app.map((a) => a.sim);
    const results = {
      cold: {
        app: {
          fcp: col(app, 'fcp'), rendered: col(app, 'rendered'), renderedFrame: col(app, 'renderedFrame'),
          running: col(app, 'running'), search: col(app, 'search'),
        },
        simulator: {
          sinceClick: {
            navStart: col(sims, 'navStartSinceClick'), shown: col(sims, 'shownSinceClick'),
            running: col(sims, 'runningSinceClick'), usable: col(sims, 'usableSinceClick'),
            usableFrame: col(sims, 'usableFrameSinceClick'),
          },
          sinceNavStart: {
            shown: col(sims, 'shown'), running: col(sims, 'running'), usable: col(sims, 'usable'),
            usableFrame: col(sims, 'usableFrame'),
          },
          inputTries: col(sims, 'tries'),
        },
        static: { fcp: col(stat_, 'fcp'), rendered: col(stat_, 'rendered'), renderedFrame: col(stat_, 'renderedFrame') },
      },
      keystrokes: { dom: col(keysOk, 'dom'), frame: col(keysOk, 'frame'), timeouts: keyTimeouts },
      drafts: {
        count: MAX_DRAFTS,
        storedBytes: json.length,
        clickFull: {
          list: col(drafts.clickFull, 'listSinceClick'), listFrame: col(drafts.clickFull, 'listFrameSinceClick'),
          listSinceNavStart: col(drafts.clickFull, 'list'), catalogueRunning: col(drafts.clickFull, 'catalogueRunning'),
        },
        clickEmpty: {
          list: col(drafts.clickEmpty, 'listSinceClick'), listFrame: col(drafts.clickEmpty, 'listFrameSinceClick'),
          listSinceNavStart: col(drafts.clickEmpty, 'list'), catalogueRunning: col(drafts.clickEmpty, 'catalogueRunning'),
        },
        loadFull: { running: col(drafts.loadFull, 'running'), list: col(drafts.loadFull, 'list') },
        loadEmpty: { running: col(drafts.loadEmpty, 'running'), list: col(drafts.loadEmpty, 'list') },
      },
    };
    results.ratios = {
      fcp: ratio(results.cold.app.fcp.median, results.cold.static.fcp.median),
      rendered: ratio(results.cold.app.rendered.median, results.cold.static.rendered.median),
      renderedFrame: ratio(results.cold.app.renderedFrame.median, results.cold.static.renderedFrame.median),
    };

    const W = 58;
    const line = (label, s, extra = '') =>
      console.log(`  ${label.padEnd(W)} ${fmt(s.median).padStart(10)} ${fmt(s.min).padStart(10)} ${fmt(s.max).padStart(10)}   n=${s.n}${extra}`);
    // A section's title, with the columns' names on its line when it leaves room for them.
    const head = (label, a = 'median', b = 'min', c = 'max') => {
      const cols = `${a.padStart(10)} ${b.padStart(10)} ${c.padStart(10)}`;
      if (label.length <= W) console.log(`  ${label.padEnd(W)} ${cols}`);
      else console.log(`  ${label}\n  ${''.padEnd(W)} ${cols}`);
    };
    const c = results.cold;
    const sc = c.simulator.sinceClick;
    const sn = c.simulator.sinceNavStart;
    console.log('\n' + '='.repeat(W + 45));
    head(`Cold load of the catalogue (${BASE}), ms since navigation start`);
    line('  first contentful paint', c.app.fcp);
    line('  catalogue rendered (h1 visible + styled; the preview)', c.app.rendered);
    line('  catalogue rendered, next frame', c.app.renderedFrame);
    line('  app running: preview replaced (no #app.apercu)', c.app.running);
    line('  app running and search works (typed → count changed)', c.app.search);
    console.log(`  Click « Simulateur » once the search works → simulator page (${BASE}simulateur/)`);
    console.log('    ms since the click:');
    line('    simulator page: navigation start', sc.navStart);
    line('    total TTC shown (the prerendered preview)', sc.shown);
    line('    app running (no #app.apercu)', sc.running);
    line('    usable: app running, an input changed the total TTC', sc.usable);
    line('    usable, next frame', sc.usableFrame);
    console.log('    ms since the simulator page\'s navigation start:');
    line('    total TTC shown (the prerendered preview)', sn.shown);
    line('    app running (no #app.apercu)', sn.running);
    line('    usable: app running, an input changed the total TTC', sn.usable);
    console.log(`    inputs needed before the total TTC changed: median ${c.simulator.inputTries.median ?? '—'}, max ${c.simulator.inputTries.max ?? '—'}`);
    head('Cold load, static page (the floor), ms since navigation start');
    line('  first contentful paint', c.static.fcp);
    line('  catalogue rendered (h1 visible + styled)', c.static.rendered);
    line('  catalogue rendered, next frame', c.static.renderedFrame);
    console.log(`  Ratio app / static (medians): FCP ×${results.ratios.fcp ?? '—'}, rendered ×${results.ratios.rendered ?? '—'} (next frame ×${results.ratios.renderedFrame ?? '—'})`);
    console.log('-'.repeat(W + 45));
    head('Keystroke → total TTC (ms), simulator\'s app running', 'median', 'p95', 'max');
    const kline = (label, s) =>
      console.log(`  ${label.padEnd(W)} ${fmt(s.median).padStart(10)} ${fmt(s.p95).padStart(10)} ${fmt(s.max).padStart(10)}   n=${s.n}`);
    kline('  DOM updated', results.keystrokes.dom);
    kline('  next frame (2 × requestAnimationFrame)', results.keystrokes.frame);
    console.log('-'.repeat(W + 45));
    const d = results.drafts;
    head(`${MAX_DRAFTS} drafts stored (${(json.length / 1024).toFixed(0)} KiB) or none`);
    console.log('  Click « Brouillons » once the catalogue\'s app runs → drafts page, ms since the click:');
    line(`    drafts page's app running, ${MAX_DRAFTS} rows listed (DOM)`, d.clickFull.list);
    line('    same, next frame', d.clickFull.listFrame);
    line('    none stored: app running, « Aucun brouillon » shown', d.clickEmpty.list);
    console.log('  same, ms since the drafts page\'s navigation start:');
    line(`    ${MAX_DRAFTS} drafts: app running, ${MAX_DRAFTS} rows listed`, d.clickFull.listSinceNavStart);
    line('    none stored: app running, « Aucun brouillon » shown', d.clickEmpty.listSinceNavStart);
    console.log(`  Cold load of ${BASE}brouillons/, ms since navigation start:`);
    line(`    ${MAX_DRAFTS} drafts: app running, ${MAX_DRAFTS} rows listed`, d.loadFull.list);
    line('    none stored: app running, « Aucun brouillon » shown', d.loadEmpty.list);
    console.log(`  Cold load of the catalogue (${BASE}), ms since navigation start (before that click):`);
    line(`    ${MAX_DRAFTS} drafts: app running (no #app.apercu)`, d.clickFull.catalogueRunning);
    line('    none stored: app running (no #app.apercu)', d.clickEmpty.catalogueRunning);
    console.log('='.repeat(W + 45));

    const distPrintAfter = await fingerprint(opts.dist).catch(() => 'missing');
    if (distPrintAfter !== distPrint) {
      failures.push(`the build in ${opts.dist} changed during the run (${distPrint} → ${distPrintAfter}): rerun`);
    }
    const uniqueProblems = [...new Set(problems)];
    for (const f of failures) console.log(`WARNING: ${f}`);
    if (notFound.size) console.log(`Note: answered 404 for ${[...notFound].join(', ')}`);
    if (uniqueProblems.length) console.log(`WARNING: ${uniqueProblems.length} page/console error(s), first: ${uniqueProblems[0]}`);

    const report = {
      date: new Date().toISOString(),
      durationSeconds: Math.round((Date.now() - t0) / 1000),
      dist: opts.dist,
      distPagesSha256: distPrint,
      base: BASE,
      options: { runs: opts.runs, keys: opts.keys, draftRuns: opts.draftRuns },
      machine: { chromium: browser.version(), cpus: os.cpus().length, loadavgAtEnd: os.loadavg(), node: process.version },
      staticPage: staticPage,
      results,
      failures,
      pageErrors: uniqueProblems,
      notFound: [...notFound],
      samples: { app, static: stat_, keystrokes: keys, drafts },
    };
    const out = path.join(ROOT, 'target/bench.json');
    await mkdir(path.dirname(out), { recursive: true });
    await writeFile(out, JSON.stringify(report, null, 2) + '\n');
    console.log(`Figures written to ${path.relative(ROOT, out)} (${report.durationSeconds} s).`);
  } finally {
    await browser.close();
    server.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

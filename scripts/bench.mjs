#!/usr/bin/env node
// Performance benchmark of the release build, run by hand (not a test): it measures and
// prints, it asserts nothing.
//
// Usage, after a release build under the sub-path — `scripts/test.sh` makes one, or:
//   source scripts/env.sh && trunk build --release --public-url /sous/chemin/ --dist target/e2e-dist
// then:
//   node scripts/bench.mjs [--dist DIR] [--runs N] [--keys N] [--draft-runs N]
//
//   --dist DIR        the build to serve (default target/e2e-dist, built with
//                     --public-url /sous/chemin/)
//   --runs N          cold loads of the app and of the static page (default 20)
//   --keys N          keystrokes in the simulator (default 100)
//   --draft-runs N    cold loads with 500 drafts stored, and with none (default 10)
//
// What it does, in Debian's headless Chromium (/usr/bin/chromium, never downloaded):
//  1. serves the build under E2E_BASE (/sous/chemin/) with a plain in-process static
//     server (no rewrite rule), and beside it /statique/: the catalogue as the app
//     rendered it, saved as plain HTML with the same stylesheet and no script — the floor
//     no app can beat;
//  2. cold loads (a new browser context each time, service workers blocked) of the app and
//     of the static page, interleaved: first contentful paint, catalogue rendered
//     (main#contenu h1 visible, stylesheet loaded, seen by a MutationObserver installed
//     before any script; in the app, the prerendered preview) and the frame after it,
//     "running": the app has taken over the preview (search and filter work), and
//     "usable": the simulator's total TTC shown after clicking "Simulateur" in the menu
//     once the app runs (time since navigation start, Playwright's click included);
//  3. keystroke latency: "Nombre de stagiaires" set to another value from 1 to 50 by an
//     input event, until the total TTC's text changes (DOM) and until the next frame;
//  4. 500 drafts in localStorage (built from one draft saved through the UI): from the
//     click on "Brouillons" until the list shows 500 entries, and a cold load until the
//     app runs with them stored versus with none;
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
 * Installed before any script of the page: records in window.__bench.marks[name] the
 * performance.now() at which each watched selector is first present (at least `count`
 * matches) and visible with the stylesheets loaded, seen by a MutationObserver on the
 * document (also checked on each resource load and each frame, should a stylesheet or a
 * change of style alone reveal it), and in marks[name + 'Frame'] the time
 * of the second animation frame after that (the frame showing it has been produced).
 * Also records every click (capture phase) in window.__bench.clicks.
 */
function probe(watch) {
  const bench = (window.__bench = { marks: {}, clicks: [], watch });
  addEventListener('click', () => bench.clicks.push(performance.now()), true);
  // Visible, with every stylesheet of the page loaded (a parser-inserted heading is not
  // "rendered" while the render-blocking stylesheet is still on its way).
  const visible = (el) => {
    for (const link of document.querySelectorAll('link[rel="stylesheet"]')) if (!link.sheet) return false;
    if (el.checkVisibility && !el.checkVisibility()) return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  };
  let observer = null;
  const check = () => {
    let pending = 0;
    for (const w of watch) {
      if (bench.marks[w.name] !== undefined) continue;
      const found = document.querySelectorAll(w.selector);
      if (found.length >= (w.count || 1) && visible(found[0])) {
        const t = performance.now();
        bench.marks[w.name] = t;
        requestAnimationFrame(() => requestAnimationFrame(() => { bench.marks[w.name + 'Frame'] = performance.now(); }));
      } else pending++;
    }
    if (!pending && observer) { observer.disconnect(); observer = null; }
    return pending;
  };
  observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
  addEventListener('load', () => { if (observer) check(); }, true); // a stylesheet loaded
  const frame = () => { if (check()) requestAnimationFrame(frame); };
  requestAnimationFrame(frame);
}

const CATALOGUE = { name: 'rendered', selector: 'main#contenu h1' };
// The app has taken over the prerendered catalogue (src/edge/preview.rs): search works.
const RUNNING = { name: 'running', selector: '#app:not(.apercu) main#contenu h1' };
const TOTAL = { name: 'usable', selector: '[data-testid="total-ttc"]' };
const DRAFT_LIST = { name: 'list', selector: '[data-testid="brouillon"]', count: MAX_DRAFTS };

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

// ------------------------------------------------------------------------------------
// Browser helpers
// ------------------------------------------------------------------------------------

const problems = [];

async function freshPage(browser, watch) {
  const context = await browser.newContext({ serviceWorkers: 'block', locale: config.use.locale, timezoneId: config.use.timezoneId });
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  if (watch) await page.addInitScript(probe, watch);
  return { context, page };
}

const waitMark = (page, name) =>
  page.waitForFunction((n) => window.__bench?.marks[n] !== undefined, name, { timeout: WAIT_MS, polling: 'raf' });
const marks = (page) => page.evaluate(() => window.__bench.marks);
const fcp = async (page) => {
  await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0,
    null, { timeout: WAIT_MS, polling: 100 });
  return page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0].startTime);
};
const nav = (page) => page.getByRole('navigation', { name: 'Navigation principale' });
const navLink = (page, name) => nav(page).getByRole('link', { name, exact: true });

/** One cold load of `url`: FCP and catalogue rendered; then, for the app, the simulator. */
async function coldLoad(browser, url, { simulator }) {
  const { context, page } = await freshPage(browser, simulator ? [CATALOGUE, RUNNING, TOTAL] : [CATALOGUE]);
  try {
    await page.goto(url, { waitUntil: 'commit' });
    await waitMark(page, 'rendered');
    const out = { fcp: await fcp(page) };
    if (simulator) {
      // A click in the preview would load the simulator's page anew; measure the app's own
      // navigation, as a reader gets it once the app runs.
      await waitMark(page, 'running');
      await navLink(page, 'Simulateur').click();
      await waitMark(page, 'usable');
    }
    await page.waitForFunction(() => Object.keys(window.__bench.marks).every(
      (k) => k.endsWith('Frame') || window.__bench.marks[k + 'Frame'] !== undefined), null, { timeout: WAIT_MS });
    const m = await marks(page);
    out.rendered = m.rendered;
    out.renderedFrame = m.renderedFrame;
    if (simulator) {
      const clicks = await page.evaluate(() => window.__bench.clicks);
      out.running = m.running;
      out.usable = m.usable;
      out.usableFrame = m.usableFrame;
      out.clickToTotal = m.usable - clicks[clicks.length - 1];
    }
    return out;
  } finally {
    await context.close();
  }
}

// ------------------------------------------------------------------------------------
// The static page
// ------------------------------------------------------------------------------------

/** Loads the app once and saves its rendered catalogue as a page without any script. */
async function makeStaticPage(browser, origin, dist, dir) {
  const { context, page } = await freshPage(browser, [CATALOGUE, RUNNING]);
  try {
    await page.goto(origin + BASE, { waitUntil: 'load' });
    await waitMark(page, 'running');
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

async function keystrokes(browser, origin, n) {
  const { context, page } = await freshPage(browser, null);
  try {
    await page.goto(origin + BASE);
    await navLink(page, 'Simulateur').click();
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

/** Saves one draft through the simulator and returns the stored document. */
async function sampleStore(browser, origin) {
  const { context, page } = await freshPage(browser, null);
  try {
    await page.goto(origin + BASE);
    await navLink(page, 'Simulateur').click();
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
 * A cold load of the catalogue with `json` stored (set from a blank page of the same
 * origin first, so that the app's files are still uncached); with `list`, then the click
 * on "Brouillons" until the list shows every draft.
 */
async function draftsRun(browser, origin, json, count) {
  const watch = count ? [RUNNING, { ...DRAFT_LIST, count }] : [RUNNING];
  const { context, page } = await freshPage(browser, watch);
  try {
    await page.goto(origin + BLANK);
    await page.evaluate(([k, v]) => { if (v === null) localStorage.removeItem(k); else localStorage.setItem(k, v); }, [STORAGE_KEY, json]);
    await page.goto(origin + BASE, { waitUntil: 'commit' });
    await waitMark(page, 'running');
    const out = {};
    if (count) {
      const notice = await page.getByTestId('avis-stockage').count();
      if (notice) problems.push(`drafts: storage notice shown: ${await page.getByTestId('avis-stockage').innerText()}`);
      await navLink(page, 'Brouillons').click();
      await waitMark(page, 'list');
      await page.waitForFunction(() => window.__bench.marks.listFrame !== undefined, null, { timeout: WAIT_MS });
    } else {
      await page.waitForFunction(() => window.__bench.marks.runningFrame !== undefined, null, { timeout: WAIT_MS });
    }
    const m = await marks(page);
    out.running = m.running;
    if (count) {
      const clicks = await page.evaluate(() => window.__bench.clicks);
      const click = clicks[clicks.length - 1];
      out.list = m.list - click;
      out.listFrame = m.listFrame - click;
      out.rows = await page.getByTestId('brouillon').count();
    }
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

async function fingerprint(dist) {
  const index = await readFile(path.join(dist, 'index.html'), 'utf8');
  return createHash('sha256').update(index).digest('hex').slice(0, 16);
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const distInfo = await stat(path.join(opts.dist, 'index.html')).catch(() => null);
  if (!distInfo) {
    console.error(`No build in ${opts.dist}. Build one first:\n  source scripts/env.sh && trunk build --release --public-url ${BASE} --dist target/e2e-dist`);
    process.exit(2);
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
  console.log(`Build ${path.relative(ROOT, opts.dist) || opts.dist} (index.html ${distPrint}), served at ${origin}${BASE}`);
  console.log(`Chromium ${browser.version()}, ${os.cpus().length} CPU, load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);

  try {
    // 1. The static page.
    const staticPage = await makeStaticPage(browser, origin, opts.dist, staticDir);
    console.log(`Static page: ${origin}${STATIC_BASE} (${staticPage.bytes} bytes of HTML, ${staticPage.css}), saved in target/bench-static/`);

    // 2. Cold loads, app and static page interleaved, after one discarded warm-up of each.
    console.log(`\nCold loads: ${opts.runs} × app, ${opts.runs} × static page (+1 warm-up each)…`);
    await retrying('warm-up app', () => coldLoad(browser, origin + BASE, { simulator: true }), failures);
    await retrying('warm-up static', () => coldLoad(browser, origin + STATIC_BASE, { simulator: false }), failures);
    const app = [];
    const stat_ = [];
    for (let i = 0; i < opts.runs; i++) {
      const a = await retrying(`app run ${i + 1}`, () => coldLoad(browser, origin + BASE, { simulator: true }), failures);
      if (a) app.push(a);
      const s = await retrying(`static run ${i + 1}`, () => coldLoad(browser, origin + STATIC_BASE, { simulator: false }), failures);
      if (s) stat_.push(s);
      process.stdout.write(`  ${i + 1}/${opts.runs}: app FCP ${a ? a.fcp.toFixed(0) : '—'}, rendered ${a ? a.rendered.toFixed(0) : '—'}, usable ${a ? a.usable.toFixed(0) : '—'} ms; static FCP ${s ? s.fcp.toFixed(0) : '—'}, rendered ${s ? s.rendered.toFixed(0) : '—'} ms\n`);
    }

    // 3. Keystrokes.
    console.log(`\nKeystrokes: ${opts.keys} × "Nombre de stagiaires" (+5 warm-up)…`);
    const keys = (await retrying('keystrokes', () => keystrokes(browser, origin, opts.keys), failures)) || [];
    const keyTimeouts = keys.filter((k) => k.timedOut).length;
    if (keyTimeouts) failures.push(`keystrokes: ${keyTimeouts} without a change of the total TTC within 5 s`);
    const keysOk = keys.filter((k) => !k.timedOut);

    // 4. Drafts.
    console.log(`\nDrafts: one saved through the UI, ${MAX_DRAFTS} built from it; ${opts.draftRuns} × cold load with ${MAX_DRAFTS} drafts and with none…`);
    const sample = await sampleStore(browser, origin);
    const store = buildStore(sample, MAX_DRAFTS);
    const json = JSON.stringify(store);
    console.log(`  stored document: version ${sample.version}, draft keys ${Object.keys(sample.drafts[0]).join(', ')}; ${MAX_DRAFTS} drafts = ${(json.length / 1024).toFixed(0)} KiB`);
    const full = [];
    const empty = [];
    for (let i = 0; i < opts.draftRuns; i++) {
      const f = await retrying(`drafts run ${i + 1}`, () => draftsRun(browser, origin, json, MAX_DRAFTS), failures);
      if (f) {
        full.push(f);
        if (f.rows !== MAX_DRAFTS) failures.push(`drafts run ${i + 1}: ${f.rows} rows listed`);
      }
      const e = await retrying(`no-drafts run ${i + 1}`, () => draftsRun(browser, origin, null, 0), failures);
      if (e) empty.push(e);
      process.stdout.write(`  ${i + 1}/${opts.draftRuns}: list of ${MAX_DRAFTS} ${f ? f.list.toFixed(0) : '—'} ms after the click; app running ${f ? f.running.toFixed(0) : '—'} ms with ${MAX_DRAFTS} drafts, ${e ? e.running.toFixed(0) : '—'} ms with none\n`);
    }

    // 5. Summary.
    const col = (rows, key) => summary(rows.map((r) => r[key]));
    const results = {
      cold: {
        app: {
          fcp: col(app, 'fcp'), rendered: col(app, 'rendered'), renderedFrame: col(app, 'renderedFrame'),
          running: col(app, 'running'), usable: col(app, 'usable'), usableFrame: col(app, 'usableFrame'), clickToTotal: col(app, 'clickToTotal'),
        },
        static: { fcp: col(stat_, 'fcp'), rendered: col(stat_, 'rendered'), renderedFrame: col(stat_, 'renderedFrame') },
      },
      keystrokes: { dom: col(keysOk, 'dom'), frame: col(keysOk, 'frame'), timeouts: keyTimeouts },
      drafts: {
        count: MAX_DRAFTS,
        storedBytes: json.length,
        list: col(full, 'list'), listFrame: col(full, 'listFrame'),
        runningWithDrafts: col(full, 'running'), runningWithout: col(empty, 'running'),
      },
    };
    results.ratios = {
      fcp: ratio(results.cold.app.fcp.median, results.cold.static.fcp.median),
      rendered: ratio(results.cold.app.rendered.median, results.cold.static.rendered.median),
      renderedFrame: ratio(results.cold.app.renderedFrame.median, results.cold.static.renderedFrame.median),
    };

    const line = (label, s, extra = '') =>
      console.log(`  ${label.padEnd(46)} ${fmt(s.median).padStart(10)} ${fmt(s.min).padStart(10)} ${fmt(s.max).padStart(10)}   n=${s.n}${extra}`);
    const c = results.cold;
    console.log('\n==================================================================================');
    console.log(`  ${'Measure (ms since navigation start)'.padEnd(46)} ${'median'.padStart(10)} ${'min'.padStart(10)} ${'max'.padStart(10)}`);
    console.log('  Cold load, app');
    line('  first contentful paint', c.app.fcp);
    line('  catalogue rendered (h1 visible + styled)', c.app.rendered);
    line('  catalogue rendered, next frame', c.app.renderedFrame);
    line('  app running (search works)', c.app.running);
    line('  usable: total TTC shown after "Simulateur"', c.app.usable);
    line('    of which click → total TTC (DOM)', c.app.clickToTotal);
    console.log('  Cold load, static page (the floor)');
    line('  first contentful paint', c.static.fcp);
    line('  catalogue rendered (h1 visible + styled)', c.static.rendered);
    line('  catalogue rendered, next frame', c.static.renderedFrame);
    console.log(`  Ratio app / static (medians): FCP ×${results.ratios.fcp ?? '—'}, rendered ×${results.ratios.rendered ?? '—'} (next frame ×${results.ratios.renderedFrame ?? '—'})`);
    console.log('----------------------------------------------------------------------------------');
    console.log(`  ${'Keystroke → total TTC (ms)'.padEnd(46)} ${'median'.padStart(10)} ${'p95'.padStart(10)} ${'max'.padStart(10)}`);
    const kline = (label, s) =>
      console.log(`  ${label.padEnd(46)} ${fmt(s.median).padStart(10)} ${fmt(s.p95).padStart(10)} ${fmt(s.max).padStart(10)}   n=${s.n}`);
    kline('  DOM updated', results.keystrokes.dom);
    kline('  next frame (2 × requestAnimationFrame)', results.keystrokes.frame);
    console.log('----------------------------------------------------------------------------------');
    console.log(`  ${`${MAX_DRAFTS} drafts stored (${(json.length / 1024).toFixed(0)} KiB)`.padEnd(46)} ${'median'.padStart(10)} ${'min'.padStart(10)} ${'max'.padStart(10)}`);
    line(`  click "Brouillons" → ${MAX_DRAFTS} rows (DOM)`, results.drafts.list);
    line(`  click "Brouillons" → ${MAX_DRAFTS} rows, next frame`, results.drafts.listFrame);
    line(`  cold load → app running, ${MAX_DRAFTS} drafts stored`, results.drafts.runningWithDrafts);
    line('  cold load → app running, no draft stored', results.drafts.runningWithout);
    console.log('==================================================================================');

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
      distIndexSha256: distPrint,
      base: BASE,
      options: { runs: opts.runs, keys: opts.keys, draftRuns: opts.draftRuns },
      machine: { chromium: browser.version(), cpus: os.cpus().length, loadavgAtEnd: os.loadavg(), node: process.version },
      staticPage: staticPage,
      results,
      failures,
      pageErrors: uniqueProblems,
      notFound: [...notFound],
      samples: { app, static: stat_, keystrokes: keys, drafts500: full, drafts0: empty },
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

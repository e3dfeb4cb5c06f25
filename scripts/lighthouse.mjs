#!/usr/bin/env node
// Lighthouse benchmark of the release build, run by hand (not a test): it measures and
// prints, it asserts nothing.
//
// Usage, after a release build under the sub-path — `scripts/test.sh` makes one, or:
//   source scripts/env.sh && trunk build --release --public-url /sous/chemin/ --dist target/e2e-dist
// then:
//   node scripts/lighthouse.mjs [--dist DIR] [--runs N] [--share URLPATH]
//
//   --dist DIR        the build to serve (default target/e2e-dist, built with
//                     --public-url /sous/chemin/)
//   --runs N          Lighthouse runs of each page (default 3)
//   --share URLPATH   the share link to measure, as a path and query on the local server
//                     (e.g. /sous/chemin/simulateur/?devis=…; of a full URL, its path and
//                     query are taken), measured as given; by default one is read from
//                     the simulator's "Lien de partage" field
//
// What it does, with Debian's Chromium (CHROME_PATH, else /usr/bin/chromium; never
// downloaded) and Lighthouse 12.2.3 (13 needs Node 22):
//  1. serves the build under E2E_BASE (/sous/chemin/) gzipped, as GitHub Pages or nginx
//     would (scripts/static-server.mjs with `gzip`: an uncompressed local server makes the
//     wasm look 2.5 times heavier than it is), and beside it /statique/: the prerendered
//     catalogue of DIST/index.html (its #app) in a page with the same stylesheet and no
//     script — the floor no app can beat;
//  2. gets a share link: loads the simulator in Playwright's Chromium (the tests' launch
//     options), sets 3 trainees and reads the link the app shows; whatever path the link
//     has (older builds: the site's root), its query is measured on the simulator's page
//     (/sous/chemin/simulateur/?devis=…), which opens the shared quote;
//  3. runs Lighthouse N times on each of: the catalogue, the simulator, the share link
//     and the static page (interleaved), each run in a fresh Chrome (a new profile, so no
//     cache and no service worker; Lighthouse also clears the origin's storage), with the
//     default config: mobile, simulated throttling (slow 4G, 4x CPU slowdown),
//     performance category only;
//  4. prints the medians per page — score, FCP, LCP, TBT, TTI, Speed Index, CLS, the
//     longest main-thread task (simulated, Lighthouse lists tasks of 50 ms and more) and
//     the wasm bytes the page transferred (network-requests audit; the service worker's
//     precache of the same files, after the load, is counted apart) — and writes every
//     run to target/lighthouse.json.
// The machine may be busy: figures are noisy (Lighthouse's simulation scales by the
// machine's measured speed, benchmarkIndex in the JSON), compare medians of several runs.
import { execFileSync } from 'node:child_process';
import { readFile, stat, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { chromium } from '@playwright/test';
import config from '../playwright.config.mjs';
import { E2E_BASE as BASE } from './e2e-serve.mjs';
import { startServer } from './static-server.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const STATIC_BASE = '/statique/';
const CHROME_PATH = process.env.CHROME_PATH || '/usr/bin/chromium';
// chrome-launcher adds its defaults (no first run, no background networking, no component
// update, no sync, …) and a new temporary profile per launch.
const CHROME_FLAGS = ['--headless=new', '--no-sandbox'];
const WAIT_MS = 30_000;

// ------------------------------------------------------------------------------------
// Options
// ------------------------------------------------------------------------------------

function parseArgs(argv) {
  const opts = { dist: path.join(ROOT, 'target/e2e-dist'), runs: 3, share: null };
  const int = (name, v) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1) throw new Error(`${name} expects a positive integer, not "${v}"`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [key, inline] = a.includes('=') && a.startsWith('--') ? a.split(/=(.*)/s, 2) : [a, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${key} expects a value`);
      return v;
    };
    switch (key) {
      case '--dist': opts.dist = path.resolve(value()); break;
      case '--runs': opts.runs = int('--runs', value()); break;
      case '--share': {
        // A path and query on the local server; of a full URL, its path and query.
        const v = value();
        let u;
        try { u = new URL(v, 'http://x'); } catch { u = null; }
        if (!u || !(v.startsWith('/') || /^https?:/i.test(v))) {
          throw new Error(`--share expects a path on the local server (/sous/chemin/simulateur/?devis=…), not "${v}"`);
        }
        opts.share = u.pathname + u.search;
        break;
      }
      case '-h': case '--help':
        console.log('node scripts/lighthouse.mjs [--dist DIR] [--runs N] [--share URLPATH]');
        process.exit(0);
        break;
      default: throw new Error(`unknown option: ${a}`);
    }
  }
  return opts;
}

// ------------------------------------------------------------------------------------
// The static page
// ------------------------------------------------------------------------------------

/** The outer HTML of the element whose start tag begins at `start` (a `<div`), by depth. */
function divAt(html, start) {
  const tags = /<div\b[^>]*>|<\/div\s*>/gi;
  tags.lastIndex = start;
  let depth = 0;
  for (let m; (m = tags.exec(html));) {
    depth += m[0][1] === '/' ? -1 : 1;
    if (depth === 0) return html.slice(start, tags.lastIndex);
  }
  throw new Error('#app is not closed in index.html');
}

/**
 * The catalogue of DIST/index.html (prerendered in its #app) as a page without any script:
 * its head less the scripts, preloads, CSP and <base> (relative links made absolute
 * against that base, so icons and stylesheet are the app's own files), and its #app.
 */
async function staticPage(dist) {
  const html = await readFile(path.join(dist, 'index.html'), 'utf8');
  const head = html.match(/<head\b[^>]*>([\s\S]*?)<\/head>/i)?.[1];
  if (head === undefined) throw new Error('index.html has no <head>');
  const base = head.match(/<base\b[^>]*\bhref="([^"]*)"/i)?.[1] ?? BASE;
  const start = html.search(/<div\b[^>]*\bid="app"/i);
  if (start < 0) throw new Error('index.html has no #app');
  const app = divAt(html, start);
  if (!/<main\b[^>]*id="contenu"[\s\S]*<h1/i.test(app)) {
    throw new Error(`index.html's #app has no main#contenu h1: is ${dist} a build with the prerendered catalogue?`);
  }
  const lang = html.match(/<html\b[^>]*\blang="([^"]*)"/i)?.[1] ?? 'fr';
  const cleanHead = head
    .replace(/<script\b[\s\S]*?<\/script\s*>/gi, '')
    .replace(/<link\b[^>]*\brel="(?:modulepreload|preload)"[^>]*>/gi, '')
    .replace(/<meta\b[^>]*\bhttp-equiv="Content-Security-Policy"[^>]*>/gi, '')
    .replace(/<base\b[^>]*>/gi, '')
    .replace(/(<link\b[^>]*\bhref=")([^"]*)"/gi, (_, before, href) => `${before}${new URL(href, `http://x${base}`).pathname}"`)
    .replace(/\n\s*\n+/g, '\n');
  const css = cleanHead.match(/<link\b[^>]*\brel="stylesheet"[^>]*\bhref="([^"]*)"/i)?.[1];
  if (!css) throw new Error("index.html's head has no stylesheet link");
  const page = `<!DOCTYPE html>\n<html lang="${lang}">\n<head>${cleanHead}</head>\n<body>\n${app}\n</body>\n</html>\n`;
  // The catalogue's JSON-LD (a data block, never run) stays, as in the real page.
  if (/<script\b(?![^>]*application\/ld\+json)/i.test(page)) throw new Error('a script is left in the static page');
  return { html: page, css };
}

// ------------------------------------------------------------------------------------
// The share link
// ------------------------------------------------------------------------------------

/** Polls `get` until it gives a truthy value (returned), for up to WAIT_MS. */
async function expectSoon(get) {
  const until = Date.now() + WAIT_MS;
  for (;;) {
    const v = await get().catch(() => null);
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out after ${WAIT_MS} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Loads the simulator in Playwright's Chromium, sets 3 trainees and reads the share link
 * the app shows; returns it and the path measured (its query on the simulator's page),
 * after checking in a fresh context that this path opens the shared quote.
 */
async function shareLink(origin) {
  const browser = await chromium.launch({ ...config.use.launchOptions, headless: true });
  const contextOptions = { serviceWorkers: 'block', locale: config.use.locale, timezoneId: config.use.timezoneId };
  try {
    const context = await browser.newContext(contextOptions);
    const page = await context.newPage();
    await page.goto(`${origin}${BASE}simulateur/`);
    const field = page.getByRole('textbox', { name: 'Lien de partage' });
    const linkOf = () => field.inputValue({ timeout: 1000 }).then((v) => (/[?&]devis=/.test(v) ? v : null));
    const first = await expectSoon(linkOf).catch((e) => {
      throw new Error(`no share link read from the simulator's "Lien de partage" field (${e.message}); give one with --share`);
    });
    // Another quote than the default one: 3 trainees; its link differs from the first.
    await page.getByRole('spinbutton', { name: 'Nombre de stagiaires' }).fill('3', { timeout: WAIT_MS });
    const shown = await expectSoon(async () => {
      const v = await linkOf();
      return v && v !== first ? v : null;
    }).catch(() => first);
    await context.close();
    const url = new URL(shown);
    const measured = `${BASE}simulateur/${url.search}`;
    // The measured address opens the quote (the arrival notice of a share link).
    const check = await browser.newContext(contextOptions);
    const visitor = await check.newPage();
    await visitor.goto(origin + measured);
    let opened = false;
    try {
      await visitor.getByTestId('avis-lien').filter({ hasText: 'lien de partage' }).waitFor({ timeout: WAIT_MS });
      opened = true;
    } catch { /* reported below */ }
    await check.close();
    return { shown, measured, opened };
  } finally {
    await browser.close();
  }
}

// ------------------------------------------------------------------------------------
// Lighthouse
// ------------------------------------------------------------------------------------

const METRICS = [
  ['score', 'perf', (lhr) => lhr.categories.performance?.score == null ? null : Math.round(lhr.categories.performance.score * 100)],
  ['fcp', 'FCP', (lhr) => lhr.audits['first-contentful-paint']?.numericValue ?? null],
  ['lcp', 'LCP', (lhr) => lhr.audits['largest-contentful-paint']?.numericValue ?? null],
  ['tbt', 'TBT', (lhr) => lhr.audits['total-blocking-time']?.numericValue ?? null],
  ['tti', 'TTI', (lhr) => lhr.audits.interactive?.numericValue ?? null],
  ['si', 'SI', (lhr) => lhr.audits['speed-index']?.numericValue ?? null],
  ['cls', 'CLS', (lhr) => lhr.audits['cumulative-layout-shift']?.numericValue ?? null],
];

/** The figures of one run from its Lighthouse result. */
function figures(lhr) {
  const out = {};
  for (const [key, , get] of METRICS) out[key] = get(lhr);
  // Longest main-thread task, in simulated time; the audit lists tasks of 50 ms and more
  // only (0 then means "none of 50 ms").
  const tasks = lhr.audits['long-tasks']?.details?.items ?? [];
  out.longestTask = tasks.length ? Math.max(...tasks.map((t) => t.duration)) : 0;
  out.longestTaskUrl = tasks.length ? tasks.reduce((a, b) => (b.duration > a.duration ? b : a)).url : null;
  out.longTasks = tasks.length;
  const requests = lhr.audits['network-requests']?.details?.items ?? [];
  const isWasm = (r) => r.mimeType === 'application/wasm' || /\.wasm(?:$|[?#])/.test(r.url);
  const sum = (rs, key) => rs.reduce((s, r) => s + (r[key] || 0), 0);
  const pageRequests = requests.filter((r) => r.sessionTargetType !== 'worker');
  const workerRequests = requests.filter((r) => r.sessionTargetType === 'worker');
  out.requests = pageRequests.length;
  out.transferBytes = sum(pageRequests, 'transferSize');
  out.wasmBytes = sum(pageRequests.filter(isWasm), 'transferSize');
  out.wasmResourceBytes = sum(pageRequests.filter(isWasm), 'resourceSize');
  out.workerRequests = workerRequests.length;
  out.workerBytes = sum(workerRequests, 'transferSize');
  out.workerWasmBytes = sum(workerRequests.filter(isWasm), 'transferSize');
  out.network = requests.map((r) => ({
    url: r.url, target: r.sessionTargetType, status: r.statusCode, mimeType: r.mimeType,
    transferSize: r.transferSize, resourceSize: r.resourceSize,
    start: r.networkRequestTime, end: r.networkEndTime,
  }));
  return out;
}

/** One Lighthouse run on `url` in a fresh Chrome. */
async function runOnce(url) {
  const chrome = await chromeLauncher.launch({ chromePath: CHROME_PATH, chromeFlags: CHROME_FLAGS, logLevel: 'silent' });
  try {
    const result = await lighthouse(url, {
      port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'],
    });
    if (!result) throw new Error('Lighthouse returned no result');
    const { lhr } = result;
    if (lhr.runtimeError) throw new Error(`${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
    return {
      finalUrl: lhr.finalDisplayedUrl,
      fetchTime: lhr.fetchTime,
      benchmarkIndex: lhr.environment?.benchmarkIndex ?? null,
      warnings: lhr.runWarnings ?? [],
      ...figures(lhr),
    };
  } finally {
    await chrome.kill();
  }
}

// ------------------------------------------------------------------------------------
// Statistics and printing
// ------------------------------------------------------------------------------------

function median(xs) {
  const v = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

const ms = (x) => (x == null ? '—' : `${Math.round(x)}`);
const kb = (x) => (x == null ? '—' : `${(x / 1000).toFixed(1)}`);

const COLUMNS = [
  ['perf', (m) => (m.score == null ? '—' : String(Math.round(m.score)))],
  ['FCP ms', (m) => ms(m.fcp)],
  ['LCP ms', (m) => ms(m.lcp)],
  ['TBT ms', (m) => ms(m.tbt)],
  ['TTI ms', (m) => ms(m.tti)],
  ['SI ms', (m) => ms(m.si)],
  ['CLS', (m) => (m.cls == null ? '—' : m.cls.toFixed(3))],
  ['task ms', (m) => (m.longestTask == null ? '—' : m.longestTask ? ms(m.longestTask) : '<50')],
  ['wasm kB', (m) => kb(m.wasmBytes)],
  ['all kB', (m) => kb(m.transferBytes)],
  ['n', (m) => String(m.n)],
];

function printTable(pages) {
  const label = Math.max(...pages.map((p) => p.label.length), 4);
  const widths = COLUMNS.map(([h]) => Math.max(h.length, 7));
  const row = (first, cells) => `  ${first.padEnd(label)}  ${cells.map((c, i) => c.padStart(widths[i])).join(' ')}`;
  const header = row('page', COLUMNS.map(([h]) => h));
  console.log('='.repeat(header.length));
  console.log(header);
  console.log('-'.repeat(header.length));
  for (const p of pages) console.log(row(p.label, COLUMNS.map(([, f]) => f(p.median))));
  console.log('='.repeat(header.length));
}

// ------------------------------------------------------------------------------------
// Main
// ------------------------------------------------------------------------------------

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (!(await stat(path.join(opts.dist, 'index.html')).catch(() => null))) {
    console.error(`No build in ${opts.dist}. Build one first:\n  source scripts/env.sh && trunk build --release --public-url ${BASE} --dist target/e2e-dist`);
    process.exit(2);
  }
  const statique = await staticPage(opts.dist);
  const notFound = new Set();
  const server = await startServer({ [BASE]: opts.dist }, {
    gzip: true,
    pages: { [STATIC_BASE]: statique.html },
    onNotFound: (url) => notFound.add(url),
  });
  const origin = `http://127.0.0.1:${server.address().port}`;
  const t0 = Date.now();
  try {
    console.log(`Build ${path.relative(ROOT, opts.dist) || opts.dist}, served gzipped at ${origin}${BASE}`);
    console.log(`Static page: ${origin}${STATIC_BASE} (#app of index.html, ${Buffer.byteLength(statique.html)} bytes of HTML, stylesheet ${statique.css}, no script)`);

    let share;
    if (opts.share) {
      share = { shown: null, measured: opts.share, opened: null };
      console.log(`Share link (--share): ${origin}${share.measured}`);
    } else {
      share = await shareLink(origin);
      console.log(`Share link shown by the app: ${share.shown}`);
      console.log(`Share link measured: ${origin}${share.measured}${share.opened ? ' (opens the shared quote)' : ''}`);
      if (!share.opened) console.log('WARNING: the measured share link did not show the share-link notice in Playwright');
    }

    const pages = [
      { id: 'catalogue', label: 'catalogue', path: BASE },
      { id: 'simulator', label: 'simulator', path: `${BASE}simulateur/` },
      { id: 'share', label: 'share link', path: share.measured },
      { id: 'static', label: 'static page', path: STATIC_BASE },
    ].map((p) => ({ ...p, url: origin + p.path, runs: [], failures: [] }));

    const chromeVersion = execFileSync(CHROME_PATH, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    console.log(`Lighthouse 12.2.3 (mobile, simulated throttling), ${chromeVersion}, ${os.cpus().length} CPU, load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
    console.log(`${opts.runs} run(s) × ${pages.length} pages, a fresh Chrome each…`);
    for (let i = 0; i < opts.runs; i++) {
      for (const p of pages) {
        const started = Date.now();
        try {
          const r = await runOnce(p.url);
          p.runs.push(r);
          console.log(`  ${i + 1}/${opts.runs} ${p.label.padEnd(11)} perf ${r.score ?? '—'}, FCP ${ms(r.fcp)}, LCP ${ms(r.lcp)}, TBT ${ms(r.tbt)}, TTI ${ms(r.tti)} ms, wasm ${kb(r.wasmBytes)} kB (benchmarkIndex ${r.benchmarkIndex ?? '—'}, ${((Date.now() - started) / 1000).toFixed(0)} s)`);
          for (const w of r.warnings) console.log(`      Lighthouse warning: ${w}`);
        } catch (e) {
          p.failures.push(String(e?.message ?? e));
          console.log(`  ${i + 1}/${opts.runs} ${p.label.padEnd(11)} FAILED: ${e?.message ?? e}`);
        }
      }
    }

    const keys = ['score', 'fcp', 'lcp', 'tbt', 'tti', 'si', 'cls', 'longestTask', 'wasmBytes', 'transferBytes',
      'requests', 'workerBytes', 'workerWasmBytes', 'benchmarkIndex'];
    for (const p of pages) {
      p.median = { n: p.runs.length };
      for (const k of keys) p.median[k] = median(p.runs.map((r) => r[k]));
    }

    console.log('\nMedians (Lighthouse mobile: simulated slow 4G, 4x CPU; times in ms, sizes in kB transferred)');
    printTable(pages);
    console.log('  task: longest main-thread task (simulated; "<50": none of 50 ms or more)');
    console.log('  wasm, all: bytes the page transferred (gzipped), without the service worker\'s precache');
    for (const p of pages) console.log(`  ${p.label}: ${p.url}`);
    const precache = pages.filter((p) => p.median.workerBytes);
    if (precache.length) {
      console.log(`  service worker precache seen after the load (not in the table): ${precache.map((p) => `${p.label} ${kb(p.median.workerBytes)} kB (wasm ${kb(p.median.workerWasmBytes)})`).join(', ')}`);
    }
    for (const p of pages) for (const f of p.failures) console.log(`WARNING: ${p.label}: ${f}`);
    if (notFound.size) console.log(`Note: answered 404 for ${[...notFound].join(', ')}`);

    const report = {
      date: new Date().toISOString(),
      durationSeconds: Math.round((Date.now() - t0) / 1000),
      dist: opts.dist,
      base: BASE,
      served: 'gzip (level 9) for html, js, css, wasm, json, svg, webmanifest',
      lighthouse: '12.2.3',
      config: 'default (mobile, simulated throttling), performance only',
      options: { runs: opts.runs, share: opts.share },
      machine: { chrome: chromeVersion, chromeFlags: CHROME_FLAGS, cpus: os.cpus().length, loadavgAtEnd: os.loadavg(), node: process.version },
      share,
      staticPage: { path: STATIC_BASE, bytes: Buffer.byteLength(statique.html), css: statique.css },
      pages: pages.map(({ id, label, path: p, url, median: m, runs, failures }) => ({ id, label, path: p, url, median: m, failures, runs })),
      notFound: [...notFound],
    };
    const out = path.join(ROOT, 'target/lighthouse.json');
    await mkdir(path.dirname(out), { recursive: true });
    await writeFile(out, JSON.stringify(report, null, 2) + '\n');
    console.log(`All runs written to ${path.relative(ROOT, out)} (${report.durationSeconds} s).`);
  } finally {
    server.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

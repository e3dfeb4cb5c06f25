// Trunk post-build hook (Trunk.toml): finishes the staged dist/ so that it works unchanged
// on any static host under the base path it was built for.
//  1. A Content-Security-Policy meta tag that allows only the site's own origin, wasm
//     compilation, and the page's inline loader script by its sha256 hash.
//  2. A copy of index.html as 404.html (hosts that honour it, e.g. GitHub Pages, then boot
//     the app on any unknown address) and as <screen>/index.html for every fixed screen, so
//     a reload works even on a host with no fallback at all (it serves the directory index).
//  3. In release builds, the first screen prerendered (scripts/prerender.mjs): index.html
//     carries the catalogue as HTML and fetches the app only once that is shown, instead of
//     preloading the JS loader and the wasm. The copies stay plain app shells.
//  4. In release builds, the service worker: public/sw.js moved to the base path's root
//     (its scope) with this build's version and file list, and its registration script.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { renderFirstScreen } from './prerender.mjs';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('post-build: TRUNK_STAGING_DIR is not set (run by trunk)');
const release = process.env.TRUNK_PROFILE === 'release';
// The catalogue the app was built with (build.rs: COSENS_CATALOGUE, else the site's file).
const cataloguePath = process.env.COSENS_CATALOGUE || new URL('../data/catalogue.json', import.meta.url);
const catalogue = JSON.parse(readFileSync(cataloguePath, 'utf8'));

// Fixed screens (src/ui/routes.rs, written out as scripts/screens.json and kept equal to it
// by a test); /brouillons/ID depends on the user's data and relies on 404.html, or on
// in-app navigation where the host has no fallback.
const routes = JSON.parse(readFileSync(new URL('./screens.json', import.meta.url), 'utf8'));
const SCREENS = [
  ...routes.screens.map((s) => s.path.slice(1)).filter(Boolean),
  ...catalogue.modules.map((m) => `${routes.module_path.slice(1)}${m.number}`),
];

const sha256 = (text) => createHash('sha256').update(text).digest('base64');

let html = readFileSync(join(staging, 'index.html'), 'utf8');
const base = html.match(/<base href="([^"]*)"/)?.[1];
if (!base) throw new Error('post-build: no <base href> in index.html (data-trunk-public-url)');

if (release) {
  html = html.replace('</head>', '<script src="public/sw-register.js" defer></script></head>');
}

/** `page` with a CSP meta tag allowing its own inline scripts by hash. */
function withCsp(page) {
  const inline = [...page.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  const policy = [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${inline.map((s) => `'sha256-${sha256(s)}'`).join(' ')}`.trim(),
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');
  const out = page.replace(/<meta charset="utf-8"\s*\/?>/i, (m) => `${m}\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`);
  if (!out.includes('Content-Security-Policy')) throw new Error('post-build: no <meta charset> to put the CSP after');
  return out;
}

/**
 * `page` with `preview` (the first screen's HTML) in its #app, and Trunk's loader changed
 * to fetch the JS and the wasm after the page's load event instead of preloading them.
 */
function withPreview(page, { html: preview, title }) {
  const loader = page.match(/<script type="module">\s*import init, \* as bindings from '([^']+)';\s*const wasm = await init\(\{ module_or_path: '([^']+)' \}\);[\s\S]*?<\/script>/);
  if (!loader) throw new Error("Trunk's loader script is not in the form expected (Trunk 0.21)");
  if (!page.includes('<div id="app"></div>')) throw new Error('index.html has no empty <div id="app">');
  const [script, js, wasm] = loader;
  const deferred = `<script type="module">
// The first screen is in the page already: fetch the app once it is shown.
const start = async () => {
  const bindings = await import('${js}');
  const wasm = await bindings.default({ module_or_path: '${wasm}' });
  window.wasmBindings = bindings;
  dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
};
if (document.readyState === 'complete') start(); else addEventListener('load', start, { once: true });
</script>`;
  const escaped = title.replaceAll('&', '&amp;').replaceAll('<', '&lt;');
  return page
    .replace(/<title>[^<]*<\/title>/, () => `<title>${escaped}</title>`)
    .replace(script, () => deferred)
    .replace(/<link rel="(?:modulepreload|preload)"[^>]*>/g, '')
    .replace('<div id="app"></div>', () => `<div id="app" class="apercu">${preview}</div>`);
}

const shell = withCsp(html);
writeFileSync(join(staging, 'index.html'), shell);
writeFileSync(join(staging, '404.html'), shell);
for (const screen of SCREENS) {
  mkdirSync(join(staging, screen), { recursive: true });
  writeFileSync(join(staging, screen, 'index.html'), shell);
}

let prerendered = false;
if (release) {
  try {
    const preview = await renderFirstScreen(staging, base);
    writeFileSync(join(staging, 'index.html'), withCsp(withPreview(html, preview)));
    prerendered = true;
  } catch (e) {
    console.warn(`post-build: WARNING: first screen not prerendered, index.html waits for the app (${e.message})`);
  }
}

const walk = (dir) => readdirSync(dir, { withFileTypes: true })
  .flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));

if (release) {
  const template = readFileSync(join(staging, 'public', 'sw.js'), 'utf8');
  rmSync(join(staging, 'public', 'sw.js'));
  const copies = new Set(SCREENS.map((s) => `${s}/index.html`));
  const files = walk(staging)
    .map((p) => relative(staging, p).split('\\').join('/'))
    .filter((f) => !copies.has(f) && f !== 'sw.js')
    .sort();
  const version = createHash('sha256');
  for (const f of files) version.update(f).update(readFileSync(join(staging, f)));
  const sw = template
    .replace("'__VERSION__'", JSON.stringify(version.digest('hex').slice(0, 16)))
    .replace('__FILES__', JSON.stringify(files));
  writeFileSync(join(staging, 'sw.js'), sw);
} else {
  // No service worker while developing (trunk serve rebuilds on every change).
  rmSync(join(staging, 'public', 'sw.js'), { force: true });
}
console.log(`post-build: CSP, 404.html, ${SCREENS.length} screen copies${prerendered ? ', first screen prerendered' : ''}${release ? ', service worker' : ''}`);

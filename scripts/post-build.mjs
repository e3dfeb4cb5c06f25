// Finishes the release build that scripts/build.mjs put together (one app per page group),
// so that it works unchanged on any static host under the base path it was built for:
//  0. Every page's skip link, header and footer, written from the route table and the
//     catalogue (scripts/chrome.mjs): no app carries them.
//  1. A page per screen, `<screen>/index.html` (and the module pages), each loading its
//     page group's app; a static host answers each address with its folder's page.
//  2. In release builds, each page's first view prerendered (scripts/prerender.mjs): the
//     page carries its screen as HTML, controls disabled, and fetches its app only once
//     that is shown, instead of preloading the JS loader and the wasm.
//  3. A Content-Security-Policy meta tag that allows only the site's own origin, wasm
//     compilation, and the page's inline scripts by their sha256 hash.
//  4. 404.html: the app of the route table's fallback group (hosts that honour it, e.g.
//     GitHub Pages, then show a draft at its own address, or « Page introuvable »).
//  5. integrer.js (the route table's embed_script), at the base: the one script another site holds to embed a screen.
//  6. In release builds, the service worker: public/sw.js moved to the base path's root
//     (its scope) with this build's version and file list, and its registration script.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { chrome } from './chrome.mjs';
import { embedScript } from './embed.mjs';
import { renderScreens } from './prerender.mjs';
import { pageFile, pagesOf, routes } from './routes.mjs';

// The catalogue the app was built with (build.rs: COSENS_CATALOGUE, else the site's file).
const cataloguePath = process.env.COSENS_CATALOGUE || new URL('../data/catalogue.json', import.meta.url);

const sha256 = (text) => createHash('sha256').update(text).digest('base64');

/** `page` with a CSP meta tag allowing its own inline scripts by hash (not its data blocks:
 * the catalogue's JSON-LD is never run). */
function withCsp(page) {
  const inline = [...page.matchAll(/<script(?![^>]*\bsrc=)(?![^>]*application\/ld\+json)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
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
 * to fetch the wasm once that screen is painted instead of preloading it; the small JS
 * loader stays modulepreloaded.
 */
function withPreview(page, { html: preview, title }, appAttributes) {
  const loader = page.match(/<script type="module">\s*import init, \* as bindings from '([^']+)';\s*const wasm = await init\(\{ module_or_path: '([^']+)' \}\);[\s\S]*?<\/script>/);
  if (!loader) throw new Error("Trunk's loader script is not in the form expected (Trunk 0.21)");
  if (!page.includes('<div id="app"></div>')) throw new Error('index.html has no empty <div id="app">');
  const [script, js, wasm] = loader;
  // The page's screen is in it already: its app is fetched once that screen is painted —
  // after the frame that follows this script (which runs once the whole page is parsed) and
  // the next one — so that the wasm never delays the first paint. In a tab that paints
  // nothing (hidden) it is fetched at once, and 200 ms on at the latest should frames be
  // held back (a frame out of view).
  const deferred = `<script type="module">
let started = false;
const start = async () => {
  if (started) return;
  started = true;
  const bindings = await import('${js}');
  const wasm = await bindings.default({ module_or_path: '${wasm}' });
  window.wasmBindings = bindings;
  dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
};
if (document.visibilityState === 'visible') {
  requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(start)));
  setTimeout(start, 200);
} else start();
</script>`;
  const escaped = title.replaceAll('&', '&amp;').replaceAll('<', '&lt;');
  return page
    .replace(/<title>[^<]*<\/title>/, () => `<title>${escaped}</title>`)
    .replace(script, () => deferred)
    .replace(/<link rel="preload"[^>]*>/g, '')
    .replace('<div id="app"></div>', () => `<div id="app" class="apercu"${appAttributes}>${preview}</div>`);
}

/**
 * Finishes `dist`: `shells` maps each page group to the page Trunk wrote for it.
 */
export async function finish({ dist, shells, release }) {
  const base = Object.values(shells)[0].match(/<base href="([^"]*)"/)?.[1];
  if (!base) throw new Error('post-build: no <base href> in the pages (data-trunk-public-url)');
  const catalogue = JSON.parse(readFileSync(cataloguePath, 'utf8'));
  const pages = pagesOf(catalogue);
  // Every page's skip link, header and footer, around its app (scripts/chrome.mjs).
  const { header, footer } = chrome(catalogue);
  for (const group of Object.keys(shells)) {
    if (!shells[group].includes('<div id="app"></div>')) throw new Error('index.html has no empty <div id="app">');
    shells[group] = shells[group].replace('<div id="app"></div>', () => `${header}<div id="app"></div>${footer}`);
  }
  const withRegistration = (page) => (release ? page.replace('</head>', '<script src="public/sw-register.js" defer></script></head>') : page);

  for (const { path, group } of pages) {
    mkdirSync(join(dist, pageFile(path), '..'), { recursive: true });
    writeFileSync(join(dist, pageFile(path)), withCsp(withRegistration(shells[group])));
  }
  // 404.html, and the page that opens a draft from a link (`/brouillon?brouillon=ID`): the
  // draft's app, no first view of its own (it is the user's data).
  const fallback = withCsp(withRegistration(shells[routes.fallback_group]));
  writeFileSync(join(dist, '404.html'), fallback);
  mkdirSync(join(dist, pageFile(routes.draft_opener), '..'), { recursive: true });
  writeFileSync(join(dist, pageFile(routes.draft_opener)), fallback);
  // The script another site holds to embed a screen (scripts/embed.mjs).
  writeFileSync(join(dist, routes.embed_script), embedScript());

  let prerendered = 0;
  if (release) {
    const previews = await renderScreens(dist, base, pages.map((p) => p.path));
    // A page whose first view is all this browser's own data keeps its prerendered default
    // figures hidden when the browser holds some (index.html's first script says so); a
    // page whose first view is the day's keeps its main hidden, and its title is the
    // screen's, until the app runs (src/ui/routes.json, first_view).
    for (const { path, group, firstView, name } of pages) {
      const attributes = { own_data: ' data-selon-donnees', dated: ' data-selon-date' }[firstView] ?? '';
      const preview = previews.get(path);
      if (firstView === 'dated') preview.title = `${name}${routes.title_suffix}`;
      const page = withPreview(withRegistration(shells[group]), preview, attributes);
      writeFileSync(join(dist, pageFile(path)), withCsp(page));
      prerendered += 1;
    }
  }

  if (release) {
    const template = readFileSync(join(dist, 'public', 'sw.js'), 'utf8');
    rmSync(join(dist, 'public', 'sw.js'));
    const files = walk(dist)
      .map((p) => relative(dist, p).split('\\').join('/'))
      .filter((f) => f !== 'sw.js')
      .sort();
    const version = createHash('sha256');
    for (const f of files) version.update(f).update(readFileSync(join(dist, f)));
    const sw = template
      .replace("'__VERSION__'", JSON.stringify(version.digest('hex').slice(0, 16)))
      .replace('__FILES__', JSON.stringify(files));
    writeFileSync(join(dist, 'sw.js'), sw);
  } else {
    rmSync(join(dist, 'public', 'sw.js'), { force: true });
  }
  console.log(`post-build: ${pages.length} pages${prerendered ? `, ${prerendered} prerendered` : ''}, CSP, 404.html${release ? ', service worker' : ''}`);
}

const walk = (dir) => readdirSync(dir, { withFileTypes: true })
  .flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));

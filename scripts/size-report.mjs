#!/usr/bin/env node
// Reports the size of a built dist/ (scripts/build.mjs): each shipped file raw, gzipped
// (level 9) and brotli (quality 11), then per page (each screen's index.html, 404.html):
//  - "first load": what the browser fetches before the page's screen is shown and usable
//    for reading and following links: the HTML (its screen prerendered) and what its tags
//    load (the stylesheet, the favicon, deferred scripts, and whatever it preloads);
//  - "app": what the page's inline loader fetches after that (its page group's JS loader
//    and wasm): the controls need it;
//  - "wasm": the page's wasm alone.
// and the totals of everything shipped (the service worker, the manifest and its icons, the
// JSON schemas included).
//
// Usage: node scripts/size-report.mjs DIST [--budget-gzip-kb N] [--app-budget-gzip-kb N]
//                                           [--wasm-budget-gzip-kb N] [--json OUT]
// Exits 1 when, gzipped, some prerendered page's first load passes --budget-gzip-kb, its first load and
// app together pass --app-budget-gzip-kb, or its wasm passes --wasm-budget-gzip-kb.
import { readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { extname, join, relative } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const SHIPPED = new Set([".wasm", ".js", ".css", ".html", ".json", ".svg", ".png", ".webmanifest"]);

const args = process.argv.slice(2);
const dist = args[0];
const option = (name) => {
  const i = args.indexOf(name);
  return i > 0 ? args[i + 1] : undefined;
};
if (!dist || !statSync(dist, { throwIfNoEntry: false })?.isDirectory()) {
  console.error(`size-report: no such directory: ${dist}`);
  process.exit(2);
}

// The files the page `page` (a path relative to dist/) makes the browser fetch, as paths
// relative to dist/ (Trunk writes them under the public URL given by <base href>):
// { first, app }.
const loadedFiles = (page) => {
  const html = readFileSync(join(dist, page), "utf8");
  const base = html.match(/<base href="([^"]*)"/)?.[1] ?? "/";
  const local = (url) => (url.startsWith(base) ? url.slice(base.length) : url.replace(/^\//, ""));
  const first = new Set([page]);
  for (const tag of html.match(/<(link|script)\b[^>]*>/g) ?? []) {
    const rel = tag.match(/\brel="([^"]*)"/)?.[1] ?? "";
    if (tag.startsWith("<link") && !["stylesheet", "modulepreload", "preload", "icon"].includes(rel)) continue;
    const url = tag.match(/\b(?:href|src)="([^"]*)"/)?.[1];
    if (!url || /^[a-z]+:/i.test(url)) continue;
    first.add(local(url));
  }
  const app = new Set();
  for (const [, script] of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
    for (const [, url] of script.matchAll(/(?:\bfrom|\bimport\(|module_or_path:)\s*'([^']+)'/g)) {
      if (!first.has(local(url))) app.add(local(url));
    }
  }
  return { first, app };
};

const walk = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
  );

const rows = walk(dist)
  .filter((p) => SHIPPED.has(extname(p)))
  .sort()
  .map((p) => {
    const data = readFileSync(p);
    return {
      file: relative(dist, p).split("\\").join("/"),
      raw: data.length,
      gzip: gzipSync(data, { level: 9 }).length,
      brotli: brotliCompressSync(data, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
      }).length,
    };
  });
const byFile = new Map(rows.map((r) => [r.file, r]));

const sum = (list, key) => list.reduce((n, r) => n + r[key], 0);
const total = (files) => {
  const list = [...files].map((f) => byFile.get(f)).filter(Boolean);
  return { raw: sum(list, "raw"), gzip: sum(list, "gzip"), brotli: sum(list, "brotli") };
};
const fmt = (n) => n.toLocaleString("en-US").padStart(10);
const width = Math.max(28, ...rows.map((r) => r.file.length));
const line = (label, t) => console.log(`${label.padEnd(width)}  ${fmt(t.raw)}  ${fmt(t.gzip)}  ${fmt(t.brotli)}`);
console.log(`${"file".padEnd(width)}  ${"raw".padStart(10)}  ${"gzip".padStart(10)}  ${"brotli".padStart(10)}`);
for (const r of rows) line(r.file, r);
line("everything shipped", total(rows.map((r) => r.file)));

const pages = rows.map((r) => r.file).filter((f) => f === "index.html" || f.endsWith("/index.html") || f === "404.html");
const perPage = pages.map((page) => {
  const { first, app } = loadedFiles(page);
  const wasm = [...app, ...first].filter((f) => f.endsWith(".wasm"));
  return {
    page,
    // 404.html has no first view of its own (it shows a draft's address): it preloads its app.
    prerendered: readFileSync(join(dist, page), "utf8").includes('<div id="app" class="apercu"'),
    first_load: total(first),
    first_load_and_app: total([...first, ...app]),
    wasm: total(wasm),
    wasm_files: wasm,
  };
});
console.log(`\n${"page (gzip bytes)".padEnd(width)}  ${"first load".padStart(10)}  ${"+ app".padStart(10)}  ${"wasm".padStart(10)}  wasm file`);
for (const p of perPage) {
  console.log(`${p.page.padEnd(width)}  ${fmt(p.first_load.gzip)}  ${fmt(p.first_load_and_app.gzip)}  ${fmt(p.wasm.gzip)}  ${p.wasm_files.join(" ")}`);
}

const out = option("--json");
if (out) writeFileSync(out, JSON.stringify({ files: rows, pages: perPage, everything: total(rows.map((r) => r.file)) }, null, 2));

/** Checks the largest `key` figure of the pages against the budget `name`, if given. */
const withinBudget = (name, label, key, pages = perPage) => {
  const kb = option(name);
  if (kb === undefined) return true;
  const worst = pages.reduce((a, b) => (b[key].gzip > a[key].gzip ? b : a));
  const ok = worst[key].gzip <= Number(kb) * 1000;
  console.log(`budget: ${label} ${(worst[key].gzip / 1000).toFixed(1)} KB gzipped at most (${worst.page}), ${ok ? "within" : "OVER"} ${kb} KB`);
  return ok;
};
const ok = [
  withinBudget("--budget-gzip-kb", "first load of a prerendered page", "first_load", perPage.filter((p) => p.prerendered)),
  withinBudget("--app-budget-gzip-kb", "first load + app", "first_load_and_app"),
  withinBudget("--wasm-budget-gzip-kb", "wasm", "wasm"),
];
if (ok.includes(false)) process.exit(1);

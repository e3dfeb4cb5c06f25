#!/usr/bin/env node
// Reports the size of a built dist/: each shipped file raw, gzipped (level 9) and brotli
// (quality 11), then the totals:
//  - "first load" (*): what the browser fetches before the first screen is shown and usable
//    for reading and following links: index.html and what its tags load (the stylesheet,
//    the favicon, deferred scripts, and whatever it preloads). A release build's index.html
//    carries the catalogue prerendered (scripts/prerender.mjs) and preloads nothing else;
//    a plain app shell preloads the JS loader and the wasm, which then count here.
//  - "app" (+): what index.html's inline loader fetches after that (the JS loader and the
//    wasm, when not preloaded): the search, the filter and every other screen need it.
//  - "everything shipped": also the per-screen copies of index.html, 404.html, the service
//    worker, the manifest and its icons, and the JSON schemas, fetched later or never.
//
// Usage: node scripts/size-report.mjs DIST [--budget-gzip-kb N] [--app-budget-gzip-kb N] [--json OUT]
// With --budget-gzip-kb, exits 1 when the first load, gzipped, passes N KB; with
// --app-budget-gzip-kb, when the first load and the app together pass N KB.
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

// The files index.html makes the browser fetch, as paths relative to dist/ (Trunk writes
// them under the public URL given by <base href>): { first, app }.
const loadedFiles = () => {
  const html = readFileSync(join(dist, "index.html"), "utf8");
  const base = html.match(/<base href="([^"]*)"/)?.[1] ?? "/";
  const local = (url) => (url.startsWith(base) ? url.slice(base.length) : url.replace(/^\//, ""));
  const first = new Set(["index.html"]);
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

const loaded = loadedFiles();
const rows = walk(dist)
  .filter((p) => SHIPPED.has(extname(p)))
  .sort()
  .map((p) => {
    const data = readFileSync(p);
    const file = relative(dist, p).split("\\").join("/");
    return {
      file,
      raw: data.length,
      gzip: gzipSync(data, { level: 9 }).length,
      brotli: brotliCompressSync(data, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
      }).length,
      firstLoad: loaded.first.has(file),
      app: loaded.app.has(file),
    };
  });

const sum = (list, key) => list.reduce((n, r) => n + r[key], 0);
const fmt = (n) => n.toLocaleString("en-US").padStart(10);
const width = Math.max(24, ...rows.map((r) => r.file.length));
console.log(`${"file".padEnd(width)}  ${"raw".padStart(10)}  ${"gzip".padStart(10)}  ${"brotli".padStart(10)}`);
for (const r of rows) {
  console.log(`${(r.file + (r.firstLoad ? " *" : r.app ? " +" : "")).padEnd(width)}  ${fmt(r.raw)}  ${fmt(r.gzip)}  ${fmt(r.brotli)}`);
}
const total = (list) => ({ raw: sum(list, "raw"), gzip: sum(list, "gzip"), brotli: sum(list, "brotli") });
const totals = {
  first_load: total(rows.filter((r) => r.firstLoad)),
  first_load_and_app: total(rows.filter((r) => r.firstLoad || r.app)),
  everything: total(rows),
};
const line = (label, t) => console.log(`${label.padEnd(width)}  ${fmt(t.raw)}  ${fmt(t.gzip)}  ${fmt(t.brotli)}`);
line("first load (*)", totals.first_load);
line("first load + app (* +)", totals.first_load_and_app);
line("everything shipped", totals.everything);

const out = option("--json");
if (out) writeFileSync(out, JSON.stringify({ files: rows, totals }, null, 2));

/** Checks `t` (gzipped) against the budget given by `name`, if any; false when over it. */
const withinBudget = (name, label, t) => {
  const kb = option(name);
  if (kb === undefined) return true;
  const ok = t.gzip <= Number(kb) * 1000;
  console.log(`budget: ${label} ${(t.gzip / 1000).toFixed(1)} KB gzipped, ${ok ? "within" : "OVER"} ${kb} KB`);
  return ok;
};
const ok = [
  withinBudget("--budget-gzip-kb", "first load", totals.first_load),
  withinBudget("--app-budget-gzip-kb", "first load + app", totals.first_load_and_app),
];
if (ok.includes(false)) process.exit(1);

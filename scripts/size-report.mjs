#!/usr/bin/env node
// Reports the size of a built dist/: each shipped file raw, gzipped (level 9) and brotli
// (quality 11), then the totals. The "first load" total is what the browser fetches before
// the first screen is usable: index.html and what it loads (the stylesheet, the JS loader it
// preloads, the wasm, the favicon, deferred scripts). The per-screen copies of index.html,
// 404.html, the service worker, the manifest and its icons, and the JSON schemas are
// fetched later or never, so they count only in "everything shipped".
//
// Usage: node scripts/size-report.mjs DIST [--budget-gzip-kb N] [--json OUT]
// With --budget-gzip-kb, exits 1 when the first load, gzipped, passes the budget.
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

// The files index.html makes the browser fetch before the screen is usable, as paths
// relative to dist/ (Trunk writes them under the public URL given by <base href>).
const firstLoadFiles = () => {
  const html = readFileSync(join(dist, "index.html"), "utf8");
  const base = html.match(/<base href="([^"]*)"/)?.[1] ?? "/";
  const files = new Set(["index.html"]);
  for (const tag of html.match(/<(link|script)\b[^>]*>/g) ?? []) {
    const rel = tag.match(/\brel="([^"]*)"/)?.[1] ?? "";
    if (tag.startsWith("<link") && !["stylesheet", "modulepreload", "preload", "icon"].includes(rel)) continue;
    const url = tag.match(/\b(?:href|src)="([^"]*)"/)?.[1];
    if (!url || /^[a-z]+:/i.test(url)) continue;
    files.add(url.startsWith(base) ? url.slice(base.length) : url.replace(/^\//, ""));
  }
  return files;
};

const walk = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
  );

const firstLoad = firstLoadFiles();
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
      firstLoad: firstLoad.has(file),
    };
  });

const sum = (list, key) => list.reduce((n, r) => n + r[key], 0);
const fmt = (n) => n.toLocaleString("en-US").padStart(10);
const width = Math.max(24, ...rows.map((r) => r.file.length));
console.log(`${"file".padEnd(width)}  ${"raw".padStart(10)}  ${"gzip".padStart(10)}  ${"brotli".padStart(10)}`);
for (const r of rows) {
  console.log(`${(r.file + (r.firstLoad ? " *" : "")).padEnd(width)}  ${fmt(r.raw)}  ${fmt(r.gzip)}  ${fmt(r.brotli)}`);
}
const first = rows.filter((r) => r.firstLoad);
const totals = {
  first_load: { raw: sum(first, "raw"), gzip: sum(first, "gzip"), brotli: sum(first, "brotli") },
  everything: { raw: sum(rows, "raw"), gzip: sum(rows, "gzip"), brotli: sum(rows, "brotli") },
};
console.log(`${"first load (*)".padEnd(width)}  ${fmt(totals.first_load.raw)}  ${fmt(totals.first_load.gzip)}  ${fmt(totals.first_load.brotli)}`);
console.log(`${"everything shipped".padEnd(width)}  ${fmt(totals.everything.raw)}  ${fmt(totals.everything.gzip)}  ${fmt(totals.everything.brotli)}`);

const out = option("--json");
if (out) writeFileSync(out, JSON.stringify({ files: rows, totals }, null, 2));

const budgetKb = option("--budget-gzip-kb");
if (budgetKb !== undefined) {
  const budget = Number(budgetKb) * 1000;
  const ok = totals.first_load.gzip <= budget;
  console.log(
    `budget: first load ${(totals.first_load.gzip / 1000).toFixed(1)} KB gzipped, ${ok ? "within" : "OVER"} ${budgetKb} KB`,
  );
  if (!ok) process.exit(1);
}

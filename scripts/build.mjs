#!/usr/bin/env node
// The release build: one app (wasm and its JS loader) per page group, each built by Trunk
// from index.html with that group's binary (src/bin/<group>.rs), then put together into
// one site and finished (scripts/post-build.mjs: a page per screen with its first view
// prerendered, CSP, 404.html, service worker).
//
// Usage: node scripts/build.mjs [--public-url /base/] [--dist DIR] [--dev]
//   --public-url  the path the site is served under (default /)
//   --dist        where the site is written (default dist)
//   --dev         debug builds, no prerender, no service worker (quicker)
//   --reuse       skip the Trunk builds: finish again from target/groups (scripts only)
//
// Every group builds in the same cargo target directory with the same profile and
// features, so the dependencies and the library compile once; each group then costs
// its own link (LTO), wasm-bindgen and wasm-opt.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { flag, option } from './cli.mjs';
import { finish } from './post-build.mjs';
import { firstScriptRoutes, groups } from './routes.mjs';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const publicUrl = option('--public-url', '/');
const dist = resolve(option('--dist', join(ROOT, 'dist')));
const release = !flag('--dev');
const reuse = flag('--reuse');

// index.html is the page's template: each group's page is that one with the group's
// binary and the route table's part its first script reads, written beside the project so
// its paths still hold.
const template = readFileSync(join(ROOT, 'index.html'), 'utf8');
if (!/data-bin="[^"]+"/.test(template)) throw new Error('build: index.html has no data-bin on its rust link');
if (!template.includes('})(ROUTES);')) throw new Error("build: index.html's first script does not take ROUTES");
const pagesDir = join(ROOT, 'target/pages');
const outDir = join(ROOT, 'target/groups');
mkdirSync(pagesDir, { recursive: true });
rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });

// The first script's comments are for the source: every page ships without them (its
// first load counts every byte; the CSP hashes the script as shipped).
const shipped = template.replace(/^[ \t]*\/\/.*\n/gm, '');

const shells = {};
for (const group of groups) {
  const page = join(pagesDir, `${group}.html`);
  writeFileSync(
    page,
    shipped
      .replace(/data-bin="[^"]+"/, `href="../../Cargo.toml" data-bin="${group}"`)
      .replaceAll('href="style/', 'href="../../style/')
      .replaceAll('href="public"', 'href="../../public"')
      .replace('})(ROUTES);', () => `})(${firstScriptRoutes()});`),
  );
  const out = join(outDir, group);
  console.log(`\nbuild: page group ${group}`);
  if (!reuse) execFileSync('trunk', ['build', ...(release ? ['--release'] : []), '--public-url', publicUrl, '--dist', out, page], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  shells[group] = readFileSync(join(out, 'index.html'), 'utf8');
  for (const entry of readdirSync(out)) {
    if (entry !== 'index.html') cpSync(join(out, entry), join(dist, entry), { recursive: true });
  }
}

await finish({ dist, shells, release });

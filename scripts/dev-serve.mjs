#!/usr/bin/env node
// The development server (scripts/serve.sh): the site in the same shape as a release build
// — a page per screen, each with its page group's app, 404.html, the CSP, the page's first
// script — made by scripts/build.mjs with debug builds and no prerender, served by the plain
// static server the end-to-end tests use (a missing file answered with 404.html, as GitHub
// Pages does). A change under src/, style/, public/ or data/, or to index.html or
// Cargo.toml, builds the site again; reload the page to see it.
//
// Usage: node scripts/dev-serve.mjs [--port 8080] [--public-url /]
import { spawn } from 'node:child_process';
import { watch } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { option } from './cli.mjs';
import { startServer } from './static-server.mjs';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const port = Number(option('--port', 8080));
const base = option('--public-url', '/');
const dist = join(ROOT, 'target', 'dev-site');

const build = () => new Promise((done) => {
  const child = spawn(process.execPath, [join(ROOT, 'scripts/build.mjs'), '--dev', '--public-url', base, '--dist', dist], { cwd: ROOT, stdio: 'inherit' });
  child.on('exit', (code) => done(code === 0));
});

let server = null;
const serve = async () => {
  if (server) await new Promise((r) => server.close(r));
  server = await startServer({ [base]: dist }, { port, notFound: join(dist, '404.html') });
  console.log(`\ndev-serve: http://127.0.0.1:${port}${base} (a change builds the site again; Ctrl+C to stop)`);
};

let running = false;
let again = false;
const rebuild = async () => {
  if (running) {
    again = true;
    return;
  }
  running = true;
  do {
    again = false;
    if (await build()) await serve();
    else console.error('\ndev-serve: the build failed; the last good site is still served');
  } while (again);
  running = false;
};

let timer = null;
const changed = (what) => (_event, file) => {
  if (file && /(^|\/)(\.|target\/)|~$|\.swp$/.test(file)) return;
  clearTimeout(timer);
  timer = setTimeout(() => {
    console.log(`\ndev-serve: ${what}${file ? `/${file}` : ''} changed, building again`);
    rebuild();
  }, 300);
};
for (const dir of ['src', 'style', 'public', 'data']) watch(join(ROOT, dir), { recursive: true }, changed(dir));
for (const file of ['index.html', 'Cargo.toml']) watch(join(ROOT, file), changed(file));

await rebuild();

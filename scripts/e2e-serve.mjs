#!/usr/bin/env node
// The end-to-end tests' web server (playwright.config.mjs starts it): the plain static
// server of scripts/static-server.mjs (no rewrite rule, no fallback; a folder answered by
// its index.html after a redirect to the trailing slash) with the release build under the
// sub-path E2E_BASE, as a static host would have it.
//
// Usage: node scripts/e2e-serve.mjs [PORT]   (default E2E_PORT, else 4173)
//
// E2E_BASE and E2E_DIST (the build to serve) come from the environment (scripts/env.sh),
// with the same defaults. Each port gets its own served copy of the build, so that test
// runs on different ports do not clash: host.spec.mjs deploys "a new version" into it.
import { cp, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startServer } from './static-server.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The sub-path the build is served under (its `--public-url`). */
export const E2E_BASE = process.env.E2E_BASE || '/sous/chemin/';
/** The release build the tests run on. */
export const E2E_DIST = path.resolve(ROOT, process.env.E2E_DIST || 'target/e2e-dist');
/** The port of the tests' web server. */
export const E2E_PORT = Number(process.env.E2E_PORT || 4173);

/** The copy of the build that the server on `port` serves under E2E_BASE. */
export function servedCopy(port = E2E_PORT) {
  return path.join(ROOT, 'target', `e2e-root-${port}`);
}

async function main() {
  const port = Number(process.argv[2] || E2E_PORT);
  if (!(await stat(path.join(E2E_DIST, 'index.html')).catch(() => null))) {
    throw new Error(`e2e-serve: no build in ${E2E_DIST} (scripts/test.sh makes one)`);
  }
  const served = servedCopy(port);
  await rm(served, { recursive: true, force: true });
  await cp(E2E_DIST, served, { recursive: true });
  await startServer({ [E2E_BASE]: served }, { port });
  console.log(`e2e-serve: ${E2E_DIST} at http://127.0.0.1:${port}${E2E_BASE}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((e) => {
    console.error(e.message);
    process.exit(1);
  });
}

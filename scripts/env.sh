# Sourced by the scripts: the pinned tools on PATH (cargo bin, npm's wasm-opt).
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
# The end-to-end tests serve the release build under this sub-path.
export E2E_BASE="/sous/chemin/"
export E2E_DIST="$ROOT/target/e2e-dist"
# The tests build and run the app on a fixture catalogue, not the site's data/catalogue.json
# (build.rs): a price change there breaks only the test that checks the shipped file.
# scripts/serve.sh and a deploy build leave it unset.
# A CI run starts from a clean clone and builds once: incremental compilation's caches would
# only take disk (1.5 GB), and CI machines may have little.
if [ "${CI:-}" = true ]; then export CARGO_INCREMENTAL=0; fi

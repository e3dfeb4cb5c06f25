#!/usr/bin/env bash
# A plain static file server (no rewrite rule, no fallback) with the release build under
# the sub-path $E2E_BASE, as a static host would have it. Used by the end-to-end tests.
# E2E_DIST (the build to serve) may be overridden from the environment; each port gets
# its own served copy, so that test runs on different ports do not clash.
set -euo pipefail
cd "$(dirname "$0")/.."
dist_override="${E2E_DIST:-}"
source scripts/env.sh
E2E_DIST="${dist_override:-$E2E_DIST}"
PORT="${1:-4173}"
root="$ROOT/target/e2e-root-$PORT"
rm -rf "$root"
mkdir -p "$root$(dirname "${E2E_BASE%/}")"
cp -r "$E2E_DIST" "$root${E2E_BASE%/}"
exec python3 -m http.server "$PORT" --bind 127.0.0.1 --directory "$root"

#!/usr/bin/env bash
# Serves the app locally, in the same shape as a release build (a page per screen, each
# with its page group's app; debug builds, no prerender), built again on each change:
# http://127.0.0.1:8080/ (scripts/dev-serve.mjs).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
source scripts/env.sh
exec node scripts/dev-serve.mjs "$@"

#!/usr/bin/env bash
# Serves the app locally with live rebuild: http://127.0.0.1:8080/
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
source scripts/env.sh
echo "Serving on http://127.0.0.1:8080/ (Ctrl+C to stop)"
exec trunk serve --address 127.0.0.1 --port 8080 "$@"

#!/usr/bin/env bash
# Smoke test of the release build in the other engines: Safari's (WebKitGTK's MiniBrowser,
# driven by WebKitWebDriver on a virtual display) and Firefox (firefox-esr, headless, driven
# by geckodriver). Starts Xvfb and both drivers on free loopback ports, runs
# tests/engines/smoke.mjs (which serves E2E_DIST under E2E_BASE with the plain static
# server), and stops everything it started, even on failure. Closes on "N passed, N
# failed"; exits non-zero on any failure. scripts/setup.sh installs the engines.
#
# Usage: scripts/engines.sh [webkit] [firefox]   (both by default; after a release build
# into E2E_DIST, see scripts/test.sh). Logs and failure screenshots: target/engines/.
# DISPLAY_NUMBER=N runs WebKit on the X display :N already there instead of a new Xvfb.
set -euo pipefail
cd "$(dirname "$0")/.."
# A build given as E2E_DIST is kept (scripts/env.sh sets the default, target/e2e-dist).
GIVEN_DIST="${E2E_DIST:-}"
source scripts/env.sh
[ -z "$GIVEN_DIST" ] || E2E_DIST="$(realpath "$GIVEN_DIST")"

ENGINES=("$@")
[ ${#ENGINES[@]} -gt 0 ] || ENGINES=(webkit firefox)
# Every binary by its full path: nothing of the same name elsewhere on PATH is started.
XVFB=/usr/bin/Xvfb
WEBKIT_DRIVER=/usr/bin/WebKitWebDriver
MINIBROWSER=/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser
GECKODRIVER="$HOME/.cargo/bin/geckodriver"
export MINIBROWSER FIREFOX=/usr/bin/firefox-esr
# The time zone of the Playwright tests (playwright.config.mjs).
export TZ=Europe/Paris
LOGS="$ROOT/target/engines"
mkdir -p "$LOGS"
rm -f "$LOGS"/*.log "$LOGS"/*.png "$LOGS"/xvfb.display

say() { printf '[engines] %s\n' "$*"; }
fail() { say "$*"; echo "0 passed, 1 failed"; exit 1; }

PIDS=()
cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do
    # Up to 5 s for a clean stop (a driver closes its browser), then for good.
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    ! kill -0 "$pid" 2>/dev/null || kill -9 "$pid" 2>/dev/null || true
  done
  [ -z "${PROFILES:-}" ] || rm -rf "$PROFILES"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
  node -e "const s = require('net').createServer().listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close(); })"
}

need() { [ -x "$1" ] || fail "$1 is missing: run scripts/setup.sh"; }
TARGETS=()
for engine in "${ENGINES[@]}"; do
  case "$engine" in
    webkit)
      need "$WEBKIT_DRIVER"; need "$MINIBROWSER"; need "$XVFB"
      if [ -z "${DISPLAY_NUMBER:-}" ]; then
        # Xvfb picks a free display itself (-displayfd) and writes its number to fd 3.
        "$XVFB" -displayfd 3 -screen 0 1280x1024x24 -nolisten tcp 3>"$LOGS/xvfb.display" 2>"$LOGS/xvfb.log" &
        PIDS+=($!)
        for _ in $(seq 100); do [ -s "$LOGS/xvfb.display" ] && break; sleep 0.1; done
        DISPLAY_NUMBER=$(tr -dc 0-9 <"$LOGS/xvfb.display")
        [ -n "$DISPLAY_NUMBER" ] || fail "Xvfb did not start (target/engines/xvfb.log)"
      fi
      port=$(free_port)
      DISPLAY=":$DISPLAY_NUMBER" "$WEBKIT_DRIVER" --host=127.0.0.1 --port="$port" >"$LOGS/webkit-driver.log" 2>&1 &
      PIDS+=($!)
      TARGETS+=("webkit=$port")
      ;;
    firefox)
      need "$FIREFOX"; need "$GECKODRIVER"
      PROFILES=$(mktemp -d)
      port=$(free_port)
      # Its own BiDi port too, so that runs side by side do not clash on the default 9222.
      "$GECKODRIVER" --host 127.0.0.1 --port "$port" --websocket-port "$(free_port)" \
        --binary "$FIREFOX" --profile-root "$PROFILES" --log warn >"$LOGS/firefox-driver.log" 2>&1 &
      PIDS+=($!)
      TARGETS+=("firefox=$port")
      ;;
    *) fail "unknown engine: $engine (webkit, firefox)" ;;
  esac
done

say "${ENGINES[*]} on the release build $E2E_DIST"
# In the background, so that a signal to this script stops it too (through cleanup) at once.
node tests/engines/smoke.mjs "${TARGETS[@]}" &
SMOKE=$!
PIDS=("$SMOKE" "${PIDS[@]}")
wait "$SMOKE"

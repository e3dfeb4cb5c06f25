#!/usr/bin/env bash
# Installs whatever this project needs that is missing, and nothing that is present.
# Everything comes from the package registries (crates.io, npm, Debian): no other download.
# First run on a fresh machine: about 35 minutes (Trunk, wasm-bindgen-cli and geckodriver
# compile from source).
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
# geckodriver drives Firefox in the other engines' smoke test (scripts/engines.sh); 0.37.1
# builds with rustc 1.95.
GECKODRIVER_VERSION=0.37.1
# Must equal the wasm-bindgen pinned with `=` in Cargo.toml.
WASM_BINDGEN_VERSION=$(sed -n 's/^wasm-bindgen = { version = "=\([0-9.]*\)".*/\1/p; s/^wasm-bindgen = "=\([0-9.]*\)"/\1/p' Cargo.toml | head -n1)
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf '[setup] %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
for comp in rustfmt clippy; do
  rustup component list --installed | grep -q "^$comp" || rustup component add "$comp"
done

if ! trunk --version 2>/dev/null | grep -q "$TRUNK_VERSION"; then
  say "installing trunk $TRUNK_VERSION (about 13 minutes on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q "$WASM_BINDGEN_VERSION"; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 4 minutes)"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

# (Its --version prints several lines: read the first whole, so that no early exit of a
# reader breaks the pipe under pipefail.)
GECKODRIVER_FOUND=$("$HOME/.cargo/bin/geckodriver" --version 2>/dev/null | sed -n 1p || true)
if [ "$GECKODRIVER_FOUND" != "geckodriver $GECKODRIVER_VERSION" ]; then
  say "installing geckodriver $GECKODRIVER_VERSION (about 2 minutes)"
  cargo install geckodriver --version "$GECKODRIVER_VERSION" --locked
fi

# Debian packages, each checked by the file the scripts use: Chromium and chromedriver (the
# tests and the prerender); Xvfb, WebKitGTK's WebKitWebDriver (which brings the MiniBrowser)
# and Firefox ESR (the other engines' smoke test, scripts/engines.sh).
APT=()
[ -x /usr/bin/chromium ] || APT+=(chromium)
[ -x /usr/bin/chromedriver ] || APT+=(chromium-driver)
[ -x /usr/bin/Xvfb ] || APT+=(xvfb)
[ -x /usr/bin/WebKitWebDriver ] && [ -x /usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser ] || APT+=(webkit2gtk-driver)
[ -x /usr/bin/firefox-esr ] || APT+=(firefox-esr)
if [ ${#APT[@]} -gt 0 ]; then
  say "installing from Debian: ${APT[*]} (about 2 minutes)"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y "${APT[@]}"
fi

# node_modules is (re)installed when it was not installed from this very package-lock.json.
if ! cmp -s package-lock.json node_modules/.installed-from-package-lock.json; then
  say "installing npm packages (package-lock.json)"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
  cp package-lock.json node_modules/.installed-from-package-lock.json
fi
say "all tools present"

#!/usr/bin/env bash
# Installs what building, serving and testing need, skipping whatever is already there, so a
# second run takes seconds. Everything comes from crates.io, PyPI, npm or Debian; nothing is
# downloaded from anywhere else.
#   scripts/install-deps.sh dev    # what `make dev` needs
#   scripts/install-deps.sh test   # plus headless Chromium and the test-only packages
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-test}"
# shellcheck source=scripts/versions.sh
source scripts/versions.sh

step() { printf '\033[1m==> %s\033[0m\n' "$*"; }

# The wasm-bindgen CLI must be exactly the library version in Cargo.lock.
locked_wasm_bindgen=$(grep -A1 '^name = "wasm-bindgen"$' Cargo.lock | sed -n 's/^version = "\(.*\)"/\1/p')
if [ "$locked_wasm_bindgen" != "$WASM_BINDGEN_VERSION" ]; then
  echo "Cargo.lock has wasm-bindgen $locked_wasm_bindgen but scripts/versions.sh pins $WASM_BINDGEN_VERSION;" \
    "update both (and Trunk.toml) together." >&2
  exit 1
fi

apt_packages=()
if [ "$mode" = test ]; then
  command -v chromium >/dev/null || apt_packages+=(chromium)
  command -v chromedriver >/dev/null || apt_packages+=(chromium-driver)
  # The benchmark's transfer sizes (its smoke run is part of make test).
  command -v brotli >/dev/null || apt_packages+=(brotli)
fi
python3 -m venv --help >/dev/null 2>&1 && python3 -c 'import ensurepip' 2>/dev/null || apt_packages+=(python3-venv)
command -v npm >/dev/null || apt_packages+=(nodejs npm)
if [ ${#apt_packages[@]} -gt 0 ]; then
  step "apt: ${apt_packages[*]}"
  [ "$(id -u)" = 0 ] && sudo="" || sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${apt_packages[@]}" >/dev/null
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "rustup: wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi
# rust-src: the release build rebuilds the standard library (scripts/build-site.sh).
for component in rustfmt clippy rust-src; do
  rustup component list --installed | grep -q "^$component" || rustup component add "$component"
done

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  step "cargo install trunk $TRUNK_VERSION (about 5 minutes, once)"
  # A debug build of the tool behaves the same and builds in a third of the time.
  cargo install trunk --version "$TRUNK_VERSION" --locked --debug
fi
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ] ||
  ! command -v wasm-bindgen-test-runner >/dev/null; then
  step "cargo install wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 4 minutes, once)"
  # Not --locked: its lockfile pins a crate version the registry no longer has.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --debug
fi

if ! cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  step "cargo install wasm_split_cli_support $WASM_SPLIT_VERSION (about 2 minutes, once)"
  # wasm-split-cli: splits the site's wasm into one chunk per page (scripts/wasm-split).
  cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --locked --features build-binary --debug
fi

# npm: Playwright (driving Debian's Chromium, never a downloaded one) and binaryen's wasm-opt.
npm_stamp=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ "$(cat node_modules/.installed-lock 2>/dev/null)" != "$npm_stamp" ]; then
  step "npm ci"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
  echo "$npm_stamp" > node_modules/.installed-lock
fi

if [ "$mode" = test ]; then
  bash local-cognito/install.sh --test
else
  bash local-cognito/install.sh
fi

# trunk build --offline makes cargo offline too: fetch the crates first.
cargo fetch --locked --quiet
# ...and the crates of the standard library, which scripts/build-site.sh rebuilds.
RUSTC_BOOTSTRAP=1 cargo fetch --locked --quiet -Zbuild-std --target wasm32-unknown-unknown

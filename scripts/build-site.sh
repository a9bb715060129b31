#!/usr/bin/env bash
# The site's release build: `trunk build --release --offline [ARGS...]` with the standard library
# rebuilt so that a panic aborts at once, without the unwinding and message formatting that the
# prebuilt one carries (25 KB less wasm, brotli). Both need unstable flags of the stable toolchain:
# RUSTC_BOOTSTRAP=1 allows them for this build only; `rustup component add rust-src` and
# `cargo fetch -Zbuild-std` (scripts/install-deps.sh) put the library's sources and crates in place.
# A plain `trunk build --release` still works and gives the same site, slightly larger.
#
# Run in another Trunk project's folder (`env -C examples/host ../../scripts/build-site.sh --dist
# ...`), it builds that one the same way, which also lets it reuse the site's compiled crates.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
# scripts/wasm-split first: its wasm-bindgen splits the wasm into one chunk per page.
export PATH="$root/scripts/wasm-split:$root/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export RUSTC_BOOTSTRAP=1
export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
# Only the wasm target gets these flags: trunk builds with --target, so build scripts and proc
# macros for the host are compiled without them.
export RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort"
exec trunk build --release --offline "$@"

#!/usr/bin/env bash
# Builds the bench crate to wasm, through wasm-bindgen and wasm-opt as Trunk does for the app,
# in these variants of the release profile:
#   pkg-z   the app's profile (opt-level "z" everywhere, as this crate's Cargo.toml says)
#   pkg-zd  the same with dashu-int (the bignum) at opt-level 3
#   pkg-3   opt-level 3 everywhere
#
#   bench/srp/build.sh              all three, with the candidate bignum crates compared
#   bench/srp/build.sh --app-only   pkg-z alone, without the candidates (quick: ours vs the SDK)
#
# Output: bench/srp/target/pkg-*/ and target/variants.json, which bench.js loads.
set -euo pipefail
cd "$(dirname "$0")"
root=$(cd ../.. && pwd)
export PATH="$root/node_modules/.bin:$HOME/.cargo/bin:$PATH"
build() {
  local name=$1 wasm_opt_level=$2 cargo_dir=target/cargo-$1
  shift 2
  # Cargo may keep a stale uplifted .wasm when features change back and forth: one target
  # directory per feature set.
  [ "${1:-}" = --no-default-features ] && cargo_dir=$cargo_dir-app
  cargo build --quiet --release --target wasm32-unknown-unknown --target-dir "$cargo_dir" "$@"
  wasm-bindgen --target web --no-typescript --out-dir "target/pkg-$name" \
    "$cargo_dir/wasm32-unknown-unknown/release/srp_bench.wasm"
  wasm-opt "-O$wasm_opt_level" --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals "target/pkg-$name/srp_bench_bg.wasm" -o "target/pkg-$name/srp_bench_bg.wasm"
}
if [ "${1:-}" = --app-only ]; then
  build z z --no-default-features
  echo '["pkg-z"]' > target/variants.json
else
  build z z
  build zd z --config 'profile.release.package.dashu-int.opt-level=3'
  build 3 3 --config 'profile.release.opt-level=3'
  echo '["pkg-z", "pkg-zd", "pkg-3"]' > target/variants.json
fi
echo "built bench/srp/target/$(tr -d '[]" ' < target/variants.json)"

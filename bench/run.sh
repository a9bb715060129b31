#!/usr/bin/env bash
# `make bench`: installs what is missing, builds our release site (target/dist-bench), the Amplify
# peer (bench/amplify/dist) and the SRP harness (bench/srp), then measures everything in one run
# against a local Cognito on loopback and writes bench/results.md.
#
#   bench/run.sh            the full run (a few minutes once built)
#   bench/run.sh --smoke    what `make test` runs: 2 iterations of every row (1 of the throttled
#                           ones) on dist/ (built by make test; BENCH_SMOKE_SITE=DIR for another),
#                           no peer, no installs; fails if a row has no number or the sign-in
#                           route's first load is over bench/size-budget.json
#
# Ports: free ones the system picks, or BENCH_COGNITO_PORT=N and BENCH_SITE_PORTS=FIRST-LAST
# (5 ports) to pin them.
set -euo pipefail
cd "$(dirname "$0")/.."
# scripts/wasm-split first: its wasm-bindgen splits the site's wasm into chunks for Trunk.
export PATH="$PWD/scripts/wasm-split:$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CARGO_TERM_COLOR=never

mode=full
[ "${1:-}" = --smoke ] && mode=smoke
started=$SECONDS
step() { printf '\033[1m==> [%ss] %s\033[0m\n' "$((SECONDS - started))" "$*"; }

# Row 3: the bench/srp harness (our wasm SRP math next to amazon-cognito-identity-js's), turned
# into the JSON that bench.mjs reads. Leaves no JSON (so row 3 has no number) if it fails.
srp_row() {
  local runs=$1 out=$2
  rm -f "$out.json"
  if [ ! -x bench/srp/build.sh ] || [ ! -f bench/srp/run.mjs ]; then
    echo "bench/srp is missing: row 3 gets no number" >&2
    return 0
  fi
  # --app-only: our app-profile build alone, without the candidate bignum crates the harness can
  # also compare; that is all this row needs, and it builds in a fraction of the time.
  step "SRP harness: build (bench/srp/build.sh --app-only)"
  bench/srp/build.sh --app-only >&2 || { echo "bench/srp/build.sh failed" >&2; return 0; }
  step "SRP harness: $runs runs"
  node bench/srp/run.mjs "$runs" | tee "$out.txt" >&2 || { echo "bench/srp/run.mjs failed" >&2; return 0; }
  node -e '
    const fs = require("fs");
    const text = fs.readFileSync(process.argv[1], "utf8");
    const json = JSON.parse(text.trim().split("\n").reverse().find((l) => l.startsWith("{")));
    const pick = (re) => Object.entries(json.summary).find(([k]) => re.test(k))?.[1];
    // The app-profile build of ours, as the harness names it: what is left for the click once A
    // was made while the user typed, and A itself.
    const ours = json.summary["ours pkg-z (click path)"];
    const ahead = json.summary["ours pkg-z (A, before the click)"];
    const sdk = json.summary["sdk amazon-cognito-identity-js (A + signature)"];
    if (!ours || !ahead || !sdk) throw new Error("the SRP harness printed no click-path/A/sdk medians");
    fs.writeFileSync(process.argv[2], JSON.stringify({ runs: json.runs, ours, ahead, sdk, text }));
  ' "$out.txt" "$out.json"
}

if [ "$mode" = smoke ]; then
  work=target/bench-smoke
  mkdir -p "$work"
  site=${BENCH_SMOKE_SITE:-dist}
  [ -f "$site/index.html" ] || { echo "no $site/: the smoke run measures the site make test built" >&2; exit 1; }
  srp_row 2 "$work/srp"
  exec node bench/bench.mjs --smoke --ours "$site" --srp "$work/srp.json" --work "$work"
fi

work=target/bench
mkdir -p "$work"

step "dependencies (scripts/install-deps.sh test: Chromium, brotli, Playwright, the local Cognito...)"
scripts/install-deps.sh test

step "the Amplify peer: npm ci + vite build (bench/amplify)"
amplify_stamp=$(sha256sum bench/amplify/package-lock.json | cut -d' ' -f1)
if [ "$(cat bench/amplify/node_modules/.installed-lock 2>/dev/null)" != "$amplify_stamp" ]; then
  (cd bench/amplify && npm ci --no-audit --no-fund)
  echo "$amplify_stamp" > bench/amplify/node_modules/.installed-lock
fi
peer_args=()
if ! (cd bench/amplify && node_modules/.bin/vite build); then
  peer_args=(--peer-note "n/a (the Amplify build failed; see the make bench output)")
  rm -rf bench/amplify/dist
fi

step "our release site: scripts/build-site.sh --dist target/dist-bench"
scripts/build-site.sh --dist target/dist-bench

step "what the wasm is made of (bench/wasm-crates.mjs)"
# The split site's main wasm (what the sign-in route loads), as wasm-bindgen wrote it before
# Trunk's wasm-opt: it still has its function names.
node bench/wasm-crates.mjs target/wasm-bindgen/release/leptos-cognito_bg.wasm "$work/named" > "$work/wasm-crates.json" ||
  rm -f "$work/wasm-crates.json"

srp_row 25 "$work/srp"

step "measuring"
node bench/bench.mjs --ours target/dist-bench --peer bench/amplify/dist "${peer_args[@]}" \
  --srp "$work/srp.json" --breakdown "$work/wasm-crates.json" --work "$work" --out bench/results.md

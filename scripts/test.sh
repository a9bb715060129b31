#!/usr/bin/env bash
# Runs every check and test suite, in order of cost, and ends with one line "N passed, M failed"
# summing the tests of all suites. Exits non-zero if any step failed.
set -uo pipefail
cd "$(dirname "$0")/.."
logs=target/test-logs
mkdir -p "$logs" target/e2e
passed=0
failed=0
failed_steps=()

# run NAME COMMAND...: runs a step, keeps its output in target/test-logs/NAME.log.
run() {
  local name=$1
  shift
  printf '\n\033[1m==> %s\033[0m\n' "$name"
  if "$@" 2>&1 | tee "$logs/$name.log"; then
    return 0
  fi
  failed_steps+=("$name")
  return 1
}

# count NAME: adds the passed/failed counts that the step's runner printed.
count() {
  local log="$logs/$1.log" p f
  # cargo test and wasm-bindgen-test: "test result: ok. 3 passed; 0 failed; ..."
  p=$(grep -oE '^test result: .* ([0-9]+) passed' "$log" | grep -oE '[0-9]+ passed' | awk '{s+=$1} END {print s+0}')
  f=$(grep -oE '^test result: .* ([0-9]+) failed' "$log" | grep -oE '[0-9]+ failed' | awk '{s+=$1} END {print s+0}')
  if [ "$p" = 0 ] && [ "$f" = 0 ] && grep -qE '^# pass [0-9]+$' "$log"; then
    # node's test runner with the TAP reporter: "# pass 63" and "# fail 0"
    p=$(grep -E '^# pass [0-9]+$' "$log" | tail -1 | grep -oE '[0-9]+')
    f=$(grep -E '^# fail [0-9]+$' "$log" | tail -1 | grep -oE '[0-9]+')
  fi
  if [ "$p" = 0 ] && [ "$f" = 0 ]; then
    # pytest ("1 failed, 30 passed in 6.1s") and Playwright ("  16 passed (22.8s)", "  1 failed")
    p=$(grep -oE '^[ =]*([0-9]+ failed, )?[0-9]+ passed' "$log" | tail -1 | grep -oE '[0-9]+ passed' | grep -oE '[0-9]+')
    f=$(grep -oE '^[ =]*[0-9]+ failed' "$log" | tail -1 | grep -oE '[0-9]+')
  fi
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
}

# finish_background NAME PID: waits for a step started in the background, then prints and counts it.
finish_background() {
  printf '\n\033[1m==> %s\033[0m\n' "$1"
  wait "$2" || failed_steps+=("$1")
  cat "$logs/$1.log"
  count "$1"
}

# scripts/wasm-split first: its wasm-bindgen splits the site's wasm into chunks for Trunk.
export PATH="$PWD/scripts/wasm-split:$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CARGO_TERM_COLOR=never

run fmt cargo fmt --all --check
run clippy-host cargo clippy --workspace --all-targets --locked -- -D warnings
run clippy-wasm cargo clippy --workspace --all-targets --locked --target wasm32-unknown-unknown -- -D warnings
# The site's build: the pages as split points (the `split` feature).
run clippy-wasm-split cargo clippy -p leptos-cognito --all-targets --locked --features split --target wasm32-unknown-unknown -- -D warnings
run native cargo test -p leptos-cognito-modp -p leptos-cognito-core --locked
count native
# The usage examples in the library's rustdoc compile.
run doc cargo test --doc -p leptos-cognito --locked
count doc
# Every public item documented, every doc link resolving; both crates package as published.
RUSTDOCFLAGS="-D warnings" run rustdoc cargo doc --no-deps -p leptos-cognito-modp -p leptos-cognito-core -p leptos-cognito --locked
run package cargo package --no-verify --offline --locked --allow-dirty -p leptos-cognito-modp -p leptos-cognito-core -p leptos-cognito
run local-cognito local-cognito/.venv/bin/python -m pytest -q local-cognito/tests
count local-cognito
# Our SRP against amazon-cognito-identity-js's, bit for bit, on random cases.
run srp-crosscheck node --test --test-reporter=tap tests/srp-crosscheck/
count srp-crosscheck
# The Content-Security-Policy from config.json: origins read as the app reads them, bad ones refused.
run csp node --test --test-reporter=tap tests/csp/
count csp
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  run browser cargo test -p leptos-cognito --locked --target wasm32-unknown-unknown --lib --test browser
count browser
# The site, and the example host app that uses the crate as a library (served by the e2e run).
if run build scripts/build-site.sh &&
  run build-example-host env -C examples/host \
    ../../scripts/build-site.sh --dist ../../target/dist-example-host; then
  # The session and refresh-fault suites mostly wait for short-lived tokens to expire, so they run
  # beside the rest instead of after it: once with refresh token rotation (the template's default)
  # and once against an app client without it, each with its own local Cognito, config, ports and
  # output folder. Their output is printed when all are done.
  (
    E2E_COGNITO_PORT=9250 E2E_SITE_PORT=8140 E2E_CONFIG=target/e2e/config-token-timers.json \
      npx playwright test --project token-timers --output target/test-results-token-timers \
      >"$logs/e2e-token-timers.log" 2>&1
  ) &
  token_timers=$!
  (
    E2E_REFRESH_TOKEN_ROTATION=DISABLED E2E_COGNITO_PORT=9240 E2E_SITE_PORT=8110 \
      E2E_CONFIG=target/e2e/config-no-rotation.json \
      npx playwright test --project token-timers --output target/test-results-no-rotation \
      --grep-invert 'wall clock|all devices during an outage|3 tabs' \
      >"$logs/e2e-no-rotation.log" 2>&1
  ) &
  no_rotation=$!
  run e2e npx playwright test --project main
  count e2e
  finish_background e2e-token-timers "$token_timers"
  finish_background e2e-no-rotation "$no_rotation"
  # make bench's own script in a quick mode (2 iterations, 1 throttled, ours only, on dist/): every
  # row of the table must get a number, so the benchmark can't rot, and the sign-in route's first
  # load must stay within bench/size-budget.json. It times nothing against a limit.
  run bench-smoke bench/run.sh --smoke
  count bench-smoke
else
  echo "skipping end-to-end tests: a release build failed"
fi

echo
if [ ${#failed_steps[@]} -gt 0 ]; then
  # The failing tests by name, where the runner lists them, so the end of the output says what broke.
  for step in "${failed_steps[@]}"; do
    awk -v step="$step" '
      /^ +[0-9]+ failed$/ { listing = 1; next }
      listing && /^    \[/ { print step ": " substr($0, 5); next }
      { listing = 0 }
      /^test .* \.\.\. FAILED$/ { print step ": " $2 }
      /^FAILED / { print step ": " $2 }
      /^not ok / { print step ": " $0 }
    ' "$logs/$step.log"
  done
  echo "failed steps: ${failed_steps[*]}"
fi
echo "$passed passed, $failed failed"
[ ${#failed_steps[@]} -eq 0 ] && [ "$failed" -eq 0 ]

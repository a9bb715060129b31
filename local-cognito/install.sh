#!/usr/bin/env bash
# Install the local Cognito emulator into local-cognito/.venv (idempotent).
#   bash local-cognito/install.sh          # moto + server deps from requirements.lock
#   bash local-cognito/install.sh --test   # ... plus pytest (requirements-test.txt)
# A stamp file records the hash of what was installed, so a repeat run with
# unchanged pins returns immediately instead of asking pip.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
venv="$here/.venv"
stamp="$here/.install-stamp"
lock="$here/requirements.lock"
test_reqs="$here/requirements-test.txt"

with_test=0
for arg in "$@"; do
  case "$arg" in
    --test) with_test=1 ;;
    -h|--help) sed -n '2,6p' "$0"; exit 0 ;;
    *) echo "install.sh: unknown option $arg" >&2; exit 2 ;;
  esac
done

base_hash="$(cat "$lock" | sha256sum | cut -d' ' -f1)"
test_hash="$(cat "$lock" "$test_reqs" | sha256sum | cut -d' ' -f1)"
installed="$(cat "$stamp" 2>/dev/null || true)"

if [[ -x "$venv/bin/python" ]]; then
  # A test install also satisfies a plain one.
  if [[ "$installed" == "$test_hash" ]] || { [[ $with_test == 0 ]] && [[ "$installed" == "$base_hash" ]]; }; then
    exit 0
  fi
else
  rm -f "$stamp"
  python3 -m venv "$venv"
fi

reqs=(-r "$lock")
want="$base_hash"
if [[ $with_test == 1 ]]; then
  reqs+=(-r "$test_reqs")
  want="$test_hash"
fi
"$venv/bin/python" -m pip install --disable-pip-version-check --no-input -q "${reqs[@]}"
echo "$want" > "$stamp"
echo "local-cognito: installed into $venv"

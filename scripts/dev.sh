#!/usr/bin/env bash
# Starts the local Cognito with the pool from deploy/, writes config.json for it, and serves the
# app with trunk on http://127.0.0.1:8080/. Ctrl-C stops both.
#   scripts/dev.sh [PORT] [OFF|OPTIONAL|ON]   # the second argument sets the pool's MFA
set -euo pipefail
cd "$(dirname "$0")/.."
port="${1:-9229}"
mfa="${2:-}"
params=$(scripts/mfa-params.sh "$mfa")
read -ra mfa_params <<<"$params"

local-cognito/.venv/bin/python local-cognito/server.py --port "$port" --write-config config.json "${mfa_params[@]}" &
cognito=$!
trap 'kill $cognito 2>/dev/null; wait $cognito 2>/dev/null' EXIT
for _ in $(seq 50); do
  curl -fsS "http://127.0.0.1:$port/_local/health" >/dev/null 2>&1 && break
  kill -0 $cognito 2>/dev/null || { echo "the local Cognito did not start" >&2; exit 1; }
  sleep 0.2
done

cat <<MSG

  App:            http://127.0.0.1:8080/
  Local Cognito:  http://127.0.0.1:$port/  (config.json written for it)
  Confirmation codes are printed above as "confirmation code for <email>: <code>",
  or: curl http://127.0.0.1:$port/_local/codes/<email>
  Skip confirmation like the PreSignUp trigger:
      curl -H 'content-type: application/json' -d '{"autoConfirm": true}' http://127.0.0.1:$port/_local/settings

MSG
if [ -n "$mfa" ]; then
  cat <<MSG
  MFA: $mfa (an authenticator app, or a code by email). Emailed codes are printed as
  "MFA code for <email>: <code>", or: curl 'http://127.0.0.1:$port/_local/codes/<email>?purpose=mfa'

MSG
fi
trunk serve --offline

#!/usr/bin/env bash
# Starts the local Cognito with the pool from deploy/, writes config.json for it, and serves the
# app with trunk on http://127.0.0.1:8080/. Ctrl-C stops both.
#   scripts/dev.sh [PORT] [OFF|OPTIONAL|ON] [1] [ALWAYS|USER_OPT_IN] [email|username|phone]
#   (the pool's MFA; 1: passkeys and emailed codes; remembered devices; sign-in identifiers)
set -euo pipefail
cd "$(dirname "$0")/.."
port="${1:-9229}"
mfa="${2:-}"
passkeys="${3:-}"
devices="${4:-}"
sign_in="${5:-}"
params=$(scripts/pool-params.sh "$mfa" "$passkeys" "$devices" "$sign_in")
read -ra pool_params <<<"$params"
# Sign-in through the pool domain (this server, locally): Google and a company provider for
# example-corp.com addresses, both played by the local identity provider page.
pool_params+=(
  --param DomainPrefix=local
  --param CallbackURLs=http://127.0.0.1:8080/oauth2/callback,http://localhost:8080/oauth2/callback
  --param LogoutURLs=http://127.0.0.1:8080/,http://localhost:8080/
  --param GoogleClientId=local-google --param GoogleClientSecret=local
  --param CompanyProviderName=ExampleCorp --param CompanyOidcIssuer=https://idp.example-corp.com
  --param CompanyOidcClientId=local --param CompanyOidcClientSecret=local
  --param CompanyEmailDomains=example-corp.com
)

local-cognito/.venv/bin/python local-cognito/server.py --port "$port" --write-config config.json "${pool_params[@]}" &
cognito=$!
trap 'kill $cognito 2>/dev/null; wait $cognito 2>/dev/null' EXIT
for _ in $(seq 50); do
  curl -fsS "http://127.0.0.1:$port/_local/health" >/dev/null 2>&1 && break
  kill -0 $cognito 2>/dev/null || { echo "the local Cognito did not start" >&2; exit 1; }
  sleep 0.2
done
app_url=http://127.0.0.1:8080/
# The buttons for it; the local Cognito keeps this field when it rewrites the file.
PORT="$port" local-cognito/.venv/bin/python - <<'PY'
import json, os, pathlib
path = pathlib.Path("config.json")
oauth = {
    "domain": f"http://127.0.0.1:{os.environ['PORT']}",
    "providers": ["Google", {"name": "ExampleCorp", "label": "Example Corp"}],
    "emailDomainSignIn": True,
}
path.write_text(json.dumps({**json.loads(path.read_text()), "oauth": oauth}, indent=2) + "\n")
PY
if [ "$passkeys" = 1 ]; then
  # The page signs in with USER_AUTH only when its config.json says so; the local Cognito keeps
  # this field when it rewrites the file.
  local-cognito/.venv/bin/python - <<'PY'
import json, pathlib
path = pathlib.Path("config.json")
path.write_text(json.dumps({**json.loads(path.read_text()), "authFlow": "USER_AUTH"}, indent=2) + "\n")
PY
  # Browsers refuse an IP address as a passkey's relying party.
  app_url=http://localhost:8080/
fi

cat <<MSG

  App:            $app_url
  Local Cognito:  http://127.0.0.1:$port/  (config.json written for it)
  Confirmation codes are printed above as "confirmation code for <email>: <code>",
  or: curl http://127.0.0.1:$port/_local/codes/<email>
  Skip confirmation like the PreSignUp trigger:
      curl -H 'content-type: application/json' -d '{"autoConfirm": true}' http://127.0.0.1:$port/_local/settings

  Google and company sign-in go through the local identity provider page (any email; an
  @example-corp.com address under "Sign in with your work account" goes to Example Corp).

MSG
if [ -n "$sign_in" ] && [ "$sign_in" != email ]; then
  cat <<MSG
  Sign-in identifiers: $sign_in (config.json's signIn says so). Codes texted to a phone number
  are printed like emailed ones, or: curl http://127.0.0.1:$port/_local/codes/%2B819012345678

MSG
fi
if [ -n "$mfa" ]; then
  cat <<MSG
  MFA: $mfa (an authenticator app, or a code by email). Emailed codes are printed as
  "MFA code for <email>: <code>", or: curl 'http://127.0.0.1:$port/_local/codes/<email>?purpose=mfa'

MSG
fi
if [ "$passkeys" = 1 ]; then
  cat <<MSG
  Passkeys: open $app_url (not 127.0.0.1: a passkey is made for localhost). config.json has
  "authFlow": "USER_AUTH", so the page offers the choices the pool allows: a password, a code
  by email, or a passkey (register one once signed in). Emailed sign-in codes are printed as
  "sign-in code for <email>: <code>", or: curl 'http://127.0.0.1:$port/_local/codes/<email>?purpose=otp'
  Sign up without a password, then sign in with an emailed code.

MSG
fi
trunk serve --offline

#!/usr/bin/env bash
# The local Cognito's --param arguments for make dev and make cognito: the pool's MFA (OFF,
# OPTIONAL or ON; nothing for an empty one) and passkeys (1: passwords, emailed sign-in codes and
# passkeys for http://localhost; nothing for an empty one) and remembered devices (ALWAYS or
# USER_OPT_IN; nothing for an empty one).
#   scripts/pool-params.sh ON
#   scripts/pool-params.sh "" 1
#   scripts/pool-params.sh OPTIONAL "" USER_OPT_IN
# Email MFA and emailed sign-in codes need the pool's email to go through Amazon SES (the
# template's rules); the local pool sends nothing, so a placeholder SES identity satisfies them.
set -euo pipefail
mfa="${1:-}"
passkeys="${2:-}"
devices="${3:-}"
params=()
case "$mfa" in
  "") ;;
  OFF | OPTIONAL | ON) params+=(--param "MfaConfiguration=$mfa") ;;
  *)
    echo "MFA must be OFF, OPTIONAL or ON, not '$mfa'" >&2
    exit 2
    ;;
esac
case "$passkeys" in
  "" | 0) ;;
  1)
    # Browsers take no IP address as a relying party: passkeys work on http://localhost:PORT.
    params+=(--param AllowedFirstAuthFactors=PASSWORD,EMAIL_OTP,WEB_AUTHN --param WebAuthnRelyingPartyId=localhost)
    ;;
  *)
    echo "PASSKEYS must be 1 or empty, not '$passkeys'" >&2
    exit 2
    ;;
esac
case "$devices" in
  "" | OFF) ;;
  ALWAYS | USER_OPT_IN) params+=(--param "DeviceTracking=$devices") ;;
  *)
    echo "DEVICES must be ALWAYS, USER_OPT_IN or OFF, not '$devices'" >&2
    exit 2
    ;;
esac
if [ ${#params[@]} -gt 0 ]; then
  params+=(--param SesSourceArn=arn:aws:ses:ap-northeast-1:123456789012:identity/example.com)
fi
echo "${params[*]}"

#!/usr/bin/env bash
# The local Cognito's --param arguments for make dev and make cognito: the pool's MFA (OFF,
# OPTIONAL or ON; nothing for an empty one) and passkeys (1: passwords, emailed sign-in codes and
# passkeys for http://localhost; nothing for an empty one) and remembered devices (ALWAYS or
# USER_OPT_IN; nothing for an empty one) and what users sign in with (username: a username with
# the email and phone as aliases; phone: the phone number as the username; nothing for an empty
# one, email as the username).
#   scripts/pool-params.sh ON
#   scripts/pool-params.sh "" 1
#   scripts/pool-params.sh OPTIONAL "" USER_OPT_IN
#   scripts/pool-params.sh "" "" "" phone
# Email MFA and emailed sign-in codes need the pool's email to go through Amazon SES (the
# template's rules); the local pool sends nothing, so a placeholder SES identity satisfies them.
set -euo pipefail
mfa="${1:-}"
passkeys="${2:-}"
devices="${3:-}"
sign_in="${4:-}"
# Phone numbers are verified by SMS, which needs an SNS role: the local pool texts nothing, so a
# placeholder role will do.
sms_role=SmsRoleArn=arn:aws:iam::123456789012:role/cognito-sms
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
case "$sign_in" in
  "" | email) ;;
  username) params+=(--param UsernameAttributes= --param AliasAttributes=email,phone_number --param "$sms_role") ;;
  phone) params+=(--param UsernameAttributes=phone_number --param "$sms_role") ;;
  *)
    echo "SIGN_IN must be email, username or phone, not '$sign_in'" >&2
    exit 2
    ;;
esac
if [ ${#params[@]} -gt 0 ]; then
  params+=(--param SesSourceArn=arn:aws:ses:ap-northeast-1:123456789012:identity/example.com)
fi
echo "${params[*]}"

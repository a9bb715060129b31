#!/usr/bin/env bash
# The local Cognito's --param arguments for an MFA setting (OFF, OPTIONAL or ON; nothing for an
# empty one), shared by make dev and make cognito.
#   scripts/mfa-params.sh ON
# Email MFA needs the pool's email to go through Amazon SES (the template's rule); the local pool
# sends nothing, so a placeholder SES identity satisfies it.
set -euo pipefail
case "${1:-}" in
  "") ;;
  OFF | OPTIONAL | ON)
    echo "--param MfaConfiguration=$1 --param SesSourceArn=arn:aws:ses:ap-northeast-1:123456789012:identity/example.com"
    ;;
  *)
    echo "MFA must be OFF, OPTIONAL or ON, not '$1'" >&2
    exit 2
    ;;
esac

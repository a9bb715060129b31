"""Authenticator-app codes (TOTP, RFC 6238) as Cognito checks them: SHA-1, 6 digits, 30-second
steps, one step of clock drift either way, and each step's code accepted once per user."""

from __future__ import annotations

import base64
import hmac
import secrets
import time

import pyotp

from .errors import CognitoError

STEP_SECONDS = 30
# 32 random bytes, base32 without padding: 52 characters, as long as the secrets Cognito's
# AssociateSoftwareToken hands out.
SECRET_BYTES = 32
MSG_USED = "Your software token has already been used once."


def new_secret() -> str:
    return base64.b32encode(secrets.token_bytes(SECRET_BYTES)).decode().rstrip("=")


def code_step(secret: str, code: str, now: float | None = None) -> int | None:
    """The time step (previous, current or next) whose code this is, or None."""
    totp = pyotp.TOTP(secret)
    current = int((time.time() if now is None else now) // STEP_SECONDS)
    for step in (current, current - 1, current + 1):
        if hmac.compare_digest(totp.at(step * STEP_SECONDS), code):
            return step
    return None


def accept(secret: str, code: str, last_step: int) -> int | None:
    """The step of a right code not used before, None for a wrong one; a code from a step at or
    before the last one this user used is ExpiredCodeException, Cognito's answer to a replay."""
    step = code_step(secret, code)
    if step is not None and step <= last_step:
        raise CognitoError("ExpiredCodeException", MSG_USED)
    return step

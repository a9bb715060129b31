"""Confirmation, password reset and MFA codes, as Cognito checks them: the latest code works
once, and a used or expired one is told apart from a wrong one."""

from __future__ import annotations

import os
import secrets
from typing import Any

from .errors import CognitoError

MSG_BAD_CODE = "Invalid verification code provided, please try again."
MSG_STALE_CODE = "Invalid code provided, please request a code again."
# How each purpose is named where codes are printed.
LABELS = {
    "signUp": "confirmation code",
    "forgotPassword": "password reset code",
    "mfa": "MFA code",
    "otp": "sign-in code",
    "attribute": "verification code",
}


class Codes:
    """Codes by purpose (signUp, forgotPassword, mfa, otp for a passwordless first factor, or
    attribute for an email or phone number being verified)
    and lowercased address (an email, or for SMS a phone number)."""

    def __init__(self) -> None:
        self.latest: dict[tuple[str, str], str] = {}
        # Codes that were used or have expired: (purpose, lowercased address, code). Cognito
        # answers ExpiredCodeException for them rather than CodeMismatchException.
        self.spent: set[tuple[str, str, str]] = set()

    def issue(self, purpose: str, address: str, digits: int = 6) -> str:
        code = os.environ.get("LOCAL_COGNITO_FIXED_CODE") or f"{secrets.randbelow(10**digits):0{digits}d}"
        self.latest[(purpose, address.lower())] = code
        print(f"{LABELS[purpose]} for {address}: {code}", flush=True)
        return code

    def check(self, purpose: str, email: str, code: Any) -> None:
        key = (purpose, email.lower())
        expected = self.latest.get(key)
        if expected is None or code != expected:
            if (*key, code) in self.spent:
                raise CognitoError("ExpiredCodeException", MSG_STALE_CODE)
            raise CognitoError("CodeMismatchException", MSG_BAD_CODE)
        self.retire(purpose, email, code)

    def is_spent(self, purpose: str, address: str, code: str) -> bool:
        return (purpose, address.lower(), code) in self.spent

    def retire(self, purpose: str, address: str, code: str) -> None:
        """A code that was used: it no longer works, and no longer shows as the current one."""
        key = (purpose, address.lower())
        if self.latest.get(key) == code:
            del self.latest[key]
        self.spent.add((*key, code))

    def current(self, purpose: str, address: str) -> str | None:
        return self.latest.get((purpose, address.lower()))

    def expire(self, purpose: str, address: str) -> str | None:
        """End the current code as if its time had run out; the code, or None if there was none."""
        key = (purpose, address.lower())
        code = self.latest.pop(key, None)
        if code is not None:
            self.spent.add((*key, code))
        return code

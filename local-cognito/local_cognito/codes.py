"""Confirmation and password reset codes, as Cognito checks them: the latest code works once,
and a used or expired one is told apart from a wrong one."""

from __future__ import annotations

import os
import secrets
from typing import Any

from .errors import CognitoError

MSG_BAD_CODE = "Invalid verification code provided, please try again."
MSG_STALE_CODE = "Invalid code provided, please request a code again."


class Codes:
    """Codes by purpose (signUp or forgotPassword) and lowercased email."""

    def __init__(self) -> None:
        self.latest: dict[tuple[str, str], str] = {}
        # Codes that were used or have expired: (purpose, lowercased email, code). Cognito
        # answers ExpiredCodeException for them rather than CodeMismatchException.
        self.spent: set[tuple[str, str, str]] = set()

    def issue(self, purpose: str, email: str) -> None:
        code = os.environ.get("LOCAL_COGNITO_FIXED_CODE") or f"{secrets.randbelow(10**6):06d}"
        self.latest[(purpose, email.lower())] = code
        label = "confirmation code" if purpose == "signUp" else "password reset code"
        print(f"{label} for {email}: {code}", flush=True)

    def check(self, purpose: str, email: str, code: Any) -> None:
        key = (purpose, email.lower())
        expected = self.latest.get(key)
        if expected is None or code != expected:
            if (*key, code) in self.spent:
                raise CognitoError("ExpiredCodeException", MSG_STALE_CODE)
            raise CognitoError("CodeMismatchException", MSG_BAD_CODE)
        del self.latest[key]
        self.spent.add((*key, code))

    def current(self, purpose: str, email: str) -> str | None:
        return self.latest.get((purpose, email.lower()))

    def expire(self, purpose: str, email: str) -> str | None:
        """End the current code as if its time had run out; the code, or None if there was none."""
        key = (purpose, email.lower())
        code = self.latest.pop(key, None)
        if code is not None:
            self.spent.add((*key, code))
        return code

"""Runtime settings: what /_local/settings reads and changes."""

from __future__ import annotations

import os
import sys
import time
from dataclasses import dataclass
from typing import Any


@dataclass
class Settings:
    auto_confirm: bool
    token_lifetime: int
    # Until this time.time(), every Cognito API call answers 503 as an overloaded or unreachable
    # load balancer would, and nothing is forgotten (a restart would lose all users and tokens).
    outage_until: float = 0.0
    # Cognito API calls (all, or only the named actions) wait this long before they are handled,
    # as a request hanging on a slow network would.
    delay_seconds: float = 0.0
    delay_actions: frozenset[str] | None = None
    # Lifetime of refresh tokens issued from now on; None: the app client's RefreshTokenValidity.
    refresh_token_lifetime: int | None = None

    def outage_seconds(self) -> float:
        return max(0.0, self.outage_until - time.time())

    def delay_for(self, action: str) -> float:
        if self.delay_actions is not None and action not in self.delay_actions:
            return 0.0
        return self.delay_seconds

    def to_json(self) -> dict[str, Any]:
        return {
            "autoConfirm": self.auto_confirm,
            "tokenLifetimeSeconds": self.token_lifetime,
            "outageSeconds": round(self.outage_seconds(), 3),
            "delaySeconds": self.delay_seconds,
            "delayActions": None if self.delay_actions is None else sorted(self.delay_actions),
            "refreshTokenLifetimeSeconds": self.refresh_token_lifetime,
        }


def settings_from_env() -> Settings:
    auto = os.environ.get("LOCAL_COGNITO_AUTO_CONFIRM", "").lower() in ("1", "true", "yes", "on")
    lifetime = int(os.environ.get("LOCAL_COGNITO_TOKEN_LIFETIME", "3600"))
    if lifetime < 1:
        sys.exit("LOCAL_COGNITO_TOKEN_LIFETIME must be a positive number of seconds")
    return Settings(auto_confirm=auto, token_lifetime=lifetime)

"""Access tokens: reading their claims, and the checks Cognito makes that moto leaves out."""

from __future__ import annotations

import base64
import json
import time
from typing import Any

from moto.cognitoidp.models import CognitoIdpBackend

from .errors import CognitoError


def jwt_claims(token: str) -> dict[str, Any] | None:
    """Unverified JWT payload; tokens are checked against moto's store instead."""
    try:
        payload = token.split(".")[1]
        claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
        return claims if isinstance(claims, dict) else None
    except (IndexError, ValueError):
        return None


def check_access_token(backend: CognitoIdpBackend, token: str, stats: dict[str, Any]) -> None:
    """moto accepts expired tokens; Cognito rejects them before anything else."""
    claims = jwt_claims(token)
    if claims is None or claims.get("token_use") != "access":
        raise CognitoError("NotAuthorizedException", "Invalid Access Token")
    if time.time() >= float(claims.get("exp", 0)):
        stats["expiredAccessTokens"] += 1
        raise CognitoError("NotAuthorizedException", "Access Token has expired")
    if not any(token in pool.access_tokens for pool in backend.user_pools.values()):
        # Signed out (GlobalSignOut/RevokeToken) or issued before a restart.
        raise CognitoError("NotAuthorizedException", "Access Token has been revoked")

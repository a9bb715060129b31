"""Refresh tokens as Cognito handles them: GetTokensFromRefreshToken, per-client refresh token
rotation with a retry grace period, and lifetimes.

What the AWS documentation says, and what this follows:
- API reference, GetTokensFromRefreshToken: "issues a new refresh token and invalidates the
  original refresh token after an optional grace period when refresh token rotation is enabled.
  If refresh token rotation is disabled, issues new ID and access tokens only."
- RefreshTokenRotationType: RetryGracePeriodSeconds 0-60; "When RetryGracePeriodSeconds is 0,
  the grace period is disabled and a successful request immediately invalidates the submitted
  refresh token."
- botocore, RefreshTokenReuseException: thrown "when your application requests token refresh
  with a refresh token that has been invalidated by refresh-token rotation". Neither the API
  reference nor the developer guide says that reuse revokes the tokens issued after it, so it
  does not: only the presented token is refused and the newest one keeps working.
- Developer guide, "Refresh tokens": a rotated refresh token "is valid for the remaining time of
  the original refresh token" (the family keeps the expiry of the sign-in), and rotation is
  incompatible with REFRESH_TOKEN_AUTH.

moto stores refresh tokens as pool.refresh_tokens[token] = (client_id, username, origin_jti), or
None once revoked (RevokeToken, GlobalSignOut). Rotated tokens go into the same store with the
family's origin_jti, so revoking and signing out reach them, and the access tokens minted from
any of them, without further bookkeeping."""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass, field
from typing import Any

from moto.cognitoidp.models import CognitoIdpUserPool, CognitoIdpUserPoolClient

from .errors import CognitoError
from .settings import Settings
from .template import rotates_refresh_tokens

MSG_INVALID = "Invalid Refresh Token."
MSG_REVOKED = "Refresh Token has been revoked"
MSG_EXPIRED = "Refresh Token has expired"
# No AWS source quotes the message of RefreshTokenReuseException; this is Cognito's wording for a
# refresh token that no longer works, and clients tell the cases apart by __type.
MSG_REUSED = "Refresh Token has been revoked"
UNIT_SECONDS = {"seconds": 1, "minutes": 60, "hours": 3600, "days": 86400}


@dataclass
class Family:
    """Refresh tokens descending from one sign-in."""

    expires: float
    # token -> time.time() from which it no longer works (rotated out, after the grace period)
    retired: dict[str, float] = field(default_factory=dict)


class RefreshTokens:
    def __init__(self, settings: Settings, stats: dict[str, Any]) -> None:
        self.settings = settings
        self.stats = stats
        self.stats.setdefault("refreshTokenReuse", 0)
        self.families: dict[str, Family] = {}  # by origin_jti

    def install(self) -> None:
        """Give every refresh token moto mints at sign-in a family with the app client's lifetime."""
        original = CognitoIdpUserPool.create_refresh_token
        families = self

        def create_refresh_token(pool: CognitoIdpUserPool, client_id: str, username: str) -> tuple[str, str]:
            token, origin_jti = original(pool, client_id, username)
            families.families[origin_jti] = Family(expires=time.time() + families.lifetime(pool.clients[client_id]))
            return token, origin_jti

        CognitoIdpUserPool.create_refresh_token = create_refresh_token  # type: ignore[method-assign]

    def lifetime(self, client: CognitoIdpUserPoolClient) -> int:
        if self.settings.refresh_token_lifetime is not None:
            return self.settings.refresh_token_lifetime
        config = client.extended_config
        unit = (config.get("TokenValidityUnits") or {}).get("RefreshToken", "days")
        return int(config.get("RefreshTokenValidity", 30)) * UNIT_SECONDS[unit]

    def refresh(self, pool: CognitoIdpUserPool, client_id: str, token: str, may_rotate: bool) -> dict[str, Any]:
        """New tokens for a refresh token, or Cognito's error for one that does not work."""
        entry = pool.refresh_tokens.get(token, ())
        if entry is None:
            raise CognitoError("NotAuthorizedException", MSG_REVOKED)
        if not entry or entry[0] != client_id:  # unknown, or issued to another app client
            raise CognitoError("NotAuthorizedException", MSG_INVALID)
        _, username, origin_jti = entry
        family = self.families.get(origin_jti)
        now = time.time()
        if family is not None and now >= family.expires:
            raise CognitoError("NotAuthorizedException", MSG_EXPIRED)
        if family is not None and now >= family.retired.get(token, now + 1):
            self.stats["refreshTokenReuse"] += 1
            raise CognitoError("RefreshTokenReuseException", MSG_REUSED)
        user = pool._get_user(username)
        if user is None:
            raise CognitoError("NotAuthorizedException", MSG_REVOKED)
        if not user.enabled:
            raise CognitoError("NotAuthorizedException", "User is disabled.")
        access_token, expires_in = pool.create_access_token(client_id, username, origin_jti)
        id_token, _ = pool.create_id_token(client_id, username, origin_jti)
        result: dict[str, Any] = {
            "AccessToken": access_token,
            "ExpiresIn": expires_in,
            "TokenType": "Bearer",
            "IdToken": id_token,
        }
        client = pool.clients[client_id]
        if may_rotate and rotates_refresh_tokens(client.extended_config):
            result["RefreshToken"] = self.rotate(pool, client, token, entry, family, now)
        return {"AuthenticationResult": result}

    def rotate(
        self,
        pool: CognitoIdpUserPool,
        client: CognitoIdpUserPoolClient,
        token: str,
        entry: tuple[str, str, str],
        family: Family | None,
        now: float,
    ) -> str:
        if family is None:  # minted before install(); cannot happen in the server
            family = self.families[entry[2]] = Family(expires=now + self.lifetime(client))
        grace = int((client.extended_config.get("RefreshTokenRotation") or {}).get("RetryGracePeriodSeconds", 0))
        # A retry within the grace period gets tokens too, but does not extend the grace period.
        family.retired[token] = min(family.retired.get(token, now + grace), now + grace)
        new_token = str(uuid.uuid4())
        pool.refresh_tokens[new_token] = entry
        return new_token


def check_client_secret(client: CognitoIdpUserPoolClient, given: Any) -> None:
    """A confidential app client must present its secret; Cognito's words for a missing or
    wrong one."""
    if not client.generate_secret:
        return
    if not given:
        raise CognitoError(
            "NotAuthorizedException", f"Client {client.id} is configured for secret but secret was not received"
        )
    if given != client.secret:
        raise CognitoError("NotAuthorizedException", f"Unable to verify secret hash for client {client.id}")

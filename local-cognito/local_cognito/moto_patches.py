"""Changes to moto's user pool model where every flow goes through one method."""

from __future__ import annotations

import json
from typing import Any

from moto.cognitoidp.models import CognitoIdpBackend, CognitoIdpUser, CognitoIdpUserPool

from .oauth_providers import is_federated
from .settings import Settings


def patch_token_creation(settings: Settings) -> None:
    """moto hard-codes a 3600 s lifetime in CognitoIdpUserPool.create_jwt, the
    single place every flow (InitiateAuth, refresh, RespondToAuthChallenge)
    mints tokens. Patch it to use the configurable lifetime (ExpiresIn follows
    from its return value) and to put the email claims into id tokens as
    Cognito does (email and phone_number from the attributes, their _verified flags as
    booleans, the username as the user's own whichever alias signed in)."""
    original = CognitoIdpUserPool.create_jwt

    def create_jwt(
        pool: CognitoIdpUserPool,
        client_id: str,
        username: str,
        token_use: str,
        expires_in: int = 3600,
        extra_data: dict[str, Any] | None = None,
    ) -> tuple[str, int]:
        extra = dict(extra_data or {})
        user = pool._get_user(username)
        # The user's own username, whichever alias they signed in with (<provider>_<id> for a
        # federated user).
        extra["username" if token_use == "access" else "cognito:username"] = user.username
        if token_use == "id":
            if is_federated(user):
                # Cognito lists a federated user's providers in the id token's `identities`.
                extra["identities"] = json.loads(user.attribute_lookup.get("identities", "[]"))
            found = user.attribute_lookup
            for attribute in ("email", "phone_number"):
                if attribute in found:
                    extra[attribute] = found[attribute]
                flag = f"{attribute}_verified"
                if flag in found:
                    extra[flag] = str(found[flag]).lower() == "true"
        return original(pool, client_id, username, token_use, settings.token_lifetime, extra)

    CognitoIdpUserPool.create_jwt = create_jwt  # type: ignore[method-assign, assignment]


def patch_sign_out() -> None:
    """moto files each session under the name the user signed in with (the email after
    USER_PASSWORD_AUTH, the internal username after SRP's PASSWORD_VERIFIER), and
    GlobalSignOut revokes only the sessions filed under the same name. Cognito signs the user
    out everywhere, however each session started: compare users, not names."""

    def sign_out(pool: CognitoIdpUserPool, username: str) -> None:
        user = pool._get_user(username)

        def same_user(name: str) -> bool:
            return name == username or (user is not None and pool._get_user(name) is user)

        for token, entry in list(pool.refresh_tokens.items()):
            if entry is not None and same_user(entry[1]):
                pool.refresh_tokens[token] = None
        for access_token, (_, name) in list(pool.access_tokens.items()):
            if same_user(name):
                pool.access_tokens.pop(access_token)

    CognitoIdpUserPool.sign_out = sign_out  # type: ignore[method-assign]


def patch_external_users() -> None:
    """moto's GetUser knows only its own user statuses; Cognito's federated users
    (EXTERNAL_PROVIDER) use their access tokens like anyone else."""
    original = CognitoIdpBackend.get_user

    def get_user(backend: CognitoIdpBackend, access_token: str) -> CognitoIdpUser:
        for pool in backend.user_pools.values():
            entry = pool.access_tokens.get(access_token)
            if entry is not None:
                user = pool._get_user(entry[1])
                if is_federated(user) and user.enabled:
                    return user
        return original(backend, access_token)

    CognitoIdpBackend.get_user = get_user  # type: ignore[method-assign]

"""The passkey actions of a signed-in user: StartWebAuthnRegistration,
CompleteWebAuthnRegistration, ListWebAuthnCredentials and DeleteWebAuthnCredential. None of
them exists in moto."""

from __future__ import annotations

from typing import Any, Callable

from moto.cognitoidp.models import CognitoIdpUserPool
from webauthn.helpers import base64url_to_bytes, bytes_to_base64url
from werkzeug.wrappers import Request

from .errors import CognitoError
from .mfa_actions import MfaActions
from .passkeys import Passkeys
from .sign_in_policy import PoolWebAuthn, first_factors
from .tokens import jwt_claims

Handler = Callable[[Request, dict[str, Any]], dict[str, Any]]

# ListWebAuthnCredentials' page when MaxResults is left out (or 0); its most is 20.
DEFAULT_PAGE = 20
# The descriptions of the exceptions in Cognito's API reference; no AWS source quotes them.
MSG_NOT_ENABLED = "The passkey feature isn't enabled for the user pool."
MSG_CONFIGURATION_MISSING = "The user pool doesn't have a configured relying party id or a user pool domain."
# No AWS source quotes these two.
MSG_NO_SUCH_PASSKEY = "The passkey credential was not found."
MSG_BAD_NEXT_TOKEN = "Invalid NextToken."
NEXT_TOKEN_PREFIX = "passkeys:"


class WebAuthnActions:
    def __init__(self, mfa: MfaActions, passkeys: Passkeys) -> None:
        self.mfa = mfa
        self.passkeys = passkeys
        self.handlers: dict[str, Handler] = {
            "StartWebAuthnRegistration": self.start_registration,
            "CompleteWebAuthnRegistration": self.complete_registration,
            "ListWebAuthnCredentials": self.list_credentials,
            "DeleteWebAuthnCredential": self.delete_credential,
        }

    def passkey_config(self, pool: CognitoIdpUserPool) -> PoolWebAuthn:
        """The pool's passkey settings, when passkeys can be registered at all."""
        if "WEB_AUTHN" not in first_factors(pool.extended_config):
            raise CognitoError("WebAuthnNotEnabledException", MSG_NOT_ENABLED)
        config = self.mfa.webauthn.of(pool.id)
        if not config.relying_party_id:
            raise CognitoError("WebAuthnConfigurationMissingException", MSG_CONFIGURATION_MISSING)
        return config

    def start_registration(self, request: Request, body: dict[str, Any]) -> dict[str, Any]:
        pool, user = self.mfa.token_user(body["AccessToken"])
        config = self.passkey_config(pool)
        client_id = str((jwt_claims(body["AccessToken"]) or {}).get("client_id", ""))
        # The name a passkey manager shows: the address the user signs in with.
        user_name = user.attribute_lookup.get("email") or user.username
        options = self.passkeys.creation_options(pool.id, pool.name, user.username, user_name, client_id, config)
        return {"CredentialCreationOptions": options}

    def complete_registration(self, request: Request, body: dict[str, Any]) -> dict[str, Any]:
        pool, user = self.mfa.token_user(body["AccessToken"])
        config = self.passkey_config(pool)
        client_id = str((jwt_claims(body["AccessToken"]) or {}).get("client_id", ""))
        self.passkeys.register(pool.id, user.username, client_id, config, body["Credential"])
        return {}

    def list_credentials(self, request: Request, body: dict[str, Any]) -> dict[str, Any]:
        pool, user = self.mfa.token_user(body["AccessToken"])
        keys = self.passkeys.of(pool.id, user.username)
        start = parse_next_token(body.get("NextToken"), len(keys))
        end = start + (body.get("MaxResults") or DEFAULT_PAGE)
        result: dict[str, Any] = {"Credentials": [key.to_json() for key in keys[start:end]]}
        if end < len(keys):
            result["NextToken"] = bytes_to_base64url(f"{NEXT_TOKEN_PREFIX}{end}".encode())
        return result

    def delete_credential(self, request: Request, body: dict[str, Any]) -> dict[str, Any]:
        pool, user = self.mfa.token_user(body["AccessToken"])
        if not self.passkeys.delete(pool.id, user.username, body["CredentialId"]):
            raise CognitoError("ResourceNotFoundException", MSG_NO_SUCH_PASSKEY)
        return {}


def parse_next_token(token: Any, count: int) -> int:
    """Where a page starts: 0 without a token, else the offset a previous page handed out."""
    if token is None:
        return 0
    try:
        text = base64url_to_bytes(str(token)).decode()
    except ValueError:
        raise CognitoError("InvalidParameterException", MSG_BAD_NEXT_TOKEN) from None
    offset = text.removeprefix(NEXT_TOKEN_PREFIX)
    if not text.startswith(NEXT_TOKEN_PREFIX) or not offset.isdigit() or int(offset) > count:
        raise CognitoError("InvalidParameterException", MSG_BAD_NEXT_TOKEN)
    return int(offset)

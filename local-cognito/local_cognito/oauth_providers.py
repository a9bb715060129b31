"""Identity providers and the users Cognito makes for them.

What the AWS documentation says, and what this follows:
- CreateIdentityProvider (API reference): ProviderType is one of SAML, Facebook, Google,
  LoginWithAmazon, SignInWithApple, OIDC; the social types are named after themselves
  ("Google"); IdpIdentifiers (up to 50, each 1-40 characters of [\\w\\s+=.@-]) let a sign-in
  pick the provider with `idp_identifier=`.
- Developer guide, "Adding user pool sign-in through a third party": a federated user is created
  at the first sign-in with the username `<ProviderName>_<the provider's id of the user>`, the
  status EXTERNAL_PROVIDER, the `identities` attribute naming the provider, and the attributes
  the provider's AttributeMapping names, which are written again at every sign-in."""

from __future__ import annotations

import json
import re
import time
from typing import Any

from moto.cognitoidp.models import CognitoIdpIdentityProvider, CognitoIdpUser, CognitoIdpUserPool

from .errors import CognitoError

PROVIDER_TYPES = ("SAML", "Facebook", "Google", "LoginWithAmazon", "SignInWithApple", "OIDC")
SOCIAL_TYPES = ("Facebook", "Google", "LoginWithAmazon", "SignInWithApple")
EXTERNAL_PROVIDER = "EXTERNAL_PROVIDER"
# ProviderDetails each type needs (API reference, CreateIdentityProvider).
REQUIRED_DETAILS = {
    "Google": ("client_id", "client_secret", "authorize_scopes"),
    "Facebook": ("client_id", "client_secret", "authorize_scopes"),
    "LoginWithAmazon": ("client_id", "client_secret", "authorize_scopes"),
    "SignInWithApple": ("client_id", "team_id", "key_id", "private_key", "authorize_scopes"),
    "OIDC": ("client_id", "attributes_request_method", "oidc_issuer", "authorize_scopes"),
    "SAML": (),
}
IDENTIFIER = re.compile(r"[\w\s+=.@-]{1,40}")


def is_provider_name(name: str) -> bool:
    """botocore's ProviderNameTypeV2: 3-32 characters, no spaces, `_` only second (usernames are
    <provider>_<id>)."""
    return 3 <= len(name) <= 32 and all(not c.isspace() and (i == 1 or c != "_") for i, c in enumerate(name))


def check_identity_provider(name: str, props: dict[str, Any]) -> None:
    if not is_provider_name(name):
        raise CognitoError("InvalidParameterException", f"ProviderName {name} is not valid.")
    kind = props.get("ProviderType")
    if kind not in PROVIDER_TYPES:
        raise CognitoError("InvalidParameterException", f"ProviderType {kind} is not supported.")
    if kind in SOCIAL_TYPES and name != kind:
        raise CognitoError("InvalidParameterException", f"ProviderName for {kind} must be {kind}.")
    details = props.get("ProviderDetails") or {}
    missing = [key for key in REQUIRED_DETAILS[kind] if not details.get(key)]
    if missing:
        raise CognitoError("InvalidParameterException", f"ProviderDetails are missing {', '.join(missing)}.")
    identifiers = props.get("IdpIdentifiers") or []
    if len(identifiers) > 50 or not all(IDENTIFIER.fullmatch(str(i)) for i in identifiers):
        raise CognitoError("InvalidParameterException", "IdpIdentifiers are invalid.")


def provider_for_identifier(
    pool: CognitoIdpUserPool, identifier: str, allowed: list[str]
) -> CognitoIdpIdentityProvider | None:
    """The provider among the app client's that lists this identifier (an email domain)."""
    wanted = identifier.strip().lower()
    for name in allowed:
        provider = pool.identity_providers.get(name)
        if provider is not None and wanted in [str(i).lower() for i in provider.extended_config.get("IdpIdentifiers") or []]:
            return provider
    return None


def federated_user(
    pool: CognitoIdpUserPool, provider: CognitoIdpIdentityProvider, subject: str, claims: dict[str, str]
) -> CognitoIdpUser:
    """The user a sign-in through `provider` as `subject` lands on, created at the first one; the
    mapped attributes are written at every sign-in."""
    username = f"{provider.name}_{subject}"
    mapping = provider.extended_config.get("AttributeMapping") or {}
    mapped = [
        {"Name": pool_attribute, "Value": str(claims[provider_attribute])}
        for pool_attribute, provider_attribute in mapping.items()
        if pool_attribute != "username" and provider_attribute in claims
    ]
    user = pool.users.get(username)
    if user is not None:
        user.update_attributes(mapped)
        return user
    identities = [
        {
            "userId": subject,
            "providerName": provider.name,
            "providerType": provider.extended_config.get("ProviderType"),
            "issuer": None,
            "primary": "true",
            "dateCreated": str(int(time.time() * 1000)),
        }
    ]
    user = CognitoIdpUser(pool.id, username, None, EXTERNAL_PROVIDER, [*mapped, {"Name": "identities", "Value": json.dumps(identities)}])
    pool.users[username] = user
    return user


def is_federated(user: CognitoIdpUser | None) -> bool:
    return user is not None and user.status == EXTERNAL_PROVIDER

"""What a pool knows its users by, as Cognito has it: the username, the email or phone number as
the username (UsernameAttributes), verified sign-in aliases (AliasAttributes), the pool's case
rule, where codes go (email or SMS), aliases taken by another user, and app clients that hide
whether a user exists (PreventUserExistenceErrors)."""

from __future__ import annotations

import re
from typing import Any

from moto.cognitoidp.models import CognitoIdpUser, CognitoIdpUserPool, UserStatus

from .errors import CognitoError
from .users import mask_email, mask_phone

# The flag a code sets for each attribute it verifies; an alias signs in only once it is set.
VERIFIED_FLAG = {"email": "email_verified", "phone_number": "phone_number_verified"}
EMAIL_FORMAT = re.compile(r"[^@\s]+@[^@\s]+")
PHONE_FORMAT = re.compile(r"\+[0-9]+")


def case_sensitive(pool: CognitoIdpUserPool) -> bool:
    config = pool.extended_config.get("UsernameConfiguration") or {}
    # CreateUserPool's default is case-sensitive.
    return str(config.get("CaseSensitive", True)).lower() == "true"


def same(pool: CognitoIdpUserPool, a: Any, b: Any) -> bool:
    if not isinstance(a, str) or not isinstance(b, str):
        return False
    return a == b if case_sensitive(pool) else a.lower() == b.lower()


def alias_attributes(pool: CognitoIdpUserPool) -> list[str]:
    return list(pool.extended_config.get("AliasAttributes") or [])


def is_alias(pool: CognitoIdpUserPool, user: CognitoIdpUser, attribute: str, value: str) -> bool:
    """Whether `value` signs `user` in as the alias `attribute`: email and phone aliases only once
    verified, preferred_username once the user is confirmed (Cognito's "Sign-in aliases")."""
    found = user.attribute_lookup.get(attribute)
    if not same(pool, found, value):
        return False
    if attribute == "preferred_username":
        return user.status == UserStatus.CONFIRMED
    return user.attribute_lookup.get(VERIFIED_FLAG[attribute]) == "true"


def find_user(pool: CognitoIdpUserPool, name: str) -> CognitoIdpUser | None:
    """The user `name` signs in: by username attribute (email or phone), by username, or by a
    verified alias, each with the pool's case rule."""
    users = list(pool.users.values())
    for attribute in pool.extended_config.get("UsernameAttributes") or []:
        for user in users:
            if same(pool, user.attribute_lookup.get(attribute), name):
                return user
    exact = pool.users.get(name)
    if exact is not None:
        return exact
    if not case_sensitive(pool):
        for user in users:
            if same(pool, user.username, name):
                return user
    for attribute in alias_attributes(pool):
        for user in users:
            if is_alias(pool, user, attribute, name):
                return user
    return None


def patch_user_lookup() -> None:
    """moto finds users by username or UsernameAttributes, exactly; every action looks users up
    through this one method."""
    CognitoIdpUserPool._get_user = find_user  # type: ignore[method-assign, assignment]


def check_new_username(pool: CognitoIdpUserPool, username: str) -> None:
    """Cognito refuses a username in the form of an alias the pool has (it could be confused
    with another user's alias)."""
    if pool.extended_config.get("UsernameAttributes"):
        return
    aliases = alias_attributes(pool)
    if "email" in aliases and EMAIL_FORMAT.fullmatch(username):
        raise CognitoError(
            "InvalidParameterException", "Username cannot be of email format, since user pool is configured for email alias."
        )
    if "phone_number" in aliases and PHONE_FORMAT.fullmatch(username):
        raise CognitoError(
            "InvalidParameterException",
            "Username cannot be of phone number format, since user pool is configured for phone number alias.",
        )


def username_exists_message(pool: CognitoIdpUserPool | None) -> str:
    """Cognito's UsernameExistsException names the attribute that is the username, or the user."""
    attributes = (pool.extended_config.get("UsernameAttributes") or []) if pool else ["email"]
    if "email" in attributes:
        return "An account with the given email already exists."
    if attributes:
        return "An account with the given phone_number already exists."
    return "User already exists"


def delivery(attribute: str, address: str) -> dict[str, str]:
    if attribute == "phone_number":
        return {"Destination": mask_phone(address), "DeliveryMedium": "SMS", "AttributeName": "phone_number"}
    return {"Destination": mask_email(address), "DeliveryMedium": "EMAIL", "AttributeName": "email"}


def verification_channel(pool: CognitoIdpUserPool, user: CognitoIdpUser) -> tuple[str, str] | None:
    """(attribute, address) a sign-up code goes to: of the pool's AutoVerifiedAttributes the
    user has, the phone number first (Cognito texts the code when both are auto-verified)."""
    auto = pool.extended_config.get("AutoVerifiedAttributes") or []
    for attribute in ("phone_number", "email"):
        address = user.attribute_lookup.get(attribute)
        if attribute in auto and address:
            return attribute, address
    return None


def recovery_channel(pool: CognitoIdpUserPool, user: CognitoIdpUser) -> tuple[str, str] | None:
    """(attribute, address) a password reset code goes to: the first of the pool's recovery
    mechanisms (by priority) for which the user has a verified address."""
    setting = pool.extended_config.get("AccountRecoverySetting") or {}
    mechanisms = sorted(setting.get("RecoveryMechanisms") or [], key=lambda m: int(m.get("Priority", 1)))
    names = [m.get("Name") for m in mechanisms] or ["verified_phone_number", "verified_email"]
    for name in names:
        attribute = {"verified_email": "email", "verified_phone_number": "phone_number"}.get(str(name))
        if attribute and user.attribute_lookup.get(VERIFIED_FLAG[attribute]) == "true":
            return attribute, user.attribute_lookup.get(attribute, "")
    return None


def claim_alias(pool: CognitoIdpUserPool, user: CognitoIdpUser, attribute: str, force: bool) -> None:
    """Before `attribute` of `user` becomes verified: where it is an alias and another user
    already signs in with the same value, Cognito refuses (AliasExistsException) unless forced,
    in which case the alias moves to this user and the other can no longer sign in with it."""
    if attribute not in alias_attributes(pool):
        return
    value = user.attribute_lookup.get(attribute, "")
    for other in pool.users.values():
        if other is user or not is_alias(pool, other, attribute, value):
            continue
        if not force:
            raise CognitoError("AliasExistsException", f"An account with the given {attribute} already exists.")
        other.update_attributes([{"Name": VERIFIED_FLAG[attribute], "Value": "false"}])


def hides_users(pool: CognitoIdpUserPool, client_id: Any) -> bool:
    client = pool.clients.get(client_id)
    return client is not None and client.extended_config.get("PreventUserExistenceErrors") == "ENABLED"


def simulated_delivery(username: str) -> dict[str, str]:
    """What a client that hides users answers for a code sent to an unknown user: a delivery
    that looks like one for an account of that name."""
    if PHONE_FORMAT.fullmatch(username):
        return delivery("phone_number", username)
    if EMAIL_FORMAT.fullmatch(username):
        return delivery("email", username)
    return delivery("email", f"{username}@unknown.invalid")


def sign_in_config(pool: CognitoIdpUserPool) -> dict[str, Any]:
    """config.json's signIn for this pool."""
    return {
        "usernameAttributes": list(pool.extended_config.get("UsernameAttributes") or []),
        "aliasAttributes": alias_attributes(pool),
        "caseSensitive": case_sensitive(pool),
    }

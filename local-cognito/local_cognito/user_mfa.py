"""Each user's MFA settings: the authenticator app (TOTP secret) they verified, the methods they
turned on, the preferred one; SetUserMFAPreference with Cognito's checks; and the MFA part of
GetUser and AdminGetUser."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from moto.cognitoidp.models import CognitoIdpUser

from .errors import CognitoError
from .mfa_config import METHODS, PoolMfa

# The settings member of (Admin)SetUserMFAPreference for each method.
SETTINGS_MEMBERS = {"SMS_MFA": "SMSMfaSettings", "SOFTWARE_TOKEN_MFA": "SoftwareTokenMfaSettings", "EMAIL_OTP": "EmailMfaSettings"}
# Which user attribute each message-borne method sends its code to.
ADDRESS_ATTRIBUTES = {"SMS_MFA": "phone_number", "EMAIL_OTP": "email"}

# Cognito's words for turning on TOTP before an authenticator app was verified (quoted from a
# real answer); the same form is used for the methods that need a phone number or an email.
MSG_NO_DELIVERY = "User does not have delivery config set to turn on {method}"
# No AWS source quotes these; the rules are documented: a method must be on in the pool,
# only one can be preferred, and "you can't turn off [an MFA method] for any of your users when
# MFA is required in your user pool; you can only set the type that your user prefers"
# (SMSMfaSettingsType, SoftwareTokenMfaSettingsType).
MSG_METHOD_OFF_IN_POOL = "{method} is not enabled for the user pool."
MSG_TWO_PREFERRED = "Only one MFA method can be set as preferred."
MSG_PREFERRED_NOT_ON = "The preferred MFA method must be enabled for the user."
MSG_REQUIRED = "MFA is required for the user pool: the user can't turn off {method}."


@dataclass
class UserMfa:
    secret: str | None = None  # the verified authenticator app's TOTP secret
    device_name: str | None = None
    pending: str | None = None  # associated with an access token, not verified yet
    last_step: int = -1  # the last TOTP time step used: its code (and older ones) won't work again
    enabled: set[str] = field(default_factory=set)
    preferred: str | None = None

    def turn_on(self, method: str) -> None:
        """A method set up during sign-in: on, and preferred unless another one is."""
        self.enabled.add(method)
        self.preferred = self.preferred or method

    def settings_list(self) -> list[str]:
        return [method for method in METHODS if method in self.enabled]


class UserMfaStore:
    """By (pool id, internal username)."""

    def __init__(self) -> None:
        self.by_user: dict[tuple[str, str], UserMfa] = {}

    def of(self, pool_id: str, username: str) -> UserMfa:
        return self.by_user.setdefault((pool_id, username), UserMfa())


def usable_methods(pool: PoolMfa, state: UserMfa, user: CognitoIdpUser) -> list[str]:
    """The methods a sign-in can challenge this user with. A verified authenticator app keeps
    working after the pool turns TOTP off (developer guide, "Adding MFA"), and in a pool that
    requires MFA it counts even if the user never turned it on; a message needs the pool's
    method and an address to go to."""
    attributes = user.attribute_lookup
    usable = []
    for method in METHODS:
        if method == "SOFTWARE_TOKEN_MFA":
            ok = state.secret is not None and (method in state.enabled or pool.mode == "ON")
        else:
            ok = method in state.enabled and method in pool.methods() and bool(attributes.get(ADDRESS_ATTRIBUTES[method]))
        if ok:
            usable.append(method)
    return usable


def set_preference(pool: PoolMfa, state: UserMfa, user: CognitoIdpUser, body: dict[str, Any]) -> None:
    """(Admin)SetUserMFAPreference: every check passes before anything changes."""
    requested: dict[str, dict[str, Any]] = {}
    for method, member in SETTINGS_MEMBERS.items():
        if isinstance(body.get(member), dict):
            requested[method] = body[member]
    if sum(1 for settings in requested.values() if settings.get("PreferredMfa") is True) > 1:
        raise CognitoError("InvalidParameterException", MSG_TWO_PREFERRED)
    enabled = set(state.enabled)
    preferred = state.preferred
    for method, settings in requested.items():
        if settings.get("Enabled") is True:
            check_can_turn_on(pool, state, user, method)
            enabled.add(method)
        elif settings.get("Enabled") is False and method in enabled:
            if pool.mode == "ON":
                raise CognitoError("InvalidParameterException", MSG_REQUIRED.format(method=method))
            enabled.discard(method)
        if settings.get("PreferredMfa") is True:
            preferred = method
        elif preferred == method and (settings.get("PreferredMfa") is False or method not in enabled):
            preferred = None
    if preferred is not None and preferred not in enabled:
        raise CognitoError("InvalidParameterException", MSG_PREFERRED_NOT_ON)
    state.enabled = enabled
    state.preferred = preferred


def check_can_turn_on(pool: PoolMfa, state: UserMfa, user: CognitoIdpUser, method: str) -> None:
    if method == "SOFTWARE_TOKEN_MFA":
        if state.secret is None:
            raise CognitoError("InvalidParameterException", MSG_NO_DELIVERY.format(method=method))
        return
    if method not in pool.methods():
        raise CognitoError("InvalidParameterException", MSG_METHOD_OFF_IN_POOL.format(method=method))
    if not user.attribute_lookup.get(ADDRESS_ATTRIBUTES[method]):
        raise CognitoError("InvalidParameterException", MSG_NO_DELIVERY.format(method=method))


def with_mfa_settings(user_json: dict[str, Any], state: UserMfa) -> dict[str, Any]:
    """GetUser/AdminGetUser as Cognito answers: UserMFASettingList and PreferredMfaSetting only
    when there is something to say (moto always sends them, empty), and the legacy MFAOptions
    only for SMS MFA, the one method it can describe."""
    for key in ("MFAOptions", "UserMFASettingList", "PreferredMfaSetting"):
        user_json.pop(key, None)
    if "SMS_MFA" in state.enabled:
        user_json["MFAOptions"] = [{"DeliveryMedium": "SMS", "AttributeName": "phone_number"}]
    if state.enabled:
        user_json["UserMFASettingList"] = state.settings_list()
    if state.preferred:
        user_json["PreferredMfaSetting"] = state.preferred
    return user_json

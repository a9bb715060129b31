"""How a pool lets users start signing in: its first factors (Policies.SignInPolicy.
AllowedFirstAuthFactors, kept in moto's pool like the rest of the pool's properties) and its
passkey settings (WebAuthnConfiguration, which only SetUserPoolMfaConfig carries and which is
held here), with the checks Cognito makes on both, and the web origins a passkey may come from."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from moto.cognitoidp.models import CognitoIdpUserPool

from .errors import CognitoError
from .mfa_config import check_email_sending

# What AllowedFirstAuthFactors may hold (SignInPolicyType: "SOFTWARE_TOKEN is not currently
# supported as a first auth factor"). PASSWORD covers both password challenges.
FIRST_FACTORS = ("PASSWORD", "EMAIL_OTP", "SMS_OTP", "WEB_AUTHN")
PASSWORDLESS = ("EMAIL_OTP", "SMS_OTP", "WEB_AUTHN")
DEFAULT_USER_VERIFICATION = "preferred"

# The rules are documented (SignInPolicyType, WebAuthnConfigurationType: the Essentials tier or
# higher; email one-time passwords go through Amazon SES and SMS ones through Amazon SNS, as for
# MFA; a pool always allows passwords); no AWS source quotes Cognito's words for them.
MSG_FACTOR_UNKNOWN = "AllowedFirstAuthFactors may contain only PASSWORD, EMAIL_OTP, SMS_OTP and WEB_AUTHN."
MSG_PASSWORD_REQUIRED = "AllowedFirstAuthFactors must include PASSWORD."
MSG_TIER = "{feature} is not available in the LITE feature plan of the user pool."
MSG_SMS_NEEDS_SNS = "SMS_OTP requires an SmsConfiguration with an SNS caller ARN."


def first_factors(config: dict[str, Any]) -> list[str]:
    """A pool's AllowedFirstAuthFactors (from its configuration, or a CreateUserPool or
    UpdateUserPool request); without a SignInPolicy a pool allows passwords only."""
    policy = (config.get("Policies") or {}).get("SignInPolicy") or {}
    return list(policy.get("AllowedFirstAuthFactors") or ["PASSWORD"])


def check_sign_in_policy(config: dict[str, Any]) -> None:
    """A CreateUserPool or UpdateUserPool request (UpdateUserPool replaces the whole
    configuration, so the request alone is what the pool becomes)."""
    factors = first_factors(config)
    if any(factor not in FIRST_FACTORS for factor in factors):
        raise CognitoError("InvalidParameterException", MSG_FACTOR_UNKNOWN)
    if "PASSWORD" not in factors:
        raise CognitoError("InvalidParameterException", MSG_PASSWORD_REQUIRED)
    if any(factor in PASSWORDLESS for factor in factors) and config.get("UserPoolTier") == "LITE":
        raise CognitoError("FeatureUnavailableInTierException", MSG_TIER.format(feature="SignInPolicy"))
    if "EMAIL_OTP" in factors:
        check_email_sending(config)
    if "SMS_OTP" in factors and not config.get("SmsConfiguration"):
        raise CognitoError("InvalidParameterException", MSG_SMS_NEEDS_SNS)


def can_send_email(pool: CognitoIdpUserPool) -> bool:
    try:
        check_email_sending(pool.extended_config)
    except CognitoError:
        return False
    return True


@dataclass
class PoolWebAuthn:
    """WebAuthnConfiguration. Without a relying-party ID a real pool would use its domain; the
    local pool has none, so passkeys then need one set (WebAuthnConfigurationMissingException)."""

    relying_party_id: str | None = None
    user_verification: str = DEFAULT_USER_VERIFICATION
    # Echoed only: passkeys as MFA (MULTI_FACTOR_WITH_USER_VERIFICATION) are not emulated.
    factor_configuration: str | None = None

    def to_json(self) -> dict[str, str]:
        result = {"UserVerification": self.user_verification}
        if self.relying_party_id:
            result["RelyingPartyId"] = self.relying_party_id
        if self.factor_configuration:
            result["FactorConfiguration"] = self.factor_configuration
        return result


class WebAuthnConfigs:
    """Every pool's WebAuthnConfiguration, by pool id."""

    def __init__(self) -> None:
        self.by_pool: dict[str, PoolWebAuthn] = {}

    def of(self, pool_id: str) -> PoolWebAuthn:
        return self.by_pool.get(pool_id) or PoolWebAuthn()

    def is_set(self, pool_id: str) -> bool:
        return pool_id in self.by_pool

    def check(self, pool: CognitoIdpUserPool, given: Any) -> PoolWebAuthn | None:
        """SetUserPoolMfaConfig's WebAuthnConfiguration, checked before anything changes; None when
        the request leaves it out, which keeps the pool's (a request that sets only MFA must not
        turn passkeys off)."""
        if not isinstance(given, dict):
            return None
        if pool.extended_config.get("UserPoolTier") == "LITE":
            raise CognitoError("FeatureUnavailableInTierException", MSG_TIER.format(feature="WebAuthnConfiguration"))
        return PoolWebAuthn(
            given.get("RelyingPartyId") or None,
            given.get("UserVerification") or DEFAULT_USER_VERIFICATION,
            given.get("FactorConfiguration") or None,
        )

    def set(self, pool_id: str, config: PoolWebAuthn) -> None:
        self.by_pool[pool_id] = config

    def from_template(self, pool: CognitoIdpUserPool, properties: dict[str, str]) -> None:
        """The template's WebAuthnRelyingPartyID and WebAuthnUserVerification (CloudFormation
        carries them as flat pool properties), checked as SetUserPoolMfaConfig is."""
        given = {
            "RelyingPartyId": properties.get("WebAuthnRelyingPartyID"),
            "UserVerification": properties.get("WebAuthnUserVerification"),
            "FactorConfiguration": properties.get("WebAuthnFactorConfiguration"),
        }
        try:
            config = self.check(pool, given)
        except CognitoError as e:
            raise ValueError(f"WebAuthnRelyingPartyID: {e.message}") from None
        if config is not None:
            self.set(pool.id, config)


def origin_allowed(origin: str, relying_party_id: str) -> bool:
    """An origin a passkey for this relying party may come from: https on the RP ID's host or
    a subdomain of it (WebAuthn's rule, which Cognito applies), and for the RP ID localhost
    also plain http on any port, as browsers treat localhost as a secure context."""
    try:
        parts = urlsplit(origin)
        host = parts.hostname or ""
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError:
        return False
    if parts.path or parts.query or parts.fragment or parts.username is not None:
        return False
    same_site = host == relying_party_id or host.endswith("." + relying_party_id)
    if parts.scheme == "https":
        return same_site
    return parts.scheme == "http" and relying_party_id == "localhost" and host == "localhost"

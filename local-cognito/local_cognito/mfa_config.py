"""A user pool's MFA configuration (SetUserPoolMfaConfig, GetUserPoolMfaConfig), held here and
never in moto: moto's pool stays at MFA OFF, so its own MFA logic (a fixed TOTP secret, any SMS
code accepted, MFA_SETUP answered without a check) never runs."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from moto.cognitoidp.models import CognitoIdpUserPool

from .errors import CognitoError

# The MFA methods, in the order Cognito lists them in MFAS_CAN_SETUP and MFAS_CAN_CHOOSE.
METHODS = ("SMS_MFA", "SOFTWARE_TOKEN_MFA", "EMAIL_OTP")

MSG_OFF_WITH_METHOD = "Invalid MFA configuration given, can't turn off MFA and configure an MFA together."
MSG_ON_WITHOUT_METHOD = (
    "Invalid MFA configuration given, can't disable all MFAs with a required or optional configuration."
)
# Cognito's answer to MFA with SMS and no SMS configuration (seen from CreateUserPool).
MSG_NO_SMS_CONFIG = "SMS configuration and Auto verification for phone_number are required when MFA is required/optional"
# No AWS source quotes these two; the rules are documented (EmailMfaConfigType: the Essentials
# tier or higher; email MFA sends through Amazon SES, EmailSendingAccount DEVELOPER).
MSG_EMAIL_TIER = "Email MFA is not available in the LITE feature plan of the user pool."
MSG_EMAIL_NEEDS_SES = (
    "Email MFA requires an EmailConfiguration with EmailSendingAccount DEVELOPER and an Amazon SES SourceArn."
)


@dataclass
class PoolMfa:
    """MfaConfiguration and the methods turned on; sms and email hold their configuration."""

    mode: str = "OFF"
    totp: bool = False
    sms: dict[str, Any] | None = None
    email: dict[str, Any] | None = None

    def methods(self) -> list[str]:
        on = {"SMS_MFA": self.sms is not None, "SOFTWARE_TOKEN_MFA": self.totp, "EMAIL_OTP": self.email is not None}
        return [method for method in METHODS if on[method]]

    def to_json(self) -> dict[str, Any]:
        result: dict[str, Any] = {"MfaConfiguration": self.mode, "SoftwareTokenMfaConfiguration": {"Enabled": self.totp}}
        if self.sms is not None:
            result["SmsMfaConfiguration"] = self.sms
        if self.email is not None:
            result["EmailMfaConfiguration"] = self.email
        return result


class PoolMfaConfigs:
    """The MFA configuration of every pool, by pool id (OFF until set)."""

    def __init__(self) -> None:
        self.by_pool: dict[str, PoolMfa] = {}

    def of(self, pool_id: str) -> PoolMfa:
        return self.by_pool.get(pool_id) or PoolMfa()

    def set(self, pool: CognitoIdpUserPool, body: dict[str, Any]) -> dict[str, Any]:
        """SetUserPoolMfaConfig: the request replaces the whole configuration (a method left out
        is turned off), and is refused, changing nothing, where Cognito refuses it."""
        # A request without MfaConfiguration sets OFF, as a replacement of the whole
        # configuration would; no AWS source says otherwise.
        mode = body.get("MfaConfiguration") or "OFF"
        totp = bool((body.get("SoftwareTokenMfaConfiguration") or {}).get("Enabled"))
        sms = body.get("SmsMfaConfiguration")
        email = body.get("EmailMfaConfiguration")
        configured = totp or sms is not None or email is not None
        if mode == "OFF" and configured:
            raise CognitoError("InvalidParameterException", MSG_OFF_WITH_METHOD)
        if mode != "OFF" and not configured:
            raise CognitoError("InvalidParameterException", MSG_ON_WITHOUT_METHOD)
        if sms is not None:
            sms_config = sms.get("SmsConfiguration") or pool.extended_config.get("SmsConfiguration")
            if not sms_config:
                raise CognitoError("InvalidParameterException", MSG_NO_SMS_CONFIG)
            sms = {**sms, "SmsConfiguration": sms_config}
        if email is not None:
            check_email_sending(pool.extended_config)
        self.by_pool[pool.id] = PoolMfa(mode, totp, sms, dict(email) if email is not None else None)
        return self.of(pool.id).to_json()

    def from_template(self, pool: CognitoIdpUserPool, mode: str, methods: list[str]) -> None:
        """The template's MfaConfiguration and EnabledMfas, checked as SetUserPoolMfaConfig is."""
        body: dict[str, Any] = {"MfaConfiguration": mode}
        if "SOFTWARE_TOKEN_MFA" in methods:
            body["SoftwareTokenMfaConfiguration"] = {"Enabled": True}
        if "SMS_MFA" in methods:
            body["SmsMfaConfiguration"] = {}
        if "EMAIL_OTP" in methods:
            body["EmailMfaConfiguration"] = {}
        try:
            self.set(pool, body)
        except CognitoError as e:
            raise ValueError(f"MfaConfiguration {mode} with EnabledMfas {methods}: {e.message}") from None

    def take_from_pool_request(self, pool: CognitoIdpUserPool, body: dict[str, Any]) -> None:
        """CreateUserPool and UpdateUserPool may carry MfaConfiguration, which moto would act on:
        it is taken out of the request and applied here. Turning MFA on this way turns on SMS
        MFA, which needs the request's SmsConfiguration (TOTP and email have no place in these
        requests)."""
        mode = body.pop("MfaConfiguration", None)
        if mode is None:
            return
        current = self.of(pool.id)
        if mode == "OFF":
            self.by_pool[pool.id] = PoolMfa()
            return
        sms_config = body.get("SmsConfiguration") or pool.extended_config.get("SmsConfiguration")
        if not sms_config and not current.methods():
            raise CognitoError("InvalidParameterException", MSG_NO_SMS_CONFIG)
        sms = {"SmsConfiguration": sms_config} if sms_config else current.sms
        self.by_pool[pool.id] = PoolMfa(mode, current.totp, sms, current.email)


def check_email_sending(config: dict[str, Any]) -> None:
    """Email MFA (and sign-in with emailed codes) needs the Essentials tier (or higher) and the
    pool's email sent through SES; config is the pool's configuration or a request for one."""
    if config.get("UserPoolTier") == "LITE":
        raise CognitoError("FeatureUnavailableInTierException", MSG_EMAIL_TIER)
    email = config.get("EmailConfiguration") or {}
    if email.get("EmailSendingAccount") != "DEVELOPER" or not email.get("SourceArn"):
        raise CognitoError("InvalidParameterException", MSG_EMAIL_NEEDS_SES)

"""The pool's first factors (Policies.SignInPolicy) and passkey settings (WebAuthnConfiguration):
the template's parameters and rules, Cognito's checks in CreateUserPool, UpdateUserPool and
SetUserPoolMfaConfig, and what config.json says about them."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from moto.cognitoidp.models import CognitoIdpBackend
from moto.core import DEFAULT_ACCOUNT_ID

from conftest import SES_ARN, Client, Emulator, serve
from local_cognito import template as cfn
from local_cognito.sign_in_policy import origin_allowed

TEMPLATE = Path(__file__).resolve().parents[2] / "deploy" / "cognito-pool.yaml"
PASSKEY_OVERRIDES = {
    "AllowedFirstAuthFactors": "PASSWORD,EMAIL_OTP,WEB_AUTHN",
    "WebAuthnRelyingPartyId": "localhost",
    "SesSourceArn": SES_ARN,
}


def created(overrides: dict[str, str]) -> tuple[CognitoIdpBackend, cfn.Created]:
    backend = CognitoIdpBackend(cfn.REGION, DEFAULT_ACCOUNT_ID)
    return backend, cfn.create_from_template(backend, cfn.load_template(TEMPLATE), overrides)


def test_the_default_template_allows_passwords_only_and_no_passkeys() -> None:
    backend, result = created({})
    pool = backend.user_pools[result.pool_id]
    assert pool.extended_config["Policies"]["SignInPolicy"] == {"AllowedFirstAuthFactors": ["PASSWORD"]}
    assert "UserPoolTier" not in pool.extended_config
    assert result.webauthn == {}
    flows = pool.clients[result.client_id].extended_config["ExplicitAuthFlows"]
    assert flows == ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_USER_AUTH"]


def test_passwordless_factors_select_essentials_and_a_relying_party() -> None:
    backend, result = created(PASSKEY_OVERRIDES)
    pool = backend.user_pools[result.pool_id]
    assert pool.extended_config["Policies"]["SignInPolicy"] == {
        "AllowedFirstAuthFactors": ["PASSWORD", "EMAIL_OTP", "WEB_AUTHN"]
    }
    assert pool.extended_config["UserPoolTier"] == "ESSENTIALS"
    # CloudFormation's flat passkey properties stay out of moto: the layer holds them
    assert result.webauthn[result.pool_id] == {"WebAuthnRelyingPartyID": "localhost", "WebAuthnUserVerification": "preferred"}
    assert not any(key.startswith("WebAuthn") for key in pool.extended_config)
    # passkeys alone (no emailed codes) need no SES, but still the Essentials tier
    backend, result = created({"AllowedFirstAuthFactors": "PASSWORD,WEB_AUTHN", "WebAuthnRelyingPartyId": "example.com"})
    assert backend.user_pools[result.pool_id].extended_config["UserPoolTier"] == "ESSENTIALS"


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"AllowedFirstAuthFactors": "PASSWORD,SOFTWARE_TOKEN"}, "may list only PASSWORD, EMAIL_OTP, SMS_OTP and WEB_AUTHN"),
        ({"AllowedFirstAuthFactors": "EMAIL_OTP", "SesSourceArn": SES_ARN}, "must include PASSWORD"),
        ({"AllowedFirstAuthFactors": "PASSWORD,EMAIL_OTP"}, "EMAIL_OTP needs SesSourceArn"),
        ({"AllowedFirstAuthFactors": "PASSWORD,SMS_OTP"}, "SMS_OTP needs SmsRoleArn"),
        ({"AllowedFirstAuthFactors": "PASSWORD,WEB_AUTHN"}, "WEB_AUTHN needs WebAuthnRelyingPartyId"),
    ],
)
def test_template_rules_refuse_what_cognito_would(overrides: dict[str, str], message: str) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        created(overrides)


def test_config_json_carries_the_first_factors_and_the_relying_party(tmp_path: Path) -> None:
    emu, client = serve(tmp_path, *[arg for name, value in PASSKEY_OVERRIDES.items() for arg in ("--param", f"{name}={value}")])
    try:
        assert client.config["firstAuthFactors"] == ["PASSWORD", "EMAIL_OTP", "WEB_AUTHN"]
        assert client.config["webAuthnRelyingPartyId"] == "localhost"
        config_path = tmp_path / "cognito.json"
        # fields the site owner adds (make dev PASSKEYS=1 adds authFlow) survive the rewrites
        config_path.write_text(json.dumps({**json.loads(config_path.read_text()), "authFlow": "USER_AUTH"}))
        # UpdateUserPool replaces the pool's configuration: without a SignInPolicy, passwords only
        assert client.call("UpdateUserPool", UserPoolId=client.pool_id, UserPoolTier="ESSENTIALS").status == 200
        assert json.loads(config_path.read_text())["firstAuthFactors"] == ["PASSWORD"]
        # an app client without ALLOW_USER_AUTH can't use them, so config.json leaves them out
        assert client.call(
            "UpdateUserPoolClient",
            UserPoolId=client.pool_id,
            ClientId=client.client_id,
            ExplicitAuthFlows=["ALLOW_USER_SRP_AUTH"],
        ).status == 200
        written = json.loads(config_path.read_text())
        assert "firstAuthFactors" not in written and written["webAuthnRelyingPartyId"] == "localhost"
        assert written["authFlow"] == "USER_AUTH"
        passkey_config = {"RelyingPartyId": "auth.example.com", "UserVerification": "required"}
        client.call("SetUserPoolMfaConfig", UserPoolId=client.pool_id, WebAuthnConfiguration=passkey_config)
        assert json.loads(config_path.read_text())["webAuthnRelyingPartyId"] == "auth.example.com"
    finally:
        emu.stop()


def test_web_authn_configuration_in_set_and_get_user_pool_mfa_config(passkeys: Client) -> None:
    pool_id = passkeys.pool_id
    assert passkeys.call("GetUserPoolMfaConfig", UserPoolId=pool_id).body["WebAuthnConfiguration"] == {
        "RelyingPartyId": "localhost",
        "UserVerification": "preferred",
    }
    try:
        required = {"RelyingPartyId": "localhost", "UserVerification": "required"}
        reply = passkeys.call("SetUserPoolMfaConfig", UserPoolId=pool_id, WebAuthnConfiguration=required)
        assert reply.body == {
            "MfaConfiguration": "OFF",
            "SoftwareTokenMfaConfiguration": {"Enabled": False},
            "WebAuthnConfiguration": required,
        }
        # a request that sets only MFA keeps the passkey settings
        reply = passkeys.call(
            "SetUserPoolMfaConfig", UserPoolId=pool_id, MfaConfiguration="OPTIONAL", SoftwareTokenMfaConfiguration={"Enabled": True}
        )
        assert reply.body["WebAuthnConfiguration"] == required
        bad = passkeys.call("SetUserPoolMfaConfig", UserPoolId=pool_id, WebAuthnConfiguration={"UserVerification": "always"})
        assert bad.error[0] == "InvalidParameterException" and "enum value set: [required, preferred]" in bad.error[1]
    finally:
        preferred = {"RelyingPartyId": "localhost", "UserVerification": "preferred"}
        passkeys.call("SetUserPoolMfaConfig", UserPoolId=pool_id, WebAuthnConfiguration=preferred)


def test_pool_requests_are_checked_as_cognito_checks_them(cognito: Client) -> None:
    def create(**body: object) -> tuple[str, str]:
        reply = cognito.call("CreateUserPool", PoolName="policy", **body)
        if reply.status == 200:
            cognito.call("DeleteUserPool", UserPoolId=reply.body["UserPool"]["Id"])
        return reply.error

    def policy(*factors: str) -> dict[str, object]:
        return {"SignInPolicy": {"AllowedFirstAuthFactors": list(factors)}}

    # the template's default pool has no passkey settings until they are set
    assert "WebAuthnConfiguration" not in cognito.call("GetUserPoolMfaConfig", UserPoolId=cognito.pool_id).body
    ses = {"EmailSendingAccount": "DEVELOPER", "SourceArn": SES_ARN}
    assert create(Policies=policy("WEB_AUTHN")) == ("InvalidParameterException", "AllowedFirstAuthFactors must include PASSWORD.")
    assert create(Policies=policy("PASSWORD", "SOFTWARE_TOKEN"))[0] == "InvalidParameterException"
    assert create(Policies=policy("PASSWORD", "WEB_AUTHN"), UserPoolTier="LITE") == (
        "FeatureUnavailableInTierException",
        "SignInPolicy is not available in the LITE feature plan of the user pool.",
    )
    assert create(Policies=policy("PASSWORD", "EMAIL_OTP"))[0] == "InvalidParameterException"
    assert create(Policies=policy("PASSWORD", "SMS_OTP")) == (
        "InvalidParameterException",
        "SMS_OTP requires an SmsConfiguration with an SNS caller ARN.",
    )
    assert create(Policies=policy("PASSWORD", "EMAIL_OTP", "WEB_AUTHN"), EmailConfiguration=ses) == ("", "")
    lite = cognito.call("CreateUserPool", PoolName="lite", UserPoolTier="LITE").body["UserPool"]["Id"]
    try:
        refused = cognito.call("SetUserPoolMfaConfig", UserPoolId=lite, WebAuthnConfiguration={"RelyingPartyId": "a.example"})
        assert refused.error[0] == "FeatureUnavailableInTierException"
        assert cognito.call("UpdateUserPool", UserPoolId=lite, Policies=policy("PASSWORD", "WEB_AUTHN"), UserPoolTier="LITE").error[
            0
        ] == "FeatureUnavailableInTierException"
        described = cognito.call("DescribeUserPool", UserPoolId=lite).body["UserPool"]
        assert "SignInPolicy" not in (described.get("Policies") or {})
    finally:
        cognito.call("DeleteUserPool", UserPoolId=lite)


@pytest.mark.parametrize(
    ("origin", "relying_party_id", "allowed"),
    [
        ("http://localhost:8080", "localhost", True),
        ("http://localhost", "localhost", True),
        ("https://localhost:8443", "localhost", True),
        ("http://127.0.0.1:8080", "localhost", False),
        ("http://app.example.com", "example.com", False),  # plain http only for localhost
        ("https://app.example.com", "example.com", True),
        ("https://example.com:8443", "example.com", True),
        ("https://badexample.com", "example.com", False),
        ("https://example.com.evil.net", "example.com", False),
        ("https://example.com/path", "example.com", False),
        ("https://example.com:port", "example.com", False),
        ("localhost:8080", "localhost", False),
    ],
)
def test_origins_a_passkey_may_come_from(origin: str, relying_party_id: str, allowed: bool) -> None:
    assert origin_allowed(origin, relying_party_id) is allowed


def test_the_passkey_server_starts_from_the_make_dev_parameters(passkey_server: tuple[Emulator, Client]) -> None:
    client = passkey_server[1]
    pool = client.call("DescribeUserPool", UserPoolId=client.pool_id).body["UserPool"]
    assert pool["Policies"]["SignInPolicy"]["AllowedFirstAuthFactors"] == ["PASSWORD", "EMAIL_OTP", "WEB_AUTHN"]
    assert pool["UserPoolTier"] == "ESSENTIALS"

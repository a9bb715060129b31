"""The pool's MFA configuration: the template's parameters and rules, and SetUserPoolMfaConfig /
GetUserPoolMfaConfig with Cognito's checks."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from moto.cognitoidp.models import CognitoIdpBackend
from moto.core import DEFAULT_ACCOUNT_ID

from conftest import SES_ARN, Client
from local_cognito import template as cfn
from mfa_support import SMS_CONFIG, set_mfa

TEMPLATE = Path(__file__).resolve().parents[2] / "deploy" / "cognito-pool.yaml"
OFF_WITH_METHOD = (
    "InvalidParameterException",
    "Invalid MFA configuration given, can't turn off MFA and configure an MFA together.",
)
ON_WITHOUT_METHOD = (
    "InvalidParameterException",
    "Invalid MFA configuration given, can't disable all MFAs with a required or optional configuration.",
)


def created(overrides: dict[str, str]) -> cfn.Created:
    return cfn.create_from_template(CognitoIdpBackend(cfn.REGION, DEFAULT_ACCOUNT_ID), cfn.load_template(TEMPLATE), overrides)


def test_template_mfa_parameters_default_to_off() -> None:
    template = cfn.load_template(TEMPLATE)
    values = cfn.parameter_values(template, {})
    assert values["MfaConfiguration"] == "OFF"
    assert values["EnabledMfas"] == ["SOFTWARE_TOKEN_MFA", "EMAIL_OTP"]  # a CommaDelimitedList
    assert values["AuthSessionValidity"] == 3
    assert cfn.parameter_values(template, {"EnabledMfas": "SOFTWARE_TOKEN_MFA, SMS_MFA"})["EnabledMfas"] == [
        "SOFTWARE_TOKEN_MFA",
        "SMS_MFA",
    ]
    # OFF leaves EnabledMfas out of the pool (Cognito refuses methods on a pool without MFA)
    result = created({})
    assert result.mfa[result.pool_id] == ("OFF", [])


def test_template_passes_mfa_settings_past_moto() -> None:
    backend = CognitoIdpBackend(cfn.REGION, DEFAULT_ACCOUNT_ID)
    result = cfn.create_from_template(
        backend, cfn.load_template(TEMPLATE), {"MfaConfiguration": "ON", "SesSourceArn": SES_ARN, "AuthSessionValidity": "5"}
    )
    assert result.mfa[result.pool_id] == ("ON", ["SOFTWARE_TOKEN_MFA", "EMAIL_OTP"])
    pool = backend.user_pools[result.pool_id]
    assert pool.mfa_config == "OFF"  # moto's own MFA logic stays off
    assert "MfaConfiguration" not in pool.extended_config and "EnabledMfas" not in pool.extended_config
    assert pool.extended_config["EmailConfiguration"] == {"EmailSendingAccount": "DEVELOPER", "SourceArn": SES_ARN}
    assert pool.extended_config["UserPoolTier"] == "ESSENTIALS"
    assert pool.clients[result.client_id].extended_config["AuthSessionValidity"] == 5


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"EnabledMfas": "SOFTWARE_TOKEN_MFA,PUSH"}, "EnabledMfas may list only"),
        ({"MfaConfiguration": "ON", "EnabledMfas": "EMAIL_OTP", "SesSourceArn": SES_ARN}, "needs SOFTWARE_TOKEN_MFA or SMS_MFA"),
        ({"MfaConfiguration": "OPTIONAL"}, "EMAIL_OTP needs SesSourceArn"),
        ({"MfaConfiguration": "ON", "EnabledMfas": "SMS_MFA"}, "SMS_MFA needs SmsRoleArn"),
        ({"MfaConfiguration": "MAYBE"}, "Parameter 'MfaConfiguration' must be one of AllowedValues"),
        ({"AuthSessionValidity": "2"}, "must be a number not less than 3"),
        ({"AuthSessionValidity": "16"}, "must be a number not greater than 15"),
    ],
)
def test_template_rules_refuse_what_cognito_would(overrides: dict[str, str], message: str) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        created(overrides)


def test_sms_role_adds_the_sms_configuration() -> None:
    backend = CognitoIdpBackend(cfn.REGION, DEFAULT_ACCOUNT_ID)
    role = SMS_CONFIG["SnsCallerArn"]
    result = cfn.create_from_template(
        backend,
        cfn.load_template(TEMPLATE),
        {"MfaConfiguration": "OPTIONAL", "EnabledMfas": "SMS_MFA,SOFTWARE_TOKEN_MFA", "SmsRoleArn": role},
    )
    pool = backend.user_pools[result.pool_id]
    assert pool.extended_config["SmsConfiguration"] == {"SnsCallerArn": role}
    assert pool.extended_config["AutoVerifiedAttributes"] == ["email", "phone_number"]
    assert result.mfa[result.pool_id] == ("OPTIONAL", ["SMS_MFA", "SOFTWARE_TOKEN_MFA"])


def test_server_starts_with_the_templates_mfa(mfa_server: tuple[object, Client]) -> None:
    client = mfa_server[1]
    config = client.call("GetUserPoolMfaConfig", UserPoolId=client.pool_id).body
    assert config == {
        "MfaConfiguration": "ON",
        "SoftwareTokenMfaConfiguration": {"Enabled": True},
        "EmailMfaConfiguration": {},
    }
    pool = client.call("DescribeUserPool", UserPoolId=client.pool_id).body["UserPool"]
    assert pool["MfaConfiguration"] == "ON"
    app_client = client.call("DescribeUserPoolClient", UserPoolId=client.pool_id, ClientId=client.client_id)
    assert app_client.body["UserPoolClient"]["AuthSessionValidity"] == 3


def test_set_user_pool_mfa_config_replaces_the_configuration(mfa: Client) -> None:
    reply = set_mfa(mfa, "OPTIONAL", "SOFTWARE_TOKEN_MFA", "SMS_MFA")
    assert reply.status == 200, reply.body
    assert reply.body == {
        "MfaConfiguration": "OPTIONAL",
        "SoftwareTokenMfaConfiguration": {"Enabled": True},
        "SmsMfaConfiguration": {"SmsConfiguration": SMS_CONFIG},
    }
    assert mfa.call("GetUserPoolMfaConfig", UserPoolId=mfa.pool_id).body == reply.body
    # a method left out is turned off
    assert set_mfa(mfa, "ON", "EMAIL_OTP").body == {
        "MfaConfiguration": "ON",
        "SoftwareTokenMfaConfiguration": {"Enabled": False},
        "EmailMfaConfiguration": {},
    }
    assert mfa.call("DescribeUserPool", UserPoolId=mfa.pool_id).body["UserPool"]["MfaConfiguration"] == "ON"


def test_set_user_pool_mfa_config_refusals_change_nothing(mfa: Client) -> None:
    before = set_mfa(mfa, "OPTIONAL", "SOFTWARE_TOKEN_MFA").body
    assert set_mfa(mfa, "OFF", "SOFTWARE_TOKEN_MFA").error == OFF_WITH_METHOD
    assert set_mfa(mfa, "ON").error == ON_WITHOUT_METHOD
    disabled = mfa.call(
        "SetUserPoolMfaConfig", UserPoolId=mfa.pool_id, MfaConfiguration="ON", SoftwareTokenMfaConfiguration={"Enabled": False}
    )
    assert disabled.error == ON_WITHOUT_METHOD
    no_sms = mfa.call("SetUserPoolMfaConfig", UserPoolId=mfa.pool_id, MfaConfiguration="ON", SmsMfaConfiguration={})
    assert no_sms.error == (
        "InvalidParameterException",
        "SMS configuration and Auto verification for phone_number are required when MFA is required/optional",
    )
    assert mfa.call("GetUserPoolMfaConfig", UserPoolId=mfa.pool_id).body == before
    unknown = mfa.call("GetUserPoolMfaConfig", UserPoolId="ap-northeast-1_nope")
    assert unknown.error == ("ResourceNotFoundException", "User pool ap-northeast-1_nope does not exist.")


def test_email_mfa_needs_the_pools_email_sent_through_ses(cognito: Client) -> None:
    # the default pool sends with COGNITO_DEFAULT
    reply = set_mfa(cognito, "OPTIONAL", "SOFTWARE_TOKEN_MFA", "EMAIL_OTP")
    assert reply.error[0] == "InvalidParameterException" and "EmailSendingAccount DEVELOPER" in reply.error[1]
    assert cognito.call("GetUserPoolMfaConfig", UserPoolId=cognito.pool_id).body["MfaConfiguration"] == "OFF"
    # and the Essentials tier: a Lite pool with SES email still can't
    lite = cognito.call(
        "CreateUserPool",
        PoolName="lite-pool",
        UserPoolTier="LITE",
        EmailConfiguration={"EmailSendingAccount": "DEVELOPER", "SourceArn": SES_ARN},
    ).body["UserPool"]
    reply = cognito.call("SetUserPoolMfaConfig", UserPoolId=lite["Id"], MfaConfiguration="ON", EmailMfaConfiguration={})
    assert reply.error[0] == "FeatureUnavailableInTierException"
    cognito.call("DeleteUserPool", UserPoolId=lite["Id"])


def test_pool_requests_with_mfa_never_reach_moto(cognito: Client) -> None:
    refused = cognito.call("CreateUserPool", PoolName="sms-less", MfaConfiguration="ON")
    assert refused.error == (
        "InvalidParameterException",
        "SMS configuration and Auto verification for phone_number are required when MFA is required/optional",
    )
    pool = cognito.call("CreateUserPool", PoolName="sms-mfa", MfaConfiguration="OPTIONAL", SmsConfiguration=SMS_CONFIG)
    assert pool.body["UserPool"]["MfaConfiguration"] == "OPTIONAL"
    pool_id = pool.body["UserPool"]["Id"]
    assert cognito.call("GetUserPoolMfaConfig", UserPoolId=pool_id).body == {
        "MfaConfiguration": "OPTIONAL",
        "SoftwareTokenMfaConfiguration": {"Enabled": False},
        "SmsMfaConfiguration": {"SmsConfiguration": SMS_CONFIG},
    }
    # UpdateUserPool's MfaConfiguration is taken here too
    assert cognito.call("UpdateUserPool", UserPoolId=pool_id, MfaConfiguration="OFF").status == 200
    assert cognito.call("DescribeUserPool", UserPoolId=pool_id).body["UserPool"]["MfaConfiguration"] == "OFF"
    assert cognito.call("GetUserPoolMfaConfig", UserPoolId=pool_id).body == {
        "MfaConfiguration": "OFF",
        "SoftwareTokenMfaConfiguration": {"Enabled": False},
    }
    cognito.call("DeleteUserPool", UserPoolId=pool_id)

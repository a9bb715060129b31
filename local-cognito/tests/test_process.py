"""Startup from the template, config file, env vars and shutdown."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from moto.cognitoidp.models import CognitoIdpBackend
from moto.core import DEFAULT_ACCOUNT_ID

from conftest import SERVER, Client, Emulator, unique_email
from local_cognito import template as cfn

TEMPLATE = Path(__file__).resolve().parents[2] / "deploy" / "cognito-pool.yaml"


def test_config_file_and_ready_line(emulator: Emulator, cognito: Client) -> None:
    config = json.loads(emulator.config_path.read_text())  # type: ignore[attr-defined]
    assert config == {
        "region": "ap-northeast-1",
        "userPoolId": config["userPoolId"],
        "clientId": config["clientId"],
        "endpoint": emulator.url,
        "mfaConfiguration": "OFF",
        "enabledMfas": [],
        # the app client allows USER_AUTH; the template's default pool takes passwords only
        "firstAuthFactors": ["PASSWORD"],
        "deviceTracking": "OFF",
        # the template's default: email as the username, any case
        "signIn": {"usernameAttributes": ["email"], "aliasAttributes": [], "caseSensitive": False},
    }
    assert config["userPoolId"].startswith("ap-northeast-1_")
    assert len(config["clientId"]) == 26
    assert emulator.lines[0] == (
        f"local Cognito ready on {emulator.url} (pool {config['userPoolId']}, client {config['clientId']})"
    )
    assert cognito.local("config").body == config


def test_config_file_follows_the_pools_mfa(emulator: Emulator, cognito: Client) -> None:
    """An administrator's SetUserPoolMfaConfig reaches config.json, as a redeploy would."""

    def written() -> tuple[str, list[str]]:
        config = json.loads(emulator.config_path.read_text())  # type: ignore[attr-defined]
        return config["mfaConfiguration"], config["enabledMfas"]

    try:
        cognito.call(
            "SetUserPoolMfaConfig",
            UserPoolId=cognito.pool_id,
            MfaConfiguration="OPTIONAL",
            SoftwareTokenMfaConfiguration={"Enabled": True},
        )
        assert written() == ("OPTIONAL", ["SOFTWARE_TOKEN_MFA"])
        assert cognito.local("config").body["mfaConfiguration"] == "OPTIONAL"
        refused = cognito.call("SetUserPoolMfaConfig", UserPoolId=cognito.pool_id, MfaConfiguration="ON")
        assert refused.error[0] == "InvalidParameterException"
        assert written() == ("OPTIONAL", ["SOFTWARE_TOKEN_MFA"])
    finally:
        cognito.call("SetUserPoolMfaConfig", UserPoolId=cognito.pool_id, MfaConfiguration="OFF")
    assert written() == ("OFF", [])


def test_pool_and_client_follow_the_template(cognito: Client) -> None:
    template = yaml.load(TEMPLATE.read_text(), Loader=cfn.CfnLoader)
    pool_props = template["Resources"]["UserPool"]["Properties"]
    client_props = template["Resources"]["UserPoolClient"]["Properties"]

    pool = cognito.call("DescribeUserPool", UserPoolId=cognito.pool_id).body["UserPool"]
    assert pool["Name"] == template["Parameters"]["UserPoolName"]["Default"] == "leptos-cognito"
    assert pool["UsernameAttributes"] == ["email"]
    assert pool["AutoVerifiedAttributes"] == ["email"]
    assert pool["Policies"]["PasswordPolicy"] == pool_props["Policies"]["PasswordPolicy"]
    assert pool["Policies"]["SignInPolicy"] == {"AllowedFirstAuthFactors": ["PASSWORD"]}

    client = cognito.call("DescribeUserPoolClient", UserPoolId=cognito.pool_id, ClientId=cognito.client_id)
    client = client.body["UserPoolClient"]
    assert client["ClientName"] == "leptos-cognito-web"
    assert "ClientSecret" not in client
    # the template's default: rotation on, so no ALLOW_REFRESH_TOKEN_AUTH
    assert client["ExplicitAuthFlows"] == client_props["ExplicitAuthFlows"]["Fn::If"][1]
    assert client["RefreshTokenRotation"] == {"Feature": "ENABLED", "RetryGracePeriodSeconds": 10}
    assert client_props["PreventUserExistenceErrors"] == {"Ref": "PreventUserExistenceErrors"}
    assert client["PreventUserExistenceErrors"] == template["Parameters"]["PreventUserExistenceErrors"]["Default"]
    assert pool["UsernameConfiguration"] == {"CaseSensitive": False}


def test_template_loader_tolerates_short_form_intrinsics() -> None:
    template = cfn.load_template(TEMPLATE)
    outputs = template["Outputs"]
    assert outputs["UserPoolId"]["Value"] == {"Ref": "UserPool"}
    assert outputs["UserPoolArn"]["Value"] == {"Fn::GetAtt": ["UserPool", "Arn"]}
    assert outputs["UserPoolId"]["Export"]["Name"] == {"Fn::Sub": "${AWS::StackName}-UserPoolId"}
    refs = {"AWS::StackName": "s", "Name": "n"}
    attrs = {"Pool.Arn": "arn:x"}
    value = {"a": [{"Fn::Sub": "${Name}-${AWS::StackName}"}, {"Fn::GetAtt": ["Pool", "Arn"]}], "b": {"Ref": "Name"}}
    assert cfn.resolve(value, refs, attrs) == {"a": ["n-s", "arn:x"], "b": "n"}
    assert cfn.resolve({"Fn::Join": ["/", [{"Ref": "Name"}, "x"]]}, refs, attrs) == "n/x"


def test_env_vars_stable_ids_and_clean_sigterm(emulator: Emulator, session_client: Client) -> None:
    other = Emulator.start(
        env={
            "LOCAL_COGNITO_AUTO_CONFIRM": "1",
            "LOCAL_COGNITO_TOKEN_LIFETIME": "900",
            "LOCAL_COGNITO_FIXED_CODE": "424242",
        }
    )
    try:
        # same template, same ids: a frontend config survives restarts
        assert other.lines[0].split(" (")[1] == emulator.lines[0].split(" (")[1]
        client = Client(other.url, session_client.config)
        settings = client.local("settings").body
        assert (settings["autoConfirm"], settings["tokenLifetimeSeconds"]) == (True, 900)
        client.local("settings", {"autoConfirm": False})
        email = unique_email("fixed")
        assert client.sign_up(email).status == 200
        assert client.code(email) == "424242"
        assert client.confirm(email, "424242").status == 200
        assert client.sign_in(email).body["AuthenticationResult"]["ExpiresIn"] == 900
    finally:
        code = other.stop()
    assert code == 0
    assert other.lines[-1] == "local Cognito stopped"


def test_conditions_leave_out_the_pre_sign_up_trigger_by_default() -> None:
    template = cfn.load_template(TEMPLATE)
    refs = {**cfn.parameter_values(template, {}), "UserPoolName": "p"}
    conditions = cfn.condition_values(template, refs)
    assert conditions["HasPreSignUp"] is False
    pool = cfn.resolve(template["Resources"]["UserPool"]["Properties"], refs, {}, conditions)
    assert "LambdaConfig" not in pool

    arn = "arn:aws:lambda:ap-northeast-1:123456789012:function:pre-sign-up"
    refs = {**refs, "PreSignUpFunctionArn": arn}
    conditions = cfn.condition_values(template, refs)
    assert conditions["HasPreSignUp"] is True
    pool = cfn.resolve(template["Resources"]["UserPool"]["Properties"], refs, {}, conditions)
    assert pool["LambdaConfig"] == {"PreSignUp": arn}
    # AWS::NoValue also drops list items, and Fn::If picks the branch
    assert cfn.resolve([{"Ref": "AWS::NoValue"}, 1], {}, {}) == [1]
    assert cfn.resolve({"Fn::If": ["C", "yes", "no"]}, {}, {}, {"C": False}) == "no"


def test_conditions_reach_into_join_and_sub() -> None:
    refs = {"Name": "n"}
    conditions = {"Prod": True}
    pick = {"Fn::If": ["Prod", "prod", "dev"]}
    assert cfn.resolve({"Fn::Join": ["-", [{"Ref": "Name"}, pick]]}, refs, {}, conditions) == "n-prod"
    assert cfn.resolve({"Fn::Sub": ["${Name}.${Stage}", {"Stage": pick}]}, refs, {}, conditions) == "n.prod"


def test_parameter_overrides_are_checked_like_cloudformation() -> None:
    template = cfn.load_template(TEMPLATE)
    defaults = cfn.parameter_values(template, {})
    assert defaults["RefreshTokenRotation"] == "ENABLED"
    assert defaults["RefreshTokenRetryGracePeriodSeconds"] == 10  # a Number parameter is a number
    values = cfn.parameter_values(template, {"RefreshTokenRotation": "DISABLED", "RefreshTokenRetryGracePeriodSeconds": "0"})
    assert (values["RefreshTokenRotation"], values["RefreshTokenRetryGracePeriodSeconds"]) == ("DISABLED", 0)
    for overrides, message in [
        ({"RefreshTokenRotation": "OFF"}, "Parameter 'RefreshTokenRotation' must be one of AllowedValues"),
        ({"RefreshTokenRetryGracePeriodSeconds": "61"}, "must be a number not greater than 60"),
        ({"RefreshTokenRetryGracePeriodSeconds": "-1"}, "must be a number not less than 0"),
        ({"RefreshTokenRetryGracePeriodSeconds": "ten"}, "must be a number"),
        ({"NoSuchParameter": "x"}, "Parameters: [NoSuchParameter] do not exist in the template"),
    ]:
        with pytest.raises(ValueError, match=re.escape(message)):
            cfn.parameter_values(template, overrides)


def test_rotation_with_refresh_token_auth_is_refused_like_cognito() -> None:
    template = cfn.load_template(TEMPLATE)
    client = template["Resources"]["UserPoolClient"]["Properties"]
    client["ExplicitAuthFlows"] = ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]
    with pytest.raises(ValueError, match="ALLOW_REFRESH_TOKEN_AUTH"):
        cfn.create_from_template(CognitoIdpBackend(cfn.REGION, DEFAULT_ACCOUNT_ID), template)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--param", "RefreshTokenRotation=MAYBE"], "Parameter 'RefreshTokenRotation' must be one of AllowedValues"),
        (["--param", "Nope=1"], "Parameters: [Nope] do not exist in the template"),
        (["--param", "RefreshTokenRotation"], "--param needs NAME=VALUE"),
    ],
)
def test_bad_param_stops_the_server_with_a_reason(args: list[str], message: str) -> None:
    done = subprocess.run(
        [sys.executable, str(SERVER), "--port", "0", *args], capture_output=True, text=True, timeout=60
    )
    assert done.returncode != 0
    assert message in done.stderr

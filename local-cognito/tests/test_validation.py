"""Requests are checked against botocore's model of the Cognito API before anything else, and
refused in Cognito's words."""

from __future__ import annotations

import json
from typing import Any

import botocore.session
import pytest

from conftest import PASSWORD, Client, http, unique_email
from local_cognito.validation import check_request

AUTH_FLOWS = (
    "USER_SRP_AUTH, REFRESH_TOKEN_AUTH, REFRESH_TOKEN, CUSTOM_AUTH, ADMIN_NO_SRP_AUTH, "
    "USER_PASSWORD_AUTH, ADMIN_USER_PASSWORD_AUTH, USER_AUTH"
)


def one(problem: str) -> tuple[str, str]:
    return ("InvalidParameterException", f"1 validation error detected: {problem}")


@pytest.mark.parametrize(
    ("action", "body", "error"),
    [
        (
            "SignUp",
            {"Username": "a@example.com", "Password": PASSWORD},
            one("Value null at 'clientId' failed to satisfy constraint: Member must not be null"),
        ),
        (
            # Username is sensitive in the model: its value is not echoed
            "SignUp",
            {"ClientId": "CLIENT", "Username": "a" * 129, "Password": PASSWORD},
            one("Value at 'username' failed to satisfy constraint: Member must have length less than or equal to 128"),
        ),
        (
            "InitiateAuth",
            {"ClientId": "CLIENT", "AuthFlow": "PASSWORD", "AuthParameters": {}},
            one(f"Value 'PASSWORD' at 'authFlow' failed to satisfy constraint: Member must satisfy enum value set: [{AUTH_FLOWS}]"),
        ),
        (
            "InitiateAuth",
            {"ClientId": "$$$", "AuthFlow": "USER_PASSWORD_AUTH"},
            one("Value at 'clientId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+]+"),
        ),
        (
            "ConfirmSignUp",
            {"ClientId": "CLIENT", "Username": "a@example.com", "ConfirmationCode": "   "},
            one("Value '   ' at 'confirmationCode' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\S]+"),
        ),
        (
            "SignUp",
            {"ClientId": "CLIENT", "Username": "a@example.com", "UserAttributes": [{"Name": "n" * 33, "Value": "v"}]},
            one(
                f"Value '{'n' * 33}' at 'userAttributes.1.member.name' failed to satisfy constraint: "
                "Member must have length less than or equal to 32"
            ),
        ),
        (
            "RespondToAuthChallenge",
            {"ClientId": "CLIENT", "ChallengeName": "NEW_PASSWORD_REQUIRED", "Session": "short"},
            one("Value at 'session' failed to satisfy constraint: Member must have length greater than or equal to 20"),
        ),
        (
            "GetTokensFromRefreshToken",
            {"RefreshToken": "!!!"},
            (
                "InvalidParameterException",
                "2 validation errors detected: "
                "Value null at 'clientId' failed to satisfy constraint: Member must not be null; "
                "Value at 'refreshToken' failed to satisfy constraint: Member must satisfy regular expression pattern: "
                "[A-Za-z0-9-_=.]+",
            ),
        ),
    ],
)
def test_constraint_violations(cognito: Client, action: str, body: dict[str, Any], error: tuple[str, str]) -> None:
    body = {k: cognito.client_id if v == "CLIENT" else v for k, v in body.items()}
    reply = cognito.call(action, **body)
    assert reply.status == 400
    assert reply.error == error


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"Username": 123}, "NUMBER_VALUE cannot be converted to String"),
        ({"Username": {"email": "a@example.com"}}, "Start of structure or map found where not expected."),
        ({"Username": ["a@example.com"]}, "Start of list found where not expected."),
        ({"UserAttributes": [{"Name": "email", "Value": True}]}, "BOOLEAN_VALUE cannot be converted to String"),
        ({"UserAttributes": {"email": "a@example.com"}}, "Start of structure or map found where not expected."),
        ({"ClientMetadata": "x"}, "STRING_VALUE cannot be converted to Map"),
        ({"ForceAliasCreation": "true"}, "STRING_VALUE cannot be converted to Boolean"),
    ],
)
def test_wrong_json_types_are_serialization_errors(cognito: Client, body: dict[str, Any], message: str) -> None:
    full = {"ClientId": cognito.client_id, "Username": unique_email("types"), "ConfirmationCode": "123456", **body}
    reply = cognito.call("ConfirmSignUp" if "ForceAliasCreation" in body else "SignUp", **full)
    assert reply.status == 400
    assert reply.error == ("SerializationException", message)


def test_nothing_runs_for_a_refused_request(cognito: Client) -> None:
    email = unique_email("refused")
    reply = cognito.call("SignUp", ClientId=cognito.client_id, Username=email, Password=PASSWORD, UserAttributes=[{"Value": "x"}])
    assert reply.error == one("Value null at 'userAttributes.1.member.name' failed to satisfy constraint: Member must not be null")
    assert cognito.call("AdminGetUser", UserPoolId=cognito.pool_id, Username=email).error[0] == "UserNotFoundException"
    assert cognito.local(f"codes/{email}").status == 404


def test_null_members_count_as_absent_and_valid_requests_pass(cognito: Client) -> None:
    email = unique_email("valid")
    reply = cognito.call(
        "SignUp",
        ClientId=cognito.client_id,
        Username=email,
        Password=PASSWORD,
        UserAttributes=[{"Name": "email", "Value": email}],
        ClientMetadata={"source": "test"},
        SecretHash=None,
    )
    assert reply.status == 200, reply.body
    missing = cognito.call("ConfirmSignUp", ClientId=cognito.client_id, Username=email, ConfirmationCode=None)
    assert missing.error == one("Value null at 'confirmationCode' failed to satisfy constraint: Member must not be null")


def test_map_values_are_checked_as_a_whole(cognito: Client) -> None:
    reply = cognito.call(
        "SignUp", ClientId=cognito.client_id, Username=unique_email("map"), Password=PASSWORD, ClientMetadata={"k": 5}
    )
    assert reply.error == ("SerializationException", "NUMBER_VALUE cannot be converted to String")
    raw = http(
        "POST",
        cognito.url,
        json.dumps({"ClientId": cognito.client_id, "AuthFlow": "USER_SRP_AUTH", "AuthParameters": {"USERNAME": "x" * 131073}}).encode(),
        {"X-Amz-Target": "AWSCognitoIdentityProviderService.InitiateAuth", "Content-Type": "application/x-amz-json-1.1"},
    )
    # AuthParameters is sensitive: the map is not echoed
    assert raw.error == one(
        "Value at 'authParameters' failed to satisfy constraint: "
        "Map value must satisfy constraint: [Member must have length less than or equal to 131072]"
    )


def test_patterns_are_searched_and_unicode_aware() -> None:
    model = botocore.session.get_session().get_service_model("cognito-idp")
    # a username in any script, a password with inner spaces: both fit the model
    check_request(model, "SignUp", {"ClientId": "abc", "Username": "ユーザー名", "Password": "Pass word 1!"})

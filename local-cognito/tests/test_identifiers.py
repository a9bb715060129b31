"""Pools of each sign-in shape from the template: a username with email and phone aliases, the
phone number as the username, case-sensitive usernames, and an app client that hides whether
users exist."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import PASSWORD, Client, Emulator, claims, serve, unique_email

SMS_ROLE = "arn:aws:iam::123456789012:role/cognito-sms"


def start(tmp_path_factory: pytest.TempPathFactory, *params: str) -> tuple[Emulator, Client]:
    args: list[str] = []
    for param in params:
        args += ["--param", param]
    return serve(Path(tmp_path_factory.mktemp("cfg")), *args)


@pytest.fixture(scope="module")
def aliases(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Client]:
    emu, client = start(tmp_path_factory, "UsernameAttributes=", "AliasAttributes=email,phone_number", f"SmsRoleArn={SMS_ROLE}")
    yield client
    emu.stop()


@pytest.fixture(scope="module")
def phones(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Client]:
    emu, client = start(tmp_path_factory, "UsernameAttributes=phone_number", f"SmsRoleArn={SMS_ROLE}")
    yield client
    emu.stop()


@pytest.fixture(scope="module")
def sensitive(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Client]:
    emu, client = start(tmp_path_factory, "UsernameAttributes=", "AliasAttributes=email", "UsernameCaseSensitive=true")
    yield client
    emu.stop()


@pytest.fixture(scope="module")
def hiding(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Client]:
    emu, client = start(tmp_path_factory, "PreventUserExistenceErrors=ENABLED")
    yield client
    emu.stop()


def name() -> str:
    return f"user_{uuid.uuid4().hex[:8]}"


def phone() -> str:
    return f"+8190{uuid.uuid4().int % 10**8:08d}"


def sign_up(client: Client, username: str, **attributes: str) -> dict:
    reply = client.call(
        "SignUp",
        ClientId=client.client_id,
        Username=username,
        Password=PASSWORD,
        UserAttributes=[{"Name": k, "Value": v} for k, v in attributes.items()],
    )
    assert reply.status == 200, reply.body
    return reply.body


def test_config_names_the_pools_identifiers(aliases: Client, phones: Client, sensitive: Client) -> None:
    assert aliases.config["signIn"] == {
        "usernameAttributes": [],
        "aliasAttributes": ["email", "phone_number"],
        "caseSensitive": False,
    }
    assert phones.config["signIn"]["usernameAttributes"] == ["phone_number"]
    assert sensitive.config["signIn"]["caseSensitive"] is True


def test_a_verified_email_alias_signs_in_an_unverified_one_does_not(aliases: Client) -> None:
    username, email = name(), unique_email("alias")
    body = sign_up(aliases, username, email=email)
    assert body["CodeDeliveryDetails"]["DeliveryMedium"] == "EMAIL"
    assert body["CodeDeliveryDetails"]["AttributeName"] == "email"
    # Confirmed by an administrator, the email unverified: the alias doesn't sign in yet.
    assert aliases.call("AdminConfirmSignUp", UserPoolId=aliases.pool_id, Username=username).status == 200
    assert aliases.sign_in(email).error == ("UserNotFoundException", "User does not exist.")
    assert aliases.sign_in(username).status == 200
    attrs = [{"Name": "email_verified", "Value": "true"}]
    aliases.call("AdminUpdateUserAttributes", UserPoolId=aliases.pool_id, Username=username, UserAttributes=attrs)
    reply = aliases.sign_in(email.upper())  # case-insensitive pool: any case
    assert reply.status == 200, reply.body
    id_claims = claims(reply.body["AuthenticationResult"]["IdToken"])
    assert id_claims["cognito:username"] == username
    assert id_claims["email"] == email


def test_sms_codes_confirm_the_phone_which_then_signs_in(aliases: Client) -> None:
    username, number = name(), phone()
    body = sign_up(aliases, username, email=unique_email("sms"), phone_number=number)
    details = body["CodeDeliveryDetails"]
    assert details == {"Destination": f"+{'*' * (len(number) - 5)}{number[-4:]}", "DeliveryMedium": "SMS", "AttributeName": "phone_number"}
    assert aliases.confirm(username, aliases.code(number)).status == 200
    reply = aliases.sign_in(number)
    assert reply.status == 200, reply.body
    id_claims = claims(reply.body["AuthenticationResult"]["IdToken"])
    assert id_claims["phone_number"] == number and id_claims["phone_number_verified"] is True
    # A password reset code goes by text as well (the recovery order: email first, but the
    # email is unverified).
    reply = aliases.call("ForgotPassword", ClientId=aliases.client_id, Username=number)
    assert reply.body["CodeDeliveryDetails"]["DeliveryMedium"] == "SMS", reply.body
    assert aliases.code(number, "forgotPassword")


def test_usernames_in_an_aliass_form_are_refused(aliases: Client) -> None:
    reply = aliases.call("SignUp", ClientId=aliases.client_id, Username=unique_email(), Password=PASSWORD)
    assert reply.error == (
        "InvalidParameterException",
        "Username cannot be of email format, since user pool is configured for email alias.",
    )
    reply = aliases.call("SignUp", ClientId=aliases.client_id, Username=phone(), Password=PASSWORD)
    assert reply.error[0] == "InvalidParameterException"


def test_an_alias_verified_by_another_user_is_taken(aliases: Client) -> None:
    email = unique_email("taken")
    first, second = name(), name()
    sign_up(aliases, first, email=email)
    reply = aliases.call("SignUp", ClientId=aliases.client_id, Username=first, Password=PASSWORD)
    assert reply.error == ("UsernameExistsException", "User already exists")
    assert aliases.confirm(first, aliases.code(email)).status == 200
    sign_up(aliases, second, email=email)
    code = aliases.code(email)
    reply = aliases.confirm(second, code)
    assert reply.error == ("AliasExistsException", "An account with the given email already exists.")
    # Forced, the alias moves: the email now signs in the second user, not the first.
    reply = aliases.call(
        "ConfirmSignUp", ClientId=aliases.client_id, Username=second, ConfirmationCode=code, ForceAliasCreation=True
    )
    assert reply.status == 200, reply.body
    signed_in = aliases.sign_in(email)
    assert claims(signed_in.body["AuthenticationResult"]["IdToken"])["cognito:username"] == second


def test_the_phone_number_as_username(phones: Client) -> None:
    number = phone()
    body = sign_up(phones, number, phone_number=number)
    assert body["CodeDeliveryDetails"]["DeliveryMedium"] == "SMS"
    assert phones.sign_in(number).error == ("UserNotConfirmedException", "User is not confirmed.")
    assert phones.confirm(number, phones.code(number)).status == 200
    reply = phones.sign_in(number)
    assert reply.status == 200, reply.body
    id_claims = claims(reply.body["AuthenticationResult"]["IdToken"])
    # The username is generated (the sub), the number is the phone_number claim.
    assert id_claims["cognito:username"] == id_claims["sub"] != number
    assert id_claims["phone_number"] == number
    # The same number again is the same username.
    reply = phones.call("SignUp", ClientId=phones.client_id, Username=number, Password=PASSWORD)
    assert reply.error == ("UsernameExistsException", "An account with the given phone_number already exists.")


def test_a_case_sensitive_pool_signs_in_only_as_typed(sensitive: Client) -> None:
    username = "Mixed" + name()
    email = unique_email("Case")
    sign_up(sensitive, username, email=email)
    assert sensitive.confirm(username, sensitive.code(email)).status == 200
    assert sensitive.sign_in(username).status == 200
    assert sensitive.sign_in(username.lower()).error == ("UserNotFoundException", "User does not exist.")
    assert sensitive.sign_in(email).status == 200
    assert sensitive.sign_in(email.upper()).error[0] == "UserNotFoundException"


def test_a_client_that_hides_users(hiding: Client) -> None:
    ghost = unique_email("ghost")
    assert hiding.sign_in(ghost).error == ("NotAuthorizedException", "Incorrect username or password.")
    reply = hiding.call("ForgotPassword", ClientId=hiding.client_id, Username=ghost)
    assert reply.status == 200 and reply.body["CodeDeliveryDetails"]["DeliveryMedium"] == "EMAIL"
    reply = hiding.call("ResendConfirmationCode", ClientId=hiding.client_id, Username=ghost)
    assert reply.status == 200
    reply = hiding.call(
        "ConfirmForgotPassword", ClientId=hiding.client_id, Username=ghost, ConfirmationCode="123456", Password=PASSWORD
    )
    assert reply.error == ("CodeMismatchException", "Invalid verification code provided, please try again.")
    # SRP: a challenge like any other, whose answer fails as a wrong password does.
    reply = hiding.call(
        "InitiateAuth",
        ClientId=hiding.client_id,
        AuthFlow="USER_SRP_AUTH",
        AuthParameters={"USERNAME": ghost, "SRP_A": "02"},
    )
    assert reply.body["ChallengeName"] == "PASSWORD_VERIFIER", reply.body
    params = reply.body["ChallengeParameters"]
    reply = hiding.call(
        "RespondToAuthChallenge",
        ClientId=hiding.client_id,
        ChallengeName="PASSWORD_VERIFIER",
        ChallengeResponses={
            "USERNAME": params["USER_ID_FOR_SRP"],
            "PASSWORD_CLAIM_SECRET_BLOCK": params["SECRET_BLOCK"],
            "PASSWORD_CLAIM_SIGNATURE": "AAAA",
            "TIMESTAMP": "Wed Dec 2 10:00:00 UTC 2026",
        },
    )
    assert reply.error == ("NotAuthorizedException", "Incorrect username or password.")
    # A known user with a wrong password: the same words.
    email, _ = hiding.confirmed_user("known")
    assert hiding.sign_in(email, "Wrong-passw0rd").error == ("NotAuthorizedException", "Incorrect username or password.")


def test_the_template_refuses_shapes_cognito_refuses() -> None:
    from local_cognito import template as cfn
    from test_process import TEMPLATE

    template = cfn.load_template(TEMPLATE)
    for overrides, message in [
        ({"AliasAttributes": "email"}, "Set UsernameAttributes or AliasAttributes, not both"),
        ({"UsernameAttributes": "nickname"}, "UsernameAttributes may list only email and phone_number."),
        ({"UsernameAttributes": "", "AliasAttributes": "nickname"}, "AliasAttributes may list only"),
        ({"UsernameAttributes": "phone_number"}, "Signing in with a phone number needs SmsRoleArn"),
        ({"UsernameCaseSensitive": "yes"}, "Parameter 'UsernameCaseSensitive' must be one of AllowedValues"),
    ]:
        refs = cfn.parameter_values(template, overrides) if "UsernameCaseSensitive" not in overrides else None
        with pytest.raises(ValueError, match=re.escape(message)):
            if refs is None:
                cfn.parameter_values(template, overrides)
            else:
                cfn.check_rules(template, refs)

"""User attributes: the pool's schema at sign-up and on updates, email changes that wait for
their code, verification codes, and users deleting themselves."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import PASSWORD, Client, claims, serve, unique_email

BAD_CODE = ("CodeMismatchException", "Invalid verification code provided, please try again.")
STALE_CODE = ("ExpiredCodeException", "Invalid code provided, please request a code again.")


@pytest.fixture(scope="module")
def named(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Client]:
    """A server whose pool requires a name at sign-up."""
    emu, client = serve(tmp_path_factory.mktemp("cfg"), "--param", "NameRequired=true")
    yield client
    emu.stop()


@pytest.fixture(scope="module")
def updates_at_once(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Client]:
    """A server whose pool lacks AttributesRequireVerificationBeforeUpdate: the template without
    its UserAttributeUpdateSettings."""
    template = (Path(__file__).resolve().parents[2] / "deploy" / "cognito-pool.yaml").read_text(encoding="utf-8")
    setting = "      UserAttributeUpdateSettings:\n        AttributesRequireVerificationBeforeUpdate:\n          - email\n"
    assert setting in template
    directory = tmp_path_factory.mktemp("cfg")
    (directory / "pool.yaml").write_text(template.replace(setting, ""), encoding="utf-8")
    emu, client = serve(directory, "--template", str(directory / "pool.yaml"))
    yield client
    emu.stop()


@pytest.fixture(scope="module")
def texts(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Client]:
    """A server whose pool sends SMS, so it verifies phone numbers automatically too."""
    role = "SmsRoleArn=arn:aws:iam::123456789012:role/cognito-sms"
    emu, client = serve(tmp_path_factory.mktemp("cfg"), "--param", role)
    yield client
    emu.stop()


def attrs(**values: str) -> list[dict[str, str]]:
    return [{"Name": k.replace("custom_", "custom:"), "Value": v} for k, v in values.items()]


def sign_up(cognito: Client, email: str, **values: str):
    return cognito.call(
        "SignUp", ClientId=cognito.client_id, Username=email, Password=PASSWORD, UserAttributes=attrs(**values)
    )


def signed_in(cognito: Client, **values: str) -> tuple[str, str]:
    """A confirmed user with these attributes: (email, access token)."""
    email = unique_email("attr")
    assert sign_up(cognito, email, **values).status == 200
    assert cognito.confirm(email, cognito.code(email)).status == 200
    reply = cognito.sign_in(email)
    assert reply.status == 200, reply.body
    return email, reply.body["AuthenticationResult"]["AccessToken"]


def user_attributes(cognito: Client, token: str) -> dict[str, Any]:
    reply = cognito.call("GetUser", AccessToken=token)
    assert reply.status == 200, reply.body
    return {a["Name"]: a["Value"] for a in reply.body["UserAttributes"]}


def update(cognito: Client, token: str, **values: str):
    return cognito.call("UpdateUserAttributes", AccessToken=token, UserAttributes=attrs(**values))


def test_sign_up_without_a_required_attribute_is_refused_as_cognito_refuses_it(named: Client) -> None:
    reply = sign_up(named, unique_email("noname"))
    assert reply.error == (
        "InvalidParameterException",
        "Attributes did not conform to the schema: name: The attribute is required\n",
    )
    assert sign_up(named, unique_email("named"), name="Ada Lovelace", custom_company="Engines").status == 200


def test_sign_up_checks_the_schema_and_the_app_client_write_list(cognito: Client) -> None:
    assert sign_up(cognito, unique_email("u"), custom_unknown="x").error == (
        "InvalidParameterException",
        "Attributes did not conform to the schema: custom:unknown: Attribute does not exist in the schema.\n",
    )
    # nickname is a standard attribute the app client may not write
    assert sign_up(cognito, unique_email("u"), nickname="x").error == (
        "NotAuthorizedException",
        "A client attempted to write unauthorized attribute",
    )
    assert sign_up(cognito, unique_email("u"), phone_number="090-1234-5678").error == (
        "InvalidParameterException",
        "Invalid phone number format.",
    )
    assert sign_up(cognito, unique_email("u"), custom_company="x" * 65).error == (
        "InvalidParameterException",
        "Attributes did not conform to the schema: custom:company: String must be no longer than 64 characters\n",
    )
    # Without NameRequired the default pool signs up with an email alone.
    assert sign_up(cognito, unique_email("plain")).status == 200


def test_update_changes_plain_attributes_and_deletes_blank_ones(cognito: Client) -> None:
    _, token = signed_in(cognito, name="Old Name", custom_company="Acme")
    reply = update(cognito, token, name="New Name", custom_company="")
    assert reply.status == 200, reply.body
    assert reply.body == {"CodeDeliveryDetailsList": []}
    found = user_attributes(cognito, token)
    assert found["name"] == "New Name"
    assert "custom:company" not in found


def test_an_immutable_attribute_is_set_at_sign_up_and_never_updated(cognito: Client) -> None:
    _, token = signed_in(cognito, custom_referral="FRIEND1")
    assert update(cognito, token, custom_referral="FRIEND2").error == (
        "InvalidParameterException",
        "user.custom:referral: Attribute cannot be updated.\n",
    )
    assert user_attributes(cognito, token)["custom:referral"] == "FRIEND1"


def test_a_user_never_writes_the_verified_flags(cognito: Client) -> None:
    _, token = signed_in(cognito)
    assert update(cognito, token, email_verified="false").error == (
        "NotAuthorizedException",
        "A client attempted to write unauthorized attribute",
    )


def test_a_changed_email_waits_for_its_code_and_the_old_one_signs_in_until_then(cognito: Client) -> None:
    old, token = signed_in(cognito)
    new = unique_email("moved")
    reply = update(cognito, token, email=new)
    assert reply.status == 200, reply.body
    [details] = reply.body["CodeDeliveryDetailsList"]
    assert details["AttributeName"] == "email" and details["DeliveryMedium"] == "EMAIL"
    assert details["Destination"] == f"{new[0]}***@e***"

    # Still the old address, verified, everywhere: GetUser, sign-in, the id token.
    found = user_attributes(cognito, token)
    assert (found["email"], found["email_verified"]) == (old, "true")
    signed = cognito.sign_in(old)
    assert signed.status == 200
    id_claims = claims(signed.body["AuthenticationResult"]["IdToken"])
    assert (id_claims["email"], id_claims["email_verified"]) == (old, True)
    assert cognito.sign_in(new).error == ("UserNotFoundException", "User does not exist.")

    code = cognito.code(new, "attribute")
    wrong = "000000" if code != "000000" else "111111"
    assert cognito.call("VerifyUserAttribute", AccessToken=token, AttributeName="email", Code=wrong).error == BAD_CODE
    ok = cognito.call("VerifyUserAttribute", AccessToken=token, AttributeName="email", Code=code)
    assert ok.status == 200 and ok.body == {}

    found = user_attributes(cognito, token)
    assert (found["email"], found["email_verified"]) == (new, "true")
    assert cognito.sign_in(new).status == 200
    assert cognito.sign_in(old).error == ("UserNotFoundException", "User does not exist.")
    # The code worked once.
    again = cognito.call("VerifyUserAttribute", AccessToken=token, AttributeName="email", Code=code)
    assert again.error == STALE_CODE


def test_send_the_code_again_replaces_the_first_one(cognito: Client) -> None:
    _, token = signed_in(cognito)
    new = unique_email("resend")
    assert update(cognito, token, email=new).status == 200
    first = cognito.code(new, "attribute")
    assert cognito.local(f"codes/{new}/expire?purpose=attribute", {}).status == 200
    assert cognito.call("VerifyUserAttribute", AccessToken=token, AttributeName="email", Code=first).error == STALE_CODE
    reply = cognito.call("GetUserAttributeVerificationCode", AccessToken=token, AttributeName="email")
    assert reply.status == 200, reply.body
    assert reply.body["CodeDeliveryDetails"]["AttributeName"] == "email"
    second = cognito.code(new, "attribute")
    ok = cognito.call("VerifyUserAttribute", AccessToken=token, AttributeName="email", Code=second)
    assert ok.status == 200, ok.body
    assert user_attributes(cognito, token)["email"] == new


def test_an_email_another_user_has_is_refused(cognito: Client) -> None:
    taken, _ = signed_in(cognito)
    _, token = signed_in(cognito)
    assert update(cognito, token, email=taken).error == (
        "AliasExistsException",
        "An account with the given email already exists.",
    )


def test_an_unverified_email_is_verified_with_a_code_sent_on_request(cognito: Client) -> None:
    email = unique_email("unverified")
    created = cognito.call(
        "AdminCreateUser",
        UserPoolId=cognito.pool_id,
        Username=email,
        TemporaryPassword="Temp0rary!pass",
        UserAttributes=[{"Name": "email", "Value": email}, {"Name": "email_verified", "Value": "false"}],
        MessageAction="SUPPRESS",
    )
    assert created.status == 200, created.body
    assert cognito.call(
        "AdminSetUserPassword", UserPoolId=cognito.pool_id, Username=email, Password=PASSWORD, Permanent=True
    ).status == 200
    signed = cognito.sign_in(email).body["AuthenticationResult"]
    assert claims(signed["IdToken"])["email_verified"] is False
    token = signed["AccessToken"]
    sent = cognito.call("GetUserAttributeVerificationCode", AccessToken=token, AttributeName="email")
    assert sent.body["CodeDeliveryDetails"]["DeliveryMedium"] == "EMAIL"
    code = cognito.code(email, "attribute")
    assert cognito.call("VerifyUserAttribute", AccessToken=token, AttributeName="email", Code=code).status == 200
    assert user_attributes(cognito, token)["email_verified"] == "true"
    assert claims(cognito.sign_in(email).body["AuthenticationResult"]["IdToken"])["email_verified"] is True


def test_delete_user_removes_the_user_and_refuses_their_tokens(cognito: Client) -> None:
    email = unique_email("gone")
    assert cognito.sign_up(email).status == 200
    assert cognito.confirm(email, cognito.code(email)).status == 200
    result = cognito.sign_in(email).body["AuthenticationResult"]
    token, refresh = result["AccessToken"], result["RefreshToken"]
    reply = cognito.call("DeleteUser", AccessToken=token)
    assert reply.status == 200 and reply.body == {}
    assert cognito.sign_in(email).error == ("UserNotFoundException", "User does not exist.")
    assert cognito.call("GetUser", AccessToken=token).error == ("UserNotFoundException", "User does not exist.")
    assert cognito.refresh(refresh).body.get("__type") == "NotAuthorizedException"
    # The address is free again.
    assert cognito.sign_up(email).status == 200


def test_without_verification_first_a_new_email_is_in_use_at_once_and_unverified(updates_at_once: Client) -> None:
    cognito = updates_at_once
    old, token = signed_in(cognito)
    new = unique_email("now")
    reply = update(cognito, token, email=new)
    assert reply.status == 200, reply.body
    assert [d["AttributeName"] for d in reply.body["CodeDeliveryDetailsList"]] == ["email"]
    found = user_attributes(cognito, token)
    assert (found["email"], found["email_verified"]) == (new, "false")
    signed = cognito.sign_in(new)
    assert signed.status == 200
    assert claims(signed.body["AuthenticationResult"]["IdToken"])["email_verified"] is False
    assert cognito.sign_in(old).error == ("UserNotFoundException", "User does not exist.")
    code = cognito.code(new, "attribute")
    assert cognito.call("VerifyUserAttribute", AccessToken=token, AttributeName="email", Code=code).status == 200
    assert user_attributes(cognito, token)["email_verified"] == "true"


def test_an_update_that_fails_changes_nothing_and_sends_no_code(named: Client) -> None:
    """All or nothing: emptying a required attribute refuses the whole update, so the new
    email in it neither gets a code nor waits for one."""
    old, token = signed_in(named, name="Ada")
    new = unique_email("refused")
    assert update(named, token, email=new, name="").error == (
        "InvalidParameterException",
        "Attributes did not conform to the schema: name: The attribute is required\n",
    )
    assert named.local(f"codes/{new}?purpose=attribute").status == 404
    # Nothing waits: a code asked for now goes to the current address.
    reply = named.call("GetUserAttributeVerificationCode", AccessToken=token, AttributeName="email")
    assert reply.status == 200, reply.body
    assert reply.body["CodeDeliveryDetails"]["Destination"] == f"{old[0]}***@e***"
    found = user_attributes(named, token)
    assert (found["email"], found["name"]) == (old, "Ada")


def test_a_pool_that_does_not_verify_phone_numbers_takes_a_new_one_at_once_without_a_code(cognito: Client) -> None:
    _, token = signed_in(cognito)
    reply = update(cognito, token, phone_number="+819012345678")
    assert reply.status == 200, reply.body
    assert reply.body["CodeDeliveryDetailsList"] == []
    found = user_attributes(cognito, token)
    assert (found["phone_number"], found["phone_number_verified"]) == ("+819012345678", "false")
    assert cognito.local("codes/+819012345678?purpose=attribute").status == 404


def test_a_pool_that_texts_sends_a_new_phone_number_a_code_and_verifies_it(texts: Client) -> None:
    """Phone numbers aren't in the template's AttributesRequireVerificationBeforeUpdate: the new
    number is in use at once, unverified, until its code comes back."""
    _, token = signed_in(texts)
    reply = update(texts, token, phone_number="+819012345678")
    assert reply.status == 200, reply.body
    assert reply.body["CodeDeliveryDetailsList"] == [
        {"Destination": "+********5678", "DeliveryMedium": "SMS", "AttributeName": "phone_number"}
    ]
    found = user_attributes(texts, token)
    assert (found["phone_number"], found["phone_number_verified"]) == ("+819012345678", "false")
    code = texts.code("+819012345678", "attribute")
    wrong = "000000" if code != "000000" else "111111"
    refused = texts.call("VerifyUserAttribute", AccessToken=token, AttributeName="phone_number", Code=wrong)
    assert refused.error == BAD_CODE
    verified = texts.call("VerifyUserAttribute", AccessToken=token, AttributeName="phone_number", Code=code)
    assert verified.status == 200, verified.body
    assert user_attributes(texts, token)["phone_number_verified"] == "true"

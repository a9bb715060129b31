"""Everyday Cognito behaviour the frontend relies on, checked against the emulator."""

from __future__ import annotations

import pytest

from conftest import PASSWORD, Client, claims, unique_email


def test_email_username_internal_username_and_token_claims(cognito: Client) -> None:
    email = unique_email("claims")
    sign_up = cognito.sign_up(email).body
    sub = sign_up["UserSub"]
    cognito.confirm(email, cognito.code(email))
    result = cognito.sign_in(email).body["AuthenticationResult"]
    assert result["TokenType"] == "Bearer" and result["RefreshToken"]

    id_claims = claims(result["IdToken"])
    assert id_claims["sub"] == sub
    assert id_claims["email"] == email
    assert id_claims["email_verified"] is True
    assert id_claims["cognito:username"] == sub  # internal username is the sub UUID
    assert id_claims["aud"] == cognito.client_id
    assert id_claims["token_use"] == "id"
    assert id_claims["iss"] == f"https://cognito-idp.ap-northeast-1.amazonaws.com/{cognito.pool_id}"

    access_claims = claims(result["AccessToken"])
    assert access_claims["sub"] == sub
    assert access_claims["username"] == sub
    assert access_claims["client_id"] == cognito.client_id
    assert access_claims["token_use"] == "access"

    user = cognito.call("GetUser", AccessToken=result["AccessToken"])
    assert user.status == 200
    assert user.body["Username"] == sub
    attributes = {a["Name"]: a["Value"] for a in user.body["UserAttributes"]}
    assert attributes == {"email": email, "email_verified": "true", "sub": sub}


@pytest.mark.parametrize(
    ("password", "reason"),
    [
        ("Pw0rd!", "Password not long enough"),
        ("PASSW0RD!", "Password must have lowercase characters"),
        ("passw0rd!", "Password must have uppercase characters"),
        ("Password!", "Password must have numeric characters"),
        ("Passw0rdd", "Password must have symbol characters"),
    ],
)
def test_weak_password_is_rejected(cognito: Client, password: str, reason: str) -> None:
    email = unique_email("weak")
    reply = cognito.sign_up(email, password)
    assert reply.status == 400
    assert reply.error == ("InvalidPasswordException", f"Password did not conform with policy: {reason}")
    assert cognito.call("AdminGetUser", UserPoolId=cognito.pool_id, Username=email).error[0] == "UserNotFoundException"


def test_duplicate_sign_up_any_case(cognito: Client) -> None:
    email = unique_email("dup")
    assert cognito.sign_up(email).status == 200
    for again in (email, email.upper()):
        reply = cognito.sign_up(again)
        assert reply.status == 400
        assert reply.error == ("UsernameExistsException", "An account with the given email already exists.")


def test_username_is_case_insensitive(cognito: Client) -> None:
    email = unique_email("Mixed")
    assert cognito.sign_up(email).status == 200
    assert cognito.confirm(email.upper(), cognito.code(email)).status == 200
    result = cognito.sign_in(email.lower()).body["AuthenticationResult"]
    assert claims(result["IdToken"])["email"] == email.lower()


def test_sign_in_errors(cognito: Client) -> None:
    email, _ = cognito.confirmed_user("signin")
    assert cognito.sign_in(email, "Wr0ng-password").error == (
        "NotAuthorizedException",
        "Incorrect username or password.",
    )
    assert cognito.sign_in(unique_email("unknown")).error == ("UserNotFoundException", "User does not exist.")

    pending = unique_email("pending")
    cognito.sign_up(pending)
    reply = cognito.sign_in(pending)
    assert reply.status == 400
    assert reply.error == ("UserNotConfirmedException", "User is not confirmed.")


def test_unknown_client_id(cognito: Client) -> None:
    reply = cognito.call("SignUp", ClientId="nosuchclient", Username=unique_email(), Password=PASSWORD)
    assert reply.error == ("ResourceNotFoundException", "User pool client nosuchclient does not exist.")


def test_global_sign_out_revokes_tokens(cognito: Client) -> None:
    _, result = cognito.confirmed_user("signout")
    assert cognito.call("GetUser", AccessToken=result["AccessToken"]).status == 200
    reply = cognito.call("GlobalSignOut", AccessToken=result["AccessToken"])
    assert reply.status == 200 and reply.body == {}
    assert cognito.call("GetUser", AccessToken=result["AccessToken"]).error == (
        "NotAuthorizedException",
        "Access Token has been revoked",
    )
    assert cognito.refresh(result["RefreshToken"]).error == ("NotAuthorizedException", "Refresh Token has been revoked")


def test_revoke_token(cognito: Client) -> None:
    email, first = cognito.confirmed_user("revoke")
    second = cognito.sign_in(email).body["AuthenticationResult"]  # another device
    reply = cognito.call("RevokeToken", ClientId=cognito.client_id, Token=first["RefreshToken"])
    assert reply.status == 200 and reply.body == {}

    assert cognito.refresh(first["RefreshToken"]).error == ("NotAuthorizedException", "Refresh Token has been revoked")
    assert cognito.call("GetUser", AccessToken=first["AccessToken"]).error[0] == "NotAuthorizedException"
    # only that session ends
    assert cognito.call("GetUser", AccessToken=second["AccessToken"]).status == 200
    assert cognito.refresh(second["RefreshToken"]).status == 200

    reply = cognito.call("RevokeToken", ClientId=cognito.client_id, Token=second["AccessToken"])
    assert reply.error[0] == "UnsupportedTokenTypeException"


def test_forgot_password(cognito: Client) -> None:
    email, _ = cognito.confirmed_user("forgot")
    reply = cognito.call("ForgotPassword", ClientId=cognito.client_id, Username=email)
    assert reply.status == 200
    assert reply.body["CodeDeliveryDetails"]["Destination"] == "f***@e***"
    assert "x-moto-forgot-password-confirmation-code" not in reply.headers
    code = cognito.code(email, "forgotPassword")

    def confirm(code: str, password: str) -> tuple[str, str]:
        return cognito.call(
            "ConfirmForgotPassword", ClientId=cognito.client_id, Username=email, ConfirmationCode=code, Password=password
        ).error

    wrong = "000000" if code != "000000" else "111111"
    assert confirm(wrong, "N3w-password") == ("CodeMismatchException", "Invalid verification code provided, please try again.")
    assert confirm(code, "weak")[0] == "InvalidPasswordException"
    assert confirm(code, "N3w-password") == ("", "")
    assert cognito.sign_in(email).error[0] == "NotAuthorizedException"
    assert cognito.sign_in(email, "N3w-password").status == 200

    # an unconfirmed user has no verified address to send a code to
    pending = unique_email("pending")
    cognito.sign_up(pending)
    reply = cognito.call("ForgotPassword", ClientId=cognito.client_id, Username=pending)
    assert reply.error[0] == "InvalidParameterException"
    reply = cognito.call("ForgotPassword", ClientId=cognito.client_id, Username=unique_email("ghost"))
    assert reply.error == ("UserNotFoundException", "Username/client id combination not found.")


def test_change_password(cognito: Client) -> None:
    email, result = cognito.confirmed_user("change")
    token = result["AccessToken"]

    def change(previous: str, proposed: str) -> tuple[str, str]:
        return cognito.call("ChangePassword", AccessToken=token, PreviousPassword=previous, ProposedPassword=proposed).error

    assert change("Wr0ng-password", "N3w-password") == ("NotAuthorizedException", "Incorrect username or password.")
    assert change(PASSWORD, "short") == ("InvalidPasswordException", "Password did not conform with policy: Password not long enough")
    assert change(PASSWORD, "N3w-password") == ("", "")
    assert cognito.sign_in(email, "N3w-password").status == 200

"""Signing up without a password where the pool allows sign-in with emailed codes, and signing in
straight after sign-up with ConfirmSignUp's Session in InitiateAuth USER_AUTH."""

from __future__ import annotations

import secrets
import time

from conftest import Client, claims, unique_email
from passkey_support import SoftAuthenticator, answer, otp_code, passkey_sign_in, register_passkey, user_auth
from test_srp import SrpUser, cognito_timestamp

USED = ("NotAuthorizedException", "Invalid session for the user, session can only be used once.")
NOT_THIS_USER = ("NotAuthorizedException", "Invalid session for the user.")


def sign_up_without_password(client: Client, email: str) -> dict:
    reply = client.call("SignUp", ClientId=client.client_id, Username=email)
    assert reply.status == 200, reply.body
    return reply.body


def confirm(client: Client, email: str, **extra: str) -> dict:
    reply = client.call(
        "ConfirmSignUp", ClientId=client.client_id, Username=email, ConfirmationCode=client.code(email), **extra
    )
    assert reply.status == 200, reply.body
    return reply.body


def sign_in_after_sign_up(client: Client, email: str, session: str) -> dict:
    return client.call(
        "InitiateAuth",
        ClientId=client.client_id,
        AuthFlow="USER_AUTH",
        AuthParameters={"USERNAME": email},
        Session=session,
    ).body


def test_sign_up_without_a_password_then_sign_in_with_the_confirmation_session(passkeys: Client) -> None:
    email = unique_email("nopassword")
    signed_up = sign_up_without_password(passkeys, email)
    assert signed_up["UserConfirmed"] is False and signed_up["CodeDeliveryDetails"]["DeliveryMedium"] == "EMAIL"
    assert 20 <= len(signed_up["Session"]) <= 4096
    confirmed = confirm(passkeys, email)
    assert set(confirmed) == {"Session"}
    tokens = sign_in_after_sign_up(passkeys, email, confirmed["Session"])["AuthenticationResult"]
    assert claims(tokens["IdToken"])["email"] == email and claims(tokens["IdToken"])["email_verified"] is True
    # the session signs in once
    assert passkeys.call(
        "InitiateAuth", ClientId=passkeys.client_id, AuthFlow="USER_AUTH", AuthParameters={"USERNAME": email},
        Session=confirmed["Session"],
    ).error == USED
    # the user has no password: only the emailed code (and, once registered, a passkey)
    reply = user_auth(passkeys, email)
    assert reply.body["AvailableChallenges"] == ["EMAIL_OTP"]
    authenticator = SoftAuthenticator()
    register_passkey(passkeys, tokens["AccessToken"], authenticator)
    assert user_auth(passkeys, email).body["AvailableChallenges"] == ["EMAIL_OTP", "WEB_AUTHN"]
    assert passkey_sign_in(passkeys, email, authenticator).status == 200
    # and no password works in the password flows
    for guess in ("None", "", "Passw0rd!"):
        refused = passkeys.sign_in(email, guess or "x")
        assert refused.error == ("NotAuthorizedException", "Incorrect username or password."), guess


def test_a_passwordless_user_is_refused_by_srp(passkeys: Client) -> None:
    email = unique_email("nosrp")
    sign_up_without_password(passkeys, email)
    confirm(passkeys, email)
    srp = SrpUser(passkeys.pool_id.split("_", 1)[1], secrets.randbits(1024))
    started = passkeys.call(
        "InitiateAuth",
        ClientId=passkeys.client_id,
        AuthFlow="USER_SRP_AUTH",
        AuthParameters={"USERNAME": email, "SRP_A": format(srp.large_a, "x")},
    ).body
    params = started["ChallengeParameters"]
    timestamp = cognito_timestamp(time.time())
    reply = passkeys.call(
        "RespondToAuthChallenge",
        ClientId=passkeys.client_id,
        ChallengeName="PASSWORD_VERIFIER",
        ChallengeResponses={
            "USERNAME": params["USERNAME"],
            "PASSWORD_CLAIM_SECRET_BLOCK": params["SECRET_BLOCK"],
            "PASSWORD_CLAIM_SIGNATURE": srp.signature(params, "None", timestamp),
            "TIMESTAMP": timestamp,
        },
    )
    assert reply.error == ("NotAuthorizedException", "Incorrect username or password.")


def test_an_emailed_code_signs_a_passwordless_user_in(passkeys: Client) -> None:
    email = unique_email("otponly")
    sign_up_without_password(passkeys, email)
    confirm(passkeys, email)
    challenge = user_auth(passkeys, email, PREFERRED_CHALLENGE="EMAIL_OTP").body
    reply = answer(passkeys, "EMAIL_OTP", challenge["Session"], email, EMAIL_OTP_CODE=otp_code(passkeys, email))
    assert "AuthenticationResult" in reply.body


def test_pools_without_one_time_codes_need_a_password(cognito: Client) -> None:
    reply = cognito.call("SignUp", ClientId=cognito.client_id, Username=unique_email("needs"))
    assert reply.error == (
        "InvalidParameterException",
        "Password is required: the user pool doesn't allow sign-in with email or SMS one-time passwords.",
    )


def test_sign_in_after_sign_up_with_a_password_too(cognito: Client) -> None:
    email = unique_email("withpassword")
    assert cognito.sign_up(email).status == 200
    session = confirm(cognito, email)["Session"]
    assert "AuthenticationResult" in sign_in_after_sign_up(cognito, email, session)


def test_sign_up_sessions_belong_to_their_user_and_step(passkeys: Client) -> None:
    alice, bob = unique_email("alice"), unique_email("bob")
    alice_sign_up = sign_up_without_password(passkeys, alice)["Session"]
    sign_up_without_password(passkeys, bob)
    # SignUp's session confirms its own user only, and is no sign-in session
    refused = passkeys.call(
        "ConfirmSignUp", ClientId=passkeys.client_id, Username=bob, ConfirmationCode=passkeys.code(bob), Session=alice_sign_up
    )
    assert refused.error == NOT_THIS_USER
    assert sign_in_after_sign_up(passkeys, alice, alice_sign_up) == {"__type": NOT_THIS_USER[0], "message": NOT_THIS_USER[1]}
    # given to ConfirmSignUp, it is used up there
    alice_session = confirm(passkeys, alice, Session=alice_sign_up)["Session"]
    again = passkeys.call("ConfirmSignUp", ClientId=passkeys.client_id, Username=bob, ConfirmationCode="123456", Session=alice_sign_up)
    assert again.error == USED
    bob_session = confirm(passkeys, bob)["Session"]
    # ConfirmSignUp's session signs in its own user only
    assert sign_in_after_sign_up(passkeys, bob, alice_session) == {"__type": NOT_THIS_USER[0], "message": NOT_THIS_USER[1]}
    assert passkeys.local("sessions/expire", {}).status == 200
    assert sign_in_after_sign_up(passkeys, bob, bob_session) == {
        "__type": "NotAuthorizedException",
        "message": "Invalid session for the user, session is expired.",
    }


def test_a_passwordless_user_adds_a_password_and_can_then_use_it(passkeys: Client) -> None:
    email = unique_email("addpassword")
    sign_up_without_password(passkeys, email)
    tokens = sign_in_after_sign_up(passkeys, email, confirm(passkeys, email)["Session"])["AuthenticationResult"]
    factors = passkeys.call("GetUserAuthFactors", AccessToken=tokens["AccessToken"]).body
    assert factors == {"Username": claims(tokens["IdToken"])["sub"], "ConfiguredUserAuthFactors": ["EMAIL_OTP"]}
    # ChangePassword without PreviousPassword sets the first one (the API reference: omit it
    # when the user has no password); the pool's policy applies
    weak = passkeys.call("ChangePassword", AccessToken=tokens["AccessToken"], ProposedPassword="short")
    assert weak.error[0] == "InvalidPasswordException"
    assert passkeys.call("ChangePassword", AccessToken=tokens["AccessToken"], ProposedPassword="N3w!password").status == 200
    assert "AuthenticationResult" in passkeys.sign_in(email, "N3w!password").body
    factors = passkeys.call("GetUserAuthFactors", AccessToken=tokens["AccessToken"]).body
    assert factors["ConfiguredUserAuthFactors"] == ["PASSWORD", "EMAIL_OTP"]
    # once there is a password, changing it takes the old one
    refused = passkeys.call("ChangePassword", AccessToken=tokens["AccessToken"], ProposedPassword="An0ther!password")
    assert refused.error == ("NotAuthorizedException", "Incorrect username or password.")

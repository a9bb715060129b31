"""Choice-based sign-in (InitiateAuth USER_AUTH): which first factors each user is offered, each
preferred challenge, SELECT_CHALLENGE and its answers, emailed one-time codes, passwords and SRP
inside USER_AUTH, and how passwordless sign-in and MFA exclude each other."""

from __future__ import annotations

import secrets
import time

from conftest import PASSWORD, Client, claims, unique_email
from mfa_support import add_authenticator, prefer, set_mfa
from passkey_support import SoftAuthenticator, answer, otp_code, register_passkey, user_auth
from test_srp import SrpUser, cognito_timestamp

WRONG_PASSWORD = ("NotAuthorizedException", "Incorrect username or password.")
WRONG_CODE = ("CodeMismatchException", "Invalid code or auth state for the user.")
EXPIRED_SESSION = ("NotAuthorizedException", "Invalid session for the user, session is expired.")


def choices(client: Client, email: str) -> list[str]:
    reply = user_auth(client, email)
    assert reply.body["ChallengeName"] == "SELECT_CHALLENGE", reply.body
    return list(reply.body["AvailableChallenges"])


def test_user_auth_needs_allow_user_auth_on_the_app_client(passkeys: Client) -> None:
    email, _ = passkeys.confirmed_user("flows")
    client_id = passkeys.call(
        "CreateUserPoolClient", UserPoolId=passkeys.pool_id, ClientName="srp-only", ExplicitAuthFlows=["ALLOW_USER_SRP_AUTH"]
    ).body["UserPoolClient"]["ClientId"]
    try:
        other = Client(passkeys.url, {"clientId": client_id, "userPoolId": passkeys.pool_id})
        assert user_auth(other, email).error == ("InvalidParameterException", "USER_AUTH flow not enabled for this client")
    finally:
        passkeys.call("DeleteUserPoolClient", UserPoolId=passkeys.pool_id, ClientId=client_id)


def test_select_challenge_lists_the_factors_each_user_has(passkeys: Client, cognito: Client) -> None:
    email, tokens = passkeys.confirmed_user("choices")
    reply = user_auth(passkeys, email)
    assert reply.body == {
        "ChallengeName": "SELECT_CHALLENGE",
        "Session": reply.body["Session"],
        "ChallengeParameters": {"USER_ID_FOR_SRP": claims(tokens["IdToken"])["sub"]},
        "AvailableChallenges": ["PASSWORD", "PASSWORD_SRP", "EMAIL_OTP"],
    }
    # a passkey adds WEB_AUTHN
    register_passkey(passkeys, tokens["AccessToken"], SoftAuthenticator())
    assert choices(passkeys, email) == ["PASSWORD", "PASSWORD_SRP", "EMAIL_OTP", "WEB_AUTHN"]
    # the template's default pool allows passwords only
    plain, _ = cognito.confirmed_user("plain")
    assert choices(cognito, plain) == ["PASSWORD", "PASSWORD_SRP"]


def test_an_unusable_preference_falls_back_to_select_challenge(passkeys: Client) -> None:
    email, _ = passkeys.confirmed_user("fallback")
    for preferred in ("WEB_AUTHN", "SMS_OTP", "SOMETHING"):  # no passkey, no SMS in the pool, no such factor
        reply = user_auth(passkeys, email, PREFERRED_CHALLENGE=preferred)
        assert reply.body["ChallengeName"] == "SELECT_CHALLENGE" and "EMAIL_OTP" in reply.body["AvailableChallenges"]


def test_preferred_password_signs_in_or_asks_for_it(passkeys: Client) -> None:
    email, _ = passkeys.confirmed_user("password")
    reply = user_auth(passkeys, email, PREFERRED_CHALLENGE="PASSWORD", PASSWORD=PASSWORD)
    assert claims(reply.body["AuthenticationResult"]["IdToken"])["email"] == email
    assert user_auth(passkeys, email, PREFERRED_CHALLENGE="PASSWORD", PASSWORD="Wr0ng!pass").error == WRONG_PASSWORD
    # without the password: a PASSWORD challenge, answered with it
    challenge = user_auth(passkeys, email, PREFERRED_CHALLENGE="PASSWORD").body
    assert challenge["ChallengeName"] == "PASSWORD"
    assert answer(passkeys, "PASSWORD", challenge["Session"], email, PASSWORD="Wr0ng!pass").error == WRONG_PASSWORD
    assert answer(passkeys, "PASSWORD", challenge["Session"], email).error == (
        "InvalidParameterException",
        "Missing required parameter PASSWORD",
    )
    done = answer(passkeys, "PASSWORD", challenge["Session"], email, PASSWORD=PASSWORD)
    assert "AuthenticationResult" in done.body, done.body


def test_select_challenge_answers(passkeys: Client) -> None:
    email, _ = passkeys.confirmed_user("select")
    session = user_auth(passkeys, email).body["Session"]
    assert answer(passkeys, "SELECT_CHALLENGE", session, email).error == (
        "InvalidParameterException",
        "Missing required parameter ANSWER",
    )
    assert answer(passkeys, "SELECT_CHALLENGE", session, email, ANSWER="WEB_AUTHN").error == (
        "InvalidParameterException",
        "WEB_AUTHN is not one of the available challenges.",
    )
    assert answer(passkeys, "SELECT_CHALLENGE", session, email, ANSWER="PASSWORD", PASSWORD="Wr0ng!pass").error == WRONG_PASSWORD
    # refusals leave the session open; the password completes it in one step
    signed_in = answer(passkeys, "SELECT_CHALLENGE", session, email, ANSWER="PASSWORD", PASSWORD=PASSWORD)
    assert "AuthenticationResult" in signed_in.body
    used = answer(passkeys, "SELECT_CHALLENGE", session, email, ANSWER="EMAIL_OTP")
    assert used.error == ("NotAuthorizedException", "Invalid session for the user, session can only be used once.")
    # choosing the emailed code sends one
    chosen = answer(passkeys, "SELECT_CHALLENGE", user_auth(passkeys, email).body["Session"], email, ANSWER="EMAIL_OTP")
    assert chosen.body["ChallengeName"] == "EMAIL_OTP"
    code = otp_code(passkeys, email)
    assert "AuthenticationResult" in answer(passkeys, "EMAIL_OTP", chosen.body["Session"], email, EMAIL_OTP_CODE=code).body


def test_email_otp_as_the_first_factor(passkeys: Client, passkey_server: tuple) -> None:
    email, _ = passkeys.confirmed_user("otp")
    challenge = user_auth(passkeys, email, PREFERRED_CHALLENGE="EMAIL_OTP").body
    assert challenge["ChallengeName"] == "EMAIL_OTP"
    assert challenge["ChallengeParameters"] == {
        "USER_ID_FOR_SRP": challenge["ChallengeParameters"]["USER_ID_FOR_SRP"],
        "CODE_DELIVERY_DELIVERY_MEDIUM": "EMAIL",
        "CODE_DELIVERY_DESTINATION": f"{email[0]}***@e***",
    }
    code = otp_code(passkeys, email)
    assert len(code) == 8 and code.isdigit()
    passkey_server[0].wait_for_line(f"sign-in code for {email}: {code}")
    session = challenge["Session"]
    wrong = "00000000" if code != "00000000" else "11111111"
    assert answer(passkeys, "EMAIL_OTP", session, email, EMAIL_OTP_CODE=wrong).error == WRONG_CODE
    assert answer(passkeys, "EMAIL_OTP", session, email, EMAIL_OTP_CODE=code).status == 200
    # a used code is spent; an expired one is told apart from a wrong one
    again = user_auth(passkeys, email, PREFERRED_CHALLENGE="EMAIL_OTP").body
    fresh = otp_code(passkeys, email)
    assert passkeys.local(f"codes/{email}/expire?purpose=otp", {}).body == {"expired": fresh}
    assert answer(passkeys, "EMAIL_OTP", again["Session"], email, EMAIL_OTP_CODE=fresh).error == (
        "ExpiredCodeException",
        "Invalid code provided, please request a code again.",
    )


def test_an_expired_session_is_refused(passkeys: Client) -> None:
    email, _ = passkeys.confirmed_user("late")
    select = user_auth(passkeys, email).body["Session"]
    otp = user_auth(passkeys, email, PREFERRED_CHALLENGE="EMAIL_OTP").body["Session"]
    code = otp_code(passkeys, email)
    assert passkeys.local("sessions/expire", {}).body["expired"] >= 2
    assert answer(passkeys, "SELECT_CHALLENGE", select, email, ANSWER="EMAIL_OTP").error == EXPIRED_SESSION
    assert answer(passkeys, "EMAIL_OTP", otp, email, EMAIL_OTP_CODE=code).error == EXPIRED_SESSION


def test_password_srp_inside_user_auth(passkeys: Client) -> None:
    email, tokens = passkeys.confirmed_user("srp")
    sub = claims(tokens["IdToken"])["sub"]
    pool_name = passkeys.pool_id.split("_", 1)[1]

    def verify(reply_body: dict, srp: SrpUser, password: str) -> dict:
        assert reply_body["ChallengeName"] == "PASSWORD_VERIFIER", reply_body
        params = reply_body["ChallengeParameters"]
        assert params["USER_ID_FOR_SRP"] == sub and reply_body["Session"]
        timestamp = cognito_timestamp(time.time())
        return answer(
            passkeys,
            "PASSWORD_VERIFIER",
            reply_body["Session"],
            params["USERNAME"],
            PASSWORD_CLAIM_SECRET_BLOCK=params["SECRET_BLOCK"],
            PASSWORD_CLAIM_SIGNATURE=srp.signature(params, password, timestamp),
            TIMESTAMP=timestamp,
        ).body

    # preferred, with SRP_A in the request
    srp = SrpUser(pool_name, secrets.randbits(1024))
    started = user_auth(passkeys, email, PREFERRED_CHALLENGE="PASSWORD_SRP", SRP_A=format(srp.large_a, "x")).body
    assert "AuthenticationResult" in verify(started, srp, PASSWORD)
    # chosen in SELECT_CHALLENGE
    srp = SrpUser(pool_name, secrets.randbits(1024))
    session = user_auth(passkeys, email).body["Session"]
    chosen = answer(passkeys, "SELECT_CHALLENGE", session, email, ANSWER="PASSWORD_SRP", SRP_A=format(srp.large_a, "x"))
    assert "AuthenticationResult" in verify(chosen.body, srp, PASSWORD)
    # the wrong password is refused as in USER_SRP_AUTH
    srp = SrpUser(pool_name, secrets.randbits(1024))
    started = user_auth(passkeys, email, PREFERRED_CHALLENGE="PASSWORD_SRP", SRP_A=format(srp.large_a, "x")).body
    assert verify(started, srp, "Wr0ng!pass") == {"__type": WRONG_PASSWORD[0], "message": WRONG_PASSWORD[1]}
    # without SRP_A: a PASSWORD_SRP challenge that takes it
    asked = user_auth(passkeys, email, PREFERRED_CHALLENGE="PASSWORD_SRP").body
    assert asked["ChallengeName"] == "PASSWORD_SRP"
    srp = SrpUser(pool_name, secrets.randbits(1024))
    given = answer(passkeys, "PASSWORD_SRP", asked["Session"], email, SRP_A=format(srp.large_a, "x"))
    assert "AuthenticationResult" in verify(given.body, srp, PASSWORD)


def test_users_with_mfa_are_offered_passwords_only_and_mfa_follows(passkeys: Client) -> None:
    email, tokens = passkeys.confirmed_user("mfa")
    set_mfa(passkeys, "OPTIONAL", "SOFTWARE_TOKEN_MFA", "EMAIL_OTP")
    # a user who has not turned MFA on may still sign in without a password, and gets tokens
    assert choices(passkeys, email) == ["PASSWORD", "PASSWORD_SRP", "EMAIL_OTP"]
    add_authenticator(passkeys, tokens["AccessToken"])
    assert prefer(passkeys, tokens["AccessToken"], "SOFTWARE_TOKEN_MFA").status == 200
    assert choices(passkeys, email) == ["PASSWORD", "PASSWORD_SRP"]
    assert passkeys.call("GetUserAuthFactors", AccessToken=tokens["AccessToken"]).body == {
        "Username": claims(tokens["IdToken"])["sub"],
        "UserMFASettingList": ["SOFTWARE_TOKEN_MFA"],
        "ConfiguredUserAuthFactors": ["PASSWORD"],
    }
    reply = user_auth(passkeys, email, PREFERRED_CHALLENGE="PASSWORD", PASSWORD=PASSWORD)
    assert reply.body["ChallengeName"] == "SOFTWARE_TOKEN_MFA"
    # where MFA is required, nobody is offered a passwordless factor
    other, _ = passkeys.confirmed_user("required")
    set_mfa(passkeys, "ON", "SOFTWARE_TOKEN_MFA", "EMAIL_OTP")
    assert choices(passkeys, other) == ["PASSWORD", "PASSWORD_SRP"]
    assert user_auth(passkeys, other, PREFERRED_CHALLENGE="EMAIL_OTP").body["ChallengeName"] == "SELECT_CHALLENGE"


def test_passwordless_first_factors_lead_straight_to_tokens(passkeys: Client) -> None:
    email, _ = passkeys.confirmed_user("nomfa")
    set_mfa(passkeys, "OPTIONAL", "SOFTWARE_TOKEN_MFA", "EMAIL_OTP")
    challenge = user_auth(passkeys, email, PREFERRED_CHALLENGE="EMAIL_OTP").body
    reply = answer(passkeys, "EMAIL_OTP", challenge["Session"], email, EMAIL_OTP_CODE=otp_code(passkeys, email))
    assert set(reply.body["AuthenticationResult"]) >= {"AccessToken", "IdToken", "RefreshToken"}


def test_users_that_cannot_start(passkeys: Client) -> None:
    assert user_auth(passkeys, unique_email("ghost")).error == ("UserNotFoundException", "User does not exist.")
    email = unique_email("unconfirmed")
    assert passkeys.sign_up(email).status == 200
    assert user_auth(passkeys, email).error == ("UserNotConfirmedException", "User is not confirmed.")
    reply = passkeys.call("InitiateAuth", ClientId=passkeys.client_id, AuthFlow="USER_AUTH", AuthParameters={})
    assert reply.error == ("InvalidParameterException", "Missing required parameter USERNAME")
    disabled, _ = passkeys.confirmed_user("disabled")
    assert passkeys.call("AdminDisableUser", UserPoolId=passkeys.pool_id, Username=disabled).status == 200
    assert user_auth(passkeys, disabled).error == ("NotAuthorizedException", "User is disabled.")


def test_an_answer_for_another_user_or_challenge_is_refused(passkeys: Client) -> None:
    email, _ = passkeys.confirmed_user("mine")
    other, _ = passkeys.confirmed_user("theirs")
    session = user_auth(passkeys, email).body["Session"]
    assert answer(passkeys, "SELECT_CHALLENGE", session, other, ANSWER="EMAIL_OTP").error == (
        "NotAuthorizedException",
        "Invalid session for the user.",
    )
    assert answer(passkeys, "PASSWORD", session, email, PASSWORD=PASSWORD).error == WRONG_CODE


def test_sms_otp_as_the_first_factor(cognito: Client) -> None:
    """A pool that texts sign-in codes (its own, made here: the template's pools send no SMS)."""
    sms = {"SnsCallerArn": "arn:aws:iam::123456789012:role/cognito-sms", "ExternalId": "local"}
    pool_id = cognito.call(
        "CreateUserPool",
        PoolName="sms-otp",
        UsernameAttributes=["email"],
        UserPoolTier="ESSENTIALS",
        SmsConfiguration=sms,
        Policies={"SignInPolicy": {"AllowedFirstAuthFactors": ["PASSWORD", "SMS_OTP"]}},
    ).body["UserPool"]["Id"]
    try:
        client_id = cognito.call(
            "CreateUserPoolClient", UserPoolId=pool_id, ClientName="c", ExplicitAuthFlows=["ALLOW_USER_AUTH"]
        ).body["UserPoolClient"]["ClientId"]
        client = Client(cognito.url, {"clientId": client_id, "userPoolId": pool_id})
        email, phone = unique_email("texted"), "+819012345678"
        attributes = [{"Name": "phone_number", "Value": phone}]
        client.call("SignUp", ClientId=client_id, Username=email, Password=PASSWORD, UserAttributes=attributes)
        client.call("AdminConfirmSignUp", UserPoolId=pool_id, Username=email)
        assert choices(client, email) == ["PASSWORD", "PASSWORD_SRP", "SMS_OTP"]
        challenge = user_auth(client, email, PREFERRED_CHALLENGE="SMS_OTP").body
        assert challenge["ChallengeName"] == "SMS_OTP"
        parameters = challenge["ChallengeParameters"]
        assert (parameters["CODE_DELIVERY_DELIVERY_MEDIUM"], parameters["CODE_DELIVERY_DESTINATION"]) == ("SMS", "+********5678")
        code = otp_code(client, phone)
        assert len(code) == 6
        assert answer(client, "SMS_OTP", challenge["Session"], email, SMS_OTP_CODE="x" + code[1:]).error == WRONG_CODE
        reply = answer(client, "SMS_OTP", challenge["Session"], email, SMS_OTP_CODE=code)
        assert "AuthenticationResult" in reply.body
        user = client.call("AdminGetUser", UserPoolId=pool_id, Username=email).body["UserAttributes"]
        assert {"Name": "phone_number_verified", "Value": "true"} in user
    finally:
        cognito.call("DeleteUserPool", UserPoolId=pool_id)

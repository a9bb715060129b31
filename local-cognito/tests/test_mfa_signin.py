"""Sign-in with a second factor: which challenge Cognito asks for after the password, with which
parameters, and how it answers right, wrong, replayed, late and reused answers."""

from __future__ import annotations

import json
import re

from conftest import PASSWORD, Client, Emulator, claims, unique_email
from mfa_support import add_authenticator, mfa_code, prefer, respond, set_mfa, totp

WRONG_TOTP = ("CodeMismatchException", "Invalid code received for user")
WRONG_CODE = ("CodeMismatchException", "Invalid code or auth state for the user.")
EXPIRED_SESSION = ("NotAuthorizedException", "Invalid session for the user, session is expired.")
USED_SESSION = ("NotAuthorizedException", "Invalid session for the user, session can only be used once.")
REPLAYED = ("ExpiredCodeException", "Your software token has already been used once.")


def user_with_authenticator(client: Client, prefix: str, name: str | None = "phone") -> tuple[str, dict, str]:
    """A signed-in user (MFA OFF while signing in) with a verified authenticator app turned on:
    (email, tokens, secret)."""
    set_mfa(client, "OFF")
    email, tokens = client.confirmed_user(prefix)
    set_mfa(client, "OPTIONAL", "SOFTWARE_TOKEN_MFA", "EMAIL_OTP")
    secret = add_authenticator(client, tokens["AccessToken"], name)
    assert prefer(client, tokens["AccessToken"], "SOFTWARE_TOKEN_MFA").status == 200
    return email, tokens, secret


def test_optional_mfa_without_a_method_signs_in_with_the_password(mfa: Client) -> None:
    set_mfa(mfa, "OFF")
    email, _ = mfa.confirmed_user("plain")
    set_mfa(mfa, "OPTIONAL", "SOFTWARE_TOKEN_MFA")
    reply = mfa.sign_in(email)
    assert "AuthenticationResult" in reply.body and "ChallengeName" not in reply.body


def test_mfa_off_ignores_the_users_methods(mfa: Client) -> None:
    email, _, _ = user_with_authenticator(mfa, "off")
    set_mfa(mfa, "OFF")
    assert "AuthenticationResult" in mfa.sign_in(email).body


def test_software_token_challenge_and_tokens_that_work_everywhere(mfa: Client) -> None:
    email, _, secret = user_with_authenticator(mfa, "totp", name="Work phone")
    challenge = mfa.sign_in(email).body
    assert challenge["ChallengeName"] == "SOFTWARE_TOKEN_MFA"
    sub = challenge["ChallengeParameters"]["USER_ID_FOR_SRP"]
    assert challenge["ChallengeParameters"] == {"USER_ID_FOR_SRP": sub, "FRIENDLY_DEVICE_NAME": "Work phone"}
    assert 20 <= len(challenge["Session"]) <= 4096 and "AuthenticationResult" not in challenge
    # the step after the one used to verify the app
    reply = respond(mfa, "SOFTWARE_TOKEN_MFA", challenge["Session"], email, SOFTWARE_TOKEN_MFA_CODE=totp(secret, 1))
    assert reply.status == 200, reply.body
    tokens = reply.body["AuthenticationResult"]
    assert claims(tokens["IdToken"])["email"] == email and claims(tokens["IdToken"])["sub"] == sub
    assert mfa.call("GetUser", AccessToken=tokens["AccessToken"]).status == 200
    # refresh rotates, and global sign-out reaches the tokens issued after MFA
    refreshed = mfa.refresh(tokens["RefreshToken"]).body["AuthenticationResult"]
    assert refreshed["RefreshToken"] != tokens["RefreshToken"]
    assert claims(refreshed["IdToken"])["email"] == email
    assert mfa.call("GlobalSignOut", AccessToken=refreshed["AccessToken"]).status == 200
    for refresh_token in (tokens["RefreshToken"], refreshed["RefreshToken"]):
        assert mfa.refresh(refresh_token).error == ("NotAuthorizedException", "Refresh Token has been revoked")
    assert mfa.call("GetUser", AccessToken=tokens["AccessToken"]).error[1] == "Access Token has been revoked"


def test_wrong_authenticator_codes_keep_the_session(mfa: Client) -> None:
    email, _, secret = user_with_authenticator(mfa, "wrong")
    session = mfa.sign_in(email).body["Session"]
    right = totp(secret, 1)
    wrong = "000000" if right != "000000" else "111111"
    # six wrong codes in a row: each refused, the session still takes the right one (no
    # in-session lockout was seen in a real pool)
    for _ in range(6):
        assert respond(mfa, "SOFTWARE_TOKEN_MFA", session, email, SOFTWARE_TOKEN_MFA_CODE=wrong).error == WRONG_TOTP
    assert respond(mfa, "SOFTWARE_TOKEN_MFA", session, email, SOFTWARE_TOKEN_MFA_CODE=right).status == 200


def test_a_used_time_step_is_refused(mfa: Client) -> None:
    set_mfa(mfa, "OFF")
    email, tokens = mfa.confirmed_user("replay")
    set_mfa(mfa, "OPTIONAL", "SOFTWARE_TOKEN_MFA")
    secret = mfa.call("AssociateSoftwareToken", AccessToken=tokens["AccessToken"]).body["SecretCode"]
    verified_with = totp(secret)
    assert mfa.call("VerifySoftwareToken", AccessToken=tokens["AccessToken"], UserCode=verified_with).status == 200
    prefer(mfa, tokens["AccessToken"], "SOFTWARE_TOKEN_MFA")
    session = mfa.sign_in(email).body["Session"]
    # the code that verified the app can't sign in
    assert respond(mfa, "SOFTWARE_TOKEN_MFA", session, email, SOFTWARE_TOKEN_MFA_CODE=verified_with).error == REPLAYED
    signed_in_with = totp(secret, 1)
    assert respond(mfa, "SOFTWARE_TOKEN_MFA", session, email, SOFTWARE_TOKEN_MFA_CODE=signed_in_with).status == 200
    # nor can the code of a sign-in sign in again
    session = mfa.sign_in(email).body["Session"]
    assert respond(mfa, "SOFTWARE_TOKEN_MFA", session, email, SOFTWARE_TOKEN_MFA_CODE=signed_in_with).error == REPLAYED


def test_a_session_is_used_once(mfa: Client) -> None:
    email, _, secret = user_with_authenticator(mfa, "once")
    session = mfa.sign_in(email).body["Session"]
    assert respond(mfa, "SOFTWARE_TOKEN_MFA", session, email, SOFTWARE_TOKEN_MFA_CODE=totp(secret, 1)).status == 200
    assert respond(mfa, "SOFTWARE_TOKEN_MFA", session, email, SOFTWARE_TOKEN_MFA_CODE=totp(secret, 1)).error == USED_SESSION
    unknown = respond(mfa, "SOFTWARE_TOKEN_MFA", "x" * 40, email, SOFTWARE_TOKEN_MFA_CODE="123456")
    assert unknown.error == EXPIRED_SESSION


def test_expired_sessions_from_the_local_switch(mfa: Client) -> None:
    email, _, secret = user_with_authenticator(mfa, "late")
    session = mfa.sign_in(email).body["Session"]
    expired = mfa.local("sessions/expire", {})
    assert expired.status == 200 and expired.body["expired"] >= 1
    assert respond(mfa, "SOFTWARE_TOKEN_MFA", session, email, SOFTWARE_TOKEN_MFA_CODE=totp(secret, 1)).error == EXPIRED_SESSION
    # a new sign-in gets a new session as usual
    session = mfa.sign_in(email).body["Session"]
    assert respond(mfa, "SOFTWARE_TOKEN_MFA", session, email, SOFTWARE_TOKEN_MFA_CODE=totp(secret, 1)).status == 200


def test_an_answer_for_another_challenge_or_user_is_refused(mfa: Client) -> None:
    email, _, secret = user_with_authenticator(mfa, "other")
    session = mfa.sign_in(email).body["Session"]
    assert respond(mfa, "SMS_MFA", session, email, SMS_MFA_CODE="123456").error == WRONG_CODE
    stranger = mfa.confirmed_user("stranger")[0]
    assert respond(mfa, "SOFTWARE_TOKEN_MFA", session, stranger, SOFTWARE_TOKEN_MFA_CODE=totp(secret, 1)).error == (
        "NotAuthorizedException",
        "Invalid session for the user.",
    )
    missing = respond(mfa, "SOFTWARE_TOKEN_MFA", session, email)
    assert missing.error == ("InvalidParameterException", "Missing required parameter SOFTWARE_TOKEN_MFA_CODE")


def test_email_code_challenge(mfa: Client, mfa_server: tuple[Emulator, Client]) -> None:
    set_mfa(mfa, "OFF")
    email, tokens = mfa.confirmed_user("mail")
    set_mfa(mfa, "OPTIONAL", "SOFTWARE_TOKEN_MFA", "EMAIL_OTP")
    assert prefer(mfa, tokens["AccessToken"], "EMAIL_OTP").status == 200
    challenge = mfa.sign_in(email).body
    assert challenge["ChallengeName"] == "EMAIL_OTP"
    params = challenge["ChallengeParameters"]
    assert params["CODE_DELIVERY_DELIVERY_MEDIUM"] == "EMAIL"
    assert params["CODE_DELIVERY_DESTINATION"] == "m***@e***"
    code = mfa_code(mfa, email)
    assert re.fullmatch(r"[0-9]{8}", code)
    assert mfa_server[0].wait_for_line(f"MFA code for {email}:") == f"MFA code for {email}: {code}"
    wrong = "00000000" if code != "00000000" else "11111111"
    assert respond(mfa, "EMAIL_OTP", challenge["Session"], email, EMAIL_OTP_CODE=wrong).error == WRONG_CODE
    reply = respond(mfa, "EMAIL_OTP", challenge["Session"], email, EMAIL_OTP_CODE=code)
    tokens = reply.body["AuthenticationResult"]
    assert claims(tokens["IdToken"])["email"] == email
    assert mfa.local(f"codes/{email}?purpose=mfa").status == 404  # used
    # RevokeToken reaches tokens issued after MFA
    assert mfa.call("RevokeToken", ClientId=mfa.client_id, Token=tokens["RefreshToken"]).status == 200
    assert mfa.refresh(tokens["RefreshToken"]).error == ("NotAuthorizedException", "Refresh Token has been revoked")
    assert mfa.call("GetUser", AccessToken=tokens["AccessToken"]).error[1] == "Access Token has been revoked"


def test_an_expired_email_code_is_told_apart(mfa: Client) -> None:
    set_mfa(mfa, "OFF")
    email, tokens = mfa.confirmed_user("stale")
    set_mfa(mfa, "OPTIONAL", "EMAIL_OTP", "SOFTWARE_TOKEN_MFA")
    prefer(mfa, tokens["AccessToken"], "EMAIL_OTP")
    session = mfa.sign_in(email).body["Session"]
    code = mfa_code(mfa, email)
    assert mfa.local(f"codes/{email}/expire?purpose=mfa", {}).body == {"expired": code}
    assert respond(mfa, "EMAIL_OTP", session, email, EMAIL_OTP_CODE=code).error == (
        "ExpiredCodeException",
        "Invalid code provided, please request a code again.",
    )


def test_sms_code_challenge(mfa: Client) -> None:
    set_mfa(mfa, "OFF")
    email, tokens = mfa.confirmed_user("sms")
    phone = "+15555550123"
    mfa.call(
        "AdminUpdateUserAttributes",
        UserPoolId=mfa.pool_id,
        Username=email,
        UserAttributes=[{"Name": "phone_number", "Value": phone}],
    )
    set_mfa(mfa, "OPTIONAL", "SMS_MFA", "SOFTWARE_TOKEN_MFA")
    assert prefer(mfa, tokens["AccessToken"], "SMS_MFA").status == 200
    challenge = mfa.sign_in(email).body
    assert challenge["ChallengeName"] == "SMS_MFA"
    params = challenge["ChallengeParameters"]
    assert (params["CODE_DELIVERY_DELIVERY_MEDIUM"], params["CODE_DELIVERY_DESTINATION"]) == ("SMS", "+*******0123")
    code = mfa_code(mfa, phone)
    assert re.fullmatch(r"[0-9]{6}", code)
    reply = respond(mfa, "SMS_MFA", challenge["Session"], email, SMS_MFA_CODE=code)
    assert "AuthenticationResult" in reply.body, reply.body
    attributes = mfa.call("AdminGetUser", UserPoolId=mfa.pool_id, Username=email).body["UserAttributes"]
    assert {"Name": "phone_number_verified", "Value": "true"} in attributes  # the code proved the number


def test_select_mfa_type_without_a_preference(mfa: Client) -> None:
    email, tokens, secret = user_with_authenticator(mfa, "choose")
    # both on, neither preferred
    reply = mfa.call(
        "SetUserMFAPreference",
        AccessToken=tokens["AccessToken"],
        SoftwareTokenMfaSettings={"Enabled": True, "PreferredMfa": False},
        EmailMfaSettings={"Enabled": True, "PreferredMfa": False},
    )
    assert reply.status == 200, reply.body
    challenge = mfa.sign_in(email).body
    assert challenge["ChallengeName"] == "SELECT_MFA_TYPE"
    choices = challenge["ChallengeParameters"]["MFAS_CAN_CHOOSE"]
    assert choices == '["SOFTWARE_TOKEN_MFA","EMAIL_OTP"]' and json.loads(choices) == ["SOFTWARE_TOKEN_MFA", "EMAIL_OTP"]
    assert respond(mfa, "SELECT_MFA_TYPE", challenge["Session"], email, ANSWER="SMS_MFA").error[0] == "InvalidParameterException"
    picked = respond(mfa, "SELECT_MFA_TYPE", challenge["Session"], email, ANSWER="EMAIL_OTP").body
    assert picked["ChallengeName"] == "EMAIL_OTP" and picked["Session"] != challenge["Session"]
    reply = respond(mfa, "EMAIL_OTP", picked["Session"], email, EMAIL_OTP_CODE=mfa_code(mfa, email))
    assert "AuthenticationResult" in reply.body
    # the answered selection can't be used again
    assert respond(mfa, "SELECT_MFA_TYPE", challenge["Session"], email, ANSWER="EMAIL_OTP").error == USED_SESSION
    # with a preference, the preferred method is asked for directly
    prefer(mfa, tokens["AccessToken"], "SOFTWARE_TOKEN_MFA", "EMAIL_OTP", preferred="SOFTWARE_TOKEN_MFA")
    assert mfa.sign_in(email).body["ChallengeName"] == "SOFTWARE_TOKEN_MFA"
    assert secret


def test_admin_initiate_auth_leads_to_mfa_too(mfa: Client) -> None:
    email, _, secret = user_with_authenticator(mfa, "admin")
    challenge = mfa.call(
        "AdminInitiateAuth",
        UserPoolId=mfa.pool_id,
        ClientId=mfa.client_id,
        AuthFlow="ADMIN_USER_PASSWORD_AUTH",
        AuthParameters={"USERNAME": email, "PASSWORD": PASSWORD},
    ).body
    assert challenge["ChallengeName"] == "SOFTWARE_TOKEN_MFA"
    reply = mfa.call(
        "AdminRespondToAuthChallenge",
        UserPoolId=mfa.pool_id,
        ClientId=mfa.client_id,
        ChallengeName="SOFTWARE_TOKEN_MFA",
        Session=challenge["Session"],
        ChallengeResponses={"USERNAME": email, "SOFTWARE_TOKEN_MFA_CODE": totp(secret, 1)},
    )
    assert "AuthenticationResult" in reply.body, reply.body


def test_the_password_is_checked_before_mfa(mfa: Client) -> None:
    email, _, _ = user_with_authenticator(mfa, "pw")
    set_mfa(mfa, "ON", "SOFTWARE_TOKEN_MFA")
    assert mfa.sign_in(email, "Wr0ng-password").error == ("NotAuthorizedException", "Incorrect username or password.")
    assert mfa.sign_in(unique_email("ghost")).error == ("UserNotFoundException", "User does not exist.")

"""MFA required and not set up yet: MFA_SETUP with an authenticator app (AssociateSoftwareToken
and VerifySoftwareToken with the challenge session) or with an email address, after any first
factor; and the authenticator checks themselves."""

from __future__ import annotations

import json
import re
import time

import pyotp
import pytest
from moto.cognitoidp.models import CognitoIdpBackend
from moto.core import DEFAULT_ACCOUNT_ID

from conftest import PASSWORD, Client, Emulator, claims, unique_email
from local_cognito import totp as totp_rules
from local_cognito.errors import CognitoError
from local_cognito.sessions import Sessions, validity_seconds
from mfa_support import mfa_code, respond, set_mfa, totp
from test_srp import Attempt

SETUP_MISMATCH = ("EnableSoftwareTokenMFAException", "Code mismatch and fail enable Software Token MFA")


def new_user(client: Client, prefix: str) -> str:
    """A confirmed user who has never signed in with MFA set up."""
    set_mfa(client, "OFF")
    email = unique_email(prefix)
    assert client.sign_up(email).status == 200
    assert client.confirm(email, client.code(email)).status == 200
    set_mfa(client, "ON", "SOFTWARE_TOKEN_MFA", "EMAIL_OTP")
    return email


def test_required_mfa_asks_to_set_one_up(mfa: Client) -> None:
    email = new_user(mfa, "setup")
    challenge = mfa.sign_in(email).body
    assert challenge["ChallengeName"] == "MFA_SETUP"
    can_setup = challenge["ChallengeParameters"]["MFAS_CAN_SETUP"]
    assert isinstance(can_setup, str) and json.loads(can_setup) == ["SOFTWARE_TOKEN_MFA", "EMAIL_OTP"]
    assert challenge["ChallengeParameters"]["USER_ID_FOR_SRP"] != email  # the internal username
    # answering without setting anything up
    nothing = respond(mfa, "MFA_SETUP", challenge["Session"], email)
    assert nothing.error[0] == "MFAMethodNotFoundException"


def test_authenticator_setup_during_sign_in(mfa: Client, mfa_server: tuple[Emulator, Client]) -> None:
    email = new_user(mfa, "app")
    setup = mfa.sign_in(email).body["Session"]
    associated = mfa.call("AssociateSoftwareToken", Session=setup).body
    secret = associated["SecretCode"]
    assert re.fullmatch(r"[A-Z2-7]{52}", secret) and associated["Session"] != setup
    assert not [line for line in mfa_server[0].lines if secret in line]  # never printed
    # the setup session was replaced
    assert mfa.call("AssociateSoftwareToken", Session=setup).error[1] == (
        "Invalid session for the user, session can only be used once."
    )
    code = totp(secret)
    wrong = "000000" if code != "000000" else "111111"
    assert mfa.call("VerifySoftwareToken", Session=associated["Session"], UserCode=wrong).error == SETUP_MISMATCH
    verified = mfa.call("VerifySoftwareToken", Session=associated["Session"], UserCode=code, FriendlyDeviceName="Laptop")
    assert verified.body["Status"] == "SUCCESS" and verified.body["Session"] not in (setup, associated["Session"])
    reply = respond(mfa, "MFA_SETUP", verified.body["Session"], email)
    assert reply.status == 200, reply.body
    tokens = reply.body["AuthenticationResult"]
    user = mfa.call("GetUser", AccessToken=tokens["AccessToken"]).body
    assert (user["UserMFASettingList"], user["PreferredMfaSetting"]) == (["SOFTWARE_TOKEN_MFA"], "SOFTWARE_TOKEN_MFA")
    # from now on the app is asked for, by name
    challenge = mfa.sign_in(email).body
    assert challenge["ChallengeName"] == "SOFTWARE_TOKEN_MFA"
    assert challenge["ChallengeParameters"]["FRIENDLY_DEVICE_NAME"] == "Laptop"


def test_each_association_gets_a_fresh_secret(mfa: Client) -> None:
    set_mfa(mfa, "OFF")
    _, tokens = mfa.confirmed_user("fresh")
    set_mfa(mfa, "OPTIONAL", "SOFTWARE_TOKEN_MFA")
    first = mfa.call("AssociateSoftwareToken", AccessToken=tokens["AccessToken"]).body
    second = mfa.call("AssociateSoftwareToken", AccessToken=tokens["AccessToken"]).body
    assert set(first) == {"SecretCode"} and first["SecretCode"] != second["SecretCode"]
    # only the latest one verifies
    stale = mfa.call("VerifySoftwareToken", AccessToken=tokens["AccessToken"], UserCode=totp(first["SecretCode"]))
    assert stale.error == SETUP_MISMATCH
    latest = mfa.call("VerifySoftwareToken", AccessToken=tokens["AccessToken"], UserCode=totp(second["SecretCode"]))
    assert latest.body == {"Status": "SUCCESS"}


def test_software_token_requests_that_are_refused(mfa: Client) -> None:
    set_mfa(mfa, "OFF")
    _, tokens = mfa.confirmed_user("refused")
    neither = mfa.call("AssociateSoftwareToken")
    both = mfa.call("AssociateSoftwareToken", AccessToken=tokens["AccessToken"], Session="s" * 40)
    assert neither.error[0] == both.error[0] == "InvalidParameterException"
    # TOTP off in the pool
    assert mfa.call("AssociateSoftwareToken", AccessToken=tokens["AccessToken"]).error == (
        "SoftwareTokenMFANotFoundException",
        "Software Token MFA has not been enabled by the userPool.",
    )
    set_mfa(mfa, "OPTIONAL", "SOFTWARE_TOKEN_MFA")
    nothing = mfa.call("VerifySoftwareToken", AccessToken=tokens["AccessToken"], UserCode="123456")
    assert nothing.error[0] == "SoftwareTokenMFANotFoundException"
    malformed = mfa.call("VerifySoftwareToken", AccessToken=tokens["AccessToken"], UserCode="12345")
    assert malformed.error[0] == "InvalidParameterException"  # botocore's length rule
    expired_session = mfa.call("AssociateSoftwareToken", Session="s" * 40)
    assert expired_session.error == ("NotAuthorizedException", "Invalid session for the user, session is expired.")


def test_email_setup_during_sign_in(mfa: Client) -> None:
    email = new_user(mfa, "emailsetup")
    setup = mfa.sign_in(email).body["Session"]
    assert respond(mfa, "MFA_SETUP", setup, email, EMAIL="not-an-email").error == (
        "InvalidParameterException",
        "Invalid email address format.",
    )
    other = new_user(mfa, "taken")
    assert respond(mfa, "MFA_SETUP", setup, email, EMAIL=other).error[0] == "AliasExistsException"
    challenge = respond(mfa, "MFA_SETUP", setup, email, EMAIL=email).body
    assert challenge["ChallengeName"] == "EMAIL_OTP"
    assert challenge["ChallengeParameters"]["CODE_DELIVERY_DESTINATION"] == "e***@e***"
    reply = respond(mfa, "EMAIL_OTP", challenge["Session"], email, EMAIL_OTP_CODE=mfa_code(mfa, email))
    tokens = reply.body["AuthenticationResult"]
    user = mfa.call("GetUser", AccessToken=tokens["AccessToken"]).body
    assert (user["UserMFASettingList"], user["PreferredMfaSetting"]) == (["EMAIL_OTP"], "EMAIL_OTP")
    assert mfa.sign_in(email).body["ChallengeName"] == "EMAIL_OTP"


def test_email_setup_is_refused_when_the_pool_has_no_email_mfa(mfa: Client) -> None:
    email = new_user(mfa, "noemail")
    set_mfa(mfa, "ON", "SOFTWARE_TOKEN_MFA")
    challenge = mfa.sign_in(email).body
    assert challenge["ChallengeParameters"]["MFAS_CAN_SETUP"] == '["SOFTWARE_TOKEN_MFA"]'
    assert respond(mfa, "MFA_SETUP", challenge["Session"], email, EMAIL=email).error[0] == "InvalidParameterException"


def test_a_phone_number_is_enough_for_required_sms_mfa(mfa: Client) -> None:
    email = new_user(mfa, "phone")
    mfa.call(
        "AdminUpdateUserAttributes",
        UserPoolId=mfa.pool_id,
        Username=email,
        UserAttributes=[{"Name": "phone_number", "Value": "+819012345678"}],
    )
    set_mfa(mfa, "ON", "SMS_MFA", "SOFTWARE_TOKEN_MFA")
    challenge = mfa.sign_in(email).body
    assert challenge["ChallengeName"] == "SMS_MFA"
    assert challenge["ChallengeParameters"]["CODE_DELIVERY_DESTINATION"] == "+********5678"
    reply = respond(mfa, "SMS_MFA", challenge["Session"], email, SMS_MFA_CODE=mfa_code(mfa, "+819012345678"))
    assert "AuthenticationResult" in reply.body


def test_srp_sign_in_leads_to_mfa(mfa: Client) -> None:
    email = new_user(mfa, "srpmfa")
    attempt = Attempt(mfa, email)
    reply = attempt.answer()
    assert reply.status == 200, reply.body
    assert reply.body["ChallengeName"] == "MFA_SETUP"
    assert reply.body["ChallengeParameters"]["USER_ID_FOR_SRP"] == attempt.params["USER_ID_FOR_SRP"]


def test_new_password_required_then_mfa_setup(mfa: Client) -> None:
    set_mfa(mfa, "ON", "SOFTWARE_TOKEN_MFA")
    email = unique_email("newpw")
    created = mfa.call(
        "AdminCreateUser", UserPoolId=mfa.pool_id, Username=email, TemporaryPassword="Temp0rary!pass", MessageAction="SUPPRESS"
    )
    assert created.status == 200, created.body
    first = mfa.sign_in(email, "Temp0rary!pass").body
    assert first["ChallengeName"] == "NEW_PASSWORD_REQUIRED"
    reply = respond(mfa, "NEW_PASSWORD_REQUIRED", first["Session"], email, NEW_PASSWORD=PASSWORD)
    assert reply.body["ChallengeName"] == "MFA_SETUP", reply.body
    associated = mfa.call("AssociateSoftwareToken", Session=reply.body["Session"]).body
    verified = mfa.call("VerifySoftwareToken", Session=associated["Session"], UserCode=totp(associated["SecretCode"]))
    tokens = respond(mfa, "MFA_SETUP", verified.body["Session"], email).body["AuthenticationResult"]
    assert claims(tokens["IdToken"])["email"] == email


def test_one_step_of_drift_either_way() -> None:
    secret = pyotp.random_base32()
    now = 1_700_000_015.0  # mid-step
    step = int(now // 30)
    code_at = pyotp.TOTP(secret).at
    assert totp_rules.code_step(secret, code_at(now), now) == step
    assert totp_rules.code_step(secret, code_at(now - 30), now) == step - 1
    assert totp_rules.code_step(secret, code_at(now + 30), now) == step + 1
    for far in (now - 60, now + 60):
        code = code_at(far)
        if code not in (code_at(now), code_at(now - 30), code_at(now + 30)):  # a 1-in-a-million clash
            assert totp_rules.code_step(secret, code, now) is None


def test_sessions_last_the_app_clients_auth_session_validity(monkeypatch: pytest.MonkeyPatch) -> None:
    backend = CognitoIdpBackend("ap-northeast-1", DEFAULT_ACCOUNT_ID)
    pool = backend.create_user_pool("p", {})
    client = backend.create_user_pool_client(pool.id, False, {"ClientName": "c", "AuthSessionValidity": 5})
    assert validity_seconds(pool, client.id) == 300
    sessions = Sessions()
    session = sessions.open(pool, client.id, "user", "SOFTWARE_TOKEN_MFA")
    start = time.time()
    monkeypatch.setattr(time, "time", lambda: start + 299)
    assert sessions.take(session.token, client.id) is session
    monkeypatch.setattr(time, "time", lambda: start + 301)
    with pytest.raises(CognitoError, match="session is expired"):
        sessions.take(session.token, client.id)
    default = backend.create_user_pool_client(pool.id, False, {"ClientName": "d"})
    assert validity_seconds(pool, default.id) == 180

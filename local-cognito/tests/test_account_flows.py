"""The account flows around sign-in that the frontend drives: the new password an
administrator-created user must choose, and codes that were used or have expired."""

from __future__ import annotations

from conftest import PASSWORD, Client, claims, unique_email

TEMPORARY = "Temp0rary!pass"
STALE = ("ExpiredCodeException", "Invalid code provided, please request a code again.")


def admin_created(cognito: Client, prefix: str) -> str:
    email = unique_email(prefix)
    reply = cognito.call(
        "AdminCreateUser",
        UserPoolId=cognito.pool_id,
        Username=email,
        TemporaryPassword=TEMPORARY,
        UserAttributes=[{"Name": "email_verified", "Value": "true"}],
        MessageAction="SUPPRESS",
    )
    assert reply.status == 200, reply.body
    return email


def respond(cognito: Client, session: str, username: str, password: str):
    return cognito.call(
        "RespondToAuthChallenge",
        ClientId=cognito.client_id,
        ChallengeName="NEW_PASSWORD_REQUIRED",
        Session=session,
        ChallengeResponses={"USERNAME": username, "NEW_PASSWORD": password},
    )


def test_new_password_required_round_trip_with_the_address_as_username(cognito: Client) -> None:
    email = admin_created(cognito, "admin")
    challenge = cognito.sign_in(email, TEMPORARY).body
    assert challenge["ChallengeName"] == "NEW_PASSWORD_REQUIRED"
    assert challenge["Session"]

    # The policy is enforced and a refusal leaves the challenge open.
    weak = respond(cognito, challenge["Session"], email, "weakpass")
    assert weak.error == (
        "InvalidPasswordException",
        "Password did not conform with policy: Password must have uppercase characters",
    )

    # The frontend answers with the address typed at sign-in (an alias Cognito accepts).
    done = respond(cognito, challenge["Session"], email.upper(), PASSWORD)
    assert done.status == 200, done.body
    result = done.body["AuthenticationResult"]
    assert claims(result["IdToken"])["email"] == email
    assert result["RefreshToken"]

    assert cognito.sign_in(email, PASSWORD).status == 200
    assert cognito.sign_in(email, TEMPORARY).error == ("NotAuthorizedException", "Incorrect username or password.")


def test_a_used_or_unknown_challenge_session_is_refused_like_cognito(cognito: Client) -> None:
    email = admin_created(cognito, "reuse")
    session = cognito.sign_in(email, TEMPORARY).body["Session"]
    assert respond(cognito, session, email, PASSWORD).status == 200
    again = respond(cognito, session, email, "An0ther-password")
    assert again.status == 400
    assert again.error == ("NotAuthorizedException", "Invalid session for the user, session is expired.")
    # a made-up session long enough for the model (Session has at least 20 characters)
    assert respond(cognito, "made-up-session-" + "0" * 20, email, PASSWORD).error[0] == "NotAuthorizedException"


def test_wrong_temporary_password_is_incorrect_credentials(cognito: Client) -> None:
    email = admin_created(cognito, "wrongtemp")
    assert cognito.sign_in(email, "Not-the-temp-1").error == (
        "NotAuthorizedException",
        "Incorrect username or password.",
    )


def test_a_used_reset_code_is_expired_not_mismatched(cognito: Client) -> None:
    email, _ = cognito.confirmed_user("usedcode")

    def reset(code: str, password: str):
        return cognito.call(
            "ConfirmForgotPassword", ClientId=cognito.client_id, Username=email, ConfirmationCode=code, Password=password
        )

    assert cognito.call("ForgotPassword", ClientId=cognito.client_id, Username=email).status == 200
    used = cognito.code(email, "forgotPassword")
    assert reset(used, "N3w-password").status == 200
    assert reset(used, "N3w-password-2").error == STALE
    # a later code does not revive the used one
    assert cognito.call("ForgotPassword", ClientId=cognito.client_id, Username=email).status == 200
    fresh = cognito.code(email, "forgotPassword")
    if fresh != used:
        assert reset(used, "N3w-password-2").error == STALE
    assert reset(fresh, "N3w-password-2").status == 200
    assert cognito.sign_in(email, "N3w-password-2").status == 200


def test_expiring_a_code_makes_it_expired_for_both_purposes(cognito: Client) -> None:
    email, _ = cognito.confirmed_user("expired")
    cognito.call("ForgotPassword", ClientId=cognito.client_id, Username=email)
    code = cognito.code(email, "forgotPassword")
    reply = cognito.local(f"codes/{email}/expire?purpose=forgotPassword", {})
    assert reply.status == 200 and reply.body == {"expired": code}
    assert cognito.local(f"codes/{email}?purpose=forgotPassword").status == 404
    reply = cognito.call(
        "ConfirmForgotPassword", ClientId=cognito.client_id, Username=email, ConfirmationCode=code, Password="N3w-password"
    )
    assert reply.error == STALE
    assert cognito.sign_in(email).status == 200  # the password did not change

    pending = unique_email("expiredsignup")
    cognito.sign_up(pending)
    code = cognito.code(pending)
    assert cognito.local(f"codes/{pending}/expire", {}).status == 200
    assert cognito.confirm(pending, code).error == STALE
    # a wrong code is still a mismatch, and a new code works
    assert cognito.confirm(pending, "not-a-code").error[0] == "CodeMismatchException"
    cognito.call("ResendConfirmationCode", ClientId=cognito.client_id, Username=pending)
    assert cognito.confirm(pending, cognito.code(pending)).status == 200


def test_expiring_without_a_code_is_404(cognito: Client) -> None:
    reply = cognito.local(f"codes/{unique_email('none')}/expire?purpose=forgotPassword", {})
    assert reply.status == 404
    assert reply.body["__type"] == "NotFound"

"""The gaps between stock moto and real Cognito that server.py closes."""

from __future__ import annotations

import time

from conftest import PASSWORD, Client, Emulator, claims, http, unique_email

DEFAULTS = {
    "autoConfirm": False,
    "tokenLifetimeSeconds": 3600,
    "outageSeconds": 0,
    "delaySeconds": 0,
    "delayActions": None,
    "refreshTokenLifetimeSeconds": None,
}
CORS = {
    "access-control-allow-origin": "*",
    "access-control-allow-headers": "content-type, x-amz-target, x-amz-user-agent, authorization, cache-control, amz-sdk-invocation-id, amz-sdk-request",
    "access-control-allow-methods": "POST, GET, OPTIONS",
}


def assert_cors(headers: dict[str, str]) -> None:
    for name, value in CORS.items():
        assert headers.get(name) == value, (name, headers)


def assert_no_cors(headers: dict[str, str]) -> None:
    """The local API is for programs on this machine, never for web pages."""
    assert not [name for name in headers if name.startswith("access-control-")], headers


# a. confirmation codes are checked


def test_sign_up_code_is_logged_served_and_checked(cognito: Client, emulator: Emulator) -> None:
    email = unique_email("code")
    reply = cognito.sign_up(email)
    assert reply.status == 200
    assert reply.body["UserConfirmed"] is False
    assert reply.body["CodeDeliveryDetails"] == {
        "Destination": "c***@e***",
        "DeliveryMedium": "EMAIL",
        "AttributeName": "email",
    }
    code = cognito.code(email)
    assert len(code) == 6 and code.isdigit()
    assert emulator.wait_for_line(f"confirmation code for {email}:") == f"confirmation code for {email}: {code}"

    wrong = "000000" if code != "000000" else "111111"
    reply = cognito.confirm(email, wrong)
    assert reply.status == 400
    assert reply.error == ("CodeMismatchException", "Invalid verification code provided, please try again.")
    assert cognito.sign_in(email).error[0] == "UserNotConfirmedException"

    assert cognito.confirm(email, code).status == 200
    assert cognito.sign_in(email).status == 200
    # a used code is gone
    assert cognito.local(f"codes/{email}").status == 404


def test_codes_endpoint_404_for_unknown_email(cognito: Client) -> None:
    reply = cognito.local(f"codes/{unique_email('nobody')}")
    assert reply.status == 404
    assert reply.body["__type"] == "NotFound"
    assert_no_cors(reply.headers)


def test_confirm_sign_up_unknown_or_already_confirmed(cognito: Client) -> None:
    reply = cognito.confirm(unique_email("ghost"), "123456")
    assert reply.error == ("UserNotFoundException", "Username/client id combination not found.")

    email, _ = cognito.confirmed_user("twice")
    reply = cognito.confirm(email, "123456")
    assert reply.status == 400
    assert reply.error == ("NotAuthorizedException", "User cannot be confirmed. Current status is CONFIRMED")


# b. ResendConfirmationCode


def test_resend_confirmation_code_replaces_code(cognito: Client, emulator: Emulator) -> None:
    email = unique_email("resend")
    cognito.sign_up(email)
    old = cognito.code(email)
    for _ in range(5):  # random codes may repeat; one in a million
        reply = cognito.call("ResendConfirmationCode", ClientId=cognito.client_id, Username=email)
        assert reply.status == 200, reply.body
        new = cognito.code(email)
        if new != old:
            break
    assert reply.body == {
        "CodeDeliveryDetails": {"Destination": "r***@e***", "DeliveryMedium": "EMAIL", "AttributeName": "email"}
    }
    assert new != old
    assert emulator.wait_for_line(f"confirmation code for {email}: {new}")
    assert cognito.confirm(email, old).error[0] == "CodeMismatchException"
    assert cognito.confirm(email, new).status == 200


def test_resend_confirmation_code_errors(cognito: Client) -> None:
    reply = cognito.call("ResendConfirmationCode", ClientId=cognito.client_id, Username=unique_email("ghost"))
    assert reply.status == 400
    assert reply.error == ("UserNotFoundException", "Username/client id combination not found.")

    email, _ = cognito.confirmed_user("done")
    reply = cognito.call("ResendConfirmationCode", ClientId=cognito.client_id, Username=email)
    assert reply.status == 400
    assert reply.error == ("InvalidParameterException", "User is already confirmed.")


# c. token lifetime and expiry


def test_token_lifetime_setting_applies_to_sign_in_and_refresh(cognito: Client) -> None:
    email, result = cognito.confirmed_user("life")
    assert result["ExpiresIn"] == 3600
    assert claims(result["AccessToken"])["exp"] - claims(result["AccessToken"])["iat"] == 3600

    assert cognito.local("settings", {"tokenLifetimeSeconds": 120}).body["tokenLifetimeSeconds"] == 120
    result = cognito.sign_in(email).body["AuthenticationResult"]
    assert result["ExpiresIn"] == 120
    for token in (result["AccessToken"], result["IdToken"]):
        assert claims(token)["exp"] - claims(token)["iat"] == 120

    refreshed = cognito.refresh(result["RefreshToken"]).body["AuthenticationResult"]
    assert refreshed["ExpiresIn"] == 120
    for token in (refreshed["AccessToken"], refreshed["IdToken"]):
        assert claims(token)["exp"] - claims(token)["iat"] == 120


def test_token_lifetime_applies_to_respond_to_auth_challenge(cognito: Client) -> None:
    # An admin-created user must set a new password: InitiateAuth answers with
    # a challenge and RespondToAuthChallenge mints the tokens.
    email = unique_email("challenge")
    created = cognito.call(
        "AdminCreateUser", UserPoolId=cognito.pool_id, Username=email, TemporaryPassword="Temp0rary!"
    )
    assert created.status == 200, created.body
    cognito.local("settings", {"tokenLifetimeSeconds": 300})
    challenge = cognito.sign_in(email, "Temp0rary!").body
    assert challenge["ChallengeName"] == "NEW_PASSWORD_REQUIRED"
    reply = cognito.call(
        "RespondToAuthChallenge",
        ClientId=cognito.client_id,
        ChallengeName="NEW_PASSWORD_REQUIRED",
        Session=challenge["Session"],
        ChallengeResponses={"USERNAME": challenge["ChallengeParameters"]["USERNAME"], "NEW_PASSWORD": PASSWORD},
    )
    assert reply.status == 200, reply.body
    result = reply.body["AuthenticationResult"]
    assert result["ExpiresIn"] == 300
    assert claims(result["IdToken"])["exp"] - claims(result["IdToken"])["iat"] == 300


def test_expired_access_token_is_rejected(cognito: Client) -> None:
    email, _ = cognito.confirmed_user("expire")
    # exp is whole seconds, so 2 s leaves at least 1 s of validity to check first
    cognito.local("settings", {"tokenLifetimeSeconds": 2})
    token = cognito.sign_in(email).body["AuthenticationResult"]["AccessToken"]
    assert cognito.call("GetUser", AccessToken=token).status == 200
    time.sleep(max(0.0, claims(token)["exp"] - time.time()) + 0.05)
    for action in ("GetUser", "GlobalSignOut"):
        reply = cognito.call(action, AccessToken=token)
        assert reply.status == 400
        assert reply.error == ("NotAuthorizedException", "Access Token has expired")
        assert_cors(reply.headers)


# d. JSON + CORS everywhere


def test_preflight_and_cors_on_every_kind_of_response(cognito: Client) -> None:
    preflight = http(
        "OPTIONS",
        cognito.url,
        headers={"Origin": "http://localhost:8080", "Access-Control-Request-Method": "POST"},
    )
    assert preflight.status == 200
    assert_cors(preflight.headers)

    ok = cognito.sign_up(unique_email("cors"))
    assert ok.status == 200
    assert_cors(ok.headers)

    error = cognito.sign_in(unique_email("cors"))
    assert error.status == 400 and error.body["__type"]
    assert_cors(error.headers)

    for path in ("health", "settings"):
        assert_no_cors(cognito.local(path).headers)
    jwks = http("GET", f"{cognito.url}{cognito.pool_id}/.well-known/jwks.json")
    assert jwks.status == 200 and jwks.body["keys"]
    assert_cors(jwks.headers)


def test_moto_crash_becomes_json_500(cognito: Client) -> None:
    # moto raises AttributeError on a null AuthParameters; stock moto answers with an HTML page.
    reply = cognito.call("InitiateAuth", ClientId=cognito.client_id, AuthFlow="USER_PASSWORD_AUTH", AuthParameters=None)
    assert reply.status == 500
    assert reply.body["__type"] == "InternalErrorException"
    assert "AttributeError" in reply.body["message"]
    assert_cors(reply.headers)


def test_unimplemented_and_unknown_actions_return_json(cognito: Client) -> None:
    missing = cognito.call("ListDevices", AccessToken="x.y.z")
    assert missing.status == 400
    # the token is checked first, as Cognito does
    assert missing.body["__type"] == "NotAuthorizedException"
    _, result = cognito.confirmed_user("devices")
    missing = cognito.call("AdminListDevices", UserPoolId=cognito.pool_id, Username=result["AccessToken"][:20])
    assert missing.status == 400
    assert missing.body["__type"] == "UnsupportedOperationException"
    assert_cors(missing.headers)

    unknown = cognito.call("NoSuchAction")
    assert unknown.status == 400
    assert unknown.body["__type"] == "UnknownOperationException"
    assert_cors(unknown.headers)

    bad_json = http(
        "POST",
        cognito.url,
        b"{not json",
        {"X-Amz-Target": "AWSCognitoIdentityProviderService.SignUp", "Content-Type": "application/x-amz-json-1.1"},
    )
    assert bad_json.status == 400 and bad_json.body["__type"] == "SerializationException"
    assert_cors(bad_json.headers)


# e. auto-confirm (the PreSignUp trigger stand-in)


def test_auto_confirm_setting(cognito: Client) -> None:
    assert cognito.local("settings", {"autoConfirm": True}).body["autoConfirm"] is True
    email = unique_email("auto")
    reply = cognito.sign_up(email)
    assert reply.status == 200
    assert reply.body["UserConfirmed"] is True
    assert "CodeDeliveryDetails" not in reply.body
    assert cognito.local(f"codes/{email}").status == 404

    result = cognito.sign_in(email).body["AuthenticationResult"]
    assert claims(result["IdToken"])["email_verified"] is True
    user = cognito.call("GetUser", AccessToken=result["AccessToken"]).body
    attributes = {a["Name"]: a["Value"] for a in user["UserAttributes"]}
    assert attributes["email_verified"] == "true"
    admin = cognito.call("AdminGetUser", UserPoolId=cognito.pool_id, Username=email).body
    assert admin["UserStatus"] == "CONFIRMED"

    cognito.local("settings", {"autoConfirm": False})
    assert cognito.sign_up(unique_email("manual")).body["UserConfirmed"] is False


# f. runtime settings and health


def test_settings_endpoint(cognito: Client) -> None:
    assert cognito.local("health").body == {"ok": True}
    assert cognito.local("settings").body == DEFAULTS
    # keys are optional; the reply is the full current state
    assert cognito.local("settings", {"tokenLifetimeSeconds": 42}).body == {**DEFAULTS, "tokenLifetimeSeconds": 42}
    expected = {**DEFAULTS, "autoConfirm": True, "tokenLifetimeSeconds": 42}
    assert cognito.local("settings", {"autoConfirm": True}).body == expected
    assert cognito.local("settings").body == expected
    for bad in ({"autoConfirm": "yes"}, {"tokenLifetimeSeconds": 0}, {"tokenLifetimeSeconds": "60"}):
        reply = cognito.local("settings", bad)
        assert reply.status == 400, bad
        assert reply.body["__type"] == "InvalidParameterException"
    assert cognito.local("settings").body == expected
    assert cognito.local("nope").status == 404

"""GetTokensFromRefreshToken, refresh token rotation and the refresh errors, as Cognito has them."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import Client, claims, serve, unique_email

REUSE = ("RefreshTokenReuseException", "Refresh Token has been revoked")
REVOKED = ("NotAuthorizedException", "Refresh Token has been revoked")


@pytest.fixture(scope="module")
def short_grace(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Client]:
    """A rotating app client whose rotated-out refresh tokens work for one more second."""
    emu, client = serve(tmp_path_factory.mktemp("cfg"), "--param", "RefreshTokenRetryGracePeriodSeconds=1")
    yield client
    emu.stop()


def reuse_count(client: Client) -> int:
    return client.local("stats").body["refreshTokenReuse"]


def test_rotating_client_returns_a_new_refresh_token_each_time(cognito: Client) -> None:
    email, signed_in = cognito.confirmed_user("rotate")
    first = signed_in["RefreshToken"]
    reply = cognito.refresh(first)
    assert reply.status == 200, reply.body
    result = reply.body["AuthenticationResult"]
    assert set(result) == {"AccessToken", "IdToken", "ExpiresIn", "TokenType", "RefreshToken"}
    assert result["TokenType"] == "Bearer" and result["ExpiresIn"] == 3600
    assert result["RefreshToken"] not in (first, "")
    assert claims(result["IdToken"])["email"] == email
    assert cognito.call("GetUser", AccessToken=result["AccessToken"]).status == 200

    again = cognito.refresh(result["RefreshToken"]).body["AuthenticationResult"]
    assert again["RefreshToken"] not in (first, result["RefreshToken"])
    # within the template's 10 s grace period the first token still works, for a retry
    assert cognito.refresh(first).status == 200


def test_rotated_out_token_is_refused_after_the_grace_period(short_grace: Client) -> None:
    _, signed_in = short_grace.confirmed_user("grace")
    old = signed_in["RefreshToken"]
    new = short_grace.refresh(old).body["AuthenticationResult"]["RefreshToken"]
    # a retry in the grace period gets tokens (and a refresh token of its own)
    retry = short_grace.refresh(old).body["AuthenticationResult"]
    assert retry["RefreshToken"] not in (old, new)
    before = reuse_count(short_grace)
    time.sleep(1.1)

    reply = short_grace.refresh(old)
    assert reply.status == 400
    assert reply.error == REUSE
    assert reuse_count(short_grace) == before + 1
    # The documentation describes no revocation of later tokens on reuse: they keep working.
    for token in (new, retry["RefreshToken"]):
        assert short_grace.refresh(token).status == 200


def test_initiate_auth_refresh_is_refused_on_a_rotating_client(cognito: Client) -> None:
    _, signed_in = cognito.confirmed_user("legacy")
    for flow in ("REFRESH_TOKEN_AUTH", "REFRESH_TOKEN"):
        reply = cognito.call(
            "InitiateAuth",
            ClientId=cognito.client_id,
            AuthFlow=flow,
            AuthParameters={"REFRESH_TOKEN": signed_in["RefreshToken"]},
        )
        assert reply.status == 400
        assert reply.error == ("InvalidParameterException", f"{flow} flow not enabled for this client")
    # the token itself was not touched
    assert cognito.refresh(signed_in["RefreshToken"]).status == 200


def test_non_rotating_client_keeps_its_refresh_token(non_rotating: Client) -> None:
    client = non_rotating.call("DescribeUserPoolClient", UserPoolId=non_rotating.pool_id, ClientId=non_rotating.client_id)
    described = client.body["UserPoolClient"]
    assert described["RefreshTokenRotation"] == {"Feature": "DISABLED"}  # no grace period without rotation
    assert "ALLOW_REFRESH_TOKEN_AUTH" in described["ExplicitAuthFlows"]

    _, signed_in = non_rotating.confirmed_user("keep")
    token = signed_in["RefreshToken"]
    for _ in range(2):
        reply = non_rotating.refresh(token)
        assert reply.status == 200, reply.body
        assert "RefreshToken" not in reply.body["AuthenticationResult"]
    legacy = non_rotating.refresh_with_initiate_auth(token)
    assert legacy.status == 200, legacy.body
    assert set(legacy.body["AuthenticationResult"]) == {"AccessToken", "IdToken", "ExpiresIn", "TokenType"}
    assert non_rotating.call("GetUser", AccessToken=legacy.body["AuthenticationResult"]["AccessToken"]).status == 200
    missing = non_rotating.call("InitiateAuth", ClientId=non_rotating.client_id, AuthFlow="REFRESH_TOKEN_AUTH", AuthParameters={})
    assert missing.error == ("InvalidParameterException", "Missing required parameter REFRESH_TOKEN")


@pytest.mark.parametrize("revoked", ["first", "latest"])
def test_revoke_token_ends_every_token_of_the_sign_in(cognito: Client, revoked: str) -> None:
    email, signed_in = cognito.confirmed_user("revokefamily")
    other_device = cognito.sign_in(email).body["AuthenticationResult"]
    first = signed_in["RefreshToken"]
    rotated = cognito.refresh(first).body["AuthenticationResult"]
    latest = cognito.refresh(rotated["RefreshToken"]).body["AuthenticationResult"]

    token = first if revoked == "first" else latest["RefreshToken"]
    assert cognito.call("RevokeToken", ClientId=cognito.client_id, Token=token).status == 200
    for refresh_token in (first, rotated["RefreshToken"], latest["RefreshToken"]):
        assert cognito.refresh(refresh_token).error == REVOKED
    for access_token in (signed_in["AccessToken"], rotated["AccessToken"], latest["AccessToken"]):
        assert cognito.call("GetUser", AccessToken=access_token).error == (
            "NotAuthorizedException",
            "Access Token has been revoked",
        )
    # another sign-in of the same user is a different session
    assert cognito.refresh(other_device["RefreshToken"]).status == 200


def test_global_sign_out_ends_rotated_tokens(cognito: Client) -> None:
    _, signed_in = cognito.confirmed_user("signoutfamily")
    rotated = cognito.refresh(signed_in["RefreshToken"]).body["AuthenticationResult"]
    assert cognito.call("GlobalSignOut", AccessToken=rotated["AccessToken"]).status == 200
    for token in (signed_in["RefreshToken"], rotated["RefreshToken"]):
        assert cognito.refresh(token).error == REVOKED


def test_unknown_expired_and_foreign_refresh_tokens(cognito: Client, non_rotating: Client) -> None:
    assert cognito.refresh("not-a-token-we-issued").error == ("NotAuthorizedException", "Invalid Refresh Token.")
    _, elsewhere = non_rotating.confirmed_user("foreign")
    assert cognito.refresh(elsewhere["RefreshToken"]).error == ("NotAuthorizedException", "Invalid Refresh Token.")

    # a rotated token keeps the expiry of the sign-in it descends from
    cognito.local("settings", {"refreshTokenLifetimeSeconds": 2})
    _, signed_in = cognito.confirmed_user("expiry")
    rotated = cognito.refresh(signed_in["RefreshToken"]).body["AuthenticationResult"]["RefreshToken"]
    time.sleep(2.1)
    for token in (signed_in["RefreshToken"], rotated):
        reply = cognito.refresh(token)
        assert reply.status == 400
        assert reply.error == ("NotAuthorizedException", "Refresh Token has expired")


def test_disabled_user_and_unknown_client(cognito: Client) -> None:
    email, signed_in = cognito.confirmed_user("disabled")
    assert cognito.call("AdminDisableUser", UserPoolId=cognito.pool_id, Username=email).status == 200
    assert cognito.refresh(signed_in["RefreshToken"]).error == ("NotAuthorizedException", "User is disabled.")
    reply = cognito.call("GetTokensFromRefreshToken", ClientId="nosuchclient", RefreshToken=signed_in["RefreshToken"])
    assert reply.error == ("ResourceNotFoundException", "User pool client nosuchclient does not exist.")


def test_refresh_token_lifetime_setting_is_checked(cognito: Client) -> None:
    for bad in (0, -5, "60", True, 1.5):
        assert cognito.local("settings", {"refreshTokenLifetimeSeconds": bad}).status == 400, bad
    assert cognito.local("settings", {"refreshTokenLifetimeSeconds": 60}).body["refreshTokenLifetimeSeconds"] == 60
    assert cognito.local("settings", {"refreshTokenLifetimeSeconds": None}).body["refreshTokenLifetimeSeconds"] is None


def test_confidential_client_must_send_its_secret(tmp_path: Path) -> None:
    template = (Path(__file__).resolve().parents[2] / "deploy" / "cognito-pool.yaml").read_text()
    path = tmp_path / "confidential.yaml"
    path.write_text(template.replace("GenerateSecret: false", "GenerateSecret: true"))
    emu, client = serve(tmp_path, "--template", str(path))
    try:
        described = client.call("DescribeUserPoolClient", UserPoolId=client.pool_id, ClientId=client.client_id)
        secret = described.body["UserPoolClient"]["ClientSecret"]
        email = unique_email("secret")
        assert client.call("AdminCreateUser", UserPoolId=client.pool_id, Username=email, MessageAction="SUPPRESS").status == 200
        set_password = client.call(
            "AdminSetUserPassword", UserPoolId=client.pool_id, Username=email, Password="Passw0rd!", Permanent=True
        )
        assert set_password.status == 200, set_password.body
        signed_in = client.call(
            "AdminInitiateAuth",
            UserPoolId=client.pool_id,
            ClientId=client.client_id,
            AuthFlow="ADMIN_USER_PASSWORD_AUTH",
            AuthParameters={"USERNAME": email, "PASSWORD": "Passw0rd!"},
        )
        token = signed_in.body["AuthenticationResult"]["RefreshToken"]

        def refresh(**extra: str) -> tuple[str, str]:
            reply = client.call("GetTokensFromRefreshToken", ClientId=client.client_id, RefreshToken=token, **extra)
            return reply.error

        cid = client.client_id
        assert refresh() == ("NotAuthorizedException", f"Client {cid} is configured for secret but secret was not received")
        assert refresh(ClientSecret="x" * 30) == ("NotAuthorizedException", f"Unable to verify secret hash for client {cid}")
        assert refresh(ClientSecret=secret) == ("", "")
    finally:
        emu.stop()

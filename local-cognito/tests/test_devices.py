"""Remembered devices: NewDeviceMetadata at sign-in, ConfirmDevice with a verifier made as the
AWS SDKs make it, device SRP proven for real (DEVICE_SRP_AUTH, DEVICE_PASSWORD_VERIFIER), the
device actions, MFA skipped only for a remembered device, and refresh tokens tied to a device."""

from __future__ import annotations

import base64
import re
import secrets
import time
from collections.abc import Iterator
from typing import Any

import pytest

from conftest import PASSWORD, Client, Emulator, Reply, serve
from local_cognito.srp import SRP_G, SRP_N, srp_pad, srp_x
from mfa_support import add_authenticator, prefer, respond, set_mfa, totp
from test_srp import SrpUser, cognito_timestamp

WRONG = ("NotAuthorizedException", "Incorrect username or password.")
NO_DEVICE = ("ResourceNotFoundException", "Device does not exist.")
UNKNOWN_KEY = "ap-northeast-1_00000000-0000-0000-0000-000000000000"


@pytest.fixture(scope="module")
def device_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Emulator, Client]]:
    emu, client = serve(tmp_path_factory.mktemp("cfg"), "--param", "DeviceTracking=ALWAYS")
    yield emu, client
    emu.stop()


@pytest.fixture
def devices(device_server: tuple[Emulator, Client]) -> Iterator[Client]:
    client = device_server[1]
    yield client
    assert set_mfa(client, "OFF").status == 200


class Phone:
    """The client's device half: the secret it keeps and the verifier it confirms with."""

    def __init__(self, metadata: dict[str, str]) -> None:
        self.key = metadata["DeviceKey"]
        self.group = metadata["DeviceGroupKey"]
        self.secret = base64.b64encode(secrets.token_bytes(40)).decode()
        salt = int.from_bytes(secrets.token_bytes(16), "big")
        verifier = pow(SRP_G, srp_x(self.group, self.key, self.secret, salt), SRP_N)
        self.config = {
            "PasswordVerifier": base64.b64encode(srp_pad(verifier)).decode(),
            "Salt": base64.b64encode(srp_pad(salt)).decode(),
        }

    def confirm(self, client: Client, access_token: str) -> Reply:
        return client.call(
            "ConfirmDevice", AccessToken=access_token, DeviceKey=self.key, DeviceSecretVerifierConfig=self.config,
            DeviceName="Test phone",
        )

    def prove(self, client: Client, reply: Reply, username: str, secret: str | None = None) -> Reply:
        """Answer DEVICE_SRP_AUTH and then DEVICE_PASSWORD_VERIFIER."""
        assert reply.body.get("ChallengeName") == "DEVICE_SRP_AUTH", reply.body
        srp = SrpUser(self.group, secrets.randbits(1024))
        step = respond(client, "DEVICE_SRP_AUTH", reply.body["Session"], username, DEVICE_KEY=self.key, SRP_A=format(srp.large_a, "x"))
        assert step.body.get("ChallengeName") == "DEVICE_PASSWORD_VERIFIER", step.body
        params = step.body["ChallengeParameters"]
        assert set(params) >= {"SRP_B", "SALT", "SECRET_BLOCK", "USERNAME"}
        stamp = cognito_timestamp(time.time())
        signature = srp.signature({**params, "USER_ID_FOR_SRP": self.key}, secret or self.secret, stamp)
        return respond(
            client, "DEVICE_PASSWORD_VERIFIER", step.body["Session"], username, DEVICE_KEY=self.key,
            PASSWORD_CLAIM_SECRET_BLOCK=params["SECRET_BLOCK"], PASSWORD_CLAIM_SIGNATURE=signature, TIMESTAMP=stamp,
        )


def sign_in(client: Client, email: str, device_key: str | None = None) -> Reply:
    params = {"USERNAME": email, "PASSWORD": PASSWORD, **({"DEVICE_KEY": device_key} if device_key else {})}
    return client.call("InitiateAuth", ClientId=client.client_id, AuthFlow="USER_PASSWORD_AUTH", AuthParameters=params)


def confirmed_phone(client: Client) -> tuple[str, Phone, dict[str, Any]]:
    email, tokens = client.confirmed_user("device")
    phone = Phone(tokens["NewDeviceMetadata"])
    assert phone.confirm(client, tokens["AccessToken"]).body == {"UserConfirmationNecessary": False}
    return email, phone, tokens


def test_the_default_pool_tracks_no_devices(cognito: Client) -> None:
    _, tokens = cognito.confirmed_user("nodevice")
    assert "NewDeviceMetadata" not in tokens
    assert cognito.config["deviceTracking"] == "OFF"
    listed = cognito.call("ListDevices", AccessToken=tokens["AccessToken"])
    assert listed.error == ("InvalidUserPoolConfigurationException", "Device tracking is not enabled for this user pool.")


def test_a_sign_in_hands_out_a_new_device(devices: Client) -> None:
    assert devices.config["deviceTracking"] == "ALWAYS"
    _, tokens = devices.confirmed_user("new")
    metadata = tokens["NewDeviceMetadata"]
    assert re.fullmatch(r"ap-northeast-1_[0-9a-f-]{36}", metadata["DeviceKey"])
    assert re.fullmatch(r"-[A-Za-z0-9]{9}", metadata["DeviceGroupKey"])


def test_a_confirmed_device_proves_itself_with_device_srp(devices: Client) -> None:
    email, phone, _ = confirmed_phone(devices)
    reply = phone.prove(devices, sign_in(devices, email, phone.key), email)
    assert "AccessToken" in reply.body["AuthenticationResult"]
    assert "NewDeviceMetadata" not in reply.body["AuthenticationResult"]


def test_a_wrong_device_secret_is_refused(devices: Client) -> None:
    email, phone, _ = confirmed_phone(devices)
    reply = phone.prove(devices, sign_in(devices, email, phone.key), email, secret="not-the-secret")
    assert reply.error == WRONG


def test_an_unknown_or_forgotten_device_is_refused(devices: Client) -> None:
    email, phone, tokens = confirmed_phone(devices)
    assert sign_in(devices, email, UNKNOWN_KEY).error == NO_DEVICE
    assert devices.call("ForgetDevice", AccessToken=tokens["AccessToken"], DeviceKey=phone.key).body == {}
    assert sign_in(devices, email, phone.key).error == NO_DEVICE


def test_confirm_device_errors(devices: Client) -> None:
    _, phone, tokens = confirmed_phone(devices)
    again = phone.confirm(devices, tokens["AccessToken"])
    assert again.error[0] == "DeviceKeyExistsException"
    other = devices.call("ConfirmDevice", AccessToken=tokens["AccessToken"], DeviceKey=UNKNOWN_KEY, DeviceSecretVerifierConfig=phone.config)
    assert other.error == NO_DEVICE


def test_list_and_get_devices(devices: Client) -> None:
    _, phone, tokens = confirmed_phone(devices)
    listed = devices.call("ListDevices", AccessToken=tokens["AccessToken"]).body["Devices"]
    assert [d["DeviceKey"] for d in listed] == [phone.key]
    names = {a["Name"]: a["Value"] for a in listed[0]["DeviceAttributes"]}
    assert names["device_status"] == "valid" and names["device_name"] == "Test phone"
    assert names["dev:device_remembered_status"] == "remembered"
    assert {"DeviceCreateDate", "DeviceLastModifiedDate", "DeviceLastAuthenticatedDate"} <= set(listed[0])
    got = devices.call("GetDevice", AccessToken=tokens["AccessToken"], DeviceKey=phone.key).body["Device"]
    assert got == listed[0]


def test_a_remembered_device_skips_mfa(devices: Client) -> None:
    email, phone, tokens = confirmed_phone(devices)
    assert set_mfa(devices, "OPTIONAL", "SOFTWARE_TOKEN_MFA").status == 200
    secret = add_authenticator(devices, tokens["AccessToken"])
    assert prefer(devices, tokens["AccessToken"], "SOFTWARE_TOKEN_MFA", preferred="SOFTWARE_TOKEN_MFA").status == 200
    reply = phone.prove(devices, sign_in(devices, email, phone.key), email)
    assert "AccessToken" in reply.body["AuthenticationResult"]
    # Not remembered: the device proof comes first, then MFA.
    status = devices.call("UpdateDeviceStatus", AccessToken=tokens["AccessToken"], DeviceKey=phone.key, DeviceRememberedStatus="not_remembered")
    assert status.body == {}
    reply = phone.prove(devices, sign_in(devices, email, phone.key), email)
    assert reply.body["ChallengeName"] == "SOFTWARE_TOKEN_MFA"
    done = respond(devices, "SOFTWARE_TOKEN_MFA", reply.body["Session"], email, SOFTWARE_TOKEN_MFA_CODE=totp(secret, 1))
    assert "AccessToken" in done.body["AuthenticationResult"]
    assert "NewDeviceMetadata" not in done.body["AuthenticationResult"]


def test_refresh_tokens_are_tied_to_their_device(devices: Client) -> None:
    email, phone, _ = confirmed_phone(devices)
    tokens = phone.prove(devices, sign_in(devices, email, phone.key), email).body["AuthenticationResult"]
    refresh = tokens["RefreshToken"]
    call = lambda **k: devices.call("GetTokensFromRefreshToken", ClientId=devices.client_id, RefreshToken=refresh, **k)  # noqa: E731
    assert call().error == ("NotAuthorizedException", "Invalid Refresh Token.")
    assert call(DeviceKey=UNKNOWN_KEY).error == ("NotAuthorizedException", "Invalid Refresh Token.")
    reply = call(DeviceKey=phone.key)
    assert "AccessToken" in reply.body["AuthenticationResult"], reply.body
    refresh = reply.body["AuthenticationResult"]["RefreshToken"]
    devices.call("ForgetDevice", AccessToken=tokens["AccessToken"], DeviceKey=phone.key)
    assert call(DeviceKey=phone.key).error == ("NotAuthorizedException", "Refresh Token has been revoked")


def test_the_template_sets_the_device_configuration(devices: Client) -> None:
    pool = devices.call("DescribeUserPool", UserPoolId=devices.pool_id).body["UserPool"]
    assert pool["DeviceConfiguration"] == {"ChallengeRequiredOnNewDevice": True, "DeviceOnlyRememberedOnUserPrompt": False}


def test_update_user_pool_keeps_what_it_cannot_change(cognito: Client) -> None:
    """Turning device tracking on and off with UpdateUserPool, as an administrator does,
    leaves the username attributes (not an UpdateUserPool member) as they were."""
    before = cognito.call("DescribeUserPool", UserPoolId=cognito.pool_id).body["UserPool"]
    settings = {key: before[key] for key in ("Policies", "AutoVerifiedAttributes") if key in before}
    try:
        cognito.call(
            "UpdateUserPool",
            UserPoolId=cognito.pool_id,
            DeviceConfiguration={"ChallengeRequiredOnNewDevice": True, "DeviceOnlyRememberedOnUserPrompt": True},
            **settings,
        )
        during = cognito.call("DescribeUserPool", UserPoolId=cognito.pool_id).body["UserPool"]
        assert during["UsernameAttributes"] == before["UsernameAttributes"] == ["email"]
        assert during["DeviceConfiguration"]["DeviceOnlyRememberedOnUserPrompt"] is True
        assert cognito.local("config").body["deviceTracking"] == "USER_OPT_IN"
    finally:
        cognito.call("UpdateUserPool", UserPoolId=cognito.pool_id, **settings)
    after = cognito.call("DescribeUserPool", UserPoolId=cognito.pool_id).body["UserPool"]
    assert "DeviceConfiguration" not in after
    assert cognito.local("config").body["deviceTracking"] == "OFF"

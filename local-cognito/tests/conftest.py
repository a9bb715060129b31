"""Shared fixtures: one emulator process for the session, spoken to over plain
HTTP exactly as a browser would (no AWS credentials, no signing)."""

from __future__ import annotations

import base64
import json
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).resolve().parent
SERVER = HERE.parent / "server.py"
PASSWORD = "Passw0rd!"
DEFAULT_SETTINGS = {
    "autoConfirm": False,
    "tokenLifetimeSeconds": 3600,
    "outageSeconds": 0,
    "delaySeconds": 0,
    "refreshTokenLifetimeSeconds": None,
}


@dataclass
class Reply:
    status: int
    body: dict[str, Any]
    headers: dict[str, str]

    @property
    def error(self) -> tuple[str, str]:
        return self.body.get("__type", ""), self.body.get("message", "")


def http(method: str, url: str, body: bytes | None = None, headers: dict[str, str] | None = None) -> Reply:
    req = urllib.request.Request(url, data=body, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=10) as resp:
            status, raw, hdrs = resp.status, resp.read(), resp.headers
    except urllib.error.HTTPError as e:
        status, raw, hdrs = e.code, e.read(), e.headers
    parsed = json.loads(raw) if raw.strip() else {}
    return Reply(status, parsed, {k.lower(): v for k, v in hdrs.items()})


def claims(token: str) -> dict[str, Any]:
    payload = token.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))


def unique_email(prefix: str = "user") -> str:
    return f"{prefix}-{uuid.uuid4().hex[:10]}@example.com"


@dataclass
class Emulator:
    """A running server.py process and what it printed."""

    proc: subprocess.Popen[str]
    lines: list[str] = field(default_factory=list)
    ready: threading.Event = field(default_factory=threading.Event)
    url: str = ""

    def _pump(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.append(line.rstrip("\n"))
            if line.startswith("local Cognito ready on "):
                self.url = line.split()[4]
                self.ready.set()

    @classmethod
    def start(cls, *args: str, env: dict[str, str] | None = None) -> Emulator:
        clean = {k: v for k, v in os.environ.items() if not k.startswith("LOCAL_COGNITO_")}
        proc = subprocess.Popen(
            [sys.executable, str(SERVER), "--port", "0", *args],
            stdout=subprocess.PIPE,
            text=True,
            env={**clean, **(env or {})},
        )
        emu = cls(proc)
        threading.Thread(target=emu._pump, daemon=True).start()
        if not emu.ready.wait(30):
            proc.kill()
            raise RuntimeError(f"emulator did not start: {emu.lines}")
        return emu

    def stop(self) -> int:
        self.proc.send_signal(signal.SIGTERM)
        return self.proc.wait(10)

    def wait_for_line(self, text: str, timeout: float = 3) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for line in self.lines:
                if text in line:
                    return line
            time.sleep(0.02)
        raise AssertionError(f"no output line containing {text!r}")


class Client:
    """Cognito calls the way the frontend makes them, plus the /_local/ API."""

    def __init__(self, url: str, config: dict[str, str]) -> None:
        self.url = url
        self.config = config
        self.client_id = config["clientId"]
        self.pool_id = config["userPoolId"]

    def call(self, action: str, **body: Any) -> Reply:
        headers = {
            "X-Amz-Target": f"AWSCognitoIdentityProviderService.{action}",
            "Content-Type": "application/x-amz-json-1.1",
        }
        return http("POST", self.url, json.dumps(body).encode(), headers)

    def local(self, path: str, body: dict[str, Any] | None = None) -> Reply:
        if body is None:
            return http("GET", self.url + "_local/" + path)
        headers = {"Content-Type": "application/json"}
        return http("POST", self.url + "_local/" + path, json.dumps(body).encode(), headers)

    # Common flows

    def sign_up(self, email: str, password: str = PASSWORD) -> Reply:
        return self.call("SignUp", ClientId=self.client_id, Username=email, Password=password)

    def code(self, email: str, purpose: str = "signUp") -> str:
        reply = self.local(f"codes/{email}?purpose={purpose}")
        assert reply.status == 200, reply.body
        return reply.body["code"]

    def confirm(self, email: str, code: str) -> Reply:
        return self.call("ConfirmSignUp", ClientId=self.client_id, Username=email, ConfirmationCode=code)

    def sign_in(self, email: str, password: str = PASSWORD) -> Reply:
        return self.call(
            "InitiateAuth",
            ClientId=self.client_id,
            AuthFlow="USER_PASSWORD_AUTH",
            AuthParameters={"USERNAME": email, "PASSWORD": password},
        )

    def refresh(self, refresh_token: str) -> Reply:
        return self.call("GetTokensFromRefreshToken", ClientId=self.client_id, RefreshToken=refresh_token)

    def refresh_with_initiate_auth(self, refresh_token: str) -> Reply:
        """The older refresh, which app clients that rotate refresh tokens refuse."""
        return self.call(
            "InitiateAuth",
            ClientId=self.client_id,
            AuthFlow="REFRESH_TOKEN_AUTH",
            AuthParameters={"REFRESH_TOKEN": refresh_token},
        )

    def confirmed_user(self, prefix: str = "user") -> tuple[str, dict[str, Any]]:
        """A signed-up, confirmed and signed-in user: (email, AuthenticationResult)."""
        email = unique_email(prefix)
        assert self.sign_up(email).status == 200
        assert self.confirm(email, self.code(email)).status == 200
        reply = self.sign_in(email)
        assert reply.status == 200, reply.body
        return email, reply.body["AuthenticationResult"]


@pytest.fixture(scope="session")
def emulator(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Emulator]:
    config_path = tmp_path_factory.mktemp("cfg") / "cognito.json"
    emu = Emulator.start("--write-config", str(config_path))
    emu.config_path = config_path  # type: ignore[attr-defined]
    yield emu
    emu.stop()


@pytest.fixture(scope="session")
def session_client(emulator: Emulator) -> Client:
    config = json.loads(emulator.config_path.read_text())  # type: ignore[attr-defined]
    return Client(emulator.url, config)


@pytest.fixture
def cognito(session_client: Client) -> Iterator[Client]:
    """The client, with runtime settings put back to defaults after each test."""
    yield session_client
    assert session_client.local("settings", DEFAULT_SETTINGS).status == 200


def serve(config_dir: Path, *args: str) -> tuple[Emulator, Client]:
    """Another server, started with these arguments, and a client for the config it wrote."""
    config_path = config_dir / "cognito.json"
    emu = Emulator.start("--write-config", str(config_path), *args)
    return emu, Client(emu.url, json.loads(config_path.read_text()))


@pytest.fixture(scope="session")
def non_rotating(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Client]:
    """A second server whose app client keeps refresh tokens (RefreshTokenRotation=DISABLED)."""
    emu, client = serve(tmp_path_factory.mktemp("cfg"), "--param", "RefreshTokenRotation=DISABLED")
    yield client
    emu.stop()


# A placeholder SES identity: the local pool sends no email, but Cognito's email MFA needs the
# pool's email to go through SES (EmailSendingAccount DEVELOPER), so the template wants one.
SES_ARN = "arn:aws:ses:ap-northeast-1:123456789012:identity/example.com"


@pytest.fixture(scope="session")
def mfa_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Emulator, Client]]:
    """A server whose pool starts with MFA ON (TOTP and email) from the template."""
    emu, client = serve(
        tmp_path_factory.mktemp("cfg"), "--param", "MfaConfiguration=ON", "--param", f"SesSourceArn={SES_ARN}"
    )
    yield emu, client
    emu.stop()


@pytest.fixture
def mfa(mfa_server: tuple[Emulator, Client]) -> Iterator[Client]:
    """The MFA server's client; each test sets the MFA configuration it needs, and MFA is OFF
    again after it."""
    client = mfa_server[1]
    yield client
    assert client.call("SetUserPoolMfaConfig", UserPoolId=client.pool_id, MfaConfiguration="OFF").status == 200


# The pool `make dev PASSKEYS=1` starts: passwords, emailed codes and passkeys for localhost.
PASSKEY_PARAMS = (
    "--param",
    "AllowedFirstAuthFactors=PASSWORD,EMAIL_OTP,WEB_AUTHN",
    "--param",
    "WebAuthnRelyingPartyId=localhost",
    "--param",
    f"SesSourceArn={SES_ARN}",
)


@pytest.fixture(scope="session")
def passkey_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Emulator, Client]]:
    """A server whose pool allows choice-based sign-in with passwords, emailed codes and passkeys."""
    emu, client = serve(tmp_path_factory.mktemp("cfg"), *PASSKEY_PARAMS)
    yield emu, client
    emu.stop()


@pytest.fixture
def passkeys(passkey_server: tuple[Emulator, Client]) -> Iterator[Client]:
    """The passkey server's client; MFA is OFF and the settings are the defaults after each test."""
    client = passkey_server[1]
    yield client
    assert client.call("SetUserPoolMfaConfig", UserPoolId=client.pool_id, MfaConfiguration="OFF").status == 200
    assert client.local("settings", DEFAULT_SETTINGS).status == 200

"""What the MFA tests share: switching the pool's MFA the way an e2e test does, authenticator
codes computed with pyotp from the secret the server handed out, and challenge answers."""

from __future__ import annotations

import time
from typing import Any

import pyotp

from conftest import Client, Reply

SMS_CONFIG = {"SnsCallerArn": "arn:aws:iam::123456789012:role/cognito-sms", "ExternalId": "local"}
METHOD_BLOCKS: dict[str, tuple[str, dict[str, Any]]] = {
    "SOFTWARE_TOKEN_MFA": ("SoftwareTokenMfaConfiguration", {"Enabled": True}),
    "EMAIL_OTP": ("EmailMfaConfiguration", {}),
    "SMS_MFA": ("SmsMfaConfiguration", {"SmsConfiguration": SMS_CONFIG}),
}
SETTINGS = {"SOFTWARE_TOKEN_MFA": "SoftwareTokenMfaSettings", "EMAIL_OTP": "EmailMfaSettings", "SMS_MFA": "SMSMfaSettings"}


def set_mfa(client: Client, mode: str, *methods: str) -> Reply:
    """SetUserPoolMfaConfig, e.g. set_mfa(c, "OPTIONAL", "SOFTWARE_TOKEN_MFA", "EMAIL_OTP")."""
    body: dict[str, Any] = {"UserPoolId": client.pool_id, "MfaConfiguration": mode}
    for method in methods:
        member, value = METHOD_BLOCKS[method]
        body[member] = value
    return client.call("SetUserPoolMfaConfig", **body)


def totp(secret: str, steps: int = 0) -> str:
    """The code for the 30-second step `steps` away from now."""
    return pyotp.TOTP(secret).at(time.time() + 30 * steps)


def respond(client: Client, name: str, session: str, username: str, **answers: str) -> Reply:
    return client.call(
        "RespondToAuthChallenge",
        ClientId=client.client_id,
        ChallengeName=name,
        Session=session,
        ChallengeResponses={"USERNAME": username, **answers},
    )


def add_authenticator(client: Client, access_token: str, name: str | None = None) -> str:
    """A signed-in user associates and verifies an authenticator app (with the current step's
    code); the secret."""
    secret = client.call("AssociateSoftwareToken", AccessToken=access_token).body["SecretCode"]
    extra = {"FriendlyDeviceName": name} if name else {}
    reply = client.call("VerifySoftwareToken", AccessToken=access_token, UserCode=totp(secret), **extra)
    assert reply.body == {"Status": "SUCCESS"}, reply.body
    return secret


def prefer(client: Client, access_token: str, *enabled: str, preferred: str | None = None) -> Reply:
    """SetUserMFAPreference turning the given methods on (and one preferred)."""
    body = {
        SETTINGS[method]: {"Enabled": True, "PreferredMfa": method == preferred} for method in enabled
    }
    return client.call("SetUserMFAPreference", AccessToken=access_token, **body)


def mfa_code(client: Client, address: str) -> str:
    reply = client.local(f"codes/{address}?purpose=mfa")
    assert reply.status == 200, reply.body
    return reply.body["code"]

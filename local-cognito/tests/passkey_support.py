"""What the passkey tests share: a software authenticator that answers WebAuthn the way a
browser with a platform authenticator does (an ES256 key per credential, authenticator data
with the RP ID hash, flags and signature counter, none attestation in CBOR), built from
cryptography and cbor2 so the server's verification is checked against independent bytes; and
the choice-based sign-in calls."""

from __future__ import annotations

import base64
import hashlib
import json
import struct
from dataclasses import dataclass
from typing import Any

import cbor2
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec

from conftest import Client, Reply

ORIGIN = "http://localhost:8080"
RP_ID = "localhost"
# authenticator data flags (WebAuthn §6.1)
USER_PRESENT, USER_VERIFIED, ATTESTED = 0x01, 0x04, 0x40


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def unb64url(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def client_data(kind: str, challenge: str, origin: str) -> bytes:
    return json.dumps({"type": kind, "challenge": challenge, "origin": origin, "crossOrigin": False}).encode()


@dataclass
class SoftCredential:
    credential_id: bytes
    key: ec.EllipticCurvePrivateKey
    user_handle: str
    counter: int = 0


class SoftAuthenticator:
    """One authenticator; it may hold several credentials."""

    def __init__(self, user_verifying: bool = True) -> None:
        self.user_verifying = user_verifying
        self.credentials: dict[str, SoftCredential] = {}

    def flags(self) -> int:
        return USER_PRESENT | (USER_VERIFIED if self.user_verifying else 0)

    def create(
        self,
        options: dict[str, Any],
        origin: str = ORIGIN,
        rp_id: str | None = None,
        statement: tuple[str, dict[str, Any]] | None = None,
    ) -> dict[str, Any]:
        """navigator.credentials.create() then toJSON(): a RegistrationResponseJSON object. rp_id
        overrides the one the options name, as a page of another site would; statement is the
        attestation's format and statement, "none" unless given, and ("packed", {}) is packed
        self-attestation signed by the new key."""
        key = ec.generate_private_key(ec.SECP256R1())
        numbers = key.public_key().public_numbers()
        cose_key = cbor2.dumps({1: 2, 3: -7, -1: 1, -2: numbers.x.to_bytes(32, "big"), -3: numbers.y.to_bytes(32, "big")})
        credential_id = hashlib.sha256(cose_key).digest()[:20]
        auth_data = (
            hashlib.sha256((rp_id or options["rp"]["id"]).encode()).digest()
            + bytes([self.flags() | ATTESTED])
            + struct.pack(">I", 0)
            + bytes(16)  # AAGUID: none attestation zeroes it
            + struct.pack(">H", len(credential_id))
            + credential_id
            + cose_key
        )
        data = client_data("webauthn.create", options["challenge"], origin)
        fmt, att_stmt = statement or ("none", {})
        if (fmt, att_stmt) == ("packed", {}):
            signature = key.sign(auth_data + hashlib.sha256(data).digest(), ec.ECDSA(hashes.SHA256()))
            att_stmt = {"alg": -7, "sig": signature}
        attestation = cbor2.dumps({"fmt": fmt, "attStmt": att_stmt, "authData": auth_data})
        text_id = b64url(credential_id)
        self.credentials[text_id] = SoftCredential(credential_id, key, options["user"]["id"])
        return {
            "id": text_id,
            "rawId": text_id,
            "type": "public-key",
            "authenticatorAttachment": "platform",
            "clientExtensionResults": {"credProps": {"rk": True}},
            "response": {
                "clientDataJSON": b64url(data),
                "attestationObject": b64url(attestation),
                "transports": ["hybrid", "internal"],
            },
        }

    def get(
        self,
        options_json: str,
        origin: str = ORIGIN,
        rp_id: str = RP_ID,
        credential_id: str | None = None,
        counter: int | None = None,
        forge: bool = False,
    ) -> str:
        """navigator.credentials.get() then JSON.stringify(credential.toJSON()), as amplify-js
        sends it. counter overrides the next counter value; forge signs with another key."""
        options = json.loads(options_json)
        chosen = credential_id or next(c["id"] for c in options["allowCredentials"] if c["id"] in self.credentials)
        credential = self.credentials[chosen]
        credential.counter = credential.counter + 1 if counter is None else counter
        auth_data = hashlib.sha256(rp_id.encode()).digest() + bytes([self.flags()]) + struct.pack(">I", credential.counter)
        data = client_data("webauthn.get", options["challenge"], origin)
        key = ec.generate_private_key(ec.SECP256R1()) if forge else credential.key
        signature = key.sign(auth_data + hashlib.sha256(data).digest(), ec.ECDSA(hashes.SHA256()))
        return json.dumps(
            {
                "id": chosen,
                "rawId": chosen,
                "type": "public-key",
                "authenticatorAttachment": "platform",
                "clientExtensionResults": {},
                "response": {
                    "clientDataJSON": b64url(data),
                    "authenticatorData": b64url(auth_data),
                    "signature": b64url(signature),
                    "userHandle": credential.user_handle,
                },
            }
        )


def user_auth(client: Client, username: str, **params: str) -> Reply:
    """InitiateAuth USER_AUTH, e.g. user_auth(c, email, PREFERRED_CHALLENGE="EMAIL_OTP")."""
    return client.call(
        "InitiateAuth", ClientId=client.client_id, AuthFlow="USER_AUTH", AuthParameters={"USERNAME": username, **params}
    )


def answer(client: Client, name: str, session: str, username: str, **answers: str) -> Reply:
    return client.call(
        "RespondToAuthChallenge",
        ClientId=client.client_id,
        ChallengeName=name,
        Session=session,
        ChallengeResponses={"USERNAME": username, **answers},
    )


def register_passkey(client: Client, access_token: str, authenticator: SoftAuthenticator) -> str:
    """Start and complete a registration; the new credential's id."""
    options = client.call("StartWebAuthnRegistration", AccessToken=access_token).body["CredentialCreationOptions"]
    credential = authenticator.create(options)
    reply = client.call("CompleteWebAuthnRegistration", AccessToken=access_token, Credential=credential)
    assert reply.status == 200 and reply.body == {}, reply.body
    return str(credential["id"])


def passkey_sign_in(client: Client, email: str, authenticator: SoftAuthenticator, **overrides: Any) -> Reply:
    """USER_AUTH with PREFERRED_CHALLENGE WEB_AUTHN, answered by the authenticator."""
    challenge = user_auth(client, email, PREFERRED_CHALLENGE="WEB_AUTHN").body
    assert challenge["ChallengeName"] == "WEB_AUTHN", challenge
    credential = authenticator.get(challenge["ChallengeParameters"]["CREDENTIAL_REQUEST_OPTIONS"], **overrides)
    return answer(client, "WEB_AUTHN", challenge["Session"], email, CREDENTIAL=credential)


def otp_code(client: Client, address: str) -> str:
    reply = client.local(f"codes/{address}?purpose=otp")
    assert reply.status == 200, reply.body
    return str(reply.body["code"])

"""Passkeys (WebAuthn): the options a browser needs to create or use one, and the real
verification of what it sends back (py_webauthn: challenge, origin, RP ID hash, attestation,
signature, user verification, signature counter), with the error Cognito names for each
failure. Each user's passkeys are kept here by (pool id, internal username)."""

from __future__ import annotations

import hashlib
import json
import secrets
import time
from dataclasses import dataclass, field
from typing import Any

from webauthn import verify_authentication_response, verify_registration_response
from webauthn.helpers import (
    bytes_to_base64url,
    parse_attestation_object,
    parse_authentication_credential_json,
    parse_authenticator_data,
    parse_client_data_json,
    parse_registration_credential_json,
)
from webauthn.helpers.exceptions import WebAuthnException
from webauthn.helpers.structs import ClientDataType, CollectedClientData

from .errors import CognitoError
from .sign_in_policy import PoolWebAuthn, origin_allowed

# How long StartWebAuthnRegistration's challenge can be answered (its `timeout`); Cognito's
# figure is not documented.
REGISTRATION_SECONDS = 300
# ES256 and RS256: what platform authenticators and security keys create.
PUB_KEY_CRED_PARAMS = [{"type": "public-key", "alg": -7}, {"type": "public-key", "alg": -257}]

# The descriptions of these exceptions in Cognito's API reference, as no AWS source quotes their
# messages.
MSG_CHALLENGE_NOT_FOUND = "The challenge from StartWebAuthnRegistration has expired or was not found."
MSG_CLIENT_MISMATCH = (
    "The access token is for a different client than the one in the original StartWebAuthnRegistration request."
)
MSG_ORIGIN_NOT_ALLOWED = "The passkey credential's registration origin does not align with the user pool relying party id."
MSG_RP_MISMATCH = (
    "The passkey credential is associated with a different relying party ID than the user pool relying party ID."
)
MSG_NOT_SUPPORTED = "The passkey credential is from an unsupported device or provider."
# No AWS source quotes these: a credential that is not RegistrationResponseJSON /
# AuthenticationResponseJSON, one registered already, and (RespondToAuthChallenge can only answer
# NotAuthorizedException for a passkey that does not prove the user) each way an assertion fails.
MSG_BAD_REGISTRATION = "Credential is not a valid RegistrationResponseJSON."
MSG_BAD_ASSERTION = "CREDENTIAL is not a valid AuthenticationResponseJSON."
MSG_ALREADY_REGISTERED = "The passkey credential is already registered."
MSG_UNKNOWN_PASSKEY = "The passkey credential is not registered for the user."
MSG_WRONG_CHALLENGE = "The passkey credential does not answer the challenge of this session."
MSG_ASSERTION_ORIGIN = "The passkey credential's origin does not align with the user pool relying party id."
MSG_ASSERTION_RP = "The passkey credential is associated with a different relying party ID than the user pool relying party ID."
MSG_NOT_VERIFIED = "The user pool requires user verification, and the passkey did not verify the user."
MSG_COUNTER = "The passkey's signature counter did not increase: the credential may have been cloned."
MSG_BAD_SIGNATURE = "The passkey credential's signature is not valid."


@dataclass
class Passkey:
    credential_id: bytes
    public_key: bytes  # COSE
    sign_count: int
    relying_party_id: str
    created_at: float
    transports: list[str] = field(default_factory=list)
    attachment: str | None = None

    def id_text(self) -> str:
        return bytes_to_base64url(self.credential_id)

    def descriptor(self) -> dict[str, Any]:
        """As excludeCredentials and allowCredentials name it."""
        result: dict[str, Any] = {"type": "public-key", "id": self.id_text()}
        if self.transports:
            result["transports"] = self.transports
        return result

    def to_json(self) -> dict[str, Any]:
        """WebAuthnCredentialDescription. Cognito names a passkey after its provider; the local
        pool knows no providers' AAGUIDs, so every passkey is called "Passkey"."""
        result: dict[str, Any] = {
            "CredentialId": self.id_text(),
            "FriendlyCredentialName": "Passkey",
            "RelyingPartyId": self.relying_party_id,
            "AuthenticatorTransports": self.transports,
            "CreatedAt": self.created_at,
        }
        if self.attachment:
            result["AuthenticatorAttachment"] = self.attachment
        return result


@dataclass
class PendingRegistration:
    challenge: bytes
    client_id: str
    expires: float


class Passkeys:
    def __init__(self) -> None:
        self.by_user: dict[tuple[str, str], list[Passkey]] = {}
        self.pending: dict[tuple[str, str], PendingRegistration] = {}

    def of(self, pool_id: str, username: str, relying_party_id: str | None = None) -> list[Passkey]:
        """The user's passkeys, oldest first; with a relying-party ID only those made for it."""
        keys = self.by_user.get((pool_id, username), [])
        return [key for key in keys if relying_party_id is None or key.relying_party_id == relying_party_id]

    def delete(self, pool_id: str, username: str, credential_id: str) -> bool:
        keys = self.by_user.get((pool_id, username), [])
        kept = [key for key in keys if key.id_text() != credential_id]
        self.by_user[(pool_id, username)] = kept
        return len(kept) != len(keys)

    # --- registration ---

    def creation_options(
        self, pool_id: str, pool_name: str, username: str, user_name: str, client_id: str, config: PoolWebAuthn
    ) -> dict[str, Any]:
        """StartWebAuthnRegistration's CredentialCreationOptions (PublicKeyCredentialCreationOptionsJSON).
        A new start replaces the user's unanswered one."""
        challenge = secrets.token_bytes(32)
        self.pending[(pool_id, username)] = PendingRegistration(challenge, client_id, time.time() + REGISTRATION_SECONDS)
        return {
            "challenge": bytes_to_base64url(challenge),
            "rp": {"id": config.relying_party_id, "name": pool_name},
            # The user handle is the internal username (the sub), which never changes.
            "user": {"id": bytes_to_base64url(username.encode()), "name": user_name, "displayName": user_name},
            "pubKeyCredParams": PUB_KEY_CRED_PARAMS,
            "timeout": REGISTRATION_SECONDS * 1000,
            "excludeCredentials": [key.descriptor() for key in self.of(pool_id, username, config.relying_party_id)],
            # A passkey is a discoverable credential.
            "authenticatorSelection": {
                "residentKey": "required",
                "requireResidentKey": True,
                "userVerification": config.user_verification,
            },
            "attestation": "none",
            "extensions": {"credProps": True},
        }

    def register(self, pool_id: str, username: str, client_id: str, config: PoolWebAuthn, credential: Any) -> Passkey:
        """CompleteWebAuthnRegistration: each check in the order WebAuthn makes them."""
        relying_party_id = str(config.relying_party_id)
        try:
            parsed = parse_registration_credential_json(credential)
            client_data = parse_client_data_json(parsed.response.client_data_json)
            auth_data = parse_attestation_object(parsed.response.attestation_object).auth_data
        except Exception:  # whatever does not parse (JSON, base64url, CBOR, authenticator data)
            raise CognitoError("InvalidParameterException", MSG_BAD_REGISTRATION) from None
        if client_data.type != ClientDataType.WEBAUTHN_CREATE:
            raise CognitoError("InvalidParameterException", MSG_BAD_REGISTRATION)
        pending = self.pending.get((pool_id, username))
        if pending is None or time.time() >= pending.expires or not secrets.compare_digest(pending.challenge, client_data.challenge):
            raise CognitoError("WebAuthnChallengeNotFoundException", MSG_CHALLENGE_NOT_FOUND)
        del self.pending[(pool_id, username)]  # a challenge is answered once, whatever the outcome
        if client_id != pending.client_id:
            raise CognitoError("WebAuthnClientMismatchException", MSG_CLIENT_MISMATCH)
        if not origin_allowed(client_data.origin, relying_party_id):
            raise CognitoError("WebAuthnOriginNotAllowedException", MSG_ORIGIN_NOT_ALLOWED)
        if auth_data.rp_id_hash != hashlib.sha256(relying_party_id.encode()).digest():
            raise CognitoError("WebAuthnRelyingPartyMismatchException", MSG_RP_MISMATCH)
        if any(key.credential_id == parsed.raw_id for keys in self.by_user.values() for key in keys):
            raise CognitoError("InvalidParameterException", MSG_ALREADY_REGISTERED)
        try:
            verified = verify_registration_response(
                credential=parsed,
                expected_challenge=pending.challenge,
                expected_rp_id=relying_party_id,
                expected_origin=client_data.origin,
                require_user_verification=config.user_verification == "required",
            )
        except (WebAuthnException, ValueError, TypeError):
            # an unsupported algorithm or attestation, a broken attestation statement, or no user
            # verification where the pool requires it
            raise CognitoError("WebAuthnCredentialNotSupportedException", MSG_NOT_SUPPORTED) from None
        passkey = Passkey(
            verified.credential_id,
            verified.credential_public_key,
            verified.sign_count,
            relying_party_id,
            time.time(),
            [str(t.value) for t in parsed.response.transports or []],
            parsed.authenticator_attachment.value if parsed.authenticator_attachment else None,
        )
        self.by_user.setdefault((pool_id, username), []).append(passkey)
        return passkey

    # --- sign-in ---

    def request_options(
        self, pool_id: str, username: str, config: PoolWebAuthn, timeout_seconds: int
    ) -> tuple[bytes, str]:
        """A WEB_AUTHN challenge: its bytes, and CREDENTIAL_REQUEST_OPTIONS as the JSON string
        Cognito sends (PublicKeyCredentialRequestOptionsJSON)."""
        challenge = secrets.token_bytes(32)
        options = {
            "challenge": bytes_to_base64url(challenge),
            "timeout": timeout_seconds * 1000,
            "rpId": config.relying_party_id,
            "allowCredentials": [key.descriptor() for key in self.of(pool_id, username, config.relying_party_id)],
            "userVerification": config.user_verification,
        }
        return challenge, json.dumps(options, separators=(",", ":"))

    def authenticate(self, pool_id: str, username: str, config: PoolWebAuthn, challenge: bytes, answer: Any) -> None:
        """A WEB_AUTHN answer's CREDENTIAL (AuthenticationResponseJSON as a string), verified
        against the user's registered passkey; its counter moves on."""
        relying_party_id = str(config.relying_party_id)
        try:
            parsed = parse_authentication_credential_json(json.loads(answer) if isinstance(answer, str) else answer)
            client_data = parse_client_data_json(parsed.response.client_data_json)
            auth_data = parse_authenticator_data(parsed.response.authenticator_data)
        except Exception:  # whatever does not parse (JSON, base64url, authenticator data)
            raise CognitoError("InvalidParameterException", MSG_BAD_ASSERTION) from None
        passkey = next((key for key in self.of(pool_id, username, relying_party_id) if key.credential_id == parsed.raw_id), None)
        if passkey is None:
            raise CognitoError("NotAuthorizedException", MSG_UNKNOWN_PASSKEY)
        check_assertion_context(client_data, challenge, relying_party_id)
        if auth_data.rp_id_hash != hashlib.sha256(relying_party_id.encode()).digest():
            raise CognitoError("NotAuthorizedException", MSG_ASSERTION_RP)
        if config.user_verification == "required" and not auth_data.flags.uv:
            raise CognitoError("NotAuthorizedException", MSG_NOT_VERIFIED)
        # A counter that stays put or goes back means two copies of the key (WebAuthn §6.1.1);
        # authenticators that keep no counter send 0 every time.
        if (auth_data.sign_count or passkey.sign_count) and auth_data.sign_count <= passkey.sign_count:
            raise CognitoError("NotAuthorizedException", MSG_COUNTER)
        try:
            verified = verify_authentication_response(
                credential=parsed,
                expected_challenge=challenge,
                expected_rp_id=relying_party_id,
                expected_origin=client_data.origin,
                credential_public_key=passkey.public_key,
                credential_current_sign_count=passkey.sign_count,
                require_user_verification=config.user_verification == "required",
            )
        except (WebAuthnException, ValueError, TypeError):
            raise CognitoError("NotAuthorizedException", MSG_BAD_SIGNATURE) from None
        passkey.sign_count = verified.new_sign_count


def check_assertion_context(client_data: CollectedClientData, challenge: bytes, relying_party_id: str) -> None:
    if client_data.type != ClientDataType.WEBAUTHN_GET:
        raise CognitoError("InvalidParameterException", MSG_BAD_ASSERTION)
    if not secrets.compare_digest(client_data.challenge, challenge):
        raise CognitoError("NotAuthorizedException", MSG_WRONG_CHALLENGE)
    if not origin_allowed(client_data.origin, relying_party_id):
        raise CognitoError("NotAuthorizedException", MSG_ASSERTION_ORIGIN)

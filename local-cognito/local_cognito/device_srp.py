"""Sign-in with a remembered device. After the password, a DEVICE_KEY of the user's confirmed
device leads to DEVICE_SRP_AUTH ({USERNAME, DEVICE_KEY, SRP_A}) and DEVICE_PASSWORD_VERIFIER
(signed as in PASSWORD_VERIFIER), with the device group key in place of the pool name, the
device key in place of the username, and the verifier ConfirmDevice stored (as
amazon-cognito-identity-js's generateHashDevice makes it). amplify-js asks for DEVICE_SRP_AUTH
right after the password and MFA (if due) after the device proof."""

from __future__ import annotations

import base64
import hmac
import secrets
import time
from dataclasses import dataclass
from typing import Any

from moto.cognitoidp.models import CognitoIdpUser, CognitoIdpUserPool

from .devices import MSG_NO_DEVICE, Device, DeviceStore, flag, tracking
from .errors import MSG_WRONG_PASSWORD, CognitoError
from .sessions import ChallengeSession, Sessions
from .srp import (
    SRP_CLOCK_SKEW_SECONDS, SRP_G, SRP_K, SRP_N, parse_srp_a, srp_hash, srp_key, srp_pad, srp_signature,
    srp_timestamp_time,
)

DEVICE_CHALLENGES = ("DEVICE_SRP_AUTH", "DEVICE_PASSWORD_VERIFIER")


@dataclass
class DeviceProof:
    """What DEVICE_PASSWORD_VERIFIER's answer is checked against."""

    large_a: int
    small_b: int
    large_b: int
    secret_block: str


class DeviceSignIn:
    def __init__(self, store: DeviceStore, sessions: Sessions) -> None:
        self.store = store
        self.sessions = sessions

    def after_password(self, pool: CognitoIdpUserPool, client_id: str, user: CognitoIdpUser, key: Any) -> dict[str, Any] | None:
        """DEVICE_SRP_AUTH when the sign-in names the user's confirmed device; None when it
        names no device or one not yet confirmed; Cognito's error for a key it does not know."""
        if not key or tracking(pool) is None:
            return None
        device = self.store.of_user(pool.id, user.username, key)
        if device is None:
            raise CognitoError("ResourceNotFoundException", MSG_NO_DEVICE)
        if not device.confirmed:
            return None
        session = self.sessions.open(pool, client_id, user.username, "DEVICE_SRP_AUTH", device_key=device.key)
        return {"ChallengeName": "DEVICE_SRP_AUTH", "Session": session.token, "ChallengeParameters": {}}

    def answer_srp_auth(self, pool: CognitoIdpUserPool, user: CognitoIdpUser, session: ChallengeSession, answers: dict[str, Any]) -> dict[str, Any]:
        """DEVICE_SRP_AUTH's answer: the server's half of device SRP."""
        device = self.device(pool, user, session, answers)
        large_a = parse_srp_a(answers.get("SRP_A"))
        assert device.verifier is not None and device.salt is not None
        small_b = secrets.randbits(1024)
        large_b = (SRP_K * device.verifier + pow(SRP_G, small_b, SRP_N)) % SRP_N
        block = base64.b64encode(secrets.token_bytes(96)).decode()
        session.used = True
        following = self.sessions.open(
            pool, session.client_id, user.username, "DEVICE_PASSWORD_VERIFIER",
            device_key=device.key, device_proof=DeviceProof(large_a, small_b, large_b, block),
        )
        parameters = {
            "SRP_B": format(large_b, "x"),
            "SALT": format(device.salt, "x"),
            "SECRET_BLOCK": block,
            "USERNAME": user.username,
            "USER_ID_FOR_SRP": user.username,
        }
        return {"ChallengeName": "DEVICE_PASSWORD_VERIFIER", "Session": following.token, "ChallengeParameters": parameters}

    def answer_verifier(self, pool: CognitoIdpUserPool, user: CognitoIdpUser, session: ChallengeSession, answers: dict[str, Any]) -> bool:
        """DEVICE_PASSWORD_VERIFIER's answer, checked; whether it skips MFA (a remembered device
        in a pool whose ChallengeRequiredOnNewDevice lets devices stand in for MFA)."""
        device = self.device(pool, user, session, answers)
        proof = session.device_proof
        assert isinstance(proof, DeviceProof) and device.verifier is not None
        if answers.get("PASSWORD_CLAIM_SECRET_BLOCK") != proof.secret_block:
            raise CognitoError("NotAuthorizedException", MSG_WRONG_PASSWORD)
        timestamp = answers.get("TIMESTAMP")
        signed_at = srp_timestamp_time(timestamp) if isinstance(timestamp, str) else None
        if signed_at is None or abs(time.time() - signed_at) > SRP_CLOCK_SKEW_SECONDS:
            raise CognitoError("NotAuthorizedException", MSG_WRONG_PASSWORD)
        u = srp_hash(srp_pad(proof.large_a), srp_pad(proof.large_b))
        premaster = pow(proof.large_a * pow(device.verifier, u, SRP_N), proof.small_b, SRP_N)
        expected = srp_signature(
            srp_key(premaster, u), device.group_key, device.key, base64.b64decode(proof.secret_block), str(timestamp)
        )
        claimed = answers.get("PASSWORD_CLAIM_SIGNATURE")
        if u == 0 or not isinstance(claimed, str) or not hmac.compare_digest(claimed, expected):
            raise CognitoError("NotAuthorizedException", MSG_WRONG_PASSWORD)
        device.last_authenticated = time.time()
        return device.remembered and flag(tracking(pool) or {}, "ChallengeRequiredOnNewDevice")

    def device(self, pool: CognitoIdpUserPool, user: CognitoIdpUser, session: ChallengeSession, answers: dict[str, Any]) -> Device:
        """The session's device, still there, and named by the answer."""
        if not answers.get("DEVICE_KEY"):
            raise CognitoError("InvalidParameterException", "Missing required parameter DEVICE_KEY")
        device = self.store.of_user(pool.id, user.username, session.device_key)
        if device is None or not device.confirmed:
            raise CognitoError("ResourceNotFoundException", MSG_NO_DEVICE)
        if answers["DEVICE_KEY"] != device.key:
            raise CognitoError("NotAuthorizedException", MSG_WRONG_PASSWORD)
        return device

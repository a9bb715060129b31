"""Challenge sessions (choosing and answering a first factor, MFA challenges, MFA setup, signing
in after sign-up) as Cognito keeps them:
each lives the app client's AuthSessionValidity from when it was handed out, and each is used
once. A wrong answer leaves a session as it was: in a real pool six wrong email codes in a row
were each answered CodeMismatchException and the session still took the right one, so no
attempt limit is imposed here either."""

from __future__ import annotations

import secrets
import time
from dataclasses import dataclass, field

from moto.cognitoidp.models import CognitoIdpUserPool

from .errors import MSG_STALE_SESSION, CognitoError

MSG_SESSION_USED = "Invalid session for the user, session can only be used once."
# A session for another app client, another user, or another kind of request.
MSG_SESSION_INVALID = "Invalid session for the user."
DEFAULT_VALIDITY_MINUTES = 3  # Cognito's AuthSessionValidity when an app client sets none
KEEP_USED_SECONDS = 3600  # how long a finished session is remembered (to name its reuse)


@dataclass
class ChallengeSession:
    token: str
    pool_id: str
    client_id: str
    username: str  # the internal username
    challenge: str  # the ChallengeName the session waits for
    expires: float
    # MFA_SETUP: "" at first, "associated" after AssociateSoftwareToken, "verified" after
    # VerifySoftwareToken; EMAIL_OTP: "email" when the code proves an address being set up.
    stage: str = ""
    choices: list[str] = field(default_factory=list)  # MFAS_CAN_CHOOSE / MFAS_CAN_SETUP
    code: str | None = None  # an SMS or email code sent for this session
    address: str | None = None  # where that code went
    purpose: str = "mfa"  # which codes that one is among: "mfa", or "otp" for a first factor
    webauthn_challenge: bytes | None = None  # WEB_AUTHN: the challenge the passkey must sign
    secret: str | None = None  # the TOTP secret being set up
    device_key: str | None = None  # the device the sign-in names (NewDeviceMetadata comes without one)
    device_proof: object | None = None  # DEVICE_PASSWORD_VERIFIER: device_srp.DeviceProof
    used: bool = False


def validity_seconds(pool: CognitoIdpUserPool, client_id: str) -> int:
    minutes = pool.clients[client_id].extended_config.get("AuthSessionValidity") or DEFAULT_VALIDITY_MINUTES
    return int(minutes) * 60


class Sessions:
    def __init__(self) -> None:
        self.by_token: dict[str, ChallengeSession] = {}

    def open(self, pool: CognitoIdpUserPool, client_id: str, username: str, challenge: str, **extra: object) -> ChallengeSession:
        now = time.time()
        for token, old in list(self.by_token.items()):
            if old.expires < now - KEEP_USED_SECONDS:
                del self.by_token[token]
        # Cognito's sessions are long opaque strings (JSON's limit for them is 20-4096).
        token = secrets.token_urlsafe(192)
        session = ChallengeSession(
            token, pool.id, client_id, username, challenge, now + validity_seconds(pool, client_id), **extra  # type: ignore[arg-type]
        )
        self.by_token[token] = session
        return session

    def take(self, token: str, client_id: str | None = None) -> ChallengeSession:
        """A session that can still be answered, or Cognito's error for it. client_id is None
        for requests that carry no ClientId (AssociateSoftwareToken, VerifySoftwareToken)."""
        session = self.by_token.get(token)
        if session is None:
            raise CognitoError("NotAuthorizedException", MSG_STALE_SESSION)
        if session.used:
            raise CognitoError("NotAuthorizedException", MSG_SESSION_USED)
        if time.time() >= session.expires:
            raise CognitoError("NotAuthorizedException", MSG_STALE_SESSION)
        if client_id is not None and client_id != session.client_id:
            raise CognitoError("NotAuthorizedException", MSG_SESSION_INVALID)
        return session

    def expire_all(self) -> int:
        """Every open session as if its time had run out; how many there were."""
        now = time.time()
        open_sessions = [s for s in self.by_token.values() if not s.used and s.expires > now]
        for session in open_sessions:
            session.expires = now
        return len(open_sessions)

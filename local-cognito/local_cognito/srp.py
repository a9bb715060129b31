"""Cognito's SRP-6a (USER_SRP_AUTH), the server side.

RFC 3526's 3072-bit group, g = 2, SHA-256, numbers hashed in Java's two's-complement byte form,
and a proof signed with an HKDF-derived key. moto returns random values and accepts any proof;
this checks it as Cognito does."""

from __future__ import annotations

import base64
import datetime
import hashlib
import hmac
import re
import secrets
import time
from dataclasses import dataclass
from typing import Any

from .errors import MSG_STALE_SESSION, MSG_WRONG_PASSWORD, CognitoError

SRP_N = int(
    "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD"
    "EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED"
    "EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F"
    "83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B"
    "E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510"
    "15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7"
    "ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200C"
    "BBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF",
    16,
)
SRP_G = 2
# A PASSWORD_VERIFIER answer is good for this long after InitiateAuth, and its TIMESTAMP may be
# this far from the server's clock either way.
SRP_CHALLENGE_SECONDS = 180
SRP_CLOCK_SKEW_SECONDS = 300
SRP_WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]  # datetime.weekday() order
SRP_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
SRP_TIMESTAMP = re.compile(
    r"(Sun|Mon|Tue|Wed|Thu|Fri|Sat) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) "
    r"([1-9]|[12][0-9]|3[01]) ([01][0-9]|2[0-3]):([0-5][0-9]):([0-5][0-9]) UTC ([0-9]{4})"
)


def srp_pad(n: int) -> bytes:
    """Big-endian bytes of n >= 0 with room for a zero sign bit (Java's BigInteger.toByteArray)."""
    return n.to_bytes(n.bit_length() // 8 + 1, "big")


def srp_hash(*parts: bytes) -> int:
    return int.from_bytes(hashlib.sha256(b"".join(parts)).digest(), "big")


SRP_K = srp_hash(srp_pad(SRP_N), srp_pad(SRP_G))


def srp_x(pool_name: str, user_id: str, password: str, salt: int) -> int:
    """x = H(pad(salt) | H(poolName | userId | ":" | password))."""
    identity = hashlib.sha256(f"{pool_name}{user_id}:{password}".encode()).digest()
    return srp_hash(srp_pad(salt), identity)


def srp_key(premaster: int, u: int) -> bytes:
    """HKDF-SHA256 with salt pad(u), key material pad(S), info "Caldera Derived Key": 16 bytes."""
    prk = hmac.new(srp_pad(u), srp_pad(premaster), hashlib.sha256).digest()
    return hmac.new(prk, b"Caldera Derived Key\x01", hashlib.sha256).digest()[:16]


def srp_signature(key: bytes, pool_name: str, user_id: str, secret_block: bytes, timestamp: str) -> str:
    message = pool_name.encode() + user_id.encode() + secret_block + timestamp.encode()
    return base64.b64encode(hmac.new(key, message, hashlib.sha256).digest()).decode()


def srp_timestamp_time(text: str) -> float | None:
    """Seconds since the epoch of a TIMESTAMP in Cognito's "ddd MMM D HH:mm:ss UTC YYYY" form
    (day not zero-padded, 24-hour clock, weekday matching the date); None for anything else."""
    match = SRP_TIMESTAMP.fullmatch(text)
    if match is None:
        return None
    weekday, month, day, hour, minute, second, year = match.groups()
    try:
        moment = datetime.datetime(
            int(year), SRP_MONTHS.index(month) + 1, int(day), int(hour), int(minute), int(second),
            tzinfo=datetime.timezone.utc,
        )
    except ValueError:  # e.g. Feb 30
        return None
    if SRP_WEEKDAYS[moment.weekday()] != weekday:
        return None
    return moment.timestamp()


@dataclass
class SrpChallenge:
    """What the server keeps between InitiateAuth and the PASSWORD_VERIFIER answer."""

    moto_session: str
    pool_id: str
    pool_name: str
    username: str
    large_a: int
    small_b: int
    large_b: int
    verifier: int
    issued: float


def parse_srp_a(value: Any) -> int:
    """SRP_A as a number; Cognito refuses one that is not hex or is 0 mod N."""
    large_a = int(value, 16) if isinstance(value, str) and re.fullmatch(r"[0-9a-fA-F]+", value) else 0
    if large_a % SRP_N == 0:
        raise CognitoError("InvalidParameterException", "SRP_A must be a non-zero hex number modulo N.")
    return large_a


class SrpChallenges:
    """PASSWORD_VERIFIER challenges by SECRET_BLOCK: each answered once, within
    SRP_CHALLENGE_SECONDS."""

    def __init__(self) -> None:
        self.by_block: dict[str, SrpChallenge] = {}

    def open(self, pool_id: str, username: str, password: str, large_a: int, moto_session: str) -> dict[str, str]:
        """A new challenge for a user whose password moto stores; its ChallengeParameters."""
        now = time.time()
        for block, old in list(self.by_block.items()):
            if now - old.issued > SRP_CHALLENGE_SECONDS:
                del self.by_block[block]
        salt_hex = secrets.token_bytes(16).hex()  # may start with 0s, as Cognito's can
        pool_name = pool_id.split("_", 1)[1]
        verifier = pow(SRP_G, srp_x(pool_name, username, password, int(salt_hex, 16)), SRP_N)
        small_b = secrets.randbits(1024)
        large_b = (SRP_K * verifier + pow(SRP_G, small_b, SRP_N)) % SRP_N
        secret_block = base64.b64encode(secrets.token_bytes(96)).decode()
        self.by_block[secret_block] = SrpChallenge(
            moto_session=moto_session,
            pool_id=pool_id,
            pool_name=pool_name,
            username=username,
            large_a=large_a,
            small_b=small_b,
            large_b=large_b,
            verifier=verifier,
            issued=now,
        )
        return {
            "SALT": salt_hex,
            "SRP_B": format(large_b, "x"),
            "SECRET_BLOCK": secret_block,
            "USER_ID_FOR_SRP": username,
            "USERNAME": username,
        }

    def expire_all(self) -> int:
        """Every open challenge as if its time had run out; how many there were."""
        now = time.time()
        still_open = [c for c in self.by_block.values() if now - c.issued <= SRP_CHALLENGE_SECONDS]
        for challenge in still_open:
            challenge.issued = 0.0
        return len(still_open)

    def answer(self, pool_id: str, answers: dict[str, Any]) -> str:
        """Check a PASSWORD_VERIFIER answer (signature, timestamp, one use) and return the moto
        session it stands for; any failure is Cognito's NotAuthorizedException."""
        block = answers.get("PASSWORD_CLAIM_SECRET_BLOCK")
        challenge = self.by_block.pop(block, None) if isinstance(block, str) else None
        if challenge is None or pool_id != challenge.pool_id:
            raise CognitoError("NotAuthorizedException", MSG_WRONG_PASSWORD)
        if time.time() - challenge.issued > SRP_CHALLENGE_SECONDS:
            raise CognitoError("NotAuthorizedException", MSG_STALE_SESSION)
        timestamp = answers.get("TIMESTAMP")
        signed_at = srp_timestamp_time(timestamp) if isinstance(timestamp, str) else None
        if signed_at is None or abs(time.time() - signed_at) > SRP_CLOCK_SKEW_SECONDS:
            raise CognitoError("NotAuthorizedException", MSG_WRONG_PASSWORD)
        if answers.get("USERNAME") != challenge.username:
            raise CognitoError("NotAuthorizedException", MSG_WRONG_PASSWORD)
        u = srp_hash(srp_pad(challenge.large_a), srp_pad(challenge.large_b))
        premaster = pow(challenge.large_a * pow(challenge.verifier, u, SRP_N), challenge.small_b, SRP_N)
        assert isinstance(block, str)
        expected = srp_signature(
            srp_key(premaster, u), challenge.pool_name, challenge.username, base64.b64decode(block), str(timestamp)
        )
        claimed = answers.get("PASSWORD_CLAIM_SIGNATURE")
        if u == 0 or not isinstance(claimed, str) or not hmac.compare_digest(claimed, expected):
            raise CognitoError("NotAuthorizedException", MSG_WRONG_PASSWORD)
        return challenge.moto_session

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
from dataclasses import dataclass

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


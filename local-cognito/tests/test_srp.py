"""USER_SRP_AUTH is verified for real: a proof from the right password signs in, anything else
is refused as Cognito refuses it. The client side used here is written from the protocol and
checked against the public known-answer vector first, so a passing sign-in means the server
speaks Cognito's SRP (the end-to-end tests add the AWS SDK's own client)."""

from __future__ import annotations

import base64
import datetime
import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass
from typing import Any

import pytest

from conftest import PASSWORD, Client, Reply, claims, unique_email

N = int(
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
WRONG = ("NotAuthorizedException", "Incorrect username or password.")


def pad_hex(n: int) -> str:
    """Even-length hex with a leading 00 when the first digit is 8-f."""
    text = format(n, "x")
    text = "0" + text if len(text) % 2 else text
    return "00" + text if text[0] in "89abcdef" else text


def h(hex_text: str) -> int:
    return int(hashlib.sha256(bytes.fromhex(hex_text)).hexdigest(), 16)


K = h(pad_hex(N) + pad_hex(2))


def cognito_timestamp(moment: float) -> str:
    t = datetime.datetime.fromtimestamp(int(moment), datetime.timezone.utc)
    return f"{t:%a %b} {t.day} {t:%H:%M:%S} UTC {t.year}"


@dataclass
class SrpUser:
    """The client half of one attempt, as a browser or the AWS SDK computes it."""

    pool_name: str
    a: int

    @property
    def large_a(self) -> int:
        return pow(2, self.a, N)

    def key(self, user_id: str, password: str, srp_b: str, salt: str) -> bytes:
        b, s = int(srp_b, 16), int(salt, 16)
        u = h(pad_hex(self.large_a) + pad_hex(b))
        identity = hashlib.sha256(f"{self.pool_name}{user_id}:{password}".encode()).hexdigest()
        x = h(pad_hex(s) + identity)
        premaster = pow((b - K * pow(2, x, N)) % N, self.a + u * x, N)
        prk = hmac.new(bytes.fromhex(pad_hex(u)), bytes.fromhex(pad_hex(premaster)), hashlib.sha256).digest()
        return hmac.new(prk, b"Caldera Derived Key\x01", hashlib.sha256).digest()[:16]

    def signature(self, params: dict[str, str], password: str, timestamp: str) -> str:
        user_id = params["USER_ID_FOR_SRP"]
        key = self.key(user_id, password, params["SRP_B"], params["SALT"])
        message = (
            self.pool_name.encode() + user_id.encode() + base64.b64decode(params["SECRET_BLOCK"]) + timestamp.encode()
        )
        return base64.b64encode(hmac.new(key, message, hashlib.sha256).digest()).decode()


def test_the_client_helper_reproduces_the_public_vector() -> None:
    assert format(K, "x") == "538282c4354742d7cbbde2359fcf67f9f5b3a6b08791e5011b43b8a5b66d9ee6"
    user = SrpUser("myPool", 0x499602D2)
    params = {
        "USER_ID_FOR_SRP": "test",
        "SRP_B": "499602d2",
        "SALT": "499602d2",
        "SECRET_BLOCK": base64.b64encode(b"secretssecrestssecrets").decode(),
    }
    assert user.key("test", "test", "499602d2", "499602d2").hex() == "d96cde6c95dda17175c1293140c5a81f"
    assert user.signature(params, "test", "Tue Jul 10 11:01:00 UTC 2018") == (
        "tdvQu/Li/qWl8Nni0aFPs+MwY4rvKZm0kSMrGIMSUHk="
    )
    assert cognito_timestamp(1546322769) == "Tue Jan 1 06:06:09 UTC 2019"


class Attempt:
    """InitiateAuth USER_SRP_AUTH for one user, ready to answer in various ways."""

    def __init__(self, cognito: Client, email: str) -> None:
        self.cognito = cognito
        self.user = SrpUser(cognito.pool_id.split("_", 1)[1], secrets.randbits(1024))
        self.reply = cognito.call(
            "InitiateAuth",
            ClientId=cognito.client_id,
            AuthFlow="USER_SRP_AUTH",
            AuthParameters={"USERNAME": email, "SRP_A": format(self.user.large_a, "x")},
        )

    @property
    def params(self) -> dict[str, str]:
        return self.reply.body["ChallengeParameters"]

    def answer(
        self,
        password: str = PASSWORD,
        timestamp: str | None = None,
        signature: str | None = None,
        **overrides: str,
    ) -> Reply:
        timestamp = timestamp or cognito_timestamp(time.time())
        responses: dict[str, Any] = {
            "USERNAME": self.params["USER_ID_FOR_SRP"],
            "PASSWORD_CLAIM_SECRET_BLOCK": self.params["SECRET_BLOCK"],
            "TIMESTAMP": timestamp,
            "PASSWORD_CLAIM_SIGNATURE": signature or self.user.signature(self.params, password, timestamp),
        }
        responses.update(overrides)
        body: dict[str, Any] = {
            "ClientId": self.cognito.client_id,
            "ChallengeName": "PASSWORD_VERIFIER",
            "ChallengeResponses": responses,
        }
        if "Session" in self.reply.body:
            body["Session"] = self.reply.body["Session"]
        return self.cognito.call("RespondToAuthChallenge", **body)


def confirmed(cognito: Client, prefix: str) -> tuple[str, str]:
    """A confirmed user: (email, internal username)."""
    email = unique_email(prefix)
    sub = cognito.sign_up(email).body["UserSub"]
    assert cognito.confirm(email, cognito.code(email)).status == 200
    return email, sub


def test_srp_with_the_right_password_signs_in(cognito: Client) -> None:
    email, sub = confirmed(cognito, "srp")
    attempt = Attempt(cognito, email.upper())  # usernames stay case-insensitive
    assert attempt.reply.status == 200, attempt.reply.body
    assert attempt.reply.body["ChallengeName"] == "PASSWORD_VERIFIER"
    params = attempt.params
    assert params["USER_ID_FOR_SRP"] == sub  # the internal username, not the email
    assert len(base64.b64decode(params["SECRET_BLOCK"], validate=True)) >= 32
    assert 0 < int(params["SRP_B"], 16) < N and int(params["SALT"], 16) > 0

    reply = attempt.answer()
    assert reply.status == 200, reply.body
    result = reply.body["AuthenticationResult"]
    assert result["RefreshToken"] and result["ExpiresIn"] == 3600
    assert claims(result["IdToken"])["email"] == email


def test_srp_with_a_wrong_password_is_refused(cognito: Client) -> None:
    email, _ = confirmed(cognito, "srp-wrong")
    for wrong in ("Passw0rd?", PASSWORD.lower(), ""):
        reply = Attempt(cognito, email).answer(password=wrong)
        assert (reply.status, reply.error) == (400, WRONG), wrong


def test_each_attempt_gets_fresh_server_values(cognito: Client) -> None:
    email, _ = confirmed(cognito, "srp-fresh")
    one, two = Attempt(cognito, email).params, Attempt(cognito, email).params
    for name in ("SRP_B", "SALT", "SECRET_BLOCK"):
        assert one[name] != two[name], name


@pytest.mark.parametrize(
    "timestamp",
    [
        "10 minutes ago",
        "10 minutes ahead",
        "zero-padded day",
        "wrong weekday",
        "12-hour clock",
        "ISO 8601",
    ],
)
def test_the_timestamp_is_checked(cognito: Client, timestamp: str) -> None:
    email, _ = confirmed(cognito, "srp-time")
    now = time.time()
    t = datetime.datetime.fromtimestamp(int(now), datetime.timezone.utc)
    text = {
        "10 minutes ago": cognito_timestamp(now - 600),
        "10 minutes ahead": cognito_timestamp(now + 600),
        "zero-padded day": f"{t:%a %b %d %H:%M:%S} UTC {t.year}",
        "wrong weekday": cognito_timestamp(now).replace(f"{t:%a}", "Sun" if f"{t:%a}" != "Sun" else "Mon", 1),
        "12-hour clock": f"{t:%a %b} {t.day} {t:%I:%M:%S %p} UTC {t.year}",
        "ISO 8601": t.isoformat(),
    }[timestamp]
    if timestamp == "zero-padded day" and t.day >= 10:
        text = text.replace(f" {t.day} ", f" 0{t.day} ", 1)
    # Correctly signed, so only the timestamp can be at fault.
    reply = Attempt(cognito, email).answer(timestamp=text)
    assert (reply.status, reply.error) == (400, WRONG), text


def test_a_secret_block_answers_once(cognito: Client) -> None:
    email, _ = confirmed(cognito, "srp-replay")
    attempt = Attempt(cognito, email)
    timestamp = cognito_timestamp(time.time())
    assert attempt.answer(timestamp=timestamp).status == 200
    replay = attempt.answer(timestamp=timestamp)
    assert (replay.status, replay.error) == (400, WRONG)


def test_a_proof_for_another_block_or_user_is_refused(cognito: Client) -> None:
    email, _ = confirmed(cognito, "srp-swap")
    other_email, other_sub = confirmed(cognito, "srp-other")
    attempt = Attempt(cognito, email)
    tampered = base64.b64encode(b"\0" + base64.b64decode(attempt.params["SECRET_BLOCK"])).decode()
    reply = attempt.answer(PASSWORD_CLAIM_SECRET_BLOCK=tampered)
    assert (reply.status, reply.error) == (400, WRONG)

    attempt = Attempt(cognito, email)
    reply = attempt.answer(USERNAME=other_sub)
    assert (reply.status, reply.error) == (400, WRONG)

    # A signature that was right for one challenge says nothing about another.
    first, second = Attempt(cognito, other_email), Attempt(cognito, other_email)
    timestamp = cognito_timestamp(time.time())
    stolen = first.user.signature(first.params, PASSWORD, timestamp)
    reply = second.answer(timestamp=timestamp, signature=stolen)
    assert (reply.status, reply.error) == (400, WRONG)


def test_srp_a_must_be_a_number_not_zero_mod_n(cognito: Client) -> None:
    email, _ = confirmed(cognito, "srp-a")
    for srp_a in ("0", format(N, "x"), format(2 * N, "x"), "not-hex", ""):
        reply = cognito.call(
            "InitiateAuth",
            ClientId=cognito.client_id,
            AuthFlow="USER_SRP_AUTH",
            AuthParameters={"USERNAME": email, "SRP_A": srp_a},
        )
        assert reply.status == 400 and reply.error[0] == "InvalidParameterException", (srp_a, reply.body)


def test_unknown_and_unconfirmed_users_get_the_password_flows_errors(cognito: Client) -> None:
    unknown = Attempt(cognito, unique_email("srp-nobody")).reply
    assert (unknown.status, unknown.error) == (400, ("UserNotFoundException", "User does not exist."))
    email = unique_email("srp-unconfirmed")
    assert cognito.sign_up(email).status == 200
    unconfirmed = Attempt(cognito, email).reply
    assert (unconfirmed.status, unconfirmed.error) == (400, ("UserNotConfirmedException", "User is not confirmed."))


def test_an_admin_created_user_proves_the_temporary_password_then_sets_a_new_one(cognito: Client) -> None:
    email = unique_email("srp-admin")
    created = cognito.call(
        "AdminCreateUser", UserPoolId=cognito.pool_id, Username=email, TemporaryPassword="Temp0rary!"
    )
    assert created.status == 200, created.body
    assert Attempt(cognito, email).answer(password="Wr0ng-temp!").error == WRONG
    reply = Attempt(cognito, email).answer(password="Temp0rary!")
    assert reply.status == 200, reply.body
    assert reply.body["ChallengeName"] == "NEW_PASSWORD_REQUIRED"


def test_global_sign_out_ends_srp_and_password_sessions_alike(cognito: Client) -> None:
    email, _ = confirmed(cognito, "srp-everywhere")
    srp = Attempt(cognito, email).answer().body["AuthenticationResult"]
    password = cognito.sign_in(email).body["AuthenticationResult"]
    # Signing out from either session ends both, as in Cognito.
    assert cognito.call("GlobalSignOut", AccessToken=password["AccessToken"]).status == 200
    for result in (srp, password):
        assert cognito.refresh(result["RefreshToken"]).error[0] == "NotAuthorizedException"
    srp = Attempt(cognito, email).answer().body["AuthenticationResult"]
    password = cognito.sign_in(email).body["AuthenticationResult"]
    assert cognito.call("GlobalSignOut", AccessToken=srp["AccessToken"]).status == 200
    for result in (srp, password):
        assert cognito.refresh(result["RefreshToken"]).error[0] == "NotAuthorizedException"

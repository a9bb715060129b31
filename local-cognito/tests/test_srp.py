"""USER_SRP_AUTH is verified for real: a proof from the right password signs in, anything else
is refused as Cognito refuses it. The client half here is built on the server's SRP primitives
(local_cognito/srp.py), which are checked against the public known-answer vector first, so a
passing sign-in means the server speaks Cognito's SRP (the end-to-end tests add the AWS SDK's own
client)."""

from __future__ import annotations

import base64
import datetime
import secrets
import time
from dataclasses import dataclass
from typing import Any

import pytest

from conftest import PASSWORD, Client, Reply, claims, unique_email
from local_cognito.srp import SRP_G, SRP_K, SRP_N, srp_hash, srp_key, srp_pad, srp_signature, srp_x

WRONG = ("NotAuthorizedException", "Incorrect username or password.")


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
        return pow(SRP_G, self.a, SRP_N)

    def key(self, user_id: str, password: str, srp_b: str, salt: str) -> bytes:
        b = int(srp_b, 16)
        u = srp_hash(srp_pad(self.large_a), srp_pad(b))
        x = srp_x(self.pool_name, user_id, password, int(salt, 16))
        # The client's side of the shared secret: (B - k g^x)^(a + u x); the server computes it
        # from the verifier instead.
        premaster = pow((b - SRP_K * pow(SRP_G, x, SRP_N)) % SRP_N, self.a + u * x, SRP_N)
        return srp_key(premaster, u)

    def signature(self, params: dict[str, str], password: str, timestamp: str) -> str:
        user_id = params["USER_ID_FOR_SRP"]
        key = self.key(user_id, password, params["SRP_B"], params["SALT"])
        return srp_signature(key, self.pool_name, user_id, base64.b64decode(params["SECRET_BLOCK"]), timestamp)


def test_the_client_helper_reproduces_the_public_vector() -> None:
    assert format(SRP_K, "x") == "538282c4354742d7cbbde2359fcf67f9f5b3a6b08791e5011b43b8a5b66d9ee6"
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
    assert 0 < int(params["SRP_B"], 16) < SRP_N and int(params["SALT"], 16) > 0

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
    for srp_a in ("0", format(SRP_N, "x"), format(2 * SRP_N, "x"), "not-hex", ""):
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

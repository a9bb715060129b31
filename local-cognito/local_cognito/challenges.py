"""The second factor of a sign-in: after the password (USER_PASSWORD_AUTH, SRP's
PASSWORD_VERIFIER, a NEW_PASSWORD_REQUIRED answer) Cognito either hands out tokens or asks for
SOFTWARE_TOKEN_MFA, SMS_MFA, EMAIL_OTP, SELECT_MFA_TYPE or MFA_SETUP; this decides which, checks
the answers, and mints the tokens once MFA is done. The one-time codes of a passwordless first
factor (EMAIL_OTP, SMS_OTP; user_auth.py sends them) are checked here the same way."""

from __future__ import annotations

import json
import re
from typing import Any, Callable

from moto.cognitoidp.models import CognitoIdpBackend, CognitoIdpUser, CognitoIdpUserPool

from .codes import MSG_STALE_CODE, Codes
from .device_srp import DEVICE_CHALLENGES, DeviceSignIn
from .devices import DeviceStore
from .errors import CognitoError
from .mfa_config import PoolMfaConfigs
from .refresh import RefreshTokens
from .sessions import MSG_SESSION_INVALID, ChallengeSession, Sessions
from .totp import accept
from .user_mfa import ADDRESS_ATTRIBUTES, UserMfa, UserMfaStore, usable_methods
from .users import mask_email, mask_phone

MFA_CHALLENGES = ("SOFTWARE_TOKEN_MFA", "SMS_MFA", "EMAIL_OTP", "SELECT_MFA_TYPE", "MFA_SETUP")
# The challenges whose answers respond() checks.
ANSWERED_HERE = (*MFA_CHALLENGES, "SMS_OTP", *DEVICE_CHALLENGES)
# The answer that carries each challenge's code.
CODE_KEYS = {
    "SOFTWARE_TOKEN_MFA": "SOFTWARE_TOKEN_MFA_CODE",
    "SMS_MFA": "SMS_MFA_CODE",
    "EMAIL_OTP": "EMAIL_OTP_CODE",
    "SMS_OTP": "SMS_OTP_CODE",
}
# SMS codes have 6 digits; Cognito's email codes have 8 (not configurable).
CODE_DIGITS = {"SMS_MFA": 6, "EMAIL_OTP": 8, "SMS_OTP": 6}
SMS_CHALLENGES = ("SMS_MFA", "SMS_OTP")

# Cognito's words, quoted from real answers: a wrong authenticator code; a wrong SMS code, or
# an answer for another challenge than the session's ("auth state").
MSG_WRONG_TOTP = "Invalid code received for user"
MSG_WRONG_CODE = "Invalid code or auth state for the user."
# No AWS source quotes these; Cognito names a missing parameter this way elsewhere
# ("Missing required parameter Session").
MSG_MISSING = "Missing required parameter {name}"
MSG_NOT_A_CHOICE = "{answer} is not one of the MFA types the user can choose."
MSG_EMAIL_SETUP_OFF = "Email MFA is not enabled for the user pool."
MSG_NOTHING_SET_UP = "No MFA method was set up: verify a software token or provide an EMAIL."
MSG_BAD_EMAIL = "Invalid email address format."
MSG_EMAIL_TAKEN = "An account with the given email already exists."
EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


def json_list(items: list[str]) -> str:
    """MFAS_CAN_CHOOSE and MFAS_CAN_SETUP are JSON arrays sent as strings."""
    return json.dumps(items, separators=(",", ":"))


class MfaSignIn:
    def __init__(
        self,
        backend: CognitoIdpBackend,
        pools: PoolMfaConfigs,
        users: UserMfaStore,
        sessions: Sessions,
        codes: Codes,
        refresh_tokens: RefreshTokens,
        devices: DeviceStore,
    ) -> None:
        self.backend = backend
        self.pools = pools
        self.users = users
        self.sessions = sessions
        self.codes = codes
        self.refresh_tokens = refresh_tokens
        self.devices = devices
        self.device_sign_in = DeviceSignIn(devices, sessions)

    # --- after the first factor ---

    def after_first_factor(
        self, pool: CognitoIdpUserPool, client_id: str, result: dict[str, Any], device_key: Any = None
    ) -> dict[str, Any]:
        """moto's answer to a correct password: kept if no device proof or MFA is due, else
        replaced by the challenge (and the tokens moto minted are forgotten: nobody has seen
        them)."""
        tokens = result.get("AuthenticationResult")
        if not tokens:
            return result
        user = pool._get_user(pool.access_tokens[tokens["AccessToken"]][1])
        device_challenge = self.device_sign_in.after_password(pool, client_id, user, device_key)
        if device_challenge is not None:
            self.discard(pool, tokens)
            return device_challenge
        key = device_key if isinstance(device_key, str) else None
        return self.second_factor(pool, client_id, user, key, lambda: result, lambda: self.discard(pool, tokens))

    def second_factor(
        self,
        pool: CognitoIdpUserPool,
        client_id: str,
        user: CognitoIdpUser,
        device_key: str | None,
        tokens: Callable[[], dict[str, Any]],
        discard: Callable[[], None] = lambda: None,
    ) -> dict[str, Any]:
        """The MFA challenge due after the first factor (and a device proof), or the tokens."""
        config = self.pools.of(pool.id)
        state = self.users.of(pool.id, user.username)
        usable = usable_methods(config, state, user) if config.mode != "OFF" else []
        if config.mode == "OFF" or (config.mode == "OPTIONAL" and not usable):
            return self.devices.signed_in(pool, user.username, tokens(), device_key)
        discard()
        opened = {"device_key": device_key}
        if usable:
            method = state.preferred if state.preferred in usable else usable[0] if len(usable) == 1 else None
            if method is None:
                return self.challenge(pool, client_id, user, "SELECT_MFA_TYPE", choices=usable, **opened)
            return self.ask(pool, client_id, user, state, method, **opened)
        # MFA is required and nothing is set up. A phone number is enough for SMS MFA (the
        # developer guide: users of a pool that requires SMS MFA need only a phone number);
        # an authenticator app or an email address is set up in MFA_SETUP.
        if "SMS_MFA" in config.methods() and user.attribute_lookup.get("phone_number"):
            return self.ask(pool, client_id, user, state, "SMS_MFA", **opened)
        return self.challenge(pool, client_id, user, "MFA_SETUP", choices=config.methods(), **opened)

    def discard(self, pool: CognitoIdpUserPool, tokens: dict[str, Any]) -> None:
        pool.access_tokens.pop(tokens["AccessToken"], None)
        entry = pool.refresh_tokens.pop(tokens.get("RefreshToken", ""), None)
        if entry is not None:
            self.refresh_tokens.families.pop(entry[2], None)

    def ask(
        self, pool: CognitoIdpUserPool, client_id: str, user: CognitoIdpUser, state: UserMfa, method: str, device_key: str | None = None
    ) -> dict[str, Any]:
        """The challenge for one method; SMS and email codes are sent (printed) now."""
        if method == "SOFTWARE_TOKEN_MFA":
            return self.challenge(pool, client_id, user, method, device_key=device_key)
        address = user.attribute_lookup[ADDRESS_ATTRIBUTES[method]]
        return self.send_code(pool, client_id, user, method, address, device_key=device_key)

    def send_code(
        self,
        pool: CognitoIdpUserPool,
        client_id: str,
        user: CognitoIdpUser,
        method: str,
        address: str,
        stage: str = "",
        purpose: str = "mfa",
        device_key: str | None = None,
    ) -> dict[str, Any]:
        code = self.codes.issue(purpose, address, CODE_DIGITS[method])
        extra = {"stage": stage, "purpose": purpose, "device_key": device_key}
        return self.challenge(pool, client_id, user, method, code=code, address=address, **extra)

    def challenge(self, pool: CognitoIdpUserPool, client_id: str, user: CognitoIdpUser, name: str, **extra: Any) -> dict[str, Any]:
        session = self.sessions.open(pool, client_id, user.username, name, **extra)
        # Cognito names the user for the next step as SRP does, whichever flow came first.
        parameters = {"USER_ID_FOR_SRP": user.username}
        if name == "SOFTWARE_TOKEN_MFA":
            device = self.users.of(pool.id, user.username).device_name
            if device:
                parameters["FRIENDLY_DEVICE_NAME"] = device
        elif name in CODE_DIGITS:
            sms = name in SMS_CHALLENGES
            parameters["CODE_DELIVERY_DELIVERY_MEDIUM"] = "SMS" if sms else "EMAIL"
            masked = mask_phone(session.address or "") if sms else mask_email(session.address or "")
            parameters["CODE_DELIVERY_DESTINATION"] = masked
        elif name == "SELECT_MFA_TYPE":
            parameters["MFAS_CAN_CHOOSE"] = json_list(session.choices)
        else:
            parameters["MFAS_CAN_SETUP"] = json_list(session.choices)
        return {"ChallengeName": name, "Session": session.token, "ChallengeParameters": parameters}

    # --- answers ---

    def answering(
        self, pool: CognitoIdpUserPool, client_id: str, body: dict[str, Any]
    ) -> tuple[ChallengeSession, CognitoIdpUser, dict[str, Any]]:
        """The session a RespondToAuthChallenge answers, its user and the answers, once the
        request names a live session of this client, its user, and the challenge it waits for."""
        answers = body.get("ChallengeResponses") or {}
        if not body.get("Session"):
            raise CognitoError("InvalidParameterException", MSG_MISSING.format(name="Session"))
        session = self.sessions.take(body["Session"], client_id)
        user = pool._get_user(session.username)
        if user is None or session.pool_id != pool.id:
            raise CognitoError("NotAuthorizedException", MSG_SESSION_INVALID)
        if not answers.get("USERNAME"):
            raise CognitoError("InvalidParameterException", MSG_MISSING.format(name="USERNAME"))
        if pool._get_user(str(answers["USERNAME"])) is not user:
            raise CognitoError("NotAuthorizedException", MSG_SESSION_INVALID)
        if body["ChallengeName"] != session.challenge:
            raise CognitoError("CodeMismatchException", MSG_WRONG_CODE)
        return session, user, answers

    def respond(self, pool: CognitoIdpUserPool, client_id: str, body: dict[str, Any]) -> dict[str, Any]:
        """RespondToAuthChallenge for the MFA challenges and the one-time codes."""
        name = body["ChallengeName"]
        session, user, answers = self.answering(pool, client_id, body)
        state = self.users.of(pool.id, user.username)
        if name == "DEVICE_SRP_AUTH":
            return self.device_sign_in.answer_srp_auth(pool, user, session, answers)
        if name == "DEVICE_PASSWORD_VERIFIER":
            skips_mfa = self.device_sign_in.answer_verifier(pool, user, session, answers)
            if skips_mfa:
                return self.signed_in(pool, client_id, user, session)
            session.used = True
            mint = lambda: self.backend._log_user_in(pool, pool.clients[client_id], user.username)  # noqa: E731
            return self.second_factor(pool, client_id, user, session.device_key, mint)
        if name == "SELECT_MFA_TYPE":
            return self.select(pool, client_id, user, state, session, answers)
        if name == "MFA_SETUP":
            return self.setup(pool, client_id, user, state, session, answers)
        code = answers.get(CODE_KEYS[name])
        if not code:
            raise CognitoError("InvalidParameterException", MSG_MISSING.format(name=CODE_KEYS[name]))
        if name == "SOFTWARE_TOKEN_MFA":
            step = accept(state.secret, str(code), state.last_step) if state.secret else None
            if step is None:
                raise CognitoError("CodeMismatchException", MSG_WRONG_TOTP)
            state.last_step = step
        else:
            self.check_code(session, str(code))
            self.proven(pool, user, state, session)
        return self.signed_in(pool, client_id, user, session)

    def check_code(self, session: ChallengeSession, code: str) -> None:
        """An SMS or email code: right, expired (its time ran out), or wrong."""
        address = session.address or ""
        if code != session.code:
            raise CognitoError("CodeMismatchException", MSG_WRONG_CODE)
        if self.codes.is_spent(session.purpose, address, code):
            raise CognitoError("ExpiredCodeException", MSG_STALE_CODE)
        self.codes.retire(session.purpose, address, code)

    def proven(self, pool: CognitoIdpUserPool, user: CognitoIdpUser, state: UserMfa, session: ChallengeSession) -> None:
        """A code that arrived proves its address ("When a user completes their first MFA,
        Amazon Cognito marks their email address or phone number as verified"); one sent while
        setting up email MFA also makes it the user's email and turns email MFA on."""
        if session.challenge in SMS_CHALLENGES:
            attributes = [{"Name": "phone_number_verified", "Value": "true"}]
        else:
            attributes = [{"Name": "email_verified", "Value": "true"}]
            if session.address != user.attribute_lookup.get("email"):
                attributes.insert(0, {"Name": "email", "Value": session.address or ""})
        self.backend.admin_update_user_attributes(pool.id, user.username, attributes)
        if session.stage == "email":
            state.turn_on("EMAIL_OTP")

    def select(
        self, pool: CognitoIdpUserPool, client_id: str, user: CognitoIdpUser, state: UserMfa, session: ChallengeSession, answers: dict[str, Any]
    ) -> dict[str, Any]:
        answer = answers.get("ANSWER")
        if not answer:
            raise CognitoError("InvalidParameterException", MSG_MISSING.format(name="ANSWER"))
        if answer not in session.choices:
            raise CognitoError("InvalidParameterException", MSG_NOT_A_CHOICE.format(answer=answer))
        session.used = True
        return self.ask(pool, client_id, user, state, str(answer), session.device_key)

    def setup(
        self, pool: CognitoIdpUserPool, client_id: str, user: CognitoIdpUser, state: UserMfa, session: ChallengeSession, answers: dict[str, Any]
    ) -> dict[str, Any]:
        """MFA_SETUP: done once VerifySoftwareToken verified an authenticator app in this
        session; {EMAIL} sets up email MFA with an EMAIL_OTP challenge to that address."""
        email = answers.get("EMAIL")
        if email:
            if "EMAIL_OTP" not in session.choices:
                raise CognitoError("InvalidParameterException", MSG_EMAIL_SETUP_OFF)
            if not EMAIL.fullmatch(str(email)):
                raise CognitoError("InvalidParameterException", MSG_BAD_EMAIL)
            owner = pool._get_user(str(email).lower())
            if owner is not None and owner is not user:
                raise CognitoError("AliasExistsException", MSG_EMAIL_TAKEN)
            session.used = True
            address = str(email).lower()
            return self.send_code(pool, client_id, user, "EMAIL_OTP", address, stage="email", device_key=session.device_key)
        if session.stage != "verified":
            raise CognitoError("MFAMethodNotFoundException", MSG_NOTHING_SET_UP)
        return self.signed_in(pool, client_id, user, session)

    def signed_in(self, pool: CognitoIdpUserPool, client_id: str, user: CognitoIdpUser, session: ChallengeSession) -> dict[str, Any]:
        session.used = True
        result = self.backend._log_user_in(pool, pool.clients[client_id], user.username)
        return self.devices.signed_in(pool, user.username, result, session.device_key)

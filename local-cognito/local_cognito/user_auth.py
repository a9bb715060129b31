"""Choice-based sign-in: InitiateAuth USER_AUTH and the challenges it leads to.

A user may start with any first factor the pool allows (Policies.SignInPolicy.
AllowedFirstAuthFactors) that the user has: a password (answered as PASSWORD or PASSWORD_SRP),
a passkey (WEB_AUTHN), an email address (EMAIL_OTP) or a phone number (SMS_OTP). A usable
PREFERRED_CHALLENGE goes straight to that factor; otherwise the answer is SELECT_CHALLENGE with
AvailableChallenges. "Amazon Cognito does not support enabling both MFA and passwordless sign-in
... for the same user" (the developer guide's MFA prerequisites, as Amplify quotes them): a user
who signs in with MFA (the pool requires it, or it is optional and the user has a method on) is
offered passwords only, and a passwordless factor leads straight to tokens. A password is
followed by MFA as after any other password."""

from __future__ import annotations

from typing import Any, Callable

from moto.cognitoidp.models import CognitoIdpUser, CognitoIdpUserPool, UserStatus
from werkzeug.wrappers import Request

from .challenges import MSG_MISSING
from .errors import CognitoError
from .mfa_actions import MfaActions
from .passkeys import Passkeys
from .passwordless import AWAITS_SIGN_IN
from .sessions import MSG_SESSION_INVALID, ChallengeSession, validity_seconds
from .sign_in_policy import can_send_email, first_factors
from .user_mfa import usable_methods

# Runs an action in moto (the one named, whatever the request's) and returns its JSON.
Moto = Callable[[Request, dict[str, Any], str], dict[str, Any]]
# Starts USER_SRP_AUTH for a forwarded InitiateAuth request: PASSWORD_VERIFIER, or moto's answer.
SrpStart = Callable[[Request, CognitoIdpUserPool, dict[str, Any]], dict[str, Any]]

# The challenges of choice-based sign-in answered here (EMAIL_OTP and SMS_OTP are answered where
# MFA codes are, challenges.py).
USER_AUTH_CHALLENGES = ("SELECT_CHALLENGE", "PASSWORD", "PASSWORD_SRP", "WEB_AUTHN")
# No AWS source quotes these: an ANSWER that is not among AvailableChallenges, and a user who has
# no first factor the pool allows (a user without a password in a pool that took passwordless
# sign-in away).
MSG_NOT_AVAILABLE = "{answer} is not one of the available challenges."
MSG_NO_FACTOR = "The user has no sign-in method that the user pool allows."


class UserAuth:
    def __init__(self, mfa: MfaActions, passkeys: Passkeys, moto: Moto, srp_start: SrpStart) -> None:
        self.mfa = mfa
        self.passkeys = passkeys
        self.moto = moto
        self.srp_start = srp_start

    def available(self, pool: CognitoIdpUserPool, user: CognitoIdpUser) -> list[str]:
        """The user's AvailableChallenges, in the order the pool lists its factors."""
        config = self.mfa.pools.of(pool.id)
        state = self.mfa.users.of(pool.id, user.username)
        with_mfa = config.mode == "ON" or (config.mode == "OPTIONAL" and bool(usable_methods(config, state, user)))
        attributes = user.attribute_lookup
        passkey_config = self.mfa.webauthn.of(pool.id)
        result: list[str] = []
        for factor in first_factors(pool.extended_config):
            if factor == "PASSWORD":
                result += ["PASSWORD", "PASSWORD_SRP"] if user.password is not None else []
            elif with_mfa:
                continue
            elif factor == "WEB_AUTHN":
                rp_id = passkey_config.relying_party_id
                result += ["WEB_AUTHN"] if rp_id and self.passkeys.of(pool.id, user.username, rp_id) else []
            elif factor == "EMAIL_OTP":
                result += ["EMAIL_OTP"] if attributes.get("email") and can_send_email(pool) else []
            elif factor == "SMS_OTP":
                has_sms = bool(pool.extended_config.get("SmsConfiguration"))
                result += ["SMS_OTP"] if attributes.get("phone_number") and has_sms else []
        return result

    def get_user_auth_factors(self, request: Request, body: dict[str, Any]) -> dict[str, Any]:
        """GetUserAuthFactors: the user's MFA and the first factors USER_AUTH would offer them
        (PASSWORD standing for both password challenges)."""
        pool, user = self.mfa.token_user(body["AccessToken"])
        state = self.mfa.users.of(pool.id, user.username)
        result: dict[str, Any] = {"Username": user.username}
        if state.enabled:
            result["UserMFASettingList"] = state.settings_list()
        if state.preferred:
            result["PreferredMfaSetting"] = state.preferred
        result["ConfiguredUserAuthFactors"] = [f for f in self.available(pool, user) if f != "PASSWORD_SRP"]
        return result

    # --- InitiateAuth ---

    def initiate(self, request: Request, pool: CognitoIdpUserPool, client_id: str, body: dict[str, Any]) -> dict[str, Any]:
        params = body["AuthParameters"] if isinstance(body.get("AuthParameters"), dict) else {}
        if not params.get("USERNAME"):
            raise CognitoError("InvalidParameterException", MSG_MISSING.format(name="USERNAME"))
        user = pool._get_user(str(params["USERNAME"]))
        if user is None:
            raise CognitoError("UserNotFoundException", "User does not exist.")
        if not user.enabled:
            raise CognitoError("NotAuthorizedException", "User is disabled.")
        if body.get("Session"):
            return self.after_sign_up(pool, client_id, user, str(body["Session"]))
        if user.status == UserStatus.UNCONFIRMED:
            raise CognitoError("UserNotConfirmedException", "User is not confirmed.")
        available = self.available(pool, user)
        preferred = params.get("PREFERRED_CHALLENGE")
        if preferred in available:
            return self.start(request, pool, client_id, user, str(preferred), params)
        if not available:
            raise CognitoError("NotAuthorizedException", MSG_NO_FACTOR)
        result = self.challenge(pool, client_id, user, "SELECT_CHALLENGE", choices=available)
        result["AvailableChallenges"] = available
        return result

    def after_sign_up(self, pool: CognitoIdpUserPool, client_id: str, user: CognitoIdpUser, token: str) -> dict[str, Any]:
        """ConfirmSignUp's Session: the confirmation code was the first factor, and a first sign-in
        gets tokens even where MFA is required ("The first time that a new user signs in ...
        Amazon Cognito issues OAuth 2.0 tokens, even if your user pool requires MFA")."""
        session = self.mfa.sessions.take(token, client_id)
        if session.challenge != AWAITS_SIGN_IN or session.pool_id != pool.id or session.username != user.username:
            raise CognitoError("NotAuthorizedException", MSG_SESSION_INVALID)
        return self.mfa.sign_in.signed_in(pool, client_id, user, session)

    def start(
        self, request: Request, pool: CognitoIdpUserPool, client_id: str, user: CognitoIdpUser, factor: str, params: dict[str, Any]
    ) -> dict[str, Any]:
        """Sign in with one first factor: at once when the request carries the password or SRP_A,
        else with the factor's challenge (a code is sent now)."""
        if factor == "PASSWORD":
            if params.get("PASSWORD") is None:
                return self.challenge(pool, client_id, user, "PASSWORD")
            return self.password(request, pool, client_id, user, str(params["PASSWORD"]), params.get("DEVICE_KEY"))
        if factor == "PASSWORD_SRP":
            if not params.get("SRP_A"):
                return self.challenge(pool, client_id, user, "PASSWORD_SRP")
            return self.password_srp(request, pool, client_id, user, str(params["SRP_A"]))
        if factor in ("EMAIL_OTP", "SMS_OTP"):
            address = user.attribute_lookup["email" if factor == "EMAIL_OTP" else "phone_number"]
            return self.mfa.sign_in.send_code(pool, client_id, user, factor, address, purpose="otp")
        config = self.mfa.webauthn.of(pool.id)
        challenge, options = self.passkeys.request_options(
            pool.id, user.username, config, validity_seconds(pool, client_id)
        )
        return self.challenge(
            pool, client_id, user, "WEB_AUTHN", {"CREDENTIAL_REQUEST_OPTIONS": options}, webauthn_challenge=challenge
        )

    def password(
        self, request: Request, pool: CognitoIdpUserPool, client_id: str, user: CognitoIdpUser, password: str, device_key: Any
    ) -> dict[str, Any]:
        """moto checks the password as in USER_PASSWORD_AUTH (tokens, or NEW_PASSWORD_REQUIRED);
        MFA may follow."""
        forwarded = {
            "ClientId": client_id,
            "AuthFlow": "USER_PASSWORD_AUTH",
            "AuthParameters": {"USERNAME": user.username, "PASSWORD": password},
        }
        return self.mfa.sign_in.after_first_factor(pool, client_id, self.moto(request, forwarded, "InitiateAuth"), device_key)

    def password_srp(self, request: Request, pool: CognitoIdpUserPool, client_id: str, user: CognitoIdpUser, srp_a: str) -> dict[str, Any]:
        """PASSWORD_VERIFIER as in USER_SRP_AUTH, with a Session as every step of USER_AUTH has."""
        forwarded = {
            "ClientId": client_id,
            "AuthFlow": "USER_SRP_AUTH",
            "AuthParameters": {"USERNAME": user.username, "SRP_A": srp_a},
        }
        result = self.srp_start(request, pool, forwarded)
        if result.get("ChallengeName") == "PASSWORD_VERIFIER":
            result["Session"] = self.mfa.sessions.open(pool, client_id, user.username, "PASSWORD_VERIFIER").token
        return result

    def challenge(
        self, pool: CognitoIdpUserPool, client_id: str, user: CognitoIdpUser, name: str, parameters: dict[str, str] | None = None, **extra: Any
    ) -> dict[str, Any]:
        session = self.mfa.sessions.open(pool, client_id, user.username, name, **extra)
        # As in the MFA challenges, the next step names the user by the internal username.
        challenge_parameters = {"USER_ID_FOR_SRP": user.username, **(parameters or {})}
        return {"ChallengeName": name, "Session": session.token, "ChallengeParameters": challenge_parameters}

    # --- RespondToAuthChallenge ---

    def respond(self, request: Request, pool: CognitoIdpUserPool, client_id: str, body: dict[str, Any]) -> dict[str, Any]:
        """SELECT_CHALLENGE, PASSWORD, PASSWORD_SRP and WEB_AUTHN answers. A wrong one leaves the
        session as it was, as a wrong MFA code does."""
        session, user, answers = self.mfa.sign_in.answering(pool, client_id, body)
        name = body["ChallengeName"]
        if name == "SELECT_CHALLENGE":
            answer = answers.get("ANSWER")
            if not answer:
                raise CognitoError("InvalidParameterException", MSG_MISSING.format(name="ANSWER"))
            if answer not in session.choices:
                raise CognitoError("InvalidParameterException", MSG_NOT_AVAILABLE.format(answer=answer))
            result = self.start(request, pool, client_id, user, str(answer), answers)
        elif name == "WEB_AUTHN":
            return self.passkey(pool, client_id, user, session, answers)
        else:
            key = "PASSWORD" if name == "PASSWORD" else "SRP_A"
            if not answers.get(key):
                raise CognitoError("InvalidParameterException", MSG_MISSING.format(name=key))
            result = self.start(request, pool, client_id, user, name, answers)
        session.used = True
        return result

    def passkey(
        self, pool: CognitoIdpUserPool, client_id: str, user: CognitoIdpUser, session: ChallengeSession, answers: dict[str, Any]
    ) -> dict[str, Any]:
        if not answers.get("CREDENTIAL"):
            raise CognitoError("InvalidParameterException", MSG_MISSING.format(name="CREDENTIAL"))
        config = self.mfa.webauthn.of(pool.id)
        self.passkeys.authenticate(pool.id, user.username, config, session.webauthn_challenge or b"", answers["CREDENTIAL"])
        return self.mfa.sign_in.signed_in(pool, client_id, user, session)

    def verifier_session(self, token: Any, client_id: str) -> ChallengeSession | None:
        """The Session of a PASSWORD_VERIFIER answer, when USER_AUTH handed it out (USER_SRP_AUTH
        hands out none): it must still be open."""
        if not isinstance(token, str) or token not in self.mfa.sessions.by_token:
            return None
        session = self.mfa.sessions.take(token, client_id)
        if session.challenge != "PASSWORD_VERIFIER":
            raise CognitoError("NotAuthorizedException", MSG_SESSION_INVALID)
        return session

"""The MFA actions of the Cognito API: the pool's configuration (SetUserPoolMfaConfig,
GetUserPoolMfaConfig, and MfaConfiguration in the pool actions), authenticator apps
(AssociateSoftwareToken, VerifySoftwareToken), each user's preference ((Admin)SetUserMFAPreference)
and what (Admin)GetUser says about it. moto's versions of these would switch its own MFA logic
on, so none of them reaches moto."""

from __future__ import annotations

from typing import Any, Callable

import botocore.session

from moto.cognitoidp.models import CognitoIdpBackend, CognitoIdpUser, CognitoIdpUserPool
from werkzeug.wrappers import Request

from .challenges import MfaSignIn
from .codes import Codes
from .devices import DeviceActions, DeviceStore
from .errors import CognitoError
from .mfa_config import MSG_NO_SMS_CONFIG, PoolMfaConfigs
from .refresh import RefreshTokens
from .sessions import MSG_SESSION_INVALID, ChallengeSession, Sessions
from .sign_in_policy import WebAuthnConfigs, check_sign_in_policy
from .totp import accept, new_secret
from .user_mfa import UserMfaStore, set_preference, with_mfa_settings

Moto = Callable[[Request, dict[str, Any]], dict[str, Any]]
Handler = Callable[[Request, dict[str, Any]], dict[str, Any]]

# Cognito's words for a code that does not match while setting up an authenticator app
# (quoted from a real answer).
MSG_SETUP_MISMATCH = "Code mismatch and fail enable Software Token MFA"
# Recalled from Cognito, not found in a source: TOTP is off in the pool.
MSG_TOTP_OFF = "Software Token MFA has not been enabled by the userPool."
# No AWS source quotes these two.
MSG_TOKEN_OR_SESSION = "Exactly one of AccessToken and Session must be provided."
MSG_NOTHING_TO_VERIFY = "The user has no software token to verify: call AssociateSoftwareToken first."


# The members UpdateUserPool takes (botocore's model): everything else a pool has stays.
UPDATABLE = frozenset(
    botocore.session.get_session().get_service_model("cognito-idp").operation_model("UpdateUserPool").input_shape.members
)


class MfaActions:
    def __init__(self, backend: CognitoIdpBackend, codes: Codes, refresh_tokens: RefreshTokens, moto: Moto) -> None:
        self.backend = backend
        self.moto = moto
        self.pools = PoolMfaConfigs()
        # SetUserPoolMfaConfig also carries the pool's passkey settings.
        self.webauthn = WebAuthnConfigs()
        self.users = UserMfaStore()
        self.sessions = Sessions()
        self.devices = DeviceStore()
        self.sign_in = MfaSignIn(backend, self.pools, self.users, self.sessions, codes, refresh_tokens, self.devices)
        self.device_actions = DeviceActions(backend, self.devices, self.token_user)
        self.handlers: dict[str, Handler] = {
            "SetUserPoolMfaConfig": self.set_user_pool_mfa_config,
            "GetUserPoolMfaConfig": self.get_user_pool_mfa_config,
            "CreateUserPool": self.create_user_pool,
            "UpdateUserPool": self.update_user_pool,
            "DescribeUserPool": self.describe_user_pool,
            "AssociateSoftwareToken": self.associate_software_token,
            "VerifySoftwareToken": self.verify_software_token,
            "SetUserMFAPreference": self.set_user_mfa_preference,
            "AdminSetUserMFAPreference": self.admin_set_user_mfa_preference,
            "GetUser": self.get_user,
            "AdminGetUser": self.admin_get_user,
            **self.device_actions.handlers,
        }

    # --- lookups ---

    def pool(self, pool_id: Any) -> CognitoIdpUserPool:
        pool = self.backend.user_pools.get(str(pool_id))
        if pool is None:
            raise CognitoError("ResourceNotFoundException", f"User pool {pool_id} does not exist.")
        return pool

    def admin_user(self, body: dict[str, Any]) -> tuple[CognitoIdpUserPool, CognitoIdpUser]:
        pool = self.pool(body["UserPoolId"])
        user = pool._get_user(str(body["Username"]))
        if user is None:
            raise CognitoError("UserNotFoundException", "User does not exist.")
        return pool, user

    def token_user(self, token: str) -> tuple[CognitoIdpUserPool, CognitoIdpUser]:
        """The signed-in user of an access token (already checked: valid, unexpired, unrevoked)."""
        for pool in self.backend.user_pools.values():
            if token in pool.access_tokens:
                return pool, pool._get_user(pool.access_tokens[token][1])
        raise CognitoError("NotAuthorizedException", "Invalid Access Token")

    # --- the pool's configuration ---

    def set_user_pool_mfa_config(self, request: Request, body: dict[str, Any]) -> dict[str, Any]:
        pool = self.pool(body["UserPoolId"])
        webauthn = self.webauthn.check(pool, body.get("WebAuthnConfiguration"))
        self.pools.set(pool, body)
        if webauthn is not None:
            self.webauthn.set(pool.id, webauthn)
        return self.mfa_config(pool.id)

    def get_user_pool_mfa_config(self, request: Request, body: dict[str, Any]) -> dict[str, Any]:
        return self.mfa_config(self.pool(body["UserPoolId"]).id)

    def mfa_config(self, pool_id: str) -> dict[str, Any]:
        """GetUserPoolMfaConfig's answer; WebAuthnConfiguration once the pool has one."""
        result = self.pools.of(pool_id).to_json()
        if self.webauthn.is_set(pool_id):
            result["WebAuthnConfiguration"] = self.webauthn.of(pool_id).to_json()
        return result

    def create_user_pool(self, request: Request, body: dict[str, Any]) -> dict[str, Any]:
        check_sign_in_policy(body)
        mode = body.pop("MfaConfiguration", None)
        if mode not in (None, "OFF") and not body.get("SmsConfiguration"):
            raise CognitoError("InvalidParameterException", MSG_NO_SMS_CONFIG)
        result = self.moto(request, body)
        pool = self.pool(result["UserPool"]["Id"])
        if mode is not None:
            self.pools.take_from_pool_request(pool, {"MfaConfiguration": mode})
        result["UserPool"]["MfaConfiguration"] = self.pools.of(pool.id).mode
        return result

    def update_user_pool(self, request: Request, body: dict[str, Any]) -> dict[str, Any]:
        check_sign_in_policy(body)
        pool = self.pool(body["UserPoolId"])
        self.pools.take_from_pool_request(pool, body)
        # Cognito keeps what UpdateUserPool cannot change (UsernameAttributes, Schema, ...);
        # moto replaces the whole configuration, so those are put back.
        kept = {key: value for key, value in pool.extended_config.items() if key not in UPDATABLE}
        result = self.moto(request, body)
        pool.extended_config.update(kept)
        return result

    def describe_user_pool(self, request: Request, body: dict[str, Any]) -> dict[str, Any]:
        result = self.moto(request, body)
        result["UserPool"]["MfaConfiguration"] = self.pools.of(result["UserPool"]["Id"]).mode
        return result

    # --- authenticator apps ---

    def setup_session(self, token: str) -> ChallengeSession:
        """An MFA_SETUP session a software token can be set up in."""
        session = self.sessions.take(token)
        if session.challenge != "MFA_SETUP":
            raise CognitoError("NotAuthorizedException", MSG_SESSION_INVALID)
        return session

    def associate_software_token(self, request: Request, body: dict[str, Any]) -> dict[str, Any]:
        """A fresh secret for the user's authenticator app: in an MFA_SETUP session (with the
        next session) or for a signed-in user. The secret is never printed."""
        if bool(body.get("AccessToken")) == bool(body.get("Session")):
            raise CognitoError("InvalidParameterException", MSG_TOKEN_OR_SESSION)
        secret = new_secret()
        if body.get("Session"):
            session = self.setup_session(body["Session"])
            if session.stage == "verified" or "SOFTWARE_TOKEN_MFA" not in session.choices:
                raise CognitoError("SoftwareTokenMFANotFoundException", MSG_TOTP_OFF)
            session.used = True
            pool = self.pool(session.pool_id)
            following = self.sessions.open(
                pool, session.client_id, session.username, "MFA_SETUP", stage="associated", choices=session.choices, secret=secret,
                device_key=session.device_key,
            )
            return {"SecretCode": secret, "Session": following.token}
        pool, user = self.token_user(body["AccessToken"])
        if not self.pools.of(pool.id).totp:
            raise CognitoError("SoftwareTokenMFANotFoundException", MSG_TOTP_OFF)
        self.users.of(pool.id, user.username).pending = secret
        return {"SecretCode": secret}

    def verify_software_token(self, request: Request, body: dict[str, Any]) -> dict[str, Any]:
        """The first code from the app proves it holds the secret. In an MFA_SETUP session the
        app becomes the user's MFA and the next session completes MFA_SETUP; for a signed-in
        user it is only verified (SetUserMFAPreference turns it on)."""
        if bool(body.get("AccessToken")) == bool(body.get("Session")):
            raise CognitoError("InvalidParameterException", MSG_TOKEN_OR_SESSION)
        session: ChallengeSession | None = None
        if body.get("Session"):
            session = self.setup_session(body["Session"])
            if session.stage != "associated" or session.secret is None:
                raise CognitoError("NotAuthorizedException", MSG_SESSION_INVALID)
            pool, username, secret = self.pool(session.pool_id), session.username, session.secret
        else:
            pool, user = self.token_user(body["AccessToken"])
            username = user.username
            pending = self.users.of(pool.id, username).pending
            if pending is None:
                raise CognitoError("SoftwareTokenMFANotFoundException", MSG_NOTHING_TO_VERIFY)
            secret = pending
        state = self.users.of(pool.id, username)
        step = accept(secret, body["UserCode"], state.last_step)
        if step is None:
            raise CognitoError("EnableSoftwareTokenMFAException", MSG_SETUP_MISMATCH)
        # Verifying a new app replaces the old one (AssociateSoftwareToken's documentation).
        state.secret, state.pending, state.last_step = secret, None, step
        state.device_name = body.get("FriendlyDeviceName") or None
        if session is None:
            return {"Status": "SUCCESS"}
        session.used = True
        state.turn_on("SOFTWARE_TOKEN_MFA")
        following = self.sessions.open(
            pool, session.client_id, username, "MFA_SETUP", stage="verified", choices=session.choices,
            device_key=session.device_key,
        )
        return {"Status": "SUCCESS", "Session": following.token}

    # --- each user's preference ---

    def set_user_mfa_preference(self, request: Request, body: dict[str, Any]) -> dict[str, Any]:
        pool, user = self.token_user(body["AccessToken"])
        set_preference(self.pools.of(pool.id), self.users.of(pool.id, user.username), user, body)
        return {}

    def admin_set_user_mfa_preference(self, request: Request, body: dict[str, Any]) -> dict[str, Any]:
        pool, user = self.admin_user(body)
        set_preference(self.pools.of(pool.id), self.users.of(pool.id, user.username), user, body)
        return {}

    def get_user(self, request: Request, body: dict[str, Any]) -> dict[str, Any]:
        result = self.moto(request, body)
        pool, user = self.token_user(body["AccessToken"])
        return with_mfa_settings(result, self.users.of(pool.id, user.username))

    def admin_get_user(self, request: Request, body: dict[str, Any]) -> dict[str, Any]:
        result = self.moto(request, body)
        pool, user = self.admin_user(body)
        return with_mfa_settings(result, self.users.of(pool.id, user.username))

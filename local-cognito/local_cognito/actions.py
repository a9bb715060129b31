"""The Cognito API actions moto lacks or gets wrong, done (fully or partly) here; every other
action goes to moto unchanged, with Cognito's error messages put back where moto's differ."""

from __future__ import annotations

import secrets
from typing import Any, Callable

from moto.cognitoidp.models import CognitoIdpBackend, CognitoIdpUser, CognitoIdpUserPool, UserStatus
from moto.cognitoidp.responses import CognitoIdpResponse
from moto.core.utils import camelcase_to_underscores
from werkzeug.wrappers import Request

from .attributes import MSG_NO_USER, Attributes
from .challenges import ANSWERED_HERE, MFA_CHALLENGES
from .codes import Codes
from .errors import MSG_STALE_SESSION, MSG_WRONG_PASSWORD, CognitoError
from .hidden_users import answer_for_hidden_user
from .identifiers import check_new_username, claim_alias, delivery, hides_users, recovery_channel
from .identifiers import username_exists_message, verification_channel
from .mfa_actions import MfaActions
from .passkeys import Passkeys
from .passwordless import SignUpSessions, check_passwordless_sign_up, placeholder_password
from .refresh import RefreshTokens, check_client_secret
from .settings import Settings
from .srp import SrpChallenges, parse_srp_a
from .tokens import check_access_token, jwt_claims
from .user_auth import USER_AUTH_CHALLENGES, UserAuth
from .users import password_problem
from .webauthn_actions import WebAuthnActions

# Runs the request's action in moto (or the action named) and returns its JSON, raising its
# errors as CognitoError.
Moto = Callable[..., dict[str, Any]]

MSG_NO_USER_FOR_CLIENT = "Username/client id combination not found."

# AdminInitiateAuth flows that check a password (and so may lead to MFA).
ADMIN_PASSWORD_FLOWS = ("ADMIN_USER_PASSWORD_AUTH", "ADMIN_NO_SRP_AUTH")

# The ExplicitAuthFlows entry each InitiateAuth flow needs.
AUTH_FLOW_PERMISSIONS = {
    "USER_PASSWORD_AUTH": "ALLOW_USER_PASSWORD_AUTH",
    "USER_SRP_AUTH": "ALLOW_USER_SRP_AUTH",
    "REFRESH_TOKEN_AUTH": "ALLOW_REFRESH_TOKEN_AUTH",
    "REFRESH_TOKEN": "ALLOW_REFRESH_TOKEN_AUTH",
    "CUSTOM_AUTH": "ALLOW_CUSTOM_AUTH",
    "USER_AUTH": "ALLOW_USER_AUTH",
}


class Actions:
    def __init__(
        self,
        backend: CognitoIdpBackend,
        settings: Settings,
        stats: dict[str, Any],
        refresh_tokens: RefreshTokens,
        moto: Moto,
    ) -> None:
        self.backend = backend
        self.settings = settings
        self.stats = stats
        self.refresh_tokens = refresh_tokens
        self.moto = moto
        self.codes = Codes()
        self.srp_challenges = SrpChallenges()
        self.mfa = MfaActions(backend, self.codes, refresh_tokens, moto)
        self.passkeys = Passkeys()
        self.user_auth = UserAuth(self.mfa, self.passkeys, moto, self.srp_start)
        self.sign_up_sessions = SignUpSessions(self.mfa.sessions)
        self.webauthn = WebAuthnActions(self.mfa, self.passkeys)
        self.attributes = Attributes(backend, self.codes)
        self.handlers: dict[str, Callable[[Request, dict[str, Any]], dict[str, Any]]] = {
            "SignUp": self.sign_up,
            "ConfirmSignUp": self.confirm_sign_up,
            "ResendConfirmationCode": self.resend_confirmation_code,
            "ForgotPassword": self.forgot_password,
            "ConfirmForgotPassword": self.confirm_forgot_password,
            "ChangePassword": self.change_password,
            "RevokeToken": self.revoke_token,
            "InitiateAuth": self.initiate_auth,
            "RespondToAuthChallenge": self.respond_to_auth_challenge,
            "GetTokensFromRefreshToken": self.get_tokens_from_refresh_token,
            "AdminInitiateAuth": self.admin_initiate_auth,
            "AdminRespondToAuthChallenge": self.admin_respond_to_auth_challenge,
            "GetUserAuthFactors": self.user_auth.get_user_auth_factors,
            **self.mfa.handlers,
            **self.webauthn.handlers,
            **self.attributes.handlers,
        }

    def run(self, action: str, request: Request, body: dict[str, Any]) -> dict[str, Any]:
        """A request that passed validation: the action's result, or Cognito's error for it."""
        self.normalise_usernames(body)
        if body.get("AccessToken") in self.attributes.deleted_tokens:
            raise CognitoError("UserNotFoundException", MSG_NO_USER)
        if isinstance(body.get("AccessToken"), str):
            check_access_token(self.backend, body["AccessToken"], self.stats)
        handler = self.handlers.get(action)
        if handler is None and not hasattr(CognitoIdpResponse, camelcase_to_underscores(action)):
            raise CognitoError(
                "UnsupportedOperationException", f"{action} is not supported by the local Cognito emulator"
            )
        try:
            return handler(request, body) if handler else self.moto(request, body)
        except CognitoError as e:
            pool = self.find_pool(body.get("ClientId"))
            if e.type == "UserNotFoundException" and pool is not None and hides_users(pool, body.get("ClientId")):
                return answer_for_hidden_user(action, body)
            raise self.realistic_error(e, body) from None

    def realistic_error(self, e: CognitoError, body: dict[str, Any]) -> CognitoError:
        """Replace moto's messages where they differ from Cognito's."""
        if e.type == "UsernameExistsException":
            e.message = username_exists_message(self.find_pool(body.get("ClientId")))
        elif e.type == "ResourceNotFoundException" and e.message == body.get("ClientId"):
            e.message = f"User pool client {e.message} does not exist."
        elif e.type == "ResourceNotFoundException" and body.get("Session") and e.message == body.get("Session"):
            # moto names an unknown or used challenge session as a missing resource
            e.type, e.message = "NotAuthorizedException", MSG_STALE_SESSION
        elif e.type == "InvalidPasswordException" and e.message.startswith("The provided password"):
            # e.g. NEW_PASSWORD in RespondToAuthChallenge, which moto checks itself
            pool = self.find_pool(body.get("ClientId")) or self.backend.user_pools.get(body.get("UserPoolId", ""))
            challenge = body.get("ChallengeResponses") or {}
            password = body.get("Password") or body.get("ProposedPassword") or challenge.get("NEW_PASSWORD")
            problem = pool and isinstance(password, str) and password_problem(pool, password)
            if problem:
                e.message = f"Password did not conform with policy: {problem}"
        return e

    def normalise_usernames(self, body: dict[str, Any]) -> None:
        """The template makes usernames case-insensitive; moto compares exactly."""
        pool = self.find_pool(body.get("ClientId"))
        if pool is None:
            return
        config = pool.extended_config.get("UsernameConfiguration") or {}
        if str(config.get("CaseSensitive", True)).lower() == "true":
            return
        if isinstance(body.get("Username"), str):
            body["Username"] = body["Username"].lower()
        for key in ("AuthParameters", "ChallengeResponses"):
            params = body.get(key)
            if isinstance(params, dict) and isinstance(params.get("USERNAME"), str):
                params["USERNAME"] = params["USERNAME"].lower()

    # --- lookups and checks the actions share ---

    def find_pool(self, client_id: Any) -> CognitoIdpUserPool | None:
        for pool in self.backend.user_pools.values():
            if client_id in pool.clients:
                return pool
        return None

    def client_pool(self, client_id: Any) -> CognitoIdpUserPool:
        pool = self.find_pool(client_id)
        if pool is None:
            raise CognitoError("ResourceNotFoundException", f"User pool client {client_id} does not exist.")
        return pool

    def pool_and_user(self, body: dict[str, Any]) -> tuple[CognitoIdpUserPool, CognitoIdpUser]:
        pool = self.client_pool(body.get("ClientId"))
        user = pool._get_user(str(body.get("Username", "")))
        if user is None:
            raise CognitoError("UserNotFoundException", MSG_NO_USER_FOR_CLIENT)
        return pool, user

    def check_password(self, pool: CognitoIdpUserPool, password: Any) -> None:
        problem = password_problem(pool, str(password or ""))
        if problem:
            raise CognitoError("InvalidPasswordException", f"Password did not conform with policy: {problem}")

    def verify(self, pool: CognitoIdpUserPool, user: CognitoIdpUser, attribute: str) -> None:
        self.backend.admin_update_user_attributes(
            pool.id, user.username, [{"Name": f"{attribute}_verified", "Value": "true"}]
        )

    def check_auth_flow(self, pool: CognitoIdpUserPool, client_id: str, flow: str) -> None:
        """moto ignores the app client's ExplicitAuthFlows; Cognito refuses a flow left out of
        them. A rotating client has no ALLOW_REFRESH_TOKEN_AUTH (see template.py), which is how
        REFRESH_TOKEN_AUTH is refused on it."""
        allowed = pool.clients[client_id].extended_config.get("ExplicitAuthFlows")
        if not allowed:  # Cognito's default for a client created without the list
            allowed = ["ALLOW_USER_SRP_AUTH", "ALLOW_CUSTOM_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]
        needed = AUTH_FLOW_PERMISSIONS.get(flow)
        if needed is not None and needed not in allowed:
            raise CognitoError("InvalidParameterException", f"{flow} flow not enabled for this client")

    # --- sign-up and passwords ---

    def sign_up(self, request: Request, body: dict[str, Any]) -> dict[str, Any]:
        """A user without a password (passwordless.py) is created in moto with a stand-in
        password that is then forgotten."""
        pool = self.find_pool(body.get("ClientId"))
        passwordless = not body.get("Password")
        if pool is not None and pool._get_user(str(body.get("Username", ""))) is None:
            check_new_username(pool, str(body.get("Username", "")))
            if passwordless:
                check_passwordless_sign_up(pool)
            else:
                self.check_password(pool, body.get("Password"))
            self.attributes.check_sign_up(pool, body["ClientId"], body)
        result = self.moto(request, {**body, "Password": placeholder_password()} if passwordless else body)
        pool, user = self.pool_and_user(body)
        if passwordless:
            user.password = None
        if self.settings.auto_confirm:
            # What a PreSignUp trigger returning autoConfirmUser + autoVerifyEmail does.
            self.backend.admin_confirm_sign_up(pool.id, user.username)
            for attribute in ("email", "phone_number"):
                if user.attribute_lookup.get(attribute):
                    self.verify(pool, user, attribute)
            return {"UserConfirmed": True, "UserSub": user.id}
        channel = verification_channel(pool, user)
        if channel is not None:
            self.codes.issue("signUp", channel[1])
            # moto adds this too for AutoVerifiedAttributes=[email]; set it in any case
            result["CodeDeliveryDetails"] = delivery(*channel)
        else:
            result.pop("CodeDeliveryDetails", None)
        result["Session"] = self.sign_up_sessions.after_sign_up(pool, body["ClientId"], user.username)
        return result

    def confirm_sign_up(self, request: Request, body: dict[str, Any]) -> dict[str, Any]:
        """The Session handed out lets InitiateAuth USER_AUTH sign the user in (passwordless.py)."""
        pool, user = self.pool_and_user(body)
        if user.status != UserStatus.UNCONFIRMED:
            raise CognitoError(
                "NotAuthorizedException", f"User cannot be confirmed. Current status is {UserStatus(user.status).value}"
            )
        self.sign_up_sessions.check_given(pool, body["ClientId"], user.username, body.get("Session"))
        attribute, address = verification_channel(pool, user) or ("email", user.attribute_lookup.get("email", ""))
        claim_alias(pool, user, attribute, body.get("ForceAliasCreation") is True)
        self.codes.check("signUp", address, body.get("ConfirmationCode"))
        self.moto(request, body)
        self.verify(pool, user, attribute)  # the code proved the address
        return {"Session": self.sign_up_sessions.after_confirmation(pool, body["ClientId"], user.username, body.get("Session"))}

    def resend_confirmation_code(self, request: Request, body: dict[str, Any]) -> dict[str, Any]:
        pool, user = self.pool_and_user(body)
        if user.status != UserStatus.UNCONFIRMED:
            raise CognitoError("InvalidParameterException", "User is already confirmed.")
        channel = verification_channel(pool, user)
        if channel is None:
            raise CognitoError("InvalidParameterException", "No email or phone_number to send a code to.")
        self.codes.issue("signUp", channel[1])
        return {"CodeDeliveryDetails": delivery(*channel)}

    def forgot_password(self, request: Request, body: dict[str, Any]) -> dict[str, Any]:
        pool, user = self.pool_and_user(body)
        channel = recovery_channel(pool, user)
        # "Email MFA is also disqualifying for account recovery with email" (API reference,
        # AccountRecoverySettingType).
        email_mfa = "EMAIL_OTP" in self.mfa.users.of(pool.id, user.username).enabled
        if channel is None or (channel[0] == "email" and email_mfa):
            raise CognitoError(
                "InvalidParameterException",
                "Cannot reset password for the user as there is no registered/verified email or phone_number",
            )
        self.moto(request, body)  # moto's own code travels in a header nobody reads
        self.codes.issue("forgotPassword", channel[1])
        return {"CodeDeliveryDetails": delivery(*channel)}

    def confirm_forgot_password(self, request: Request, body: dict[str, Any]) -> dict[str, Any]:
        pool, user = self.pool_and_user(body)
        self.check_password(pool, body.get("Password"))
        # moto accepts any code that does not look like its own, so check ours.
        attribute, address = recovery_channel(pool, user) or ("email", user.attribute_lookup.get("email", ""))
        self.codes.check("forgotPassword", address, body.get("ConfirmationCode"))
        return self.moto(request, body)

    def change_password(self, request: Request, body: dict[str, Any]) -> dict[str, Any]:
        for pool in self.backend.user_pools.values():
            if body.get("AccessToken") in pool.access_tokens:
                self.check_password(pool, body.get("ProposedPassword"))
        try:
            return self.moto(request, body)
        except CognitoError as e:
            if e.type == "NotAuthorizedException":  # moto puts the username in the message
                e.message = MSG_WRONG_PASSWORD
            raise

    # --- sign-in and tokens ---

    def initiate_auth(self, request: Request, body: dict[str, Any]) -> dict[str, Any]:
        """USER_SRP_AUTH with real SRP values, USER_AUTH (user_auth.py) and the refresh flows done
        here; other flows are moto's."""
        client_id = body["ClientId"]
        flow = body["AuthFlow"]
        pool = self.client_pool(client_id)
        self.check_auth_flow(pool, client_id, flow)
        params = body.get("AuthParameters") if isinstance(body.get("AuthParameters"), dict) else {}
        if flow in ("REFRESH_TOKEN_AUTH", "REFRESH_TOKEN"):
            token = params.get("REFRESH_TOKEN")
            if not token:
                raise CognitoError("InvalidParameterException", "Missing required parameter REFRESH_TOKEN")
            self.mfa.devices.check_refresh(pool, token, params.get("DEVICE_KEY"))
            return self.refresh_tokens.refresh(pool, client_id, token, may_rotate=False)
        if flow == "USER_AUTH":
            return self.user_auth.initiate(request, pool, client_id, body)
        if flow != "USER_SRP_AUTH":
            return self.mfa.sign_in.after_first_factor(pool, client_id, self.moto(request, body), params.get("DEVICE_KEY"))
        return self.srp_start(request, pool, body)

    def srp_start(self, request: Request, pool: CognitoIdpUserPool, body: dict[str, Any]) -> dict[str, Any]:
        """An InitiateAuth USER_SRP_AUTH request: PASSWORD_VERIFIER with real SRP values."""
        params = body.get("AuthParameters") if isinstance(body.get("AuthParameters"), dict) else {}
        large_a = parse_srp_a(params.get("SRP_A"))
        name = str(params.get("USERNAME", ""))
        if pool._get_user(name) is None and hides_users(pool, body.get("ClientId")):
            # Cognito answers an unknown user with a challenge like any other, whose answer then
            # fails as a wrong password would: a password nobody knows stands in.
            parameters = self.srp_challenges.open(pool.id, name, secrets.token_hex(32), large_a, "")
            return {"ChallengeName": "PASSWORD_VERIFIER", "ChallengeParameters": parameters}
        # moto checks the client and the user (exists, enabled, confirmed) and opens a session.
        result = self.moto(request, body, "InitiateAuth")
        user = pool._get_user(str(params.get("USERNAME", "")))
        if user is None or result.get("ChallengeName") != "PASSWORD_VERIFIER":
            return result
        # A user who signed up without a password has none to prove: an unguessable one stands in.
        password = str(user.password) if user.password is not None else secrets.token_hex(32)
        parameters = self.srp_challenges.open(pool.id, user.username, password, large_a, str(result.get("Session", "")))
        return {"ChallengeName": "PASSWORD_VERIFIER", "ChallengeParameters": parameters}

    def respond_to_auth_challenge(self, request: Request, body: dict[str, Any]) -> dict[str, Any]:
        """PASSWORD_VERIFIER is checked here, choice-based sign-in's challenges answered in
        user_auth.py and the MFA challenges and one-time codes in challenges.py; the rest
        (NEW_PASSWORD_REQUIRED) is moto's. A proven password may still lead to MFA."""
        client_id = body["ClientId"]
        pool = self.client_pool(client_id)
        name = body.get("ChallengeName")
        if name in USER_AUTH_CHALLENGES:
            return self.user_auth.respond(request, pool, client_id, body)
        if name in ANSWERED_HERE:
            return self.mfa.sign_in.respond(pool, client_id, body)
        if name != "PASSWORD_VERIFIER":
            return self.mfa.sign_in.after_first_factor(pool, client_id, self.moto(request, body))
        answers: dict[str, Any] = body["ChallengeResponses"] if isinstance(body.get("ChallengeResponses"), dict) else {}
        session = self.user_auth.verifier_session(body.get("Session"), client_id)
        moto_session = self.srp_challenges.answer(pool.id, answers)
        # Proven: moto mints the tokens (or asks for the next step); it knows the session by the
        # secret block it handed out.
        forwarded = {**body, "ChallengeResponses": {**answers, "PASSWORD_CLAIM_SECRET_BLOCK": moto_session}}
        forwarded.pop("Session", None)
        # The SDKs send the device's key with the password proof.
        device_key = answers.get("DEVICE_KEY")
        result = self.mfa.sign_in.after_first_factor(pool, client_id, self.moto(request, forwarded), device_key)
        if session is not None:
            session.used = True
        return result

    def admin_initiate_auth(self, request: Request, body: dict[str, Any]) -> dict[str, Any]:
        """A password checked by moto leads to MFA as InitiateAuth does."""
        result = self.moto(request, body)
        if body["AuthFlow"] not in ADMIN_PASSWORD_FLOWS:
            return result
        return self.mfa.sign_in.after_first_factor(self.client_pool(body["ClientId"]), body["ClientId"], result)

    def admin_respond_to_auth_challenge(self, request: Request, body: dict[str, Any]) -> dict[str, Any]:
        client_id = body["ClientId"]
        pool = self.client_pool(client_id)
        if body.get("ChallengeName") in MFA_CHALLENGES:
            return self.mfa.sign_in.respond(pool, client_id, body)
        return self.mfa.sign_in.after_first_factor(pool, client_id, self.moto(request, body))

    def expire_sessions(self) -> int:
        """Every open challenge session as if its time had run out (the local API's switch); how
        many this layer held. moto's own (NEW_PASSWORD_REQUIRED) sessions are forgotten, which
        Cognito's words for an unknown session already cover."""
        self.backend.sessions.clear()
        return self.mfa.sessions.expire_all() + self.srp_challenges.expire_all()

    def revoke_token(self, request: Request, body: dict[str, Any]) -> dict[str, Any]:
        """Revoke a refresh token, the tokens rotated from the same sign-in, and every access
        token minted from any of them (they share the sign-in's origin_jti)."""
        client_id = body["ClientId"]
        pool = self.client_pool(client_id)
        check_client_secret(pool.clients[client_id], body.get("ClientSecret"))
        token = body["Token"]
        if jwt_claims(token) is not None:
            raise CognitoError("UnsupportedTokenTypeException", "Only refresh tokens can be revoked.")
        entry = pool.refresh_tokens.get(token)
        if entry is not None:
            if entry[0] != client_id:
                raise CognitoError("UnauthorizedException", "Token was not issued to this client.")
            origin_jti = entry[2]
            for other, other_entry in list(pool.refresh_tokens.items()):
                if other_entry is not None and other_entry[2] == origin_jti:
                    pool.refresh_tokens[other] = None
            for access_token in list(pool.access_tokens):
                if (jwt_claims(access_token) or {}).get("origin_jti") == origin_jti:
                    del pool.access_tokens[access_token]
        return {}  # unknown or already revoked tokens succeed, as in OAuth revocation

    def get_tokens_from_refresh_token(self, request: Request, body: dict[str, Any]) -> dict[str, Any]:
        """Missing in moto. New access and id tokens, and a new refresh token when the app client
        rotates them (refresh.py has the rules and their sources)."""
        client_id = body["ClientId"]
        pool = self.client_pool(client_id)
        check_client_secret(pool.clients[client_id], body.get("ClientSecret"))
        # ClientMetadata matters only to Lambda triggers, which the local pool has none of.
        self.mfa.devices.check_refresh(pool, body["RefreshToken"], body.get("DeviceKey"))
        return self.refresh_tokens.refresh(pool, client_id, body["RefreshToken"], may_rotate=True)

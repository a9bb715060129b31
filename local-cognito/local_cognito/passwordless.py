"""Signing up without a password, and signing in straight after sign-up.

SignUp may leave out Password when the pool lets users sign in with an emailed or texted code
("Users can sign up without a password when your user pool supports passwordless sign-in with
email or SMS OTPs", SignUp in the API reference). SignUp's Session can be passed to
ConfirmSignUp, and ConfirmSignUp's Session to InitiateAuth USER_AUTH, which then "assumes the
... one-time verification password from ConfirmSignUp as the primary authentication factor" and
signs the user in (InitiateAuth's Session). amplify-js's autoSignIn reads ConfirmSignUp's Session
without passing SignUp's, so ConfirmSignUp hands one out either way."""

from __future__ import annotations

import secrets

from moto.cognitoidp.models import CognitoIdpUserPool

from .errors import CognitoError
from .sessions import MSG_SESSION_INVALID, Sessions
from .sign_in_policy import first_factors

# The challenge names the two sessions wait for (internal: neither is ever a ChallengeName).
AWAITS_CONFIRMATION = "CONFIRM_SIGN_UP"
AWAITS_SIGN_IN = "USER_AUTH"
# No AWS source quotes Cognito's words for a passwordless sign-up in a pool that can't take one.
MSG_PASSWORD_NEEDED = (
    "Password is required: the user pool doesn't allow sign-in with email or SMS one-time passwords."
)


def check_passwordless_sign_up(pool: CognitoIdpUserPool) -> None:
    """A passkey can only be registered by a signed-in user, so it is a code that must let a
    user without a password in."""
    factors = first_factors(pool.extended_config)
    if "EMAIL_OTP" not in factors and "SMS_OTP" not in factors:
        raise CognitoError("InvalidParameterException", MSG_PASSWORD_NEEDED)


def placeholder_password() -> str:
    """What moto is given for a user signing up without a password (it insists on one and checks
    the pool's policy); the layer forgets it at once, so no password can sign the user in."""
    return "Aa1!" + secrets.token_hex(32)


class SignUpSessions:
    def __init__(self, sessions: Sessions) -> None:
        self.sessions = sessions

    def after_sign_up(self, pool: CognitoIdpUserPool, client_id: str, username: str) -> str:
        return self.sessions.open(pool, client_id, username, AWAITS_CONFIRMATION).token

    def check_given(self, pool: CognitoIdpUserPool, client_id: str, username: str, token: str | None) -> None:
        """ConfirmSignUp's Session, when it has one: SignUp's for this user, still open."""
        if token is None:
            return
        session = self.sessions.take(token, client_id)
        if session.challenge != AWAITS_CONFIRMATION or session.pool_id != pool.id or session.username != username:
            raise CognitoError("NotAuthorizedException", MSG_SESSION_INVALID)

    def after_confirmation(self, pool: CognitoIdpUserPool, client_id: str, username: str, given: str | None) -> str:
        """The user is confirmed: SignUp's session is used up, and one for InitiateAuth opens."""
        if given is not None:
            self.sessions.take(given, client_id).used = True
        return self.sessions.open(pool, client_id, username, AWAITS_SIGN_IN).token

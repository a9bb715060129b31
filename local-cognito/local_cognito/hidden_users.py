"""What an app client with PreventUserExistenceErrors ENABLED answers where the user is unknown
(developer guide, "Managing user existence error responses"): sign-in fails as a wrong password
does, sending a code pretends to have sent one, and confirming a code fails as a wrong code does."""

from __future__ import annotations

from typing import Any

from .codes import MSG_BAD_CODE
from .errors import MSG_WRONG_PASSWORD, CognitoError
from .identifiers import simulated_delivery

PRETEND_SENT = ("ForgotPassword", "ResendConfirmationCode")
WRONG_CODE = ("ConfirmSignUp", "ConfirmForgotPassword")


def answer_for_hidden_user(action: str, body: dict[str, Any]) -> dict[str, Any]:
    """The answer for `action` about an unknown user, or the error that stands for it."""
    if action in PRETEND_SENT:
        return {"CodeDeliveryDetails": simulated_delivery(str(body.get("Username", "")))}
    if action in WRONG_CODE:
        raise CognitoError("CodeMismatchException", MSG_BAD_CODE)
    raise CognitoError("NotAuthorizedException", MSG_WRONG_PASSWORD)

"""Errors answered the way Cognito answers them."""

from __future__ import annotations

import json
from typing import Any

from werkzeug.wrappers import Response

AMZ_JSON = "application/x-amz-json-1.1"
# Cognito's messages that more than one module answers with.
MSG_WRONG_PASSWORD = "Incorrect username or password."
MSG_STALE_SESSION = "Invalid session for the user, session is expired."


class CognitoError(Exception):
    """An error answered as Cognito does: {"__type", "message"} with a status."""

    def __init__(self, type_: str, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.type = type_
        self.message = message
        self.status = status


def json_response(status: int, payload: Any, content_type: str = "application/json") -> Response:
    return Response(json.dumps(payload), status=status, content_type=content_type)

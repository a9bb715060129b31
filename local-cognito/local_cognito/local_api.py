"""The /_local/ API: what tests need and a real pool can't be asked for (codes, settings, counts,
expiring challenge sessions).

It changes the server's behaviour, so only programs on this machine may use it: requests from a
web page (an Origin other than the server's own), POSTs a page could send without a CORS
preflight (any Content-Type but application/json), and requests for another host name (DNS
rebinding) are refused, and no answer carries CORS headers."""

from __future__ import annotations

import time
from typing import Any, Callable

from werkzeug.wrappers import Request, Response

from .codes import Codes
from .errors import CognitoError, json_response
from .settings import Settings


def own_origins(port: int) -> set[str]:
    return {f"http://{host}:{port}" for host in ("127.0.0.1", "localhost", "[::1]")}


def refusal(request: Request, port: int) -> Response | None:
    """The 403/415 answer for a request the local API must not serve, or None."""
    origins = own_origins(port)
    hosts = {origin.removeprefix("http://") for origin in origins}
    if port == 80:
        hosts |= {"127.0.0.1", "localhost", "[::1]"}
    if request.host not in hosts:
        return json_response(403, {"__type": "Forbidden", "message": f"unknown host {request.host}"})
    origin = request.headers.get("Origin")
    if origin is not None and origin not in origins:
        return json_response(403, {"__type": "Forbidden", "message": "the local API does not answer web pages"})
    if request.method == "OPTIONS":
        return json_response(403, {"__type": "Forbidden", "message": "no cross-origin access"})
    if request.method == "POST" and request.mimetype != "application/json":
        return json_response(415, {"__type": "UnsupportedMediaType", "message": "POST with Content-Type: application/json"})
    return None


class LocalApi:
    def __init__(
        self,
        settings: Settings,
        config: dict[str, str],
        stats: dict[str, Any],
        codes: Codes,
        operations: set[str],
        expire_sessions: Callable[[], int],
        expire_authorization_codes: Callable[[], int],
    ) -> None:
        self.settings = settings
        self.config = config
        self.stats = stats
        self.codes = codes
        self.operations = operations
        self.expire_sessions = expire_sessions
        self.expire_authorization_codes = expire_authorization_codes

    def handle(self, request: Request) -> Response:
        path = request.path
        if path == "/_local/health":
            return json_response(200, {"ok": True})
        if path == "/_local/stats":
            return json_response(200, self.stats)
        if path == "/_local/config":
            return json_response(200, self.config)
        if path == "/_local/settings":
            if request.method == "POST":
                self.update_settings(request.get_json(force=True, silent=True))
            return json_response(200, self.settings.to_json())
        if path.startswith("/_local/codes/"):
            return self.code(request, path[len("/_local/codes/") :])
        if path == "/_local/sessions/expire" and request.method == "POST":
            # Every open sign-in challenge session (MFA, MFA setup, SRP, new password) answers
            # as one whose AuthSessionValidity ran out, without waiting minutes for it.
            return json_response(200, {"expired": self.expire_sessions()})
        if path == "/_local/oauth/codes/expire" and request.method == "POST":
            # Authorization codes issued and not yet exchanged age past their 5 minutes.
            return json_response(200, {"expired": self.expire_authorization_codes()})
        raise CognitoError("NotFound", f"unknown local endpoint {path}", 404)

    def code(self, request: Request, rest: str) -> Response:
        """GET codes/<address> reads the current code; POST codes/<address>/expire ends it. The
        address is an email, or for texted codes (purpose=mfa, or otp for a sign-in code) a
        phone number."""
        expire = rest.endswith("/expire") and request.method == "POST"
        email = (rest.removesuffix("/expire") if expire else rest).lower()
        purpose = request.args.get("purpose", "signUp")
        code = self.codes.expire(purpose, email) if expire else self.codes.current(purpose, email)
        if code is None:
            raise CognitoError("NotFound", f"no {purpose} code for {email}", 404)
        return json_response(200, {"expired" if expire else "code": code})

    def update_settings(self, body: Any) -> None:
        """Check every key first, then apply them all: a refused request changes nothing."""
        if not isinstance(body, dict):
            raise CognitoError("InvalidParameterException", "body must be a JSON object")
        s = self.settings
        auto = body.get("autoConfirm", s.auto_confirm)
        lifetime = body.get("tokenLifetimeSeconds", s.token_lifetime)
        if not isinstance(auto, bool):
            raise CognitoError("InvalidParameterException", "autoConfirm must be a boolean")
        if not _positive_int(lifetime):
            raise CognitoError("InvalidParameterException", "tokenLifetimeSeconds must be a positive integer")
        outage = body.get("outageSeconds")
        if outage is not None and not _seconds(outage):
            raise CognitoError("InvalidParameterException", "outageSeconds must be a number of seconds >= 0")
        delay = body.get("delaySeconds")
        if delay is not None and not _seconds(delay):
            raise CognitoError("InvalidParameterException", "delaySeconds must be a number of seconds >= 0")
        actions = body.get("delayActions", s.delay_actions if delay is None else None)
        if actions is not None and (
            not isinstance(actions, (list, frozenset)) or not all(a in self.operations for a in actions)
        ):
            raise CognitoError("InvalidParameterException", "delayActions must be a list of Cognito action names")
        refresh_lifetime = body.get("refreshTokenLifetimeSeconds", s.refresh_token_lifetime)
        if refresh_lifetime is not None and not _positive_int(refresh_lifetime):
            raise CognitoError(
                "InvalidParameterException", "refreshTokenLifetimeSeconds must be a positive integer or null"
            )
        s.auto_confirm = auto
        s.token_lifetime = lifetime
        if outage is not None:
            s.outage_until = time.time() + outage
        if delay is not None:
            s.delay_seconds = delay
        s.delay_actions = None if actions is None else frozenset(actions)
        s.refresh_token_lifetime = refresh_lifetime


def _positive_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 1


def _seconds(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and value >= 0

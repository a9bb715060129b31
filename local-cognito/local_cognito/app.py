"""The HTTP side: a WSGI app in front of moto's Cognito app. It answers every Cognito API call
with JSON and CORS headers, checks each request against botocore's model, hands it to the
actions (actions.py), and serves the /_local/ API (local_api.py)."""

from __future__ import annotations

import io
import json
import threading
import time
import traceback
from pathlib import Path
from typing import Any, Callable

import botocore.session
from moto.cognitoidp.models import CognitoIdpBackend, cognitoidp_backends
from moto.core import DEFAULT_ACCOUNT_ID
from moto.moto_server.werkzeug_app import create_backend_app
from werkzeug.wrappers import Request, Response

from . import oauth
from .actions import Actions
from .devices import tracking_mode
from .errors import AMZ_JSON, CognitoError, json_response
from .identifiers import sign_in_config
from .local_api import LocalApi, refusal
from .refresh import RefreshTokens
from .settings import Settings
from .sign_in_policy import first_factors
from .template import REGION
from .validation import check_request

TARGET_PREFIX = "AWSCognitoIdentityProviderService."
# The config.json fields this server writes (publish_config).
SERVER_FIELDS = frozenset(
    {
        *("region", "userPoolId", "clientId", "endpoint", "mfaConfiguration", "enabledMfas"),
        *("firstAuthFactors", "webAuthnRelyingPartyId", "deviceTracking", "signIn"),
    }
)
# Administrator actions that change what config.json says about the pool or its app client.
CONFIG_ACTIONS = frozenset({"SetUserPoolMfaConfig", "UpdateUserPool", "UpdateUserPoolClient"})

# moto picks the backend region from the SigV4 credential scope; browsers send
# unsigned requests, which moto would route to us-east-1. Its signature is
# never checked.
DUMMY_AUTH = (
    f"AWS4-HMAC-SHA256 Credential=local/20240101/{REGION}/cognito-idp/aws4_request, "
    "SignedHeaders=host, Signature=0"
)

CORS_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Headers": "content-type, x-amz-target, x-amz-user-agent, authorization, cache-control, amz-sdk-invocation-id, amz-sdk-request",
    "Access-Control-Allow-Methods": "POST, GET, OPTIONS",
    "Access-Control-Max-Age": "600",
}


class LocalCognito:
    """Requests for actions moto gets wrong are handled (fully or partly) by the actions; the
    rest pass straight through to moto."""

    def __init__(self, settings: Settings, config: dict[str, Any], config_path: Path | None = None) -> None:
        self.settings = settings
        self.config = config
        # Where the frontend's config.json goes, kept in step with the pool (see publish_config).
        self.config_path = config_path
        self.published = False
        self.port = 0  # set once the server listens: the local API answers only for its own origin
        # Built once here rather than on the first request, so startup pays for it.
        self.moto_app = create_backend_app("cognito-idp")
        backend: CognitoIdpBackend = cognitoidp_backends[DEFAULT_ACCOUNT_ID][REGION]
        self.model = botocore.session.get_session().get_service_model("cognito-idp")
        self.operations = set(self.model.operation_names)
        # What tests can't see from the browser: calls per action (InitiateAuth per flow), how
        # many requests arrived with an expired access token, and refresh token reuses refused.
        self.stats: dict[str, Any] = {"calls": {}, "expiredAccessTokens": 0}
        self.refresh_tokens = RefreshTokens(settings, self.stats)
        self.actions = Actions(backend, settings, self.stats, self.refresh_tokens, self.moto)
        self.oauth = oauth.OAuthEndpoints(backend, self.refresh_tokens, self.stats)
        self.local = LocalApi(
            settings,
            config,
            self.stats,
            self.actions.codes,
            self.operations,
            self.actions.expire_sessions,
            self.oauth.expire_codes,
        )
        # moto's backend is not thread-safe and this is a dev server: serialise. The server runs a
        # thread per request, so a delayed request (delaySeconds) waits outside this lock.
        self.lock = threading.Lock()

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        request = Request(environ)
        try:
            response = self.route(request)
        except CognitoError as e:
            response = json_response(e.status, {"__type": e.type, "message": e.message}, AMZ_JSON)
        except Exception as e:  # a moto (or our) bug must still reach the browser as JSON
            traceback.print_exc()
            body = {"__type": "InternalErrorException", "message": f"{type(e).__name__}: {e}"}
            response = json_response(500, body, AMZ_JSON)
        if not request.path.startswith("/_local/"):
            for name, value in CORS_HEADERS.items():
                response.headers[name] = value
        return response(environ, start_response)

    def route(self, request: Request) -> Response:
        if request.path.startswith("/_local/"):
            refused = refusal(request, self.port)
            if refused is not None:
                return refused
            with self.lock:
                return self.local.handle(request)
        if request.method == "OPTIONS":
            return Response(status=200)
        if oauth.handles(request.path):
            with self.lock:  # the pool domain: this server, by the name the browser used
                return self.oauth.handle(request, request.host_url.rstrip("/"))
        target = request.headers.get("X-Amz-Target", "")
        if request.method == "POST" and target.startswith(TARGET_PREFIX):
            action = target[len(TARGET_PREFIX) :]
            delay = self.settings.delay_for(action)
            if delay > 0:
                time.sleep(delay)
            if self.settings.outage_seconds() > 0:
                return Response("<html><body>503 Service Unavailable</body></html>", 503, content_type="text/html")
            with self.lock:
                result = self.cognito(action, request)
            return json_response(200, result, AMZ_JSON)
        if request.method == "GET" and "/.well-known/" in request.path:
            with self.lock:  # JWKS / OpenID configuration, served by moto
                return self.forward(request.environ, None)
        raise CognitoError("UnknownOperationException", "Missing or unknown X-Amz-Target header")

    def cognito(self, action: str, request: Request) -> dict[str, Any]:
        try:
            body = json.loads(request.get_data() or b"{}")
        except ValueError:
            raise CognitoError("SerializationException", "Request body is not valid JSON") from None
        if not isinstance(body, dict):
            raise CognitoError("SerializationException", "Request body must be a JSON object")
        if action not in self.operations:
            raise CognitoError("UnknownOperationException", f"Unknown operation {action}")
        flow = body.get("AuthFlow") if action == "InitiateAuth" else None
        key = f"{action}:{flow}" if isinstance(flow, str) else action
        self.stats["calls"][key] = self.stats["calls"].get(key, 0) + 1
        check_request(self.model, action, body)
        result = self.actions.run(action, request, body)
        if action in CONFIG_ACTIONS:
            self.publish_config()
        return result

    def publish_config(self) -> None:
        """The frontend's config.json: the pool, the client and the endpoint, the pool's MFA,
        its first factors when the app client allows choice-based sign-in, the passkeys'
        relying party and device tracking, as config.json names them, rewritten whenever an administrator changes
        them, as a deployment would regenerate it from the stack."""
        pool_id = self.config["userPoolId"]
        mfa = self.actions.mfa.pools.of(pool_id)
        self.config["mfaConfiguration"] = mfa.mode
        self.config["enabledMfas"] = mfa.methods()
        pool = self.actions.backend.user_pools[pool_id]
        self.config["deviceTracking"] = tracking_mode(pool)
        self.config["signIn"] = sign_in_config(pool)
        client = pool.clients[self.config["clientId"]]
        self.config.pop("firstAuthFactors", None)
        if "ALLOW_USER_AUTH" in (client.extended_config.get("ExplicitAuthFlows") or []):
            self.config["firstAuthFactors"] = first_factors(pool.extended_config)
        self.config.pop("webAuthnRelyingPartyId", None)
        relying_party_id = self.actions.mfa.webauthn.of(pool_id).relying_party_id
        if relying_party_id:
            self.config["webAuthnRelyingPartyId"] = relying_party_id
        if self.config_path is None:
            return
        written = dict(self.config)
        if self.published:
            # Fields added to the file since it was written here (the site's authFlow, theme,
            # ...) are the site owner's: a rewrite keeps them.
            written.update(self.site_fields())
        self.config_path.parent.mkdir(parents=True, exist_ok=True)
        self.config_path.write_text(json.dumps(written, indent=2) + "\n", encoding="utf-8")
        self.published = True

    def site_fields(self) -> dict[str, Any]:
        """What config.json holds besides the fields this server writes."""
        try:
            current = json.loads(self.config_path.read_text(encoding="utf-8")) if self.config_path else {}
        except (OSError, ValueError):
            return {}
        return {k: v for k, v in current.items() if k not in SERVER_FIELDS} if isinstance(current, dict) else {}

    def forward(self, environ: dict[str, Any], body: dict[str, Any] | None, action: str | None = None) -> Response:
        env = dict(environ)
        if action is not None:
            env["HTTP_X_AMZ_TARGET"] = TARGET_PREFIX + action
        if body is not None:
            raw = json.dumps(body).encode()
            env["wsgi.input"] = io.BytesIO(raw)
            env["CONTENT_LENGTH"] = str(len(raw))
        env["HTTP_AUTHORIZATION"] = DUMMY_AUTH
        env["HTTP_USER_AGENT"] = "local-cognito"  # moto prefers a region/xx in the UA over the auth header
        return Response.from_app(self.moto_app, env, buffered=True)

    def moto(self, request: Request, body: dict[str, Any], action: str | None = None) -> dict[str, Any]:
        """Run the request's action (or another one) in moto and return its JSON, raising its
        errors."""
        response = self.forward(request.environ, body, action)
        raw = response.get_data()
        try:
            data = json.loads(raw) if raw.strip() else {}
        except ValueError:
            data = {"message": raw.decode("utf-8", "replace")[:500]}
        if response.status_code >= 500:
            raise CognitoError("InternalErrorException", str(data.get("message", "moto failed")), 500)
        if response.status_code >= 400:
            raise CognitoError(str(data.get("__type", "BadRequest")), str(data.get("message", "")), response.status_code)
        return data

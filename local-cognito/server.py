"""Local Amazon Cognito user pool for frontend development.

moto's Cognito backend, wrapped in a small WSGI layer that makes it behave
like the real service where a sign-in frontend can tell the difference:
requests are validated against botocore's model, confirmation codes are
checked, ResendConfirmationCode/RevokeToken/GetTokensFromRefreshToken exist,
refresh tokens rotate, tokens expire, every response is JSON, and error
messages match Cognito's. The pool and client are created from the
CloudFormation template in deploy/ so local and deployed pools share one
definition.

Run with the venv's python (see install.sh):  .venv/bin/python server.py
"""

from __future__ import annotations

import argparse
import base64
import io
import json
import os
import secrets
import signal
import sys
import threading
import time
import traceback
from pathlib import Path
from typing import Any, Callable, NoReturn

# moto reads these when it creates a pool/client: hashing the template's
# properties instead of random UUIDs keeps the ids stable across restarts.
os.environ["MOTO_COGNITO_IDP_USER_POOL_ID_STRATEGY"] = "HASH"
os.environ["MOTO_COGNITO_IDP_USER_POOL_CLIENT_ID_STRATEGY"] = "HASH"

import botocore.session  # noqa: E402
from local_cognito.errors import AMZ_JSON, MSG_STALE_SESSION, CognitoError, json_response  # noqa: E402
from local_cognito.local_api import LocalApi, refusal  # noqa: E402
from local_cognito.moto_patches import patch_sign_out, patch_token_creation  # noqa: E402
from local_cognito.refresh import RefreshTokens, check_client_secret  # noqa: E402
from local_cognito.settings import Settings, settings_from_env  # noqa: E402
from local_cognito.srp import SrpChallenges, parse_srp_a  # noqa: E402
from local_cognito.template import REGION, create_from_template, load_template  # noqa: E402
from local_cognito.users import delivery_details, password_problem  # noqa: E402
from local_cognito.validation import check_request  # noqa: E402
from moto.cognitoidp.models import (  # noqa: E402
    CognitoIdpBackend,
    CognitoIdpUser,
    CognitoIdpUserPool,
    UserStatus,
    cognitoidp_backends,
)
from moto.cognitoidp.responses import CognitoIdpResponse  # noqa: E402
from moto.core import DEFAULT_ACCOUNT_ID  # noqa: E402
from moto.core.utils import camelcase_to_underscores  # noqa: E402
from moto.moto_server.werkzeug_app import create_backend_app  # noqa: E402
from werkzeug.serving import make_server  # noqa: E402
from werkzeug.wrappers import Request, Response  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "deploy" / "cognito-pool.yaml"
TARGET_PREFIX = "AWSCognitoIdentityProviderService."

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

# Real Cognito's messages, which the frontend may show or match on.
MSG_NO_USER_FOR_CLIENT = "Username/client id combination not found."
MSG_BAD_CODE = "Invalid verification code provided, please try again."
MSG_STALE_CODE = "Invalid code provided, please request a code again."

# The ExplicitAuthFlows entry each InitiateAuth flow needs.
AUTH_FLOW_PERMISSIONS = {
    "USER_PASSWORD_AUTH": "ALLOW_USER_PASSWORD_AUTH",
    "USER_SRP_AUTH": "ALLOW_USER_SRP_AUTH",
    "REFRESH_TOKEN_AUTH": "ALLOW_REFRESH_TOKEN_AUTH",
    "REFRESH_TOKEN": "ALLOW_REFRESH_TOKEN_AUTH",
    "CUSTOM_AUTH": "ALLOW_CUSTOM_AUTH",
    "USER_AUTH": "ALLOW_USER_AUTH",
}


# --- helpers -----------------------------------------------------------------


def jwt_claims(token: str) -> dict[str, Any] | None:
    """Unverified JWT payload; tokens are checked against moto's store instead."""
    try:
        payload = token.split(".")[1]
        claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
        return claims if isinstance(claims, dict) else None
    except (IndexError, ValueError):
        return None


# --- the WSGI layer ------------------------------------------------------------


class LocalCognito:
    """WSGI app in front of moto's Cognito app. Requests for actions moto gets
    wrong are handled (fully or partly) here; the rest pass straight through."""

    def __init__(self, settings: Settings, config: dict[str, str]) -> None:
        self.settings = settings
        self.config = config
        self.port = 0  # set once the server listens: the local API answers only for its own origin
        # Built once here rather than on the first request, so startup pays for it.
        self.moto_app = create_backend_app("cognito-idp")
        self.backend: CognitoIdpBackend = cognitoidp_backends[DEFAULT_ACCOUNT_ID][REGION]
        self.model = botocore.session.get_session().get_service_model("cognito-idp")
        self.operations = set(self.model.operation_names)
        # (purpose, lowercased email) -> latest code; purpose is signUp or forgotPassword.
        self.codes: dict[tuple[str, str], str] = {}
        # Codes that were used or have expired: (purpose, lowercased email, code). Cognito
        # answers ExpiredCodeException for them rather than CodeMismatchException.
        self.spent_codes: set[tuple[str, str, str]] = set()
        # What tests can't see from the browser: calls per action (InitiateAuth per flow), how
        # many requests arrived with an expired access token, and refresh token reuses refused.
        self.stats: dict[str, Any] = {"calls": {}, "expiredAccessTokens": 0}
        self.refresh_tokens = RefreshTokens(settings, self.stats)
        self.local = LocalApi(settings, config, self.stats, self.codes, self.spent_codes, self.operations)
        # moto's backend is not thread-safe and this is a dev server: serialise. The server runs a
        # thread per request, so a delayed request (delaySeconds) waits outside this lock.
        self.lock = threading.Lock()
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
        }
        self.srp_challenges = SrpChallenges()

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

    # --- Cognito API ---

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
        self.normalise_usernames(body)
        if isinstance(body.get("AccessToken"), str):
            self.check_access_token(body["AccessToken"])
        handler = self.handlers.get(action)
        if handler is None and not hasattr(CognitoIdpResponse, camelcase_to_underscores(action)):
            raise CognitoError(
                "UnsupportedOperationException", f"{action} is not supported by the local Cognito emulator"
            )
        try:
            return handler(request, body) if handler else self.moto(request, body)
        except CognitoError as e:
            raise self.realistic_error(e, body) from None

    def forward(self, environ: dict[str, Any], body: dict[str, Any] | None) -> Response:
        env = dict(environ)
        if body is not None:
            raw = json.dumps(body).encode()
            env["wsgi.input"] = io.BytesIO(raw)
            env["CONTENT_LENGTH"] = str(len(raw))
        env["HTTP_AUTHORIZATION"] = DUMMY_AUTH
        env["HTTP_USER_AGENT"] = "local-cognito"  # moto prefers a region/xx in the UA over the auth header
        return Response.from_app(self.moto_app, env, buffered=True)

    def moto(self, request: Request, body: dict[str, Any]) -> dict[str, Any]:
        """Run the action in moto and return its JSON, raising its errors."""
        response = self.forward(request.environ, body)
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

    def realistic_error(self, e: CognitoError, body: dict[str, Any]) -> CognitoError:
        """Replace moto's messages where they differ from Cognito's."""
        if e.type == "UsernameExistsException":
            e.message = "An account with the given email already exists."
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

    def check_access_token(self, token: str) -> None:
        """moto accepts expired tokens; Cognito rejects them before anything else."""
        claims = jwt_claims(token)
        if claims is None or claims.get("token_use") != "access":
            raise CognitoError("NotAuthorizedException", "Invalid Access Token")
        if time.time() >= float(claims.get("exp", 0)):
            self.stats["expiredAccessTokens"] += 1
            raise CognitoError("NotAuthorizedException", "Access Token has expired")
        if not any(token in pool.access_tokens for pool in self.backend.user_pools.values()):
            # Signed out (GlobalSignOut/RevokeToken) or issued before a restart.
            raise CognitoError("NotAuthorizedException", "Access Token has been revoked")

    def find_pool(self, client_id: Any) -> CognitoIdpUserPool | None:
        for pool in self.backend.user_pools.values():
            if client_id in pool.clients:
                return pool
        return None

    def pool_and_user(self, body: dict[str, Any]) -> tuple[CognitoIdpUserPool, CognitoIdpUser]:
        client_id = body.get("ClientId")
        pool = self.find_pool(client_id)
        if pool is None:
            raise CognitoError("ResourceNotFoundException", f"User pool client {client_id} does not exist.")
        user = pool._get_user(str(body.get("Username", "")))
        if user is None:
            raise CognitoError("UserNotFoundException", MSG_NO_USER_FOR_CLIENT)
        return pool, user

    def issue_code(self, purpose: str, email: str) -> None:
        code = os.environ.get("LOCAL_COGNITO_FIXED_CODE") or f"{secrets.randbelow(10**6):06d}"
        self.codes[(purpose, email.lower())] = code
        label = "confirmation code" if purpose == "signUp" else "password reset code"
        print(f"{label} for {email}: {code}", flush=True)

    def check_code(self, purpose: str, email: str, code: Any) -> None:
        expected = self.codes.get((purpose, email.lower()))
        if expected is None or code != expected:
            if (purpose, email.lower(), code) in self.spent_codes:
                raise CognitoError("ExpiredCodeException", MSG_STALE_CODE)
            raise CognitoError("CodeMismatchException", MSG_BAD_CODE)
        del self.codes[(purpose, email.lower())]
        self.spent_codes.add((purpose, email.lower(), code))

    def check_password(self, pool: CognitoIdpUserPool, password: Any) -> None:
        problem = password_problem(pool, str(password or ""))
        if problem:
            raise CognitoError("InvalidPasswordException", f"Password did not conform with policy: {problem}")

    def verify_email(self, pool: CognitoIdpUserPool, user: CognitoIdpUser) -> None:
        self.backend.admin_update_user_attributes(
            pool.id, user.username, [{"Name": "email_verified", "Value": "true"}]
        )

    # --- actions moto lacks or gets wrong ---

    def sign_up(self, request: Request, body: dict[str, Any]) -> dict[str, Any]:
        pool = self.find_pool(body.get("ClientId"))
        if pool is not None and pool._get_user(str(body.get("Username", ""))) is None:
            self.check_password(pool, body.get("Password"))
        result = self.moto(request, body)
        pool, user = self.pool_and_user(body)
        if self.settings.auto_confirm:
            # What a PreSignUp trigger returning autoConfirmUser + autoVerifyEmail does.
            self.backend.admin_confirm_sign_up(pool.id, user.username)
            self.verify_email(pool, user)
            return {"UserConfirmed": True, "UserSub": user.id}
        email = user.attribute_lookup.get("email")
        if email and "email" in pool.extended_config.get("AutoVerifiedAttributes", []):
            self.issue_code("signUp", email)
            # moto adds this too for AutoVerifiedAttributes=[email]; set it in any case
            result["CodeDeliveryDetails"] = delivery_details(email)
        return result

    def confirm_sign_up(self, request: Request, body: dict[str, Any]) -> dict[str, Any]:
        pool, user = self.pool_and_user(body)
        if user.status != UserStatus.UNCONFIRMED:
            raise CognitoError(
                "NotAuthorizedException", f"User cannot be confirmed. Current status is {UserStatus(user.status).value}"
            )
        self.check_code("signUp", user.attribute_lookup.get("email", ""), body.get("ConfirmationCode"))
        self.moto(request, body)
        self.verify_email(pool, user)  # the code proved the address
        return {}

    def resend_confirmation_code(self, request: Request, body: dict[str, Any]) -> dict[str, Any]:
        _, user = self.pool_and_user(body)
        if user.status != UserStatus.UNCONFIRMED:
            raise CognitoError("InvalidParameterException", "User is already confirmed.")
        email = user.attribute_lookup.get("email", "")
        self.issue_code("signUp", email)
        return {"CodeDeliveryDetails": delivery_details(email)}

    def forgot_password(self, request: Request, body: dict[str, Any]) -> dict[str, Any]:
        _, user = self.pool_and_user(body)
        email = user.attribute_lookup.get("email", "")
        if user.attribute_lookup.get("email_verified") != "true":
            raise CognitoError(
                "InvalidParameterException",
                "Cannot reset password for the user as there is no registered/verified email or phone_number",
            )
        self.moto(request, body)  # moto's own code travels in a header nobody reads
        self.issue_code("forgotPassword", email)
        return {"CodeDeliveryDetails": delivery_details(email)}

    def confirm_forgot_password(self, request: Request, body: dict[str, Any]) -> dict[str, Any]:
        pool, user = self.pool_and_user(body)
        self.check_password(pool, body.get("Password"))
        # moto accepts any code that does not look like its own, so check ours.
        self.check_code("forgotPassword", user.attribute_lookup.get("email", ""), body.get("ConfirmationCode"))
        return self.moto(request, body)

    def change_password(self, request: Request, body: dict[str, Any]) -> dict[str, Any]:
        for pool in self.backend.user_pools.values():
            if body.get("AccessToken") in pool.access_tokens:
                self.check_password(pool, body.get("ProposedPassword"))
        try:
            return self.moto(request, body)
        except CognitoError as e:
            if e.type == "NotAuthorizedException":  # moto puts the username in the message
                e.message = "Incorrect username or password."
            raise

    def client_pool(self, client_id: Any) -> CognitoIdpUserPool:
        pool = self.find_pool(client_id)
        if pool is None:
            raise CognitoError("ResourceNotFoundException", f"User pool client {client_id} does not exist.")
        return pool

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

    def initiate_auth(self, request: Request, body: dict[str, Any]) -> dict[str, Any]:
        """USER_SRP_AUTH with real SRP values and the refresh flows done here; other flows are moto's."""
        client_id = body["ClientId"]
        flow = body["AuthFlow"]
        pool = self.client_pool(client_id)
        self.check_auth_flow(pool, client_id, flow)
        params = body.get("AuthParameters") if isinstance(body.get("AuthParameters"), dict) else {}
        if flow in ("REFRESH_TOKEN_AUTH", "REFRESH_TOKEN"):
            token = params.get("REFRESH_TOKEN")
            if not token:
                raise CognitoError("InvalidParameterException", "Missing required parameter REFRESH_TOKEN")
            return self.refresh_tokens.refresh(pool, client_id, token, may_rotate=False)
        if flow != "USER_SRP_AUTH":
            return self.moto(request, body)
        large_a = parse_srp_a(params.get("SRP_A"))
        # moto checks the client and the user (exists, enabled, confirmed) and opens a session.
        result = self.moto(request, body)
        user = pool._get_user(str(params.get("USERNAME", "")))
        if user is None or result.get("ChallengeName") != "PASSWORD_VERIFIER":
            return result
        parameters = self.srp_challenges.open(
            pool.id, user.username, str(user.password), large_a, str(result.get("Session", ""))
        )
        return {"ChallengeName": "PASSWORD_VERIFIER", "ChallengeParameters": parameters}

    def respond_to_auth_challenge(self, request: Request, body: dict[str, Any]) -> dict[str, Any]:
        """PASSWORD_VERIFIER is checked here; the rest is moto's."""
        if body.get("ChallengeName") != "PASSWORD_VERIFIER":
            return self.moto(request, body)
        answers = body.get("ChallengeResponses") if isinstance(body.get("ChallengeResponses"), dict) else {}
        moto_session = self.srp_challenges.answer(self.client_pool(body["ClientId"]).id, answers)
        # Proven: moto mints the tokens (or asks for the next step); it knows the session by the
        # secret block it handed out.
        forwarded = {**body, "ChallengeResponses": {**answers, "PASSWORD_CLAIM_SECRET_BLOCK": moto_session}}
        return self.moto(request, forwarded)

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
        rotates them (local_cognito/refresh.py has the rules and their sources)."""
        client_id = body["ClientId"]
        pool = self.client_pool(client_id)
        check_client_secret(pool.clients[client_id], body.get("ClientSecret"))
        # DeviceKey matters only with device tracking and ClientMetadata only to Lambda triggers;
        # the local pool has neither.
        return self.refresh_tokens.refresh(pool, client_id, body["RefreshToken"], may_rotate=True)


# --- main ------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, default=9229, help="port on 127.0.0.1 (0 picks a free one)")
    parser.add_argument("--write-config", metavar="PATH", help="write the frontend's JSON config here")
    parser.add_argument("--template", default=str(TEMPLATE), help="CloudFormation template to create the pool from")
    parser.add_argument(
        "--param",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="override a template parameter (repeatable), like aws cloudformation deploy --parameter-overrides",
    )
    parser.add_argument("--verbose", action="store_true", help="log every request")
    args = parser.parse_args(argv)
    overrides: dict[str, str] = {}
    for item in args.param:
        name, equals, value = item.partition("=")
        if not equals or not name:
            parser.error(f"--param needs NAME=VALUE, got {item!r}")
        overrides[name] = value

    import logging

    logging.getLogger("werkzeug").setLevel(logging.INFO if args.verbose else logging.WARNING)

    settings = settings_from_env()
    patch_token_creation(settings)
    patch_sign_out()
    try:
        pool_id, client_id = create_from_template(
            cognitoidp_backends[DEFAULT_ACCOUNT_ID][REGION], load_template(Path(args.template)), overrides
        )
    except ValueError as e:
        sys.exit(f"local Cognito: {e}")
    config = {"region": REGION, "userPoolId": pool_id, "clientId": client_id, "endpoint": ""}
    app = LocalCognito(settings, config)
    app.refresh_tokens.install()
    # A thread per request: a delayed request must not hold up the others.
    server = make_server("127.0.0.1", args.port, app, threaded=True)
    app.port = server.server_port
    endpoint = f"http://127.0.0.1:{server.server_port}/"
    config["endpoint"] = endpoint
    if args.write_config:
        path = Path(args.write_config)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")

    def stop(signum: int, frame: Any) -> NoReturn:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    print(f"local Cognito ready on {endpoint} (pool {pool_id}, client {client_id})", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        print("local Cognito stopped", flush=True)


if __name__ == "__main__":
    main()

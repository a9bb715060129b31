"""Local Amazon Cognito user pool for frontend development.

moto's Cognito backend, wrapped in a small WSGI layer that makes it behave
like the real service where a sign-in frontend can tell the difference:
confirmation codes are checked, ResendConfirmationCode/RevokeToken exist,
tokens expire, every response is JSON with CORS headers, and error messages
match Cognito's. The pool and client are created from the CloudFormation
template in deploy/ so local and deployed pools share one definition.

Run with the venv's python (see install.sh):  .venv/bin/python server.py
"""

from __future__ import annotations

import argparse
import base64
import datetime
import hashlib
import hmac
import io
import json
import os
import re
import secrets
import signal
import sys
import threading
import time
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, NoReturn

# moto reads these when it creates a pool/client: hashing the template's
# properties instead of random UUIDs keeps the ids stable across restarts.
os.environ["MOTO_COGNITO_IDP_USER_POOL_ID_STRATEGY"] = "HASH"
os.environ["MOTO_COGNITO_IDP_USER_POOL_CLIENT_ID_STRATEGY"] = "HASH"

import botocore.session  # noqa: E402
import yaml  # noqa: E402
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

REGION = "ap-northeast-1"
ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "deploy" / "cognito-pool.yaml"
TARGET_PREFIX = "AWSCognitoIdentityProviderService."
AMZ_JSON = "application/x-amz-json-1.1"

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
MSG_STALE_SESSION = "Invalid session for the user, session is expired."
SYMBOLS = set("^$*.[]{}()?\"!@#%&/\\,><':;|_~`=+- ")


class CognitoError(Exception):
    """An error answered as Cognito does: {"__type", "message"} with a status."""

    def __init__(self, type_: str, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.type = type_
        self.message = message
        self.status = status


@dataclass
class Settings:
    auto_confirm: bool
    token_lifetime: int
    # Until this time.time(), every Cognito API call answers 503 as an overloaded or unreachable
    # load balancer would, and nothing is forgotten (a restart would lose all users and tokens).
    outage_until: float = 0.0

    def outage_seconds(self) -> float:
        return max(0.0, self.outage_until - time.time())

    def to_json(self) -> dict[str, Any]:
        return {
            "autoConfirm": self.auto_confirm,
            "tokenLifetimeSeconds": self.token_lifetime,
            "outageSeconds": round(self.outage_seconds(), 3),
        }


def settings_from_env() -> Settings:
    auto = os.environ.get("LOCAL_COGNITO_AUTO_CONFIRM", "").lower() in ("1", "true", "yes", "on")
    lifetime = int(os.environ.get("LOCAL_COGNITO_TOKEN_LIFETIME", "3600"))
    if lifetime < 1:
        sys.exit("LOCAL_COGNITO_TOKEN_LIFETIME must be a positive number of seconds")
    return Settings(auto_confirm=auto, token_lifetime=lifetime)


# --- CloudFormation template -------------------------------------------------


class CfnLoader(yaml.SafeLoader):
    """SafeLoader that turns short-form intrinsics (!Ref, !Sub, ...) into the
    long form ({"Ref": ...}, {"Fn::Sub": ...}) instead of failing on them."""


def _construct_intrinsic(loader: CfnLoader, suffix: str, node: yaml.Node) -> dict[str, Any]:
    value: Any
    if isinstance(node, yaml.ScalarNode):
        value = loader.construct_scalar(node)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = loader.construct_mapping(node, deep=True)  # type: ignore[arg-type]
    if suffix in ("Ref", "Condition"):
        return {suffix: value}
    if suffix == "GetAtt" and isinstance(value, str):
        value = value.split(".", 1)
    return {f"Fn::{suffix}": value}


CfnLoader.add_multi_constructor("!", _construct_intrinsic)


def load_template(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8") as f:
        return yaml.load(f, Loader=CfnLoader)  # noqa: S506 - CfnLoader is a SafeLoader


NO_VALUE = object()  # AWS::NoValue: the property is left out


def resolve(value: Any, refs: dict[str, str], attrs: dict[str, str], conditions: dict[str, bool] | None = None) -> Any:
    """Evaluate the intrinsics a Cognito template needs: Ref, Sub, Join, GetAtt, and the
    condition functions (If, Equals, Not) behind optional properties such as a PreSignUp trigger."""
    conditions = conditions or {}
    if isinstance(value, list):
        items = [resolve(v, refs, attrs, conditions) for v in value]
        return [v for v in items if v is not NO_VALUE]
    if not isinstance(value, dict):
        return value
    if len(value) == 1:
        key, arg = next(iter(value.items()))
        if key == "Ref":
            return NO_VALUE if arg == "AWS::NoValue" else refs[arg]
        if key == "Condition":
            return conditions[arg]
        if key == "Fn::If":
            name, if_true, if_false = arg
            return resolve(if_true if conditions[name] else if_false, refs, attrs, conditions)
        if key == "Fn::Equals":
            left, right = (resolve(v, refs, attrs, conditions) for v in arg)
            return str(left) == str(right)
        if key == "Fn::Not":
            return not resolve(arg[0], refs, attrs, conditions)
        if key == "Fn::GetAtt":
            return attrs[".".join(arg)]
        if key == "Fn::Join":
            return arg[0].join(str(resolve(v, refs, attrs)) for v in arg[1])
        if key == "Fn::Sub":
            text, extra = (arg, {}) if isinstance(arg, str) else (arg[0], resolve(arg[1], refs, attrs))
            scope = {**refs, **attrs, **extra}
            return re.sub(r"\$\{([^}!]+)\}", lambda m: str(scope[m.group(1)]), text)
        if key.startswith("Fn::"):
            raise ValueError(f"unsupported intrinsic {key} in template")
    resolved = {k: resolve(v, refs, attrs, conditions) for k, v in value.items()}
    return {k: v for k, v in resolved.items() if v is not NO_VALUE}


def create_from_template(backend: CognitoIdpBackend, template: dict[str, Any]) -> tuple[str, str]:
    """Create every user pool, then every client, through moto's backend API.
    Returns the ids of the first pool and client (the ones the frontend uses)."""
    refs: dict[str, str] = {
        "AWS::Region": REGION,
        "AWS::AccountId": DEFAULT_ACCOUNT_ID,
        "AWS::Partition": "aws",
        "AWS::StackName": "local",
        "AWS::URLSuffix": "amazonaws.com",
    }
    for name, param in (template.get("Parameters") or {}).items():
        if "Default" in param:
            refs[name] = str(param["Default"])
    attrs: dict[str, str] = {}
    conditions: dict[str, bool] = {}
    for name, expression in (template.get("Conditions") or {}).items():
        conditions[name] = bool(resolve(expression, refs, attrs, conditions))
    # A resource whose Condition is false does not exist; Lambda triggers are never run locally
    # (the auto-confirm setting stands in for the PreSignUp one), so LambdaConfig is dropped.
    resources = {
        name: res
        for name, res in template["Resources"].items()
        if conditions.get(res.get("Condition", ""), True)
    }
    pools: list[str] = []
    clients: list[str] = []
    for name, res in resources.items():
        if res["Type"] != "AWS::Cognito::UserPool":
            continue
        props = resolve(res.get("Properties") or {}, refs, attrs, conditions)
        props.pop("LambdaConfig", None)
        pool = backend.create_user_pool(props.pop("UserPoolName", name), props)
        refs[name] = pool.id
        attrs[f"{name}.Arn"] = pool.arn
        attrs[f"{name}.ProviderName"] = f"cognito-idp.{REGION}.amazonaws.com/{pool.id}"
        attrs[f"{name}.ProviderURL"] = f"https://cognito-idp.{REGION}.amazonaws.com/{pool.id}"
        pools.append(pool.id)
    for name, res in resources.items():
        if res["Type"] != "AWS::Cognito::UserPoolClient":
            continue
        props = resolve(res.get("Properties") or {}, refs, attrs, conditions)
        pool_id = props.pop("UserPoolId")
        secret = str(props.pop("GenerateSecret", False)).lower() == "true"
        client = backend.create_user_pool_client(pool_id, secret, props)
        refs[name] = client.id
        clients.append(client.id)
    if not pools or not clients:
        raise ValueError("template needs an AWS::Cognito::UserPool and an AWS::Cognito::UserPoolClient")
    return pools[0], clients[0]


# --- moto patch ---------------------------------------------------------------


def patch_token_creation(settings: Settings) -> None:
    """moto hard-codes a 3600 s lifetime in CognitoIdpUserPool.create_jwt, the
    single place every flow (InitiateAuth, refresh, RespondToAuthChallenge)
    mints tokens. Patch it to use the configurable lifetime (ExpiresIn follows
    from its return value) and to put the email claims into id tokens as
    Cognito does (email from the attribute, email_verified as a boolean)."""
    original = CognitoIdpUserPool.create_jwt

    def create_jwt(
        pool: CognitoIdpUserPool,
        client_id: str,
        username: str,
        token_use: str,
        expires_in: int = 3600,
        extra_data: dict[str, Any] | None = None,
    ) -> tuple[str, int]:
        extra = dict(extra_data or {})
        if token_use == "id":
            found = pool._get_user(username).attribute_lookup
            if "email" in found:
                extra["email"] = found["email"]
            if "email_verified" in found:
                extra["email_verified"] = str(found["email_verified"]).lower() == "true"
        return original(pool, client_id, username, token_use, settings.token_lifetime, extra)

    CognitoIdpUserPool.create_jwt = create_jwt  # type: ignore[method-assign, assignment]


def patch_sign_out() -> None:
    """moto files each session under the name the user signed in with (the email after
    USER_PASSWORD_AUTH, the internal username after SRP's PASSWORD_VERIFIER), and
    GlobalSignOut revokes only the sessions filed under the same name. Cognito signs the user
    out everywhere, however each session started: compare users, not names."""

    def sign_out(pool: CognitoIdpUserPool, username: str) -> None:
        user = pool._get_user(username)

        def same_user(name: str) -> bool:
            return name == username or (user is not None and pool._get_user(name) is user)

        for token, entry in list(pool.refresh_tokens.items()):
            if entry is not None and same_user(entry[1]):
                pool.refresh_tokens[token] = None
        for access_token, (_, name) in list(pool.access_tokens.items()):
            if same_user(name):
                pool.access_tokens.pop(access_token)

    CognitoIdpUserPool.sign_out = sign_out  # type: ignore[method-assign]


# --- helpers -----------------------------------------------------------------


def jwt_claims(token: str) -> dict[str, Any] | None:
    """Unverified JWT payload; tokens are checked against moto's store instead."""
    try:
        payload = token.split(".")[1]
        claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
        return claims if isinstance(claims, dict) else None
    except (IndexError, ValueError):
        return None


def mask_email(email: str) -> str:
    local, _, domain = email.partition("@")
    return f"{local[:1]}***@{domain[:1]}***"


def delivery_details(email: str) -> dict[str, str]:
    return {"Destination": mask_email(email), "DeliveryMedium": "EMAIL", "AttributeName": "email"}


def password_problem(pool: CognitoIdpUserPool, password: str) -> str | None:
    """First rule of the pool's policy the password breaks, in Cognito's words."""
    policy = pool.extended_config.get("Policies", {}).get("PasswordPolicy", {})

    def required(key: str) -> bool:
        return str(policy.get(key, True)).lower() == "true"

    if len(password) < int(policy.get("MinimumLength", 8)):
        return "Password not long enough"
    if required("RequireLowercase") and not re.search(r"[a-z]", password):
        return "Password must have lowercase characters"
    if required("RequireUppercase") and not re.search(r"[A-Z]", password):
        return "Password must have uppercase characters"
    if required("RequireNumbers") and not re.search(r"[0-9]", password):
        return "Password must have numeric characters"
    if required("RequireSymbols") and not any(c in SYMBOLS for c in password):
        return "Password must have symbol characters"
    return None


def json_response(status: int, payload: Any, content_type: str = "application/json") -> Response:
    return Response(json.dumps(payload), status=status, content_type=content_type)


# --- SRP (USER_SRP_AUTH), the server side ---------------------------------------
# Cognito's SRP-6a variant: RFC 3526's 3072-bit group, g = 2, SHA-256, numbers hashed in
# Java's two's-complement byte form, and a proof signed with an HKDF-derived key. moto returns
# random values and accepts any proof; this checks it as Cognito does.

SRP_N = int(
    "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD"
    "EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED"
    "EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F"
    "83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B"
    "E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510"
    "15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7"
    "ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200C"
    "BBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF",
    16,
)
SRP_G = 2
# A PASSWORD_VERIFIER answer is good for this long after InitiateAuth, and its TIMESTAMP may be
# this far from the server's clock either way.
SRP_CHALLENGE_SECONDS = 180
SRP_CLOCK_SKEW_SECONDS = 300
MSG_WRONG_PASSWORD = "Incorrect username or password."
SRP_WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]  # datetime.weekday() order
SRP_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
SRP_TIMESTAMP = re.compile(
    r"(Sun|Mon|Tue|Wed|Thu|Fri|Sat) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) "
    r"([1-9]|[12][0-9]|3[01]) ([01][0-9]|2[0-3]):([0-5][0-9]):([0-5][0-9]) UTC ([0-9]{4})"
)


def srp_pad(n: int) -> bytes:
    """Big-endian bytes of n >= 0 with room for a zero sign bit (Java's BigInteger.toByteArray)."""
    return n.to_bytes(n.bit_length() // 8 + 1, "big")


def srp_hash(*parts: bytes) -> int:
    return int.from_bytes(hashlib.sha256(b"".join(parts)).digest(), "big")


SRP_K = srp_hash(srp_pad(SRP_N), srp_pad(SRP_G))


def srp_x(pool_name: str, user_id: str, password: str, salt: int) -> int:
    """x = H(pad(salt) | H(poolName | userId | ":" | password))."""
    identity = hashlib.sha256(f"{pool_name}{user_id}:{password}".encode()).digest()
    return srp_hash(srp_pad(salt), identity)


def srp_key(premaster: int, u: int) -> bytes:
    """HKDF-SHA256 with salt pad(u), key material pad(S), info "Caldera Derived Key": 16 bytes."""
    prk = hmac.new(srp_pad(u), srp_pad(premaster), hashlib.sha256).digest()
    return hmac.new(prk, b"Caldera Derived Key\x01", hashlib.sha256).digest()[:16]


def srp_signature(key: bytes, pool_name: str, user_id: str, secret_block: bytes, timestamp: str) -> str:
    message = pool_name.encode() + user_id.encode() + secret_block + timestamp.encode()
    return base64.b64encode(hmac.new(key, message, hashlib.sha256).digest()).decode()


def srp_timestamp_time(text: str) -> float | None:
    """Seconds since the epoch of a TIMESTAMP in Cognito's "ddd MMM D HH:mm:ss UTC YYYY" form
    (day not zero-padded, 24-hour clock, weekday matching the date); None for anything else."""
    match = SRP_TIMESTAMP.fullmatch(text)
    if match is None:
        return None
    weekday, month, day, hour, minute, second, year = match.groups()
    try:
        moment = datetime.datetime(
            int(year), SRP_MONTHS.index(month) + 1, int(day), int(hour), int(minute), int(second),
            tzinfo=datetime.timezone.utc,
        )
    except ValueError:  # e.g. Feb 30
        return None
    if SRP_WEEKDAYS[moment.weekday()] != weekday:
        return None
    return moment.timestamp()


@dataclass
class SrpChallenge:
    """What the server keeps between InitiateAuth and the PASSWORD_VERIFIER answer."""

    moto_session: str
    pool_id: str
    pool_name: str
    username: str
    large_a: int
    small_b: int
    large_b: int
    verifier: int
    issued: float


# --- the WSGI layer ------------------------------------------------------------


class LocalCognito:
    """WSGI app in front of moto's Cognito app. Requests for actions moto gets
    wrong are handled (fully or partly) here; the rest pass straight through."""

    def __init__(self, settings: Settings, config: dict[str, str]) -> None:
        self.settings = settings
        self.config = config
        # Built once here rather than on the first request, so startup pays for it.
        self.moto_app = create_backend_app("cognito-idp")
        self.backend: CognitoIdpBackend = cognitoidp_backends[DEFAULT_ACCOUNT_ID][REGION]
        self.operations = set(
            botocore.session.get_session().get_service_model("cognito-idp").operation_names
        )
        # (purpose, lowercased email) -> latest code; purpose is signUp or forgotPassword.
        self.codes: dict[tuple[str, str], str] = {}
        # Codes that were used or have expired: (purpose, lowercased email, code). Cognito
        # answers ExpiredCodeException for them rather than CodeMismatchException.
        self.spent_codes: set[tuple[str, str, str]] = set()
        # What tests can't see from the browser: calls per action (InitiateAuth per flow) and
        # how many requests arrived with an expired access token.
        self.stats: dict[str, Any] = {"calls": {}, "expiredAccessTokens": 0}
        # moto's backend is not thread-safe and this is a dev server: serialise.
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
        }
        # SECRET_BLOCK -> the SRP challenge it stands for (one use each).
        self.srp_challenges: dict[str, SrpChallenge] = {}

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
        for name, value in CORS_HEADERS.items():
            response.headers[name] = value
        return response(environ, start_response)

    def route(self, request: Request) -> Response:
        if request.method == "OPTIONS":
            return Response(status=200)
        if request.path.startswith("/_local/"):
            with self.lock:
                return self.local_api(request)
        target = request.headers.get("X-Amz-Target", "")
        if request.method == "POST" and target.startswith(TARGET_PREFIX):
            if self.settings.outage_seconds() > 0:
                return Response("<html><body>503 Service Unavailable</body></html>", 503, content_type="text/html")
            with self.lock:
                result = self.cognito(target[len(TARGET_PREFIX) :], request)
            return json_response(200, result, AMZ_JSON)
        if request.method == "GET" and "/.well-known/" in request.path:
            with self.lock:  # JWKS / OpenID configuration, served by moto
                return self.forward(request.environ, None)
        raise CognitoError("UnknownOperationException", "Missing or unknown X-Amz-Target header")

    # --- /_local/ API ---

    def local_api(self, request: Request) -> Response:
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
        if path.startswith("/_local/codes/") and path.endswith("/expire") and request.method == "POST":
            email = path[len("/_local/codes/") : -len("/expire")].lower()
            purpose = request.args.get("purpose", "signUp")
            code = self.codes.pop((purpose, email), None)
            if code is None:
                raise CognitoError("NotFound", f"no {purpose} code for {email}", 404)
            self.spent_codes.add((purpose, email, code))
            return json_response(200, {"expired": code})
        if path.startswith("/_local/codes/"):
            email = path[len("/_local/codes/") :].lower()
            purpose = request.args.get("purpose", "signUp")
            code = self.codes.get((purpose, email))
            if code is None:
                raise CognitoError("NotFound", f"no {purpose} code for {email}", 404)
            return json_response(200, {"code": code})
        raise CognitoError("NotFound", f"unknown local endpoint {path}", 404)

    def update_settings(self, body: Any) -> None:
        if not isinstance(body, dict):
            raise CognitoError("InvalidParameterException", "body must be a JSON object")
        auto = body.get("autoConfirm", self.settings.auto_confirm)
        lifetime = body.get("tokenLifetimeSeconds", self.settings.token_lifetime)
        if not isinstance(auto, bool):
            raise CognitoError("InvalidParameterException", "autoConfirm must be a boolean")
        if isinstance(lifetime, bool) or not isinstance(lifetime, int) or lifetime < 1:
            raise CognitoError("InvalidParameterException", "tokenLifetimeSeconds must be a positive integer")
        outage = body.get("outageSeconds")
        if outage is not None and (isinstance(outage, bool) or not isinstance(outage, (int, float)) or outage < 0):
            raise CognitoError("InvalidParameterException", "outageSeconds must be a number of seconds >= 0")
        self.settings.auto_confirm = auto
        self.settings.token_lifetime = lifetime
        if outage is not None:
            self.settings.outage_until = time.time() + outage

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
        self.normalise_usernames(body)
        flow = body.get("AuthFlow") if action == "InitiateAuth" else None
        key = f"{action}:{flow}" if isinstance(flow, str) else action
        self.stats["calls"][key] = self.stats["calls"].get(key, 0) + 1
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

    def initiate_auth(self, request: Request, body: dict[str, Any]) -> dict[str, Any]:
        """USER_SRP_AUTH with real SRP values; every other flow is moto's."""
        if body.get("AuthFlow") != "USER_SRP_AUTH":
            return self.moto(request, body)
        params = body.get("AuthParameters") if isinstance(body.get("AuthParameters"), dict) else {}
        srp_a = params.get("SRP_A")
        try:
            large_a = int(srp_a, 16) if isinstance(srp_a, str) and re.fullmatch(r"[0-9a-fA-F]+", srp_a) else 0
        except ValueError:
            large_a = 0
        if large_a % SRP_N == 0:
            raise CognitoError("InvalidParameterException", "SRP_A must be a non-zero hex number modulo N.")
        # moto checks the client and the user (exists, enabled, confirmed) and opens a session.
        result = self.moto(request, body)
        pool = self.find_pool(body.get("ClientId"))
        user = pool and pool._get_user(str(params.get("USERNAME", "")))
        if pool is None or user is None or result.get("ChallengeName") != "PASSWORD_VERIFIER":
            return result
        now = time.time()
        for block, old in list(self.srp_challenges.items()):
            if now - old.issued > SRP_CHALLENGE_SECONDS:
                del self.srp_challenges[block]
        salt_hex = secrets.token_bytes(16).hex()  # may start with 0s, as Cognito's can
        pool_name = pool.id.split("_", 1)[1]
        verifier = pow(SRP_G, srp_x(pool_name, user.username, str(user.password), int(salt_hex, 16)), SRP_N)
        small_b = secrets.randbits(1024)
        large_b = (SRP_K * verifier + pow(SRP_G, small_b, SRP_N)) % SRP_N
        secret_block = base64.b64encode(secrets.token_bytes(96)).decode()
        self.srp_challenges[secret_block] = SrpChallenge(
            moto_session=str(result.get("Session", "")),
            pool_id=pool.id,
            pool_name=pool_name,
            username=user.username,
            large_a=large_a,
            small_b=small_b,
            large_b=large_b,
            verifier=verifier,
            issued=now,
        )
        return {
            "ChallengeName": "PASSWORD_VERIFIER",
            "ChallengeParameters": {
                "SALT": salt_hex,
                "SRP_B": format(large_b, "x"),
                "SECRET_BLOCK": secret_block,
                "USER_ID_FOR_SRP": user.username,
                "USERNAME": user.username,
            },
        }

    def respond_to_auth_challenge(self, request: Request, body: dict[str, Any]) -> dict[str, Any]:
        """PASSWORD_VERIFIER is checked here (signature, timestamp, one use); the rest is moto's."""
        if body.get("ChallengeName") != "PASSWORD_VERIFIER":
            return self.moto(request, body)
        answers = body.get("ChallengeResponses") if isinstance(body.get("ChallengeResponses"), dict) else {}
        block = answers.get("PASSWORD_CLAIM_SECRET_BLOCK")
        challenge = self.srp_challenges.pop(block, None) if isinstance(block, str) else None
        pool = self.find_pool(body.get("ClientId"))
        if challenge is None or pool is None or pool.id != challenge.pool_id:
            raise CognitoError("NotAuthorizedException", MSG_WRONG_PASSWORD)
        if time.time() - challenge.issued > SRP_CHALLENGE_SECONDS:
            raise CognitoError("NotAuthorizedException", MSG_STALE_SESSION)
        timestamp = answers.get("TIMESTAMP")
        signed_at = srp_timestamp_time(timestamp) if isinstance(timestamp, str) else None
        if signed_at is None or abs(time.time() - signed_at) > SRP_CLOCK_SKEW_SECONDS:
            raise CognitoError("NotAuthorizedException", MSG_WRONG_PASSWORD)
        if answers.get("USERNAME") != challenge.username:
            raise CognitoError("NotAuthorizedException", MSG_WRONG_PASSWORD)
        u = srp_hash(srp_pad(challenge.large_a), srp_pad(challenge.large_b))
        premaster = pow(challenge.large_a * pow(challenge.verifier, u, SRP_N), challenge.small_b, SRP_N)
        expected = srp_signature(
            srp_key(premaster, u), challenge.pool_name, challenge.username, base64.b64decode(block), str(timestamp)
        )
        claimed = answers.get("PASSWORD_CLAIM_SIGNATURE")
        if u == 0 or not isinstance(claimed, str) or not hmac.compare_digest(claimed, expected):
            raise CognitoError("NotAuthorizedException", MSG_WRONG_PASSWORD)
        # Proven: moto mints the tokens (or asks for the next step); it knows the session by the
        # secret block it handed out.
        forwarded = {**body, "ChallengeResponses": {**answers, "PASSWORD_CLAIM_SECRET_BLOCK": challenge.moto_session}}
        return self.moto(request, forwarded)

    def revoke_token(self, request: Request, body: dict[str, Any]) -> dict[str, Any]:
        """Revoke a refresh token and the access tokens minted from it."""
        client_id = body.get("ClientId")
        pool = self.find_pool(client_id)
        if pool is None:
            raise CognitoError("ResourceNotFoundException", f"User pool client {client_id} does not exist.")
        token = str(body.get("Token", ""))
        if jwt_claims(token) is not None:
            raise CognitoError("UnsupportedTokenTypeException", "Only refresh tokens can be revoked.")
        entry = pool.refresh_tokens.get(token)
        if entry is not None:
            if entry[0] != client_id:
                raise CognitoError("UnauthorizedException", "Token was not issued to this client.")
            origin_jti = entry[2]
            pool.refresh_tokens[token] = None
            for access_token in list(pool.access_tokens):
                if (jwt_claims(access_token) or {}).get("origin_jti") == origin_jti:
                    del pool.access_tokens[access_token]
        return {}  # unknown or already revoked tokens succeed, as in OAuth revocation


# --- main ------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, default=9229, help="port on 127.0.0.1 (0 picks a free one)")
    parser.add_argument("--write-config", metavar="PATH", help="write the frontend's JSON config here")
    parser.add_argument("--template", default=str(TEMPLATE), help="CloudFormation template to create the pool from")
    parser.add_argument("--verbose", action="store_true", help="log every request")
    args = parser.parse_args(argv)

    import logging

    logging.getLogger("werkzeug").setLevel(logging.INFO if args.verbose else logging.WARNING)

    settings = settings_from_env()
    patch_token_creation(settings)
    patch_sign_out()
    pool_id, client_id = create_from_template(
        cognitoidp_backends[DEFAULT_ACCOUNT_ID][REGION], load_template(Path(args.template))
    )
    config = {"region": REGION, "userPoolId": pool_id, "clientId": client_id, "endpoint": ""}
    app = LocalCognito(settings, config)
    server = make_server("127.0.0.1", args.port, app, threaded=True)
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

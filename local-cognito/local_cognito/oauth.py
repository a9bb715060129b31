"""The pool domain's OAuth 2.0 endpoints, which moto lacks: /oauth2/authorize, /oauth2/token,
/oauth2/userInfo, /logout and /.well-known/openid-configuration, with a local identity provider
page (oauth_pages.py) standing in for Google, Apple, SAML and OIDC providers. Locally the pool
domain is this server itself.

What the AWS documentation says, and what this follows (developer guide, "User pool endpoints"):
- Authorize: an unknown client_id or a redirect_uri not in the client's CallbackURLs gets an
  error page, never a redirect; other faults go back to redirect_uri as `error=` with the
  request's `state`: unauthorized_client (the client has no code grant), unsupported_response_type,
  invalid_scope (a scope the client does not allow), invalid_request (code_challenge_method
  other than S256, an identity_provider the client does not support, an unknown idp_identifier).
  `identity_provider` skips the managed login page; `idp_identifier` picks the provider that
  lists it. The managed login session (cookie) lets the next authorize skip the provider.
- Token: a form-encoded POST; errors are HTTP 400 with `{"error": ...}`: invalid_request,
  invalid_client, invalid_grant ("Authorization code has been consumed already or does not
  exist", a code_verifier that does not match, a revoked refresh token), unauthorized_client,
  unsupported_grant_type. Authorization codes are single-use and valid for 5 minutes.
- Logout: ends the managed login session and redirects to logout_uri, which must be one of the
  client's LogoutURLs.
- UserInfo: the user's attributes for a Bearer access token."""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import time
import uuid
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from moto.cognitoidp.models import CognitoIdpBackend, CognitoIdpUserPool, CognitoIdpUserPoolClient
from werkzeug.wrappers import Request, Response

from .errors import CognitoError
from .oauth_pages import chooser_page, error_page, provider_page
from .oauth_providers import federated_user, provider_for_identifier
from .refresh import RefreshTokens
from .template import REGION
from .tokens import check_access_token

CODE_SECONDS = 300
# Cognito's managed login session lasts an hour by default.
SESSION_SECONDS = 3600
SESSION_COOKIE = "cognito"
PATHS = ("/oauth2/authorize", "/oauth2/token", "/oauth2/userInfo", "/logout", "/.well-known/openid-configuration")
IDP_PREFIX = "/local-idp/"


@dataclass
class Authorization:
    """What an authorize request asked for, kept while the user is at the provider, then under
    the code it earned."""

    pool_id: str
    client_id: str
    redirect_uri: str
    scopes: list[str]
    state: str | None
    challenge: str | None
    nonce: str | None
    provider: str
    expires: float = 0.0
    username: str = ""


@dataclass
class HostedSession:
    pool_id: str
    username: str
    provider: str
    expires: float


class OAuthError(Exception):
    def __init__(self, error: str, description: str = "", status: int = 400) -> None:
        super().__init__(error)
        self.error, self.description, self.status = error, description, status


def handles(path: str) -> bool:
    return path in PATHS or path.startswith(IDP_PREFIX) or path.endswith("/.well-known/openid-configuration")


def s256(verifier: str) -> str:
    return base64.urlsafe_b64encode(hashlib.sha256(verifier.encode("ascii")).digest()).rstrip(b"=").decode()


class OAuthEndpoints:
    def __init__(self, backend: CognitoIdpBackend, refresh_tokens: RefreshTokens, stats: dict[str, Any]) -> None:
        self.backend = backend
        self.refresh_tokens = refresh_tokens
        self.stats = stats
        self.stats.setdefault("oauth", {"authorize": 0, "providerPages": 0, "token": 0})
        self.waiting: dict[str, Authorization] = {}  # by request id, while at the provider
        self.codes: dict[str, Authorization] = {}
        self.sessions: dict[str, HostedSession] = {}

    def handle(self, request: Request, origin: str) -> Response:
        path = request.path
        if path == "/oauth2/authorize":
            return self.authorize(request, origin)
        if path == "/oauth2/token":
            return self.token(request)
        if path == "/oauth2/userInfo":
            return self.user_info(request)
        if path == "/logout":
            return self.logout(request)
        if path.startswith(IDP_PREFIX):
            return self.provider(request)
        return self.openid_configuration(request, origin)

    # --- authorize -------------------------------------------------------------------

    def client(self, client_id: str) -> tuple[CognitoIdpUserPool, CognitoIdpUserPoolClient] | None:
        for pool in self.backend.user_pools.values():
            if client_id in pool.clients and pool.domain is not None:
                return pool, pool.clients[client_id]
        return None

    def authorize(self, request: Request, origin: str) -> Response:
        self.stats["oauth"]["authorize"] += 1
        args = request.args
        found = self.client(args.get("client_id", ""))
        if found is None:
            return error_page("invalid_request: client_id")
        pool, client = found
        config = client.extended_config
        redirect_uri = args.get("redirect_uri", "")
        if redirect_uri not in (config.get("CallbackURLs") or []):
            return error_page("redirect_mismatch")
        state = args.get("state")
        try:
            auth = self.checked_request(pool, client, args, redirect_uri, state)
        except OAuthError as e:
            return back(redirect_uri, {"error": e.error, "error_description": e.description}, state)
        if not auth.provider:
            links = [
                (name, f"{request.base_url}?{urlencode({**args.to_dict(), 'identity_provider': name})}")
                for name in self.providers_of(client)
            ]
            return chooser_page(links)
        session = self.sessions.get(request.cookies.get(SESSION_COOKIE, ""))
        if session and session.expires > time.time() and session.pool_id == pool.id and session.provider == auth.provider:
            return self.issue(auth, session.username)
        request_id = secrets.token_urlsafe(16)
        auth.expires = time.time() + CODE_SECONDS
        self.waiting[request_id] = auth
        return redirect(f"{origin}{IDP_PREFIX}{auth.provider}?{urlencode({'request': request_id})}")

    def providers_of(self, client: CognitoIdpUserPoolClient) -> list[str]:
        return [p for p in client.extended_config.get("SupportedIdentityProviders") or [] if p != "COGNITO"]

    def checked_request(
        self, pool: CognitoIdpUserPool, client: CognitoIdpUserPoolClient, args: Any, redirect_uri: str, state: str | None
    ) -> Authorization:
        config = client.extended_config
        if not config.get("AllowedOAuthFlowsUserPoolClient") or "code" not in (config.get("AllowedOAuthFlows") or []):
            raise OAuthError("unauthorized_client", "Client is not enabled for OAuth2.0 flows.")
        if args.get("response_type") != "code":
            raise OAuthError("unsupported_response_type")
        allowed_scopes = config.get("AllowedOAuthScopes") or []
        scopes = (args.get("scope") or " ".join(allowed_scopes)).split()
        if any(scope not in allowed_scopes for scope in scopes):
            raise OAuthError("invalid_scope")
        challenge, method = args.get("code_challenge"), args.get("code_challenge_method")
        if (challenge or method) and (method != "S256" or not challenge):
            raise OAuthError("invalid_request", "Invalid code_challenge_method or code_challenge")
        supported = self.providers_of(client)
        provider = args.get("identity_provider", "")
        identifier = args.get("idp_identifier", "")
        if provider and (provider not in supported or provider not in pool.identity_providers):
            raise OAuthError("invalid_request", "Invalid identity provider")
        if not provider and identifier:
            match = provider_for_identifier(pool, identifier, supported)
            if match is None:
                raise OAuthError("invalid_request", "Invalid idp_identifier")
            provider = match.name
        return Authorization(pool.id, client.id, redirect_uri, scopes, state, challenge, args.get("nonce"), provider)

    # --- the local identity provider ---------------------------------------------------

    def provider(self, request: Request) -> Response:
        name = request.path[len(IDP_PREFIX) :]
        request_id = request.values.get("request", "")
        auth = self.waiting.get(request_id)
        if auth is None or auth.provider != name or auth.expires <= time.time():
            return error_page("This sign-in request has expired. Start again from the app.")
        if request.method != "POST":
            self.stats["oauth"]["providerPages"] += 1
            return provider_page(name, request_id)
        del self.waiting[request_id]
        if request.form.get("action") != "consent":
            return back(
                auth.redirect_uri, {"error": "access_denied", "error_description": "The user cancelled at the provider"}, auth.state
            )
        email = request.form.get("email", "").strip()
        if "@" not in email:
            self.waiting[request_id] = auth
            return provider_page(name, request_id, "Enter an email address.", email)
        pool = self.backend.user_pools[auth.pool_id]
        # The provider's stable id of the person: the same address signs in as the same user.
        digest = hashlib.sha256(f"{name}:{email.lower()}".encode()).hexdigest()
        subject = str(int(digest, 16))[:21]
        claims = {"sub": subject, "email": email, "email_verified": "true", "name": request.form.get("name") or email}
        user = federated_user(pool, pool.identity_providers[name], subject, claims)
        response = self.issue(auth, user.username)
        session_id = secrets.token_urlsafe(24)
        self.sessions[session_id] = HostedSession(auth.pool_id, user.username, name, time.time() + SESSION_SECONDS)
        response.set_cookie(SESSION_COOKIE, session_id, max_age=SESSION_SECONDS, httponly=True, samesite="Lax", path="/")
        return response

    def issue(self, auth: Authorization, username: str) -> Response:
        code = str(uuid.uuid4())
        auth.username = username
        auth.expires = time.time() + CODE_SECONDS
        self.codes[code] = auth
        return back(auth.redirect_uri, {"code": code}, auth.state)

    def expire_codes(self) -> int:
        """Every code not yet exchanged is past its lifetime (for tests)."""
        for auth in self.codes.values():
            auth.expires = 0.0
        return len(self.codes)

    # --- token -----------------------------------------------------------------------------

    def token(self, request: Request) -> Response:
        self.stats["oauth"]["token"] += 1
        if request.method == "OPTIONS":
            return Response(status=200)
        try:
            return json_reply(200, self.grant(request))
        except OAuthError as e:
            body = {"error": e.error}
            if e.description:
                body["error_description"] = e.description
            return json_reply(e.status, body)

    def grant(self, request: Request) -> dict[str, Any]:
        if request.method != "POST" or request.mimetype != "application/x-www-form-urlencoded":
            raise OAuthError("invalid_request")
        form = request.form
        client_id = form.get("client_id") or (request.authorization.username if request.authorization else "")
        found = self.client(client_id or "")
        if found is None:
            raise OAuthError("invalid_client")
        pool, client = found
        if client.generate_secret:
            given = form.get("client_secret") or (request.authorization.password if request.authorization else "")
            if given != client.secret:
                raise OAuthError("invalid_client")
        grant_type = form.get("grant_type")
        if grant_type == "authorization_code":
            return self.code_grant(pool, client, form)
        if grant_type == "refresh_token":
            token = form.get("refresh_token")
            if not token:
                raise OAuthError("invalid_request")
            try:
                result = self.refresh_tokens.refresh(pool, client.id, token, may_rotate=True)["AuthenticationResult"]
            except CognitoError:
                raise OAuthError("invalid_grant") from None
            return {k: v for k, v in snake(result).items() if k != "token_type"} | {"token_type": "Bearer"}
        if grant_type == "client_credentials":
            raise OAuthError("unauthorized_client")
        raise OAuthError("unsupported_grant_type")

    def code_grant(self, pool: CognitoIdpUserPool, client: CognitoIdpUserPoolClient, form: Any) -> dict[str, Any]:
        code = form.get("code")
        if not code or not form.get("redirect_uri"):
            raise OAuthError("invalid_request")
        # Single use: the first exchange consumes the code, whatever its outcome.
        auth = self.codes.pop(code, None)
        if auth is None or auth.expires <= time.time() or auth.client_id != client.id:
            raise OAuthError("invalid_grant")
        if form.get("redirect_uri") != auth.redirect_uri:
            raise OAuthError("invalid_grant")
        if auth.challenge is not None and s256(form.get("code_verifier", "")) != auth.challenge:
            raise OAuthError("invalid_grant")
        return self.tokens(pool, client.id, auth)

    def tokens(self, pool: CognitoIdpUserPool, client_id: str, auth: Authorization) -> dict[str, Any]:
        refresh, origin_jti = pool.create_refresh_token(client_id, auth.username)
        access, expires_in = pool.create_jwt(
            client_id, auth.username, "access", extra_data={"origin_jti": origin_jti, "scope": " ".join(auth.scopes)}
        )
        pool.access_tokens[access] = (client_id, auth.username)
        reply: dict[str, Any] = {"access_token": access, "refresh_token": refresh, "expires_in": expires_in, "token_type": "Bearer"}
        if "openid" in auth.scopes:
            extra = pool.get_user_extra_data_by_client_id(client_id, auth.username)
            extra["origin_jti"] = origin_jti
            if auth.nonce:
                extra["nonce"] = auth.nonce
            id_token, _ = pool.create_jwt(client_id, auth.username, "id", extra_data=extra)
            pool.id_tokens[id_token] = (client_id, auth.username)
            reply["id_token"] = id_token
        return reply

    # --- logout, userInfo, discovery ---------------------------------------------------------

    def logout(self, request: Request) -> Response:
        found = self.client(request.args.get("client_id", ""))
        if found is None:
            return error_page("invalid_request: client_id")
        logout_uri = request.args.get("logout_uri", "")
        if logout_uri not in (found[1].extended_config.get("LogoutURLs") or []):
            return error_page("redirect_mismatch")
        self.sessions.pop(request.cookies.get(SESSION_COOKIE, ""), None)
        response = redirect(logout_uri)
        response.delete_cookie(SESSION_COOKIE, path="/")
        return response

    def user_info(self, request: Request) -> Response:
        header = request.headers.get("Authorization", "")
        token = header[len("Bearer ") :] if header.startswith("Bearer ") else ""
        try:
            check_access_token(self.backend, token, self.stats)
        except CognitoError as e:
            response = json_reply(401, {"error": "invalid_token", "error_description": e.message})
            response.headers["WWW-Authenticate"] = 'Bearer error="invalid_token"'
            return response
        user = self.backend.get_user(token)
        info: dict[str, Any] = {k: v for k, v in user.attribute_lookup.items()}
        if "email_verified" in info:
            info["email_verified"] = str(info["email_verified"]).lower()
        info["username"] = user.username
        return json_reply(200, info)

    def openid_configuration(self, request: Request, origin: str) -> Response:
        pool = next(iter(self.backend.user_pools.values()))
        issuer = f"https://cognito-idp.{REGION}.amazonaws.com/{pool.id}"
        return json_reply(
            200,
            {
                "issuer": issuer,
                "authorization_endpoint": f"{origin}/oauth2/authorize",
                "token_endpoint": f"{origin}/oauth2/token",
                "userinfo_endpoint": f"{origin}/oauth2/userInfo",
                "jwks_uri": f"{origin}/{pool.id}/.well-known/jwks.json",
                "response_types_supported": ["code", "token"],
                "scopes_supported": ["openid", "email", "phone", "profile"],
                "subject_types_supported": ["public"],
                "id_token_signing_alg_values_supported": ["RS256"],
                "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"],
                "code_challenge_methods_supported": ["S256"],
            },
        )


def back(redirect_uri: str, params: dict[str, str], state: str | None) -> Response:
    pairs = {k: v for k, v in params.items() if v}
    if state is not None:
        pairs["state"] = state
    separator = "&" if "?" in redirect_uri else "?"
    return redirect(f"{redirect_uri}{separator}{urlencode(pairs)}")


def redirect(location: str) -> Response:
    return Response(status=302, headers={"Location": location, "Cache-Control": "no-store"})


def json_reply(status: int, body: dict[str, Any]) -> Response:
    return Response(json.dumps(body), status, content_type="application/json;charset=UTF-8")


def snake(result: dict[str, Any]) -> dict[str, Any]:
    names = {"AccessToken": "access_token", "IdToken": "id_token", "RefreshToken": "refresh_token", "ExpiresIn": "expires_in"}
    return {names[k]: v for k, v in result.items() if k in names}

"""The pool domain's OAuth endpoints and the local identity provider, spoken to as a browser and
the page's fetch would: redirects are read, not followed."""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from http.cookiejar import CookieJar
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest

from conftest import Client, claims, serve, unique_email
from local_cognito.errors import CognitoError
from local_cognito.oauth_providers import check_identity_provider

CALLBACK = "http://127.0.0.1:58300/oauth2/callback"
SIGNED_OUT = "http://127.0.0.1:58300/"
PARAMS = (
    *("--param", "DomainPrefix=local", "--param", f"CallbackURLs={CALLBACK}", "--param", f"LogoutURLs={SIGNED_OUT}"),
    *("--param", "GoogleClientId=local-google", "--param", "GoogleClientSecret=local"),
    *("--param", "CompanyProviderName=ExampleCorp", "--param", "CompanyOidcIssuer=https://idp.example-corp.com"),
    *("--param", "CompanyOidcClientId=local", "--param", "CompanyOidcClientSecret=local"),
    *("--param", "CompanyEmailDomains=example-corp.com"),
)


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


@dataclass
class Page:
    status: int
    location: str
    body: str

    def query(self) -> dict[str, str]:
        return {k: v[0] for k, v in parse_qs(urlsplit(self.location).query).items()}


class Browser:
    """Cookies and unfollowed redirects, like a browser tab one step at a time."""

    def __init__(self, base: str) -> None:
        self.base = base.rstrip("/")
        self.opener = urllib.request.build_opener(NoRedirects, urllib.request.HTTPCookieProcessor(CookieJar()))

    def go(self, url: str, form: dict[str, str] | None = None, headers: dict[str, str] | None = None) -> Page:
        full = url if url.startswith("http") else self.base + url
        data = urlencode(form).encode() if form is not None else None
        request = urllib.request.Request(full, data=data, headers=headers or {})
        try:
            with self.opener.open(request, timeout=10) as response:
                return Page(response.status, response.headers.get("Location", ""), response.read().decode())
        except urllib.error.HTTPError as e:
            return Page(e.code, e.headers.get("Location", ""), e.read().decode())


@dataclass
class Flow:
    verifier: str
    state: str
    nonce: str

    @classmethod
    def new(cls) -> Flow:
        return cls(secrets.token_urlsafe(32), secrets.token_urlsafe(16), secrets.token_urlsafe(16))

    def challenge(self) -> str:
        return base64.urlsafe_b64encode(hashlib.sha256(self.verifier.encode()).digest()).rstrip(b"=").decode()


@pytest.fixture(scope="module")
def fed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Client]:
    emu, client = serve(tmp_path_factory.mktemp("cfg"), *PARAMS)
    yield client
    emu.stop()


def authorize_url(client: Client, flow: Flow, **extra: str) -> str:
    params = {
        "response_type": "code",
        "client_id": client.client_id,
        "redirect_uri": CALLBACK,
        "scope": "openid email aws.cognito.signin.user.admin",
        "state": flow.state,
        "code_challenge": flow.challenge(),
        "code_challenge_method": "S256",
        "nonce": flow.nonce,
        **extra,
    }
    return f"/oauth2/authorize?{urlencode(params)}"


def at_provider(browser: Browser, client: Client, flow: Flow, **extra: str) -> Page:
    page = browser.go(authorize_url(client, flow, **{"identity_provider": "Google", **extra}))
    assert page.status == 302, page.body
    return page


def consent(browser: Browser, provider_location: str, email: str, action: str = "consent") -> Page:
    request_id = parse_qs(urlsplit(provider_location).query)["request"][0]
    return browser.go(provider_location.split("?")[0], {"request": request_id, "email": email, "action": action})


def exchange(browser: Browser, client: Client, code: str, verifier: str, **extra: str) -> tuple[int, dict[str, Any]]:
    form = {
        "grant_type": "authorization_code",
        "client_id": client.client_id,
        "code": code,
        "redirect_uri": CALLBACK,
        "code_verifier": verifier,
        **extra,
    }
    page = browser.go("/oauth2/token", form, {"Content-Type": "application/x-www-form-urlencoded"})
    return page.status, json.loads(page.body)


def signed_in(fed: Client, email: str) -> tuple[Browser, Flow, dict[str, Any]]:
    browser, flow = Browser(fed.url), Flow.new()
    provider = at_provider(browser, fed, flow)
    page = browser.go(provider.location)
    assert page.status == 200 and "Local identity provider" in page.body
    back = consent(browser, provider.location, email)
    assert back.status == 302 and back.location.startswith(CALLBACK + "?")
    assert back.query()["state"] == flow.state
    status, tokens = exchange(browser, fed, back.query()["code"], flow.verifier)
    assert status == 200, tokens
    return browser, flow, tokens


def test_the_round_trip_creates_the_federated_user_as_cognito_does(fed: Client) -> None:
    email = unique_email("fed")
    _, flow, tokens = signed_in(fed, email)
    assert tokens["token_type"] == "Bearer" and tokens["expires_in"] > 0
    id_claims = claims(tokens["id_token"])
    assert id_claims["nonce"] == flow.nonce
    assert id_claims["email"] == email
    username = id_claims["cognito:username"]
    assert username.startswith("Google_") and username[len("Google_") :].isdigit()
    [identity] = id_claims["identities"]
    assert identity["providerName"] == "Google" and identity["providerType"] == "Google"
    assert identity["userId"] == username[len("Google_") :]
    access = claims(tokens["access_token"])
    assert access["username"] == username
    assert access["scope"] == "openid email aws.cognito.signin.user.admin"
    user = fed.call("GetUser", AccessToken=tokens["access_token"])
    assert user.status == 200 and user.body["Username"] == username
    # The same person again is the same user.
    _, _, again = signed_in(fed, email)
    assert claims(again["id_token"])["sub"] == id_claims["sub"]


def test_a_federated_session_refreshes_through_the_json_api_and_the_token_endpoint(fed: Client) -> None:
    browser, _, tokens = signed_in(fed, unique_email("fed"))
    refreshed = fed.refresh(tokens["refresh_token"])
    assert refreshed.status == 200, refreshed.body
    result = refreshed.body["AuthenticationResult"]
    assert claims(result["IdToken"])["cognito:username"].startswith("Google_")
    form = {"grant_type": "refresh_token", "client_id": fed.client_id, "refresh_token": result["RefreshToken"]}
    page = browser.go("/oauth2/token", form)
    assert page.status == 200, page.body
    assert set(json.loads(page.body)) >= {"access_token", "id_token", "expires_in", "token_type"}


def test_a_code_is_single_use_and_needs_its_verifier(fed: Client) -> None:
    browser, flow = Browser(fed.url), Flow.new()
    provider = at_provider(browser, fed, flow)
    code = consent(browser, provider.location, unique_email("fed")).query()["code"]
    assert exchange(browser, fed, code, "x" * 43) == (400, {"error": "invalid_grant"})
    # A wrong verifier spent the code: the right one no longer helps.
    assert exchange(browser, fed, code, flow.verifier) == (400, {"error": "invalid_grant"})
    provider = at_provider(Browser(fed.url), fed, flow)
    browser = Browser(fed.url)
    code = consent(browser, provider.location, unique_email("fed")).query()["code"]
    assert exchange(browser, fed, code, flow.verifier)[0] == 200
    assert exchange(browser, fed, code, flow.verifier) == (400, {"error": "invalid_grant"})


def test_an_expired_code_is_refused(fed: Client) -> None:
    browser, flow = Browser(fed.url), Flow.new()
    provider = at_provider(browser, fed, flow)
    code = consent(browser, provider.location, unique_email("fed")).query()["code"]
    assert fed.local("oauth/codes/expire", {}).body["expired"] >= 1
    assert exchange(browser, fed, code, flow.verifier) == (400, {"error": "invalid_grant"})


def test_cancel_at_the_provider_goes_back_with_access_denied(fed: Client) -> None:
    browser, flow = Browser(fed.url), Flow.new()
    provider = at_provider(browser, fed, flow)
    back = consent(browser, provider.location, "", action="cancel")
    assert back.location.startswith(CALLBACK)
    assert back.query()["error"] == "access_denied" and back.query()["state"] == flow.state


def test_requests_that_cannot_go_back_get_an_error_page(fed: Client) -> None:
    browser, flow = Browser(fed.url), Flow.new()
    page = browser.go(authorize_url(fed, flow, redirect_uri="https://evil.example/cb", identity_provider="Google"))
    assert (page.status, page.location) == (400, "") and "redirect_mismatch" in page.body
    page = browser.go(authorize_url(fed, flow, client_id="nosuchclient", identity_provider="Google"))
    assert (page.status, page.location) == (400, "")


@pytest.mark.parametrize(
    ("extra", "error"),
    [
        ({"code_challenge_method": "plain"}, "invalid_request"),
        ({"response_type": "token"}, "unsupported_response_type"),
        ({"scope": "openid phone"}, "invalid_scope"),
        ({"identity_provider": "Facebook"}, "invalid_request"),
        ({"idp_identifier": "unknown.example"}, "invalid_request"),
    ],
)
def test_faults_go_back_to_the_app_with_their_error_and_state(fed: Client, extra: dict[str, str], error: str) -> None:
    flow = Flow.new()
    params = {"identity_provider": "Google", **extra}
    if "idp_identifier" in extra:
        params.pop("identity_provider")
    page = Browser(fed.url).go(authorize_url(fed, flow, **params))
    assert page.status == 302 and page.location.startswith(CALLBACK)
    assert page.query()["error"] == error and page.query()["state"] == flow.state


def test_an_email_domain_picks_the_company_provider(fed: Client) -> None:
    page = Browser(fed.url).go(authorize_url(fed, Flow.new(), idp_identifier="Example-Corp.com"))
    assert page.status == 302 and "/local-idp/ExampleCorp?" in page.location


def test_the_hosted_session_skips_the_provider_until_logout(fed: Client) -> None:
    browser, _, _ = signed_in(fed, unique_email("fed"))
    again = Flow.new()
    page = browser.go(authorize_url(fed, again, identity_provider="Google"))
    assert page.location.startswith(CALLBACK) and "code" in page.query()
    refused = browser.go(f"/logout?{urlencode({'client_id': fed.client_id, 'logout_uri': 'https://evil.example/'})}")
    assert (refused.status, refused.location) == (400, "")
    out = browser.go(f"/logout?{urlencode({'client_id': fed.client_id, 'logout_uri': SIGNED_OUT})}")
    assert (out.status, out.location) == (302, SIGNED_OUT)
    page = browser.go(authorize_url(fed, Flow.new(), identity_provider="Google"))
    assert "/local-idp/Google?" in page.location


def test_user_info_and_discovery(fed: Client) -> None:
    email = unique_email("fed")
    browser, _, tokens = signed_in(fed, email)
    info = browser.go("/oauth2/userInfo", headers={"Authorization": f"Bearer {tokens['access_token']}"})
    assert info.status == 200 and json.loads(info.body)["email"] == email
    refused = browser.go("/oauth2/userInfo", headers={"Authorization": "Bearer nope"})
    assert refused.status == 401 and json.loads(refused.body)["error"] == "invalid_token"
    discovery = json.loads(browser.go("/.well-known/openid-configuration").body)
    assert discovery["authorization_endpoint"] == fed.url.rstrip("/") + "/oauth2/authorize"
    assert discovery["code_challenge_methods_supported"] == ["S256"]


@pytest.mark.parametrize(
    ("form", "content_type", "error"),
    [
        ({"grant_type": "authorization_code"}, "application/json", "invalid_request"),
        ({"grant_type": "authorization_code", "client_id": "nosuchclient", "code": "c"}, None, "invalid_client"),
        ({"grant_type": "password"}, None, "unsupported_grant_type"),
        ({"grant_type": "authorization_code", "code": "nosuchcode", "redirect_uri": CALLBACK}, None, "invalid_grant"),
        ({"grant_type": "refresh_token", "refresh_token": "nope"}, None, "invalid_grant"),
    ],
)
def test_token_endpoint_errors(fed: Client, form: dict[str, str], content_type: str | None, error: str) -> None:
    body = {"client_id": fed.client_id, **form}
    headers = {"Content-Type": content_type} if content_type else {}
    page = Browser(fed.url).go("/oauth2/token", body, headers)
    assert page.status == 400 and json.loads(page.body)["error"] == error


def test_the_default_pool_has_no_domain(cognito: Client) -> None:
    page = Browser(cognito.url).go(authorize_url(cognito, Flow.new(), identity_provider="Google"))
    assert page.status == 400 and page.location == ""


def test_identity_providers_are_checked_as_cognito_checks_them() -> None:
    google = {"ProviderType": "Google", "ProviderDetails": {"client_id": "a", "client_secret": "b", "authorize_scopes": "openid"}}
    check_identity_provider("Google", google)
    oidc = {
        "ProviderType": "OIDC",
        "ProviderDetails": {"client_id": "a", "attributes_request_method": "GET", "oidc_issuer": "https://x", "authorize_scopes": "openid"},
        "IdpIdentifiers": ["example.com"],
    }
    check_identity_provider("ExampleCorp", oidc)
    for name, props in [
        ("MyGoogle", google),  # a social provider goes by its type's name
        ("Example_Corp", oidc),  # `_` would make usernames ambiguous
        ("ExampleCorp", {**oidc, "ProviderDetails": {"client_id": "a"}}),
        ("ExampleCorp", {**oidc, "IdpIdentifiers": ["not/a domain!"]}),
        ("ExampleCorp", {**oidc, "ProviderType": "Kerberos"}),
    ]:
        with pytest.raises(CognitoError):
            check_identity_provider(name, props)


def test_a_federated_session_refreshes_with_refresh_token_auth_on_a_client_that_keeps_tokens(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    emu, client = serve(tmp_path_factory.mktemp("cfg"), *PARAMS, "--param", "RefreshTokenRotation=DISABLED")
    try:
        _, _, tokens = signed_in(client, unique_email("fed"))
        reply = client.refresh_with_initiate_auth(tokens["refresh_token"])
        assert reply.status == 200, reply.body
        assert claims(reply.body["AuthenticationResult"]["IdToken"])["cognito:username"].startswith("Google_")
    finally:
        emu.stop()

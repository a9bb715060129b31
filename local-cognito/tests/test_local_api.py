"""The local API answers programs on this machine only, and the delay switch for hung-request
tests holds up the chosen calls without holding up the server."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from urllib.parse import urlsplit

import pytest

from conftest import PASSWORD, Client, Reply, http, unique_email

JSON = {"Content-Type": "application/json"}


def port(client: Client) -> int:
    return int(urlsplit(client.url).port or 0)


def test_requests_from_web_pages_are_refused(cognito: Client) -> None:
    for origin in ("http://localhost:8080", "https://evil.example", "null"):
        reply = http("GET", cognito.url + "_local/settings", headers={"Origin": origin})
        assert reply.status == 403, origin
        assert not [h for h in reply.headers if h.startswith("access-control-")]
        preflight = http(
            "OPTIONS",
            cognito.url + "_local/settings",
            headers={"Origin": origin, "Access-Control-Request-Method": "POST"},
        )
        assert preflight.status == 403
        assert not [h for h in preflight.headers if h.startswith("access-control-")]
    # the server's own origin, under any of its names, is fine
    for host in ("127.0.0.1", "localhost", "[::1]"):
        reply = http("GET", cognito.url + "_local/health", headers={"Origin": f"http://{host}:{port(cognito)}"})
        assert reply.status == 200, host


def test_only_json_posts_change_settings(cognito: Client) -> None:
    body = b'{"autoConfirm": true}'
    for content_type in ("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"):
        reply = http("POST", cognito.url + "_local/settings", body, {"Content-Type": content_type})
        assert reply.status == 415, content_type
    assert http("POST", cognito.url + "_local/settings", body).status == 415  # no Content-Type at all
    assert cognito.local("settings").body["autoConfirm"] is False
    ok = http("POST", cognito.url + "_local/settings", body, {"Content-Type": "application/json; charset=utf-8"})
    assert ok.status == 200 and ok.body["autoConfirm"] is True


def test_unknown_host_names_are_refused(cognito: Client) -> None:
    for host in (f"evil.example:{port(cognito)}", "127.0.0.1:1", "localhost"):
        assert http("GET", cognito.url + "_local/codes/a@example.com", headers={"Host": host}).status == 403, host
    assert http("GET", cognito.url + "_local/health", headers={"Host": f"localhost:{port(cognito)}"}).status == 200


def test_cognito_api_keeps_cors_for_the_browser_app(cognito: Client) -> None:
    origin = {"Origin": "http://localhost:8080"}
    preflight = http("OPTIONS", cognito.url, headers={**origin, "Access-Control-Request-Method": "POST"})
    assert preflight.status == 200
    assert preflight.headers["access-control-allow-origin"] == "*"
    reply = http(
        "POST",
        cognito.url,
        b"{}",
        {**origin, "X-Amz-Target": "AWSCognitoIdentityProviderService.GetUser", "Content-Type": "application/x-amz-json-1.1"},
    )
    assert reply.status == 400 and reply.headers["access-control-allow-origin"] == "*"


def timed(fn: Callable[[], Reply]) -> tuple[Reply, float]:
    start = time.monotonic()
    reply = fn()
    return reply, time.monotonic() - start


def test_delayed_calls_wait_without_blocking_others(cognito: Client) -> None:
    email, tokens = cognito.confirmed_user("delay")
    settings = cognito.local("settings", {"delaySeconds": 2.0, "delayActions": ["GetUser"]}).body
    assert (settings["delaySeconds"], settings["delayActions"]) == (2.0, ["GetUser"])

    slow: list[tuple[Reply, float]] = []
    thread = threading.Thread(target=lambda: slow.append(timed(lambda: cognito.call("GetUser", AccessToken=tokens["AccessToken"]))))
    thread.start()
    time.sleep(0.1)  # the GetUser is now waiting
    sign_in, sign_in_time = timed(lambda: cognito.sign_in(email))
    health, health_time = timed(lambda: cognito.local("health"))
    assert sign_in.status == 200 and sign_in_time < 1.0
    assert health.status == 200 and health_time < 1.0
    assert thread.is_alive()
    thread.join(5)
    reply, elapsed = slow[0]
    assert reply.status == 200 and elapsed >= 2.0


def test_delay_without_actions_applies_to_every_call(cognito: Client) -> None:
    cognito.local("settings", {"delaySeconds": 0.5, "delayActions": ["GetUser"]})
    settings = cognito.local("settings", {"delaySeconds": 0.8}).body  # a new delay without actions: all
    assert settings["delayActions"] is None
    reply, elapsed = timed(lambda: cognito.sign_up(unique_email("slow"), PASSWORD))
    assert reply.status == 200 and elapsed >= 0.8
    assert cognito.local("settings", {"delaySeconds": 0}).body["delaySeconds"] == 0
    reply, elapsed = timed(lambda: cognito.sign_up(unique_email("fast"), PASSWORD))
    assert reply.status == 200 and elapsed < 0.8


@pytest.mark.parametrize(
    "bad",
    [{"delaySeconds": -1}, {"delaySeconds": "1"}, {"delaySeconds": True}, {"delayActions": ["NoSuchAction"]}, {"delayActions": "GetUser"}],
)
def test_bad_delay_settings_are_refused(cognito: Client, bad: dict[str, object]) -> None:
    before = cognito.local("settings").body
    reply = cognito.local("settings", bad)
    assert reply.status == 400
    assert reply.body["__type"] == "InvalidParameterException"
    assert cognito.local("settings").body == before


def test_expiring_sessions_is_for_programs_on_this_machine_only(cognito: Client) -> None:
    url = cognito.url + "_local/sessions/expire"
    assert http("POST", url, b"{}", {**JSON, "Origin": "http://localhost:8080"}).status == 403
    assert http("POST", url, b"{}", {"Content-Type": "text/plain"}).status == 415
    assert http("GET", url).status == 404  # only a POST expires anything
    reply = http("POST", url, b"{}", JSON)
    assert reply.status == 200 and isinstance(reply.body["expired"], int)
    assert not [h for h in reply.headers if h.startswith("access-control-")]


def test_expiring_sessions_reaches_srp_and_new_password_challenges(cognito: Client) -> None:
    from test_account_flows import TEMPORARY, admin_created, respond
    from test_srp import Attempt, confirmed

    email, _ = confirmed(cognito, "srpexpire")
    attempt = Attempt(cognito, email)
    admin_email = admin_created(cognito, "pwexpire")
    challenge = cognito.sign_in(admin_email, TEMPORARY).body
    assert cognito.local("sessions/expire", {}).body["expired"] >= 1
    stale = ("NotAuthorizedException", "Invalid session for the user, session is expired.")
    assert attempt.answer().error == stale
    assert respond(cognito, challenge["Session"], admin_email, PASSWORD).error == stale

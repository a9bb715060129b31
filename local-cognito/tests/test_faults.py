"""Faults and counters that the frontend's session tests need and that a real pool can't be
asked for: a temporary outage that forgets nothing, and server-side call counts."""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request

from conftest import Client


def raw_post(client: Client, action: str, body: dict[str, object]) -> tuple[int, str, dict[str, str]]:
    request = urllib.request.Request(
        client.url,
        data=json.dumps(body).encode(),
        method="POST",
        headers={
            "X-Amz-Target": f"AWSCognitoIdentityProviderService.{action}",
            "Content-Type": "application/x-amz-json-1.1",
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read().decode(), dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(), dict(error.headers)


def test_outage_answers_503_then_recovers_with_state_intact(cognito: Client) -> None:
    email, tokens = cognito.confirmed_user("outage")
    assert cognito.local("settings", {"outageSeconds": 1.0}).body["outageSeconds"] > 0.5
    status, body, headers = raw_post(
        cognito, "InitiateAuth", {"ClientId": cognito.client_id, "AuthFlow": "REFRESH_TOKEN_AUTH"}
    )
    assert status == 503
    assert "<html>" in body  # a load balancer's page, not Cognito's JSON
    assert headers["Access-Control-Allow-Origin"] == "*"
    # the local API stays up, so a test can end the outage early or read stats
    assert cognito.local("health").status == 200
    time.sleep(1.1)
    reply = cognito.refresh(tokens["RefreshToken"])
    assert reply.status == 200, reply.body  # the refresh token survived the outage
    assert cognito.local("settings").body["outageSeconds"] == 0


def test_outage_can_be_ended_early_and_rejects_bad_values(cognito: Client) -> None:
    cognito.local("settings", {"outageSeconds": 60})
    assert raw_post(cognito, "GetUser", {"AccessToken": "x"})[0] == 503
    cognito.local("settings", {"outageSeconds": 0})
    assert raw_post(cognito, "GetUser", {"AccessToken": "x"})[0] == 400
    for bad in (-1, "5", True):
        assert cognito.local("settings", {"outageSeconds": bad}).status == 400


def test_stats_count_calls_per_flow_and_expired_tokens(cognito: Client) -> None:
    before = cognito.local("stats").body
    cognito.local("settings", {"tokenLifetimeSeconds": 1})
    _, tokens = cognito.confirmed_user("stats")
    cognito.refresh(tokens["RefreshToken"])
    cognito.refresh_with_initiate_auth(tokens["RefreshToken"])  # refused on a rotating client, still a call
    time.sleep(1.1)
    assert cognito.call("GetUser", AccessToken=tokens["AccessToken"]).error[1] == "Access Token has expired"
    after = cognito.local("stats").body

    def delta(key: str) -> int:
        return after["calls"].get(key, 0) - before["calls"].get(key, 0)

    assert delta("InitiateAuth:USER_PASSWORD_AUTH") == 1
    assert delta("GetTokensFromRefreshToken") == 1
    assert delta("InitiateAuth:REFRESH_TOKEN_AUTH") == 1
    assert delta("GetUser") == 1
    assert after["expiredAccessTokens"] - before["expiredAccessTokens"] == 1

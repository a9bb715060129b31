"""Passkeys verified for real: registration (StartWebAuthnRegistration,
CompleteWebAuthnRegistration), sign-in with one (USER_AUTH's WEB_AUTHN challenge), and listing
and deleting them, with the error Cognito names for each way a credential fails."""

from __future__ import annotations

import json

from conftest import Client, claims
from passkey_support import (
    SoftAuthenticator,
    answer,
    passkey_sign_in,
    register_passkey,
    unb64url,
    user_auth,
)

NOT_AUTHORIZED = "NotAuthorizedException"


def start(client: Client, access_token: str) -> dict:
    reply = client.call("StartWebAuthnRegistration", AccessToken=access_token)
    assert reply.status == 200, reply.body
    return reply.body["CredentialCreationOptions"]


def complete(client: Client, access_token: str, credential: dict) -> tuple[str, str]:
    return client.call("CompleteWebAuthnRegistration", AccessToken=access_token, Credential=credential).error


def test_creation_options_describe_a_discoverable_credential_for_the_pool(passkeys: Client) -> None:
    email, tokens = passkeys.confirmed_user("options")
    options = start(passkeys, tokens["AccessToken"])
    sub = claims(tokens["IdToken"])["sub"]
    assert options["rp"] == {"id": "localhost", "name": "leptos-cognito"}
    assert options["user"] == {"id": options["user"]["id"], "name": email, "displayName": email}
    assert unb64url(options["user"]["id"]) == sub.encode()
    assert len(unb64url(options["challenge"])) == 32
    assert options["pubKeyCredParams"] == [{"type": "public-key", "alg": -7}, {"type": "public-key", "alg": -257}]
    assert options["authenticatorSelection"] == {
        "residentKey": "required",
        "requireResidentKey": True,
        "userVerification": "preferred",
    }
    assert options["excludeCredentials"] == [] and options["timeout"] == 300000
    # a registered passkey is excluded next time, with its transports
    credential_id = register_passkey(passkeys, tokens["AccessToken"], SoftAuthenticator())
    again = start(passkeys, tokens["AccessToken"])
    assert again["excludeCredentials"] == [{"type": "public-key", "id": credential_id, "transports": ["hybrid", "internal"]}]
    assert again["challenge"] != options["challenge"]


def test_a_registered_passkey_signs_in(passkeys: Client) -> None:
    email, tokens = passkeys.confirmed_user("passkey")
    authenticator = SoftAuthenticator()
    credential_id = register_passkey(passkeys, tokens["AccessToken"], authenticator)
    challenge = user_auth(passkeys, email, PREFERRED_CHALLENGE="WEB_AUTHN").body
    assert challenge["ChallengeName"] == "WEB_AUTHN"
    text = challenge["ChallengeParameters"]["CREDENTIAL_REQUEST_OPTIONS"]
    assert isinstance(text, str)
    options = json.loads(text)
    assert options == {
        "challenge": options["challenge"],
        "timeout": 180000,
        "rpId": "localhost",
        "allowCredentials": [{"type": "public-key", "id": credential_id, "transports": ["hybrid", "internal"]}],
        "userVerification": "preferred",
    }
    reply = answer(passkeys, "WEB_AUTHN", challenge["Session"], email, CREDENTIAL=authenticator.get(text))
    assert reply.status == 200, reply.body
    assert claims(reply.body["AuthenticationResult"]["IdToken"])["email"] == email
    # the session was used up
    again = answer(passkeys, "WEB_AUTHN", challenge["Session"], email, CREDENTIAL=authenticator.get(text))
    assert again.error == (NOT_AUTHORIZED, "Invalid session for the user, session can only be used once.")


def test_registration_from_another_origin_or_relying_party_is_refused(passkeys: Client) -> None:
    _, tokens = passkeys.confirmed_user("origin")
    token = tokens["AccessToken"]
    authenticator = SoftAuthenticator()
    for origin in ("https://evil.example", "http://127.0.0.1:8080", "http://sub.localhost.evil:8080"):
        assert complete(passkeys, token, authenticator.create(start(passkeys, token), origin=origin)) == (
            "WebAuthnOriginNotAllowedException",
            "The passkey credential's registration origin does not align with the user pool relying party id.",
        )
    wrong_rp = authenticator.create(start(passkeys, token), rp_id="example.com")
    assert complete(passkeys, token, wrong_rp) == (
        "WebAuthnRelyingPartyMismatchException",
        "The passkey credential is associated with a different relying party ID than the user pool relying party ID.",
    )
    # https on localhost, or on any port of http://localhost, is the relying party's
    for origin in ("https://localhost", "http://localhost:18090"):
        options = start(passkeys, token)
        assert complete(passkeys, token, authenticator.create(options, origin=origin)) == ("", "")
    assert len(passkeys.call("ListWebAuthnCredentials", AccessToken=token).body["Credentials"]) == 2


def test_a_registration_answers_its_own_challenge_once(passkeys: Client) -> None:
    _, tokens = passkeys.confirmed_user("replay")
    token = tokens["AccessToken"]
    authenticator = SoftAuthenticator()
    not_found = (
        "WebAuthnChallengeNotFoundException",
        "The challenge from StartWebAuthnRegistration has expired or was not found.",
    )
    # nothing started
    stale = authenticator.create({**start(passkeys, token), "challenge": "AAAA"})
    assert complete(passkeys, token, stale) == not_found
    credential = authenticator.create(start(passkeys, token))
    assert complete(passkeys, token, credential) == ("", "")
    assert complete(passkeys, token, credential) == not_found
    # a newer start replaces an older one
    first = start(passkeys, token)
    start(passkeys, token)
    assert complete(passkeys, token, SoftAuthenticator().create(first)) == not_found


def test_registration_is_finished_by_the_client_that_started_it(passkeys: Client) -> None:
    email, tokens = passkeys.confirmed_user("client")
    other_client = passkeys.call(
        "CreateUserPoolClient",
        UserPoolId=passkeys.pool_id,
        ClientName="other",
        ExplicitAuthFlows=["ALLOW_USER_PASSWORD_AUTH"],
    ).body["UserPoolClient"]["ClientId"]
    try:
        other = passkeys.call(
            "InitiateAuth",
            ClientId=other_client,
            AuthFlow="USER_PASSWORD_AUTH",
            AuthParameters={"USERNAME": email, "PASSWORD": "Passw0rd!"},
        ).body["AuthenticationResult"]["AccessToken"]
        credential = SoftAuthenticator().create(start(passkeys, tokens["AccessToken"]))
        assert complete(passkeys, other, credential) == (
            "WebAuthnClientMismatchException",
            "The access token is for a different client than the one in the original StartWebAuthnRegistration request.",
        )
    finally:
        passkeys.call("DeleteUserPoolClient", UserPoolId=passkeys.pool_id, ClientId=other_client)


def test_malformed_and_unverifiable_registrations(passkeys: Client) -> None:
    _, tokens = passkeys.confirmed_user("malformed")
    token = tokens["AccessToken"]
    assert complete(passkeys, token, {"id": "x"}) == (
        "InvalidParameterException",
        "Credential is not a valid RegistrationResponseJSON.",
    )
    credential = SoftAuthenticator().create(start(passkeys, token))
    credential["response"]["attestationObject"] = credential["response"]["attestationObject"][:-8]
    assert complete(passkeys, token, credential)[0] == "InvalidParameterException"
    # packed self-attestation is verified: signed by the new key it registers, otherwise not
    packed = SoftAuthenticator().create(start(passkeys, token), statement=("packed", {}))
    assert complete(passkeys, token, packed) == ("", "")
    forged = SoftAuthenticator().create(start(passkeys, token), statement=("packed", {"alg": -7, "sig": b"\x30\x00"}))
    assert complete(passkeys, token, forged) == (
        "WebAuthnCredentialNotSupportedException",
        "The passkey credential is from an unsupported device or provider.",
    )
    # a request whose Credential is not an object fails validation, as a Document of the wrong kind does
    reply = passkeys.call("CompleteWebAuthnRegistration", AccessToken=token, Credential="{}")
    assert reply.error[0] == "SerializationException"


def test_required_user_verification_refuses_authenticators_that_skip_it(passkeys: Client) -> None:
    email, tokens = passkeys.confirmed_user("uv")
    verifying = SoftAuthenticator()
    register_passkey(passkeys, tokens["AccessToken"], verifying)
    webauthn = {"RelyingPartyId": "localhost", "UserVerification": "required"}
    assert passkeys.call("SetUserPoolMfaConfig", UserPoolId=passkeys.pool_id, WebAuthnConfiguration=webauthn).status == 200
    try:
        assert start(passkeys, tokens["AccessToken"])["authenticatorSelection"]["userVerification"] == "required"
        lazy = SoftAuthenticator(user_verifying=False)
        credential = lazy.create(start(passkeys, tokens["AccessToken"]))
        assert complete(passkeys, tokens["AccessToken"], credential)[0] == "WebAuthnCredentialNotSupportedException"
        verifying.user_verifying = False
        assert passkey_sign_in(passkeys, email, verifying).error == (
            NOT_AUTHORIZED,
            "The user pool requires user verification, and the passkey did not verify the user.",
        )
        verifying.user_verifying = True
        assert passkey_sign_in(passkeys, email, verifying).status == 200
    finally:
        preferred = {"RelyingPartyId": "localhost", "UserVerification": "preferred"}
        passkeys.call("SetUserPoolMfaConfig", UserPoolId=passkeys.pool_id, WebAuthnConfiguration=preferred)


def test_assertions_that_do_not_prove_the_user_are_refused(passkeys: Client) -> None:
    email, tokens = passkeys.confirmed_user("assert")
    authenticator = SoftAuthenticator()
    register_passkey(passkeys, tokens["AccessToken"], authenticator)
    assert passkey_sign_in(passkeys, email, authenticator, forge=True).error == (
        NOT_AUTHORIZED,
        "The passkey credential's signature is not valid.",
    )
    assert passkey_sign_in(passkeys, email, authenticator, origin="https://evil.example").error == (
        NOT_AUTHORIZED,
        "The passkey credential's origin does not align with the user pool relying party id.",
    )
    assert passkey_sign_in(passkeys, email, authenticator, rp_id="example.com").error == (
        NOT_AUTHORIZED,
        "The passkey credential is associated with a different relying party ID than the user pool relying party ID.",
    )
    # an answer to another session's challenge
    first = user_auth(passkeys, email, PREFERRED_CHALLENGE="WEB_AUTHN").body
    second = user_auth(passkeys, email, PREFERRED_CHALLENGE="WEB_AUTHN").body
    for_first = authenticator.get(first["ChallengeParameters"]["CREDENTIAL_REQUEST_OPTIONS"])
    assert answer(passkeys, "WEB_AUTHN", second["Session"], email, CREDENTIAL=for_first).error == (
        NOT_AUTHORIZED,
        "The passkey credential does not answer the challenge of this session.",
    )
    # a wrong answer leaves the session usable
    assert answer(passkeys, "WEB_AUTHN", first["Session"], email, CREDENTIAL=for_first).status == 200
    assert answer(passkeys, "WEB_AUTHN", second["Session"], email, CREDENTIAL="{").error == (
        "InvalidParameterException",
        "CREDENTIAL is not a valid AuthenticationResponseJSON.",
    )
    assert answer(passkeys, "WEB_AUTHN", second["Session"], email).error == (
        "InvalidParameterException",
        "Missing required parameter CREDENTIAL",
    )


def test_a_counter_that_does_not_increase_is_refused(passkeys: Client) -> None:
    email, tokens = passkeys.confirmed_user("counter")
    authenticator = SoftAuthenticator()
    register_passkey(passkeys, tokens["AccessToken"], authenticator)
    assert passkey_sign_in(passkeys, email, authenticator, counter=5).status == 200
    cloned = (NOT_AUTHORIZED, "The passkey's signature counter did not increase: the credential may have been cloned.")
    assert passkey_sign_in(passkeys, email, authenticator, counter=5).error == cloned
    assert passkey_sign_in(passkeys, email, authenticator, counter=4).error == cloned
    assert passkey_sign_in(passkeys, email, authenticator, counter=6).status == 200


def test_authenticators_without_a_counter_keep_signing_in(passkeys: Client) -> None:
    email, tokens = passkeys.confirmed_user("zero")
    authenticator = SoftAuthenticator()
    register_passkey(passkeys, tokens["AccessToken"], authenticator)
    for _ in range(2):
        assert passkey_sign_in(passkeys, email, authenticator, counter=0).status == 200


def test_list_and_delete_passkeys(passkeys: Client) -> None:
    email, tokens = passkeys.confirmed_user("list")
    token = tokens["AccessToken"]
    assert passkeys.call("ListWebAuthnCredentials", AccessToken=token).body == {"Credentials": []}
    authenticator = SoftAuthenticator()
    ids = [register_passkey(passkeys, token, authenticator) for _ in range(3)]
    listed = passkeys.call("ListWebAuthnCredentials", AccessToken=token).body["Credentials"]
    assert [c["CredentialId"] for c in listed] == ids
    assert listed[0] == {
        "CredentialId": ids[0],
        "FriendlyCredentialName": "Passkey",
        "RelyingPartyId": "localhost",
        "AuthenticatorAttachment": "platform",
        "AuthenticatorTransports": ["hybrid", "internal"],
        "CreatedAt": listed[0]["CreatedAt"],
    }
    assert isinstance(listed[0]["CreatedAt"], float)
    page = passkeys.call("ListWebAuthnCredentials", AccessToken=token, MaxResults=2).body
    assert [c["CredentialId"] for c in page["Credentials"]] == ids[:2]
    rest = passkeys.call("ListWebAuthnCredentials", AccessToken=token, MaxResults=2, NextToken=page["NextToken"]).body
    assert [c["CredentialId"] for c in rest["Credentials"]] == ids[2:] and "NextToken" not in rest
    bad_token = passkeys.call("ListWebAuthnCredentials", AccessToken=token, NextToken="nonsense")
    assert bad_token.error == ("InvalidParameterException", "Invalid NextToken.")

    assert passkeys.call("DeleteWebAuthnCredential", AccessToken=token, CredentialId=ids[0]).body == {}
    again = passkeys.call("DeleteWebAuthnCredential", AccessToken=token, CredentialId=ids[0])
    assert again.error == ("ResourceNotFoundException", "The passkey credential was not found.")
    remaining = passkeys.call("ListWebAuthnCredentials", AccessToken=token).body["Credentials"]
    assert [c["CredentialId"] for c in remaining] == ids[1:]
    # the deleted passkey no longer signs in; the others do
    assert passkey_sign_in(passkeys, email, authenticator, credential_id=ids[0]).error == (
        NOT_AUTHORIZED,
        "The passkey credential is not registered for the user.",
    )
    assert passkey_sign_in(passkeys, email, authenticator, credential_id=ids[1]).status == 200


def test_another_users_passkey_is_not_theirs(passkeys: Client) -> None:
    alice, alice_tokens = passkeys.confirmed_user("alice")
    bob, bob_tokens = passkeys.confirmed_user("bob")
    alice_key, bob_key = SoftAuthenticator(), SoftAuthenticator()
    register_passkey(passkeys, alice_tokens["AccessToken"], alice_key)
    bob_id = register_passkey(passkeys, bob_tokens["AccessToken"], bob_key)
    challenge = user_auth(passkeys, alice, PREFERRED_CHALLENGE="WEB_AUTHN").body
    options = challenge["ChallengeParameters"]["CREDENTIAL_REQUEST_OPTIONS"]
    assert answer(passkeys, "WEB_AUTHN", challenge["Session"], alice, CREDENTIAL=bob_key.get(options, credential_id=bob_id)).error == (
        NOT_AUTHORIZED,
        "The passkey credential is not registered for the user.",
    )
    # nor can bob's own list delete alice's
    alice_id = passkeys.call("ListWebAuthnCredentials", AccessToken=alice_tokens["AccessToken"]).body["Credentials"][0]
    refused = passkeys.call("DeleteWebAuthnCredential", AccessToken=bob_tokens["AccessToken"], CredentialId=alice_id["CredentialId"])
    assert refused.error[0] == "ResourceNotFoundException"


def test_pools_without_passkeys_refuse_to_register_them(cognito: Client) -> None:
    _, tokens = cognito.confirmed_user("nopasskeys")
    assert cognito.call("StartWebAuthnRegistration", AccessToken=tokens["AccessToken"]).error == (
        "WebAuthnNotEnabledException",
        "The passkey feature isn't enabled for the user pool.",
    )
    assert cognito.call("CompleteWebAuthnRegistration", AccessToken=tokens["AccessToken"], Credential={}).error[0] == (
        "WebAuthnNotEnabledException"
    )


def test_a_pool_allowing_passkeys_without_a_relying_party_is_missing_its_configuration(passkeys: Client) -> None:
    pool = passkeys.call(
        "CreateUserPool",
        PoolName="no-rp",
        Policies={"SignInPolicy": {"AllowedFirstAuthFactors": ["PASSWORD", "WEB_AUTHN"]}},
        UsernameAttributes=["email"],
        AutoVerifiedAttributes=["email"],
    ).body["UserPool"]
    try:
        client_id = passkeys.call(
            "CreateUserPoolClient", UserPoolId=pool["Id"], ClientName="c", ExplicitAuthFlows=["ALLOW_USER_PASSWORD_AUTH"]
        ).body["UserPoolClient"]["ClientId"]
        other = Client(passkeys.url, {"clientId": client_id, "userPoolId": pool["Id"]})
        _, tokens = other.confirmed_user("norp")
        assert other.call("StartWebAuthnRegistration", AccessToken=tokens["AccessToken"]).error == (
            "WebAuthnConfigurationMissingException",
            "The user pool doesn't have a configured relying party id or a user pool domain.",
        )
    finally:
        passkeys.call("DeleteUserPool", UserPoolId=pool["Id"])


def test_passkey_actions_need_a_valid_access_token(passkeys: Client) -> None:
    for action, extra in (
        ("StartWebAuthnRegistration", {}),
        ("ListWebAuthnCredentials", {}),
        ("DeleteWebAuthnCredential", {"CredentialId": "abc"}),
    ):
        assert passkeys.call(action, AccessToken="not-a-token", **extra).error == (NOT_AUTHORIZED, "Invalid Access Token")

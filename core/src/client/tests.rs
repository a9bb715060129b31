use super::*;
use crate::api::{AuthFlow, ChallengeName};
use crate::error::ErrorCode;
use crate::http::{HttpResponse, TransportError};
use crate::i18n::{Lang, Text};
use crate::sign_in_factor::FirstFactor;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use pollster::block_on;
use serde_json::json;
use std::cell::RefCell;
use std::collections::VecDeque;

/// Replies with queued responses and keeps every request it was given.
#[derive(Default)]
struct ScriptedTransport {
    replies: RefCell<VecDeque<Result<HttpResponse, TransportError>>>,
    sent: RefCell<Vec<HttpRequest>>,
}

impl ScriptedTransport {
    fn replying(status: u16, body: &str) -> Self {
        let transport = Self::default();
        transport.replies.borrow_mut().push_back(Ok(HttpResponse {
            status,
            body: body.to_owned(),
        }));
        transport
    }
}

impl HttpTransport for &ScriptedTransport {
    async fn post(&self, request: HttpRequest) -> Result<HttpResponse, TransportError> {
        self.sent.borrow_mut().push(request);
        self.replies
            .borrow_mut()
            .pop_front()
            .unwrap_or_else(|| Err(TransportError("no reply scripted".into())))
    }
}

fn client(transport: &ScriptedTransport) -> CognitoClient<&ScriptedTransport> {
    CognitoClient::new(
        "http://127.0.0.1:9229/",
        "eu-west-1_myPool",
        "client-1",
        transport,
    )
}

fn id_token(email: &str) -> String {
    let payload = format!(r#"{{"sub":"s-1","exp":1700003600,"iat":1700000000,"email":"{email}"}}"#);
    format!("h.{}.s", URL_SAFE_NO_PAD.encode(payload))
}

fn auth_reply(refresh: Option<&str>) -> String {
    let refresh = refresh
        .map(|r| format!(r#","RefreshToken":"{r}""#))
        .unwrap_or_default();
    format!(
        r#"{{"AuthenticationResult":{{"AccessToken":"acc","IdToken":"{}","ExpiresIn":300{refresh}}},"ChallengeParameters":{{}}}}"#,
        id_token("a@example.com")
    )
}

#[test]
fn requests_carry_target_content_type_and_json_body() {
    let transport = ScriptedTransport::replying(200, "{}");
    block_on(client(&transport).confirm_sign_up("a@example.com", "123456")).unwrap();
    let sent = transport.sent.borrow();
    let request = &sent[0];
    assert_eq!(request.url, "http://127.0.0.1:9229/");
    assert!(request
        .headers
        .contains(&("Content-Type", "application/x-amz-json-1.1".into())));
    assert!(request.headers.contains(&(
        "X-Amz-Target",
        "AWSCognitoIdentityProviderService.ConfirmSignUp".into()
    )));
    let body: serde_json::Value = serde_json::from_str(&request.body).unwrap();
    assert_eq!(
        body,
        serde_json::json!({"ClientId": "client-1", "Username": "a@example.com", "ConfirmationCode": "123456"})
    );
}

#[test]
fn password_sign_in_returns_tokens_with_claims() {
    let transport = ScriptedTransport::replying(200, &auth_reply(Some("ref")));
    let outcome =
        block_on(client(&transport).sign_in_with_password("a@example.com", Password::new("pw")))
            .unwrap();
    let SignInOutcome::SignedIn(tokens) = outcome else {
        panic!("expected tokens");
    };
    assert_eq!(tokens.refresh.expose_secret(), "ref");
    assert_eq!(tokens.expires_in, Some(300));
    assert_eq!(tokens.id_claims.email.as_deref(), Some("a@example.com"));
    let target = &transport.sent.borrow()[0].headers[1].1;
    assert_eq!(target, "AWSCognitoIdentityProviderService.InitiateAuth");
}

#[test]
fn sign_in_challenge_is_reported_not_treated_as_an_error() {
    let transport = ScriptedTransport::replying(
        200,
        r#"{"ChallengeName":"NEW_PASSWORD_REQUIRED","Session":"sess","ChallengeParameters":{"USER_ID_FOR_SRP":"u"}}"#,
    );
    let outcome =
        block_on(client(&transport).sign_in_with_password("a@example.com", Password::new("pw")))
            .unwrap();
    let SignInOutcome::Challenge(challenge) = outcome else {
        panic!("expected a challenge");
    };
    assert_eq!(challenge.name.as_str(), "NEW_PASSWORD_REQUIRED");
    assert_eq!(challenge.parameters["USER_ID_FOR_SRP"], "u");
}

/// The public SRP vector (see srp.rs) as Cognito's `PASSWORD_VERIFIER` reply.
const SRP_CHALLENGE: &str = r#"{"ChallengeName":"PASSWORD_VERIFIER","Session":"sess-1",
    "ChallengeParameters":{"SALT":"499602d2","SRP_B":"499602d2","USER_ID_FOR_SRP":"test",
    "USERNAME":"test","SECRET_BLOCK":"c2VjcmV0c3NlY3Jlc3Rzc2VjcmV0cw=="}}"#;
/// 2018-07-10 11:01:00 UTC, the vector's timestamp.
const SRP_NOW: u64 = 1_531_220_460_000;

fn with_replies(replies: &[(u16, &str)]) -> ScriptedTransport {
    let transport = ScriptedTransport::default();
    for (status, body) in replies {
        transport.replies.borrow_mut().push_back(Ok(HttpResponse {
            status: *status,
            body: (*body).to_owned(),
        }));
    }
    transport
}

fn sent_json(transport: &ScriptedTransport, index: usize) -> (String, serde_json::Value) {
    let sent = transport.sent.borrow();
    let target = sent[index].headers[1].1.clone();
    (target, serde_json::from_str(&sent[index].body).unwrap())
}

fn srp_sign_in(
    transport: &ScriptedTransport,
    password: &str,
) -> Result<SignInOutcome, CognitoError> {
    let srp = SrpClient::with_small_a(&[0x49, 0x96, 0x02, 0xd2]);
    block_on(client(transport).sign_in_with_srp_client(
        srp,
        "a@example.com",
        Password::new(password),
        || SRP_NOW,
    ))
}

#[test]
fn srp_sign_in_sends_a_then_the_signed_claim_and_never_the_password() {
    let transport = with_replies(&[(200, SRP_CHALLENGE), (200, &auth_reply(Some("ref")))]);
    let outcome = srp_sign_in(&transport, "test").unwrap();
    assert!(matches!(outcome, SignInOutcome::SignedIn(_)), "{outcome:?}");

    let (target, first) = sent_json(&transport, 0);
    assert_eq!(target, "AWSCognitoIdentityProviderService.InitiateAuth");
    let a = SrpClient::with_small_a(&[0x49, 0x96, 0x02, 0xd2]).srp_a();
    assert_eq!(
        first,
        serde_json::json!({
            "AuthFlow": "USER_SRP_AUTH",
            "ClientId": "client-1",
            "AuthParameters": {"USERNAME": "a@example.com", "SRP_A": a},
        })
    );
    let (target, second) = sent_json(&transport, 1);
    assert_eq!(
        target,
        "AWSCognitoIdentityProviderService.RespondToAuthChallenge"
    );
    assert_eq!(
        second,
        serde_json::json!({
            "ChallengeName": "PASSWORD_VERIFIER",
            "ClientId": "client-1",
            "Session": "sess-1",
            "ChallengeResponses": {
                "USERNAME": "test",
                "PASSWORD_CLAIM_SECRET_BLOCK": "c2VjcmV0c3NlY3Jlc3Rzc2VjcmV0cw==",
                "PASSWORD_CLAIM_SIGNATURE": "tdvQu/Li/qWl8Nni0aFPs+MwY4rvKZm0kSMrGIMSUHk=",
                "TIMESTAMP": "Tue Jul 10 11:01:00 UTC 2018",
            },
        })
    );

    // The vector's password equals its user id, so check the wire with a distinct one.
    let transport = with_replies(&[(200, SRP_CHALLENGE), (200, &auth_reply(Some("ref")))]);
    srp_sign_in(&transport, "Distinct-Secret-9").unwrap();
    let sent = transport.sent.borrow();
    assert_eq!(sent.len(), 2);
    for request in sent.iter() {
        assert!(
            !request.body.contains("Distinct-Secret-9"),
            "{}",
            request.body
        );
        assert!(!request.body.contains("\"PASSWORD\""), "{}", request.body);
    }
}

#[test]
fn srp_errors_read_like_password_sign_in_errors() {
    let wrong =
        r#"{"__type":"NotAuthorizedException","message":"Incorrect username or password."}"#;
    let transport = with_replies(&[(200, SRP_CHALLENGE), (400, wrong)]);
    let error = srp_sign_in(&transport, "not-test").unwrap_err();
    assert_eq!(error.code(), Some(ErrorCode::NotAuthorized));
    assert_eq!(
        Text::Problem(error.problem()).render(Lang::En),
        "Incorrect email or password."
    );

    let unknown = r#"{"__type":"UserNotFoundException","message":"User does not exist."}"#;
    let transport = with_replies(&[(400, unknown)]);
    let error = srp_sign_in(&transport, "test").unwrap_err();
    assert_eq!(error.code(), Some(ErrorCode::UserNotFound));
    assert_eq!(transport.sent.borrow().len(), 1);
}

#[test]
fn srp_refuses_unusable_challenges_without_answering() {
    for challenge in [
        SRP_CHALLENGE.replace(r#""SRP_B":"499602d2""#, r#""SRP_B":"0""#),
        SRP_CHALLENGE.replace(r#""SALT":"499602d2""#, r#""SALT":"zz""#),
        SRP_CHALLENGE.replace(r#""USER_ID_FOR_SRP":"test","#, ""),
        SRP_CHALLENGE.replace("c2VjcmV0c3NlY3Jlc3Rzc2VjcmV0cw==", "%%%"),
    ] {
        let transport = with_replies(&[(200, &challenge)]);
        let error = srp_sign_in(&transport, "test").unwrap_err();
        assert!(
            matches!(error, CognitoError::UnexpectedResponse { status: 200, .. }),
            "{challenge}: {error:?}"
        );
        assert_eq!(transport.sent.borrow().len(), 1, "{challenge}");
    }
}

#[test]
fn srp_passes_other_challenges_on() {
    let transport = with_replies(&[(
        200,
        r#"{"ChallengeName":"NEW_PASSWORD_REQUIRED","Session":"s","ChallengeParameters":{}}"#,
    )]);
    let SignInOutcome::Challenge(challenge) = srp_sign_in(&transport, "test").unwrap() else {
        panic!("expected the challenge");
    };
    assert_eq!(challenge.name.as_str(), "NEW_PASSWORD_REQUIRED");
}

#[test]
fn the_clock_is_read_when_signing_not_before() {
    let transport = with_replies(&[(200, SRP_CHALLENGE), (200, &auth_reply(Some("ref")))]);
    let reads = std::cell::Cell::new(0);
    let srp = SrpClient::with_small_a(&[7]);
    block_on(client(&transport).sign_in_with_srp_client(
        srp,
        "a@example.com",
        Password::new("test"),
        || {
            reads.set(reads.get() + 1);
            // Only the InitiateAuth request has gone out when the clock is read.
            assert_eq!(transport.sent.borrow().len(), 1);
            1_546_322_769_000
        },
    ))
    .unwrap();
    assert_eq!(reads.get(), 1);
    let (_, second) = sent_json(&transport, 1);
    assert_eq!(
        second["ChallengeResponses"]["TIMESTAMP"],
        "Tue Jan 1 06:06:09 UTC 2019"
    );
}

#[test]
fn sign_in_follows_the_configured_flow() {
    for (flow, expected) in [
        (AuthFlow::UserSrp, "USER_SRP_AUTH"),
        (AuthFlow::UserPassword, "USER_PASSWORD_AUTH"),
    ] {
        let transport = ScriptedTransport::replying(
            400,
            r#"{"__type":"UserNotFoundException","message":"User does not exist."}"#,
        );
        let error = block_on(client(&transport).sign_in(
            flow,
            "a@example.com",
            Password::new("pw-secret"),
            || SRP_NOW,
        ))
        .unwrap_err();
        assert_eq!(error.code(), Some(ErrorCode::UserNotFound));
        let (_, body) = sent_json(&transport, 0);
        assert_eq!(body["AuthFlow"], expected);
        let carries_password = transport.sent.borrow()[0].body.contains("pw-secret");
        assert_eq!(carries_password, flow == AuthFlow::UserPassword, "{flow:?}");
    }
}

#[test]
fn refresh_keeps_the_old_refresh_token_unless_rotated() {
    let kept = ScriptedTransport::replying(200, &auth_reply(None));
    let tokens = block_on(client(&kept).refresh(RefreshToken::new("old"), None)).unwrap();
    assert_eq!(tokens.refresh.expose_secret(), "old");
    let (target, body) = sent_json(&kept, 0);
    assert_eq!(
        target,
        "AWSCognitoIdentityProviderService.GetTokensFromRefreshToken"
    );
    assert_eq!(
        body,
        serde_json::json!({"ClientId": "client-1", "RefreshToken": "old"})
    );

    let rotated = ScriptedTransport::replying(200, &auth_reply(Some("new")));
    let tokens = block_on(client(&rotated).refresh(RefreshToken::new("old"), None)).unwrap();
    assert_eq!(tokens.refresh.expose_secret(), "new");
}

#[test]
fn a_reused_refresh_token_is_reported_as_such() {
    let transport = ScriptedTransport::replying(
        400,
        r#"{"__type":"RefreshTokenReuseException","message":"Invalid Refresh Token"}"#,
    );
    let error = block_on(client(&transport).refresh(RefreshToken::new("r"), None)).unwrap_err();
    assert_eq!(error.code(), Some(ErrorCode::RefreshTokenReuse));
}

#[test]
fn service_errors_come_back_typed() {
    let transport = ScriptedTransport::replying(
        400,
        r#"{"__type":"UserNotConfirmedException","message":"User is not confirmed."}"#,
    );
    let error =
        block_on(client(&transport).sign_in_with_password("a@example.com", Password::new("pw")))
            .unwrap_err();
    assert_eq!(error.code(), Some(ErrorCode::UserNotConfirmed));
}

#[test]
fn network_failure_and_odd_success_bodies_are_errors() {
    let transport = ScriptedTransport::default();
    let error = block_on(client(&transport).resend_confirmation_code("a@example.com")).unwrap_err();
    assert!(matches!(error, CognitoError::Network(_)), "{error:?}");

    for body in ["<html>ok</html>", "", r#"{"ChallengeParameters":{}}"#] {
        let transport = ScriptedTransport::replying(200, body);
        let error = block_on(
            client(&transport).sign_in_with_password("a@example.com", Password::new("pw")),
        )
        .unwrap_err();
        assert!(
            matches!(error, CognitoError::UnexpectedResponse { status: 200, .. }),
            "{body:?}: {error:?}"
        );
    }
}

#[test]
fn unreadable_id_token_is_an_unexpected_response() {
    let transport = ScriptedTransport::replying(
        200,
        r#"{"AuthenticationResult":{"AccessToken":"a","IdToken":"garbage","ExpiresIn":1,"RefreshToken":"r"}}"#,
    );
    let error = block_on(client(&transport).refresh(RefreshToken::new("r"), None)).unwrap_err();
    assert!(matches!(error, CognitoError::UnexpectedResponse { .. }));
}

/// The one request a flow sent: its target and JSON body.
fn only_request(transport: &ScriptedTransport) -> (String, serde_json::Value) {
    assert_eq!(transport.sent.borrow().len(), 1);
    sent_json(transport, 0)
}

#[test]
fn forgot_password_sends_the_username_and_reads_where_the_code_went() {
    let transport = ScriptedTransport::replying(
        200,
        r#"{"CodeDeliveryDetails":{"Destination":"a***@e***","DeliveryMedium":"EMAIL","AttributeName":"email"}}"#,
    );
    let delivery = block_on(client(&transport).forgot_password("a@example.com")).unwrap();
    assert_eq!(delivery.unwrap().destination.as_deref(), Some("a***@e***"));
    let (target, body) = only_request(&transport);
    assert_eq!(target, "AWSCognitoIdentityProviderService.ForgotPassword");
    assert_eq!(
        body,
        json!({"ClientId": "client-1", "Username": "a@example.com"})
    );
}

#[test]
fn confirm_forgot_password_carries_code_and_new_password() {
    let transport = ScriptedTransport::replying(200, "{}");
    block_on(client(&transport).confirm_forgot_password(
        "a@example.com",
        "123456",
        Password::new("N3w-password"),
    ))
    .unwrap();
    let (target, body) = only_request(&transport);
    assert_eq!(
        target,
        "AWSCognitoIdentityProviderService.ConfirmForgotPassword"
    );
    assert_eq!(
        body,
        json!({"ClientId": "client-1", "Username": "a@example.com", "ConfirmationCode": "123456", "Password": "N3w-password"})
    );
}

#[test]
fn change_password_proves_the_user_with_the_access_token_and_old_password() {
    let transport = ScriptedTransport::replying(200, "{}");
    block_on(client(&transport).change_password(
        &AccessToken::new("acc"),
        Password::new("Old-pass-1"),
        Password::new("N3w-password"),
    ))
    .unwrap();
    let (target, body) = only_request(&transport);
    assert_eq!(target, "AWSCognitoIdentityProviderService.ChangePassword");
    assert_eq!(
        body,
        json!({"AccessToken": "acc", "PreviousPassword": "Old-pass-1", "ProposedPassword": "N3w-password"})
    );
}

#[test]
fn refusals_come_back_typed() {
    let transport = ScriptedTransport::replying(
        400,
        r#"{"__type":"ExpiredCodeException","message":"Invalid code provided, please request a code again."}"#,
    );
    let error = block_on(client(&transport).confirm_forgot_password(
        "a@example.com",
        "1",
        Password::new("x"),
    ))
    .unwrap_err();
    assert_eq!(error.code(), Some(ErrorCode::ExpiredCode));
}

#[test]
fn requests_never_show_the_passwords_when_debug_printed() {
    let request = ChangePassword {
        access_token: AccessToken::new("acc-secret"),
        previous_password: Password::new("old-secret"),
        proposed_password: Password::new("new-secret"),
    };
    let shown = format!("{request:?}");
    for secret in ["acc-secret", "old-secret", "new-secret"] {
        assert!(!shown.contains(secret), "{shown}");
    }
}

fn body(request: &HttpRequest) -> serde_json::Value {
    serde_json::from_str(&request.body).unwrap()
}

#[test]
fn user_auth_names_the_user_and_reads_the_factors_on_offer() {
    let transport = ScriptedTransport::replying(
        200,
        r#"{"ChallengeName":"SELECT_CHALLENGE","Session":"s1","ChallengeParameters":{},
            "AvailableChallenges":["PASSWORD_SRP","PASSWORD","WEB_AUTHN","EMAIL_OTP"]}"#,
    );
    let outcome = block_on(client(&transport).start_user_auth("a@example.com", None)).unwrap();
    let SignInOutcome::Challenge(challenge) = outcome else {
        panic!("expected a challenge")
    };
    assert_eq!(challenge.name, ChallengeName::SelectChallenge);
    assert_eq!(
        crate::mfa::SignInStep::of(&challenge),
        crate::mfa::SignInStep::ChooseFirstFactor(vec![
            FirstFactor::Password,
            FirstFactor::Passkey,
            FirstFactor::EmailCode
        ])
    );
    assert_eq!(
        body(&transport.sent.borrow()[0]),
        json!({"AuthFlow": "USER_AUTH", "ClientId": "client-1", "AuthParameters": {"USERNAME": "a@example.com"}})
    );
}

#[test]
fn a_remembered_factor_is_asked_for_straight_away_but_never_the_password() {
    let transport = ScriptedTransport::default();
    for reply in [
        r#"{"ChallengeName":"EMAIL_OTP","Session":"s","ChallengeParameters":{"CODE_DELIVERY_DESTINATION":"a***@e***"}}"#,
        r#"{"ChallengeName":"SELECT_CHALLENGE","Session":"s","AvailableChallenges":["PASSWORD"]}"#,
    ] {
        transport.replies.borrow_mut().push_back(Ok(HttpResponse {
            status: 200,
            body: reply.into(),
        }));
    }
    let c = client(&transport);
    block_on(c.start_user_auth("a@example.com", Some(FirstFactor::EmailCode))).unwrap();
    block_on(c.start_user_auth("a@example.com", Some(FirstFactor::Password))).unwrap();
    let sent = transport.sent.borrow();
    assert_eq!(
        body(&sent[0])["AuthParameters"]["PREFERRED_CHALLENGE"],
        "EMAIL_OTP"
    );
    assert!(body(&sent[1])["AuthParameters"]
        .get("PREFERRED_CHALLENGE")
        .is_none());
}

#[test]
fn choosing_the_password_proves_it_by_srp_when_offered_and_sends_it_only_when_not() {
    let select = |available: &[&str]| ChallengeSessionInfo {
        name: ChallengeName::SelectChallenge,
        session: Some(ChallengeSession::new("s1")),
        parameters: Default::default(),
        available: available.iter().map(|s| s.to_string()).collect(),
    };
    // Offered SRP: only A goes out; the server's PASSWORD_VERIFIER would follow.
    let transport = ScriptedTransport::replying(200, r#"{"__type":"x"}"#);
    transport.replies.borrow_mut().clear();
    transport.replies.borrow_mut().push_back(Ok(HttpResponse {
        status: 400,
        body: r#"{"__type":"NotAuthorizedException","message":"Incorrect username or password."}"#
            .into(),
    }));
    let refused = block_on(client(&transport).choose_first_factor(
        &select(&["PASSWORD_SRP", "PASSWORD", "EMAIL_OTP"]),
        "a@example.com",
        FirstFactor::Password,
        Some(Password::new("Secret-123")),
        || 0,
    ));
    assert!(refused.is_err());
    let sent = body(&transport.sent.borrow()[0]);
    assert_eq!(sent["ChallengeName"], "SELECT_CHALLENGE");
    assert_eq!(sent["ChallengeResponses"]["ANSWER"], "PASSWORD_SRP");
    assert!(sent["ChallengeResponses"]["SRP_A"].as_str().unwrap().len() > 100);
    assert!(!transport.sent.borrow()[0].body.contains("Secret-123"));

    let transport = ScriptedTransport::replying(200, &auth_reply(Some("r")));
    block_on(client(&transport).choose_first_factor(
        &select(&["PASSWORD", "EMAIL_OTP"]),
        "a@example.com",
        FirstFactor::Password,
        Some(Password::new("Secret-123")),
        || 0,
    ))
    .unwrap();
    assert_eq!(
        body(&transport.sent.borrow()[0])["ChallengeResponses"],
        json!({"USERNAME": "a@example.com", "ANSWER": "PASSWORD", "PASSWORD": "Secret-123"})
    );

    let transport = ScriptedTransport::replying(
        200,
        r#"{"ChallengeName":"WEB_AUTHN","Session":"s2","ChallengeParameters":{"CREDENTIAL_REQUEST_OPTIONS":"{\"challenge\":\"abc\"}"}}"#,
    );
    let outcome = block_on(client(&transport).choose_first_factor(
        &select(&["WEB_AUTHN", "PASSWORD"]),
        "a@example.com",
        FirstFactor::Passkey,
        None,
        || 0,
    ))
    .unwrap();
    let SignInOutcome::Challenge(next) = outcome else {
        panic!("expected WEB_AUTHN")
    };
    assert_eq!(
        crate::mfa::SignInStep::of(&next),
        crate::mfa::SignInStep::Passkey {
            request_options: r#"{"challenge":"abc"}"#.into()
        }
    );
}
/// A page of `ListWebAuthnCredentials` with passkeys named `ids`.
fn passkey_page(ids: &[&str], next: Option<&str>) -> String {
    let credentials: Vec<_> = ids
        .iter()
        .map(|id| {
            json!({"CredentialId": id, "FriendlyCredentialName": "Phone", "RelyingPartyId": "example.com",
                   "AuthenticatorTransports": ["internal"], "CreatedAt": 1_700_000_000})
        })
        .collect();
    let mut page = json!({ "Credentials": credentials });
    if let Some(next) = next {
        page["NextToken"] = json!(next);
    }
    page.to_string()
}

#[test]
fn listing_passkeys_follows_the_pages_to_the_end() {
    let first = passkey_page(&["a", "b"], Some("p2"));
    let second = passkey_page(&["c"], None);
    let transport = with_replies(&[(200, &first), (200, &second)]);
    let passkeys = block_on(client(&transport).list_passkeys(&AccessToken::new("acc"))).unwrap();
    let ids: Vec<_> = passkeys.iter().map(|p| p.credential_id.as_str()).collect();
    assert_eq!(ids, ["a", "b", "c"]);
    assert_eq!(
        sent_json(&transport, 0),
        (
            "AWSCognitoIdentityProviderService.ListWebAuthnCredentials".into(),
            json!({"AccessToken": "acc", "MaxResults": 20})
        )
    );
    assert_eq!(
        sent_json(&transport, 1).1,
        json!({"AccessToken": "acc", "NextToken": "p2", "MaxResults": 20})
    );
    assert_eq!(transport.sent.borrow().len(), 2);
}

#[test]
fn a_passkey_list_whose_pages_never_end_is_an_unexpected_reply() {
    let looping = passkey_page(&["a"], Some("same"));
    let transport = with_replies(&[(200, &looping), (200, &looping), (200, &looping)]);
    let error = block_on(client(&transport).list_passkeys(&AccessToken::new("acc"))).unwrap_err();
    assert!(
        matches!(error, CognitoError::UnexpectedResponse { status: 200, .. }),
        "{error:?}"
    );
    assert_eq!(transport.sent.borrow().len(), 2);
    // An empty token is the end, not a page.
    let transport = with_replies(&[(200, &passkey_page(&["a"], Some("")))]);
    let passkeys = block_on(client(&transport).list_passkeys(&AccessToken::new("acc"))).unwrap();
    assert_eq!(passkeys.len(), 1);
}

#[test]
fn adding_a_passkey_gets_the_options_then_sends_the_credential_object() {
    let options = json!({"challenge": "AAEC", "user": {"id": "dQ", "name": "a"}});
    let start = json!({ "CredentialCreationOptions": options }).to_string();
    let transport = with_replies(&[(200, &start), (200, "{}")]);
    let client = client(&transport);
    let access = AccessToken::new("acc");
    assert_eq!(
        block_on(client.start_passkey_registration(&access)).unwrap(),
        options
    );
    let credential = json!({"id": "AQID", "rawId": "AQID", "type": "public-key"});
    block_on(client.complete_passkey_registration(&access, credential.clone())).unwrap();
    assert_eq!(
        sent_json(&transport, 0),
        (
            "AWSCognitoIdentityProviderService.StartWebAuthnRegistration".into(),
            json!({"AccessToken": "acc"})
        )
    );
    assert_eq!(
        sent_json(&transport, 1),
        (
            "AWSCognitoIdentityProviderService.CompleteWebAuthnRegistration".into(),
            json!({"AccessToken": "acc", "Credential": credential})
        )
    );
}

#[test]
fn deleting_a_passkey_names_it_and_refusals_come_back_typed() {
    let transport = with_replies(&[
        (200, "{}"),
        (
            400,
            r#"{"__type":"WebAuthnNotEnabledException","message":"Passkeys are not enabled."}"#,
        ),
    ]);
    let client = client(&transport);
    let access = AccessToken::new("acc");
    block_on(client.delete_passkey(&access, "cred-1")).unwrap();
    assert_eq!(
        sent_json(&transport, 0),
        (
            "AWSCognitoIdentityProviderService.DeleteWebAuthnCredential".into(),
            json!({"AccessToken": "acc", "CredentialId": "cred-1"})
        )
    );
    let error = block_on(client.start_passkey_registration(&access)).unwrap_err();
    assert_eq!(error.code(), Some(ErrorCode::WebAuthnNotEnabled));
}

mod account;
mod devices;
mod srp_ahead;

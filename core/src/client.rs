//! The Cognito calls the page makes, over any [`HttpTransport`].

use crate::api::{
    AttributeType, AuthFlow, AuthParameters, ChallengeResponses, ChallengeSessionInfo,
    CodeDeliveryDetails, ConfirmSignUp, GetTokensFromRefreshToken, GetUser, GetUserResponse,
    GlobalSignOut, InitiateAuth, InitiateAuthResponse, Operation, ResendConfirmationCode,
    RespondToAuthChallenge, RevokeToken, SignUp, SignUpResponse,
};
use crate::claims::{decode_claims, Claims};
use crate::error::{error_from_response, unexpected, CognitoError};
use crate::http::{HttpRequest, HttpTransport};
use crate::secret::{AccessToken, ChallengeSession, IdToken, Password, RefreshToken};
use crate::srp::{self, SrpClient, SrpError, VerifierChallenge};

/// The content type Cognito's JSON API expects.
pub const CONTENT_TYPE: &str = "application/x-amz-json-1.1";
const TARGET_PREFIX: &str = "AWSCognitoIdentityProviderService.";

/// The tokens of a signed-in session, with the id token's claims already read.
#[derive(Debug, Clone)]
pub struct Tokens {
    pub access: AccessToken,
    pub id: IdToken,
    pub refresh: RefreshToken,
    /// Lifetime of the access and id tokens in seconds, as Cognito reported it.
    pub expires_in: Option<u64>,
    pub id_claims: Claims,
}

/// Where a sign-in attempt ended.
#[derive(Debug, Clone)]
pub enum SignInOutcome {
    SignedIn(Tokens),
    /// Cognito wants another step first (e.g. `NEW_PASSWORD_REQUIRED`).
    Challenge(ChallengeSessionInfo),
}

/// A client for one user pool app client (no client secret: this runs in a browser).
#[derive(Debug, Clone)]
pub struct CognitoClient<T> {
    endpoint: String,
    client_id: String,
    transport: T,
}

/// Builds the `POST` for an operation: target header, content type and JSON body.
pub fn build_request<Op: Operation>(endpoint: &str, operation: &Op) -> HttpRequest {
    HttpRequest {
        url: endpoint.to_owned(),
        headers: vec![
            ("Content-Type", CONTENT_TYPE.to_owned()),
            ("X-Amz-Target", format!("{TARGET_PREFIX}{}", Op::NAME)),
        ],
        // The operation types are plain structs of strings, which always serialize.
        body: serde_json::to_string(operation).unwrap_or_default(),
    }
}

impl<T: HttpTransport> CognitoClient<T> {
    pub fn new(endpoint: impl Into<String>, client_id: impl Into<String>, transport: T) -> Self {
        Self {
            endpoint: endpoint.into(),
            client_id: client_id.into(),
            transport,
        }
    }

    pub fn client_id(&self) -> &str {
        &self.client_id
    }

    /// Sends one operation and reads its response or error.
    pub async fn call<Op: Operation>(&self, operation: &Op) -> Result<Op::Response, CognitoError> {
        let response = self
            .transport
            .post(build_request(&self.endpoint, operation))
            .await?;
        if !(200..300).contains(&response.status) {
            return Err(error_from_response(&response));
        }
        serde_json::from_str(&response.body)
            .map_err(|_| unexpected(&response, "success body is not the expected JSON"))
    }

    /// Registers a user whose username is their email address.
    pub async fn sign_up(
        &self,
        email: &str,
        password: Password,
    ) -> Result<SignUpResponse, CognitoError> {
        self.call(&SignUp {
            client_id: self.client_id.clone(),
            username: email.to_owned(),
            password,
            user_attributes: vec![AttributeType {
                name: "email".into(),
                value: email.to_owned(),
            }],
        })
        .await
    }

    pub async fn confirm_sign_up(&self, email: &str, code: &str) -> Result<(), CognitoError> {
        self.call(&ConfirmSignUp {
            client_id: self.client_id.clone(),
            username: email.to_owned(),
            confirmation_code: code.to_owned(),
        })
        .await
        .map(drop)
    }

    pub async fn resend_confirmation_code(
        &self,
        email: &str,
    ) -> Result<Option<CodeDeliveryDetails>, CognitoError> {
        self.call(&ResendConfirmationCode {
            client_id: self.client_id.clone(),
            username: email.to_owned(),
        })
        .await
        .map(|r| r.code_delivery_details)
    }

    /// Signs in with `USER_PASSWORD_AUTH`.
    pub async fn sign_in_with_password(
        &self,
        email: &str,
        password: Password,
    ) -> Result<SignInOutcome, CognitoError> {
        let response = self
            .call(&InitiateAuth::new(
                self.client_id.clone(),
                AuthParameters::UserPassword {
                    username: email.to_owned(),
                    password,
                },
            ))
            .await?;
        sign_in_outcome(response)
    }

    /// Signs in with email and password by the given flow: the one entry point for the page.
    /// `now_epoch_ms` is the clock (milliseconds since the Unix epoch), read when the SRP proof
    /// is signed; password sign-in doesn't use it, nor `user_pool_id`.
    pub async fn sign_in(
        &self,
        flow: AuthFlow,
        user_pool_id: &str,
        email: &str,
        password: Password,
        now_epoch_ms: impl Fn() -> u64,
    ) -> Result<SignInOutcome, CognitoError> {
        match flow {
            AuthFlow::UserSrp => {
                self.sign_in_with_srp(user_pool_id, email, password, now_epoch_ms)
                    .await
            }
            AuthFlow::UserPassword => self.sign_in_with_password(email, password).await,
        }
    }

    /// Signs in with `USER_SRP_AUTH` and a fresh random secret: the password stays here, only
    /// a proof of it is sent. See [`sign_in_with_srp_client`](Self::sign_in_with_srp_client).
    pub async fn sign_in_with_srp(
        &self,
        user_pool_id: &str,
        email: &str,
        password: Password,
        now_epoch_ms: impl Fn() -> u64,
    ) -> Result<SignInOutcome, CognitoError> {
        let srp = SrpClient::generate().map_err(|e| CognitoError::NoSecureRandom(e.to_string()))?;
        self.sign_in_with_srp_client(srp, user_pool_id, email, password, now_epoch_ms)
            .await
    }

    /// `USER_SRP_AUTH` with a given [`SrpClient`] (so tests can choose its secret):
    /// `InitiateAuth` with `SRP_A`, then the answer to `PASSWORD_VERIFIER` signed at
    /// `now_epoch_ms()`. Cognito's errors come back as from password sign-in; server values
    /// the math must refuse are an unexpected reply.
    pub async fn sign_in_with_srp_client(
        &self,
        srp: SrpClient,
        user_pool_id: &str,
        email: &str,
        password: Password,
        now_epoch_ms: impl Fn() -> u64,
    ) -> Result<SignInOutcome, CognitoError> {
        let response = self
            .call(&InitiateAuth::new(
                self.client_id.clone(),
                AuthParameters::Srp {
                    username: email.to_owned(),
                    srp_a: srp.srp_a(),
                },
            ))
            .await?;
        let challenge = match sign_in_outcome(response)? {
            SignInOutcome::Challenge(challenge) if challenge.name == srp::PASSWORD_VERIFIER => {
                challenge
            }
            other => return Ok(other),
        };
        let verifier =
            VerifierChallenge::from_parameters(&challenge.parameters).map_err(refused_by_srp)?;
        let claim = srp
            .password_claim(
                user_pool_id,
                &verifier,
                &password,
                srp::timestamp(now_epoch_ms()),
            )
            .map_err(refused_by_srp)?;
        self.respond_to_challenge(
            ChallengeResponses::PasswordVerifier {
                username: claim.username,
                secret_block: claim.secret_block,
                signature: claim.signature,
                timestamp: claim.timestamp,
            },
            challenge.session,
        )
        .await
    }

    /// Answers a challenge; the result is tokens or a further challenge.
    pub async fn respond_to_challenge(
        &self,
        responses: ChallengeResponses,
        session: Option<ChallengeSession>,
    ) -> Result<SignInOutcome, CognitoError> {
        let response = self
            .call(&RespondToAuthChallenge::new(
                self.client_id.clone(),
                responses,
                session,
            ))
            .await?;
        sign_in_outcome(response)
    }

    /// Exchanges a refresh token for fresh tokens (`GetTokensFromRefreshToken`, which also
    /// serves app clients that rotate refresh tokens). When the client rotates, the reply's new
    /// refresh token replaces the one given (which Cognito invalidates after its grace period);
    /// otherwise the one given stays valid. `device_key` names a remembered device.
    pub async fn refresh(
        &self,
        refresh_token: RefreshToken,
        device_key: Option<String>,
    ) -> Result<Tokens, CognitoError> {
        let response = self
            .call(&GetTokensFromRefreshToken {
                client_id: self.client_id.clone(),
                refresh_token: refresh_token.clone(),
                device_key,
            })
            .await?;
        let result = response
            .authentication_result
            .ok_or_else(|| missing_in_success("the refresh reply has no tokens"))?;
        let refresh = result.refresh_token.clone().unwrap_or(refresh_token);
        tokens(result, refresh)
    }

    pub async fn get_user(&self, access: &AccessToken) -> Result<GetUserResponse, CognitoError> {
        self.call(&GetUser {
            access_token: access.clone(),
        })
        .await
    }

    /// Revokes this device's refresh token (and the access tokens issued from it).
    pub async fn revoke_token(&self, refresh: &RefreshToken) -> Result<(), CognitoError> {
        self.call(&RevokeToken {
            token: refresh.clone(),
            client_id: self.client_id.clone(),
        })
        .await
        .map(drop)
    }

    /// Revokes every refresh token of the user, on all devices.
    pub async fn global_sign_out(&self, access: &AccessToken) -> Result<(), CognitoError> {
        self.call(&GlobalSignOut {
            access_token: access.clone(),
        })
        .await
        .map(drop)
    }
}

/// Reads a sign-in step's reply: tokens (with the refresh token a first sign-in always carries)
/// or the next challenge.
fn sign_in_outcome(response: InitiateAuthResponse) -> Result<SignInOutcome, CognitoError> {
    match (response.authentication_result, response.challenge_name) {
        (Some(result), _) => {
            let refresh = result
                .refresh_token
                .clone()
                .ok_or_else(|| missing_in_success("sign-in returned no refresh token"))?;
            Ok(SignInOutcome::SignedIn(tokens(result, refresh)?))
        }
        (None, Some(name)) => Ok(SignInOutcome::Challenge(ChallengeSessionInfo {
            name,
            session: response.session,
            parameters: response.challenge_parameters,
        })),
        (None, None) => Err(missing_in_success(
            "neither tokens nor a challenge in the sign-in reply",
        )),
    }
}

/// The challenge's values can't be used for a proof (malformed, or refused by SRP's checks).
fn refused_by_srp(error: SrpError) -> CognitoError {
    missing_in_success(&error.to_string())
}

fn missing_in_success(what: &str) -> CognitoError {
    CognitoError::UnexpectedResponse {
        status: 200,
        detail: what.to_owned(),
    }
}

fn tokens(
    result: crate::api::AuthenticationResult,
    refresh: RefreshToken,
) -> Result<Tokens, CognitoError> {
    let id_claims = decode_claims(result.id_token.expose_secret())
        .map_err(|e| missing_in_success(&format!("unreadable id token: {e}")))?;
    Ok(Tokens {
        access: result.access_token,
        id: result.id_token,
        refresh,
        expires_in: result.expires_in,
        id_claims,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;
    use crate::http::{HttpResponse, TransportError};
    use crate::i18n::{Lang, Text};
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;
    use base64::Engine;
    use pollster::block_on;
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
        CognitoClient::new("http://127.0.0.1:9229/", "client-1", transport)
    }

    fn id_token(email: &str) -> String {
        let payload =
            format!(r#"{{"sub":"s-1","exp":1700003600,"iat":1700000000,"email":"{email}"}}"#);
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
        let outcome = block_on(
            client(&transport).sign_in_with_password("a@example.com", Password::new("pw")),
        )
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
        let outcome = block_on(
            client(&transport).sign_in_with_password("a@example.com", Password::new("pw")),
        )
        .unwrap();
        let SignInOutcome::Challenge(challenge) = outcome else {
            panic!("expected a challenge");
        };
        assert_eq!(challenge.name, "NEW_PASSWORD_REQUIRED");
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
            "eu-west-1_myPool",
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
        assert_eq!(challenge.name, "NEW_PASSWORD_REQUIRED");
    }

    #[test]
    fn the_clock_is_read_when_signing_not_before() {
        let transport = with_replies(&[(200, SRP_CHALLENGE), (200, &auth_reply(Some("ref")))]);
        let reads = std::cell::Cell::new(0);
        let srp = SrpClient::with_small_a(&[7]);
        block_on(client(&transport).sign_in_with_srp_client(
            srp,
            "eu-west-1_myPool",
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
                "eu-west-1_myPool",
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
        let error = block_on(
            client(&transport).sign_in_with_password("a@example.com", Password::new("pw")),
        )
        .unwrap_err();
        assert_eq!(error.code(), Some(ErrorCode::UserNotConfirmed));
    }

    #[test]
    fn network_failure_and_odd_success_bodies_are_errors() {
        let transport = ScriptedTransport::default();
        let error =
            block_on(client(&transport).resend_confirmation_code("a@example.com")).unwrap_err();
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
}

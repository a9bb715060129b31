//! The Cognito calls the page makes, over any [`HttpTransport`].

use crate::api::{
    AttributeType, AuthParameters, ChallengeResponses, ChallengeSessionInfo, CodeDeliveryDetails,
    ConfirmSignUp, GetUser, GetUserResponse, GlobalSignOut, InitiateAuth, InitiateAuthResponse,
    Operation, ResendConfirmationCode, RespondToAuthChallenge, RevokeToken, SignUp, SignUpResponse,
};
use crate::claims::{decode_claims, Claims};
use crate::error::{error_from_response, unexpected, CognitoError};
use crate::http::{HttpRequest, HttpTransport};
use crate::secret::{AccessToken, ChallengeSession, IdToken, Password, RefreshToken};

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

    /// Exchanges a refresh token for fresh tokens (`REFRESH_TOKEN_AUTH`). When the pool rotates
    /// refresh tokens the new one is returned; otherwise the one given stays valid.
    pub async fn refresh(&self, refresh_token: RefreshToken) -> Result<Tokens, CognitoError> {
        let response = self
            .call(&InitiateAuth::new(
                self.client_id.clone(),
                AuthParameters::RefreshToken {
                    refresh_token: refresh_token.clone(),
                },
            ))
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

    #[test]
    fn refresh_keeps_the_old_refresh_token_unless_rotated() {
        let kept = ScriptedTransport::replying(200, &auth_reply(None));
        let tokens = block_on(client(&kept).refresh(RefreshToken::new("old"))).unwrap();
        assert_eq!(tokens.refresh.expose_secret(), "old");

        let rotated = ScriptedTransport::replying(200, &auth_reply(Some("new")));
        let tokens = block_on(client(&rotated).refresh(RefreshToken::new("old"))).unwrap();
        assert_eq!(tokens.refresh.expose_secret(), "new");
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
        let error = block_on(client(&transport).refresh(RefreshToken::new("r"))).unwrap_err();
        assert!(matches!(error, CognitoError::UnexpectedResponse { .. }));
    }
}

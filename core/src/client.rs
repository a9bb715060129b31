//! The Cognito calls the page makes, over any [`HttpTransport`].

use crate::api::{
    AuthenticationResult, ChallengeResponses, ChallengeSessionInfo, ChangePassword,
    CodeDeliveryDetails, ConfirmForgotPassword, ConfirmSignUp, ForgotPassword,
    GetTokensFromRefreshToken, GetUser, GetUserResponse, GlobalSignOut, InitiateAuthResponse,
    NewDeviceMetadata, Operation, ResendConfirmationCode, RespondToAuthChallenge, RevokeToken,
};
use crate::claims::{decode_claims, Claims};
use crate::error::{error_from_response, unexpected, CognitoError};
use crate::http::{HttpRequest, HttpTransport};
use crate::secret::{AccessToken, ChallengeSession, IdToken, OneTimeCode, Password, RefreshToken};
use crate::srp::{SrpAhead, SrpClient, SrpError};

mod account;
mod devices;
mod mfa;
mod sign_in;
mod user_auth;
mod webauthn;

pub use devices::ConfirmedDevice;
pub use mfa::MfaChange;

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
    /// The device this sign-in created, to confirm with
    /// [`confirm_device`](CognitoClient::confirm_device) when the pool tracks devices.
    pub new_device: Option<NewDeviceMetadata>,
}

/// Where a sign-in attempt ended.
#[derive(Debug, Clone)]
pub enum SignInOutcome {
    SignedIn(Tokens),
    /// Cognito wants another step first (e.g. `NEW_PASSWORD_REQUIRED`).
    Challenge(ChallengeSessionInfo),
}

/// A client for one app client of one user pool (no client secret: this runs in a browser).
#[derive(Debug, Clone)]
pub struct CognitoClient<T> {
    endpoint: String,
    /// `<region>_<id>`; SRP sign-in proves the password for the pool's name (the part after `_`).
    user_pool_id: String,
    client_id: String,
    transport: T,
    /// The SRP attempt made ahead for the next sign-in, shared by this client's clones.
    srp_ahead: SrpAhead,
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
    pub fn new(
        endpoint: impl Into<String>,
        user_pool_id: impl Into<String>,
        client_id: impl Into<String>,
        transport: T,
    ) -> Self {
        Self {
            endpoint: endpoint.into(),
            user_pool_id: user_pool_id.into(),
            client_id: client_id.into(),
            transport,
            srp_ahead: SrpAhead::default(),
        }
    }

    /// Keeps `srp` (made while nothing waits, see [`crate::srp`]) for the next SRP sign-in, which
    /// then sends its `A` at once. Each is used once; the next sign-in after makes its own.
    pub fn prepare_srp(&self, srp: SrpClient) {
        self.srp_ahead.put(srp);
    }

    /// Whether an SRP attempt made ahead is waiting for the next sign-in.
    pub fn srp_prepared(&self) -> bool {
        self.srp_ahead.is_ready()
    }

    /// The attempt made ahead if there is one (taken: never used twice), else a fresh one.
    fn srp(&self) -> Result<SrpClient, CognitoError> {
        match self.srp_ahead.take() {
            Some(srp) => Ok(srp),
            None => SrpClient::generate().map_err(|e| CognitoError::NoSecureRandom(e.to_string())),
        }
    }

    pub fn user_pool_id(&self) -> &str {
        &self.user_pool_id
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
        // Operations without output (ForgetDevice) may answer with no body at all.
        let body = match response.body.trim() {
            "" => "{}",
            body => body,
        };
        serde_json::from_str(body)
            .map_err(|_| unexpected(&response, "success body is not the expected JSON"))
    }

    /// Confirms the account with its code. With `USER_AUTH`, the answer is a session that
    /// signs the user in ([`sign_in_after_sign_up`](Self::sign_in_after_sign_up)).
    pub async fn confirm_sign_up(
        &self,
        email: &str,
        code: &str,
    ) -> Result<Option<ChallengeSession>, CognitoError> {
        self.call(&ConfirmSignUp {
            client_id: self.client_id.clone(),
            username: email.to_owned(),
            confirmation_code: OneTimeCode::new(code),
        })
        .await
        .map(|response| response.session)
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

    /// Sends a reset code; the answer says where it went (e.g. `a***@e***`).
    pub async fn forgot_password(
        &self,
        email: &str,
    ) -> Result<Option<CodeDeliveryDetails>, CognitoError> {
        self.call(&ForgotPassword {
            client_id: self.client_id.clone(),
            username: email.to_owned(),
        })
        .await
        .map(|response| response.code_delivery_details)
    }

    pub async fn confirm_forgot_password(
        &self,
        email: &str,
        code: &str,
        new_password: Password,
    ) -> Result<(), CognitoError> {
        self.call(&ConfirmForgotPassword {
            client_id: self.client_id.clone(),
            username: email.to_owned(),
            confirmation_code: OneTimeCode::new(code),
            password: new_password,
        })
        .await
        .map(drop)
    }

    pub async fn change_password(
        &self,
        access: &AccessToken,
        previous: Password,
        proposed: Password,
    ) -> Result<(), CognitoError> {
        self.call(&ChangePassword {
            access_token: access.clone(),
            previous_password: previous,
            proposed_password: proposed,
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
            available: response.available_challenges,
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

fn tokens(result: AuthenticationResult, refresh: RefreshToken) -> Result<Tokens, CognitoError> {
    let id_claims = decode_claims(result.id_token.expose_secret())
        .map_err(|e| missing_in_success(&format!("unreadable id token: {e}")))?;
    Ok(Tokens {
        access: result.access_token,
        id: result.id_token,
        refresh,
        expires_in: result.expires_in,
        id_claims,
        new_device: result.new_device_metadata,
    })
}

#[cfg(test)]
mod tests;

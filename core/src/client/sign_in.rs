//! Signing in with the password: `USER_PASSWORD_AUTH`, or proven by SRP (`USER_SRP_AUTH`, or
//! `USER_AUTH` straight to `PASSWORD_SRP`).

use super::{refused_by_srp, sign_in_outcome, CognitoClient, SignInOutcome};
use crate::api::{AuthFlow, AuthParameters, ChallengeName, ChallengeResponses, InitiateAuth};
use crate::error::CognitoError;
use crate::http::HttpTransport;
use crate::secret::Password;
use crate::sign_in_factor::FirstFactor;
use crate::srp::{self, SrpClient, VerifierChallenge};

impl<T: HttpTransport> CognitoClient<T> {
    /// Signs in with `USER_PASSWORD_AUTH`.
    pub async fn sign_in_with_password(
        &self,
        email: &str,
        password: Password,
    ) -> Result<SignInOutcome, CognitoError> {
        let parameters = AuthParameters::UserPassword {
            username: email.to_owned(),
            password,
            device_key: None,
        };
        sign_in_outcome(
            self.call(&InitiateAuth::new(self.client_id.clone(), parameters))
                .await?,
        )
    }

    /// Signs in with email and password by the given flow: the one entry point for the page.
    /// `now_epoch_ms` is the clock (milliseconds since the Unix epoch), read when the SRP proof
    /// is signed; password sign-in doesn't use it. `USER_AUTH` goes straight to the password
    /// by SRP.
    pub async fn sign_in(
        &self,
        flow: AuthFlow,
        email: &str,
        password: Password,
        now_epoch_ms: impl Fn() -> u64,
    ) -> Result<SignInOutcome, CognitoError> {
        self.sign_in_on_device(flow, email, password, None, now_epoch_ms)
            .await
    }

    /// [`sign_in`](Self::sign_in) from a remembered device: its `device_key` goes with the
    /// first request, and Cognito may then ask the device to prove itself (`DEVICE_SRP_AUTH`,
    /// answered by [`prove_device`](Self::prove_device)) instead of a second factor.
    pub async fn sign_in_on_device(
        &self,
        flow: AuthFlow,
        email: &str,
        password: Password,
        device_key: Option<String>,
        now_epoch_ms: impl Fn() -> u64,
    ) -> Result<SignInOutcome, CognitoError> {
        let username = email.to_owned();
        if flow == AuthFlow::UserPassword {
            let parameters = AuthParameters::UserPassword {
                username,
                password,
                device_key,
            };
            let request = InitiateAuth::new(self.client_id.clone(), parameters);
            return sign_in_outcome(self.call(&request).await?);
        }
        let srp = self.srp()?;
        let sent_key = device_key.clone();
        let parameters = match flow {
            AuthFlow::UserAuth => AuthParameters::UserAuth {
                username,
                preferred_challenge: Some(FirstFactor::Password.as_str()),
                srp_a: Some(srp.srp_a()),
                device_key,
            },
            _ => AuthParameters::Srp {
                username,
                srp_a: srp.srp_a(),
                device_key,
            },
        };
        let response = self
            .call(&InitiateAuth::new(self.client_id.clone(), parameters))
            .await?;
        let outcome = sign_in_outcome(response)?;
        self.prove_password(srp, outcome, password, sent_key, now_epoch_ms)
            .await
    }

    /// `USER_SRP_AUTH` with a given [`SrpClient`] (so tests can choose its secret):
    /// `InitiateAuth` with `SRP_A`, then the answer to `PASSWORD_VERIFIER` signed at
    /// `now_epoch_ms()`. Cognito's errors come back as from password sign-in; server values
    /// the math must refuse are an unexpected reply.
    pub async fn sign_in_with_srp_client(
        &self,
        srp: SrpClient,
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
                    device_key: None,
                },
            ))
            .await?;
        self.prove_password(
            srp,
            sign_in_outcome(response)?,
            password,
            None,
            now_epoch_ms,
        )
        .await
    }

    /// Answers `PASSWORD_VERIFIER` with the SRP proof of `password` (naming the remembered
    /// device, if any); any other outcome is
    /// passed on as it is.
    pub(super) async fn prove_password(
        &self,
        srp: SrpClient,
        outcome: SignInOutcome,
        password: Password,
        device_key: Option<String>,
        now_epoch_ms: impl Fn() -> u64,
    ) -> Result<SignInOutcome, CognitoError> {
        let challenge = match outcome {
            SignInOutcome::Challenge(challenge)
                if challenge.name == ChallengeName::PasswordVerifier =>
            {
                challenge
            }
            other => return Ok(other),
        };
        let verifier =
            VerifierChallenge::from_parameters(&challenge.parameters).map_err(refused_by_srp)?;
        let claim = srp
            .password_claim(
                &self.user_pool_id,
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
                device_key,
            },
            challenge.session,
        )
        .await
    }
}

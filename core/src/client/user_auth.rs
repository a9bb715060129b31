//! `USER_AUTH`, choice-based sign-in: naming the user first, then the factor that proves it.

use super::{missing_in_success, sign_in_outcome, CognitoClient, SignInOutcome};
use crate::api::{AuthParameters, ChallengeResponses, ChallengeSessionInfo, InitiateAuth};
use crate::error::CognitoError;
use crate::http::HttpTransport;
use crate::secret::{ChallengeSession, Password};
use crate::sign_in_factor::{FirstFactor, FirstFactorAnswer};

impl<T: HttpTransport> CognitoClient<T> {
    /// Starts a `USER_AUTH` sign-in: straight to `preferred` if the pool and the user allow it,
    /// else Cognito's `SELECT_CHALLENGE` with the factors on offer. (The password goes through
    /// [`sign_in`](Self::sign_in) or [`choose_first_factor`](Self::choose_first_factor).)
    pub async fn start_user_auth(
        &self,
        email: &str,
        preferred: Option<FirstFactor>,
    ) -> Result<SignInOutcome, CognitoError> {
        let preferred = preferred.filter(|factor| *factor != FirstFactor::Password);
        let parameters = AuthParameters::UserAuth {
            username: email.to_owned(),
            preferred_challenge: preferred.map(FirstFactor::as_str),
            srp_a: None,
            device_key: None,
        };
        let response = self
            .call(&InitiateAuth::new(self.client_id.clone(), parameters))
            .await?;
        sign_in_outcome(response)
    }

    /// Answers `SELECT_CHALLENGE` with `factor`. The password is proven by SRP where the
    /// challenge offers `PASSWORD_SRP`, else sent as `PASSWORD`; other factors need none.
    pub async fn choose_first_factor(
        &self,
        challenge: &ChallengeSessionInfo,
        email: &str,
        factor: FirstFactor,
        password: Option<Password>,
        now_epoch_ms: impl Fn() -> u64,
    ) -> Result<SignInOutcome, CognitoError> {
        let username = challenge.username_or(email);
        let answer = |answer| ChallengeResponses::SelectChallenge {
            username: username.clone(),
            answer,
        };
        let session = challenge.session.clone();
        let factor_answer = match (factor, password) {
            (FirstFactor::Password, Some(password)) => {
                if challenge
                    .available
                    .iter()
                    .any(|name| name == "PASSWORD_SRP")
                {
                    let srp = self.srp()?;
                    let srp_a = srp.srp_a();
                    let outcome = self
                        .respond_to_challenge(
                            answer(FirstFactorAnswer::PasswordSrp { srp_a }),
                            session,
                        )
                        .await?;
                    return self
                        .prove_password(srp, outcome, password, None, now_epoch_ms)
                        .await;
                }
                FirstFactorAnswer::Password(password)
            }
            (FirstFactor::Password, None) => {
                return Err(missing_in_success("a password sign-in needs the password"))
            }
            (FirstFactor::Passkey, _) => FirstFactorAnswer::Passkey,
            (FirstFactor::EmailCode, _) => FirstFactorAnswer::EmailCode,
            (FirstFactor::SmsCode, _) => FirstFactorAnswer::SmsCode,
        };
        self.respond_to_challenge(answer(factor_answer), session)
            .await
    }

    /// Signs in a user who just confirmed their account, with the session `ConfirmSignUp`
    /// returned: no factor is asked for again.
    pub async fn sign_in_after_sign_up(
        &self,
        email: &str,
        session: ChallengeSession,
    ) -> Result<SignInOutcome, CognitoError> {
        let mut request = InitiateAuth::new(
            self.client_id.clone(),
            AuthParameters::UserAuth {
                username: email.to_owned(),
                preferred_challenge: None,
                srp_a: None,
                device_key: None,
            },
        );
        request.session = Some(session);
        sign_in_outcome(self.call(&request).await?)
    }
}

//! The sign-in's steps after the first request: answering Cognito's challenges, and
//! `USER_AUTH`'s choice of first factor. Each signs in once Cognito hands out tokens.

use super::SessionCtx;
use crate::storage;
use leptos_cognito_core::api::{ChallengeResponses, ChallengeSessionInfo, CodeAnswer};
use leptos_cognito_core::mfa::MfaMethod;
use leptos_cognito_core::secret::{ChallengeSession, OneTimeCode, Password};
use leptos_cognito_core::sign_in_factor::FirstFactor;
use leptos_cognito_core::storage_keys;
use leptos_cognito_core::CognitoError;

/// The first factors the site offers with `USER_AUTH`, in its order (`firstAuthFactors`),
/// provided by the [`AuthProvider`](crate::AuthProvider).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteFirstFactors(pub Vec<FirstFactor>);

impl SessionCtx {
    /// Answers a sign-in challenge: a code, the choice of second factor, the factor set up, or
    /// a passkey's assertion. Tokens sign in; `Ok(Some(_))` is Cognito's next challenge.
    pub async fn answer_challenge(
        &self,
        email: &str,
        challenge: &ChallengeSessionInfo,
        answer: ChallengeAnswer,
    ) -> Result<Option<ChallengeSessionInfo>, CognitoError> {
        let username = challenge.username_or(email);
        let (responses, session) = match answer {
            ChallengeAnswer::Code(code) => {
                let answer = CodeAnswer::new(challenge.name.clone(), username, code)
                    .ok_or_else(|| not_a_code_challenge(challenge))?;
                (ChallengeResponses::Code(answer), challenge.session.clone())
            }
            ChallengeAnswer::Choose(method) => (
                ChallengeResponses::SelectMfaType {
                    username,
                    answer: method,
                },
                challenge.session.clone(),
            ),
            ChallengeAnswer::SetUpEmail => (
                ChallengeResponses::MfaSetup {
                    username,
                    email: Some(email.to_owned()),
                },
                challenge.session.clone(),
            ),
            ChallengeAnswer::AppLinked(session) => (
                ChallengeResponses::MfaSetup {
                    username,
                    email: None,
                },
                Some(session),
            ),
            ChallengeAnswer::Passkey(credential) => (
                ChallengeResponses::WebAuthn {
                    username,
                    credential,
                },
                challenge.session.clone(),
            ),
        };
        let outcome = self
            .client()
            .respond_to_challenge(responses, session)
            .await?;
        self.signed_in(outcome, email)
    }

    /// Starts a `USER_AUTH` sign-in, straight to `preferred` where Cognito allows it.
    pub async fn start_user_auth(
        &self,
        email: &str,
        preferred: Option<FirstFactor>,
    ) -> Result<Option<ChallengeSessionInfo>, CognitoError> {
        let outcome = self.client().start_user_auth(email, preferred).await?;
        self.signed_in(outcome, email)
    }

    /// Answers `SELECT_CHALLENGE` with `factor` (and the password, for the password).
    pub async fn choose_first_factor(
        &self,
        email: &str,
        challenge: &ChallengeSessionInfo,
        factor: FirstFactor,
        password: Option<Password>,
    ) -> Result<Option<ChallengeSessionInfo>, CognitoError> {
        if factor == FirstFactor::Password {
            // The SRP math holds the thread: let the page show its pending state first.
            gloo_timers::future::TimeoutFuture::new(0).await;
        }
        let wall_ms = || js_sys::Date::now() as u64;
        let client = self.client();
        let outcome = client.choose_first_factor(challenge, email, factor, password, wall_ms);
        let outcome = outcome.await;
        if factor == FirstFactor::Password && outcome.is_err() {
            self.prepare_sign_in();
        }
        let step = self.signed_in(outcome?, email)?;
        if step.is_none() {
            self.remember_factor(factor);
        }
        Ok(step)
    }

    /// Signs in a user who just confirmed their account, with `ConfirmSignUp`'s session.
    pub async fn sign_in_after_sign_up(
        &self,
        email: &str,
        session: ChallengeSession,
    ) -> Result<Option<ChallengeSessionInfo>, CognitoError> {
        let outcome = self.client().sign_in_after_sign_up(email, session).await?;
        self.signed_in(outcome, email)
    }

    /// The first factor last signed in with on this device.
    pub fn last_factor(&self) -> Option<FirstFactor> {
        let key = storage_keys::last_sign_in_factor(self.client().client_id());
        storage::read(&key).and_then(|name| FirstFactor::from_name(&name))
    }

    /// Remembers the factor a sign-in on this device succeeded with, to offer it first.
    pub fn remember_factor(&self, factor: FirstFactor) {
        let key = storage_keys::last_sign_in_factor(self.client().client_id());
        // Only a convenience: nothing to tell the user if storage refuses it.
        storage::write(&key, factor.as_str());
    }
}

/// A challenge the page has no code for reached the code page: a bug, not the user's doing.
fn not_a_code_challenge(challenge: &ChallengeSessionInfo) -> CognitoError {
    CognitoError::UnexpectedResponse {
        status: 200,
        detail: format!("{} takes no code", challenge.name),
    }
}

/// How a sign-in challenge is answered.
#[derive(Debug, Clone)]
pub enum ChallengeAnswer {
    /// The code the challenge asks for.
    Code(OneTimeCode),
    /// The factor chosen for this sign-in (`SELECT_MFA_TYPE`).
    Choose(MfaMethod),
    /// Set up emailed codes to the address signed in with (`MFA_SETUP`).
    SetUpEmail,
    /// An authenticator app was linked; the session `VerifySoftwareToken` returned.
    AppLinked(ChallengeSession),
    /// A passkey's assertion, as the JSON text Cognito takes (`WEB_AUTHN`).
    Passkey(String),
}

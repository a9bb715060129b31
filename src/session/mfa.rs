//! Second factors that belong to the session: answering a sign-in's challenges (which sign in
//! once answered), and managing a signed-in user's factors.

use super::SessionCtx;
use leptos_cognito_core::api::{Caller, ChallengeResponses, ChallengeSessionInfo, CodeAnswer};
use leptos_cognito_core::client::MfaChange;
use leptos_cognito_core::mfa::MfaMethod;
use leptos_cognito_core::problem::Problem;
use leptos_cognito_core::secret::TotpSecret;
use leptos_cognito_core::CognitoError;

/// A signed-in user's second factors, as `GetUser` lists them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MfaSettings {
    pub enabled: Vec<MfaMethod>,
    pub preferred: Option<MfaMethod>,
    /// Whether the account has a verified phone number (SMS codes need one).
    pub phone_verified: bool,
}

impl SessionCtx {
    /// Answers a sign-in challenge with a second factor's code, the choice of factor, or the
    /// factor set up; tokens sign in, and `Ok(Some(_))` is Cognito's next challenge.
    pub async fn answer_challenge(
        &self,
        email: &str,
        challenge: &ChallengeSessionInfo,
        answer: MfaAnswer,
    ) -> Result<Option<ChallengeSessionInfo>, CognitoError> {
        let username = challenge.username_or(email);
        let (responses, session) = match answer {
            MfaAnswer::Code(code) => {
                let answer = CodeAnswer::new(challenge.name.clone(), username, code)
                    .ok_or_else(|| not_a_code_challenge(challenge))?;
                (ChallengeResponses::Code(answer), challenge.session.clone())
            }
            MfaAnswer::Choose(method) => (
                ChallengeResponses::SelectMfaType {
                    username,
                    answer: method,
                },
                challenge.session.clone(),
            ),
            MfaAnswer::SetUpEmail => (
                ChallengeResponses::MfaSetup {
                    username,
                    email: Some(email.to_owned()),
                },
                challenge.session.clone(),
            ),
            MfaAnswer::AppLinked(session) => (
                ChallengeResponses::MfaSetup {
                    username,
                    email: None,
                },
                Some(session),
            ),
        };
        let outcome = self
            .client()
            .respond_to_challenge(responses, session)
            .await?;
        self.signed_in(outcome, email)
    }

    /// A new authenticator secret for the signed-in user.
    pub async fn new_totp_secret(&self) -> Result<TotpSecret, Problem> {
        let access = self.access_token().await.map_err(|e| e.problem())?;
        let client = self.client();
        let associated = client.associate_software_token(Caller::AccessToken(access));
        associated
            .await
            .map(|response| response.secret_code)
            .map_err(|e| e.problem())
    }

    /// Checks the signed-in user's new authenticator with a code from it and turns it on
    /// (preferred, unless another factor already is).
    pub async fn turn_on_totp(
        &self,
        code: &str,
        device_name: Option<String>,
        prefer: bool,
    ) -> Result<(), Problem> {
        let access = self.access_token().await.map_err(|e| e.problem())?;
        let client = self.client();
        let caller = Caller::AccessToken(access.clone());
        client
            .verify_software_token(caller, code, device_name)
            .await
            .map_err(|e| e.problem())?;
        let change = MfaChange {
            enable: vec![MfaMethod::Totp],
            disable: Vec::new(),
            prefer: prefer.then_some(MfaMethod::Totp),
        };
        client
            .set_mfa_preference(&access, &change)
            .await
            .map_err(|e| e.problem())
    }

    /// Changes the signed-in user's factors.
    pub async fn change_mfa(&self, change: MfaChange) -> Result<(), Problem> {
        let access = self.access_token().await.map_err(|e| e.problem())?;
        self.client()
            .set_mfa_preference(&access, &change)
            .await
            .map_err(|e| e.problem())
    }

    /// The signed-in user's factors, as Cognito has them now.
    pub async fn mfa_settings(&self) -> Result<MfaSettings, Problem> {
        let access = self.access_token().await.map_err(|e| e.problem())?;
        let user = self
            .client()
            .get_user(&access)
            .await
            .map_err(|e| e.problem())?;
        let attribute = |name: &str| {
            user.user_attributes
                .iter()
                .find(|a| a.name == name)
                .map(|a| a.value.as_str())
        };
        Ok(MfaSettings {
            enabled: (user.user_mfa_setting_list.iter())
                .filter_map(|name| MfaMethod::from_name(name))
                .collect(),
            preferred: (user.preferred_mfa_setting.as_deref()).and_then(MfaMethod::from_name),
            phone_verified: attribute("phone_number_verified") == Some("true"),
        })
    }
}

/// A challenge the page has no code for reached the code page: a bug, not the user's doing.
fn not_a_code_challenge(challenge: &ChallengeSessionInfo) -> CognitoError {
    CognitoError::UnexpectedResponse {
        status: 200,
        detail: format!("{} takes no code", challenge.name),
    }
}

/// How a sign-in challenge about second factors is answered.
#[derive(Debug, Clone)]
pub enum MfaAnswer {
    /// The code the challenge asks for.
    Code(String),
    /// The factor chosen for this sign-in (`SELECT_MFA_TYPE`).
    Choose(MfaMethod),
    /// Set up emailed codes to the address signed in with (`MFA_SETUP`).
    SetUpEmail,
    /// An authenticator app was linked; the session `VerifySoftwareToken` returned.
    AppLinked(leptos_cognito_core::secret::ChallengeSession),
}

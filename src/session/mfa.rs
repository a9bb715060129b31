//! A signed-in user's second factors: reading them, linking an authenticator app, turning
//! factors on and off.

use super::SessionCtx;
use leptos_cognito_core::api::Caller;
use leptos_cognito_core::attributes::Verifiable;
use leptos_cognito_core::client::MfaChange;
use leptos_cognito_core::mfa::MfaMethod;
use leptos_cognito_core::problem::Problem;
use leptos_cognito_core::secret::TotpSecret;

/// A signed-in user's second factors, as `GetUser` lists them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MfaSettings {
    pub enabled: Vec<MfaMethod>,
    pub preferred: Option<MfaMethod>,
    /// Whether the account has a verified phone number (SMS codes need one).
    pub phone_verified: bool,
}

impl SessionCtx {
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
        Ok(MfaSettings {
            enabled: (user.user_mfa_setting_list.iter())
                .filter_map(|name| MfaMethod::from_name(name))
                .collect(),
            preferred: (user.preferred_mfa_setting.as_deref()).and_then(MfaMethod::from_name),
            phone_verified: Verifiable::PhoneNumber.verified_in(&user.user_attributes),
        })
    }
}

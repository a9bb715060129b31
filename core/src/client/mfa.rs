//! Second factors: linking an authenticator app and choosing a signed-in user's factors.

use super::CognitoClient;
use crate::api::{
    AssociateSoftwareToken, AssociateSoftwareTokenResponse, Caller, MfaSettings,
    SetUserMfaPreference, VerifySoftwareToken,
};
use crate::error::CognitoError;
use crate::http::HttpTransport;
use crate::mfa::MfaMethod;
use crate::secret::{AccessToken, ChallengeSession, OneTimeCode};

/// What to change of a signed-in user's second factors: `enable` turns these on (the first of
/// them preferred when `prefer` is set), `disable` turns these off.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MfaChange {
    pub enable: Vec<MfaMethod>,
    pub disable: Vec<MfaMethod>,
    pub prefer: Option<MfaMethod>,
}

impl<T: HttpTransport> CognitoClient<T> {
    /// A new authenticator secret for the caller (the secret is shown to the user once).
    pub async fn associate_software_token(
        &self,
        caller: Caller,
    ) -> Result<AssociateSoftwareTokenResponse, CognitoError> {
        self.call(&AssociateSoftwareToken { caller }).await
    }

    /// Checks a code from the newly linked app. Returns the challenge session to go on with
    /// (for a sign-in's `MFA_SETUP`), if Cognito gave one.
    pub async fn verify_software_token(
        &self,
        caller: Caller,
        code: &str,
        device_name: Option<String>,
    ) -> Result<Option<ChallengeSession>, CognitoError> {
        let response = self
            .call(&VerifySoftwareToken {
                caller,
                user_code: OneTimeCode::new(code),
                friendly_device_name: device_name,
            })
            .await?;
        match response.status.as_deref() {
            Some("SUCCESS") | None => Ok(response.session),
            Some(other) => Err(CognitoError::UnexpectedResponse {
                status: 200,
                detail: format!("software token verification status {other}"),
            }),
        }
    }

    /// Turns the signed-in user's factors on or off (`SetUserMFAPreference`).
    pub async fn set_mfa_preference(
        &self,
        access: &AccessToken,
        change: &MfaChange,
    ) -> Result<(), CognitoError> {
        let setting = |method: MfaMethod| {
            let enabled = change.enable.contains(&method);
            (enabled || change.disable.contains(&method)).then_some(MfaSettings {
                enabled,
                preferred_mfa: enabled && change.prefer == Some(method),
            })
        };
        self.call(&SetUserMfaPreference {
            access_token: access.clone(),
            totp: setting(MfaMethod::Totp),
            email: setting(MfaMethod::Email),
            sms: setting(MfaMethod::Sms),
        })
        .await
        .map(drop)
    }
}

//! The operations behind second factors: linking an authenticator app (during a sign-in's
//! `MFA_SETUP`, by its challenge session, or later, by the access token) and choosing which
//! factors a signed-in user has.

use super::Operation;
use crate::secret::{AccessToken, ChallengeSession, OneTimeCode, TotpSecret};
use serde::{Deserialize, Serialize};

/// Who asks: a sign-in in progress (its challenge session) or a signed-in user.
#[derive(Debug, Clone, Serialize)]
pub enum Caller {
    #[serde(rename = "Session")]
    Session(ChallengeSession),
    #[serde(rename = "AccessToken")]
    AccessToken(AccessToken),
}

/// Starts linking an authenticator app: Cognito makes a new secret for it.
#[derive(Debug, Serialize)]
pub struct AssociateSoftwareToken {
    #[serde(flatten)]
    pub caller: Caller,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct AssociateSoftwareTokenResponse {
    pub secret_code: TotpSecret,
    /// The challenge session to go on with, when called with one.
    #[serde(default)]
    pub session: Option<ChallengeSession>,
}

impl Operation for AssociateSoftwareToken {
    const NAME: &'static str = "AssociateSoftwareToken";
    type Response = AssociateSoftwareTokenResponse;
}

/// Finishes linking with a code the app shows, proving it holds the secret.
#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct VerifySoftwareToken {
    #[serde(flatten)]
    pub caller: Caller,
    pub user_code: OneTimeCode,
    /// How the authenticator is listed to the user later.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub friendly_device_name: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct VerifySoftwareTokenResponse {
    /// `SUCCESS` or `ERROR`.
    #[serde(default)]
    pub status: Option<String>,
    #[serde(default)]
    pub session: Option<ChallengeSession>,
}

impl Operation for VerifySoftwareToken {
    const NAME: &'static str = "VerifySoftwareToken";
    type Response = VerifySoftwareTokenResponse;
}

/// One factor's switch in [`SetUserMfaPreference`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct MfaSettings {
    pub enabled: bool,
    pub preferred_mfa: bool,
}

/// Turns the signed-in user's factors on or off and names the preferred one; a factor left
/// out keeps its setting.
#[derive(Debug, Serialize)]
pub struct SetUserMfaPreference {
    #[serde(rename = "AccessToken")]
    pub access_token: AccessToken,
    #[serde(
        rename = "SoftwareTokenMfaSettings",
        skip_serializing_if = "Option::is_none"
    )]
    pub totp: Option<MfaSettings>,
    #[serde(rename = "EmailMfaSettings", skip_serializing_if = "Option::is_none")]
    pub email: Option<MfaSettings>,
    #[serde(rename = "SMSMfaSettings", skip_serializing_if = "Option::is_none")]
    pub sms: Option<MfaSettings>,
}

impl Operation for SetUserMfaPreference {
    const NAME: &'static str = "SetUserMFAPreference";
    type Response = super::Empty;
}

//! Request and response bodies of the Cognito Identity Provider JSON API (PascalCase on the
//! wire). Only the fields the page uses are modelled; unknown response fields are ignored.

mod account;
mod challenge;
mod challenge_name;
mod devices;
mod mfa;
mod webauthn;

pub use account::{
    DeleteUser, GetUserAttributeVerificationCode, GetUserAttributeVerificationCodeResponse,
    UpdateUserAttributes, UpdateUserAttributesResponse, VerifyUserAttribute,
};
pub use challenge::{ChallengeResponses, CodeAnswer, RespondToAuthChallenge};
pub use challenge_name::ChallengeName;
pub use devices::{
    ConfirmDevice, ConfirmDeviceResponse, DeviceRememberedStatus, DeviceSecretVerifierConfig,
    DeviceType, ForgetDevice, ListDevices, ListDevicesResponse, NewDeviceMetadata,
    UpdateDeviceStatus, LIST_DEVICES_MAX_LIMIT,
};
pub use mfa::{
    AssociateSoftwareToken, AssociateSoftwareTokenResponse, Caller, MfaSettings,
    SetUserMfaPreference, VerifySoftwareToken, VerifySoftwareTokenResponse,
};
pub use webauthn::{
    CompleteWebAuthnRegistration, DeleteWebAuthnCredential, ListWebAuthnCredentials,
    ListWebAuthnCredentialsResponse, StartWebAuthnRegistration, StartWebAuthnRegistrationResponse,
    WebAuthnCredentialDescription,
};

use crate::secret::{AccessToken, ChallengeSession, IdToken, OneTimeCode, Password, RefreshToken};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// An API operation, sent as `X-Amz-Target: AWSCognitoIdentityProviderService.<name>`.
pub trait Operation: Serialize {
    const NAME: &'static str;
    type Response: for<'de> Deserialize<'de>;
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct AttributeType {
    pub name: String,
    pub value: String,
}

/// Where a confirmation code went, e.g. `a***@e***` by `EMAIL`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct CodeDeliveryDetails {
    #[serde(default)]
    pub destination: Option<String>,
    #[serde(default)]
    pub delivery_medium: Option<String>,
    #[serde(default)]
    pub attribute_name: Option<String>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct SignUp {
    pub client_id: String,
    pub username: String,
    /// None signs up without a password, where the pool lets users sign in without one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub password: Option<Password>,
    pub user_attributes: Vec<AttributeType>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct SignUpResponse {
    pub user_confirmed: bool,
    #[serde(default)]
    pub user_sub: Option<String>,
    #[serde(default)]
    pub code_delivery_details: Option<CodeDeliveryDetails>,
}

impl Operation for SignUp {
    const NAME: &'static str = "SignUp";
    type Response = SignUpResponse;
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct ConfirmSignUp {
    pub client_id: String,
    pub username: String,
    pub confirmation_code: OneTimeCode,
}

/// The empty `{}` many operations answer with.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct Empty {}

/// With `USER_AUTH`, Cognito hands back a session that signs the new user in.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ConfirmSignUpResponse {
    #[serde(default)]
    pub session: Option<ChallengeSession>,
}

impl Operation for ConfirmSignUp {
    const NAME: &'static str = "ConfirmSignUp";
    type Response = ConfirmSignUpResponse;
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct ResendConfirmationCode {
    pub client_id: String,
    pub username: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ResendConfirmationCodeResponse {
    #[serde(default)]
    pub code_delivery_details: Option<CodeDeliveryDetails>,
}

impl Operation for ResendConfirmationCode {
    const NAME: &'static str = "ResendConfirmationCode";
    type Response = ResendConfirmationCodeResponse;
}

/// The flows this page starts with `InitiateAuth`, each with its own parameters.
#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum AuthParameters {
    UserPassword {
        #[serde(rename = "USERNAME")]
        username: String,
        #[serde(rename = "PASSWORD")]
        password: Password,
        /// The remembered device signing in, which then proves itself (`DEVICE_SRP_AUTH`).
        #[serde(rename = "DEVICE_KEY", skip_serializing_if = "Option::is_none")]
        device_key: Option<String>,
    },
    /// `USER_SRP_AUTH`: the username and the client's public SRP value `A` (hex), no password.
    Srp {
        #[serde(rename = "USERNAME")]
        username: String,
        #[serde(rename = "SRP_A")]
        srp_a: String,
        /// The remembered device signing in, which then proves itself (`DEVICE_SRP_AUTH`).
        #[serde(rename = "DEVICE_KEY", skip_serializing_if = "Option::is_none")]
        device_key: Option<String>,
    },
    /// `USER_AUTH`: the username, and the first factor to go straight to, if any (with SRP's
    /// `A` when that is the password by SRP).
    UserAuth {
        #[serde(rename = "USERNAME")]
        username: String,
        #[serde(
            rename = "PREFERRED_CHALLENGE",
            skip_serializing_if = "Option::is_none"
        )]
        preferred_challenge: Option<&'static str>,
        #[serde(rename = "SRP_A", skip_serializing_if = "Option::is_none")]
        srp_a: Option<String>,
        /// The remembered device signing in, which then proves itself (`DEVICE_SRP_AUTH`).
        #[serde(rename = "DEVICE_KEY", skip_serializing_if = "Option::is_none")]
        device_key: Option<String>,
    },
}

impl AuthParameters {
    fn flow(&self) -> &'static str {
        match self {
            Self::UserPassword { .. } => AuthFlow::UserPassword.as_str(),
            Self::Srp { .. } => AuthFlow::UserSrp.as_str(),
            Self::UserAuth { .. } => AuthFlow::UserAuth.as_str(),
        }
    }
}

/// How the page signs in with email and password, as `config.json`'s `authFlow` chooses.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum AuthFlow {
    /// `USER_SRP_AUTH`: the password never leaves the browser (the default).
    #[default]
    UserSrp,
    /// `USER_PASSWORD_AUTH`: the password is sent to Cognito, for app clients without SRP.
    UserPassword,
    /// `USER_AUTH`: the user names themselves, then chooses how to prove it (a passkey, an
    /// emailed or texted code, or the password by SRP).
    UserAuth,
}

impl AuthFlow {
    /// Cognito's name for the flow.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::UserSrp => "USER_SRP_AUTH",
            Self::UserPassword => "USER_PASSWORD_AUTH",
            Self::UserAuth => "USER_AUTH",
        }
    }

    /// The flow of a Cognito flow name; `None` for names this page doesn't sign in with.
    pub fn from_name(name: &str) -> Option<Self> {
        [Self::UserSrp, Self::UserPassword, Self::UserAuth]
            .into_iter()
            .find(|flow| flow.as_str() == name)
    }
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct InitiateAuth {
    pub auth_flow: &'static str,
    pub client_id: String,
    pub auth_parameters: AuthParameters,
    /// The session `ConfirmSignUp` returned, which signs a new user in without another factor.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub session: Option<ChallengeSession>,
}

impl InitiateAuth {
    pub fn new(client_id: String, auth_parameters: AuthParameters) -> Self {
        Self {
            auth_flow: auth_parameters.flow(),
            client_id,
            auth_parameters,
            session: None,
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct InitiateAuthResponse {
    #[serde(default)]
    pub authentication_result: Option<AuthenticationResult>,
    #[serde(default)]
    pub challenge_name: Option<ChallengeName>,
    #[serde(default)]
    pub session: Option<ChallengeSession>,
    #[serde(default)]
    pub challenge_parameters: BTreeMap<String, String>,
    /// `USER_AUTH`'s first factors this user may choose (`SELECT_CHALLENGE`).
    #[serde(default)]
    pub available_challenges: Vec<String>,
}

/// A further step Cognito asks for before it hands out tokens.
#[derive(Debug, Clone)]
pub struct ChallengeSessionInfo {
    pub name: ChallengeName,
    pub session: Option<ChallengeSession>,
    pub parameters: BTreeMap<String, String>,
    /// With `SELECT_CHALLENGE`: the first factors on offer, by Cognito's names.
    pub available: Vec<String>,
}

impl ChallengeSessionInfo {
    /// The user to name in the answer: Cognito's own name for them from the challenge (its
    /// internal id), else `typed`, the address signed in with, which Cognito also accepts.
    pub fn username_or(&self, typed: &str) -> String {
        ["USER_ID_FOR_SRP", "USERNAME"]
            .iter()
            .find_map(|key| self.parameters.get(*key))
            .cloned()
            .unwrap_or_else(|| typed.to_owned())
    }
}

impl Operation for InitiateAuth {
    const NAME: &'static str = "InitiateAuth";
    type Response = InitiateAuthResponse;
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct AuthenticationResult {
    pub access_token: AccessToken,
    pub id_token: IdToken,
    /// Absent on refresh unless the pool rotates refresh tokens.
    #[serde(default)]
    pub refresh_token: Option<RefreshToken>,
    /// Lifetime of the access and id tokens, in seconds. Cognito always sends it; a reply
    /// without it is still usable (the tokens' own `exp` says the same).
    #[serde(default)]
    pub expires_in: Option<u64>,
    /// The device this sign-in created, when the pool tracks devices.
    #[serde(default)]
    pub new_device_metadata: Option<NewDeviceMetadata>,
}

/// Exchanges a refresh token for fresh tokens. Unlike `InitiateAuth`'s `REFRESH_TOKEN_AUTH`, it
/// works on app clients that rotate refresh tokens (and then returns the new one).
#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct GetTokensFromRefreshToken {
    pub client_id: String,
    pub refresh_token: RefreshToken,
    /// The remembered device the tokens belong to, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub device_key: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct GetTokensFromRefreshTokenResponse {
    #[serde(default)]
    pub authentication_result: Option<AuthenticationResult>,
}

impl Operation for GetTokensFromRefreshToken {
    const NAME: &'static str = "GetTokensFromRefreshToken";
    type Response = GetTokensFromRefreshTokenResponse;
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct GetUser {
    pub access_token: AccessToken,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct GetUserResponse {
    pub username: String,
    #[serde(default)]
    pub user_attributes: Vec<AttributeType>,
    /// The second factors turned on, by Cognito's names (`SOFTWARE_TOKEN_MFA`, ...).
    #[serde(default, rename = "UserMFASettingList")]
    pub user_mfa_setting_list: Vec<String>,
    #[serde(default)]
    pub preferred_mfa_setting: Option<String>,
}

impl Operation for GetUser {
    const NAME: &'static str = "GetUser";
    type Response = GetUserResponse;
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct GlobalSignOut {
    pub access_token: AccessToken,
}

impl Operation for GlobalSignOut {
    const NAME: &'static str = "GlobalSignOut";
    type Response = Empty;
}

/// Revokes one refresh token and the access tokens issued from it: signs out this device only.
#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct RevokeToken {
    pub token: RefreshToken,
    pub client_id: String,
}

impl Operation for RevokeToken {
    const NAME: &'static str = "RevokeToken";
    type Response = Empty;
}

/// Asks Cognito to send a password-reset code to the account's verified address.
#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct ForgotPassword {
    pub client_id: String,
    pub username: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ForgotPasswordResponse {
    #[serde(default)]
    pub code_delivery_details: Option<CodeDeliveryDetails>,
}

impl Operation for ForgotPassword {
    const NAME: &'static str = "ForgotPassword";
    type Response = ForgotPasswordResponse;
}

/// Sets a new password with the code from [`ForgotPassword`].
#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct ConfirmForgotPassword {
    pub client_id: String,
    pub username: String,
    pub confirmation_code: OneTimeCode,
    pub password: Password,
}

impl Operation for ConfirmForgotPassword {
    const NAME: &'static str = "ConfirmForgotPassword";
    type Response = Empty;
}

/// Changes the password of the signed-in user, who proves it with the current one.
#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct ChangePassword {
    pub access_token: AccessToken,
    pub previous_password: Password,
    pub proposed_password: Password,
}

impl Operation for ChangePassword {
    const NAME: &'static str = "ChangePassword";
    type Response = Empty;
}

#[cfg(test)]
mod tests;

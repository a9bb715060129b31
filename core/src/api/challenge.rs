//! Answering a challenge: `RespondToAuthChallenge` and the answers this page gives.

use super::{ChallengeName, InitiateAuthResponse, Operation};
use crate::mfa::MfaMethod;
use crate::secret::{ChallengeSession, OneTimeCode, Password};
use crate::sign_in_factor::FirstFactorAnswer;
use serde::Serialize;

/// Answers a challenge from `InitiateAuth` (or from a previous answer). The reply has the same
/// shape as `InitiateAuth`'s: tokens, or yet another challenge.
#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct RespondToAuthChallenge {
    pub challenge_name: ChallengeName,
    pub client_id: String,
    pub challenge_responses: ChallengeResponses,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub session: Option<ChallengeSession>,
}

/// The answers this page gives, each with the parameter names Cognito expects.
#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum ChallengeResponses {
    /// `PASSWORD_VERIFIER`, the second step of `USER_SRP_AUTH`.
    PasswordVerifier {
        #[serde(rename = "USERNAME")]
        username: String,
        #[serde(rename = "PASSWORD_CLAIM_SECRET_BLOCK")]
        secret_block: String,
        #[serde(rename = "PASSWORD_CLAIM_SIGNATURE")]
        signature: String,
        #[serde(rename = "TIMESTAMP")]
        timestamp: String,
        /// The remembered device signing in: Cognito reads it here in the SRP flows, as the
        /// AWS SDKs send it.
        #[serde(rename = "DEVICE_KEY", skip_serializing_if = "Option::is_none")]
        device_key: Option<String>,
    },
    /// `DEVICE_SRP_AUTH`: the remembered device's public SRP value `A` (hex).
    DeviceSrpAuth {
        #[serde(rename = "USERNAME")]
        username: String,
        #[serde(rename = "DEVICE_KEY")]
        device_key: String,
        #[serde(rename = "SRP_A")]
        srp_a: String,
    },
    /// `DEVICE_PASSWORD_VERIFIER`: the device's proof of its password.
    DevicePasswordVerifier {
        #[serde(rename = "USERNAME")]
        username: String,
        #[serde(rename = "DEVICE_KEY")]
        device_key: String,
        #[serde(rename = "PASSWORD_CLAIM_SECRET_BLOCK")]
        secret_block: String,
        #[serde(rename = "PASSWORD_CLAIM_SIGNATURE")]
        signature: String,
        #[serde(rename = "TIMESTAMP")]
        timestamp: String,
    },
    /// `NEW_PASSWORD_REQUIRED`, for users an administrator created with a temporary password.
    NewPassword {
        #[serde(rename = "USERNAME")]
        username: String,
        #[serde(rename = "NEW_PASSWORD")]
        new_password: Password,
    },
    /// A one-time code: a second factor's (`SOFTWARE_TOKEN_MFA`, `EMAIL_OTP`, `SMS_MFA`) or a
    /// first factor's (`EMAIL_OTP`, `SMS_OTP`).
    Code(CodeAnswer),
    /// `SELECT_CHALLENGE`: the first factor chosen, with what it needs up front.
    SelectChallenge {
        #[serde(rename = "USERNAME")]
        username: String,
        #[serde(flatten)]
        answer: FirstFactorAnswer,
    },
    /// `WEB_AUTHN`: the passkey's assertion, as the JSON text of an AuthenticationResponseJSON.
    WebAuthn {
        #[serde(rename = "USERNAME")]
        username: String,
        #[serde(rename = "CREDENTIAL")]
        credential: String,
    },
    /// `SELECT_MFA_TYPE`: the factor chosen for this sign-in.
    SelectMfaType {
        #[serde(rename = "USERNAME")]
        username: String,
        #[serde(rename = "ANSWER", serialize_with = "method_name")]
        answer: MfaMethod,
    },
    /// `MFA_SETUP`: after an authenticator app was linked (no `EMAIL`), or the address to
    /// set up emailed codes for, which Cognito then asks to confirm with an `EMAIL_OTP` code.
    MfaSetup {
        #[serde(rename = "USERNAME")]
        username: String,
        #[serde(rename = "EMAIL", skip_serializing_if = "Option::is_none")]
        email: Option<String>,
    },
}

/// A code for a challenge that asks for one, sent under the parameter that challenge names
/// (`SMS_MFA_CODE` for `SMS_MFA`, `SMS_OTP_CODE` for `SMS_OTP`, ...).
#[derive(Debug)]
pub struct CodeAnswer {
    challenge: ChallengeName,
    parameter: &'static str,
    username: String,
    code: OneTimeCode,
}

impl CodeAnswer {
    /// The answer to `challenge`, if it is one that takes a code.
    pub fn new(challenge: ChallengeName, username: String, code: OneTimeCode) -> Option<Self> {
        let parameter = challenge.code_parameter()?;
        Some(Self {
            challenge,
            parameter,
            username,
            code,
        })
    }
}

impl Serialize for CodeAnswer {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(2))?;
        map.serialize_entry("USERNAME", &self.username)?;
        map.serialize_entry(self.parameter, self.code.expose_secret())?;
        map.end()
    }
}

fn method_name<S: serde::Serializer>(method: &MfaMethod, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(method.as_str())
}

impl ChallengeResponses {
    pub fn challenge_name(&self) -> ChallengeName {
        match self {
            Self::PasswordVerifier { .. } => ChallengeName::PasswordVerifier,
            Self::DeviceSrpAuth { .. } => ChallengeName::DeviceSrpAuth,
            Self::DevicePasswordVerifier { .. } => ChallengeName::DevicePasswordVerifier,
            Self::NewPassword { .. } => ChallengeName::NewPasswordRequired,
            Self::Code(answer) => answer.challenge.clone(),
            Self::SelectChallenge { .. } => ChallengeName::SelectChallenge,
            Self::WebAuthn { .. } => ChallengeName::WebAuthn,
            Self::SelectMfaType { .. } => ChallengeName::SelectMfaType,
            Self::MfaSetup { .. } => ChallengeName::MfaSetup,
        }
    }
}

impl RespondToAuthChallenge {
    pub fn new(
        client_id: String,
        challenge_responses: ChallengeResponses,
        session: Option<ChallengeSession>,
    ) -> Self {
        Self {
            challenge_name: challenge_responses.challenge_name(),
            client_id,
            challenge_responses,
            session,
        }
    }
}

impl Operation for RespondToAuthChallenge {
    const NAME: &'static str = "RespondToAuthChallenge";
    type Response = InitiateAuthResponse;
}

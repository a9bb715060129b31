//! Answering a challenge: `RespondToAuthChallenge` and the answers this page gives.

use super::{ChallengeName, InitiateAuthResponse, Operation};
use crate::mfa::MfaMethod;
use crate::secret::{ChallengeSession, Password};
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
    },
    /// `NEW_PASSWORD_REQUIRED`, for users an administrator created with a temporary password.
    NewPassword {
        #[serde(rename = "USERNAME")]
        username: String,
        #[serde(rename = "NEW_PASSWORD")]
        new_password: Password,
    },
    /// A second factor's code (`SOFTWARE_TOKEN_MFA`, `EMAIL_OTP`, `SMS_MFA`).
    MfaCode(MfaCode),
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

/// A code for `method`'s challenge, sent under the parameter that method names.
#[derive(Debug)]
pub struct MfaCode {
    pub method: MfaMethod,
    pub username: String,
    pub code: String,
}

impl Serialize for MfaCode {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(2))?;
        map.serialize_entry("USERNAME", &self.username)?;
        map.serialize_entry(self.method.code_parameter(), &self.code)?;
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
            Self::NewPassword { .. } => ChallengeName::NewPasswordRequired,
            Self::MfaCode(answer) => answer.method.challenge(),
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

//! Cognito's names for the steps it can ask for before it hands out tokens.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Defines [`ChallengeName`] and the wire name of each variant from one list.
macro_rules! challenge_names {
    ($($(#[$doc:meta])* $name:ident = $wire:literal,)*) => {
        /// A challenge, as botocore's `ChallengeNameType` lists them. A name Cognito adds later
        /// is kept as it came, so the page can still say which step it does not answer.
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum ChallengeName {
            $($(#[$doc])* $name,)*
            /// A name this page does not know.
            Other(String),
        }

        impl ChallengeName {
            /// Cognito's name for the challenge, e.g. `NEW_PASSWORD_REQUIRED`.
            pub fn as_str(&self) -> &str {
                match self {
                    $(Self::$name => $wire,)*
                    Self::Other(name) => name,
                }
            }

            /// The challenge Cognito calls `name` (case as Cognito writes it).
            pub fn from_name(name: &str) -> Self {
                match name {
                    $($wire => Self::$name,)*
                    other => Self::Other(other.to_owned()),
                }
            }
        }
    };
}

challenge_names! {
    SmsMfa = "SMS_MFA",
    EmailOtp = "EMAIL_OTP",
    SoftwareTokenMfa = "SOFTWARE_TOKEN_MFA",
    SelectMfaType = "SELECT_MFA_TYPE",
    MfaSetup = "MFA_SETUP",
    /// The second step of `USER_SRP_AUTH`: prove the password.
    PasswordVerifier = "PASSWORD_VERIFIER",
    CustomChallenge = "CUSTOM_CHALLENGE",
    SelectChallenge = "SELECT_CHALLENGE",
    DeviceSrpAuth = "DEVICE_SRP_AUTH",
    DevicePasswordVerifier = "DEVICE_PASSWORD_VERIFIER",
    AdminNoSrpAuth = "ADMIN_NO_SRP_AUTH",
    /// A user an administrator created must choose their own password.
    NewPasswordRequired = "NEW_PASSWORD_REQUIRED",
    SmsOtp = "SMS_OTP",
    Password = "PASSWORD",
    WebAuthn = "WEB_AUTHN",
    PasswordSrp = "PASSWORD_SRP",
}

impl ChallengeName {
    /// The `ChallengeResponses` key that carries the code, for challenges answered with one.
    pub fn code_parameter(&self) -> Option<&'static str> {
        Some(match self {
            Self::SoftwareTokenMfa => "SOFTWARE_TOKEN_MFA_CODE",
            Self::EmailOtp => "EMAIL_OTP_CODE",
            Self::SmsMfa => "SMS_MFA_CODE",
            Self::SmsOtp => "SMS_OTP_CODE",
            _ => return None,
        })
    }
}

impl fmt::Display for ChallengeName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for ChallengeName {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for ChallengeName {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(|name| Self::from_name(&name))
    }
}

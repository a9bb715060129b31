//! `USER_AUTH`'s first factors: what a user may sign in with, and how the choice is sent in
//! answer to `SELECT_CHALLENGE`.

use crate::secret::Password;
use serde::ser::{Serialize, SerializeMap, Serializer};

/// A way to prove who you are at the start of a sign-in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FirstFactor {
    /// A passkey (`WEB_AUTHN`).
    Passkey,
    /// A code sent by email (`EMAIL_OTP`).
    EmailCode,
    /// A code sent by text message (`SMS_OTP`).
    SmsCode,
    /// The password (`PASSWORD_SRP`, or `PASSWORD` where SRP is not on offer).
    Password,
}

impl FirstFactor {
    pub const ALL: [FirstFactor; 4] = [
        Self::Passkey,
        Self::EmailCode,
        Self::SmsCode,
        Self::Password,
    ];

    /// The factor of one of Cognito's names (`AvailableChallenges`, `AllowedFirstAuthFactors`).
    pub fn from_name(name: &str) -> Option<Self> {
        Some(match name {
            "WEB_AUTHN" => Self::Passkey,
            "EMAIL_OTP" => Self::EmailCode,
            "SMS_OTP" => Self::SmsCode,
            "PASSWORD" | "PASSWORD_SRP" => Self::Password,
            _ => return None,
        })
    }

    /// The name remembered for this device and sent as `PREFERRED_CHALLENGE`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Passkey => "WEB_AUTHN",
            Self::EmailCode => "EMAIL_OTP",
            Self::SmsCode => "SMS_OTP",
            Self::Password => "PASSWORD_SRP",
        }
    }
}

/// The factors among Cognito's `names`, each once, in the order given; unknown names skipped.
pub fn first_factors<S: AsRef<str>>(names: &[S]) -> Vec<FirstFactor> {
    let mut factors = Vec::new();
    for factor in names
        .iter()
        .filter_map(|n| FirstFactor::from_name(n.as_ref()))
    {
        if !factors.contains(&factor) {
            factors.push(factor);
        }
    }
    factors
}

/// The choice of first factor in `SELECT_CHALLENGE`'s answer (`ANSWER`, plus what the factor
/// needs up front).
#[derive(Debug)]
pub enum FirstFactorAnswer {
    Passkey,
    EmailCode,
    SmsCode,
    /// The password proven by SRP: only the public value `A` (hex) is sent.
    PasswordSrp {
        srp_a: String,
    },
    /// The password itself, where the pool offers no SRP.
    Password(Password),
}

impl Serialize for FirstFactorAnswer {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        match self {
            Self::Passkey => map.serialize_entry("ANSWER", "WEB_AUTHN")?,
            Self::EmailCode => map.serialize_entry("ANSWER", "EMAIL_OTP")?,
            Self::SmsCode => map.serialize_entry("ANSWER", "SMS_OTP")?,
            Self::PasswordSrp { srp_a } => {
                map.serialize_entry("ANSWER", "PASSWORD_SRP")?;
                map.serialize_entry("SRP_A", srp_a)?;
            }
            Self::Password(password) => {
                map.serialize_entry("ANSWER", "PASSWORD")?;
                map.serialize_entry("PASSWORD", password)?;
            }
        }
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn available_challenges_become_factors_once_each() {
        let names = [
            "PASSWORD",
            "PASSWORD_SRP",
            "WEB_AUTHN",
            "EMAIL_OTP",
            "SOMETHING",
            "SMS_OTP",
        ];
        assert_eq!(
            first_factors(&names),
            [
                FirstFactor::Password,
                FirstFactor::Passkey,
                FirstFactor::EmailCode,
                FirstFactor::SmsCode
            ]
        );
        assert!(first_factors::<&str>(&[]).is_empty());
        for factor in FirstFactor::ALL {
            assert_eq!(FirstFactor::from_name(factor.as_str()), Some(factor));
        }
    }

    #[test]
    fn answers_carry_what_each_factor_needs() {
        let value = |answer| serde_json::to_value(answer).unwrap();
        assert_eq!(
            value(FirstFactorAnswer::Passkey),
            json!({"ANSWER": "WEB_AUTHN"})
        );
        assert_eq!(
            value(FirstFactorAnswer::EmailCode),
            json!({"ANSWER": "EMAIL_OTP"})
        );
        assert_eq!(
            value(FirstFactorAnswer::SmsCode),
            json!({"ANSWER": "SMS_OTP"})
        );
        assert_eq!(
            value(FirstFactorAnswer::PasswordSrp {
                srp_a: "ab12".into()
            }),
            json!({"ANSWER": "PASSWORD_SRP", "SRP_A": "ab12"})
        );
        assert_eq!(
            value(FirstFactorAnswer::Password(Password::new("pw"))),
            json!({"ANSWER": "PASSWORD", "PASSWORD": "pw"})
        );
    }
}

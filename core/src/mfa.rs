//! Multi-factor sign-in: the second factors a pool can ask for, and what each challenge asks of
//! the person at the page ([`SignInStep`]), read from Cognito's challenge parameters.

use crate::api::{ChallengeName, ChallengeSessionInfo};
use crate::sign_in_factor::{first_factors, FirstFactor};
use crate::validation::{normalize_one_time_code, FieldError};

/// A second factor, by Cognito's name for it (the same names appear in challenges, in
/// `MFAS_CAN_CHOOSE`/`MFAS_CAN_SETUP` and in `GetUser`'s `UserMFASettingList`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum MfaMethod {
    /// A code from an authenticator app (TOTP, RFC 6238).
    Totp,
    /// A code sent by email.
    Email,
    /// A code sent by text message.
    Sms,
}

impl MfaMethod {
    pub const ALL: [MfaMethod; 3] = [Self::Totp, Self::Email, Self::Sms];

    /// Cognito's name, e.g. `SOFTWARE_TOKEN_MFA`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Totp => "SOFTWARE_TOKEN_MFA",
            Self::Email => "EMAIL_OTP",
            Self::Sms => "SMS_MFA",
        }
    }

    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|method| method.as_str() == name)
    }

    /// The challenge that asks for this method's code.
    pub fn challenge(self) -> ChallengeName {
        match self {
            Self::Totp => ChallengeName::SoftwareTokenMfa,
            Self::Email => ChallengeName::EmailOtp,
            Self::Sms => ChallengeName::SmsMfa,
        }
    }

    /// How many digits its codes have: an app's have 6; Cognito's sent codes have had 6 or 8.
    pub fn code_lengths(self) -> &'static [usize] {
        match self {
            Self::Email | Self::Sms => &[6, 8],
            Self::Totp => &[6],
        }
    }

    /// This method's code as typed (already NFKC, see [`normalize_one_time_code`]), ready to
    /// send; the error names where the code comes from.
    pub fn check_code(self, nfkc: &str) -> Result<String, FieldError> {
        normalize_one_time_code(nfkc, self.code_lengths()).map_err(|error| match (self, error) {
            (Self::Totp, FieldError::CodeMissing) => FieldError::AppCodeMissing,
            (Self::Totp, FieldError::CodeMalformed) => FieldError::AppCodeMalformed,
            (_, error) => error,
        })
    }
}

/// What a challenge asks of the person at the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignInStep {
    /// An administrator created the account: choose a password (`NEW_PASSWORD_REQUIRED`).
    NewPassword,
    /// Type the code of `method`; `destination` is where Cognito sent it (`a***@e***`),
    /// if it said.
    Code {
        method: MfaMethod,
        destination: Option<String>,
    },
    /// Choose which of these second factors to use this time (`SELECT_MFA_TYPE`).
    Choose(Vec<MfaMethod>),
    /// The pool requires a second factor and the account has none: set one up, choosing among
    /// these (`MFA_SETUP`).
    SetUp(Vec<MfaMethod>),
    /// `USER_AUTH`: choose how to sign in (`SELECT_CHALLENGE`).
    ChooseFirstFactor(Vec<FirstFactor>),
    /// Use a passkey: the `CREDENTIAL_REQUEST_OPTIONS` JSON to hand to the browser (`WEB_AUTHN`).
    Passkey { request_options: String },
    /// A challenge this page does not answer, by Cognito's name.
    Unsupported(String),
}

impl SignInStep {
    /// Reads a challenge. Lists Cognito sends that hold nothing this page can do are
    /// unsupported rather than an empty choice.
    pub fn of(challenge: &ChallengeSessionInfo) -> Self {
        let unsupported = || Self::Unsupported(challenge.name.to_string());
        let list = |key: &str| {
            challenge
                .parameters
                .get(key)
                .map(|json| method_list(json))
                .unwrap_or_default()
        };
        match &challenge.name {
            ChallengeName::NewPasswordRequired => Self::NewPassword,
            ChallengeName::SelectMfaType => match list("MFAS_CAN_CHOOSE") {
                methods if methods.is_empty() => unsupported(),
                // One to "choose" from is no choice: a well-behaved pool doesn't send it, but
                // answering it is harmless.
                methods => Self::Choose(methods),
            },
            ChallengeName::SelectChallenge => match first_factors(&challenge.available) {
                factors if factors.is_empty() => unsupported(),
                factors => Self::ChooseFirstFactor(factors),
            },
            ChallengeName::WebAuthn => match challenge.parameters.get("CREDENTIAL_REQUEST_OPTIONS")
            {
                Some(options) => Self::Passkey {
                    request_options: options.clone(),
                },
                None => unsupported(),
            },
            ChallengeName::MfaSetup => {
                // SMS is set up by verifying a phone number, which a sign-in can't do.
                let methods: Vec<_> = list("MFAS_CAN_SETUP")
                    .into_iter()
                    .filter(|method| *method != MfaMethod::Sms)
                    .collect();
                if methods.is_empty() {
                    unsupported()
                } else {
                    Self::SetUp(methods)
                }
            }
            name => match code_method(name) {
                Some(method) => Self::Code {
                    method,
                    destination: challenge
                        .parameters
                        .get("CODE_DELIVERY_DESTINATION")
                        .filter(|d| !d.trim().is_empty())
                        .cloned(),
                },
                None => unsupported(),
            },
        }
    }
}

/// The factor whose code a challenge asks for: a second factor's, or `USER_AUTH`'s emailed
/// (`EMAIL_OTP`, the same name) or texted (`SMS_OTP`) first-factor code.
fn code_method(name: &ChallengeName) -> Option<MfaMethod> {
    match name {
        ChallengeName::SoftwareTokenMfa => Some(MfaMethod::Totp),
        ChallengeName::EmailOtp => Some(MfaMethod::Email),
        ChallengeName::SmsMfa | ChallengeName::SmsOtp => Some(MfaMethod::Sms),
        _ => None,
    }
}

/// `MFAS_CAN_CHOOSE`/`MFAS_CAN_SETUP`: a JSON list encoded in a string
/// (`"[\"SOFTWARE_TOKEN_MFA\",\"EMAIL_OTP\"]"`). Names this page doesn't know are skipped, each
/// method is kept once, in the order Cognito gave; anything unreadable is an empty list.
pub fn method_list(json: &str) -> Vec<MfaMethod> {
    let names: Vec<String> = serde_json::from_str(json).unwrap_or_default();
    let mut methods = Vec::new();
    for method in names.iter().filter_map(|name| MfaMethod::from_name(name)) {
        if !methods.contains(&method) {
            methods.push(method);
        }
    }
    methods
}

#[cfg(test)]
mod tests;

//! Why `navigator.credentials.get` or `create` failed, read from the rejection's name.

use super::OptionsError;
use crate::problem::{PasskeyProblem, Problem};

/// Which passkey request: signing in with one (`get`) or adding one (`create`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ceremony {
    SignIn,
    Registration,
}

/// A passkey request that gave no passkey answer. `Display` is for developers; users see
/// [`PasskeyError::problem`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PasskeyError {
    /// `NotAllowedError`: the user cancelled, or the request timed out (WebAuthn reports both
    /// the same way, on purpose).
    #[error("the passkey request was cancelled or timed out")]
    Cancelled(Ceremony),
    /// No WebAuthn here (`NotSupportedError`, no API, an insecure page), or an authenticator
    /// that can't meet the options (`ConstraintError`).
    #[error("passkeys are not available here")]
    NotSupported,
    /// `SecurityError`: the relying party ID isn't this page's domain or a parent of it.
    #[error("the relying party ID does not fit this page's address")]
    WrongSite,
    /// `InvalidStateError` when adding: the authenticator already holds one of the user's
    /// passkeys.
    #[error("the authenticator already holds one of the user's passkeys")]
    AlreadyRegistered,
    /// `AbortError`: the request was aborted.
    #[error("the passkey request was aborted")]
    Aborted,
    /// Cognito's options can't be used.
    #[error(transparent)]
    Malformed(#[from] OptionsError),
    /// Any other rejection, by its name.
    #[error("the passkey request failed: {0}")]
    Other(String),
}

impl PasskeyError {
    /// What a rejected `get` (`SignIn`) or `create` (`Registration`) stands for, from the
    /// rejection's `name` (a DOMException's or a TypeError's) and `message`.
    pub fn from_rejection(ceremony: Ceremony, name: &str, message: &str) -> Self {
        match name {
            "NotAllowedError" => Self::Cancelled(ceremony),
            "NotSupportedError" | "ConstraintError" => Self::NotSupported,
            "SecurityError" => Self::WrongSite,
            "InvalidStateError" if ceremony == Ceremony::Registration => Self::AlreadyRegistered,
            "AbortError" => Self::Aborted,
            // The options failed the browser's own reading of them (a bad enum value, ...).
            "TypeError" => OptionsError::RefusedByBrowser(message.to_owned()).into(),
            "" => Self::Other("UnknownError".into()),
            other => Self::Other(other.to_owned()),
        }
    }

    /// Which message the user should see.
    pub fn problem(&self) -> Problem {
        Problem::Passkey(match self {
            Self::Cancelled(Ceremony::SignIn) => PasskeyProblem::SignInCancelled,
            Self::Cancelled(Ceremony::Registration) => PasskeyProblem::RegistrationCancelled,
            Self::NotSupported => PasskeyProblem::Unsupported,
            Self::WrongSite => PasskeyProblem::WrongSite,
            Self::AlreadyRegistered => PasskeyProblem::AlreadyRegistered,
            Self::Aborted => PasskeyProblem::Interrupted,
            Self::Malformed(_) => PasskeyProblem::BadOptions,
            Self::Other(name) => PasskeyProblem::Failed(name.clone()),
        })
    }
}

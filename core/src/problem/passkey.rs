//! What can go wrong with a passkey: Cognito's refusals and the browser's.

/// A passkey [`Problem`](super::Problem), worded by [`crate::i18n`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PasskeyProblem {
    /// The user closed the browser's passkey dialog, or let it time out, while signing in;
    /// WebAuthn doesn't tell the two apart (nor from "no passkey for this account here").
    SignInCancelled,
    /// The same while adding a passkey.
    RegistrationCancelled,
    /// No WebAuthn in this browser, an insecure page, or an authenticator that can't do what
    /// the pool asks (user verification, a discoverable passkey).
    Unsupported,
    /// The pool's relying party ID doesn't fit the page's address (the browser's
    /// `SecurityError`, Cognito's origin and relying-party mismatches).
    WrongSite,
    /// The authenticator already holds one of the user's passkeys (`excludeCredentials`).
    AlreadyRegistered,
    /// The request was aborted before the user answered.
    Interrupted,
    /// Cognito's passkey options can't be read or were refused by the browser.
    BadOptions,
    /// A browser failure this page doesn't know, by its name (e.g. `UnknownError`).
    Failed(String),
    /// The pool doesn't offer passkeys.
    NotEnabled,
    /// The pool has no relying party ID or domain for passkeys.
    ConfigurationMissing,
    /// The registration's challenge expired before it was completed.
    RegistrationExpired,
    /// The registration was started with another app client's token.
    ClientMismatch,
    /// Cognito doesn't accept passkeys of this authenticator or provider.
    CredentialNotSupported,
}

impl PasskeyProblem {
    /// Every problem, with sample data, for checks that each catalogue words them all.
    #[cfg(test)]
    pub(crate) fn samples() -> Vec<Self> {
        vec![
            Self::SignInCancelled,
            Self::RegistrationCancelled,
            Self::Unsupported,
            Self::WrongSite,
            Self::AlreadyRegistered,
            Self::Interrupted,
            Self::BadOptions,
            Self::Failed("UnknownError".into()),
            Self::NotEnabled,
            Self::ConfigurationMissing,
            Self::RegistrationExpired,
            Self::ClientMismatch,
            Self::CredentialNotSupported,
        ]
    }
}

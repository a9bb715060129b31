//! The words of choice-based sign-in: choosing a first factor, passkeys, and signing up
//! without a password.

mod en;
mod ja;

use super::Lang;
use std::borrow::Cow;

/// How a passkey is kept, as Cognito reports its `AuthenticatorAttachment`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PasskeyKind {
    /// Built into a device (`platform`): its screen lock unlocks it.
    Device,
    /// A security key or a phone used from elsewhere (`cross-platform`).
    Roaming,
    /// Cognito didn't say.
    Unknown,
}

impl PasskeyKind {
    pub fn from_attachment(attachment: Option<&str>) -> Self {
        match attachment {
            Some("platform") => Self::Device,
            Some("cross-platform") => Self::Roaming,
            _ => Self::Unknown,
        }
    }
}

/// Something the choice-based sign-in screens say.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PasswordlessText {
    Continue,
    ChooseTitle,
    /// Whom the sign-in is for.
    SigningInAs(String),
    UsePasskey,
    EmailMeCode,
    TextMeCode,
    UsePassword,
    PasskeyTitle,
    PasskeyWaiting,
    TryAgain,
    ChooseAnotherWay,
    PasskeysHeading,
    PasskeysIntro,
    AddPasskey,
    NoPasskeys,
    /// A passkey's name, where it has none of its own.
    UnnamedPasskey,
    Kind(PasskeyKind),
    /// When a passkey was added (a local date).
    Added(String),
    /// The delete button of the passkey with this name.
    DeletePasskey(String),
    /// The question before deleting the passkey with this name.
    ConfirmDelete(String),
    Delete,
    PasskeyAdded,
    PasskeyDeleted,
    OfferTitle,
    OfferBody,
    NotNow,
    SignUpWithoutPassword,
    PasswordlessSignUpNote,
}

render_by_lang!(PasswordlessText);

impl PasswordlessText {
    /// Every text, with sample data, for checks that each catalogue words them all.
    #[cfg(test)]
    pub(super) fn samples() -> Vec<Self> {
        vec![
            Self::Continue,
            Self::ChooseTitle,
            Self::SigningInAs("ann@example.com".into()),
            Self::UsePasskey,
            Self::EmailMeCode,
            Self::TextMeCode,
            Self::UsePassword,
            Self::PasskeyTitle,
            Self::PasskeyWaiting,
            Self::TryAgain,
            Self::ChooseAnotherWay,
            Self::PasskeysHeading,
            Self::PasskeysIntro,
            Self::AddPasskey,
            Self::NoPasskeys,
            Self::UnnamedPasskey,
            Self::Kind(PasskeyKind::Device),
            Self::Kind(PasskeyKind::Roaming),
            Self::Kind(PasskeyKind::Unknown),
            Self::Added("2026/12/02".into()),
            Self::DeletePasskey("Pixel".into()),
            Self::ConfirmDelete("Pixel".into()),
            Self::Delete,
            Self::PasskeyAdded,
            Self::PasskeyDeleted,
            Self::OfferTitle,
            Self::OfferBody,
            Self::NotNow,
            Self::SignUpWithoutPassword,
            Self::PasswordlessSignUpNote,
        ]
    }
}

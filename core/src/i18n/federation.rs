//! The words of sign-in through the pool domain: the provider buttons, company sign-in, and
//! what went wrong on the way back.

mod en;
mod ja;

use super::Lang;
use crate::config::ProviderKind;
use crate::oauth::FederationProblem;
use std::borrow::Cow;

/// Something the federated sign-in says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FederationText {
    /// A provider's button, worded as its brand guidelines ask; custom ones by their label.
    ContinueWith(ProviderKind, String),
    /// Between the password form and the provider buttons.
    Or,
    WorkAccount,
    WorkEmail,
    WorkEmailHelp,
    Continue,
    /// The address typed for company sign-in has no domain to route by.
    WorkEmailInvalid,
    /// The callback page while the code is exchanged.
    Finishing,
    /// Why the round trip did not end signed in.
    Problem(FederationProblem),
}

impl FederationText {
    pub fn render(&self, lang: Lang) -> Cow<'static, str> {
        match lang {
            Lang::En => en::render(self),
            Lang::Ja => ja::render(self),
        }
    }

    /// Every text, with sample data, for checks that each catalogue words them all.
    #[cfg(test)]
    pub(super) fn samples() -> Vec<Self> {
        let mut all = vec![
            Self::ContinueWith(ProviderKind::Apple, "SignInWithApple".into()),
            Self::ContinueWith(ProviderKind::Google, "Google".into()),
            Self::ContinueWith(ProviderKind::Facebook, "Facebook".into()),
            Self::ContinueWith(ProviderKind::Amazon, "LoginWithAmazon".into()),
            Self::ContinueWith(ProviderKind::Custom, "Acme".into()),
            Self::Or,
            Self::WorkAccount,
            Self::WorkEmail,
            Self::WorkEmailHelp,
            Self::Continue,
            Self::WorkEmailInvalid,
            Self::Finishing,
        ];
        all.extend(
            [
                FederationProblem::Cancelled,
                FederationProblem::ProviderError("server_error".into()),
                FederationProblem::CodeRejected,
                FederationProblem::StateMismatch,
                FederationProblem::MissingVerifier,
                FederationProblem::NonceMismatch,
                FederationProblem::Misconfigured("invalid_client".into()),
                FederationProblem::Network,
                FederationProblem::UnexpectedReply(502),
                FederationProblem::NoRandomness,
            ]
            .map(Self::Problem),
        );
        all
    }
}

impl From<FederationText> for super::Text {
    fn from(text: FederationText) -> Self {
        Self::Federation(text)
    }
}

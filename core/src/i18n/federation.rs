//! The words of sign-in through the pool domain: the provider buttons, company sign-in, and
//! what went wrong on the way back. Not a [`Text`](super::Text): only the parts of the page that
//! are fetched for sites with `oauth` say them, so the rest never carries them.

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
    WorkEmailHelp,
    Continue,
    /// The callback page while the code is exchanged.
    Finishing,
    /// Why the round trip did not end signed in.
    Problem(FederationProblem),
}

render_by_lang!(FederationText);

impl FederationText {
    /// Every text, with sample data, for checks that each catalogue words them all.
    #[cfg(test)]
    fn samples() -> Vec<Self> {
        let mut all = vec![
            Self::ContinueWith(ProviderKind::Apple, "SignInWithApple".into()),
            Self::ContinueWith(ProviderKind::Google, "Google".into()),
            Self::ContinueWith(ProviderKind::Facebook, "Facebook".into()),
            Self::ContinueWith(ProviderKind::Amazon, "LoginWithAmazon".into()),
            Self::ContinueWith(ProviderKind::Custom, "Acme".into()),
            Self::Or,
            Self::WorkAccount,
            Self::WorkEmailHelp,
            Self::Continue,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_is_worded_in_both_languages() {
        let japanese = |c: char| matches!(c, '\u{3040}'..='\u{30ff}' | '\u{4e00}'..='\u{9fff}');
        for text in FederationText::samples() {
            let (en, ja) = (text.render(Lang::En), text.render(Lang::Ja));
            assert!(
                !en.trim().is_empty() && !en.chars().any(japanese),
                "{text:?}: {en}"
            );
            assert!(ja.chars().any(japanese), "{text:?} is not Japanese: {ja}");
        }
        assert_eq!(
            FederationText::ContinueWith(ProviderKind::Custom, "Acme".into()).render(Lang::En),
            "Continue with Acme"
        );
    }
}

//! English words of federated sign-in.

use super::FederationText;
use crate::config::ProviderKind;
use crate::oauth::FederationProblem;
use std::borrow::Cow;

pub(super) fn render(text: &FederationText) -> Cow<'static, str> {
    Cow::Borrowed(match text {
        FederationText::ContinueWith(kind, label) => match kind {
            ProviderKind::Apple => "Continue with Apple",
            ProviderKind::Google => "Continue with Google",
            ProviderKind::Facebook => "Continue with Facebook",
            ProviderKind::Amazon => "Login with Amazon",
            ProviderKind::Custom => return Cow::Owned(format!("Continue with {label}")),
        },
        FederationText::Or => "or",
        FederationText::WorkAccount => "Sign in with your work account",
        FederationText::WorkEmailHelp => "We'll send you to your company's sign-in page.",
        FederationText::Continue => "Continue",
        FederationText::Finishing => "Finishing sign-in…",
        FederationText::Problem(problem) => match problem {
            FederationProblem::Cancelled => "Sign-in was cancelled. You can try again or use another way.",
            FederationProblem::ProviderError(code) => {
                return Cow::Owned(format!(
                    "The sign-in provider reported an error ({code}). Please try again."
                ))
            }
            FederationProblem::CodeRejected => {
                "The sign-in could not be finished: its code was already used, has expired, or does not belong to this browser. Please sign in again."
            }
            FederationProblem::StateMismatch => {
                "This sign-in didn't start on this page, so it was stopped for your safety. Please sign in again."
            }
            FederationProblem::MissingVerifier => {
                "This sign-in was started in another tab or window, or this browser's storage was cleared. Please sign in again here."
            }
            FederationProblem::NonceMismatch => {
                "The sign-in response didn't match this request, so it was refused. Please sign in again."
            }
            FederationProblem::Misconfigured(code) => {
                return Cow::Owned(format!(
                    "Sign-in with this provider isn't set up correctly ({code}). Please contact the site's administrator."
                ))
            }
            FederationProblem::Network => {
                "The sign-in couldn't be finished: no connection. Check your connection and sign in again."
            }
            FederationProblem::UnexpectedReply(status) => {
                return Cow::Owned(format!(
                    "The sign-in service gave an unexpected answer (HTTP {status}). Please try again."
                ))
            }
            FederationProblem::NoRandomness => {
                "This browser can't make the secure random numbers sign-in needs."
            }
        },
    })
}

//! English words of passkeys.

use crate::problem::PasskeyProblem;
use std::borrow::Cow;

pub(super) fn problem(problem: &PasskeyProblem) -> Cow<'static, str> {
    Cow::Borrowed(match problem {
        PasskeyProblem::SignInCancelled => {
            "Passkey sign-in was cancelled or timed out. Try again or choose another way to sign in."
        }
        PasskeyProblem::RegistrationCancelled => {
            "Adding the passkey was cancelled or timed out. Try again when you're ready."
        }
        PasskeyProblem::Unsupported => {
            "This browser can't use passkeys on this page. Try another browser or device."
        }
        PasskeyProblem::WrongSite => {
            "Passkeys for this site can't be used from this page's address. Contact the site's administrator."
        }
        PasskeyProblem::AlreadyRegistered => "This device already has a passkey for your account.",
        PasskeyProblem::Interrupted => "The passkey request was interrupted. Try again.",
        PasskeyProblem::BadOptions => {
            "The sign-in service sent a passkey request this page can't read. Try again later."
        }
        PasskeyProblem::Failed(name) => {
            return Cow::Owned(format!("The passkey request failed ({name}). Try again."))
        }
        PasskeyProblem::NotEnabled => "Passkeys aren't turned on for this site.",
        PasskeyProblem::ConfigurationMissing => {
            "Passkeys aren't fully set up for this site yet. Contact the site's administrator."
        }
        PasskeyProblem::RegistrationExpired => "Adding the passkey took too long. Try again.",
        PasskeyProblem::ClientMismatch => {
            "Adding the passkey was started in a different app. Start again from here."
        }
        PasskeyProblem::CredentialNotSupported => {
            "This kind of passkey isn't accepted here. Try another device or passkey provider."
        }
    })
}

//! English words of the choice-based sign-in screens.

use super::{PasskeyKind, PasswordlessText};
use std::borrow::Cow;

pub(super) fn render(text: &PasswordlessText) -> Cow<'static, str> {
    Cow::Borrowed(match text {
        PasswordlessText::Continue => "Continue",
        PasswordlessText::ChooseTitle => "How do you want to sign in?",
        PasswordlessText::SigningInAs(who) => return Cow::Owned(format!("Signing in as {who}")),
        PasswordlessText::UsePasskey => "Sign in with a passkey",
        PasswordlessText::EmailMeCode => "Email me a code",
        PasswordlessText::TextMeCode => "Text me a code",
        PasswordlessText::UsePassword => "Sign in with password",
        PasswordlessText::PasskeyTitle => "Sign in with your passkey",
        PasswordlessText::PasskeyWaiting => {
            "Follow your browser's prompt to use your passkey."
        }
        PasswordlessText::TryAgain => "Try again",
        PasswordlessText::ChooseAnotherWay => "Choose another way to sign in",
        PasswordlessText::PasskeysHeading => "Passkeys",
        PasswordlessText::PasskeysIntro => {
            "Sign in with your fingerprint, face or screen lock instead of a password."
        }
        PasswordlessText::AddPasskey => "Add a passkey",
        PasswordlessText::NoPasskeys => "You have no passkeys yet.",
        PasswordlessText::UnnamedPasskey => "Passkey",
        PasswordlessText::Kind(PasskeyKind::Device) => "Built into a device",
        PasswordlessText::Kind(PasskeyKind::Roaming) => "Security key or phone",
        PasswordlessText::Kind(PasskeyKind::Unknown) => "Passkey",
        PasswordlessText::Added(date) => return Cow::Owned(format!("Added {date}")),
        PasswordlessText::DeletePasskey(name) => return Cow::Owned(format!("Delete {name}")),
        PasswordlessText::ConfirmDelete(name) => {
            return Cow::Owned(format!(
                "Delete the passkey {name}? You won't be able to sign in with it any more."
            ))
        }
        PasswordlessText::Delete => "Delete",
        PasswordlessText::PasskeyAdded => "Passkey added.",
        PasswordlessText::PasskeyDeleted => "Passkey deleted.",
        PasswordlessText::OfferTitle => "Sign in faster next time",
        PasswordlessText::OfferBody => {
            "Add a passkey to sign in with your fingerprint, face or screen lock, with no password to type."
        }
        PasswordlessText::NotNow => "Not now",
        PasswordlessText::SignUpWithoutPassword => "Create account without a password",
        PasswordlessText::PasswordlessSignUpNote => {
            "No password needed: you'll sign in with a code we email you, or a passkey you add later."
        }
    })
}

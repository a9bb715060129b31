//! English words of the second-factor screens.

use super::MfaText;
use crate::mfa::MfaMethod;
use crate::validation::CODE_DIGITS;
use std::borrow::Cow;

pub(super) fn render(text: &MfaText) -> Cow<'static, str> {
    Cow::Borrowed(match text {
        MfaText::MethodName(method) => name(*method),
        MfaText::MethodHint(MfaMethod::Totp) => {
            "Use a code from an app such as Google Authenticator, Microsoft Authenticator or 1Password."
        }
        MfaText::MethodHint(MfaMethod::Email) => "Get a code by email.",
        MfaText::MethodHint(MfaMethod::Sms) => "Get a code by text message.",
        MfaText::CodeTitle(MfaMethod::Totp) => "Enter your authenticator code",
        MfaText::CodeTitle(MfaMethod::Email) => "Check your email",
        MfaText::CodeTitle(MfaMethod::Sms) => "Check your phone",
        MfaText::CodeIntro { method, to } => return code_intro(*method, to.as_deref()),
        MfaText::CodeLabel(MfaMethod::Totp) => "Authenticator code",
        MfaText::CodeLabel(_) => "Code",
        MfaText::Verify => "Verify",
        MfaText::ChooseTitle => "How do you want to verify it's you?",
        MfaText::ChooseLegend => "Verification method",
        MfaText::SetUpTitle => "Add two-step verification",
        MfaText::SetUpIntro => {
            "This site asks for a second step when you sign in. Choose how you'll get your codes."
        }
        MfaText::Continue => "Continue",
        MfaText::TotpTitle => "Set up your authenticator app",
        MfaText::TotpScan => "Scan this QR code with your authenticator app.",
        MfaText::QrLabel => "QR code that adds this account to an authenticator app",
        MfaText::TotpManual => "Can't scan it? Enter this setup key in the app instead.",
        MfaText::KeyLabel => "Setup key",
        MfaText::CopyKey => "Copy setup key",
        MfaText::KeyCopied => "Setup key copied.",
        MfaText::CopyFailed => "Couldn't copy. Select the key and copy it yourself.",
        MfaText::OpenInApp => "Open in your authenticator app",
        MfaText::TotpEnterCode => {
            return Cow::Owned(format!(
                "Then enter the {CODE_DIGITS}-digit code the app shows, to check it's set up."
            ))
        }
        MfaText::DeviceName => "Name for this authenticator (optional)",
        MfaText::TurnOnTotp => "Verify and turn on",
        MfaText::SecurityTitle => "Sign-in security",
        MfaText::TwoStepHeading => "Two-step verification",
        MfaText::Status(true) => "On",
        MfaText::Status(false) => "Off",
        MfaText::Preferred => "Preferred",
        MfaText::TurnOn(method) => return Cow::Owned(format!("Turn on {}", lower(*method))),
        MfaText::TurnOff(method) => return Cow::Owned(format!("Turn off {}", lower(*method))),
        MfaText::SetUp(method) => return Cow::Owned(format!("Set up {}", lower(*method))),
        MfaText::MakePreferred(method) => {
            return Cow::Owned(format!("Ask for {} first", lower(*method)))
        }
        MfaText::RequiredByPool => {
            "This site requires two-step verification, so it can't be turned off."
        }
        MfaText::NotOffered => "This site doesn't use two-step verification.",
        MfaText::Changed => "Two-step verification updated.",
        MfaText::Cancel => "Cancel",
    })
}

fn name(method: MfaMethod) -> &'static str {
    match method {
        MfaMethod::Totp => "Authenticator app",
        MfaMethod::Email => "Email code",
        MfaMethod::Sms => "Text message code",
    }
}

/// The name inside a sentence ("Turn on email code").
fn lower(method: MfaMethod) -> String {
    name(method).to_lowercase()
}

fn code_intro(method: MfaMethod, to: Option<&str>) -> Cow<'static, str> {
    Cow::Owned(match (method, to) {
        (MfaMethod::Totp, _) => format!(
            "Open your authenticator app and enter the {CODE_DIGITS}-digit code it shows for this account."
        ),
        (_, Some(to)) => format!("We sent a code to {to}. Enter it below."),
        (MfaMethod::Email, None) => "Enter the code from the email we sent you.".to_owned(),
        (MfaMethod::Sms, None) => "Enter the code from the text message we sent you.".to_owned(),
    })
}

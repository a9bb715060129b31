//! The words of second factors: signing in with one, setting one up, and the security page.

mod en;
mod ja;

use super::Lang;
use crate::mfa::MfaMethod;
use std::borrow::Cow;

/// Something the second-factor screens say.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MfaText {
    /// The factor's name, e.g. "Authenticator app".
    MethodName(MfaMethod),
    /// A line on what using the factor means.
    MethodHint(MfaMethod),
    /// The heading of the page that asks for the factor's code.
    CodeTitle(MfaMethod),
    /// Where the code is (the app, or where Cognito sent it).
    CodeIntro {
        method: MfaMethod,
        to: Option<String>,
    },
    CodeLabel(MfaMethod),
    Verify,
    ChooseTitle,
    ChooseLegend,
    SetUpTitle,
    SetUpIntro,
    Continue,
    TotpTitle,
    TotpScan,
    /// The QR code's text alternative.
    QrLabel,
    TotpManual,
    KeyLabel,
    CopyKey,
    KeyCopied,
    CopyFailed,
    OpenInApp,
    TotpEnterCode,
    DeviceName,
    TurnOnTotp,
    SecurityTitle,
    TwoStepHeading,
    /// Whether a factor (or two-step verification as a whole) is on.
    Status(bool),
    Preferred,
    TurnOn(MfaMethod),
    TurnOff(MfaMethod),
    SetUp(MfaMethod),
    MakePreferred(MfaMethod),
    /// The pool requires a second factor, so none can be turned off.
    RequiredByPool,
    /// The pool takes no second factor.
    NotOffered,
    Changed,
    Cancel,
}

render_by_lang!(MfaText);

impl MfaText {
    /// Every text, with sample data, for checks that each catalogue words them all.
    #[cfg(test)]
    pub(super) fn samples() -> Vec<Self> {
        let mut all = vec![
            Self::Verify,
            Self::ChooseTitle,
            Self::ChooseLegend,
            Self::SetUpTitle,
            Self::SetUpIntro,
            Self::Continue,
            Self::TotpTitle,
            Self::TotpScan,
            Self::QrLabel,
            Self::TotpManual,
            Self::KeyLabel,
            Self::CopyKey,
            Self::KeyCopied,
            Self::CopyFailed,
            Self::OpenInApp,
            Self::TotpEnterCode,
            Self::DeviceName,
            Self::TurnOnTotp,
            Self::SecurityTitle,
            Self::TwoStepHeading,
            Self::Status(true),
            Self::Status(false),
            Self::Preferred,
            Self::RequiredByPool,
            Self::NotOffered,
            Self::Changed,
            Self::Cancel,
        ];
        for method in MfaMethod::ALL {
            all.extend([
                Self::MethodName(method),
                Self::MethodHint(method),
                Self::CodeTitle(method),
                Self::CodeIntro { method, to: None },
                Self::CodeIntro {
                    method,
                    to: Some("t***@e***".into()),
                },
                Self::CodeLabel(method),
                Self::TurnOn(method),
                Self::TurnOff(method),
                Self::SetUp(method),
                Self::MakePreferred(method),
            ]);
        }
        all
    }
}

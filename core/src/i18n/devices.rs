//! The words of remembered devices: trusting this browser, and the list of devices.

mod en;
mod ja;

use super::Lang;
use std::borrow::Cow;

/// Something the device screens say.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DeviceText {
    TrustTitle,
    TrustBody,
    Trust,
    DontTrust,
    Trusted,
    DevicesTitle,
    DevicesIntro,
    ThisBrowser,
    /// When the device last signed in (a local date and time).
    LastUsed(String),
    /// Whether the device is remembered.
    Remembered(bool),
    /// The button that forgets the device with this name.
    Forget(String),
    StopRemembering,
    Forgotten,
    Updated,
    NoDevices,
    UnnamedDevice,
}

render_by_lang!(DeviceText);

impl DeviceText {
    /// Every text, with sample data, for checks that each catalogue words them all.
    #[cfg(test)]
    pub(super) fn samples() -> Vec<Self> {
        vec![
            Self::TrustTitle,
            Self::TrustBody,
            Self::Trust,
            Self::DontTrust,
            Self::Trusted,
            Self::DevicesTitle,
            Self::DevicesIntro,
            Self::ThisBrowser,
            Self::LastUsed("02/12/2026, 09:30".into()),
            Self::Remembered(true),
            Self::Remembered(false),
            Self::Forget("Chrome on Linux".into()),
            Self::StopRemembering,
            Self::Forgotten,
            Self::Updated,
            Self::NoDevices,
            Self::UnnamedDevice,
        ]
    }
}

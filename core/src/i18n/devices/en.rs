//! English words of the device screens.

use super::DeviceText;
use std::borrow::Cow;

pub(super) fn render(text: &DeviceText) -> Cow<'static, str> {
    Cow::Borrowed(match text {
        DeviceText::TrustTitle => "Trust this browser?",
        DeviceText::TrustBody => {
            "A trusted browser isn't asked for a verification code when you sign in. Trust only a browser that is yours alone."
        }
        DeviceText::Trust => "Trust this browser",
        DeviceText::DontTrust => "Don't trust",
        DeviceText::Trusted => "This browser is trusted.",
        DeviceText::DevicesTitle => "Your devices",
        DeviceText::DevicesIntro => {
            "Browsers you've signed in on. A remembered one skips the verification code."
        }
        DeviceText::ThisBrowser => "This browser",
        DeviceText::LastUsed(when) => return Cow::Owned(format!("Last used {when}")),
        DeviceText::Remembered(true) => "Remembered",
        DeviceText::Remembered(false) => "Not remembered",
        DeviceText::Forget(name) => return Cow::Owned(format!("Forget {name}")),
        DeviceText::StopRemembering => "Stop remembering this browser",
        DeviceText::Forgotten => "Device forgotten.",
        DeviceText::Updated => "Device updated.",
        DeviceText::NoDevices => "No devices yet.",
        DeviceText::UnnamedDevice => "Unnamed device",
    })
}

//! デバイス画面の日本語。

use super::DeviceText;
use std::borrow::Cow;

pub(super) fn render(text: &DeviceText) -> Cow<'static, str> {
    Cow::Borrowed(match text {
        DeviceText::TrustTitle => "このブラウザを信頼しますか？",
        DeviceText::TrustBody => {
            "信頼したブラウザでは、サインイン時に確認コードを求められません。自分だけが使うブラウザのみ信頼してください。"
        }
        DeviceText::Trust => "このブラウザを信頼する",
        DeviceText::DontTrust => "信頼しない",
        DeviceText::Trusted => "このブラウザを信頼しました。",
        DeviceText::DevicesTitle => "デバイス",
        DeviceText::DevicesIntro => {
            "サインインしたブラウザの一覧です。記憶されたブラウザでは確認コードが不要です。"
        }
        DeviceText::ThisBrowser => "このブラウザ",
        DeviceText::LastUsed(when) => return Cow::Owned(format!("最終利用 {when}")),
        DeviceText::Remembered(true) => "記憶済み",
        DeviceText::Remembered(false) => "記憶していません",
        DeviceText::Forget(name) => return Cow::Owned(format!("{name}を削除")),
        DeviceText::StopRemembering => "このブラウザの記憶をやめる",
        DeviceText::Forgotten => "デバイスを削除しました。",
        DeviceText::Updated => "デバイスを更新しました。",
        DeviceText::NoDevices => "デバイスはまだありません。",
        DeviceText::UnnamedDevice => "名前のないデバイス",
    })
}

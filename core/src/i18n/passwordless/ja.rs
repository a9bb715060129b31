//! 選択式サインインの画面の日本語。

use super::{PasskeyKind, PasswordlessText};
use std::borrow::Cow;

pub(super) fn render(text: &PasswordlessText) -> Cow<'static, str> {
    Cow::Borrowed(match text {
        PasswordlessText::Continue => "次へ",
        PasswordlessText::ChooseTitle => "サインイン方法を選んでください",
        PasswordlessText::SigningInAs(who) => {
            return Cow::Owned(format!("{who} でサインインします"))
        }
        PasswordlessText::UsePasskey => "パスキーでサインイン",
        PasswordlessText::EmailMeCode => "メールでコードを受け取る",
        PasswordlessText::TextMeCode => "SMS でコードを受け取る",
        PasswordlessText::UsePassword => "パスワードでサインイン",
        PasswordlessText::PasskeyTitle => "パスキーでサインイン",
        PasswordlessText::PasskeyWaiting => "ブラウザの案内に従ってパスキーを使用してください。",
        PasswordlessText::TryAgain => "もう一度試す",
        PasswordlessText::ChooseAnotherWay => "別の方法でサインイン",
        PasswordlessText::PasskeysHeading => "パスキー",
        PasswordlessText::PasskeysIntro => {
            "パスワードの代わりに、指紋・顔認証・画面ロックでサインインできます。"
        }
        PasswordlessText::AddPasskey => "パスキーを追加",
        PasswordlessText::NoPasskeys => "パスキーはまだありません。",
        PasswordlessText::UnnamedPasskey => "パスキー",
        PasswordlessText::Kind(PasskeyKind::Device) => "デバイス内蔵",
        PasswordlessText::Kind(PasskeyKind::Roaming) => "セキュリティキーまたはスマートフォン",
        PasswordlessText::Kind(PasskeyKind::Unknown) => "パスキー",
        PasswordlessText::Added(date) => return Cow::Owned(format!("{date} に追加")),
        PasswordlessText::DeletePasskey(name) => return Cow::Owned(format!("{name}を削除")),
        PasswordlessText::ConfirmDelete(name) => {
            return Cow::Owned(format!(
                "パスキー「{name}」を削除しますか？削除すると、このパスキーではサインインできなくなります。"
            ))
        }
        PasswordlessText::Delete => "削除",
        PasswordlessText::PasskeyAdded => "パスキーを追加しました。",
        PasswordlessText::PasskeyDeleted => "パスキーを削除しました。",
        PasswordlessText::OfferTitle => "次回はもっと簡単にサインイン",
        PasswordlessText::OfferBody => {
            "パスキーを追加すると、パスワードを入力せずに指紋・顔認証・画面ロックでサインインできます。"
        }
        PasswordlessText::NotNow => "今はしない",
        PasswordlessText::SignUpWithoutPassword => "パスワードなしでアカウントを作成",
        PasswordlessText::PasswordlessSignUpNote => {
            "パスワードは不要です。メールでお送りするコード、または後で追加するパスキーでサインインします。"
        }
    })
}

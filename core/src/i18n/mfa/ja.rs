//! 2段階認証の画面の日本語。

use super::MfaText;
use crate::mfa::MfaMethod;
use crate::validation::CODE_DIGITS;
use std::borrow::Cow;

pub(super) fn render(text: &MfaText) -> Cow<'static, str> {
    Cow::Borrowed(match text {
        MfaText::MethodName(method) => name(*method),
        MfaText::MethodHint(MfaMethod::Totp) => {
            "Google Authenticator、Microsoft Authenticator、1Password などのアプリに表示されるコードを使います。"
        }
        MfaText::MethodHint(MfaMethod::Email) => "メールでコードを受け取ります。",
        MfaText::MethodHint(MfaMethod::Sms) => "SMS でコードを受け取ります。",
        MfaText::CodeTitle(MfaMethod::Totp) => "認証アプリのコードを入力",
        MfaText::CodeTitle(MfaMethod::Email) => "メールをご確認ください",
        MfaText::CodeTitle(MfaMethod::Sms) => "SMS をご確認ください",
        MfaText::CodeIntro { method, to } => return code_intro(*method, to.as_deref()),
        MfaText::CodeLabel(MfaMethod::Totp) => "認証アプリのコード",
        MfaText::CodeLabel(_) => "確認コード",
        MfaText::Verify => "確認する",
        MfaText::ChooseTitle => "本人確認の方法を選んでください",
        MfaText::ChooseLegend => "確認方法",
        MfaText::SetUpTitle => "2段階認証を設定してください",
        MfaText::SetUpIntro => {
            "このサイトではサインイン時に2段階目の確認が必要です。コードの受け取り方法を選んでください。"
        }
        MfaText::Continue => "次へ",
        MfaText::TotpTitle => "認証アプリの設定",
        MfaText::TotpScan => "認証アプリでこの QR コードを読み取ってください。",
        MfaText::QrLabel => "このアカウントを認証アプリに追加する QR コード",
        MfaText::TotpManual => {
            "読み取れない場合は、代わりにこのセットアップキーをアプリに入力してください。"
        }
        MfaText::KeyLabel => "セットアップキー",
        MfaText::CopyKey => "セットアップキーをコピー",
        MfaText::KeyCopied => "セットアップキーをコピーしました。",
        MfaText::CopyFailed => "コピーできませんでした。キーを選択してコピーしてください。",
        MfaText::OpenInApp => "認証アプリで開く",
        MfaText::TotpEnterCode => {
            return Cow::Owned(format!(
                "最後に、設定を確認するためアプリに表示される{CODE_DIGITS}桁のコードを入力してください。"
            ))
        }
        MfaText::DeviceName => "この認証アプリの名前（任意）",
        MfaText::TurnOnTotp => "確認して有効にする",
        MfaText::SecurityTitle => "サインインのセキュリティ",
        MfaText::TwoStepHeading => "2段階認証",
        MfaText::Status(true) => "オン",
        MfaText::Status(false) => "オフ",
        MfaText::Preferred => "優先",
        MfaText::TurnOn(method) => return Cow::Owned(format!("{}を有効にする", name(*method))),
        MfaText::TurnOff(method) => return Cow::Owned(format!("{}を無効にする", name(*method))),
        MfaText::SetUp(method) => return Cow::Owned(format!("{}を設定する", name(*method))),
        MfaText::MakePreferred(method) => {
            return Cow::Owned(format!("{}を優先して使う", name(*method)))
        }
        MfaText::RequiredByPool => {
            "このサイトでは2段階認証が必須のため、無効にはできません。"
        }
        MfaText::NotOffered => "このサイトでは2段階認証を使用していません。",
        MfaText::Changed => "2段階認証の設定を更新しました。",
        MfaText::Cancel => "キャンセル",
    })
}

fn name(method: MfaMethod) -> &'static str {
    match method {
        MfaMethod::Totp => "認証アプリ",
        MfaMethod::Email => "メールのコード",
        MfaMethod::Sms => "SMS のコード",
    }
}

fn code_intro(method: MfaMethod, to: Option<&str>) -> Cow<'static, str> {
    Cow::Owned(match (method, to) {
        (MfaMethod::Totp, _) => format!(
            "認証アプリを開き、このアカウントに表示される{CODE_DIGITS}桁のコードを入力してください。"
        ),
        (_, Some(to)) => format!("{to} にコードを送信しました。下に入力してください。"),
        (MfaMethod::Email, None) => "お送りしたメールに記載のコードを入力してください。".to_owned(),
        (MfaMethod::Sms, None) => "お送りした SMS に記載のコードを入力してください。".to_owned(),
    })
}

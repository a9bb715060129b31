//! 日本語: サインインの識別子の言葉。

use super::IdentifierText;
use crate::identifier::{IdKind, IdentifierError, IdentifierLabel};
use crate::validation::USERNAME_MAX_CHARS;
use std::borrow::Cow;

pub(super) fn render(text: &IdentifierText) -> Cow<'static, str> {
    Cow::Borrowed(match text {
        IdentifierText::Label(label) => label_text(*label),
        IdentifierText::Username => "ユーザー名",
        IdentifierText::PhoneNumber => "電話番号",
        IdentifierText::Country => "国または地域",
        IdentifierText::CountryName { iso, code } => {
            return Cow::Owned(format!("{}（+{code}）", country(iso)))
        }
        IdentifierText::PhoneHint => {
            "選んだ国でかけるときの番号か、+ と国番号から始まる番号を入力してください。"
        }
        IdentifierText::TextedCode { to, again } => {
            let first = if *again { "新しいコードを送りました。" } else { "" };
            return Cow::Owned(match to {
                Some(to) => format!("{first}{to} に SMS でコードを送りました。下に入力してください。"),
                None => format!("{first}SMS で届いたコードを入力してください。"),
            });
        }
        IdentifierText::ForgotIntro(label) => {
            return Cow::Owned(format!(
                "アカウントの{}を入力してください。パスワードを再設定するためのコードを送ります。",
                label_text(*label)
            ))
        }
        IdentifierText::Taken(IdKind::Username) => {
            "このユーザー名はすでに使われています。別のユーザー名を選んでください。"
        }
        IdentifierText::Taken(IdKind::Email) => "このメールアドレスはすでに登録されています。",
        IdentifierText::Taken(IdKind::Phone) => "この電話番号はすでに登録されています。",
        IdentifierText::AliasTaken(IdKind::Phone) => {
            "この電話番号のアカウントはすでにあります。そのアカウントでサインインしてください。"
        }
        IdentifierText::AliasTaken(IdKind::Email) => {
            "このメールアドレスのアカウントはすでにあります。そのアカウントでサインインしてください。"
        }
        IdentifierText::AliasTaken(IdKind::Username) => {
            "このメールアドレスまたは電話番号のアカウントはすでにあります。そのアカウントでサインインしてください。"
        }
        IdentifierText::IncorrectCredentials(label) => {
            return Cow::Owned(format!(
                "{}またはパスワードが正しくありません。",
                label_text(*label)
            ))
        }
        IdentifierText::NotFound(label) => {
            return Cow::Owned(format!("この{}のアカウントは見つかりませんでした。", label_text(*label)))
        }
        IdentifierText::Field(error) => return field(*error),
    })
}

fn label_text(label: IdentifierLabel) -> &'static str {
    match label {
        IdentifierLabel::Email => "メールアドレス",
        IdentifierLabel::Phone => "電話番号",
        IdentifierLabel::EmailOrPhone => "メールアドレスまたは電話番号",
        IdentifierLabel::Username => "ユーザー名",
        IdentifierLabel::UsernameOrEmail => "ユーザー名またはメールアドレス",
        IdentifierLabel::UsernameOrPhone => "ユーザー名または電話番号",
        IdentifierLabel::UsernameEmailOrPhone => "ユーザー名、メールアドレスまたは電話番号",
    }
}

fn field(error: IdentifierError) -> Cow<'static, str> {
    Cow::Borrowed(match error {
        IdentifierError::Missing(label) => {
            return Cow::Owned(format!("{}を入力してください。", label_text(label)))
        }
        IdentifierError::Invalid(label) => {
            return Cow::Owned(format!("正しい{}を入力してください。", label_text(label)))
        }
        IdentifierError::PhoneMissing => "電話番号を入力してください。",
        IdentifierError::PhoneInvalid => {
            "選んだ国の電話番号（日本なら 090-1234-5678 など）か、+ と国番号から始まる番号を入力してください。"
        }
        IdentifierError::UsernameMissing => "ユーザー名を入力してください。",
        IdentifierError::UsernameTooLong => {
            return Cow::Owned(format!(
                "ユーザー名は {USERNAME_MAX_CHARS} 文字以内で入力してください。"
            ))
        }
        IdentifierError::UsernameInvalid => "ユーザー名に空白は使えません。",
        IdentifierError::UsernameLooksLikeEmail => {
            "ユーザー名にメールアドレスは使えません。メールアドレスは専用の欄に入力してください。"
        }
        IdentifierError::UsernameLooksLikePhone => {
            "ユーザー名に電話番号は使えません。電話番号は専用の欄に入力してください。"
        }
    })
}

fn country(iso: &str) -> &'static str {
    match iso {
        "JP" => "日本",
        "US" => "アメリカ合衆国",
        "CA" => "カナダ",
        "GB" => "イギリス",
        "AU" => "オーストラリア",
        "NZ" => "ニュージーランド",
        "DE" => "ドイツ",
        "FR" => "フランス",
        "KR" => "韓国",
        "CN" => "中国",
        "TW" => "台湾",
        "HK" => "香港",
        "SG" => "シンガポール",
        "IN" => "インド",
        "PH" => "フィリピン",
        "BR" => "ブラジル",
        _ => "",
    }
}

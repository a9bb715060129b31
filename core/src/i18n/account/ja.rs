//! 日本語: the account screens.

use super::{attribute_words, AccountText};
use crate::attributes::{AttributeRefusal, StandardAttribute, ValueProblem, Verifiable};
use crate::i18n::Lang;
use std::borrow::Cow;

pub(super) fn render(text: &AccountText) -> Cow<'static, str> {
    Cow::Borrowed(match text {
        AccountText::Attribute(attribute) => match attribute {
            StandardAttribute::Name => "氏名",
            StandardAttribute::GivenName => "名",
            StandardAttribute::FamilyName => "姓",
            StandardAttribute::MiddleName => "ミドルネーム",
            StandardAttribute::Nickname => "ニックネーム",
            StandardAttribute::PhoneNumber => "電話番号",
            StandardAttribute::Birthdate => "生年月日",
            StandardAttribute::Locale => "言語と地域",
            StandardAttribute::Gender => "性別",
            StandardAttribute::Zoneinfo => "タイムゾーン",
            StandardAttribute::Website => "ウェブサイト",
        },
        AccountText::Optional => "（任意）",
        AccountText::Value(problem) => match problem {
            ValueProblem::Required => "入力してください。",
            ValueProblem::PhoneFormat => {
                "+ と国番号を付けて入力してください（例: +81 90 1234 5678）。"
            }
            ValueProblem::DateFormat => "実在する日付を YYYY-MM-DD の形で入力してください。",
            ValueProblem::NotANumber => "数値を入力してください。",
            ValueProblem::TooLong(max) => {
                return Cow::Owned(format!("{max} 文字以内で入力してください。"))
            }
        },
        AccountText::Refusal(refusal) => return refusal_words(refusal),
        AccountText::ProfileTitle => "プロフィール",
        AccountText::ProfileIntro => "このサイトに登録されているあなたの情報です。",
        AccountText::Email => "メールアドレス",
        AccountText::EmailVerified(true) => "確認済み",
        AccountText::EmailVerified(false) => "未確認",
        AccountText::Save => "変更を保存",
        AccountText::Saved => "変更を保存しました。",
        AccountText::CodeSentTo(destination) => {
            return Cow::Owned(format!("{destination} に確認コードを送信しました。"))
        }
        AccountText::ChangePending(Verifiable::Email, new) => {
            return Cow::Owned(format!(
                "コードを入力すると、メールアドレスが {new} に変わります。それまでは今のアドレスでサインインできます。"
            ))
        }
        AccountText::ChangePending(Verifiable::PhoneNumber, new) => {
            return Cow::Owned(format!(
                "コードを入力すると、電話番号が {new} に変わります。それまでは今の番号が使われます。"
            ))
        }
        AccountText::VerificationCode => "確認コード",
        AccountText::Verify => "確認する",
        AccountText::SendCodeAgain => "コードを再送信",
        AccountText::CodeSentAgain => "新しいコードを送信しました。",
        AccountText::NowVerified(Verifiable::Email) => "メールアドレスを確認しました。",
        AccountText::NowVerified(Verifiable::PhoneNumber) => "電話番号を確認しました。",
        AccountText::VerifyTitle(Verifiable::Email) => "メールアドレスの確認",
        AccountText::VerifyTitle(Verifiable::PhoneNumber) => "電話番号の確認",
        AccountText::VerifyEmailBody => {
            "メールアドレスがまだ確認されていません。パスワードを忘れたときに再設定できるよう、確認してください。"
        }
        AccountText::SendCode => "コードを送信",
        AccountText::NotNow => "後で",
        AccountText::DeleteTitle => "アカウントの削除",
        AccountText::DeleteWarning => {
            "アカウントとその情報はすべて完全に削除され、元に戻せません。"
        }
        AccountText::DeleteConfirmLabel(own) => {
            return Cow::Owned(format!("確認のため、サインインに使うもの（{own}）を入力してください"))
        }
        AccountText::DeleteButton => "アカウントを削除",
        AccountText::DeleteEmailMismatch => "サインインに使うものと一致しません。",
        AccountText::DeletedTitle => "アカウントを削除しました",
        AccountText::DeletedBody => {
            "アカウントは削除され、すべての端末でサインアウトしました。新しいアカウントはいつでも作成できます。"
        }
    })
}

fn refusal_words(refusal: &AttributeRefusal) -> Cow<'static, str> {
    let name = |name: &str| attribute_words(name, Lang::Ja);
    Cow::Owned(match refusal {
        AttributeRefusal::Required(attribute) => format!("{}は必須です。", name(attribute)),
        AttributeRefusal::NotInPool(attribute) => format!(
            "このサイトは「{}」を求めていますが、ユーザープールにその属性がありません。サイトの管理者にお知らせください。",
            name(attribute)
        ),
        AttributeRefusal::Immutable(attribute) => {
            format!("{}は一度設定すると変更できません。", name(attribute))
        }
        AttributeRefusal::NotWritable => {
            "このサイトには変更できない項目が含まれています。サイトの管理者にお知らせください。"
                .to_owned()
        }
        AttributeRefusal::PhoneFormat => {
            "電話番号は + と国番号を付けて入力してください（例: +81 90 1234 5678）。".to_owned()
        }
    })
}

//! 日本語のカタログ。翻訳調を避け、日本のサイトで見慣れた言い回しにしています。

use super::Text;
use crate::password_policy::PasswordRule;
use crate::problem::Problem;
use crate::validation::{FieldError, CODE_DIGITS, PASSWORD_MAX_CHARS, USERNAME_MAX_CHARS};
use std::borrow::Cow;

pub(super) fn render(text: &Text) -> Cow<'static, str> {
    let fixed = match text {
        Text::Loading => "読み込み中…",
        Text::RestoringSession => "サインイン状態を確認しています…",
        Text::LanguageLabel => "表示言語",
        Text::PageNotFound => "ページが見つかりません",
        Text::ConfigErrorTitle => "このサインインページはまだ設定されていません",
        Text::ConfigErrorHelp => {
            "サイトの管理者が、index.html と同じ場所に正しい config.json（region、userPoolId、\
             clientId、必要に応じて endpoint と passwordPolicy）を置く必要があります。"
        }
        Text::Email => "メールアドレス",
        Text::Password => "パスワード",
        Text::CurrentPassword => "現在のパスワード",
        Text::NewPassword => "新しいパスワード",
        Text::ConfirmPassword => "パスワード（確認用）",
        Text::ConfirmationCode => "確認コード",
        Text::Code => "確認コード",
        Text::ShowPassword => "パスワードを表示",
        Text::PasswordRequirements => "パスワードの条件",
        Text::SignIn => "サインイン",
        Text::ForgotPasswordLink => "パスワードをお忘れですか？",
        Text::NoAccountYet => "はじめての方は",
        Text::CreateAnAccount => "アカウントを作成",
        Text::CreateAccountButton => "アカウントを作成する",
        Text::HaveAnAccount => "アカウントをお持ちの方は",
        Text::BackToSignIn => "サインイン画面に戻る",
        Text::ConfirmTitle => "メールアドレスの確認",
        Text::ConfirmButton => "確認する",
        Text::ResendCode => "コードを再送信",
        Text::CodeSent { to, again } => return code_sent(to.as_deref(), *again),
        Text::AccountConfirmed => "アカウントの確認が完了しました。サインインしてください。",
        Text::AccountReady => "アカウントが作成されました。サインインしてください。",
        Text::ForgotPasswordTitle => "パスワードの再設定",
        Text::ForgotPasswordIntro => {
            "ご登録のメールアドレスを入力してください。パスワード再設定用の確認コードをお送りします。"
        }
        Text::SendCode => "コードを送信",
        Text::ResetPasswordTitle => "新しいパスワードの設定",
        Text::ResetPasswordButton => "パスワードを再設定",
        Text::PasswordResetDone => {
            "パスワードを再設定しました。新しいパスワードでサインインしてください。"
        }
        Text::NewPasswordTitle => "パスワードの設定",
        Text::NewPasswordIntro => {
            "管理者から発行された仮パスワードでサインインしました。続けるには、ご自身のパスワードを設定してください。"
        }
        Text::ChangePasswordButton => "パスワードを変更",
        Text::SignedInTitle => "サインインしています",
        Text::SignedInAs => "アカウント",
        Text::SessionExpires => "セッションの有効期限",
        Text::SignOut => "サインアウト",
        Text::SignOutEverywhere => "すべての端末からサインアウト",
        Text::SignedOutEverywhere => "すべての端末からサインアウトしました。",
        Text::SessionEnded => "セッションが終了しました。もう一度サインインしてください。",
        Text::ChangePasswordTitle => "パスワードの変更",
        Text::PasswordChanged => "パスワードを変更しました。",
        Text::BackToAccount => "アカウント画面に戻る",
        Text::LastRefreshed => "前回の更新",
        Text::NextRefresh => "次回の更新",
        Text::SessionVerifiedAt(time) => {
            return Cow::Owned(format!("{time} にサーバーでセッションを確認しました。"))
        }
        Text::RefreshRetrying(why) => {
            return Cow::Owned(format!(
                "セッションを更新できませんでした（{}）。再試行中です。サインインしたままご利用いただけます。",
                self::problem(why)
            ))
        }
        Text::RestoreRetrying(why) => {
            return Cow::Owned(format!(
                "セッションを復元できませんでした（{}）。接続が戻りしだい再試行します。",
                self::problem(why)
            ))
        }
        Text::OtherDevicesMayBeSignedIn(why) => {
            return Cow::Owned(format!(
                "この端末からはサインアウトしましたが、ほかの端末はサインインしたままの可能性があります。ほかの端末からのサインアウトに失敗しました（{}）。",
                self::problem(why)
            ))
        }
        Text::NotRevoked(why) => {
            return Cow::Owned(format!(
                "この端末からはサインアウトしましたが、サーバーに通知できなかったため（{}）、この端末のセッションは有効期限まで有効なままです。",
                self::problem(why)
            ))
        }
        Text::RetrySignOut => "もう一度試す",
        Text::PageUnavailable => "ページを表示できません",
        Text::PageLoadFailed => "このページを読み込めませんでした。接続を確認して、もう一度お試しください。",
        Text::RetryPageLoad => "もう一度試す",
        Text::SignInToSignOutOthers => {
            "ほかの端末からサインアウトするには、もう一度サインインして「すべての端末からサインアウト」を選んでください。"
        }
        Text::SignedOut => "サインアウトしました。",
        Text::NotPersisted => {
            "このブラウザーでは情報を保存できないため、再読み込みするとサインアウトされます。"
        }
        Text::CheckSession => "セッションを確認",
        Text::Returning => "元のページに戻ります…",
        Text::ReturnRefused(target) => return Cow::Owned(format!("戻り先「{target}」はこのページから移動できる先として登録されていないため、このページに留まります。")),
        Text::Greeting(email) => return Cow::Owned(format!("{email} さん、こんにちは")),
        Text::UserId => "ユーザー ID",
        Text::Field(error) => return field(*error),
        Text::Rule(rule) => return rule_text(*rule),
        Text::Mfa(text) => return text.render(super::Lang::Ja),
        Text::Passwordless(text) => return text.render(super::Lang::Ja),
        Text::Identifier(text) => return text.render(super::Lang::Ja),
        Text::Device(text) => return text.render(super::Lang::Ja),
        Text::Account(text) => return text.render(super::Lang::Ja),
        Text::Problem(problem) => return self::problem(problem),
    };
    Cow::Borrowed(fixed)
}

fn code_sent(to: Option<&str>, again: bool) -> Cow<'static, str> {
    let first = if again {
        "新しい確認コードを送信しました。"
    } else {
        ""
    };
    Cow::Owned(match to {
        Some(to) => {
            format!("{first}{to} 宛てに確認コードを送信しました。下の欄に入力してください。")
        }
        None => format!("{first}メールに記載された確認コードを入力してください。"),
    })
}

fn field(error: FieldError) -> Cow<'static, str> {
    Cow::Borrowed(match error {
        FieldError::Identifier(error) => {
            return super::IdentifierText::Field(error).render(super::Lang::Ja)
        }
        FieldError::EmailMissing => "メールアドレスを入力してください。",
        FieldError::EmailInvalid => {
            "メールアドレスの形式が正しくありません（例: name@example.com）。"
        }
        FieldError::EmailTooLong => {
            return Cow::Owned(format!(
                "メールアドレスは{USERNAME_MAX_CHARS}文字以内で入力してください。"
            ))
        }
        FieldError::PasswordMissing => "パスワードを入力してください。",
        FieldError::PasswordTooLong => {
            return Cow::Owned(format!(
                "パスワードは{PASSWORD_MAX_CHARS}文字以内で入力してください。"
            ))
        }
        FieldError::PasswordsDiffer => "パスワードが一致しません。",
        FieldError::PasswordTooWeak => "パスワードが条件を満たしていません。",
        FieldError::CodeMissing => "メールに記載された確認コードを入力してください。",
        FieldError::CodeMalformed => {
            return Cow::Owned(format!(
                "確認コードはメールに記載された{CODE_DIGITS}桁の数字で入力してください。"
            ))
        }
        FieldError::AppCodeMissing => "認証アプリに表示されているコードを入力してください。",
        FieldError::AppCodeMalformed => {
            return Cow::Owned(format!(
                "認証アプリに表示されている{CODE_DIGITS}桁の数字を入力してください。"
            ))
        }
    })
}

fn rule_text(rule: PasswordRule) -> Cow<'static, str> {
    Cow::Borrowed(match rule {
        PasswordRule::MinimumLength(n) => {
            return Cow::Owned(format!("パスワードは{n}文字以上にしてください"))
        }
        PasswordRule::Lowercase => "英小文字（a〜z）を含めてください",
        PasswordRule::Uppercase => "英大文字（A〜Z）を含めてください",
        PasswordRule::Numbers => "数字（0〜9）を含めてください",
        PasswordRule::Symbols => "記号（! @ # など）を含めてください",
        PasswordRule::NoSpaceAtEnds => "先頭と末尾にスペースは使えません",
    })
}

fn problem(problem: &Problem) -> Cow<'static, str> {
    let fixed = match problem {
        Problem::IncorrectCredentials => "メールアドレスまたはパスワードが正しくありません。",
        Problem::SessionExpired => {
            "セッションの有効期限が切れました。もう一度サインインしてください。"
        }
        Problem::ChallengeExpired => {
            "手続きの有効期限が切れました。もう一度サインインしてください。"
        }
        Problem::UserDisabled => {
            "このアカウントは現在ご利用いただけません。サイトの管理者にお問い合わせください。"
        }
        Problem::TooManyFailedAttempts => {
            "失敗が続いたため、一時的にご利用いただけません。しばらくしてからお試しください。"
        }
        Problem::AlreadyConfirmed => "このアカウントは確認済みです。そのままサインインできます。",
        Problem::ResetNotAllowed => {
            "このアカウントのパスワードは現在再設定できません。サイトの管理者にお問い合わせください。"
        }
        Problem::SignUpNotAllowed => {
            "このサイトではアカウントを作成できません。サイトの管理者にお問い合わせください。"
        }
        Problem::TemporaryPasswordExpired => {
            "仮パスワードの有効期限が切れています。サイトの管理者に再発行を依頼してください。"
        }
        Problem::NotAllowed => {
            "この操作は許可されていません。もう一度サインインしてからお試しください。"
        }
        Problem::UserNotFound => "このメールアドレスのアカウントは見つかりませんでした。",
        Problem::UserNotConfirmed => "このアカウントはまだ確認が済んでいません。",
        Problem::UsernameExists => "このメールアドレスはすでに登録されています。",
        Problem::AliasExists => "このメールアドレスは別のアカウントで使われています。",
        Problem::PasswordTooShort => "このパスワードは使えません。文字数が足りません。",
        Problem::PasswordLacks(rule) => {
            return Cow::Owned(format!("このパスワードは使えません。{}。", rule_text(*rule)))
        }
        Problem::PasswordNotAllowed => {
            "このパスワードは使えません。別のパスワードを設定してください。"
        }
        Problem::PasswordRecentlyUsed => {
            "最近使ったパスワードは使えません。別のパスワードを設定してください。"
        }
        Problem::InvalidInput(detail) if detail.is_empty() => "入力内容をご確認ください。",
        Problem::InvalidInput(detail) => {
            return Cow::Owned(format!("入力内容をご確認ください。（{detail}）"))
        }
        Problem::NoVerifiedContact => {
            "このアカウントには確認済みのメールアドレスがないため、コードを送信できません。サイトの管理者にお問い合わせください。"
        }
        Problem::CodeMismatch => "確認コードが正しくありません。もう一度ご確認ください。",
        Problem::ExpiredCode => {
            "確認コードの有効期限が切れています。新しいコードを送信してください。"
        }
        Problem::LimitExceeded => "試行回数が上限に達しました。しばらくしてからお試しください。",
        Problem::TooManyRequests => {
            "ただいまアクセスが集中しています。少し待ってからお試しください。"
        }
        Problem::ServiceMisconfigured => {
            "サインインサービスがこのページ向けに設定されていません（ユーザープールまたはアプリクライアントが見つかりません）。"
        }
        Problem::CodeDeliveryFailed => {
            "確認コードを送信できませんでした。しばらくしてからお試しください。"
        }
        Problem::MessagingMisconfigured => {
            "設定の問題により、サインインサービスからメッセージを送信できません。サイトの管理者にお問い合わせください。"
        }
        Problem::PoolMisconfigured => {
            "サインインサービスの設定に問題があります。サイトの管理者にお問い合わせください。"
        }
        Problem::PasswordResetRequired => {
            "パスワードの再設定が必要です。「パスワードをお忘れですか？」から確認コードを受け取ってください。"
        }
        Problem::Internal => {
            "サインインサービスで問題が発生しました。しばらくしてからお試しください。"
        }
        Problem::Forbidden => {
            "このリクエストはサイトの保護機能によってブロックされました。しばらくしてからお試しください。"
        }
        Problem::CustomCheckFailed(words) if words.is_empty() => {
            "このリクエストはサイト独自のチェックで受け付けられませんでした。"
        }
        Problem::CustomCheckFailed(words) => {
            return Cow::Owned(format!("このリクエストは受け付けられませんでした: {words}"))
        }
        Problem::CustomCheckBroken => {
            "サイト独自のチェックが応答しませんでした。しばらくしてからお試しください。"
        }
        Problem::MfaUnsupported => {
            "このアカウントには、このページが対応していない追加の認証が必要です。"
        }
        Problem::UnsupportedChallenge(name) => {
            return Cow::Owned(format!(
                "このアカウントには、このページがまだ対応していない手続き（{name}）が必要です。"
            ))
        }
        Problem::OperationUnsupported => "サインインサービスがこの操作に対応していません。",
        Problem::TokenNotRevocable => "この種類のトークンは無効化できません。",
        Problem::ClientNotAuthorized => "このページにはその操作を行う権限がありません。",
        Problem::Unknown(code) => {
            return Cow::Owned(format!(
                "問題が発生しました（{code}）。もう一度お試しください。"
            ))
        }
        Problem::Network => {
            "サインインサービスに接続できません。通信環境をご確認のうえ、もう一度お試しください。"
        }
        Problem::Passkey(problem) => return super::passkey::problem(problem, super::Lang::Ja),
        Problem::Attribute(refusal) => {
            return super::AccountText::Refusal(refusal.clone()).render(super::Lang::Ja)
        }
        Problem::NoSecureRandom => {
            "このブラウザーではサインインに必要な安全な乱数を作れません。別のブラウザーでお試しください。"
        }
        Problem::UnexpectedReply(status) => {
            return Cow::Owned(format!(
                "サインインサービスから予期しない応答がありました（HTTP {status}）。もう一度お試しください。"
            ))
        }
    };
    Cow::Borrowed(fixed)
}

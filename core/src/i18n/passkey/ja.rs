//! パスキーの日本語の文言。

use crate::problem::PasskeyProblem;
use std::borrow::Cow;

pub(super) fn problem(problem: &PasskeyProblem) -> Cow<'static, str> {
    Cow::Borrowed(match problem {
        PasskeyProblem::SignInCancelled => {
            "パスキーでのサインインがキャンセルされたか、時間切れになりました。もう一度お試しいただくか、別の方法でサインインしてください。"
        }
        PasskeyProblem::RegistrationCancelled => {
            "パスキーの登録がキャンセルされたか、時間切れになりました。準備ができたら、もう一度お試しください。"
        }
        PasskeyProblem::Unsupported => {
            "このブラウザーでは、このページでパスキーを使えません。別のブラウザーまたは端末でお試しください。"
        }
        PasskeyProblem::WrongSite => {
            "このページのアドレスでは、このサイトのパスキーを使えません。サイトの管理者にお問い合わせください。"
        }
        PasskeyProblem::AlreadyRegistered => {
            "この端末には、お使いのアカウントのパスキーがすでに登録されています。"
        }
        PasskeyProblem::Interrupted => "パスキーの操作が中断されました。もう一度お試しください。",
        PasskeyProblem::BadOptions => {
            "サインインサービスから届いたパスキーの情報を読み取れませんでした。しばらくしてからお試しください。"
        }
        PasskeyProblem::Failed(name) => {
            return Cow::Owned(format!(
                "パスキーの操作に失敗しました（{name}）。もう一度お試しください。"
            ))
        }
        PasskeyProblem::NotEnabled => "このサイトではパスキーが有効になっていません。",
        PasskeyProblem::ConfigurationMissing => {
            "このサイトのパスキーの設定が完了していません。サイトの管理者にお問い合わせください。"
        }
        PasskeyProblem::RegistrationExpired => {
            "パスキーの登録の有効期限が切れました。もう一度お試しください。"
        }
        PasskeyProblem::ClientMismatch => {
            "パスキーの登録が別のアプリで開始されています。このページで最初からやり直してください。"
        }
        PasskeyProblem::CredentialNotSupported => {
            "この種類のパスキーはご利用いただけません。別の端末またはパスキー管理サービスをお試しください。"
        }
    })
}

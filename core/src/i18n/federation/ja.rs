//! 連携サインインの日本語。

use super::FederationText;
use crate::config::ProviderKind;
use crate::oauth::FederationProblem;
use std::borrow::Cow;

pub(super) fn render(text: &FederationText) -> Cow<'static, str> {
    Cow::Borrowed(match text {
        FederationText::ContinueWith(kind, label) => match kind {
            ProviderKind::Apple => "Appleで続ける",
            ProviderKind::Google => "Google で続行",
            ProviderKind::Facebook => "Facebook で続ける",
            ProviderKind::Amazon => "Amazon でログイン",
            ProviderKind::Custom => return Cow::Owned(format!("{label} で続ける")),
        },
        FederationText::Or => "または",
        FederationText::WorkAccount => "職場のアカウントでサインイン",
        FederationText::WorkEmailHelp => "会社のサインインページに移動します。",
        FederationText::Continue => "続ける",
        FederationText::Finishing => "サインインを完了しています…",
        FederationText::Problem(problem) => match problem {
            FederationProblem::Cancelled => {
                "サインインはキャンセルされました。もう一度お試しいただくか、別の方法でサインインしてください。"
            }
            FederationProblem::ProviderError(code) => {
                return Cow::Owned(format!(
                    "サインインのプロバイダーでエラーが発生しました（{code}）。もう一度お試しください。"
                ))
            }
            FederationProblem::CodeRejected => {
                "サインインを完了できませんでした。コードが使用済みか期限切れ、またはこのブラウザーのものではありません。もう一度サインインしてください。"
            }
            FederationProblem::StateMismatch => {
                "このサインインはこのページで開始されたものではないため、安全のため中止しました。もう一度サインインしてください。"
            }
            FederationProblem::MissingVerifier => {
                "このサインインは別のタブやウィンドウで開始されたか、ブラウザーの保存データが消去されました。ここでもう一度サインインしてください。"
            }
            FederationProblem::NonceMismatch => {
                "サインインの応答がこの要求と一致しないため、受け付けませんでした。もう一度サインインしてください。"
            }
            FederationProblem::Misconfigured(code) => {
                return Cow::Owned(format!(
                    "このプロバイダーでのサインインが正しく設定されていません（{code}）。サイトの管理者にお問い合わせください。"
                ))
            }
            FederationProblem::Network => {
                "接続がないため、サインインを完了できませんでした。接続を確認して、もう一度サインインしてください。"
            }
            FederationProblem::UnexpectedReply(status) => {
                return Cow::Owned(format!(
                    "サインインのサービスから予期しない応答がありました（HTTP {status}）。もう一度お試しください。"
                ))
            }
            FederationProblem::NoRandomness => {
                "このブラウザーでは、サインインに必要な安全な乱数を作れません。"
            }
        },
    })
}

use crate::components::{ActionButton, StatusNote};
use crate::i18n::use_i18n;
use crate::session::{use_session, SignOutScope, UnfinishedSignOut};
use leptos::prelude::*;
use leptos_cognito_core::i18n::Text;

/// On the sign-in page: how the last sign-out went. A sign-out that could not reach the server
/// says what may still be signed in, with "Try again" while a retry can still work.
#[component]
pub fn SignOutReport() -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let report = session.sign_out_report();
    let retry = Action::new_local(move |_: &()| async move { session.retry_sign_out().await });
    let finished = i18n.words(move || match report.get() {
        Some(UnfinishedSignOut::Finished(SignOutScope::Everywhere)) => {
            Some(Text::SignedOutEverywhere)
        }
        Some(UnfinishedSignOut::Finished(SignOutScope::ThisDevice)) => Some(Text::SignedOut),
        _ => None,
    });
    let pending = move || match report.get() {
        Some(UnfinishedSignOut::Pending { scope, problem, .. }) => Some((scope, problem)),
        _ => None,
    };
    let can_retry = move || report.with(|r| r.as_ref().is_some_and(UnfinishedSignOut::can_retry));
    view! {
        <StatusNote message=finished/>
        {move || pending().map(|(scope, problem)| {
            let text = match scope {
                SignOutScope::ThisDevice => Text::NotRevoked(problem),
                SignOutScope::Everywhere => Text::OtherDevicesMayBeSignedIn(problem),
            };
            let advice = (scope == SignOutScope::Everywhere && !can_retry())
                .then(|| view! { " " {i18n.tr(Text::SignInToSignOutOthers)} });
            view! {
                <div class="alert" role="alert">
                    <p>{i18n.tr(text)} {advice}</p>
                    <Show when=can_retry>
                        <ActionButton
                            label=Text::RetrySignOut
                            pending=retry.pending()
                            disabled=retry.pending()
                            on_click=move || {
                                if !retry.pending().get_untracked() {
                                    retry.dispatch(());
                                }
                            }
                        />
                    </Show>
                </div>
            }
        })}
    }
}

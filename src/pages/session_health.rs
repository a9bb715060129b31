use crate::components::{ErrorAlert, StatusNote};
use crate::i18n::use_i18n;
use crate::session::{use_session, SessionState};
use leptos::prelude::*;
use leptos_cognito_core::i18n::{Lang, Text};

/// A time in milliseconds since the Unix epoch as the user's local time of day.
fn local_time_ms(epoch_ms: u64, lang: Lang) -> String {
    crate::clock::local(epoch_ms as f64).time(lang)
}

/// How fresh the session is: when it was last refreshed and will be next, whether a refresh is
/// being retried, whether it survives a reload, and a button that asks the server.
#[component]
pub fn SessionHealth() -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let schedule = move || match &*session.state().read() {
        SessionState::SignedIn(s) => Some((s.schedule, s.persisted)),
        _ => None,
    };
    let check = Action::new_local(move |_: &()| async move {
        let access = session.access_token().await.map_err(|e| e.problem())?;
        session
            .client()
            .get_user(&access)
            .await
            .map(|_| js_sys::Date::now() as u64)
            .map_err(|e| e.problem())
    });
    let pending = check.pending();
    let verified = i18n.words(move || match check.value().get() {
        Some(Ok(at)) if !pending.get() => {
            Some(Text::SessionVerifiedAt(local_time_ms(at, i18n.lang())))
        }
        _ => None,
    });
    let failed = i18n.words(move || match check.value().get() {
        Some(Err(problem)) if !pending.get() => Some(Text::Problem(problem)),
        _ => None,
    });
    let retrying = i18n.words(move || {
        session
            .refresh_problem()
            .get()
            .map(|e| Text::RefreshRetrying(e.problem()))
    });

    view! {
        <dl class="facts">
            <dt>{i18n.tr(Text::LastRefreshed)}</dt>
            <dd data-testid="last-refreshed">
                {move || schedule().map(|(s, _)| local_time_ms(s.received_wall_ms(), i18n.lang()))}
            </dd>
            <dt>{i18n.tr(Text::NextRefresh)}</dt>
            <dd data-testid="next-refresh">
                {move || schedule().map(|(s, _)| local_time_ms(s.refresh_wall_ms(), i18n.lang()))}
            </dd>
        </dl>
        <StatusNote message=retrying/>
        <p class="note" hidden=move || schedule().is_none_or(|(_, persisted)| persisted)>
            {i18n.tr(Text::NotPersisted)}
        </p>
        <StatusNote message=verified/>
        <ErrorAlert message=failed/>
        <button
            type="button"
            class="secondary"
            on:click=move |_| {
                if !pending.get_untracked() {
                    check.dispatch(());
                }
            }
            disabled=pending
        >
            {i18n.tr(Text::CheckSession)}
        </button>
    }
}
